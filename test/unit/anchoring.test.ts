import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	anchorClaims, anchorTarget, attachClaim, createClaim, createSidecar, parseSidecar, prepareArticle, retargetClaims, serialiseSidecar,
	type Claim, type ClaimAnchor,
} from '../../src/core/claims';
import { referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf } from '../fixtures/claims/claimTestKit';

const now = new Date('2024-03-17T09:00:00.000Z');
const sentences = [
	'This event marks the first public appearance of Kim in the luxury vehicle',
	'The luxury car, Russia\'s answer to high-end Western models and part of Putin\'s own fleet, represents a significant nod to Kim\'s well-documented interest in luxury automobiles.',
	'Analysts speculate that the burgeoning friendship between Pyongyang and Moscow could lead to increased military cooperation',
	'The UN has yet to respond officially to this specific incident',
];

function claimsOn(text: string, needles: readonly string[], occurrence = 0): Claim[] {
	const random = seededRandomBytes(3);
	return needles.map((n) => createClaim(text, spanOf(text, n, occurrence), {}, now, random));
}

function anchor(text: string, claims: readonly Claim[]): ClaimAnchor[] {
	return anchorClaims(prepareArticle(text), claims.map((c) => c.target));
}

const quoted = (text: string, a: ClaimAnchor) => (a.span ? text.slice(a.span.start, a.span.end) : null);

void test('claims on an unchanged article anchor at their stored positions', () => {
	const claims = claimsOn(referenceText, sentences);
	const anchors = anchor(referenceText, claims);
	assert.deepEqual(anchors.map((a) => a.status), ['anchored', 'anchored', 'anchored', 'anchored']);
	anchors.forEach((a, i) => assert.equal(quoted(referenceText, a), sentences[i]));
});

void test('a paragraph inserted above moves every claim with its text', () => {
	const claims = claimsOn(referenceText, sentences);
	const firstBreak = referenceText.indexOf('\n\n');
	const inserted = '\n\nA new paragraph, inserted on disk by another tool.';
	const edited = `${referenceText.slice(0, firstBreak)}${inserted}${referenceText.slice(firstBreak)}`;
	const anchors = anchor(edited, claims);
	assert.deepEqual(anchors.map((a) => [a.status, a.score]), sentences.map(() => ['anchored', 1]));
	anchors.forEach((a, i) => assert.equal(quoted(edited, a), sentences[i]));
	assert.equal(anchors[0].span?.start, claims[0].target.position.start, 'the lead claim sits before the insertion');
	assert.equal(anchors[3].span?.start, claims[3].target.position.start + inserted.length);
});

void test('words changed inside a claim give a fuzzy match with a score, which the user can accept', () => {
	const claims = claimsOn(referenceText, sentences);
	const changed = 'Analysts believe that the growing friendship between Pyongyang and Moscow could lead to increased military cooperation';
	const edited = referenceText.replace(sentences[2], changed);
	const article = prepareArticle(edited);
	const anchors = anchorClaims(article, claims.map((c) => c.target));
	assert.equal(anchors[2].status, 'fuzzy');
	assert.ok(anchors[2].score > 0.75 && anchors[2].score < 1, `score ${anchors[2].score}`);
	const found = quoted(edited, anchors[2]) ?? '';
	assert.ok(found.endsWith('military cooperation') && found.includes('growing friendship'), found);
	assert.deepEqual(anchors.filter((_, i) => i !== 2).map((a) => a.status), ['anchored', 'anchored', 'anchored']);
	// Until accepted, saving keeps the old quote and records the text found; accepting takes the new text.
	const saved = retargetClaims(claims, anchors, article)[2];
	assert.deepEqual(saved.target, claims[2].target);
	assert.deepEqual(saved.anchoring, { state: 'changed', found: { start: [...edited.slice(0, anchors[2].span?.start)].length, end: [...edited.slice(0, anchors[2].span?.end)].length }, foundText: found });
	assert.equal(saved.modified, claims[2].modified);
	const accepted = attachClaim(claims[2], anchors[2].span ?? { start: 0, end: 0 }, article);
	assert.equal(accepted.anchor.status, 'anchored');
	assert.deepEqual(accepted.claim.anchoring, { state: 'exact' });
	assert.equal(accepted.claim.target.quote.exact, found);
	assert.equal(accepted.claim.modified, claims[2].modified, 'moving a claim is not an assessment change');
	assert.equal(anchorTarget(article, accepted.claim.target).status, 'anchored');
});

void test('with the same sentence in two places, the stored position and then the context decide', () => {
	const repeated = 'Officials declined to comment on the report.';
	const text = ` date 2024-03-16 The ministry published figures on Monday. ${repeated}\n\nMarkets\n\nShares fell sharply after the announcement. ${repeated}`;
	const [second] = claimsOn(text, [repeated], 1);
	const [first] = claimsOn(text, [repeated], 0);
	assert.equal(quoted(text, anchor(text, [second])[0]), repeated);
	assert.equal(anchor(text, [second])[0].span?.start, text.lastIndexOf(repeated), 'stored position wins over the earlier copy');
	// Text inserted at the top invalidates both positions: the prefix tells the copies apart.
	const shifted = `Update: a correction was appended.\n\n${text}`;
	const [s, f] = anchor(shifted, [second, first]);
	assert.equal(s.span?.start, shifted.lastIndexOf(repeated));
	assert.equal(f.span?.start, shifted.indexOf(repeated));
	// With one copy deleted, the remaining copy is found exactly even for the other claim.
	const oneLeft = text.replace(`Shares fell sharply after the announcement. ${repeated}`, 'Shares fell sharply after the announcement.');
	assert.equal(anchor(oneLeft, [second])[0].status, 'anchored');
	assert.equal(anchor(oneLeft, [second])[0].span?.start, oneLeft.indexOf(repeated));
});

