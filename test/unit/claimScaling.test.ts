// Claims at scale (issue 12): 10,000 claims in one article must anchor, follow edits and group in linear or
// n log n time. A fourfold input may cost at most `linearFourfoldLimit` times as much (see test/support/growth.ts).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Claim } from '../../src/core/claims/claimModel';
import { createSidecar, describeArticle, serialiseSidecar, serialiseSidecarSteps } from '../../src/core/claims/sidecarFormat';
import { ClaimRepository, ClaimsRefusedError } from '../../src/core/claims/claimRepository';
import type { StepRunner, Steps } from '../../src/core/text/steps';
import { seededRandomBytes } from '../fixtures/claims/claimTestKit';
import { MemoryFileSystem } from '../support/memoryFileSystem';
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

void describe('10,000 claims, read and saved in steps', () => {
	const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
	const { text, claims } = manyClaimsArticle(10_000);
	const ARTICLE = '/ws/a.txt';

	/** A step runner that records how many steps each computation took, and runs them to the end. */
	function countingRunner(): { runSteps: StepRunner; steps: number[] } {
		const steps: number[] = [];
		return {
			steps,
			runSteps: <T>(work: Steps<T>) => {
				let count = 0;
				for (;;) {
					const step = work.next();
					if (step.done) {
						steps.push(count);
						return Promise.resolve(step.value);
					}
					count++;
				}
			},
		};
	}

	void it('serialises in steps to the very text of one JSON.stringify of the file', () => {
		const conflicted: Claim = { ...claims[1], anchoring: { state: 'changed', found: { start: 1, end: 9 }, foundText: 'x\n  ]' }, conflict: { kind: 'changed-on-both', versions: [{ ...claims[1], body: { ...claims[1].body, note: '\n  "claims": [\n    0\n  ]' } }] } };
		const sidecar = createSidecar(describeArticle('a.txt', text, null, sha), [conflicted, ...claims.slice(2)], ['"claims": [', 'Ünïcode 😀 hint']);
		const out = serialiseSidecar(sidecar);
		assert.equal(out, `${JSON.stringify(JSON.parse(out), null, 2)}\n`);
		assert.equal((JSON.parse(out) as { claims: unknown[] }).claims.length, 9_999);
		let steps = 0;
		const run = serialiseSidecarSteps(sidecar);
		while (!run.next().done) steps++;
		assert.ok(steps >= 20, `${steps} steps`);
		for (const few of [[], claims.slice(0, 1)]) {
			const small = serialiseSidecar(createSidecar(sidecar.article, few));
			assert.equal(small, `${JSON.stringify(JSON.parse(small), null, 2)}\n`);
		}
	});

	void it('the repository reads and writes a 10,000-claim sidecar in many steps, to the same claims as at once', async () => {
		const fs = new MemoryFileSystem();
		fs.put(ARTICLE, text);
		const atOnce = new ClaimRepository(fs, { sha256: sha, randomBytes: seededRandomBytes(1) });
		await atOnce.save(await atOnce.load(ARTICLE), claims, text);
		const written = fs.text('/ws/a.claims.json');
		const { runSteps, steps } = countingRunner();
		const sliced = new ClaimRepository(fs, { sha256: sha, randomBytes: seededRandomBytes(1), runSteps });
		const loaded = await sliced.load(ARTICLE);
		assert.equal(loaded.status, 'ok');
		assert.deepEqual(loaded, await atOnce.load(ARTICLE));
		assert.ok(steps[0] >= 40, `read: ${steps[0]} steps`);
		// One claim changed among 10,000: compared with the disk, anchored, serialised and encoded in steps.
		steps.length = 0;
		const changed = loaded.claims.map((c, i) => (i === 5_000 ? { ...c, body: { ...c.body, verdict: 'True' } } : c));
		const outcome = await sliced.save(loaded, changed, text);
		assert.ok(outcome.written && !outcome.merged);
		assert.ok(steps.length >= 3 && steps.every((n) => n >= 5), `save: ${steps.join(', ')} steps`);
		const expected = new MemoryFileSystem();
		expected.put(ARTICLE, text);
		expected.put('/ws/a.claims.json', written ?? '');
		const reference = new ClaimRepository(expected, { sha256: sha, randomBytes: seededRandomBytes(1) });
		await reference.save(await reference.load(ARTICLE), changed, text);
		assert.equal(fs.text('/ws/a.claims.json'), expected.text('/ws/a.claims.json'));
		assert.notEqual(fs.text('/ws/a.claims.json'), written);
		// A corrupt sidecar is still refused, in steps too.
		fs.put('/ws/a.claims.json', `${written?.slice(0, -3)}\n`);
		const damaged = await sliced.load(ARTICLE);
		assert.equal(damaged.status, 'invalid');
		await assert.rejects(sliced.save(outcome.snapshot, changed, text), ClaimsRefusedError);
	});

	void it('a save tells its own last write from a change on disk piece by piece, with emoji across the pieces', async () => {
		const fs = new MemoryFileSystem();
		fs.put(ARTICLE, text);
		const repository = new ClaimRepository(fs, { sha256: sha, randomBytes: seededRandomBytes(2) });
		const noted = claims.slice(0, 10).map((c, i) => ({ ...c, body: { ...c.body, note: `${'x'.repeat(i)}${'😀'.repeat(100_000)}` } }));
		const first = await repository.save(await repository.load(ARTICLE), noted, text);
		const again = await repository.save(first.snapshot, noted, text);
		assert.ok(!again.merged && !again.written);
		const onDisk = fs.text('/ws/a.claims.json') ?? '';
		const last = onDisk.lastIndexOf('😀');
		fs.put('/ws/a.claims.json', `${onDisk.slice(0, last)}😁${onDisk.slice(last + 2)}`);
		const merged = await repository.save(first.snapshot, noted, text);
		assert.ok(merged.merged);
	});
});
