// Check-worthiness scoring of a generated 1 MB seed article, as the editor runs it (src/vscode/checkworthiness/
// hintService.ts): on open, parse, score the blocks on screen at once, then the whole article in slices of
// `hostSliceBudgetMs` that give the thread back (setImmediate) in between; on a keystroke, rescore the edited
// paragraph only (the others come from the per-block cache). Also the throughput of scoring alone, what reading
// the patterns' cues saves against running every pattern (same hits), and the first article of a session: fresh
// processes (this file again, with --first-open) open the article cold, or after the editor's warm-up
// (core/checkworthiness/warmUp.ts, run as hintWarmUp.ts runs it). And the desktop editor's way: the article sent to
// the scoring worker thread (src/node/checkworthinessWorker.ts, bundled as the extension bundles it), fresh workers
// cold or warmed up, the scores decoded here, then a keystroke's edits only. Prints figures; never asserts timings.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runSliced, type SliceStats } from '../src/core/entities/articleEntities';
import { detectFeatures, features } from '../src/core/checkworthiness/features';
import { BlockScoreCache, hostSliceBudgetMs, scoreBlocksIn, scoreDocument, scoreDocumentSteps, scoreText } from '../src/core/checkworthiness/scorer';
import { warmUpPlan, warmUpSteps } from '../src/core/checkworthiness/warmUp';
import { splitSentences } from '../src/core/seed/sentences';
import { parseSeed, updateSeed } from '../src/core/seed/seedParser';
import { seedCorpusFile } from './seedCorpus';
import { SliceMeter } from '../src/vscode/checkworthiness/sliceMeter';
import { startCheckworthinessWorker } from '../src/node/checkworthinessWorkerThread';

const text = await readFile(await seedCorpusFile(1), 'utf8');
const megabytes = Buffer.byteLength(text) / 1e6;
const rounds = 7;
/** About one screen of a wrapped article (60 lines of 100 characters). */
const SCREEN_CHARS = 6_000;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const cpuNow = (): number => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/** Median wall and CPU time of `run` (fresh inputs from `prepare` each round, not timed). */
function time<I, T>(prepare: () => I, run: (input: I) => T): { wall: number; cpu: number; result: T } {
	const walls: number[] = [];
	const cpus: number[] = [];
	let result = run(prepare());
	for (let r = 0; r < rounds; r++) {
		const input = prepare();
		gc();
		const c0 = cpuNow();
		const t0 = performance.now();
		result = run(input);
		walls.push(performance.now() - t0);
		cpus.push(cpuNow() - c0);
	}
	return { wall: median(walls), cpu: median(cpus), result };
}

interface Opening {
	/** Parse and the blocks on screen scored: what the first paint waits for. */
	onScreen: number;
	/** Every sentence's score ready (wall, from the start of the parse). */
	ready: number;
	cpu: number;
	/** Longest stretch without giving the thread back: the first (parse + on screen) or a slice; wall and CPU. */
	longestStep: number;
	longestStepCpu: number;
	slices: number;
	sentences: number;
}

/** Opens the article as hintService does, with a fresh cache; the yields are real (setImmediate). */
async function open(): Promise<Opening> {
	const stats: SliceStats = { longestMs: 0, slices: 0 };
	// CPU time per stretch too: on a loaded machine the wall clock of a stretch also counts time the OS took away.
	gc();
	const meter = new SliceMeter(cpuNow);
	const host = meter.wrap({ now: () => performance.now(), yieldNow: () => new Promise<void>((resolve) => setImmediate(resolve)) });
	const c0 = cpuNow();
	const t0 = performance.now();
	const doc = parseSeed(text);
	const cache = new BlockScoreCache();
	scoreBlocksIn(doc, { start: 0, end: SCREEN_CHARS }, cache);
	const onScreen = performance.now() - t0;
	// The editor yields before the sliced run starts (the decorations are drawn first).
	await host.yieldNow();
	const scores = await runSliced(scoreDocumentSteps(doc, cache), host, hostSliceBudgetMs, stats);
	const ready = performance.now() - t0;
	meter.end();
	return { onScreen, ready, cpu: cpuNow() - c0, longestStep: Math.max(onScreen, stats.longestMs), longestStepCpu: meter.figures.longestSliceCpuMs ?? 0, slices: stats.slices, sentences: scores?.length ?? 0 };
}

