// Check-worthiness scoring of a generated 1 MB seed article: what the editor does when the article opens (parse,
// then score the blocks on screen at once and the whole in slices), and when the user types (one paragraph
// changed, the others come from the per-block cache). Prints figures; never asserts timings.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BlockScoreCache, scoreBlocksIn, scoreDocument } from '../src/core/checkworthiness/scorer';
import { parseSeed, updateSeed } from '../src/core/seed/seedParser';
import { seedCorpusFile } from './seedCorpus';

const text = await readFile(await seedCorpusFile(1), 'utf8');
const megabytes = Buffer.byteLength(text) / 1e6;
const rounds = 5;
/** About one screen of a wrapped article (60 lines of 100 characters). */
const SCREEN_CHARS = 6_000;

/** Median wall and CPU time of `run` (fresh inputs from `prepare` each round, not timed). */
function time<I, T>(prepare: () => I, run: (input: I) => T): { wall: number; cpu: number; result: T } {
	const walls: number[] = [];
	const cpus: number[] = [];
	let result = run(prepare());
	for (let r = 0; r < rounds; r++) {
		const input = prepare();
		(globalThis as { gc?: () => void }).gc?.();
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		result = run(input);
		walls.push(performance.now() - t0);
		const cpu = process.cpuUsage(c0);
		cpus.push((cpu.user + cpu.system) / 1000);
	}
	walls.sort((x, y) => x - y);
	cpus.sort((x, y) => x - y);
	return { wall: walls[walls.length >> 1], cpu: cpus[cpus.length >> 1], result };
}

const none = (): null => null;
const parse = time(none, () => parseSeed(text));
const onScreen = time(none, () => scoreBlocksIn(parseSeed(text), { start: 0, end: SCREEN_CHARS }, new BlockScoreCache()));
const whole = time(() => parseSeed(text), (doc) => scoreDocument(doc, new BlockScoreCache()));

// Typing: one character added in a paragraph in the middle; the warm cache rescores that paragraph only.
const doc = parseSeed(text);
const cache = new BlockScoreCache();
scoreDocument(doc, cache);
const middle = doc.blocks[doc.blocks.length >> 1];
const edit = { start: middle.start + 5, end: middle.start + 5, text: 'x' };
const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
const typing = time(() => updateSeed(doc, [edit], edited), (next) => scoreDocument(next, cache));

const rate = (ms: number): string => (megabytes / (ms / 1000)).toFixed(1);
console.log(`text: ${megabytes.toFixed(2)} MB, ${whole.result.length.toLocaleString('en-US')} sentences, ${whole.result.filter((s) => s.score >= 0.5).length.toLocaleString('en-US')} at or above 0.5`);
console.log(`parse (for comparison):          wall ${parse.wall.toFixed(1)} ms, CPU ${parse.cpu.toFixed(1)} ms`);
console.log(`open, on screen (parse + score the first ${SCREEN_CHARS.toLocaleString('en-US')} chars): wall ${onScreen.wall.toFixed(1)} ms, CPU ${onScreen.cpu.toFixed(1)} ms (target: 100 ms)`);
console.log(`open, whole article (score all, sentences split): wall ${whole.wall.toFixed(1)} ms (${rate(whole.wall)} MB/s), CPU ${whole.cpu.toFixed(1)} ms (${rate(whole.cpu)} MB/s); the editor runs it in 12 ms slices`);
console.log(`typing (one paragraph changed, cache warm): wall ${typing.wall.toFixed(1)} ms, CPU ${typing.cpu.toFixed(1)} ms; ${(whole.cpu / Math.max(typing.cpu, 0.01)).toFixed(0)}x less CPU than scoring afresh`);
console.log(`load average: ${loadavg()[0].toFixed(1)} (wall times are only comparable at a low load)`);