void test('a deleted sentence leaves its claim unanchored but kept, with its old quote', () => {
	const claims = claimsOn(referenceText, sentences);
	const edited = referenceText.replace(`${sentences[3]}, but`, 'Still,');
	const anchors = anchor(edited, claims);
	assert.equal(anchors[3].status, 'unanchored');
	assert.equal(anchors[3].span, null);
	assert.equal(anchors[3].score, 0);
	assert.deepEqual(anchors.slice(0, 3).map((a) => a.status), ['anchored', 'anchored', 'anchored']);
	const saved = retargetClaims(claims, anchors, prepareArticle(edited));
	assert.equal(saved.length, 4);
	assert.deepEqual(saved[3], { ...claims[3], anchoring: { state: 'unanchored' } }, 'the unanchored claim is saved as it was, with its state');
	assert.equal(saved[0], claims[0], 'an exact claim that did not move is the same object');
});

void test('an article replaced on disk by another text unanchors every claim', () => {
	const claims = claimsOn(referenceText, sentences);
	const replaced = ' date 2024-05-02 The harbour authority of Valmora said on Thursday that it would close the old ferry pier for repairs.\n\nRepairs Begin in Summer\n\nWork starts in June and lasts three months, the authority said. Contractors have not been named yet.';
	assert.deepEqual(anchor(replaced, claims).map((a) => a.status), ['unanchored', 'unanchored', 'unanchored', 'unanchored']);
});

void test('very short quotes are matched exactly or not at all', () => {
	const text = 'Kim met Putin. He left.';
	const [claim] = claimsOn(text, ['He left']);
	assert.equal(anchor('Kim met Putin. He stayed.', [claim])[0].status, 'unanchored');
	assert.equal(anchor('He left. Kim met Putin.', [claim])[0].status, 'anchored');
});

void test('CRLF and emoji: positions round-trip through code points and survive a change of line endings', () => {
	const crlf = ' date 2024-03-16 Fans 🎉🎉 cheered the 👍🏽 decision.\r\n\r\nPolicy 📉\r\n\r\nThe minister said taxes will fall by 5% next year. Critics 😀 disagreed.';
	const needles = ['cheered the 👍🏽 decision', 'The minister said taxes will fall by 5% next year.', 'Critics 😀 disagreed'];
	const claims = claimsOn(crlf, needles);
	const sidecar = serialiseSidecar(createSidecar({ fileName: 'x.txt', sha256: sha256Hex(crlf), date: '2024-03-16' }, claims));
	const stored = parseSidecar(sidecar).claims;
	assert.deepEqual(stored, claims);
	// The stored positions count code points, fewer than UTF-16 units once an emoji precedes the claim.
	assert.ok(stored[1].target.position.start < crlf.indexOf(needles[1]));
	const same = anchor(crlf, stored);
	assert.deepEqual(same.map((a) => quoted(crlf, a)), needles);
	assert.deepEqual(same.map((a) => a.status), ['anchored', 'anchored', 'anchored']);
	// The file converted to LF (git autocrlf): positions are off by the removed CRs, the quotes find the text.
	const lf = crlf.replace(/\r\n/g, '\n');
	const moved = anchor(lf, stored);
	assert.deepEqual(moved.map((a) => [a.status, quoted(lf, a)]), needles.map((n) => ['anchored', n]));
	// An emoji typed above a claim shifts it by two UTF-16 units but one code point.
	const more = crlf.replace('Policy 📉', 'Policy 📉🚀');
	const shifted = anchor(more, stored);
	assert.equal(shifted[1].span?.start, crlf.indexOf(needles[1]) + 2);
	const resaved = retargetClaims(stored, shifted, prepareArticle(more));
	assert.equal(resaved[1].target.position.start, stored[1].target.position.start + 1);
	assert.deepEqual(resaved[0].target.position, stored[0].target.position, 'the claim above the change stays put');
	assert.ok(resaved[0].target.quote.suffix.includes('📉🚀'), 'but its context follows the text');
});

void test('saving after re-anchoring an unchanged article rewrites the same bytes', () => {
	const claims = claimsOn(referenceText, sentences);
	const file = serialiseSidecar(createSidecar({ fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' }, claims));
	const parsed = parseSidecar(file).claims;
	const article = prepareArticle(referenceText);
	const again = retargetClaims(parsed, anchorClaims(article, parsed.map((c) => c.target)), article);
	assert.equal(serialiseSidecar(createSidecar({ fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' }, again)), file);
});

void test('an article is indexed by code point only when a claim needs it, and once', () => {
	const text = `${sentences.join(' ')} 🦀`;
	let reads = 0;
	const prepared = prepareArticle(text);
	const counted = { text, get index() { reads++; return prepared.index; } };
	assert.deepEqual(anchorClaims(counted, []), []);
	assert.equal(reads, 0, 'no claim, no index');
	const [claim] = claimsOn(text, ['luxury vehicle']);
	assert.deepEqual(quoted(text, anchorClaims(counted, [claim.target])[0]), 'luxury vehicle');
	assert.ok(reads > 0);
	assert.equal(typeof Object.getOwnPropertyDescriptor(prepareArticle(text), 'index')?.get, 'function', 'indexed on first read, not when prepared');
	assert.equal(prepared.index, prepared.index, 'made once');
	assert.equal(prepared.index.codePointLength, text.length - 1);
});
