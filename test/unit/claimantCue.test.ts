// The claimant suggestion: the whole name, only an attribution that covers the tagged text, no person for data
// sources, and time linear in the text (it was quadratic on long runs of letters without spaces).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestClaimant } from '../../src/core/claims/claimantCue';

/** The suggestion for tagging `tagged` inside `sentence` of `text` (both found by their text). */
function suggestFor(text: string, sentence: string, tagged: string): string | null {
	const within = text.indexOf(sentence);
	const at = text.indexOf(tagged, within);
	assert.ok(within >= 0 && at >= 0, 'the sentence and the tagged text are in the article');
	return suggestClaimant(text, { within: { start: within, end: within + sentence.length }, tagged: { start: at, end: at + tagged.length } });
}

const lead = 'Interior Minister Tomas Okonkwo-Baptiste, who spoke at the opening, outlined the plan. The ministry expects 400 new posts by June.';
const later = 'Rail traffic fell 12% in the first quarter, and Okonkwo-Baptiste said the network had “room to recover.”';
const article = `${lead}\n\n${later}`;

void test('claimant: a surname alone is completed from the article\'s earlier full mention, titles dropped', () => {
	assert.equal(suggestFor(article, later, 'the network had “room to recover.”'), 'Tomas Okonkwo-Baptiste');
	assert.equal(suggestClaimant('Ms. Okafor said prices would fall.'), 'Okafor', 'no earlier mention: the surname as written');
	assert.equal(suggestClaimant('Energy Commissioner Lale Demir said the grid held.'), 'Lale Demir');
});

void test('claimant: only an attribution whose reported content covers the tagged text', () => {
	assert.equal(suggestFor(article, later, 'Rail traffic fell 12% in the first quarter'), null, 'the text before "and X said" is not X\'s claim');
	assert.equal(suggestFor(article, later, later), null, 'a span reaching outside the attribution gets none');
	const quoted = '“The bridge will open in May,” Okafor said on Tuesday.';
	assert.equal(suggestFor(quoted, quoted, 'The bridge will open in May'), 'Okafor', 'a name after the quote covers the quote');
	const inverted = 'Prices will not rise, said Lale Demir.';
	assert.equal(suggestFor(inverted, inverted, 'Prices will not rise'), 'Lale Demir');
	const two = 'Okafor said costs doubled. Demir said they fell.';
	assert.equal(suggestFor(two, 'Demir said they fell.', 'they fell'), 'Demir', 'the attribution of the sentence holding the text, not the previous one');
	const ministry = 'Exports will recover, the Trade Ministry said.';
	assert.equal(suggestFor(ministry, ministry, 'Exports will recover'), 'Trade Ministry');
});

void test('claimant: "according to market data" suggests no person; a source of people does', () => {
	const data = 'Copper futures fell 2.1% on the news, according to market data, before recovering slightly by the close.';
	assert.equal(suggestFor(data, data, 'Copper futures fell 2.1% on the news'), null);
	assert.equal(suggestClaimant('According to official figures, exports rose 4%.'), null);
	assert.equal(suggestClaimant('According to the auditors, the accounts balance.'), null, 'a noun outside the short list is not offered');
	assert.equal(suggestClaimant('According to police, two people were hurt.'), 'police');
	assert.equal(suggestClaimant('Output rose 3%, according to the Federal Statistics Office.'), 'Federal Statistics Office');
});

void test('claimant: linear on 320,000 characters of any shape (the quadratic version took 1.4 s for 32,000 letters, so about 140 s here)', () => {
	for (const unit of ['A', 'Ab', 'Ab ', 'A, said ', 'Ann said ', 'according to ']) {
		const text = unit.repeat(Math.ceil(320_000 / unit.length));
		const started = performance.now();
		suggestClaimant(text);
		const ms = performance.now() - started;
		// Linear work takes tens of milliseconds; the bound is far above that (a busy machine) and far below quadratic.
		assert.ok(ms < 3000, `${JSON.stringify(unit)}: ${Math.round(ms)} ms for 320,000 characters`);
	}
});
