// sentenceStarts (src/core/text/sentenceBreaks.ts) against its reference, Intl.Segmenter's sentence segments, on
// random text over every character it handles, on generated news and on the checkworthiness evaluation data when
// they are beside the clone (NEWS_SEED_DATA, as for `npm run eval:checkworthy`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { sentenceStarts } from '../../src/core/text/sentenceBreaks';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const reference = (text: string): number[] => Array.from(segmenter.segment(text), (s) => s.index);

/** Every character sentenceStarts handles, by its class (the terminators and spaces twice, to make them frequent). */
const handled = [
	'a', 'x', 'z', 'é', 'ß', 'ÿ', 'ã', // Lower
	'A', 'Z', 'É', 'Á', 'À', // Upper
	'0', '7', // Numeric
	'.', '.', '!', '?', '?', // ATerm, STerm
	' ', ' ', '\t', '\v', '\f', '\u00a0', '\u2002', '\u200a', '\u202f', '\u205f', '\u3000', // Sp
	'"', "'", '(', ')', '[', ']', '{', '}', '«', '»', '‘', '’', '‚', '“', '”', '„', '‟', // Close
	',', '-', ':', ';', '–', '—', // SContinue
	'$', '%', '#', '/', '*', '_', '@', '&', '+', '=', '<', '>', '~', '^', '`', '|', '\\', '×', '÷', '…', '€', '📉', '🙂', '🫠', // Other
];

/** A deterministic pseudo-random generator (the test is the same every run). */
function random(seed: number): (n: number) => number {
	let state = seed;
	return (n) => {
		state = (state * 1103515245 + 12345) & 0x7fffffff;
		return state % n;
	};
}

/** Compares on each text; returns how many the fast path handled (the others must be undefined). */
function compare(texts: Iterable<string>): number {
	let handledTexts = 0;
	for (const text of texts) {
		const starts = sentenceStarts(text);
		if (starts === undefined) continue;
		handledTexts++;
		assert.deepEqual(starts, reference(text), JSON.stringify(text));
	}
	return handledTexts;
}

void describe('sentenceStarts', () => {
	void it('gives Intl.Segmenter\'s sentence starts on random text over every character it handles', () => {
		const next = random(20261202);
		const texts: string[] = [];
		for (let t = 0; t < 30_000; t++) {
			let text = '';
			const length = 1 + next(t % 2 === 0 ? 12 : 48);
			for (let k = 0; k < length; k++) text += handled[next(handled.length)];
			texts.push(text);
		}
		assert.equal(compare(texts), texts.length);
	});

	void it('gives the segmenter\'s starts on the patterns the rules single out', () => {
		const cases = [
			'', 'Hi.', 'Hi. There', 'Hi. there', 'Hi.there', 'U.S. Army', 'U.S.A. Today', 'a.B', 'A.b', '1.B', '3.5 million.',
			'Hi. ; And', 'Hi.; And', 'Hi. – And', 'Hi.… And', 'Hi. … and', 'Hi. “and', 'Hi. “And', 'Hi.” And', 'Hi.”  And',
			'Hi. 📉 And', 'Hi. 📉 and', 'etc. (5) and', 'etc. (5) And', 'Why? Because.', 'Why?! No.', 'Go!” she said.', 'Go! (Now.) Then',
			'He said "Go." Then she left.', 'a.  \t  B', 'Wow!!!   ', '...', '. . . and', '?', '!a', 'x.)]}" y', 'x.)]}" Y', 'x. ) y', 'x. ) Y',
		];
		assert.equal(compare(cases), cases.length);
	});

	void it('gives the segmenter\'s starts on generated news, and handles all of it', () => {
		const articles = Array.from({ length: 12 }, (_, round) => warmUpArticle(round, 30));
		const paragraphs = articles.flatMap((text) => text.split('\n\n'));
		assert.equal(compare([...articles.map((text) => text.replace(/\n/g, ' ')), ...paragraphs]), articles.length + paragraphs.length);
	});

	void it('leaves text with any other character to the segmenter', () => {
		for (const text of ['Line one.\nLine two.', 'CR.\rNext', 'Sep.\u2028Next', 'NEL.\u0085Next', 'Mark\u0301. Next', 'Soft\u00adhyphen. X', 'Zero\u200bwidth.', 'Emoji 👍\ufe0f. X', 'Skin 👍🏽. X', 'Greek Αθήνα. X', 'Lone \ud83d surrogate', 'Squared 🄰. X', '² squared. X']) {
			assert.equal(sentenceStarts(text), undefined, JSON.stringify(text));
		}
	});

	// The evaluation data of issue 10, when present: every line of the debates and of ClaimBuster's sets.
	const data = process.env.NEWS_SEED_DATA ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
	const dataFiles = [join(data, 'claimbuster', 'crowdsourced.csv'), join(data, 'claimbuster', 'groundtruth.csv')];
	const debates = join(data, 'checkthat2019', 'training');
	if (existsSync(debates)) dataFiles.push(...readdirSync(debates).map((name) => join(debates, name)));
	void it('gives the segmenter\'s starts on every line of the check-worthiness data', { skip: dataFiles.every((file) => !existsSync(file)) && 'the data are not beside this clone (NEWS_SEED_DATA)' }, () => {
		const lines = dataFiles.filter((file) => existsSync(file)).flatMap((file) => readFileSync(file, 'utf8').split('\n'));
		const handledLines = compare(lines);
		// Most of the data is handled (the rest holds characters left to the segmenter).
		assert.ok(handledLines > lines.length * 0.9, `${handledLines} of ${lines.length} lines handled`);
	});
});