/** The editor's warm-up, as hintWarmUp.ts runs it (slices of warmUpPlan.sliceMs, pauses of warmUpPlan.pauseMs); CPU and the longest slice. */
async function warmUp(): Promise<{ cpu: number; wall: number; longestSliceCpu: number; longestSlice: number; slices: number }> {
	const stats: SliceStats = { longestMs: 0, slices: 0 };
	const meter = new SliceMeter(cpuNow);
	const c0 = cpuNow();
	const t0 = performance.now();
	await runSliced(warmUpSteps(warmUpPlan.rounds, warmUpPlan.paragraphs, 0.8), meter.wrap({
		now: () => performance.now(),
		yieldNow: () => new Promise<void>((resolve) => setTimeout(resolve, warmUpPlan.pauseMs)),
	}), warmUpPlan.sliceMs, stats);
	meter.end();
	return { cpu: cpuNow() - c0, wall: performance.now() - t0, longestSliceCpu: meter.figures.longestSliceCpuMs ?? 0, longestSlice: stats.longestMs, slices: stats.slices };
}

// A child process: the first two opens of a fresh process, cold or after the warm-up; one JSON line.
if (process.argv.includes('--first-open')) {
	const warm = process.argv.includes('--warm') ? await warmUp() : undefined;
	await new Promise((resolve) => setTimeout(resolve, 50));
	const opens = [await open(), await open()];
	console.log(JSON.stringify({ warm, opens }));
	process.exit(0);
}

const first = await open();
const openings: Opening[] = [];
for (let r = 0; r < rounds; r++) openings.push(await open());
const openMedian = (key: keyof Opening): number => median(openings.map((o) => o[key]));

// Scoring alone, and its parts: sentence splitting (Intl.Segmenter) and the features with and without cues.
const whole = time(() => parseSeed(text), (doc) => scoreDocument(doc, new BlockScoreCache()));
const doc = parseSeed(text);
const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
const split = time(() => null, () => paragraphs.reduce((n, b) => n + splitSentences(text, b.start, b.end).length, 0));
const sentences = paragraphs.flatMap((b) => b.sentences).map((s) => text.slice(s.start, s.end));
const everyPattern = time(() => null, () => sentences.reduce((n, s) => {
	const straight = s.replace(/’/g, "'");
	return n + features.reduce((m, f) => m + (f.detect(straight) ? 1 : 0), 0);
}, 0));
const cued = time(() => null, () => sentences.reduce((n, s) => n + detectFeatures(s).length, 0));
const scored = time(() => null, () => sentences.reduce((n, s) => n + scoreText(s).reasons.length, 0));

// Typing: one character added in a paragraph in the middle; the warm cache rescores that paragraph only.
const cache = new BlockScoreCache();
scoreDocument(doc, cache);
const middle = doc.blocks.find((b, i) => b.kind === 'paragraph' && i >= doc.blocks.length >> 1) ?? doc.blocks[0];
const edit = { start: middle.start + 5, end: middle.start + 5, text: 'x' };
const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
const onScreenAfterEdit = { start: Math.max(0, edit.start - SCREEN_CHARS / 2), end: edit.start + SCREEN_CHARS / 2 };
const typingOnScreen = time(() => updateSeed(doc, [edit], edited), (next) => scoreBlocksIn(next, onScreenAfterEdit, cache));
const typingWhole = time(() => updateSeed(doc, [edit], edited), (next) => scoreDocument(next, cache));
const typingBlock = time(() => updateSeed(doc, [edit], edited), (next) => scoreBlocksIn(next, { start: edit.start, end: edit.start + 1 }, new BlockScoreCache()));

