import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator, type Schema } from '@cfworker/json-schema';
import { CLAIMS_SCHEMA, createClaim, createSidecar, serialiseSidecar, updateClaimBody, type Claim } from '../../src/core/claims';
import { isSidecarValue } from '../../src/core/claims/sidecarShape';
import { referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf, steppingClock } from '../fixtures/claims/claimTestKit';
import { seededRandom } from '../support/seededRandom';

const schemaValidator = new Validator(CLAIMS_SCHEMA as Schema, '7', true);
const bySchema = (value: unknown): boolean => schemaValidator.validate(value).valid;

/** A file with every kind of claim the format has: anchoring states, a conflict record, tags, sources, hints. */
function richFile(): Record<string, unknown> {
	const random = seededRandomBytes(11);
	const clock = steppingClock();
	const make = (needle: string, fields: Parameters<typeof createClaim>[2]): Claim => createClaim(referenceText, spanOf(referenceText, needle), fields, clock(), random);
	const first = updateClaimBody(make('North Korean leader Kim Jong-un recently made headlines', { creator: 'Ada', claimant: 'The article', tags: ['a', 'b'] }), { sources: ['https://example.org/x'] }, clock());
	const second = make('Analysts speculate', { creator: null, verdict: 'Unverifiable' });
	const changed: Claim = { ...second, anchoring: { state: 'changed', found: { start: 10, end: 42 }, foundText: 'words' } };
	const lost: Claim = { ...make('the burgeoning friendship', {}), anchoring: { state: 'unanchored' } };
	const conflicted: Claim = { ...first, conflict: { kind: 'changed-on-both', versions: [updateClaimBody(first, { verdict: 'False' }, clock())] } };
	const text = serialiseSidecar(createSidecar({ fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' }, [conflicted, changed, lost], ['A dismissed sentence.']));
	return JSON.parse(text) as Record<string, unknown>;
}

/** Every [parent, key] of a JSON tree, the root's parent being a one-slot holder. */
function slots(root: { value: unknown }): [Record<string | number, unknown>, string | number][] {
	const out: [Record<string | number, unknown>, string | number][] = [];
	const walk = (parent: Record<string | number, unknown>, key: string | number): void => {
		out.push([parent, key]);
		const value = parent[key];
		if (Array.isArray(value)) value.forEach((_, i) => walk(value as unknown as Record<number, unknown>, i));
		else if (typeof value === 'object' && value !== null) Object.keys(value).forEach((k) => walk(value as Record<string, unknown>, k));
	};
	walk(root as unknown as Record<string, unknown>, 'value');
	return out;
}

const replacements: unknown[] = [null, '', ' ', 'x y', 'x', 0, -1, 1.5, 2, 3, true, [], {}, ['x'], ['x', 'x'], { state: 'exact' }, 'Annotation', 'TextQuoteSelector', 'changed',
	'2024-03-16T12:00:00Z', '2024-02-30T12:00:00Z', '2024-03-16', '2024-03-16T12:00:00+01:00', 'a'.repeat(64), 'a/b', '1999-01-01', { exact: 'x' }];

/** Replaces, deletes or adds one value somewhere in a copy of `file`, the way a hand edit or a bad tool would. */
function mutate(file: unknown, random: () => number): unknown {
	const root = { value: structuredClone(file) };
	const all = slots(root);
	const [parent, key] = all[Math.floor(random() * all.length)];
	const roll = random();
	if (roll < 0.6) {
		parent[key] = structuredClone(replacements[Math.floor(random() * replacements.length)]);
	} else if (roll < 0.75) {
		if (Array.isArray(parent)) (parent as unknown[]).splice(key as number, 1);
		else delete parent[key];
	} else if (roll < 0.9) {
		const target = parent[key];
		if (Array.isArray(target)) target.push(structuredClone(target[0] ?? 'x'));
		else if (typeof target === 'object' && target !== null) (target as Record<string, unknown>)[['extra', 'conflict', 'anchoring', 'dismissedHints', 'state', '__proto__', 'constructor'][Math.floor(random() * 7)]] = structuredClone(replacements[Math.floor(random() * replacements.length)]);
		else parent[key] = [target];
	} else if (Array.isArray(parent[key]) && (parent[key] as unknown[]).length > 1) {
		(parent[key] as unknown[]).reverse();
	} else {
		parent[key] = JSON.parse(JSON.stringify(file));
	}
	// Through JSON text, as parseSidecar sees it (a `__proto__` key becomes an own property there).
	return JSON.parse(JSON.stringify(root.value) ?? "null") as unknown;
}

void test('the fast check accepts the files the extension writes, version 1 files and a 10,000-claim file', () => {
	const file = richFile();
	assert.ok(bySchema(file));
	assert.ok(isSidecarValue(file));
	const v1 = structuredClone(file) as { schemaVersion: number; claims: Record<string, unknown>[] };
	v1.schemaVersion = 1;
	v1.claims = v1.claims.filter((c) => !c.conflict).map(({ anchoring: _, ...rest }) => rest);
	assert.ok(bySchema(v1) && isSidecarValue(v1));
	const big = structuredClone(file) as { claims: unknown[] };
	big.claims = Array.from({ length: 10_000 }, (_, i) => ({ ...(big.claims[i % 3] as object), id: `urn:uuid:${i}` }));
	assert.ok(isSidecarValue(big));
});

void test('the fast check agrees with the schema on 6,000 altered files (one to three hand edits each)', () => {
	const file = richFile();
	const random = seededRandom(5);
	let rejected = 0;
	for (let i = 0; i < 6_000; i++) {
		let value: unknown = file;
		const edits = 1 + Math.floor(random() * 3);
		for (let e = 0; e < edits; e++) value = mutate(value, random);
		const expected = bySchema(value);
		assert.equal(isSidecarValue(value), expected, `case ${i}: ${JSON.stringify(value).slice(0, 2000)}`);
		if (!expected) rejected++;
	}
	// Both answers occur often, so the agreement means something.
	assert.ok(rejected > 2_000 && rejected < 5_800, `rejected ${rejected}`);
});
