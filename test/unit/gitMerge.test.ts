// Claims sidecars in real git repositories, created by these tests in a temporary folder: the merge driver that
// `news-seed git-setup` registers (merge, rebase, cherry-pick, stash pop), `resolve` for sidecars that already
// hold conflict markers, and sidecars left behind by `git mv`. git runs the command-line tool as it is bundled
// (src/cli/cli.ts into a folder whose name needs shell quoting), and every scenario ends with `validate`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import {
	createClaim, createSidecar, hasConflictMarkers, MERGE_ATTRIBUTE_LINE, parseSidecar, serialiseSidecar, updateClaimBody, type Claim,
} from '../../src/core/claims';
import { referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf, steppingClock } from '../fixtures/claims/claimTestKit';

let work: string;
let cli: string;

before(async () => {
	work = mkdtempSync(join(tmpdir(), 'news-seed-git-'));
	// A folder name with a space and a quote: the driver command git runs through sh must quote it.
	cli = join(work, "tool's dir", 'cli.js');
	await esbuild.build({ entryPoints: ['src/cli/cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error', mainFields: ['module', 'main'] });
});

after(() => rmSync(work, { recursive: true, force: true }));

/** git and the tool see no user or system git config: the repositories' own config is all there is. */
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_EDITOR: 'true', GIT_TERMINAL_PROMPT: '0' };

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function git(dir: string, ...args: string[]): Run {
	const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** git that must succeed. */
function gitOk(dir: string, ...args: string[]): string {
	const result = git(dir, ...args);
	assert.equal(result.code, 0, `git ${args.join(' ')}: ${result.stderr}${result.stdout}`);
	return result.stdout;
}

function tool(dir: string, ...args: string[]): Run {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sidecarName = referenceName.replace('.txt', '.claims.json');
const article = { fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' };

/** Four claims on the reference article, the same on every run. */
function makeClaims(): Record<'kim' | 'gift' | 'ties' | 'un', Claim> {
	const random = seededRandomBytes(14);
	const clock = steppingClock('2024-03-17T09:00:00.000Z');
	const make = (needle: string, creator: string) => createClaim(referenceText, spanOf(referenceText, needle), { creator }, clock(), random);
	return {
		kim: make('North Korean leader Kim Jong-un recently made headlines', 'Ada'),
		gift: make('a prestigious gift from Russian President Vladimir Putin', 'Bob'),
		ties: make('underscoring the strengthening ties between North Korea and Russia', 'Ada'),
		un: make('The UN has yet to respond officially to this specific incident', 'Bob'),
	};
}
const claims = makeClaims();

/** A later edit of a claim's assessment (a fixed clock: the same bytes on every run). */
function judged(claim: Claim, verdict: string, note: string, minute: number): Claim {
	return updateClaimBody(claim, { verdict, note }, new Date(Date.UTC(2024, 2, 18, 10, minute)));
}

function writeClaims(dir: string, list: readonly Claim[]): void {
	writeFileSync(join(dir, sidecarName), serialiseSidecar(createSidecar(article, list)));
}

function commitAll(dir: string, message: string): void {
	gitOk(dir, 'add', '-A');
	gitOk(dir, 'commit', '-q', '-m', message);
}

/** A repository with the article committed on `main`; `setUp`: git-setup run and its .gitattributes committed. */
function repository(name: string, setUp = true): string {
	const dir = join(work, name);
	mkdirSync(dir, { recursive: true });
	gitOk(dir, 'init', '-q', '-b', 'main');
	gitOk(dir, 'config', 'user.name', 'Test Reviewer');
	gitOk(dir, 'config', 'user.email', 'reviewer@example.org');
	writeFileSync(join(dir, referenceName), referenceText);
	commitAll(dir, 'article');
	if (setUp) {
		const setup = tool(dir, 'git-setup');
		assert.equal(setup.code, 0, setup.stderr);
		commitAll(dir, 'claims merge');
	}
	return dir;
}

/** The claims of the sidecar in the work tree, which must be a valid sidecar. */
function sidecarClaims(dir: string): readonly Claim[] {
	const text = readFileSync(join(dir, sidecarName), 'utf8');
	assert.equal(hasConflictMarkers(text), false, 'no conflict markers in the sidecar');
	const parsed = parseSidecar(text);
	assert.equal(parsed.status, 'ok', JSON.stringify(parsed.problems));
	return parsed.claims;
}

/** Every version of every claim in the sidecar, the shown ones and those kept in conflict records. */
function everyVersion(list: readonly Claim[]): Claim[] {
	return list.flatMap((c) => [c, ...(c.conflict?.versions ?? [])]);
}

function assertHolds(list: readonly Claim[], expected: readonly Claim[]): void {
	const versions = everyVersion(list);
	for (const claim of expected) {
		assert.ok(versions.some((v) => v.id === claim.id && v.body.verdict === claim.body.verdict && v.body.note === claim.body.note),
			`the sidecar holds claim ${claim.id} with verdict ${claim.body.verdict} and note "${claim.body.note}"`);
	}
}

function assertValid(dir: string): void {
	const result = tool(dir, 'validate', '.');
	assert.equal(result.code, 0, `validate: ${result.stdout}${result.stderr}`);
	assert.equal(result.stdout, '');
}

/** `validate` reports the kept claim conflicts and nothing else. */
function assertValidWithKeptConflicts(dir: string, ids: readonly string[]): void {
	const result = tool(dir, 'validate', '.');
	const lines = result.stdout.trimEnd().split('\n').filter(Boolean);
	assert.equal(result.code, 1, `validate: ${result.stdout}${result.stderr}`);
	assert.equal(lines.length, ids.length, result.stdout);
	for (const id of ids) {
		assert.ok(lines.some((line) => line.includes(id) && /merge conflict kept/.test(line) && !/markers/.test(line)), `validate reports the kept conflict of ${id}: ${result.stdout}`);
	}
}

void test('git-setup: .gitattributes gets one line, the user\'s lines kept; the driver runs node and the tool by absolute paths', () => {
	const dir = join(work, 'setup');
	mkdirSync(join(dir, 'sub'), { recursive: true });
	gitOk(dir, 'init', '-q', '-b', 'main');
	writeFileSync(join(dir, '.gitattributes'), '*.png binary\r\n*.txt text');
	assert.equal(tool(join(dir, 'sub'), 'git-setup').code, 0, 'run from a subfolder: the repository top gets the file');
	assert.equal(tool(dir, 'git-setup', 'sub').code, 0, 'twice, with a FOLDER');
	assert.equal(readFileSync(join(dir, '.gitattributes'), 'utf8'), `*.png binary\r\n*.txt text\r\n${MERGE_ATTRIBUTE_LINE}\r\n`);
	assert.equal(gitOk(dir, 'check-attr', 'merge', '--', 'a/b.claims.json').trim(), 'a/b.claims.json: merge: news-seed');
	const driver = gitOk(dir, 'config', '--local', 'merge.news-seed.driver').trim();
	assert.ok(driver.startsWith(process.execPath.includes(' ') ? `'${process.execPath}'` : process.execPath), driver);
	assert.ok(driver.includes(`'${cli.replace(/'/g, `'\\''`)}'`), `the tool's path, quoted for sh: ${driver}`);
	assert.ok(driver.endsWith(' merge-driver %O %A %B %P'), driver);
	for (const command of ['git-setup', 'merge-driver', 'resolve']) {
		const help = tool(dir, command, '--help');
		assert.equal(help.code, 0, command);
		assert.match(help.stdout, new RegExp(`^Usage: news-seed ${command}`));
	}
	assert.equal(tool(dir, 'merge-driver', 'only-one').code, 2, 'merge-driver needs BASE OURS THEIRS');
	assert.equal(tool(dir, 'resolve').code, 2, 'resolve needs a FILE');
	const outside = mkdtempSync(join(tmpdir(), 'news-seed-nogit-'));
	try {
		const refused = tool(outside, 'git-setup');
		assert.equal(refused.code, 2);
		assert.match(refused.stderr, /not in a git repository/);
	} finally {
		rmSync(outside, { recursive: true, force: true });
	}
});

void test('add/add: each side adds the sidecar with its own claim; the merge is clean and keeps both', () => {
	const dir = repository('add-add');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	writeClaims(dir, [claims.gift]);
	commitAll(dir, 'bob tags the gift');
	gitOk(dir, 'checkout', '-q', 'main');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'ada tags kim');
	const merge = git(dir, 'merge', '--no-edit', 'bob');
	assert.equal(merge.code, 0, merge.stderr + merge.stdout);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [claims.kim.id, claims.gift.id].sort());
	assert.equal(gitOk(dir, 'status', '--porcelain'), '', 'merged and committed');
	assertValid(dir);
});

void test('different claims changed on each side: merged silently, both changes kept', () => {
	const dir = repository('different-claims');
	writeClaims(dir, [claims.kim, claims.gift, claims.ties]);
	commitAll(dir, 'three claims');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	const gift = judged(claims.gift, 'True', 'Confirmed by the Kremlin.', 1);
	writeClaims(dir, [claims.kim, gift, claims.ties, claims.un]);
	commitAll(dir, 'bob judges the gift and adds the UN claim');
	gitOk(dir, 'checkout', '-q', 'main');
	const kim = judged(claims.kim, 'Mostly true', 'State TV footage.', 2);
	writeClaims(dir, [kim, claims.gift]);
	commitAll(dir, 'ada judges kim and removes ties');
	const merge = git(dir, 'merge', '--no-edit', 'bob');
	assert.equal(merge.code, 0, merge.stderr + merge.stdout);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [kim.id, gift.id, claims.un.id].sort(), 'ties deleted on one side only stays deleted');
	assertHolds(merged, [kim, gift, claims.un]);
	assert.ok(merged.every((c) => !c.conflict));
	assertValid(dir);
});

void test('the same claim changed on both sides: both versions kept in a valid sidecar, listed on stderr, git reports the conflict', () => {
	const dir = repository('same-claim');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'two claims');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	const bobs = judged(claims.kim, 'False', 'Bob: staged.', 5);
	writeClaims(dir, [bobs, claims.gift]);
	commitAll(dir, 'bob');
	gitOk(dir, 'checkout', '-q', 'main');
	const adas = judged(claims.kim, 'True', 'Ada: seen on TV.', 4);
	writeClaims(dir, [adas, claims.gift]);
	commitAll(dir, 'ada');
	const merge = git(dir, 'merge', '--no-edit', 'bob');
	assert.notEqual(merge.code, 0, 'git stops: a conflict remains');
	assert.match(merge.stderr + merge.stdout, new RegExp(`claim ${claims.kim.id} .*changed on both sides`));
	const merged = sidecarClaims(dir);
	const kim = merged.find((c) => c.id === claims.kim.id);
	assert.equal(kim?.conflict?.kind, 'changed-on-both');
	assert.equal(kim?.body.verdict, 'False', 'the later version is shown');
	assertHolds(merged, [adas, bobs, claims.gift]);
	assert.match(gitOk(dir, 'status', '--porcelain'), new RegExp(`^UU ${sidecarName}$`, 'm'));
	assertValidWithKeptConflicts(dir, [claims.kim.id]);
});

void test('deleted on one side, changed on the other: the changed claim is kept with its conflict', () => {
	const dir = repository('delete-change');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'two claims');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	const gift = judged(claims.gift, 'Half true', 'Bob: a loan, not a gift?', 3);
	writeClaims(dir, [claims.kim, gift]);
	commitAll(dir, 'bob changes the gift');
	gitOk(dir, 'checkout', '-q', 'main');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'ada deletes the gift');
	const merge = git(dir, 'merge', '--no-edit', 'bob');
	assert.notEqual(merge.code, 0);
	const merged = sidecarClaims(dir);
	const kept = merged.find((c) => c.id === gift.id);
	assert.equal(kept?.conflict?.kind, 'deleted-and-changed');
	assertHolds(merged, [claims.kim, gift]);
	assertValidWithKeptConflicts(dir, [gift.id]);
});

