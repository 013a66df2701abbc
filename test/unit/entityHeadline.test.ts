// Headline detection (recognize.ts isHeadline): a line of prose is given up on after a few words; these lines put the
// decision at every boundary of its rules, with the capitals that would turn it coming last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHeadline } from '../../src/core/entities/recognize';
import { tokenize } from '../../src/core/entities/tokenize';

const headline = (line: string): boolean => isHeadline(tokenize(line, 0, line.length));
const lower = ['said', 'went', 'rain', 'quickly', 'bought', 'seven', 'houses', 'today'];
const capitals = ['NATO', 'OPEC', 'FIFA', 'UEFA', 'NASA', 'ASEAN', 'UNICEF', 'IAEA'];

void test('a line of lower-case words and then all-capital ones is a headline exactly when 60% of at least three words are capitals', () => {
	for (let k = 0; k <= 8; k++) {
		for (let m = 0; m <= 8; m++) {
			if (k + m === 0) continue;
			const line = [...lower.slice(0, k), ...capitals.slice(0, m)].join(' ');
			const words = k + m;
			const expected = (k === 0 && m >= 1) || (words >= 3 && m >= words * 0.6);
			assert.equal(headline(line), expected, line);
			// The capitals first and the lower-case words after: the same counts, the same answer.
			assert.equal(headline([...capitals.slice(0, m), ...lower.slice(0, k)].join(' ')), expected, `reversed: ${line}`);
		}
	}
});

void test('function words, numbers and commas count as they did: a title-case heading, a list of names, a dateline', () => {
	assert.equal(headline('Monitoring and Responses'), true, 'title-case ordinary words');
	assert.equal(headline('Monitoring and Responses, 2024'), false, 'a comma and a number end a title');
	assert.equal(headline('the said went rain of and NATO OPEC FIFA'), false, 'function words are not counted: 3 capitals of 6 words');
	assert.equal(headline('the of and in NATO OPEC FIFA'), true, 'only capitals counted');
	assert.equal(headline('said went rain, NATO OPEC FIFA UEFA NASA'), true, '5 of 8 words: 62.5%');
	assert.equal(headline('said went rain quickly, NATO OPEC FIFA UEFA NASA ASEAN'), true, '6 of 10: 60%');
	assert.equal(headline('said went rain quickly bought, NATO OPEC FIFA UEFA NASA ASEAN'), false, '6 of 11');
	assert.equal(headline('A'), false, 'a lone one-letter capital');
});
