// `news-seed entities` over many files and folders (JSON Lines), and `news-seed index FOLDER` (the shared entity
// index cache): the built command-line tool and its worker, run as a user runs them, on real folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { indexCacheHeader, parseIndexCacheLine } from '../../src/core/entities/indexCacheFormat';
import { indexKey } from '../../src/core/entities/indexedArticle';

let work: string;
let cli: string;

before(async () => {
	work = mkdtempSync(join(tmpdir(), 'news-seed-cli-index-'));
	cli = join(work, 'dist', 'cli.js');
	const common: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error', mainFields: ['module', 'main'] };
	// As scripts/build.mjs lays them out: the worker beside the tool.
	await esbuild.build({ ...common, entryPoints: ['src/cli/cli.ts'], outfile: cli });
	await esbuild.build({ ...common, entryPoints: ['src/node/entityIndexWorker.ts'], outfile: join(work, 'dist', 'entityIndexWorker.js') });
});

after(() => rmSync(work, { recursive: true, force: true }));

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const geneva = ' date 2025-01-22 Swedish Foreign Minister Maria Ortega-Lindqvist arrived in Geneva.\n\nOrtega-Lindqvist met officials of the World Health Organization.';
const paris = ' date 2025-02-01 Officials met in Paris on Monday, Amara Okafor said.';

/** A folder with two seeds in sub-folders, a .txt that is not a seed, and a seed by name without a dateline. */
function archive(name: string): string {
	const dir = join(work, name);
	mkdirSync(join(dir, 'a', 'b'), { recursive: true });
	writeFileSync(join(dir, 'a', 'one.txt'), geneva);
	writeFileSync(join(dir, 'a', 'b', 'two.txt'), paris);
	writeFileSync(join(dir, 'notes.txt'), 'shopping: Geneva chocolate');
	writeFileSync(join(dir, '001_0123456789abcdef.txt'), 'No dateline, but named as a seed: Geneva.');
	return dir;
}

void test('entities: folders and files streamed as JSON Lines, one object per seed file; plain listing per file; one file as before', () => {
	const dir = archive('entities');
	const jsonl = run(dir, 'entities', '--jsonl', 'a', '001_0123456789abcdef.txt', '--no-lexicon');
	assert.equal(jsonl.code, 0, jsonl.stderr);
	const lines = jsonl.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; entities: { canonical: string; mentions: { line: number }[] }[] });
	assert.deepEqual(lines.map((l) => l.file), [join('a', 'b', 'two.txt'), join('a', 'one.txt'), '001_0123456789abcdef.txt']);
	assert.ok(lines[1].entities.some((e) => e.canonical === 'Geneva'));
	assert.ok(lines[0].entities.some((e) => e.canonical === 'Paris'));

	const plain = run(dir, 'entities', '.', '--no-lexicon');
	assert.equal(plain.code, 0, plain.stderr);
	assert.match(plain.stdout, /^==> 001_0123456789abcdef\.txt <==\n/m);
	assert.match(plain.stdout, /^==> a\/one\.txt <==\nperson +Maria Ortega-Lindqvist/m);
	assert.doesNotMatch(plain.stdout, /notes\.txt/, 'a .txt that is not a seed is skipped in folders');

	const single = run(dir, 'entities', join('a', 'one.txt'), '--no-lexicon');
	assert.doesNotMatch(single.stdout, /==>/, 'one file: the listing alone, as before');
	assert.match(single.stdout, /^person +Maria Ortega-Lindqvist/m);

	const missing = run(dir, 'entities', '--jsonl', join('a', 'one.txt'), 'gone.txt', '--no-lexicon');
	assert.equal(missing.code, 2, 'a missing file among many: exit 2');
	assert.match(missing.stderr, /cannot read file gone\.txt: no such file/);
	assert.equal(missing.stdout.trimEnd().split('\n').length, 1, 'the others still listed');
});

void test('index: builds the shared cache in worker threads with paths relative to the folder, reuses it by content hash, rebuilds stale entries', () => {
	const dir = archive('index');
	const first = run(work, 'index', dir, '--jobs', '2');
	assert.equal(first.code, 0, first.stderr);
	assert.match(first.stdout, /indexed 3 articles \(3 analysed, 0 reused from the cache\) in [\d.]+ s with 2 worker threads/);
	const cacheFile = join(dir, '.news-seed', 'entity-index.jsonl');
	const [header, ...lines] = readFileSync(cacheFile, 'utf8').split('\n');
	assert.equal(header, indexCacheHeader, 'the format the extension reads');
	// The files' lines (the stored reverse index after them is JSON objects).
	const entries = lines.filter((line) => line.startsWith('[')).map(parseIndexCacheLine);
	assert.deepEqual(entries.map((e) => e?.uri).sort(), ['001_0123456789abcdef.txt', 'a/b/two.txt', 'a/one.txt', 'notes.txt']);
	assert.equal(entries.find((e) => e?.uri === 'a/one.txt')?.article?.key, indexKey(geneva, undefined), 'keyed by content hash');
	assert.equal(entries.find((e) => e?.uri === 'notes.txt')?.article, undefined, 'known not to be a seed');

	writeFileSync(join(dir, 'a', 'one.txt'), geneva.replace('Geneva', 'Lausanne'));
	const second = run(work, 'index', dir, '--jobs', '0');
	assert.equal(second.code, 0, second.stderr);
	assert.match(second.stdout, /indexed 3 articles \(1 analysed, 2 reused from the cache\)/, 'the changed text analysed again, the others reused');
	const changed = readFileSync(cacheFile, 'utf8').split('\n').map(parseIndexCacheLine).find((e) => e?.uri === 'a/one.txt');
	assert.equal(changed?.article?.key, indexKey(geneva.replace('Geneva', 'Lausanne'), undefined));
	assert.ok(changed?.article?.entities.some((e) => e.canonical === 'Lausanne'));

	assert.equal(run(work, 'index').code, 2);
	assert.match(run(work, 'index', join(work, 'nowhere')).stderr, /cannot read .*nowhere: no such file or folder/);
	assert.match(run(work, 'index', dir, '--jobs', 'many').stderr, /--jobs wants a whole number/);
});
