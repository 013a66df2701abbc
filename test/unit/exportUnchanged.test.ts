// Issue 5: the command line skips re-anchoring for articles whose hash matches their sidecar, and writes the
// W3C collection in pieces. Both must give the bytes of the full path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	claimReviewPieces, claimReviews, EXPORT_FORMATS, exportClaimPieces, exportClaims, prepareExportArticle, serialiseW3C, w3cChunks, w3cCollection, type ExportArticleInput,
} from '../../src/core/claims/exports';
import { SCHEMA_ORG_CONTEXT } from '../../src/core/claims/exports/claimReview';
import { emojiClaims, emojiName, emojiText, referenceClaims, referenceName, referenceText } from '../fixtures/exports/exportTestKit';

function inputs(): ExportArticleInput[] {
	return [
		{ fileName: referenceName, text: referenceText, claims: referenceClaims(), iri: `https://example.org/news/${referenceName}` },
		{ fileName: emojiName, text: emojiText, claims: emojiClaims(), iri: `https://example.org/news/${emojiName}` },
	];
}

void test('an unchanged article exported from its stored positions gives the export of full re-anchoring, in every format', () => {
	const anchored = inputs().map((input) => prepareExportArticle(input));
	const stored = inputs().map((input) => prepareExportArticle({ ...input, unchanged: true }));
	assert.deepEqual(stored, anchored);
	for (const format of EXPORT_FORMATS) {
		assert.deepEqual(exportClaims(format, stored, { collectionId: 'urn:x:c' }), exportClaims(format, anchored, { collectionId: 'urn:x:c' }), format);
	}
});

void test('a changed article is re-anchored: without the flag, and when the flag is stale (a claim not where it says)', () => {
	const changed = `A new first paragraph 🚀 pushes every claim down.\n\n${emojiText}`;
	const base = { fileName: emojiName, text: changed, claims: emojiClaims() };
	const reanchored = prepareExportArticle(base);
	const shift = Array.from('A new first paragraph 🚀 pushes every claim down.\n\n').length;
	for (const [i, exported] of reanchored.claims.entries()) {
		assert.equal(exported.status, 'anchored');
		assert.equal(exported.position.start, prepareExportArticle({ ...base, text: emojiText }).claims[i].position.start + shift);
		assert.equal(exported.claim.target.position.start, exported.position.start, 'the target is refreshed from the new text');
	}
	assert.deepEqual(prepareExportArticle({ ...base, unchanged: true }), reanchored);
});

void test('stored context of another length (another tool\'s sidecar) falls back to re-anchoring: the refreshed context is exported', () => {
	const claims = emojiClaims().map((c) => ({ ...c, target: { ...c.target, quote: { ...c.target.quote, prefix: c.target.quote.prefix.slice(-5) } } }));
	const input = { fileName: emojiName, text: emojiText, claims };
	const full = prepareExportArticle(input);
	assert.deepEqual(prepareExportArticle({ ...input, unchanged: true }), full);
	assert.ok(full.claims.some((c) => c.claim.target.quote.prefix.length > 5));
});

void test('the W3C collection in pieces is JSON.stringify of the collection, one piece per article with claims', () => {
	const articles = inputs().map((input) => prepareExportArticle(input));
	const cases = [
		{ articles, options: {} },
		{ articles: articles.slice(1), options: { generated: '2024-05-03T10:00:00.000Z' } },
		{ articles: [], options: {} },
		{ articles: [prepareExportArticle({ fileName: emojiName, text: emojiText, claims: [] })], options: {} },
		// Values of the user's that hold the placeholder and line breaks come before the items: the cut stays right.
		{ articles, options: { collectionId: 'urn:x:"news-seed:items"\n' } },
	];
	for (const { articles: list, options } of cases) {
		const expected = `${JSON.stringify(w3cCollection(list, options), null, 2)}\n`;
		assert.equal(serialiseW3C(list, options), expected);
		assert.equal([...w3cChunks(list, options)].join(''), expected);
		const pieces = [...exportClaimPieces('w3c', list, options).files[0].pieces()];
		assert.equal(pieces.join(''), expected);
		assert.equal(pieces.length, list.some((a) => a.claims.length > 0) ? 2 + list.filter((a) => a.claims.length > 0).length : 1);
	}
});

void test('the ClaimReview document in pieces is JSON.stringify of the document, unchecked claims in or out', () => {
	const articles = inputs().map((input) => prepareExportArticle(input));
	for (const list of [articles, articles.slice(1), []]) {
		for (const includeUnchecked of [false, true]) {
			const { reviews, leftOut } = claimReviews(list, { includeUnchecked });
			const pieces = claimReviewPieces(list, { includeUnchecked });
			assert.equal([...pieces.pieces()].join(''), `${JSON.stringify({ '@context': SCHEMA_ORG_CONTEXT, '@graph': reviews }, null, 2)}\n`);
			assert.equal(pieces.leftOut, leftOut);
		}
	}
});
