// Entities at scale: recognition throughput, hover-card latency on a 1 MB article, and the workspace index of
// 5,000 generated article files on disk, cold and warm, built the way the extension builds it (the core
// WorkspaceIndexUpdater over asynchronous file reads, analysis in slices with runSliced and setImmediate, or in
// worker threads with BENCH_WORKERS=N). Prints each figure with its target, wall and CPU time; never fails on timings.
//
// "Longest slice" is measured twice: per runSliced slice (from the resume after setImmediate to the next yield,
// as the extension's host yields), and from outside by a 1 ms timer that records every stretch the event loop
// could not run it. Wall time includes time the process spent descheduled on a loaded machine; CPU time is the
// main thread's own (Linux /proc/thread-self/schedstat; elsewhere the process's, which includes workers).
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeArticle, analyzeArticleSteps, mentionAt, runSliced, type SliceHost, type SliceStats } from '../src/core/entities/articleEntities';
import { buildEntityHoverMarkdown } from '../src/core/entities/entityHoverCard';
import { commandLink } from '../src/core/text/markdown';
import { emptyKnowledge, findKnowledgeEntity } from '../src/core/entities/entityKnowledge';
import { blockAt, parseSeed, sentenceAt } from '../src/core/seed/seedParser';
import { openIndexCacheSteps, readIndexCacheContentsSteps, writeIndexCacheSteps } from '../src/core/entities/indexCacheFormat';
import { mentionCount, summarizeArticleSteps } from '../src/core/entities/indexedArticle';
import { scanBatch, type ScanFiles } from '../src/core/entities/indexScan';
import { WorkspaceEntityIndex } from '../src/core/entities/workspaceEntityIndex';
import { WorkspaceIndexUpdater } from '../src/core/entities/workspaceIndexUpdater';
import { defaultWorkerCount, EntityIndexWorkerPool } from '../src/node/entityIndexWorkerPool';
import { localScanIo } from '../src/node/localScanIo';
import { archiveFolder, benchArchiveVersion, describeArchive, realArchive, writeArchive } from '../test/support/newsArchive';
import { seedCorpusFile } from './seedCorpus';

const articleCount = Number(process.env.BENCH_ARTICLES ?? realArchive.articles);
// As the extension runs it: a pool of defaultWorkerCount() workers; BENCH_WORKERS=0 analyses on the main thread.
const workers = process.env.BENCH_WORKERS === undefined ? defaultWorkerCount() : Number(process.env.BENCH_WORKERS);
const budgetMs = 15;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

function percentile(sorted: readonly number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** CPU milliseconds of the calling thread (Linux), else of the whole process. */
const threadCpuMs: () => number = (() => {
	try {
		readFileSync('/proc/thread-self/schedstat', 'utf8');
		return () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return () => {
			const usage = process.cpuUsage();
			return (usage.user + usage.system) / 1000;
		};
	}
})();
const cpuSource = (() => {
	try {
		readFileSync('/proc/thread-self/schedstat');
		return 'main thread';
	} catch {
		return 'process';
	}
})();

/** A wall + CPU stopwatch. */
function stopwatch(): () => { wall: number; cpu: number; processCpu: number } {
	const wall = performance.now();
	const cpu = threadCpuMs();
	const pcpu = process.cpuUsage();
	return () => {
		const p = process.cpuUsage(pcpu);
		return { wall: performance.now() - wall, cpu: threadCpuMs() - cpu, processCpu: (p.user + p.system) / 1000 };
	};
}

/** The extension's slicing host (wall clock budget, setImmediate), recording each slice's wall and CPU time. */
const slices: { wall: number[]; cpu: number[] } = { wall: [], cpu: [] };
let sliceWall = performance.now();
let sliceCpu = threadCpuMs();
const host: SliceHost = {
	now: () => performance.now(),
	yieldNow: () => {
		slices.wall.push(performance.now() - sliceWall);
		slices.cpu.push(threadCpuMs() - sliceCpu);
		return new Promise((resolve) => setImmediate(() => {
			sliceWall = performance.now();
			sliceCpu = threadCpuMs();
			resolve();
		}));
	},
};
function startSlices(): void {
	slices.wall.length = 0;
	slices.cpu.length = 0;
	sliceWall = performance.now();
	sliceCpu = threadCpuMs();
}
function sliceReport(): string {
	const wall = [...slices.wall].sort((a, b) => a - b);
	const cpu = [...slices.cpu].sort((a, b) => a - b);
	slices.wall.length = 0;
	slices.cpu.length = 0;
	if (wall.length === 0) return 'no runSliced slices';
	return `${wall.length} runSliced slices: wall p50 ${fmt(percentile(wall, 0.5))}, p99 ${fmt(percentile(wall, 0.99))}, max ${fmt(wall[wall.length - 1])}; CPU p99 ${fmt(percentile(cpu, 0.99))}, max ${fmt(cpu[cpu.length - 1])}`;
}

/** Every stretch the event loop was busy, seen from a 1 ms timer: its wall time and the main thread's CPU time. */
function watchEventLoop(): { stop(): string; worstCpu(): number } {
	let lastWall = performance.now();
	let lastCpu = threadCpuMs();
	const wall: number[] = [];
	const cpu: number[] = [];
	const timer = setInterval(() => {
		const now = performance.now();
		const nowCpu = threadCpuMs();
		wall.push(now - lastWall);
		cpu.push(nowCpu - lastCpu);
		lastWall = now;
		lastCpu = nowCpu;
	}, 1);
	let stopped = false;
	const finish = () => {
		if (!stopped) clearInterval(timer);
		stopped = true;
		wall.sort((a, b) => a - b);
		cpu.sort((a, b) => a - b);
	};
	return {
		stop: () => {
			finish();
			return `event loop (1 ms timer, ${wall.length} ticks): longest gap wall ${fmt(wall[wall.length - 1] ?? 0)} (p99 ${fmt(percentile(wall, 0.99))}), CPU ${fmt(cpu[cpu.length - 1] ?? 0)} (p99 ${fmt(percentile(cpu, 0.99))}) (target < 50 ms)`;
		},
		worstCpu: () => (finish(), cpu[cpu.length - 1] ?? 0),
	};
}

console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(', ')} on ${cpus().length} CPUs; CPU times are the ${cpuSource}'s`);

