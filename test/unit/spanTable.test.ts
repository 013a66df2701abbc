import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpanTable, spanHashEnd, spanHashStart, spanHashStep } from '../../src/core/text/spanTable';

void test('SpanTable finds a value by the characters of any span that spells its key, and nothing else', () => {
	const table = new SpanTable<number>(16);
	table.set('Kim', 1);
	table.set('Kim Jong', 2);
	table.set('', 3);
	const text = 'xxKim Jong-un met Kimberley and KIM';
	assert.equal(table.get(text, 2, 5), 1);
	assert.equal(table.get(text, 2, 10), 2);
	assert.equal(table.get(text, 18, 21), 1, 'a span inside a longer word');
	assert.equal(table.get(text, 4, 4), 3, 'the empty span');
	assert.equal(table.get(text, 32, 35), undefined, 'case counts');
	assert.equal(table.get(text, 2, 4), undefined, 'a prefix of a key');
	assert.equal(table.get(text, 2, 6), undefined, 'a key and more');
	table.set('Kim', 4);
	assert.equal(table.get('Kim', 0, 3), 4, 'set again, replaced');
	assert.equal(table.size, 3);
});

void test('SpanTable agrees with a Map on many keys, colliding slots and non-ASCII text included', () => {
	const table = new SpanTable<string>(1 << 12);
	const map = new Map<string, string>();
	const words: string[] = [];
	for (let i = 0; i < 1500; i++) words.push(`w${i.toString(36)}${i % 7 === 0 ? 'é\u2019' : ''}${i % 11 === 0 ? '\u{1F600}' : ''}`);
	for (const word of words) {
		table.set(word, word.toUpperCase());
		map.set(word, word.toUpperCase());
	}
	const text = words.join(' ');
	let at = 0;
	for (const word of words) {
		assert.equal(table.get(text, at, at + word.length), map.get(word), word);
		assert.equal(table.get(text, at, at + word.length - 1), map.get(word.slice(0, -1)), `${word} less its last unit`);
		at += word.length + 1;
	}
	assert.equal(table.size, map.size);
});

void test('SpanTable forgets everything when half full, so that its size stays bounded, and answers right after', () => {
	const table = new SpanTable<number>(8);
	for (let i = 0; i < 4; i++) table.set(`k${i}`, i);
	assert.equal(table.size, 4);
	table.set('k4', 4);
	assert.equal(table.size, 1, 'the fifth key found the table half full: the others were forgotten');
	assert.equal(table.get('k0', 0, 2), undefined);
	assert.equal(table.get('k4', 0, 2), 4);
	for (let i = 0; i < 100; i++) table.set(`n${i}`, i);
	assert.ok(table.size <= 4);
	assert.equal(table.get('n99', 0, 3), 99);
	assert.throws(() => new SpanTable(12), /power of two/);
});

void test('SpanTable.getHashed with a hash taken unit by unit finds what get finds; no span hashes to an empty slot', () => {
	const table = new SpanTable<number>(64);
	const keys = ['Zoë', 'Łódź', 'O\u2019Neill', '1,000', 'a', ''];
	keys.forEach((key, k) => table.set(key, k));
	const text = `..${keys.join('|')}|Zoe|Lodz`;
	for (let start = 0; start < text.length; start++) {
		let hash = spanHashStart;
		for (let end = start; end <= text.length; end++) {
			assert.equal(table.getHashed(text, start, end, spanHashEnd(hash)), table.get(text, start, end), text.slice(start, end));
			if (end < text.length) hash = spanHashStep(hash, text.charCodeAt(end));
		}
	}
	assert.equal(table.get(text, 2, 5), 0);
	// The mix maps only 0 to 0; a span whose hash state is 0 must still not look like an empty slot (0).
	assert.notEqual(spanHashEnd(0), 0);
	for (let state = -5; state <= 5; state++) assert.notEqual(spanHashEnd(state), 0);
});