void test('rebase: the branch\'s claims are replayed onto main\'s through the driver', () => {
	const dir = repository('rebase');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'one claim');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'bob adds the gift');
	const un = judged(claims.un, 'Unverifiable', 'Bob: no statement found.', 6);
	writeClaims(dir, [claims.kim, claims.gift, un]);
	commitAll(dir, 'bob adds the UN claim');
	gitOk(dir, 'checkout', '-q', 'main');
	const kim = judged(claims.kim, 'True', 'Ada', 7);
	writeClaims(dir, [kim, claims.ties]);
	commitAll(dir, 'ada judges kim, adds ties');
	gitOk(dir, 'checkout', '-q', 'bob');
	const rebase = git(dir, 'rebase', 'main');
	assert.equal(rebase.code, 0, rebase.stderr + rebase.stdout);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [kim.id, claims.gift.id, claims.ties.id, un.id].sort());
	assertHolds(merged, [kim, claims.gift, claims.ties, un]);
	assert.equal(gitOk(dir, 'log', '--format=%s', '-3').trim().split('\n').join('|'), 'bob adds the UN claim|bob adds the gift|ada judges kim, adds ties');
	assertValid(dir);
});

void test('cherry-pick: one commit\'s claims merged into another branch\'s sidecar', () => {
	const dir = repository('cherry-pick');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'one claim');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'bob adds the gift');
	const pick = gitOk(dir, 'rev-parse', 'HEAD').trim();
	writeClaims(dir, [claims.kim, claims.gift, claims.un]);
	commitAll(dir, 'bob adds the UN claim (not picked)');
	gitOk(dir, 'checkout', '-q', 'main');
	writeClaims(dir, [claims.kim, claims.ties]);
	commitAll(dir, 'ada adds ties');
	const cherry = git(dir, 'cherry-pick', pick);
	assert.equal(cherry.code, 0, cherry.stderr + cherry.stdout);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [claims.kim.id, claims.gift.id, claims.ties.id].sort());
	assertValid(dir);
});

