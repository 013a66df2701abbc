// The seed parser against its speed and memory targets (issue section 3), on generated 1, 10 and 50 MB articles:
// reading the file, a plain line scan (the yardstick), whole-document unified + remark-parse (literal config),
// parseSeed cold, updateSeed after a one-character edit in the middle, peak memory and the retained heap of a
// parsed document. Prints figures and ratios; never asserts timings.
import { readFile, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { literalProcessor } from '../src/core/seed/mdast';
import type { SeedDocument } from '../src/core/seed/seedDocument';
import { parseSeed, updateSeed } from '../src/core/seed/seedParser';
import { seedCorpusFile } from './seedCorpus';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
if (!(globalThis as { gc?: unknown }).gc) {
	console.log('note: run with --expose-gc for retained-heap figures (bench/index.mjs does)');
}

let heapPeak = 0;
function sampleHeap(): void {
	heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}

/** Fastest run of each measurement, printed beside the medians: on a busy machine it is the better estimate. */
const fastest = new Map<string, number>();

/** Median wall time in ms of `runs` calls (after one warm-up call when `warm`); the minimum goes to `fastest`. */
async function median(label: string, runs: number, run: () => unknown, warm = true): Promise<number> {
	if (warm) {
		run();
		sampleHeap();
	}
	// One collection before the series, none between runs: a forced full GC shrinks the young generation and
	// makes the next run pay for regrowing it, which an editor in steady state does not.
	gc();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await run();
		times.push(performance.now() - started);
		sampleHeap();
	}
	times.sort((a, b) => a - b);
	fastest.set(label, times[0]);
	return times[times.length >> 1];
}

function lineScan(text: string): number {
	let lines = 0;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		lines++;
	}
	return lines;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value: number | undefined) => (value === undefined ? 'skipped' : value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);
const ratio = (value: number | undefined, base: number) => (value === undefined ? '' : `${(value / base).toFixed(2)}x`);

interface Row {
	megabytes: number;
	size: number;
	read: number;
	scan: number;
	remark?: number;
	cold: number;
	edit: number;
	retained: number;
	retainedWithSentences?: number;
	heapPeak: number;
	rssPeak: number;
}

async function measure(megabytes: number): Promise<Row> {
	const path = await seedCorpusFile(megabytes);
	const size = (await stat(path)).size;
	const runs = megabytes >= 50 ? 5 : 15;
	const read = await median(`read ${megabytes}`, megabytes >= 50 ? 2 : 5, () => readFile(path, 'utf8'), false);
	// The text as VS Code's extension host holds it: its lines joined (ExtHostDocumentData.getText), a flat
	// string. fs.promises.readFile returns a rope (V8 cons string) that is several times slower to index.
	const text = (await readFile(path, 'utf8')).split('\n').join('\n');
	const scan = await median(`scan ${megabytes}`, runs * 3, () => lineScan(text));

	const cold = await median(`cold ${megabytes}`, runs, () => parseSeed(text));

	const middle = text.indexOf('\n', text.length >> 1) + 3;
	const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
	const base = parseSeed(text);
	const edit = await median(`edit ${megabytes}`, 31, () => updateSeed(base, [{ start: middle, end: middle, text: 'x' }], edited));
	const check = updateSeed(base, [{ start: middle, end: middle, text: 'x' }], edited);
	if (JSON.stringify(check.blocks.slice(0, 50)) !== JSON.stringify(parseSeed(edited).blocks.slice(0, 50))) {
		console.log('!!! updateSeed differs from parseSeed');
	}

	gc();
	gc();
	const before = process.memoryUsage().heapUsed;
	let doc: SeedDocument | undefined = parseSeed(text);
	gc();
	gc();
	const retained = process.memoryUsage().heapUsed - before;
	let retainedWithSentences: number | undefined;
	if (megabytes <= 10) {
		let sentences = 0;
		for (const block of doc.blocks) {
			sentences += block.kind === 'paragraph' ? block.sentences.length : 0;
		}
		sampleHeap();
		gc();
		gc();
		retainedWithSentences = process.memoryUsage().heapUsed - before;
		console.log(`  ${megabytes} MB: ${doc.blocks.length} blocks, ${sentences} sentences`);
	}
	doc = undefined;
	void doc;
	// Last, so that its garbage (about 120x the file) does not slow the measurements above.
	let remark: number | undefined;
	if (megabytes <= 10) {
		// About 2 MB/s and 120x the file in memory: once per size, and not at 50 MB (it would need ~6 GB of heap).
		remark = await median(`remark ${megabytes}`, megabytes <= 1 ? 3 : 1, () => literalProcessor.parse(text), megabytes <= 1);
		gc();
	} else {
		console.log(`note: whole-document remark skipped at ${megabytes} MB (about ${Math.round(megabytes * 0.5)} s and ${Math.round(megabytes * 0.12)} GB)`);
	}

	const rssPeak = process.resourceUsage().maxRSS * 1024;
	return { megabytes, size, read, scan, remark, cold, edit, retained, retainedWithSentences, heapPeak, rssPeak };
}

