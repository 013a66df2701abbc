// Claims the command line must never lose or corrupt (issue 8): concurrent imports, bytes that are not UTF-8,
// all-or-nothing imports, orphan sidecars, symlinked sidecars. The real program, bundled as scripts/build.mjs
// bundles it, run as child processes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { createSidecar, parseSidecar, serialiseSidecar } from '../../src/core/claims';
import { fixtureDir, referenceText, sha256Hex } from '../fixtures/claims/claimTestKit';
import { emojiClaims, emojiName, emojiText } from '../fixtures/exports/exportTestKit';

let work: string;
let cli: string;
const REFERENCE = '000_765aeddc370d2ae5';

before(async () => {
	work = mkdtempSync(join(tmpdir(), 'news-seed-trust-'));
	cli = join(work, 'cli.js');
	await esbuild.build({ entryPoints: ['src/cli/cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error', mainFields: ['module', 'main'] });
});

after(() => rmSync(work, { recursive: true, force: true }));

function workspace(name: string): string {
	const dir = join(work, name);
	mkdirSync(join(dir, 'news'), { recursive: true });
	cpSync(join(fixtureDir, `${REFERENCE}.txt`), join(dir, 'news', `${REFERENCE}.txt`));
	cpSync(join(fixtureDir, `${REFERENCE}.claims.json`), join(dir, 'news', `${REFERENCE}.claims.json`));
	writeFileSync(join(dir, 'news', emojiName), emojiText);
	writeFileSync(join(dir, 'news', emojiName.replace('.txt', '.claims.json')), serialiseSidecar(createSidecar({ fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' }, emojiClaims())));
	return dir;
}

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(cwd: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [cli, ...args], { cwd });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

/** A brat line for the first occurrence of `exact` in the reference article (offsets in code points). */
function bratLine(id: string, exact: string): string {
	const at = referenceText.indexOf(exact);
	assert.ok(at >= 0, exact);
	const start = [...referenceText.slice(0, at)].length;
	return `${id}\tClaim ${start} ${start + [...exact].length}\t${exact}\n`;
}

const SENTENCES = [
	'the Kandong greenhouse plant near Pyongyang',
	'This event marks the first public appearance of Kim in the luxury vehicle',
	'The UN has yet to respond officially to this specific incident',
	'Analysts speculate that the burgeoning friendship',
	'South Korea, in particular, is closely monitoring',
	'Symbol of Deepening Ties',
	'Monitoring and Responses',
	'recently made headlines',
];

void test('8 processes importing distinct claims into one sidecar at once keep all 8', async () => {
	const dir = workspace('concurrent');
	const sidecarPath = join(dir, 'news', `${REFERENCE}.claims.json`);
	const before = parseSidecar(readFileSync(sidecarPath, 'utf8')).claims.length;
	SENTENCES.forEach((exact, i) => writeFileSync(join(dir, `in${i}.ann`), bratLine('T1', exact)));
	const results = await Promise.all(SENTENCES.map((_, i) => runAsync(dir, 'import', '--format', 'brat', '--article', `news/${REFERENCE}.txt`, `in${i}.ann`)));
	for (const result of results) {
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /added 1 claim \(/);
	}
	const after = parseSidecar(readFileSync(sidecarPath, 'utf8'));
	assert.equal(after.status, 'ok');
	assert.equal(after.claims.length, before + 8);
	for (const exact of SENTENCES) {
		assert.ok(after.claims.some((c) => c.target.quote.exact === exact), exact);
	}
	assert.deepEqual(readdirSync(join(dir, 'news')).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp')), [], 'no lock or temporary file left');
});

void test('a sidecar that is not UTF-8 is reported by validate and never rewritten by import', () => {
	const dir = workspace('utf8');
	const sidecarPath = join(dir, 'news', `${REFERENCE}.claims.json`);
	const bytes = readFileSync(sidecarPath);
	const at = bytes.indexOf(Buffer.from('Mostly true'));
	bytes[at] = 0xc3; // a lead byte followed by ASCII: invalid
	writeFileSync(sidecarPath, bytes);
	const validate = run(dir, 'validate', 'news');
	assert.equal(validate.code, 1);
	assert.match(validate.stdout, new RegExp(`news/${REFERENCE}\\.claims\\.json:\\d+:\\d+: error: \\$: The file is not valid UTF-8 \\(byte ${at}\\)`));
	writeFileSync(join(dir, 'in.ann'), bratLine('T1', SENTENCES[1]));
	const imported = run(dir, 'import', '--format', 'brat', '--article', `news/${REFERENCE}.txt`, 'in.ann');
	assert.equal(imported.code, 1);
	assert.match(imported.stderr, /not valid UTF-8/);
	assert.deepEqual(readFileSync(sidecarPath), bytes, 'byte for byte as it was');
});

void test('a multi-article import is all or nothing: one missing article or damaged sidecar and nothing is written', () => {
	const dir = workspace('atomic');
	mkdirSync(join(dir, 'w3c'));
	cpSync(join(dir, 'news', `${REFERENCE}.txt`), join(dir, 'w3c', 'a.txt'));
	cpSync(join(dir, 'news', `${REFERENCE}.txt`), join(dir, 'w3c', 'b.txt'));
	const annotation = (source: string, exact: string) => ({ type: 'Annotation', motivation: 'assessing', target: { source, selector: [{ type: 'TextQuoteSelector', exact }] } });
	writeFileSync(join(dir, 'w3c', 'import.jsonld'), JSON.stringify([annotation('a.txt', SENTENCES[0]), annotation('b.txt', SENTENCES[1]), annotation('c.txt', SENTENCES[2])]));
	const missing = run(dir, 'import', '--format', 'w3c', 'w3c/import.jsonld');
	assert.equal(missing.code, 2);
	assert.match(missing.stderr, /c\.txt does not exist/);
	assert.match(missing.stderr, /nothing written/);
	assert.ok(!existsSync(join(dir, 'w3c', 'a.claims.json')), 'a.txt, checked before c.txt, got nothing');

	writeFileSync(join(dir, 'w3c', 'import.jsonld'), JSON.stringify([annotation('a.txt', SENTENCES[0]), annotation('b.txt', SENTENCES[1])]));
	writeFileSync(join(dir, 'w3c', 'b.claims.json'), '{"schemaVersion": 2, "claims": [}');
	const damaged = run(dir, 'import', '--format', 'w3c', 'w3c/import.jsonld');
	assert.equal(damaged.code, 1);
	assert.match(damaged.stderr, /b\.claims\.json: .*damaged/);
	assert.ok(!existsSync(join(dir, 'w3c', 'a.claims.json')));
	assert.equal(readFileSync(join(dir, 'w3c', 'b.claims.json'), 'utf8'), '{"schemaVersion": 2, "claims": [}');
});

void test('an orphan sidecar (article renamed) is reported by export and stats, which finish the rest and exit 1', () => {
	const dir = workspace('orphan');
	renameSync(join(dir, 'news', emojiName), join(dir, 'news', 'renamed.txt'));
	const exported = run(dir, 'export', '--format', 'csv', 'news');
	assert.equal(exported.code, 1, exported.stderr);
	assert.match(exported.stderr, /950_00000000000000e0\.claims\.json: its article 950_00000000000000e0\.txt is missing/);
	assert.match(exported.stdout, /Despite the clear breach/, 'the other article is exported');
	const stats = run(dir, 'stats', '--no-entities', 'news');
	assert.equal(stats.code, 1, stats.stderr);
	assert.match(stats.stdout, /claims: 3 /);
	assert.match(stats.stdout, /sidecars without their article: 1/);
	assert.match(stats.stderr, /950_00000000000000e0\.claims\.json: its article is missing/);
});

void test('a symlinked sidecar is written through the link, which stays a link, and keeps mode 600', () => {
	const dir = workspace('symlink');
	const sidecarPath = join(dir, 'news', `${REFERENCE}.claims.json`);
	const real = join(dir, 'store.claims.json');
	renameSync(sidecarPath, real);
	chmodSync(real, 0o600);
	symlinkSync(real, sidecarPath);
	writeFileSync(join(dir, 'in.ann'), bratLine('T1', SENTENCES[1]));
	const imported = run(dir, 'import', '--format', 'brat', '--article', `news/${REFERENCE}.txt`, 'in.ann');
	assert.equal(imported.code, 0, imported.stderr);
	assert.ok(lstatSync(sidecarPath).isSymbolicLink(), 'the link stays a link');
	assert.equal(statSync(real).mode & 0o777, 0o600);
	assert.equal(parseSidecar(readFileSync(real, 'utf8')).claims.length, 4);
});

void test('a lock left by a process that is gone is broken; a live holder is waited for', async () => {
	const dir = workspace('stale-lock');
	const lock = join(dir, 'news', `.${REFERENCE}.claims.json.lock`);
	// A pid that cannot be running (above the kernel's pid limit) on this host.
	writeFileSync(lock, `${hostname()} 99999999 leftover ${new Date().toISOString()}`);
	writeFileSync(join(dir, 'in.ann'), bratLine('T1', SENTENCES[1]));
	const stale = run(dir, 'import', '--format', 'brat', '--article', `news/${REFERENCE}.txt`, 'in.ann');
	assert.equal(stale.code, 0, stale.stderr);
	assert.ok(!existsSync(lock), 'the stale lock is gone, and ours released');
	// This test process holds the lock: the import waits until it is released, then adds its claim.
	writeFileSync(lock, `${hostname()} ${process.pid} holder ${new Date().toISOString()}`);
	writeFileSync(join(dir, 'in2.ann'), bratLine('T1', SENTENCES[2]));
	const started = Date.now();
	const waiting = runAsync(dir, 'import', '--format', 'brat', '--article', `news/${REFERENCE}.txt`, 'in2.ann');
	await new Promise((resolve) => setTimeout(resolve, 1500));
	const before = parseSidecar(readFileSync(join(dir, 'news', `${REFERENCE}.claims.json`), 'utf8')).claims.length;
	rmSync(lock);
	const done = await waiting;
	assert.equal(done.code, 0, done.stderr);
	assert.ok(Date.now() - started >= 1500);
	assert.equal(parseSidecar(readFileSync(join(dir, 'news', `${REFERENCE}.claims.json`), 'utf8')).claims.length, before + 1);
});