void test('stash pop: claims tagged before the stash merge with claims committed since', () => {
	const dir = repository('stash');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'one claim');
	writeClaims(dir, [claims.kim, claims.gift]);
	gitOk(dir, 'stash', 'push', '-q');
	const kim = judged(claims.kim, 'Mostly false', 'Ada', 8);
	writeClaims(dir, [kim, claims.un]);
	commitAll(dir, 'judge kim, add the UN claim');
	const pop = git(dir, 'stash', 'pop');
	assert.equal(pop.code, 0, pop.stderr + pop.stdout);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [kim.id, claims.gift.id, claims.un.id].sort());
	assertHolds(merged, [kim, claims.gift, claims.un]);
	assert.equal(gitOk(dir, 'stash', 'list'), '', 'the stash was applied and dropped');
	assertValid(dir);
});

/** Two branches that each add the sidecar, merged without the driver: the sidecar gets git's conflict markers. */
function conflictedWithoutDriver(name: string, style: 'merge' | 'diff3'): string {
	const dir = repository(name, false);
	gitOk(dir, 'config', 'merge.conflictStyle', style);
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'two claims');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	writeClaims(dir, [claims.kim, judged(claims.gift, 'False', 'Bob', 9), claims.un]);
	commitAll(dir, 'bob');
	gitOk(dir, 'checkout', '-q', 'main');
	writeClaims(dir, [judged(claims.kim, 'True', 'Ada', 10), claims.gift, claims.ties]);
	commitAll(dir, 'ada');
	assert.notEqual(git(dir, 'merge', '--no-edit', 'bob').code, 0);
	assert.ok(hasConflictMarkers(readFileSync(join(dir, sidecarName), 'utf8')), 'git wrote conflict markers');
	return dir;
}