const rows: Row[] = [];
const started = performance.now();
console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes inflate medians; minima are shown too)`);
for (const megabytes of [1, 10, 50]) {
	rows.push(await measure(megabytes));
}

console.log('\nmedian wall times (ratio to the line scan)');
const table = rows.map((r) => ({
	size: mb(r.size),
	'readFile utf8': `${ms(r.read)} ${ratio(r.read, r.scan)}`,
	'line scan': ms(r.scan),
	'remark whole doc': `${ms(r.remark)} ${ratio(r.remark, r.scan)}`,
	'parseSeed cold': `${ms(r.cold)} ${ratio(r.cold, r.scan)}`,
	'updateSeed 1 char': `${ms(r.edit)} ${ratio(r.edit, r.scan)}`,
}));
console.table(table);
console.log('fastest runs (ratio to the fastest line scan)');
console.table(rows.map((r) => {
	const m = r.megabytes;
	const scan = fastest.get(`scan ${m}`) ?? r.scan;
	const cell = (label: string) => {
		const value = fastest.get(`${label} ${m}`);
		return value === undefined ? 'skipped' : `${ms(value)} ${ratio(value, scan)}`;
	};
	return { size: mb(r.size), 'line scan': ms(scan), 'parseSeed cold': cell('cold'), 'updateSeed 1 char': cell('edit') };
}));
console.log('memory (retained = heapUsed after gc with the document alive minus before, as a multiple of the file size)');
console.table(rows.map((r) => ({
	size: mb(r.size),
	'retained doc': `${mb(r.retained)} ${(r.retained / r.size).toFixed(2)}x`,
	'retained + all sentences': r.retainedWithSentences === undefined ? 'not measured' : `${mb(r.retainedWithSentences)} ${(r.retainedWithSentences / r.size).toFixed(2)}x`,
	'heapUsed peak so far': mb(r.heapPeak),
	'rss peak so far': mb(r.rssPeak),
})));

const ten = rows[1];
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
const bestCold = (fastest.get('cold 10') ?? ten.cold) / (fastest.get('scan 10') ?? ten.scan);
const bestEdit = fastest.get('edit 10') ?? ten.edit;
console.log(`targets at 10 MB (medians; fastest runs in brackets), load average now ${loadavg()[0].toFixed(1)}:`);
console.log(`  parseSeed cold <= 5x line scan: ${(ten.cold / ten.scan).toFixed(2)}x -> ${verdict(ten.cold <= 5 * ten.scan)} [${bestCold.toFixed(2)}x -> ${verdict(bestCold <= 5)}]`);
console.log(`  updateSeed after a 1-char edit < 5 ms: ${ten.edit.toFixed(2)} ms -> ${verdict(ten.edit < 5)} [${bestEdit.toFixed(2)} ms -> ${verdict(bestEdit < 5)}]`);
console.log(`  retained < 5x file size: ${(ten.retained / ten.size).toFixed(2)}x -> ${verdict(ten.retained < 5 * ten.size)}`);
console.log(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