// 1. Recognition throughput on 1 MB.
const big = await readFile(await seedCorpusFile(1), 'utf8');
const runs: { wall: number; cpu: number }[] = [];
let analysis = analyzeArticle(big);
for (let i = 0; i < 5; i++) {
	gc();
	const watch = stopwatch();
	analysis = analyzeArticle(big);
	runs.push(watch());
}
const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const recognitionWall = medianOf(runs.map((r) => r.wall));
const recognitionCpu = medianOf(runs.map((r) => r.cpu));
console.log(`\nrecognition (analyzeArticle: recognize in 16 KB block-aligned slices + group + offset index), 1 MB article, median of 5:`);
console.log(`  ${big.length.toLocaleString('en-US')} chars, ${analysis.mentions.length.toLocaleString('en-US')} mentions, ${analysis.entities.length} entities; wall ${fmt(recognitionWall)}, CPU ${fmt(recognitionCpu)} -> ${Math.round(big.length / (recognitionCpu / 1000)).toLocaleString('en-US')} chars per CPU second`);
const sliced: SliceStats = { longestMs: 0, slices: 0 };
gc();
startSlices();
let loop = watchEventLoop();
await runSliced(analyzeArticleSteps(big), host, budgetMs, sliced);
console.log(`  sliced as on the extension host (budget ${budgetMs} ms): longest slice by runSliced's clock ${fmt(sliced.longestMs)}; ${sliceReport()}`);
console.log(`  ${loop.stop()}`);

// 2. The workspace index of a generated archive shaped like the real one of issue 12 (bench/newsArchive.ts), built
// the way the extension builds it: batches scanned by the worker pool (stat, read, hash, analysis next to the
// files), the answers' heads parsed into the reverse index on the main thread in runSliced slices of 8 ms.
const archiveVersion = benchArchiveVersion();
const archive = await writeArchive(archiveFolder('archive', articleCount, archiveVersion), articleCount, undefined, archiveVersion);
const uris = (await readdir(archive.folder, { recursive: true })).filter((name) => name.endsWith('.txt')).sort().map((name) => pathToFileURL(join(archive.folder, name)).toString());
const cachePath = join(tmpdir(), `news-seed-bench-cache-v${archiveVersion}-${articleCount}.jsonl`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`\nworkspace index: ${describeArchive(archive)}`);
console.log(`  analysis ${workers > 0 ? `in ${workers} worker thread(s), files scanned in batches` : 'on the main thread, files read with fs/promises, in runSliced slices'} (${process.env.BENCH_WORKERS === undefined ? 'the extension\'s default here; ' : ''}BENCH_WORKERS=N to change, 0 for the main thread); BENCH_ARTICLES=N for another size`);

