// Entity recognition on hostile single inputs (issue 12): long runs without spaces, long runs of titled names, a
// user name repeated thousands of times. Each must grow linearly; a fourfold input may cost at most
// `linearFourfoldLimit` times as much (see test/support/growth.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle, analyzeArticleSteps, defaultSliceChars } from '../../src/core/entities/articleEntities';
import { groupEntities, groupEntitiesSteps, recognizeEntities } from '../../src/core/entities/index';
import { tokenize } from '../../src/core/entities/tokenize';
import { growthOfFourfold, linearFourfoldLimit } from '../support/growth';
import { manyNamesArticle, ordinaryParagraph, runWithoutSpaces, surname } from '../support/scaleInputs';

function assertLinear(what: string, make: (n: number) => string, n: number, recognize = (text: string) => recognizeEntities(text), runs = 3): void {
	const small = make(n);
	const large = make(4 * n);
	const growth = growthOfFourfold(() => recognize(small), () => recognize(large), runs);
	assert.ok(growth < linearFourfoldLimit, `${what}: 4x the input cost ${growth.toFixed(1)}x the time`);
}

void describe('entity recognition at scale', () => {
	void it('tokenizes and recognizes runs without spaces in linear time, keeping them whole', () => {
		for (const kind of ['letters', 'mixed'] as const) {
			const run = runWithoutSpaces(200_000, kind);
			assert.equal(tokenize(run, 0, run.length)[0].end, run.length, `${kind}: one word`);
			// Both sizes above 512 KB, so that both strings live in the large-object space (a one-off step in cost).
			assertLinear(`a run of ${kind}`, (n) => runWithoutSpaces(n, kind), 1_000_000);
		}
		// Every dot is a token: above 100,000 or so they outlive the young generation, a one-off step in cost.
		assertLinear('a run of dots', (n) => '.'.repeat(n), 200_000, undefined, 2);
		assertLinear('a run of digits', (n) => '7'.repeat(n), 250_000);
	});

	void it('splits a long line of titled names in linear time (each title joined the rest of the line: quadratic)', () => {
		const titled = (n: number): string => Array.from({ length: n }, (_, i) => `Mr. ${surname(i)}`).join(' ');
		assert.deepEqual(recognizeEntities(titled(3)).map((m) => m.text), ['Ba', 'Bb', 'Bc']);
		assertLinear('titled names', (n) => titled(n / 10), 30_000);
	});

	void it('places a user name found thousands of times in linear time (each was compared with all: quadratic)', () => {
		const lexicon = { entities: [{ canonical: 'Kim Jong', type: 'person' as const, aliases: ['Kim'] }] };
		const text = (n: number): string => Array.from({ length: n }, (_, i) => `Kim met ${surname(i)} and Kim Jong left.`).join(' ');
		const mentions = recognizeEntities(text(2), { lexicon });
		assert.deepEqual(mentions.filter((m) => m.text.startsWith('Kim')).map((m) => `${m.type}:${m.text}`), ['person:Kim', 'person:Kim Jong', 'person:Kim', 'person:Kim Jong']);
		assertLinear('user names', (n) => text(n / 30), 180_000, (t) => recognizeEntities(t, { lexicon }));
	});

	void it('analyses a huge paragraph in slices cut after sentence ends, finding what a whole run finds', () => {
		const text = ` date 2024-03-16 ${ordinaryParagraph(200_000, 4)}`;
		let slices = 0;
		const steps = analyzeArticleSteps(text);
		while (!steps.next().done) slices++;
		// It was one slice: the whole paragraph recognized in one step on the extension host.
		assert.ok(slices >= text.length / (2 * defaultSliceChars), `${slices} slices`);
		const spans = (mentions: readonly { start: number; end: number }[]): string[] => mentions.map((m) => `${m.start}-${m.end}`).sort();
		assert.deepEqual(spans(analyzeArticle(text).entities.flatMap((e) => e.mentions)), spans(recognizeEntities(text)));
	});

	void it('analyses a huge run without spaces in slices too (it was one step), finding what a whole run finds', () => {
		for (const kind of ['letters', 'mixed'] as const) {
			const text = ` date 2024-03-16 Anna Berg met Olav Nordvik. ${runWithoutSpaces(150_000, kind)}😀${runWithoutSpaces(50_000, kind)} Then Anna Berg left.`;
			let slices = 0;
			const steps = analyzeArticleSteps(text);
			while (!steps.next().done) slices++;
			assert.ok(slices >= text.length / (2 * defaultSliceChars), `${kind}: ${slices} slices`);
			const spans = (mentions: readonly { start: number; end: number }[]): string[] => mentions.map((m) => `${m.start}-${m.end}`).sort();
			assert.deepEqual(spans(analyzeArticle(text).entities.flatMap((e) => e.mentions)), spans(recognizeEntities(text)), kind);
		}
	});

	void it('groups many names in steps a host can give the thread back between, with the same result', () => {
		const { text, mentions } = manyNamesArticle(8_000);
		const steps = groupEntitiesSteps(mentions, text);
		let yields = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields++;
		// It was one step: 50,000 names held the extension host for over a second.
		assert.ok(yields >= mentions.length / 2_000, `${yields} steps for ${mentions.length} mentions`);
		assert.deepEqual(step.value, groupEntities(mentions, text));
	});
});
