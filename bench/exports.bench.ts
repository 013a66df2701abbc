// `npm run bench exports`: `news-seed validate` and `news-seed export` over a generated workspace of 5,000
// articles with 20 claims each (100,000 claims), through the command modules with the real file system.
// Target: under 10 s for either. Figures are printed; benchmarks never fail on timings.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createClaim, createSidecar, prepareArticle, serialiseSidecar, type Claim } from '../src/core/claims';
import { parseSeed } from '../src/core/seed/seedParser';
import type { CliIo } from '../src/cli/cliTypes';
import { exportCommand } from '../src/cli/commands/export';
import { validateCommand } from '../src/cli/commands/validate';
import { sha256Hex } from '../src/cli/workspaceFiles';
import { generateSeedText } from './seedCorpus';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5000);
const CLAIMS = 20;
const VERDICTS = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unverifiable', 'Unchecked'];

function seeded(seed: number): (n: number) => Uint8Array {
	let state = seed >>> 0;
	return (n) => Uint8Array.from({ length: n }, () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state >>> 24;
	});
}

async function generate(dir: string): Promise<void> {
	await mkdir(dir, { recursive: true });
	const random = seeded(1);
	const now = new Date('2024-03-17T09:00:00.000Z');
	const writes: Promise<void>[] = [];
	for (let i = 0; i < ARTICLES; i++) {
		const text = generateSeedText(4000, i + 1);
		const doc = parseSeed(text);
		const sentences = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : []));
		const { index } = prepareArticle(text);
		const claims: Claim[] = [];
		for (let c = 0; c < CLAIMS; c++) {
			const sentence = sentences[(c * 7 + i) % sentences.length];
			claims.push(createClaim(text, sentence, { verdict: VERDICTS[(c + i) % VERDICTS.length], creator: 'Bench', note: c % 3 === 0 ? 'Checked against *the* record.\nSee | sources.' : '' }, now, random, index));
		}
		const name = `${String(i % 1000).padStart(3, '0')}_${(i + 1).toString(16).padStart(16, '0')}.txt`;
		const folder = join(dir, `batch${Math.floor(i / 1000)}`);
		if (i % 1000 === 0) {
			await mkdir(folder, { recursive: true });
		}
		const sidecar = serialiseSidecar(createSidecar({ fileName: name, sha256: sha256Hex(text), date: doc.dateline?.value ?? null }, claims));
		writes.push(writeFile(join(folder, name), text), writeFile(join(folder, name.replace('.txt', '.claims.json')), sidecar));
		if (writes.length > 200) {
			await Promise.all(writes.splice(0));
		}
	}
	await Promise.all(writes);
}

function quietIo(cwd: string): CliIo & { out: number; err: string } {
	const io = {
		out: 0,
		err: '',
		stdout: (text: string) => {
			io.out += text.length;
		},
		stderr: (text: string) => {
			io.err += text;
		},
		readFile: () => Promise.reject(new Error('unused')),
		exists: () => Promise.resolve(false),
		cwd,
	};
	return io;
}

async function time(label: string, task: () => Promise<number>): Promise<void> {
	global.gc?.();
	const cpu = process.cpuUsage();
	const start = performance.now();
	const code = await task();
	const wall = (performance.now() - start) / 1000;
	const used = process.cpuUsage(cpu);
	const verdict = wall < 10 ? 'under the 10 s target' : 'OVER the 10 s target';
	console.log(`${label.padEnd(34)} ${wall.toFixed(2).padStart(6)} s wall, ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s CPU, exit ${code}  (${verdict})  heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

const root = join(tmpdir(), `news-seed-exports-bench-${process.pid}`);
const workspace = join(root, 'ws');
const started = performance.now();
await generate(workspace);
console.log(`generated ${ARTICLES} articles × ${CLAIMS} claims in ${((performance.now() - started) / 1000).toFixed(1)} s (${workspace})`);

await time('validate', () => validateCommand.run([workspace], quietIo(root)));
for (const format of ['w3c', 'brat', 'claimreview', 'csv', 'markdown']) {
	const io = quietIo(root);
	await time(`export --format ${format} --out`, () => exportCommand.run(['--format', format, workspace, '--out', join(root, `out-${format}`)], io));
}
await time('export --format csv (stdout)', () => exportCommand.run(['--format', 'csv', workspace], quietIo(root)));
await rm(root, { recursive: true, force: true });