// The worker as the extension runs it: bundled by esbuild as scripts/build.mjs bundles dist/entityIndexWorker.js.
async function bundledWorker(): Promise<string> {
	const { build } = await import('esbuild');
	const outfile = fileURLToPath(new URL('.data/entityIndexWorker.cjs', import.meta.url));
	await build({ entryPoints: [fileURLToPath(new URL('../src/node/entityIndexWorker.ts', import.meta.url))], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
	return outfile;
}
const pool = workers > 0 ? new EntityIndexWorkerPool(await bundledWorker(), workers) : undefined;
const hostScan: ScanFiles = (batch) => scanBatch(batch, {
	...localScanIo,
	analyze: (text, lexicon, key) => runSliced(summarizeArticleSteps(text, lexicon, key), host, budgetMs),
});
const scan: ScanFiles = pool ? pool.scan : hostScan;
const applyStats: SliceStats = { longestMs: 0, slices: 0 };
const scanOptions = { apply: (steps: Generator<void, void>) => runSliced(steps, host, 8, applyStats), batchSize: 24, concurrency: Math.max(1, workers) * 2 };
function updater(): WorkspaceIndexUpdater {
	return new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
		files: { stat: () => Promise.resolve(undefined), read: () => Promise.resolve(undefined) },
		analyze: () => Promise.resolve(undefined),
		lexiconFor: () => undefined,
		baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
	});
}
const heapNow = (): number => {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
};

let heapBefore = heapNow();
startSlices();
loop = watchEventLoop();
let watch = stopwatch();
const cold = updater();
const coldCounts = await cold.scanAll(uris, scan, scanOptions);
const coldTime = watch();
const coldHeap = heapNow() - heapBefore;
console.log(`  cold (every article read, hashed, analysed): wall ${fmt(coldTime.wall)} (target <= 10 s); main-thread CPU ${fmt(coldTime.cpu)}, process CPU ${fmt(coldTime.processCpu)}; ${cold.index.size} indexed (${coldCounts?.analysed ?? 0} analysed, ${pool?.stats.files ?? 0} files scanned in workers)`);
console.log(`    ${loop.stop()}`);
console.log(`    longest slice of applying answers by runSliced's clock ${fmt(applyStats.longestMs)} over ${applyStats.slices} slices; ${sliceReport()}`);
console.log(`    heap added by the index: ${mb(coldHeap)} for ${mb(archive.bytes)} of articles = ${(coldHeap / archive.bytes).toFixed(2)}x (target <= 3x; issue 12: 148 MB, 11x)`);
const top = cold.index.occurrences({ type: 'person', canonical: archive.topPerson.name, aliases: [] });
console.log(`    "${archive.topPerson.name}": ${top.length} files in the index (the generator named him in ${archive.topPerson.articles})`);

// The cache as the extension writes it: serialised in slices, then one write.
gc();
startSlices();
loop = watchEventLoop();
watch = stopwatch();
const saveStats: SliceStats = { longestMs: 0, slices: 0 };
const encoded = (await runSliced(writeIndexCacheSteps(cold.cacheEntries(), cold.index), host, budgetMs, saveStats)) ?? new Uint8Array();
await writeFile(cachePath, encoded);
const saveTime = watch();
console.log(`  cache save: ${mb(encoded.length)} JSON Lines; wall ${fmt(saveTime.wall)}, CPU ${fmt(saveTime.cpu)}; ${loop.stop()}`);
console.log(`    longest slice by runSliced's clock ${fmt(saveStats.longestMs)}`);

