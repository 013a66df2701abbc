import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eitherOf, LineSet } from '../../src/core/text/lineSet';
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
