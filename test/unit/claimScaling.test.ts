// Claims at scale (issue 12): 10,000 claims in one article must anchor, follow edits and group in linear or
// n log n time. A fourfold input may cost at most `linearFourfoldLimit` times as much (see test/support/growth.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorClaims, mapAnchorsThroughEdits, prepareArticle, type ClaimAnchor } from '../../src/core/claims';
import { groupClaims } from '../../src/core/claims/claimPresentation';
import { DEFAULT_VERDICTS } from '../../src/core/claims';
import type { TextEdit } from '../../src/core/seed/seedDocument';
import { growthOfFourfold, linearFourfoldLimit } from '../support/growth';
import { insertWordInEveryParagraph, manyClaimsArticle } from '../support/scaleInputs';

function assertLinear(what: string, run: (n: number) => () => unknown, n: number): void {
	const growth = growthOfFourfold(run(n), run(4 * n));
	assert.ok(growth < linearFourfoldLimit, `${what}: 4x the claims cost ${growth.toFixed(1)}x the time`);
}

void describe('claims at scale', () => {
	void it('re-anchors claims that each moved by a different amount without reading the text once per claim', () => {
		const prepare = (n: number) => {
			const { text, claims } = manyClaimsArticle(n);
			const article = prepareArticle(insertWordInEveryParagraph(text));
			return { article, targets: claims.map((c) => c.target) };
		};
		const { article, targets } = prepare(50);
		const anchors = anchorClaims(article, targets);
		assert.ok(anchors.every((a, i) => a.status === 'anchored' && article.text.slice(a.span!.start, a.span!.end) === targets[i].quote.exact));
		assertLinear('re-anchoring', (n) => {
			const input = prepare(n);
			return () => anchorClaims(input.article, input.targets);
		}, 1_500);
	});

	void it('moves claims through a change event with as many edits (multi-cursor) in n log n', () => {
		const prepare = (n: number) => {
			const anchors: ClaimAnchor[] = Array.from({ length: n }, (_, i) => ({ status: 'anchored', span: { start: 100 * i + 10, end: 100 * i + 60 }, score: 1 }));
			const edits: TextEdit[] = Array.from({ length: n }, (_, i) => ({ start: 100 * i + 5, end: 100 * i + 5, text: 'ab' }));
			return { anchors, edits };
		};
		const small = prepare(3);
		assert.deepEqual(mapAnchorsThroughEdits(small.anchors, small.edits).map((a) => a.span), [{ start: 12, end: 62 }, { start: 114, end: 164 }, { start: 216, end: 266 }]);
		assertLinear('edit tracking', (n) => {
			const input = prepare(n);
			return () => mapAnchorsThroughEdits(input.anchors, input.edits);
		}, 4_000);
	});

	void it('groups claims by verdict in linear time, whatever the number of distinct verdicts', () => {
		const prepare = (n: number) => {
			const { claims } = manyClaimsArticle(n);
			const tracked = claims.map((claim, i) => ({ claim: { ...claim, body: { ...claim.body, verdict: `Verdict ${i}` } }, anchor: { status: 'anchored' as const, span: { start: i, end: i + 1 }, score: 1 } }));
			return [{ key: 'a', name: 'a.txt', problem: null, tracked }];
		};
		const groups = groupClaims(prepare(3), 'verdict', DEFAULT_VERDICTS);
		assert.deepEqual(groups.map((g) => [g.label, g.items.length]), [['Verdict 0', 1], ['Verdict 1', 1], ['Verdict 2', 1]]);
		assertLinear('grouping', (n) => {
			const articles = prepare(n);
			return () => groupClaims(articles, 'verdict', DEFAULT_VERDICTS);
		}, 3_000);
	});
});