void test('conflict markers: validate says so in one line; resolve merges both sides with git\'s base into a valid sidecar', () => {
	const dir = conflictedWithoutDriver('markers', 'merge');
	const report = tool(dir, 'validate', '.');
	assert.equal(report.code, 1);
	assert.match(report.stdout, new RegExp(`^${sidecarName.replace(/\./g, '\\.')}:\\d+:1: error: merge conflict markers: run \`news-seed resolve ${sidecarName.replace(/\./g, '\\.')}\`\\n$`));
	const resolve = tool(dir, 'resolve', sidecarName);
	assert.equal(resolve.code, 0, resolve.stderr);
	assert.match(resolve.stderr, /base from git/);
	const merged = sidecarClaims(dir);
	assertHolds(merged, [judged(claims.kim, 'True', 'Ada', 10), judged(claims.gift, 'False', 'Bob', 9), claims.ties, claims.un]);
	assert.equal(merged.length, 4);
	assertValid(dir);
	gitOk(dir, 'add', sidecarName);
	gitOk(dir, 'commit', '-q', '--no-edit');
});

void test('conflict markers already added to the index (diff3 style): resolve takes the base from the markers', () => {
	const dir = conflictedWithoutDriver('markers-added', 'diff3');
	gitOk(dir, 'add', sidecarName);
	gitOk(dir, 'commit', '-q', '--no-edit');
	const resolve = tool(dir, 'resolve', referenceName);
	assert.equal(resolve.code, 0, resolve.stderr);
	const merged = sidecarClaims(dir);
	assert.deepEqual(merged.map((c) => c.id).sort(), [claims.kim.id, claims.gift.id, claims.ties.id, claims.un.id].sort());
	assertValid(dir);
	assert.equal(tool(dir, 'resolve', sidecarName).code, 0, 'nothing left to resolve');
});

