import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, mapAnchorsThroughEdits, mapSpanThroughEdits, prepareArticle, retargetClaims, sortEdits, UNANCHORED, type ClaimAnchor } from '../../src/core/claims';
import type { Span, TextEdit } from '../../src/core/seed/seedDocument';
import { applyEdits } from '../../src/core/seed/seedParser';

const text = 'Before. The minister said taxes will fall. After.';
const claim: Span = { start: 8, end: 42 };
const claimText = 'The minister said taxes will fall.';
const map = (...edits: TextEdit[]) => mapSpanThroughEdits(claim, sortEdits(edits));
const slice = (t: string, s: Span | null) => (s ? t.slice(s.start, s.end) : null);

void test('the fixture claim is where the tests think it is', () => {
	assert.equal(text.slice(claim.start, claim.end), claimText);
});

void test('an edit before the claim shifts it; an edit after leaves it', () => {
	const before: TextEdit = { start: 0, end: 6, text: 'Long before' };
	assert.equal(slice(applyEdits(text, [before]), map(before)), claimText);
	assert.deepEqual(map(before), { start: 13, end: 47 });
	const after: TextEdit = { start: 43, end: 49, text: '' };
	assert.deepEqual(map(after), claim);
});

void test('typing exactly at either boundary does not grow the claim', () => {
	const atStart: TextEdit = { start: 8, end: 8, text: 'Yesterday ' };
	const atEnd: TextEdit = { start: 42, end: 42, text: ' Really.' };
	assert.equal(slice(applyEdits(text, [atStart]), map(atStart)), claimText);
	assert.equal(slice(applyEdits(text, [atEnd]), map(atEnd)), claimText);
	assert.equal(slice(applyEdits(text, [atStart, atEnd]), map(atEnd, atStart)), claimText);
});

void test('edits inside the claim resize it, including at its first and last characters', () => {
	const inside: TextEdit = { start: 26, end: 31, text: 'rates' };
	assert.equal(slice(applyEdits(text, [inside]), map(inside)), 'The minister said rates will fall.');
	const grow: TextEdit = { start: 20, end: 20, text: ' firmly' };
	assert.equal(slice(applyEdits(text, [grow]), map(grow)), 'The minister firmly said taxes will fall.');
	const firstWord: TextEdit = { start: 8, end: 11, text: 'A' };
	assert.equal(slice(applyEdits(text, [firstWord]), map(firstWord)), 'A minister said taxes will fall.');
	const lastChar: TextEdit = { start: 41, end: 42, text: '!' };
	assert.equal(slice(applyEdits(text, [lastChar]), map(lastChar)), 'The minister said taxes will fall!');
});

void test('an edit over one boundary keeps the surviving characters only', () => {
	const overStart: TextEdit = { start: 5, end: 12, text: 'xx' };
	assert.equal(slice(applyEdits(text, [overStart]), map(overStart)), 'minister said taxes will fall.');
	const overEnd: TextEdit = { start: 37, end: 45, text: 'yy' };
	assert.equal(slice(applyEdits(text, [overEnd]), map(overEnd)), 'The minister said taxes will ');
});

void test('replacing or deleting the whole claim text unanchors it', () => {
	assert.equal(map({ start: 8, end: 42, text: 'Something else.' }), null);
	assert.equal(map({ start: 0, end: text.length, text: '' }), null);
	assert.equal(map({ start: 8, end: 42, text: '' }), null);
	// Two edits of one event that together remove every character of the claim.
	assert.equal(map({ start: 25, end: 42, text: '' }, { start: 8, end: 25, text: '' }), null);
});

void test('several edits of one event (in VS Code\'s reverse order) combine', () => {
	const edits: TextEdit[] = [
		{ start: 45, end: 45, text: '!!' },
		{ start: 26, end: 31, text: 'VAT' },
		{ start: 12, end: 20, text: 'PM' },
		{ start: 0, end: 0, text: 'Breaking: ' },
	];
	const after = applyEdits(text, edits);
	assert.equal(slice(after, map(...edits)), 'The PM said VAT will fall.');
});

void test('anchors move with their text; an unanchored or untouched anchor is the same object; a swallowed one is unanchored', () => {
	const anchored: ClaimAnchor = { status: 'anchored', span: claim, score: 1 };
	const fuzzy: ClaimAnchor = { status: 'fuzzy', span: { start: 0, end: 7 }, score: 0.8 };
	const later: ClaimAnchor = { status: 'anchored', span: { start: 43, end: 49 }, score: 1 };
	const edit: TextEdit = { start: 7, end: 7, text: '\n\nNew paragraph.' };
	const [a, f, l, u] = mapAnchorsThroughEdits([anchored, fuzzy, later, UNANCHORED], [edit]);
	assert.deepEqual(a, { status: 'anchored', span: { start: 8 + 16, end: 42 + 16 }, score: 1 });
	assert.equal(f, fuzzy, 'an edit right after a claim does not touch it');
	assert.equal(l.span?.start, 43 + 16);
	assert.equal(u, UNANCHORED);
	const [gone] = mapAnchorsThroughEdits([anchored], [{ start: 8, end: 42, text: '' }]);
	assert.equal(gone.status, 'unanchored');
	assert.equal(gone.span, null);
	const [keptFuzzy] = mapAnchorsThroughEdits([fuzzy], [{ start: 0, end: 0, text: 'So. ' }]);
	assert.deepEqual(keptFuzzy, { status: 'fuzzy', span: { start: 4, end: 11 }, score: 0.8 });
});

void test('random single edits: the claim text is preserved outside it and edited in place inside it', () => {
	let seed = 12345;
	const rand = (n: number) => {
		seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
		return seed % n;
	};
	for (let i = 0; i < 2000; i++) {
		const a = rand(text.length + 1);
		const b = a + rand(Math.min(6, text.length - a) + 1);
		const edit: TextEdit = { start: a, end: b, text: 'xyz'.slice(0, rand(4)) };
		const mapped = map(edit);
		const after = applyEdits(text, [edit]);
		if (b <= claim.start || a >= claim.end) {
			assert.equal(slice(after, mapped), claimText, JSON.stringify(edit));
		} else if (a >= claim.start && b <= claim.end && !(a === claim.start && b === claim.end)) {
			const expected = claimText.slice(0, a - claim.start) + edit.text + claimText.slice(b - claim.start);
			assert.equal(slice(after, mapped), expected, JSON.stringify(edit));
		} else if (a <= claim.start && b >= claim.end) {
			assert.equal(mapped, null);
		} else {
			assert.ok(mapped && claimText.includes(after.slice(mapped.start, mapped.end)), JSON.stringify(edit));
		}
	}
});

void test('after typing inside a claim, saving stores the new quote and position but not a new modified time', () => {
	const stored = createClaim(text, claim, {}, new Date('2024-03-17T09:00:00.000Z'), () => new Uint8Array(16).fill(7));
	const edits: TextEdit[] = [{ start: 26, end: 31, text: 'rates' }, { start: 0, end: 0, text: 'Top. ' }];
	const [moved] = mapAnchorsThroughEdits([{ status: 'anchored', span: claim, score: 1 }], edits);
	const after = applyEdits(text, edits);
	const [saved] = retargetClaims([stored], [moved], prepareArticle(after));
	assert.equal(saved.target.quote.exact, 'The minister said rates will fall.');
	assert.equal(saved.target.quote.prefix, 'Top. Before. ');
	assert.deepEqual(saved.target.position, { start: 13, end: 47 });
	assert.equal(saved.modified, stored.modified);
	assert.deepEqual(saved.body, stored.body);
});
