// Throughput of the entity recognizer (and of grouping) on a generated 1 MB seed article, single thread.
// Prints figures; never asserts timings.
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { groupEntities, recognizeEntities } from '../src/core/entities/index';
import { seedCorpusFile } from './seedCorpus';

const text = await readFile(await seedCorpusFile(1), 'utf8');
const rounds = 7;

/** Best and median wall time, and median CPU time (the wall clock of a shared machine also counts waiting). */
function time<T>(run: () => T): { best: number; median: number; cpu: number; result: T } {
	const times: number[] = [];
	const cpus: number[] = [];
	let result = run();
	for (let r = 0; r < rounds; r++) {
		(globalThis as { gc?: () => void }).gc?.();
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		result = run();
		times.push(performance.now() - t0);
		const cpu = process.cpuUsage(c0);
		cpus.push((cpu.user + cpu.system) / 1000);
	}
	times.sort((x, y) => x - y);
	cpus.sort((x, y) => x - y);
	return { best: times[0], median: times[times.length >> 1], cpu: cpus[cpus.length >> 1], result };
}

const heapBefore = process.memoryUsage().heapUsed;
const recognized = time(() => recognizeEntities(text));
const mentions = recognized.result;
const grouped = time(() => groupEntities(mentions, text));
const rate = (ms: number): string => Math.round(text.length / (ms / 1000)).toLocaleString('en-US');

console.log(`text: ${text.length.toLocaleString('en-US')} UTF-16 units, ${mentions.length.toLocaleString('en-US')} mentions, ${grouped.result.length} entities`);
console.log(`recognizeEntities: wall best ${recognized.best.toFixed(1)} ms (${rate(recognized.best)} chars/s), median ${recognized.median.toFixed(1)} ms (${rate(recognized.median)} chars/s); CPU median ${recognized.cpu.toFixed(1)} ms (${rate(recognized.cpu)} chars/s)`);
console.log(`groupEntities:     wall best ${grouped.best.toFixed(1)} ms, median ${grouped.median.toFixed(1)} ms; CPU median ${grouped.cpu.toFixed(1)} ms`);
console.log(`load average: ${loadavg()[0].toFixed(1)} (wall times are only comparable at a low load)`);
console.log(`heap growth after both: ${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(1)} MB`);