// A second start: a fresh index; the cache read and parsed in slices, every file stat'ed by the workers.
// The cold build is dropped first, as a new extension host would not have it.
cold.index.clear();
heapBefore = heapNow();
startSlices();
loop = watchEventLoop();
watch = stopwatch();
const loadStats: SliceStats = { longestMs: 0, slices: 0 };
const warm = updater();
// As the extension serves it: the cache opened at its end and its stored reverse index served before the files'
// lines are parsed (they follow, before the check); else read whole and its summaries served one by one.
const cacheBytes = await readFile(cachePath);
const opened = await runSliced(openIndexCacheSteps(cacheBytes), host, budgetMs, loadStats);
const cacheContents = opened ? undefined : await runSliced(readIndexCacheContentsSteps(cacheBytes), host, budgetMs, loadStats);
if (cacheContents) warm.useCache(cacheContents.files);
const loadTime = watch();
const snapshot = opened?.snapshot ?? cacheContents?.snapshot;
const loaded = snapshot ? await runSliced(warm.loadSnapshotSteps(snapshot, opened !== undefined), host, budgetMs, loadStats) : 0;
const adoptTime = watch();
if (opened) {
	const lines = await runSliced(opened.filesSteps(), host, budgetMs, loadStats);
	if (lines) warm.useCache(lines.files);
}
if (!loaded) await runSliced(warm.adoptCachedSteps(uris), host, 8, loadStats);
const linesTime = watch();
const warmCounts = await warm.scanAll(uris, scan, { ...scanOptions, batchSize: 256 });
const warmTime = watch();
const warmHeap = heapNow() - heapBefore;
console.log(`  warm: index usable from the cache (${opened ? 'opened at its end' : 'read whole'}, ${loaded ? 'its stored reverse index loaded' : 'summaries adopted one by one'}): wall ${fmt(adoptTime.wall)} (cache read and opened ${fmt(loadTime.wall)}), main-thread CPU ${fmt(adoptTime.cpu)} (target < 1 s);`);
console.log(`    the files' lines then read (for the check), all from the start: wall ${fmt(linesTime.wall)}, main-thread CPU ${fmt(linesTime.cpu)}`);
console.log(`    and verified (every file stat'ed in the workers, ${warmCounts?.unchanged ?? 0} unchanged, ${warmCounts?.analysed ?? 0} analysed, ${warm.index.size} indexed): wall ${fmt(warmTime.wall)}, main-thread CPU ${fmt(warmTime.cpu)} (target < 1 s)`);
console.log(`    ${loop.stop()}; cache parse: longest slice by runSliced's clock ${fmt(loadStats.longestMs)}; heap added ${mb(warmHeap)} = ${(warmHeap / archive.bytes).toFixed(2)}x the archive`);
await pool?.close();

// 3. Hover latency on the 1 MB article, recognition cached (the extension's ArticleEntitiesCache), with the
// N-article index of the second start above answering "other articles" (its summaries' details parsed on first use).
const index = warm.index;
const doc = parseSeed(big);
const cached = analyzeArticle(big, undefined, doc);
function hoverAt(offset: number): string | undefined {
	const mention = mentionAt(cached, offset);
	if (!mention) return undefined;
	const entity = cached.entities[mention.entity];
	const first = entity.mentions[0];
	const context = sentenceAt(doc, first.start) ?? blockAt(doc, first.start) ?? first;
	const others = index.occurrenceSummary(entity, 'file:///ws/big.txt', 5);
	const declared = findKnowledgeEntity(emptyKnowledge, entity.type, [entity.canonical, ...entity.aliases]);
	return buildEntityHoverMarkdown({
		canonical: entity.canonical, type: entity.type, otherNames: entity.aliases, mentionCount: entity.mentions.length,
		firstLine: 1, firstSentence: big.slice(context.start, context.end),
		otherArticles: others.first.map((o) => ({ label: o.uri, link: commandLink('newsSeed.entities.openArticle', [{ uri: o.uri }]), mentions: mentionCount(o.entity) })),
		otherArticleCount: others.count, indexing: false, notes: declared?.notes ?? '', links: declared?.links ?? [], declared: declared !== undefined,
		findMentionsLink: commandLink('newsSeed.entities.findMentions', [{ offset }]), editNoteLink: commandLink('newsSeed.entities.editNote', [{ offset }]),
	});
}
const samples: number[] = [];
const cpuSamples: number[] = [];
const firstPerEntity: number[] = [];
const seen = new Set<number>();
for (let i = 0; i < 500; i++) {
	const mention = cached.mentions[Math.floor((i / 500) * cached.mentions.length)];
	const w = stopwatch();
	const card = hoverAt(mention.start + 1);
	const t = w();
	samples.push(t.wall);
	cpuSamples.push(t.cpu);
	if (!seen.has(mention.entity)) {
		seen.add(mention.entity);
		firstPerEntity.push(t.wall);
	}
	if (!card) throw new Error('no card');
}
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
firstPerEntity.sort((a, b) => a - b);
console.log(`\nhover card on the 1 MB article, recognition cached, ${articleCount}-article index, 500 mentions spread over the text:`);
console.log(`  wall median ${fmt(percentile(samples, 0.5))}, p95 ${fmt(percentile(samples, 0.95))}, max ${fmt(samples[samples.length - 1])} (target p95 < 10 ms); CPU p95 ${fmt(percentile(cpuSamples, 0.95))}; first hover per entity (${firstPerEntity.length}): max ${fmt(firstPerEntity[firstPerEntity.length - 1])}`);
console.log(`  hover with a cold cache = the sliced analysis above (CPU ${fmt(recognitionCpu)}, in slices) + one card; the extension keeps the analysis per document version`);
console.log(`\nload average at end: ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);
