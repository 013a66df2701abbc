import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleTitle } from '../../src/core/seed/articleTitle';
import { buildOutline } from '../../src/core/seed/outline';
import { parseSeed, sentenceAt } from '../../src/core/seed/seedParser';
import { sentenceAround, sentenceWindowChars, splitSentences } from '../../src/core/seed/sentences';
import { spanAt } from '../../src/core/text/spanAt';
import { ordinaryParagraph, runWithoutSpaces } from '../support/scaleInputs';

/** The sentences of `text` as strings. */
function sentences(text: string): string[] {
	return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

void describe('splitSentences', () => {
	void it('splits plain sentences and excludes the blanks between them', () => {
		assert.deepEqual(sentences('Kim arrived. Putin waved!  Was it a gift? Yes.'), ['Kim arrived.', 'Putin waved!', 'Was it a gift?', 'Yes.']);
	});

	void it('never ends a sentence after a title, a month or U.S.', () => {
		assert.deepEqual(sentences('Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Senate. Gen. Lee agreed.'), [
			'Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Senate.',
			'Gen. Lee agreed.',
		]);
		assert.deepEqual(sentences('The U.K. Parliament and the E.U. Commission met Sept. 12 with Sen. Warren vs. Gov. Ray.'), [
			'The U.K. Parliament and the E.U. Commission met Sept. 12 with Sen. Warren vs. Gov. Ray.',
		]);
	});

	void it('keeps a company suffix final before a new sentence but not inside one', () => {
		assert.deepEqual(sentences('He works at Apple Inc. The company grew.'), ['He works at Apple Inc.', 'The company grew.']);
		assert.deepEqual(sentences('Shares of Acme Corp. rose, and No. 10 said so.'), ['Shares of Acme Corp. rose, and No. 10 said so.']);
	});

	void it('keeps a middle initial inside the name', () => {
		assert.deepEqual(sentences('John F. Kennedy spoke. He left.'), ['John F. Kennedy spoke.', 'He left.']);
	});

	void it('keeps closing quotes and brackets with their sentence', () => {
		assert.deepEqual(sentences('He said "Go." Then she left. “It is over.” They agreed (twice.) It ended.'), [
			'He said "Go."',
			'Then she left.',
			'“It is over.”',
			'They agreed (twice.)',
			'It ended.',
		]);
		assert.deepEqual(sentences("She called it 'a turning point.' Others disagreed."), ["She called it 'a turning point.'", 'Others disagreed.']);
	});

	void it('reads line breaks inside a paragraph as spaces', () => {
		assert.deepEqual(sentences('A sentence that wraps\nonto a second line. Next one.'), ['A sentence that wraps\nonto a second line.', 'Next one.']);
	});

	void it('returns offsets in the coordinates of the whole text', () => {
		const text = 'xx One. Two. yy';
		assert.deepEqual(splitSentences(text, 3, 12), [{ start: 3, end: 7 }, { start: 8, end: 12 }]);
	});

	void it('handles emoji, CJK and lone surrogates without losing characters', () => {
		const text = 'Shares fell 📉. 市场下跌。 Bad \ud800 data. End';
		const spans = splitSentences(text, 0, text.length);
		assert.equal(spans.map((s) => text.slice(s.start, s.end)).join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
		assert.ok(spans.length >= 3);
	});

	void it('gives nothing for blanks and clamps out-of-range arguments', () => {
		assert.deepEqual(splitSentences('   \n ', 0, 5), []);
		assert.deepEqual(splitSentences('Hi.', -4, 99), [{ start: 0, end: 3 }]);
	});

	void it('keeps an enumerator with the item it labels', () => {
		assert.deepEqual(sentences('1. Not a list item. 2) Another one.'), ['1. Not a list item.', '2) Another one.']);
	});

	void it('attaches a segment without letters to its neighbour', () => {
		assert.deepEqual(sentences('Wait... ... Then go.'), ['Wait... ...', 'Then go.']);
	});
});

/** Counts what `run` hands to the segmenter: the total and the longest text (the segmenter degrades past 131,072). */
function segmented(run: () => void): { total: number; longest: number } {
	const original = Intl.Segmenter.prototype.segment;
	const seen = { total: 0, longest: 0 };
	Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
		seen.total += input.length;
		seen.longest = Math.max(seen.longest, input.length);
		return original.call(this, input);
	};
	try {
		run();
	} finally {
		Intl.Segmenter.prototype.segment = original;
	}
	return seen;
}

/** Asserts the invariants of `splitSentences`: ordered, non-empty, trimmed spans covering every non-blank. */
function assertCovers(text: string, spans: readonly { start: number; end: number }[]): void {
	let covered = 0;
	for (const [i, span] of spans.entries()) {
		assert.ok(span.start < span.end && (i === 0 || spans[i - 1].end <= span.start), `span ${i} out of order`);
		assert.match(text.slice(covered, span.start), /^\s*$/u, `characters lost before span ${i}`);
		assert.ok(!/\s/u.test(text[span.start]) && !/\s/u.test(text[span.end - 1]), `span ${i} not trimmed`);
		covered = span.end;
	}
	assert.match(text.slice(covered), /^\s*$/u);
}

void describe('splitSentences on huge paragraphs (issue 12)', () => {
	void it('splits in windows exactly as in one piece, whatever the window size', () => {
		for (let seed = 1; seed <= 25; seed++) {
			const text = ordinaryParagraph(12_000, seed);
			const whole = splitSentences(text, 0, text.length, text.length);
			for (const windowChars of [300, 700, 2_000]) {
				assert.deepEqual(splitSentences(text, 0, text.length, windowChars), whole, `seed ${seed}, window ${windowChars}`);
			}
		}
	});

	void it('finds the sentence around an offset from a window as the whole split does', () => {
		for (let seed = 1; seed <= 10; seed++) {
			const text = ordinaryParagraph(30_000, seed);
			const whole = splitSentences(text, 0, text.length, text.length);
			for (let k = 1; k <= 60; k++) {
				const offset = (seed * 7_919 * k) % text.length;
				assert.deepEqual(sentenceAround(text, 0, text.length, offset), spanAt(whole, offset), `seed ${seed}, offset ${offset}`);
			}
		}
	});

	void it('hands the segmenter short windows only, about once per character (it was 1 MB at once: seconds)', () => {
		const text = ordinaryParagraph(1_000_000, 7);
		let spans: { start: number; end: number }[] = [];
		const seen = segmented(() => {
			spans = splitSentences(text, 0, text.length);
		});
		assert.ok(seen.longest <= sentenceWindowChars);
		assert.ok(seen.total < text.length * 1.1, `segmented ${seen.total} characters for ${text.length}`);
		assertCovers(text, spans);
	});

	void it('keeps every character of runs without sentence ends, in pieces no longer than a window', () => {
		for (const text of [runWithoutSpaces(100_000, 'letters'), runWithoutSpaces(100_000, 'mixed'), '.'.repeat(50_000), `${'😀'.repeat(30_000)} end.`]) {
			const spans = splitSentences(text, 0, text.length);
			assertCovers(text, spans);
			assert.ok(spans.every((s) => s.end - s.start <= sentenceWindowChars));
			assert.ok(spans.every((s) => !/[\udc00-\udfff]/u.test(text[s.start])), 'a piece starts inside a surrogate pair');
		}
	});

	void it('finds the title, the outline and the sentence under the cursor of a 1 MB paragraph from a few thousand characters', () => {
		const doc = parseSeed(` date 2024-03-16 ${ordinaryParagraph(1_000_000, 3)}`);
		const offset = 600_000;
		const seen = segmented(() => {
			assert.ok(articleTitle(doc).length > 10);
			assert.ok(buildOutline(doc).selection.end > 0);
			const sentence = sentenceAt(doc, offset);
			assert.ok(sentence && sentence.start <= offset && offset <= sentence.end);
		});
		assert.ok(seen.total <= 3 * sentenceWindowChars, `segmented ${seen.total} characters`);
	});
});
