// The claim repository against an in-memory file system, one named scenario per test (the way
// vscode-markdown-languageservice tests its features against an in-memory workspace).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, parseSidecar, updateClaimBody, type Claim } from '../../src/core/claims';
import { ClaimRepository, ClaimsRefusedError, ImportRefusedError, type SidecarSnapshot } from '../../src/core/claims/claimRepository';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { referenceText, seededRandomBytes, sha256Hex, spanOf } from '../fixtures/claims/claimTestKit';

const ARTICLE = '/ws/news/000_765aeddc370d2ae5.txt';
const SIDECAR = '/ws/news/000_765aeddc370d2ae5.claims.json';
const t0 = new Date('2024-03-17T09:00:00.000Z');
const t1 = new Date('2024-03-17T10:00:00.000Z');
const t2 = new Date('2024-03-17T11:00:00.000Z');

function setUp(): { fs: MemoryFileSystem; repo: ClaimRepository; make: (needle: string) => Claim } {
	const fs = new MemoryFileSystem();
	fs.put(ARTICLE, referenceText);
	const random = seededRandomBytes(3);
	const repo = new ClaimRepository(fs, { sha256: sha256Hex, randomBytes: random });
	return { fs, repo, make: (needle) => createClaim(referenceText, spanOf(referenceText, needle), {}, t0, random) };
}

const LEAD = 'North Korean leader Kim Jong-un recently made headlines';
const VEHICLE = 'This event marks the first public appearance of Kim in the luxury vehicle';
const UN = 'The UN has yet to respond officially to this specific incident';

/** Saves `claims` as a first version and returns the snapshot that is then on disk. */
async function seed(repo: ClaimRepository, claims: readonly Claim[]): Promise<SidecarSnapshot> {
	return (await repo.save(await repo.load(ARTICLE), claims, referenceText)).snapshot;
}

function diskClaims(fs: MemoryFileSystem): readonly Claim[] {
	const parsed = parseSidecar(fs.text(SIDECAR) ?? '');
	assert.equal(parsed.status, 'ok', parsed.problems.map((p) => p.message).join('\n'));
	return parsed.claims;
}

void test('scenario: the first claim of an article creates its sidecar (format 2, state exact)', async () => {
	const { fs, repo, make } = setUp();
	const base = await repo.load(ARTICLE);
	assert.equal(base.status, 'missing');
	const claim = make(LEAD);
	const saved = await repo.save(base, [claim], referenceText);
	assert.equal(saved.written, true);
	assert.equal(saved.merged, false);
	assert.match(fs.text(SIDECAR) ?? '', /"schemaVersion": 2,/);
	assert.deepEqual(diskClaims(fs).map((c) => [c.id, c.anchoring.state]), [[claim.id, 'exact']]);
	assert.equal(saved.snapshot.text, fs.text(SIDECAR));
	assert.ok(fs.log.indexOf(`lock ${SIDECAR}`) < fs.log.findIndex((l) => l.startsWith('rename')), 'written under the lock');
	assert.deepEqual(fs.paths(), [SIDECAR, ARTICLE].sort(), 'no temporary file left');
});

void test('scenario: another writer added a claim after our base was read: both claims are kept', async () => {
	const { fs, repo, make } = setUp();
	const base = await seed(repo, [make(LEAD)]);
	// Another process imports a claim in the meantime.
	const theirs = make(UN);
	await repo.save(await repo.load(ARTICLE), [...base.claims, theirs], referenceText);
	const ours = make(VEHICLE);
	const saved = await repo.save(base, [...base.claims, ours], referenceText);
	assert.equal(saved.merged, true);
	assert.deepEqual(new Set(diskClaims(fs).map((c) => c.id)), new Set([base.claims[0].id, theirs.id, ours.id]));
	assert.deepEqual(saved.conflicts, []);
});

void test('scenario: a deletion is the base version minus the claim, never inferred from absence', async () => {
	const { fs, repo, make } = setUp();
	const [a, b, c] = [make(LEAD), make(VEHICLE), make(UN)];
	const base = await seed(repo, [a, b, c]);
	// They delete a (it was in their base); we judge b.
	await repo.save(base, [b, c], referenceText);
	const judged = updateClaimBody(b, { verdict: 'True' }, t1);
	await repo.save(base, [a, judged, c], referenceText);
	assert.deepEqual(diskClaims(fs).map((x) => [x.id, x.body.verdict]), [[b.id, 'True'], [c.id, 'Unchecked']]);
	// The sidecar vanishes under our write (a checkout, a writer that deletes before renaming): nothing is lost.
	const now = await repo.load(ARTICLE);
	fs.before = (operation, path) => {
		if (operation === 'read' && path === SIDECAR) {
			void fs.delete(SIDECAR);
			fs.before = () => undefined;
		}
	};
	const another = make(LEAD);
	await repo.save(now, [...now.claims, another], referenceText);
	assert.deepEqual(new Set(diskClaims(fs).map((x) => x.id)), new Set([b.id, c.id, another.id]));
});

