import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, TokenKind } from '../../src/core/entities/tokenize';

function tokensOf(text: string): { text: string; lower: string; cap: boolean; upper: boolean; sentenceStart: boolean; kind: TokenKind }[] {
	return tokenize(text, 0, text.length).map(({ text, lower, cap, upper, sentenceStart, kind }) => ({ text, lower, cap, upper, sentenceStart, kind }));
}

void test('a lower-case particle before a capital makes a capitalised name; a lower-case word or a capital elsewhere does not', () => {
	const cap = (word: string): boolean => tokensOf(`x ${word}`)[1].cap;
	for (const name of ['al-Assad', 'el-Sisi', 'bin-Laden', "d'Estaing", "o'Brien", 'mcDonald', 'macArthur', 'van-Dijk', 'de-Gaulle', 'al-Ásad', 'al-Ömer']) assert.equal(cap(name), true, name);
	for (const word of ['al-assad', 'iPhone', 'eBay', 'also', 'macro', 'éclair', 'ölçü', 'al-', 'mc2', 'vanDijk']) assert.equal(cap(word), false, word);
	for (const word of ['Assad', 'Étienne', 'Ömer', 'Łódź', 'NATO']) assert.equal(cap(word), true, word);
});

void test('upper holds for words with letters and no lower-case one, ASCII or not', () => {
	const upper = (word: string): boolean => tokensOf(word)[0].upper;
	for (const word of ['NATO', 'U.S', 'ÉCOLE', 'F16', 'AT&T', 'ŁÓDŹ']) assert.equal(upper(word), true, word);
	for (const word of ['Nato', '1990s', 'École', 'nATO', 'ŁÓDź']) assert.equal(upper(word), false, word);
	assert.equal(tokensOf('1990')[0].upper, false, 'a number has no letters');
});

void test('a capital after a sentence-final designator starts a sentence; after a title it does not', () => {
	const [, , acme] = tokensOf('Acme Inc. Acme was');
	assert.equal(acme.text, 'Acme');
	assert.equal(acme.sentenceStart, true);
	const [mr, smith] = tokensOf('Mr. Smith said');
	assert.equal(mr.lower, 'mr.');
	assert.equal(smith.sentenceStart, false);
	const afterPeriod = tokensOf('He left. Smith said');
	assert.equal(afterPeriod[3].text, 'Smith');
	assert.equal(afterPeriod[3].sentenceStart, true);
	assert.equal(tokensOf('O\u2019Neill')[0].lower, "o'neill");
});

void test('a word seen before gives the same token wherever it stands, with or without the period it keeps', () => {
	const first = tokensOf('Acme Inc said St Louis');
	const again = tokensOf('Acme Inc. Acme said. St. Louis St Louis Inc');
	assert.deepEqual(again.map((t) => t.text), ['Acme', 'Inc.', 'Acme', 'said', '.', 'St.', 'Louis', 'St', 'Louis', 'Inc']);
	assert.deepEqual(again.map((t) => t.lower), ['acme', 'inc.', 'acme', 'said', '.', 'st.', 'louis', 'st', 'louis', 'inc']);
	assert.equal(again[2].sentenceStart, true, 'after "Inc."');
	assert.equal(again[5].sentenceStart, true, 'after "said."');
	assert.equal(again[6].sentenceStart, false, 'after "St."');
	assert.deepEqual(first.map((t) => t.lower), ['acme', 'inc', 'said', 'st', 'louis']);
	assert.equal(tokensOf('x 1,000 1,000.')[2].kind, TokenKind.Number);
});

void test('every code unit up to U+02FF is a letter inside a word exactly when it is a letter or mark', () => {
	const letterOrMark = /[\p{L}\p{M}]/u;
	for (let c = 0; c < 0x300; c++) {
		const ch = String.fromCharCode(c);
		if (/[\s'\u2019.,&-]/.test(ch) || c < 32) continue;
		const tokens = tokensOf(`ab${ch}cd`);
		assert.equal(tokens.length === 1, letterOrMark.test(ch) || /\d/.test(ch), `U+${c.toString(16).padStart(4, '0')} ${ch}`);
	}
	assert.deepEqual(tokensOf('Zoë Ñúñez Łukasz').map((t) => t.text), ['Zoë', 'Ñúñez', 'Łukasz']);
	assert.deepEqual(tokensOf('×÷').map((t) => t.text), ['×', '÷'], 'signs of Latin-1 are no letters');
});
