import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, mergeClaimSets, prepareArticle, resolveClaimConflict, retargetClaims, updateClaimBody, withoutConflict, type Claim } from '../../src/core/claims';
import { referenceText, seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';

const random = seededRandomBytes(9);
const t0 = new Date('2024-03-17T09:00:00.000Z');
const t1 = new Date('2024-03-17T10:00:00.000Z');
const t2 = new Date('2024-03-17T11:00:00.000Z');
const make = (needle: string): Claim => createClaim(referenceText, spanOf(referenceText, needle), {}, t0, random);

const a = make('North Korean leader Kim Jong-un recently made headlines');
const b = make('This event marks the first public appearance of Kim in the luxury vehicle');
const c = make('The UN has yet to respond officially to this specific incident');
const base = [a, b, c];
const ids = (claims: readonly Claim[]) => claims.map((x) => x.id);

void test('claims added on either side are kept, in sidecar order', () => {
	const ours = make('Analysts speculate that the burgeoning friendship');
	const theirs = make('South Korea, in particular, is closely monitoring');
	const result = mergeClaimSets(base, [...base, ours], [theirs, ...base]);
	assert.deepEqual(new Set(ids(result.claims)), new Set([...ids(base), ours.id, theirs.id]));
	assert.deepEqual(result.claims.map((x) => x.target.position.start), [...result.claims.map((x) => x.target.position.start)].sort((x, y) => x - y));
	assert.deepEqual(result.conflicts, []);
});

void test('a claim deleted on one side and unchanged on the other is deleted', () => {
	assert.deepEqual(ids(mergeClaimSets(base, [a, c], base).claims), [a.id, c.id]);
	assert.deepEqual(ids(mergeClaimSets(base, base, [a, b]).claims), [a.id, b.id]);
	assert.deepEqual(mergeClaimSets(base, [a], [a]).claims, [a]);
});

void test('a change on one side is taken without conflict', () => {
	const judged = updateClaimBody(b, { verdict: 'True' }, t1);
	const result = mergeClaimSets(base, base, [a, judged, c]);
	assert.equal(result.claims[1], judged);
	assert.deepEqual(result.conflicts, []);
});

void test('changed on both sides: the later modified wins and a conflict keeps the other version', () => {
	const ours = updateClaimBody(b, { verdict: 'False' }, t2);
	const theirs = updateClaimBody(b, { verdict: 'True', note: 'checked' }, t1);
	const result = mergeClaimSets(base, [a, ours, c], [a, theirs, c]);
	assert.deepEqual(result.claims[1], { ...ours, conflict: { kind: 'changed-on-both', versions: [theirs] } });
	assert.deepEqual(result.conflicts, [{ id: b.id, kind: 'changed-on-both', kept: 'ours', ours, theirs }]);
	const flipped = mergeClaimSets(base, [a, theirs, c], [a, ours, c]);
	assert.deepEqual(flipped.claims[1], result.claims[1]);
	assert.equal(flipped.conflicts[0].kept, 'theirs');
});

void test('the same change on both sides is no conflict', () => {
	const same = updateClaimBody(c, { verdict: 'Half true' }, t1);
	const result = mergeClaimSets(base, [a, b, same], [a, b, { ...same }]);
	assert.deepEqual(result.claims[2], same);
	assert.deepEqual(result.conflicts, []);
});

void test('a claim that moved with the text on one side and was judged on the other combines both', () => {
	const edited = `Breaking. ${referenceText}`;
	const article = prepareArticle(edited);
	const moved = retargetClaims([b], [{ status: 'anchored', span: spanOf(edited, b.target.quote.exact), score: 1 }], article)[0];
	assert.notEqual(moved.target.position.start, b.target.position.start);
	const judged = updateClaimBody(b, { verdict: 'Mostly true', tags: ['vehicle'] }, t1);
	const result = mergeClaimSets(base, [a, moved, c], [a, judged, c]);
	assert.deepEqual(result.conflicts, []);
	assert.deepEqual(result.claims[1], { ...judged, target: moved.target });
});

void test('deleted on one side but changed on the other: the change survives, with a conflict', () => {
	const judged = updateClaimBody(c, { verdict: 'False' }, t1);
	const result = mergeClaimSets(base, [a, b], [a, b, judged]);
	assert.deepEqual(ids(result.claims), [a.id, b.id, c.id]);
	assert.deepEqual(result.claims[2], { ...judged, conflict: { kind: 'deleted-and-changed', versions: [] } });
	assert.deepEqual(result.conflicts, [{ id: c.id, kind: 'deleted-and-changed', kept: 'theirs', ours: undefined, theirs: judged }]);
});

void test('the same id added differently on both sides (no base) keeps the later one and reports it', () => {
	const fresh = make('Despite the clear breach');
	const ours = updateClaimBody(fresh, { verdict: 'True' }, t1);
	const theirs = updateClaimBody(fresh, { verdict: 'False' }, t2);
	const result = mergeClaimSets([], [ours], [theirs]);
	assert.deepEqual(result.claims, [{ ...theirs, conflict: { kind: 'added-on-both', versions: [ours] } }]);
	assert.equal(result.conflicts[0].kind, 'added-on-both');
});

void test('a conflict record is resolved by choosing a version or deleting, and is carried through later merges', () => {
	const ours = updateClaimBody(b, { verdict: 'False' }, t2);
	const theirs = updateClaimBody(b, { verdict: 'True', note: 'checked' }, t1);
	const conflicted = mergeClaimSets(base, [a, ours, c], [a, theirs, c]).claims[1];
	assert.deepEqual(resolveClaimConflict(conflicted, 'current'), ours);
	assert.deepEqual(resolveClaimConflict(conflicted, 0), theirs);
	assert.equal(resolveClaimConflict(conflicted, 'delete'), null);
	assert.throws(() => resolveClaimConflict(conflicted, 1), RangeError);
	// A third writer that only judged another claim keeps the conflict as it is.
	const third = updateClaimBody(a, { note: 'seen' }, t2);
	const later = mergeClaimSets([a, conflicted, c], [a, conflicted, c], [third, conflicted, c]).claims;
	assert.deepEqual(later[1], conflicted);
	// A third version of the same claim joins the record: nothing is dropped.
	const another = updateClaimBody(b, { verdict: 'Half true' }, new Date('2024-03-17T12:00:00.000Z'));
	const three = mergeClaimSets([a, b, c], [a, conflicted, c], [a, another, c]).claims[1];
	assert.deepEqual(withoutConflict(three), another);
	assert.deepEqual(new Set(three.conflict?.versions.map((v) => v.body.verdict)), new Set(['False', 'True']));
});

void test('no claim added on either side is ever lost, whatever else happens', () => {
	const rnd = seededRandomBytes(77);
	for (let round = 0; round < 50; round++) {
		const bits = rnd(6);
		const pickSide = (claims: Claim[], mask: number) => claims.filter((_, i) => (mask >> i) & 1);
		const ourNew = [make('Symbol of Deepening Ties')];
		const theirNew = [make('Monitoring and Responses')];
		const ours = [...pickSide(base, bits[0]).map((x) => (bits[1] & 1 ? updateClaimBody(x, { note: `o${round}` }, t1) : x)), ...ourNew];
		const theirs = [...pickSide(base, bits[2]).map((x) => (bits[3] & 1 ? updateClaimBody(x, { note: `t${round}` }, t2) : x)), ...theirNew];
		const merged = ids(mergeClaimSets(base, ours, theirs).claims);
		for (const added of [...ourNew, ...theirNew]) {
			assert.ok(merged.includes(added.id));
		}
		assert.equal(new Set(merged).size, merged.length, 'ids stay unique');
	}
});
