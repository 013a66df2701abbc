import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VERDICTS, parseSidecar, prepareArticle, serialiseSidecar, createSidecar } from '../../src/core/claims';
import { checkSidecar, importDrafts, importIntoSidecar, readSidecarForExport, type ClaimDraft } from '../../src/core/claims/exports';
import { seededRandomBytes, sha256Hex } from '../fixtures/claims/claimTestKit';
import { emojiClaims, emojiName, emojiText } from '../fixtures/exports/exportTestKit';

const env = () => ({ now: new Date('2030-01-01T00:00:00.000Z'), randomBytes: seededRandomBytes(3), creator: 'Importer' });
const article = prepareArticle(emojiText);

void test('import adds, never replaces: same id with other content is a conflict, same text and assessment a duplicate', () => {
	const existing = emojiClaims();
	const cost = existing.find((c) => c.target.quote.exact.startsWith('the metro line'));
	assert.ok(cost);
	const drafts: ClaimDraft[] = [
		{ label: 'same id, new verdict', id: cost.id, exact: cost.target.quote.exact, verdict: 'True' },
		{ label: 'same text and verdict', exact: cost.target.quote.exact, verdict: 'mostly false' },
		{ label: 'same text, other verdict', exact: cost.target.quote.exact, verdict: 'True' },
		{ label: 'new', exact: 'officials said', verdict: 'True', note: 'checked' },
	];
	const outcome = importDrafts(article, existing, drafts, env());
	assert.deepEqual(outcome.skipped.map((s) => [s.label, s.reason, s.existingId]), [
		['same id, new verdict', 'conflict', cost.id],
		['same text and verdict', 'duplicate', cost.id],
	]);
	assert.deepEqual(outcome.added.map((a) => a.label), ['same text, other verdict', 'new']);
	assert.equal(outcome.claims.length, existing.length + 2);
	for (const claim of existing) {
		assert.ok(outcome.claims.includes(claim), 'existing claims are kept as the same objects');
	}
	const added = outcome.added[1].claim;
	assert.equal(added.creator, 'Importer');
	assert.equal(added.created, '2030-01-01T00:00:00.000Z');
	assert.match(added.id, /^urn:uuid:/);
});

void test('imported claims are anchored like any other: exact, fuzzy, unanchored', () => {
	const outcome = importDrafts(article, [], [
		{ label: 'exact', exact: 'The line opens in 2026', position: { start: 0, end: 5 } },
		{ label: 'fuzzy', exact: 'The line opened in 2026, officials said' },
		{ label: 'gone', exact: 'Nothing of this sort is in the article at all' },
		{ label: 'empty', position: { start: 5, end: 5 } },
		{ label: 'position only', position: { start: 39, end: 71 } },
	], env());
	assert.deepEqual(outcome.added.map((a) => [a.label, a.status]), [['exact', 'anchored'], ['fuzzy', 'fuzzy'], ['gone', 'unanchored'], ['position only', 'anchored']]);
	assert.deepEqual(outcome.skipped.map((s) => [s.label, s.reason]), [['empty', 'unreadable']]);
	assert.equal(outcome.added[3].claim.target.quote.exact, 'the metro line cost €2.1 billion', 'a position alone selects the text in code points');
	assert.equal(outcome.added[1].claim.target.quote.exact, 'The line opened in 2026, officials said', 'a fuzzy claim keeps the text the file gave until confirmed');
});

void test('importIntoSidecar: creates a sidecar, keeps an existing one, refuses a damaged one', () => {
	const fresh = importIntoSidecar(`folder/${emojiName}`, emojiText, null, [{ label: 'a', exact: 'officials said' }], env(), sha256Hex);
	assert.ok(fresh.sidecarText);
	const parsed = parseSidecar(fresh.sidecarText);
	assert.equal(parsed.status, 'ok');
	assert.deepEqual(parsed.sidecar?.article, { fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' });

	const existingText = serialiseSidecar(createSidecar({ fileName: emojiName, sha256: 'a'.repeat(64), date: '2024-05-02' }, emojiClaims()));
	const added = importIntoSidecar(emojiName, emojiText, existingText, [{ label: 'b', exact: 'officials said' }], env(), sha256Hex);
	const after = parseSidecar(added.sidecarText ?? '');
	assert.equal(after.sidecar?.article.sha256, 'a'.repeat(64), 'the existing description is kept');
	assert.equal(after.claims.length, 5);

	const nothing = importIntoSidecar(emojiName, emojiText, existingText, [], env(), sha256Hex);
	assert.equal(nothing.sidecarText, null, 'nothing added: nothing to write');

	const damaged = importIntoSidecar(emojiName, emojiText, '{"schemaVersion": 1, "claims": [', [{ label: 'c', exact: 'officials said' }], env(), sha256Hex);
	assert.equal(damaged.sidecarText, null);
	assert.match(damaged.refused ?? '', /damaged/);
});

void test('checkSidecar (validate): anchored claims are fine; fuzzy is a warning, unanchored and damage are errors, with claim ids and lines', () => {
	const text = serialiseSidecar(createSidecar({ fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' }, emojiClaims()));
	const clean = checkSidecar(text, emojiName, emojiText, DEFAULT_VERDICTS);
	assert.deepEqual(clean.findings, []);
	assert.equal(clean.anchored, 4);

	const changed = emojiText.replace('The line opens in 2026', 'Nothing like it').replace('the metro line cost €2.1 billion', 'the metro line cost €2.4 billion');
	const check = checkSidecar(text, emojiName, changed, DEFAULT_VERDICTS);
	assert.deepEqual(check.findings.map((f) => f.severity), ['warning', 'error']);
	assert.equal(check.fuzzy, 1);
	assert.equal(check.unanchored, 1);
	const lost = emojiClaims().find((c) => c.target.quote.exact === 'The line opens in 2026');
	assert.equal(check.findings[1].claimId, lost?.id);
	assert.equal(text.split('\n')[check.findings[1].line - 1].trim(), `"id": "${lost?.id}",`, 'the line of the claim in the sidecar');

	const missing = checkSidecar(text, emojiName, null, DEFAULT_VERDICTS);
	assert.match(missing.findings[0].message, /missing/);
	assert.equal(missing.findings[0].severity, 'error');

	const broken = checkSidecar(text.replace('"verdict": "False"', '"verdict": 3'), emojiName, emojiText, DEFAULT_VERDICTS);
	assert.ok(broken.findings.some((f) => f.severity === 'error' && f.claimId !== null && /verdict/.test(f.message)));

	const renamed = checkSidecar(text, 'other.txt', emojiText, DEFAULT_VERDICTS);
	assert.match(renamed.findings[0].message, /names the article/);

	const foreign = checkSidecar('{"name": "package"}', emojiName, emojiText, DEFAULT_VERDICTS);
	assert.equal(foreign.findings[0].severity, 'error');
});

void test('readSidecarForExport: the fast path reads well-formed sidecars exactly as parseSidecar, and defers anything else to it', () => {
	const text = serialiseSidecar(createSidecar({ fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' }, emojiClaims()));
	assert.deepEqual(readSidecarForExport(text), parseSidecar(text));
	for (const broken of [
		text.replace('"verdict": "False"', '"verdict": 3'),
		text.replace('"schemaVersion": 1', '"schemaVersion": 2'),
		text.replace(/"start": \d+/, '"start": -1'),
		text.slice(0, -10),
		text.replace(emojiClaims()[1].id, emojiClaims()[0].id),
		'{"name": "package"}',
	]) {
		assert.deepEqual(readSidecarForExport(broken), parseSidecar(broken));
	}
});
