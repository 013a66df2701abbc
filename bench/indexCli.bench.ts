// `news-seed index FOLDER` on a generated archive (BENCH_CLI_ARTICLES articles, default 6,376; the README's figures
// are from 100,000): the shared cache built in worker threads, its size, then an editor's first start from it
// (the extension's path in Node: the cache parsed in slices, each file read and hashed in the workers, summaries
// taken by content hash) and its second start from its own cache. Prints figures; never fails on timings.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runSliced, type SliceHost } from '../src/core/entities/articleEntities';
import { readIndexCacheContentsSteps, readIndexCacheSteps, writeIndexCacheSteps } from '../src/core/entities/indexCacheFormat';
import { WorkspaceEntityIndex } from '../src/core/entities/workspaceEntityIndex';
import { WorkspaceIndexUpdater } from '../src/core/entities/workspaceIndexUpdater';
import { EntityIndexWorkerPool } from '../src/node/entityIndexWorkerPool';
import { archiveFolder, benchArchiveVersion, describeArchive, writeArchive } from '../test/support/newsArchive';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_CLI_ARTICLES ?? 6376);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const load = () => loadavg().map((n) => n.toFixed(1)).join(', ');
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const version = benchArchiveVersion();
const archive = await writeArchive(archiveFolder('archive', count, version), count, undefined, version);
console.log(describeArchive(archive));
console.log(`archive: ${count} generated articles, ${(archive.bytes / 1e6).toFixed(0)} MB; ${availableParallelism()} cores; load average ${load()}`);
spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
const cacheFile = join(archive.folder, '.news-seed', 'entity-index.jsonl');
await rm(cacheFile, { force: true });

// 1. The CLI, as CI runs it: a child process, its CPU time taken from the OS.
let started = performance.now();
const cli = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, join(root, 'dist', 'cli.js'), 'index', archive.folder], { encoding: 'utf8' });
const cliWall = performance.now() - started;
const [user, system] = (cli.stderr.trim().split('\n').at(-1) ?? '0 0').split(' ').map(Number);
const cacheBytes = (await stat(cacheFile)).size;
console.log(`news-seed index: ${cli.stdout.trim()}`);
console.log(`  wall ${fmt(cliWall)}, CPU ${fmt((user + system) * 1000)} (user + system, all threads); cache ${(cacheBytes / 1e6).toFixed(1)} MB = ${(cacheBytes / archive.bytes).toFixed(2)}x the articles; load average ${load()}`);

// 2. An editor's first start with that cache: what WorkspaceIndexService does, in Node, with the bundled worker.
const host: SliceHost = { now: () => performance.now(), yieldNow: () => new Promise((resolve) => setImmediate(resolve)) };
const uris = (await readdir(archive.folder, { recursive: true })).filter((name) => name.endsWith('.txt')).sort().map((name) => pathToFileURL(join(archive.folder, name)).toString());
const pool = new EntityIndexWorkerPool(join(root, 'dist', 'entityIndexWorker.js'));
const updater = () => new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
	files: { stat: () => Promise.resolve(undefined), read: () => Promise.resolve(undefined) },
	analyze: () => Promise.resolve(undefined),
	lexiconFor: () => undefined,
	baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
});
const apply = (steps: Generator<void, void>) => runSliced(steps, host, 8);
const base = pathToFileURL(archive.folder).toString();
started = performance.now();
let cpu = process.cpuUsage();
const first = updater();
const shared = await runSliced(readIndexCacheSteps(await readFile(cacheFile)), host, 8);
first.useSharedCache(shared?.values() ?? [], (relative) => `${base}/${relative}`);
const firstCounts = await first.scanAll(uris, pool.scan, { apply, batchSize: 64, concurrency: pool.size * 2 });
console.log(`editor, first start with the shared cache: wall ${fmt(performance.now() - started)}, process CPU ${fmt(cpuMs(process.cpuUsage(cpu)))}; ${firstCounts?.same ?? 0} summaries taken by content hash, ${firstCounts?.analysed ?? 0} analysed (without the cache: every one analysed, as the CLI did)`);

// 3. Its second start: its own cache (stamps), every file only stat'ed in the workers.
const own = (await runSliced(writeIndexCacheSteps(first.cacheEntries(), first.index), host, 8)) ?? new Uint8Array();
first.index.clear();
started = performance.now();
cpu = process.cpuUsage();
const second = updater();
const contents = await runSliced(readIndexCacheContentsSteps(own), host, 8);
if (contents) second.useCache(contents.files);
// As the extension serves it: the reverse index stored with the cache, else the summaries one by one.
const loaded = contents?.snapshot ? await runSliced(second.loadSnapshotSteps(contents.snapshot), host, 8) : 0;
if (!loaded) await runSliced(second.adoptCachedSteps(uris), host, 8);
const usable = performance.now() - started;
const usableCpu = cpuMs(process.cpuUsage(cpu));
const secondCounts = await second.scanAll(uris, pool.scan, { apply, batchSize: 256, concurrency: pool.size * 2 });
console.log(`editor, second start (its own cache, ${(own.length / 1e6).toFixed(0)} MB${loaded ? ', its stored reverse index loaded' : ''}): index usable after ${fmt(usable)} (CPU ${fmt(usableCpu)}), verified after ${fmt(performance.now() - started)} (${secondCounts?.unchanged ?? 0} unchanged), process CPU ${fmt(cpuMs(process.cpuUsage(cpu)))}; load average ${load()}`);
await pool.close();