void test('scenario: both sides changed the same claim: both versions stay in the sidecar, as a conflict', async () => {
	const { fs, repo, make } = setUp();
	const claim = make(VEHICLE);
	const base = await seed(repo, [claim]);
	const theirs = updateClaimBody(claim, { verdict: 'False', note: 'their note' }, t1);
	await repo.save(base, [theirs], referenceText);
	const ours = updateClaimBody(claim, { verdict: 'True', note: 'our note' }, t2);
	const saved = await repo.save(base, [ours], referenceText);
	assert.equal(saved.conflicts.length, 1);
	const [stored] = diskClaims(fs);
	assert.equal(stored.body.note, 'our note', 'the later version is shown');
	assert.equal(stored.conflict?.kind, 'changed-on-both');
	assert.deepEqual(stored.conflict?.versions.map((v) => v.body.note), ['their note']);
});

void test('scenario: the read path adopts the disk and writes nothing when nothing of ours is missing from it', async () => {
	const { fs, repo, make } = setUp();
	const base = await seed(repo, [make(LEAD)]);
	const theirs = make(UN);
	await repo.save(base, [...base.claims, theirs], referenceText);
	const before = fs.text(SIDECAR);
	const writes = fs.log.filter((l) => l.startsWith('rename')).length;
	const read = await repo.save(base, base.claims, referenceText, { onlyIfMerged: true });
	assert.equal(read.written, false);
	assert.equal(fs.log.filter((l) => l.startsWith('rename')).length, writes);
	assert.equal(fs.text(SIDECAR), before);
	assert.deepEqual(new Set(read.claims.map((c) => c.id)), new Set([base.claims[0].id, theirs.id]));
	// The user deleted the file: on the read path that is adopted, not undone.
	await fs.delete(SIDECAR);
	const gone = await repo.save(read.snapshot, read.claims, referenceText, { onlyIfMerged: true });
	assert.deepEqual(gone.claims, []);
	assert.equal(fs.text(SIDECAR), undefined);
});

void test('scenario: a damaged sidecar on disk is never written; the save is refused', async () => {
	const { fs, repo, make } = setUp();
	const base = await seed(repo, [make(LEAD)]);
	fs.put(SIDECAR, '{"schemaVersion": 2, "claims": [}');
	await assert.rejects(repo.save(base, [...base.claims, make(UN)], referenceText), ClaimsRefusedError);
	assert.equal(fs.text(SIDECAR), '{"schemaVersion": 2, "claims": [}');
});

void test('scenario: a sidecar with bytes that are not UTF-8 is reported with its place and never rewritten', async () => {
	const { fs, repo, make } = setUp();
	const good = (await seed(repo, [make(LEAD)])).text ?? '';
	const at = good.indexOf('Unchecked');
	const bytes = new TextEncoder().encode(good);
	bytes[at] = 0xff;
	fs.put(SIDECAR, bytes);
	const loaded = await repo.load(ARTICLE);
	assert.equal(loaded.status, 'undecodable');
	assert.equal(loaded.claims.length, 1, 'the claims are still shown, read-only');
	assert.match(loaded.problems[0].message, new RegExp(`not valid UTF-8 \\(byte ${at}\\)`));
	assert.equal(loaded.problems[0].line, good.slice(0, at).split('\n').length);
	await assert.rejects(repo.save(loaded, [...loaded.claims, make(UN)], referenceText), ClaimsRefusedError);
	assert.deepEqual(fs.bytes(SIDECAR), bytes);
	await assert.rejects(repo.importInto([{ articlePath: ARTICLE, drafts: [{ label: 'T1', exact: UN }] }], { now: t1, randomBytes: seededRandomBytes(5) }), ImportRefusedError);
	assert.deepEqual(fs.bytes(SIDECAR), bytes);
});

void test('scenario: removing the last claim deletes the sidecar', async () => {
	const { fs, repo, make } = setUp();
	const base = await seed(repo, [make(LEAD)]);
	const saved = await repo.save(base, [], referenceText);
	assert.equal(saved.snapshot.status, 'missing');
	assert.equal(fs.text(SIDECAR), undefined);
});