// The first article of a session: fresh processes, alternating cold and warmed, three of each.
interface FirstOpen {
	warm?: Awaited<ReturnType<typeof warmUp>>;
	opens: Opening[];
}
const fresh: { cold: FirstOpen[]; warm: FirstOpen[] } = { cold: [], warm: [] };
for (let r = 0; r < 3; r++) {
	for (const mode of ['cold', 'warm'] as const) {
		const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--first-open', ...(mode === 'warm' ? ['--warm'] : [])], { encoding: 'utf8' });
		const line = child.stdout.trim().split('\n').pop() ?? '';
		if (child.status !== 0 || !line.startsWith('{')) throw new Error(`first-open child failed: ${child.stderr}`);
		fresh[mode].push(JSON.parse(line) as FirstOpen);
	}
}

// The desktop editor's way: fresh scoring workers (bundled as scripts/build.mjs bundles them), cold or warmed up;
// each opens the article twice (two keys: the second is not reused from the first), then a keystroke's edits only.
async function bundledScoringWorker(): Promise<string> {
	const { build } = await import('esbuild');
	const outfile = fileURLToPath(new URL('.data/checkworthinessWorker.cjs', import.meta.url));
	await build({ entryPoints: [fileURLToPath(new URL('../src/node/checkworthinessWorker.ts', import.meta.url))], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
	return outfile;
}
interface WorkerOpen {
	/** From the post to every score decoded here (wall). */
	ready: number;
	/** The worker's own time: wall and its thread's CPU. */
	work: number;
	workCpu?: number;
	/** This thread's time decoding the reply. */
	decode: number;
}
const workerFile = await bundledScoringWorker();
const inWorker: { cold: WorkerOpen[][]; warm: WorkerOpen[][]; typing: WorkerOpen[] } = { cold: [], warm: [], typing: [] };
for (let r = 0; r < 3; r++) {
	for (const mode of ['cold', 'warm'] as const) {
		const client = startCheckworthinessWorker(workerFile);
		if (mode === 'warm') await client.warmUp(0.8);
		const opens: WorkerOpen[] = [];
		for (const key of ['first', 'second']) {
			const t0 = performance.now();
			const result = await client.score(key, 1, { text }, text);
			opens.push({ ready: performance.now() - t0, work: result.timing.workMs, workCpu: result.timing.cpuMs, decode: result.decodeMs });
		}
		inWorker[mode].push(opens);
		const t0 = performance.now();
		const result = await client.score('second', 2, { edits: [[edit]] }, edited);
		inWorker.typing.push({ ready: performance.now() - t0, work: result.timing.workMs, workCpu: result.timing.cpuMs, decode: result.decodeMs });
		client.dispose();
	}
}

const f1 = (x: number): string => x.toFixed(1);
const rate = (ms: number): string => (megabytes / (ms / 1000)).toFixed(1);
console.log(`text: ${megabytes.toFixed(2)} MB, ${whole.result.length.toLocaleString('en-US')} sentences, ${whole.result.filter((s) => s.score >= 0.5).length.toLocaleString('en-US')} at or above 0.5; median of ${rounds} rounds`);
console.log(`open, as the editor does it (parse, blocks on screen at once, the rest in ${hostSliceBudgetMs} ms slices):`);
console.log(`  on screen scored:                ${f1(openMedian('onScreen'))} ms after open`);
console.log(`  every sentence's score ready:    ${f1(openMedian('ready'))} ms after open (target: 100 ms; ${f1(100 / openMedian('ready'))}x within it); CPU ${f1(openMedian('cpu'))} ms; first open, JIT cold: ${f1(first.ready)} ms`);
console.log(`  longest host step:               ${f1(openMedian('longestStep'))} ms wall, ${f1(openMedian('longestStepCpu'))} ms CPU (target: at most 50 ms), ${openMedian('slices')} slices; first open: ${f1(first.longestStep)} ms wall, ${f1(first.longestStepCpu)} ms CPU`);
const freshMedian = (runs: FirstOpen[], n: 0 | 1, key: keyof Opening): number => median(runs.map((r) => r.opens[n][key]));
console.log(`the first article of a session (fresh processes, median of ${fresh.cold.length} each; the target is for every open):`);
for (const mode of ['cold', 'warm'] as const) {
	const runs = fresh[mode];
	const label = mode === 'cold' ? 'no warm-up (the article opened at activation)' : 'after the warm-up';
	console.log(`  ${label}: first open ready ${f1(freshMedian(runs, 0, 'ready'))} ms, CPU ${f1(freshMedian(runs, 0, 'cpu'))} ms, longest step ${f1(freshMedian(runs, 0, 'longestStepCpu'))} ms CPU (on screen ${f1(freshMedian(runs, 0, 'onScreen'))} ms); second open ready ${f1(freshMedian(runs, 1, 'ready'))} ms, CPU ${f1(freshMedian(runs, 1, 'cpu'))} ms, longest step ${f1(freshMedian(runs, 1, 'longestStepCpu'))} ms CPU`);
}
const warmUps = fresh.warm.map((r) => r.warm).filter((w) => w !== undefined);
console.log(`  the warm-up (${warmUpPlan.rounds} generated articles of ${warmUpPlan.paragraphs} paragraphs, slices of ${warmUpPlan.sliceMs} ms, ${warmUpPlan.pauseMs} ms pauses): CPU ${f1(median(warmUps.map((w) => w.cpu)))} ms in ${median(warmUps.map((w) => w.slices))} slices over ${f1(median(warmUps.map((w) => w.wall)))} ms; longest slice ${f1(median(warmUps.map((w) => w.longestSliceCpu)))} ms CPU, ${f1(median(warmUps.map((w) => w.longestSlice)))} ms wall (the first uses: ICU's sentence rules, the largest pattern's compilation)`);
const workerFigures = (opens: WorkerOpen[]): string => `ready ${f1(median(opens.map((o) => o.ready)))} ms after the post (${f1(median(opens.map((o) => o.ready)) / 100)}x the 100 ms target), the worker's work ${f1(median(opens.map((o) => o.work)))} ms${opens[0].workCpu === undefined ? '' : ` (CPU ${f1(median(opens.map((o) => o.workCpu ?? 0)))} ms)`}, decoding here ${f1(median(opens.map((o) => o.decode)))} ms`;
console.log(`in the scoring worker thread, as the desktop editor scores (fresh workers, median of ${inWorker.cold.length} each):`);
console.log(`  no warm-up, first article: ${workerFigures(inWorker.cold.map((o) => o[0]))}`);
console.log(`  after the warm-up, first article: ${workerFigures(inWorker.warm.map((o) => o[0]))}`);
console.log(`  the second article: ${workerFigures([...inWorker.cold, ...inWorker.warm].map((o) => o[1]))}`);
console.log(`  a keystroke (its edits sent, the rest reused): ${workerFigures(inWorker.typing)}`);
console.log(`scoring alone (sentences split, cache empty): wall ${f1(whole.wall)} ms = ${rate(whole.wall)} MB/s, CPU ${f1(whole.cpu)} ms = ${rate(whole.cpu)} MB/s (target: 1 MB/s; ${f1(megabytes / (whole.cpu / 1000))}x)`);
console.log(`  of which sentence splitting (Intl.Segmenter): CPU ${f1(split.cpu)} ms; scoring the split sentences: CPU ${f1(scored.cpu)} ms`);
console.log(`  features, reading cues (what runs): CPU ${f1(cued.cpu)} ms; running every pattern (before): CPU ${f1(everyPattern.cpu)} ms: ${f1(everyPattern.cpu / cued.cpu)}x less CPU, same hits (${cued.result} = ${everyPattern.result})`);
console.log('typing (one character added to a paragraph in the middle, cache warm):');
console.log(`  the edited paragraph alone:      CPU ${f1(typingBlock.cpu)} ms`);
console.log(`  the screen around it:            CPU ${f1(typingOnScreen.cpu)} ms (what is redrawn at once)`);
console.log(`  the whole article (after the ${150} ms pause): CPU ${f1(typingWhole.cpu)} ms, ${f1(whole.cpu / Math.max(typingWhole.cpu, 0.01))}x less than scoring afresh`);
console.log(`Node ${process.version} (the desktop extension host runs Node 24); load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (wall times are only comparable at a low load)`);
