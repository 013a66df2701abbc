import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eitherOf, LineSet, remembering, WordFacts } from '../../src/core/text/lineSet';
import { COMMON_WORDS } from '../../src/core/entities/data/commonWords';
import { FIRST_NAMES } from '../../src/core/entities/data/names';
import { CITIES } from '../../src/core/entities/data/places';

void test('LineSet holds exactly the lines, first, last and between, and no prefix or extension of them', () => {
	const set = new LineSet('aa\naah\nab\nbé\nzebra');
	for (const word of ['aa', 'aah', 'ab', 'bé', 'zebra']) assert.ok(set.has(word), word);
	for (const word of ['', 'a', 'aaa', 'aa\naah', 'b', 'be', 'zebras', 'zebr', 'zz', '\n']) assert.ok(!set.has(word), JSON.stringify(word));
	assert.equal(set.size, 5);
	assert.ok(new LineSet('only').has('only'));
	assert.ok(!new LineSet('only').has('onl'));
});

void test('LineSet answers as a Set of the same lines on every word of the lists and their near misses', () => {
	for (const data of [COMMON_WORDS, FIRST_NAMES, CITIES]) {
		const words = data.split('\n');
		const set = new LineSet(data);
		assert.equal(set.size, new Set(words).size);
		for (const word of words) assert.ok(set.has(word), word);
		const plain = new Set(words);
		for (const word of words) for (const near of [`${word}s`, word.slice(1), `${word.slice(0, -1)}~`]) assert.equal(set.has(near), plain.has(near), near);
	}
});

/** Whether the lines are in order (UTF-16 code units) and distinct, as LineSet's binary search needs. */
function isSorted(data: string): boolean {
	const lines = data.split('\n');
	return lines.every((line, i) => i === 0 || lines[i - 1] < line);
}

void test('the gazetteer lists looked up by binary search are sorted and distinct, as LineSet needs', () => {
	assert.ok(isSorted(COMMON_WORDS), 'common words');
	assert.ok(isSorted(FIRST_NAMES), 'given names');
	assert.ok(isSorted(CITIES), 'cities');
	assert.ok(!isSorted('b\na'));
	assert.ok(!isSorted('a\na'));
});

void test('eitherOf holds what either set holds', () => {
	const both = eitherOf(new LineSet('a\nc'), new Set(['b']));
	assert.deepEqual(['a', 'b', 'c', 'd'].map((w) => both.has(w)), [true, true, true, false]);
});

void test('remembering answers as the predicate does, asks it once per remembered word, and forgets all when full', () => {
	const asked: string[] = [];
	const isShort = remembering((word) => {
		asked.push(word);
		return word.length < 4;
	}, 3);
	assert.deepEqual(['ab', 'abcd', 'ab', 'abcd'].map(isShort), [true, false, true, false]);
	assert.deepEqual(asked, ['ab', 'abcd'], 'a remembered word is not asked again, false answers included');
	isShort('x');
	isShort('long word');
	assert.deepEqual(asked, ['ab', 'abcd', 'x', 'long word']);
	// The fourth word found three remembered: all were forgotten, so "ab" is asked again, and the answers stay right.
	assert.equal(isShort('ab'), true);
	assert.deepEqual(asked, ['ab', 'abcd', 'x', 'long word', 'ab']);
	assert.equal(isShort('long word'), false);
});

void test('LineSet answers the same when asked again, after its remembered answers were forgotten', () => {
	const set = new LineSet(FIRST_NAMES);
	const words = FIRST_NAMES.split('\n').slice(0, 20_000);
	const misses = words.map((word) => `${word}~`);
	// More distinct words than are remembered: every answer is given once from the search and once from memory or again.
	for (let round = 0; round < 2; round++) {
		for (const word of words) assert.ok(set.has(word), word);
		for (const word of misses) assert.ok(!set.has(word), word);
	}
});

void test('LineSet with hashLines answers as a Set of the same lines on every word of the lists and their near misses', () => {
	const small = new LineSet('aa\naah\nab\nbé\nzebra', false);
	small.hashLines();
	for (const word of ['aa', 'aah', 'ab', 'bé', 'zebra']) assert.ok(small.has(word), word);
	for (const word of ['', 'a', 'aaa', 'aa\naah', 'b', 'be', 'zebras', 'zebr', 'zz', '\n']) assert.ok(!small.has(word), JSON.stringify(word));
	const one = new LineSet('only', false);
	one.hashLines();
	assert.ok(one.has('only') && !one.has('onl') && !one.has(''));
	for (const data of [COMMON_WORDS, FIRST_NAMES, CITIES]) {
		const words = data.split('\n');
		const plain = new Set(words);
		for (const remember of [false, true]) {
			const set = new LineSet(data, remember);
			// Half the words asked before the index is made (remembered answers stay right), all of them after.
			for (const word of words.slice(0, words.length >> 1)) assert.ok(set.has(word), word);
			set.hashLines();
			for (const word of words) assert.ok(set.has(word), word);
			for (const word of words) for (const near of [`${word}s`, word.slice(1), `${word.slice(0, -1)}~`]) assert.equal(set.has(near), plain.has(near), near);
		}
	}
});

void test('WordFacts answers each fact as its predicate does, asks each predicate once per word, and keeps the facts apart', () => {
	const asked: string[] = [];
	const facts = new WordFacts();
	const isShort = facts.fact((word) => {
		asked.push(`short ${word}`);
		return word.length < 4;
	});
	const hasA = facts.fact((word) => {
		asked.push(`a ${word}`);
		return word.includes('a');
	});
	assert.deepEqual(['ab', 'ab', 'xyzw', 'ab', 'xyzw'].map(isShort), [true, true, false, true, false]);
	assert.deepEqual(['ab', 'xyzw', 'xyzw', 'ab', 'cd'].map(hasA), [true, false, false, true, false]);
	assert.deepEqual(['cd', 'xyzw', 'ab'].map(isShort), [true, false, true]);
	assert.deepEqual(asked, ['short ab', 'short xyzw', 'a ab', 'a xyzw', 'a cd', 'short cd'], 'one question per fact and word, false answers included');
	assert.equal(facts.size, 3);
	assert.throws(() => {
		const many = new WordFacts();
		for (let k = 0; k < 16; k++) many.fact(() => true);
	}, RangeError);
});

void test('WordFacts stays bounded by generations, keeps the words still in use, and never answers wrong', () => {
	const asked = new Map<string, number>();
	const facts = new WordFacts(4);
	const isEven = facts.fact((word) => {
		asked.set(word, (asked.get(word) ?? 0) + 1);
		return Number(word) % 2 === 0;
	});
	// "0" is asked between every new word: it is carried from the older generation into the newest, never asked again.
	for (let k = 1; k <= 100; k++) {
		assert.equal(isEven(String(k)), k % 2 === 0);
		assert.equal(isEven('0'), true);
		assert.ok(facts.size <= 8, `at most two generations of 4 words, not ${facts.size}`);
	}
	assert.equal(asked.get('0'), 1);
	// Old words were forgotten (bounded) and are asked again, with the same answers.
	for (let k = 1; k <= 100; k++) assert.equal(isEven(String(k)), k % 2 === 0);
	assert.ok((asked.get('1') ?? 0) === 2);
	// The limit may change: a larger one takes effect as words are stored.
	facts.limit = 1000;
	for (let k = 1; k <= 100; k++) isEven(String(k));
	const before = asked.get('50');
	for (let k = 1; k <= 100; k++) isEven(String(k));
	assert.equal(asked.get('50'), before, 'all 100 remembered under the larger limit');
});