void test('scenario: a symlinked sidecar is written through the link, which stays a link, and keeps mode 600', async () => {
	const { fs, repo, make } = setUp();
	const real = '/shared/claims/000.claims.json';
	const base = await seed(repo, [make(LEAD)]);
	fs.put(real, base.text ?? '', 0o600);
	await fs.delete(SIDECAR);
	fs.symlink(SIDECAR, real);
	const linked = await repo.load(ARTICLE);
	assert.equal(linked.status, 'ok');
	await repo.save(linked, [...linked.claims, make(UN)], referenceText);
	assert.ok(fs.isLink(SIDECAR));
	assert.equal(fs.mode(real), 0o600);
	assert.equal(parseSidecar(fs.text(real) ?? '').claims.length, 2);
});

void test('scenario: a failed write leaves the old file and no temporary file', async () => {
	const { fs, repo, make } = setUp();
	const base = await seed(repo, [make(LEAD)]);
	const before = fs.text(SIDECAR);
	fs.before = (operation) => {
		if (operation === 'rename') {
			throw new Error('ENOSPC: no space left on device');
		}
	};
	await assert.rejects(repo.save(base, [...base.claims, make(UN)], referenceText), /ENOSPC/);
	assert.equal(fs.text(SIDECAR), before);
	assert.deepEqual(fs.paths(), [SIDECAR, ARTICLE].sort());
});

void test('scenario: the article changed: each claim records its state (exact, changed with the text found, unanchored)', async () => {
	const { fs, repo, make } = setUp();
	const [lead, vehicle, un] = [make(LEAD), make(VEHICLE), make(UN)];
	const base = await seed(repo, [lead, vehicle, un]);
	const edited = referenceText
		.replace(VEHICLE, 'This event marks the first public appearance of Kim in that luxury vehicle')
		.replace(UN, 'Nobody answered.');
	fs.put(ARTICLE, edited);
	await repo.save(base, base.claims, edited);
	const states = new Map(diskClaims(fs).map((c) => [c.id, c.anchoring]));
	assert.deepEqual(states.get(lead.id), { state: 'exact' });
	const changed = states.get(vehicle.id);
	assert.equal(changed?.state, 'changed');
	assert.equal(changed?.state === 'changed' ? changed.foundText : '', 'This event marks the first public appearance of Kim in that luxury vehicle');
	assert.deepEqual(states.get(un.id), { state: 'unanchored' });
	const stored = diskClaims(fs).find((c) => c.id === vehicle.id);
	assert.equal(stored?.target.quote.exact, VEHICLE, 'the selectors keep the original quote until confirmed');
});

void test('scenario: eight imports into one sidecar at once keep all eight claims', async () => {
	const { fs, repo } = setUp();
	const sentences = [LEAD, VEHICLE, UN, 'Analysts speculate that the burgeoning friendship', 'South Korea, in particular, is closely monitoring', 'Despite the clear breach', 'Symbol of Deepening Ties', 'Monitoring and Responses'];
	// Every import reads, computes and writes; the hook yields between operations so that they interleave.
	fs.before = () => new Promise((resolve) => setTimeout(resolve, 1));
	await Promise.all(sentences.map((exact, i) => repo.importInto([{ articlePath: ARTICLE, drafts: [{ label: `T${i}`, exact }] }], { now: t1, randomBytes: seededRandomBytes(100 + i) })));
	fs.before = () => undefined;
	assert.deepEqual(new Set(diskClaims(fs).map((c) => c.target.quote.exact)), new Set(sentences));
});

void test('scenario: an import into several articles is all or nothing', async () => {
	const { fs, repo } = setUp();
	const other = '/ws/news/001.txt';
	const missing = '/ws/news/002.txt';
	fs.put(other, ' date 2024-01-01 The minister said nothing at all on Monday.');
	const drafts = [{ label: 'T1', exact: LEAD }];
	await assert.rejects(
		repo.importInto([{ articlePath: ARTICLE, drafts }, { articlePath: other, drafts: [{ label: 'T2', exact: 'The minister said nothing' }] }, { articlePath: missing, drafts }], { now: t1, randomBytes: seededRandomBytes(1) }),
		(error: unknown) => error instanceof ImportRefusedError && error.problems.length === 1 && error.problems[0].reason === 'missing-article',
	);
	assert.deepEqual(fs.paths(), [ARTICLE, other].sort(), 'nothing written');
	fs.put('/ws/news/001.claims.json', 'not json');
	await assert.rejects(repo.importInto([{ articlePath: ARTICLE, drafts }, { articlePath: other, drafts }], { now: t1, randomBytes: seededRandomBytes(1) }), ImportRefusedError);
	assert.equal(fs.text(SIDECAR), undefined, 'the good target is not written either');
	const done = await repo.importInto([{ articlePath: ARTICLE, drafts }], { now: t1, randomBytes: seededRandomBytes(1) });
	assert.equal(done[0].written, true);
	assert.equal(diskClaims(fs).length, 1);
});
