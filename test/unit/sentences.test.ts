import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/core/seed/sentences';

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
