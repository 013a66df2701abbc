// validate, stats and every export report the same anchoring state for every claim (one function decides it:
// anchoringOf), on an article edited on disk with exact, changed and unanchored claims.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { createClaim, createSidecar, DEFAULT_VERDICTS, serialiseSidecar, type Claim } from '../../src/core/claims';
import { checkSidecar, exportClaims, prepareExportArticle } from '../../src/core/claims/exports';
import type { CliIo } from '../../src/cli/cliTypes';
import { gatherStats } from '../../src/cli/commands/stats';
import { referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf } from '../fixtures/claims/claimTestKit';

const EXACT = 'North Korean leader Kim Jong-un recently made headlines';
const CHANGED = 'This event marks the first public appearance of Kim in the luxury vehicle';
const GONE = 'The UN has yet to respond officially to this specific incident';
const random = seededRandomBytes(11);
const claims: Claim[] = [EXACT, CHANGED, GONE].map((needle) => createClaim(referenceText, spanOf(referenceText, needle), { verdict: 'True' }, new Date('2024-03-17T09:00:00Z'), random));
const edited = referenceText
	.replace(CHANGED, 'This event marks the first public outing of Kim in the luxury vehicle')
	.replace(GONE, 'No response came.');
const sidecarText = serialiseSidecar(createSidecar({ fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' }, claims));
const expected = new Map([[claims[0].id, 'exact'], [claims[1].id, 'changed'], [claims[2].id, 'unanchored']]);

const dir = mkdtempSync(join(tmpdir(), 'news-seed-agree-'));
after(() => rmSync(dir, { recursive: true, force: true }));

void test('validate, stats, W3C, CSV, Markdown and brat agree on the state of every claim', async () => {
	// validate
	const check = checkSidecar(sidecarText, referenceName, edited, DEFAULT_VERDICTS);
	assert.deepEqual([check.anchored, check.fuzzy, check.unanchored], [1, 1, 1]);
	const flagged = new Map(check.findings.filter((f) => f.claimId).map((f) => [f.claimId, f.message.split(':')[0]]));
	assert.equal(flagged.get(claims[1].id), 'fuzzy');
	assert.equal(flagged.get(claims[2].id), 'unanchored');
	assert.equal(flagged.has(claims[0].id), false);

	// stats
	writeFileSync(join(dir, referenceName), edited);
	writeFileSync(join(dir, referenceName.replace('.txt', '.claims.json')), sidecarText);
	const io: CliIo = { stdout: () => undefined, stderr: () => undefined, readFile: async () => '', exists: async () => false, cwd: dir };
	const stats = await gatherStats(io, [dir], DEFAULT_VERDICTS, 0);
	assert.deepEqual([stats.anchored, stats.fuzzy, stats.unanchored], [1, 1, 1]);

	const article = prepareExportArticle({ fileName: referenceName, text: edited, claims });
	assert.deepEqual(new Map(article.claims.map((c) => [c.claim.id, c.claim.anchoring.state])), expected);

	// W3C: the state as an extension property; no position for the unanchored claim; the found text for the changed one.
	const w3c = JSON.parse(exportClaims('w3c', [article]).files[0].content);
	for (const annotation of w3c.first.items) {
		assert.equal(annotation.anchoring.state, expected.get(annotation.id));
		const selectors = annotation.target.selector as { type: string; exact?: string; start?: number; end?: number }[];
		const position = selectors.find((s) => s.type === 'TextPositionSelector');
		if (annotation.anchoring.state === 'unanchored') {
			assert.equal(position, undefined, 'an unanchored claim carries no position');
			assert.equal(selectors[0].exact, GONE);
		} else {
			const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
			const at = [...edited].slice(position?.start, position?.end).join('');
			assert.equal(at, quote?.exact, 'the position designates the quoted text of the article');
		}
	}
	const changed = w3c.first.items.find((a: { id: string }) => a.id === claims[1].id);
	assert.equal(changed.anchoring.taggedText, CHANGED);
	assert.match(changed.target.selector[0].exact, /public outing/);

	// CSV: the state column, no position for the unanchored claim.
	const rows = parseCsv(exportClaims('csv', [article]).files[0].content, { columns: true }) as Record<string, string>[];
	assert.deepEqual(new Map(rows.map((r) => [r.claim_id, r.anchor])), expected);
	assert.deepEqual([rows.find((r) => r.claim_id === claims[2].id)?.start, rows.find((r) => r.claim_id === claims[2].id)?.end], ['', '']);

	// Markdown: each non-exact claim says its state.
	const markdown = exportClaims('markdown', [article]).files[0].content;
	assert.match(markdown, new RegExp(`${CHANGED.slice(0, 20)}[^\\n]*\\(changed:`));
	assert.match(markdown, new RegExp(`${GONE.slice(0, 20)}[^\\n]*\\(unanchored:`));

	// brat: the unanchored claim is skipped with a warning; the others are exported.
	const brat = exportClaims('brat', [article]);
	const ann = brat.files.find((f) => f.name.endsWith('.ann'))?.content ?? '';
	assert.equal(ann.split('\n').filter((l) => l.startsWith('T')).length, 2);
	assert.ok(brat.warnings.some((w) => w.includes(claims[2].id) && /unanchored/.test(w)));
});