void test('a side that is not a sidecar: the driver leaves git\'s conflict markers with both sides, and exits non-zero', () => {
	const dir = repository('foreign');
	writeClaims(dir, [claims.kim]);
	commitAll(dir, 'one claim');
	gitOk(dir, 'checkout', '-q', '-b', 'bob');
	writeFileSync(join(dir, sidecarName), '{\n  "somebody": "else\'s file"\n}\n');
	commitAll(dir, 'bob overwrites the sidecar with something else');
	gitOk(dir, 'checkout', '-q', 'main');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'ada adds the gift');
	const merge = git(dir, 'merge', '--no-edit', 'bob');
	assert.notEqual(merge.code, 0);
	assert.match(merge.stderr + merge.stdout, /cannot merge the claims \(theirs: not a News Seed claims file\)/);
	const text = readFileSync(join(dir, sidecarName), 'utf8');
	assert.ok(hasConflictMarkers(text));
	assert.ok(text.includes('"somebody"') && text.includes(claims.gift.id) && text.includes(claims.kim.id), 'both sides are in the file');
	assert.match(tool(dir, 'validate', '.').stdout, /merge conflict markers/);
});

void test('git mv of an article without its sidecar: validate names the new place; --move-sidecars moves it', () => {
	const dir = repository('rename');
	writeClaims(dir, [claims.kim, claims.gift]);
	commitAll(dir, 'two claims');
	mkdirSync(join(dir, 'asia'));
	const moved = join('asia', '001_765aeddc370d2ae5.txt');
	gitOk(dir, 'mv', referenceName, moved);
	const report = tool(dir, 'validate', '.');
	assert.equal(report.code, 1);
	assert.match(report.stdout, /error: its article 000_765aeddc370d2ae5\.txt is missing; it was renamed or moved to asia\/001_765aeddc370d2ae5\.txt \(same text\): run `news-seed validate --move-sidecars \.` to move the sidecar beside it\n$/);
	const fix = tool(dir, 'validate', '--move-sidecars', '.');
	assert.equal(fix.code, 0, fix.stdout + fix.stderr);
	assert.match(fix.stderr, /moved 000_765aeddc370d2ae5\.claims\.json to asia\/001_765aeddc370d2ae5\.claims\.json/);
	assert.equal(existsSync(join(dir, sidecarName)), false);
	const parsed = parseSidecar(readFileSync(join(dir, 'asia', '001_765aeddc370d2ae5.claims.json'), 'utf8'));
	assert.equal(parsed.article?.fileName, '001_765aeddc370d2ae5.txt');
	assert.equal(parsed.claims.length, 2);
	gitOk(dir, 'add', '-A');
	assert.match(gitOk(dir, 'status', '--porcelain'), /^R {2}000_765aeddc370d2ae5\.claims\.json -> asia\/001_765aeddc370d2ae5\.claims\.json$/m, 'git sees the sidecar renamed');
});
