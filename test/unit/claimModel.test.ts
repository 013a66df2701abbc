import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareClaims, createClaim, newClaimId, storedSpan, buildCodePointIndex, targetFromSpan, updateClaimBody, type Claim } from '../../src/core/claims';
import { referenceText, seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';

const now = new Date('2024-03-17T09:00:00.000Z');

void test('claim ids are urn:uuid version-4 UUIDs drawn from the injected random source', () => {
	const a = newClaimId(seededRandomBytes(1));
	const b = newClaimId(seededRandomBytes(1));
	const c = newClaimId(seededRandomBytes(2));
	assert.match(a, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	assert.equal(a, b, 'same seed, same id');
	assert.notEqual(a, c);
	assert.throws(() => newClaimId(() => new Uint8Array(4)), RangeError);
});

void test('a new claim quotes its text with 32 code points of context and stores code-point positions', () => {
	const sentence = 'This event marks the first public appearance of Kim in the luxury vehicle';
	const span = spanOf(referenceText, sentence);
	const claim = createClaim(referenceText, span, { creator: ' Ada ', tags: ['sanctions', ' sanctions', ''], claimant: '' }, now, seededRandomBytes());
	assert.equal(claim.target.quote.exact, sentence);
	assert.equal(claim.target.quote.prefix, 'from Russian President Vladimir Putin. '.slice(-32));
	assert.equal(claim.target.quote.prefix.length, 32);
	assert.equal(claim.target.quote.suffix, ', underscoring the strengthening');
	assert.deepEqual(claim.target.position, span, 'the reference article is ASCII: code points equal UTF-16 units');
	assert.equal(claim.body.verdict, 'Unchecked');
	assert.deepEqual(claim.body.tags, ['sanctions']);
	assert.equal(claim.body.claimant, null);
	assert.equal(claim.creator, 'Ada');
	assert.equal(claim.created, '2024-03-17T09:00:00.000Z');
	assert.equal(claim.modified, claim.created);
});

void test('with emoji the stored position counts code points while the span counts UTF-16 units', () => {
	const text = ' date 2024-03-16 Fans 🎉🎉 cheered. The minister 👍🏽 said taxes fall by 5%.\r\n\r\nMore 😀 text.';
	const span = spanOf(text, 'said taxes fall by 5%');
	const claim = createClaim(text, span, {}, now, seededRandomBytes());
	const before = [...text.slice(0, span.start)].length;
	assert.deepEqual(claim.target.position, { start: before, end: before + 'said taxes fall by 5%'.length });
	assert.notEqual(claim.target.position.start, span.start);
	assert.deepEqual(storedSpan(claim.target, buildCodePointIndex(text)), span);
	// The 32 code points of prefix contain the 👍🏽 pair whole (34 UTF-16 units).
	assert.equal([...claim.target.quote.prefix].length, 32);
	assert.ok(claim.target.quote.prefix.endsWith('The minister 👍🏽 '));
	assert.equal(claim.target.quote.suffix, '.\r\n\r\nMore 😀 text.');
});

void test('context is cut at the text edges and never splits an emoji', () => {
	const text = '😀'.repeat(40) + 'claim' + '😀'.repeat(40);
	const target = targetFromSpan(text, spanOf(text, 'claim'));
	assert.equal(target.quote.prefix, '😀'.repeat(32));
	assert.equal(target.quote.suffix, '😀'.repeat(32));
	const edge = targetFromSpan('short claim', { start: 0, end: 5 });
	assert.equal(edge.quote.prefix, '');
	assert.equal(edge.quote.suffix, ' claim');
});

void test('createClaim refuses an empty or out-of-range span', () => {
	assert.throws(() => createClaim('abc', { start: 1, end: 1 }, {}, now, seededRandomBytes()), RangeError);
	assert.throws(() => createClaim('abc', { start: 1, end: 9 }, {}, now, seededRandomBytes()), RangeError);
});

void test('updating the body sets modified; a change to nothing returns the same claim', () => {
	const claim = createClaim(referenceText, { start: 17, end: 40 }, {}, now, seededRandomBytes());
	const later = new Date('2024-03-18T10:00:00.000Z');
	const judged = updateClaimBody(claim, { verdict: 'Mostly true', sources: ['https://example.org/a', 'https://example.org/a '], note: '**Checked**' }, later);
	assert.equal(judged.body.verdict, 'Mostly true');
	assert.deepEqual(judged.body.sources, ['https://example.org/a']);
	assert.equal(judged.modified, later.toISOString());
	assert.equal(judged.created, claim.created);
	assert.equal(judged.target, claim.target);
	assert.equal(updateClaimBody(judged, { verdict: 'Mostly true', note: '**Checked**' }, new Date()), judged);
	assert.equal(updateClaimBody(judged, { verdict: '  ' }, later).body.verdict, 'Unchecked');
});

void test('claims order by start, then end, then id', () => {
	const make = (id: string, start: number, end: number): Claim => ({
		id, creator: null, created: '', modified: '',
		body: { verdict: 'Unchecked', claimant: null, note: '', tags: [], sources: [] },
		target: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start, end } },
		anchoring: { state: 'exact' },
	});
	const sorted = [make('b', 5, 9), make('a', 5, 9), make('c', 1, 20), make('d', 5, 7)].sort(compareClaims);
	assert.deepEqual(sorted.map((c) => c.id), ['c', 'd', 'a', 'b']);
});
