// Tokenization throughput of the News Seed grammar next to VS Code's own Markdown grammar, on the same generated
// 10 MB seed article, line by line carrying the rule stack as VS Code does (tokenizeLine2, binary tokens).
// Speeds and the ratio use process CPU time, chunk by chunk the fastest of a few rounds in which the two grammars
// alternate: on a shared, loaded machine the wall clock swings by a factor of two or more (it is printed too). Also times a few hostile
// single lines, to show that no pattern backtracks catastrophically.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import oniguruma from 'vscode-oniguruma';
import textmate, { type IGrammar, type StateStack } from 'vscode-textmate';
import { seedCorpusFile } from './seedCorpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const oursPath = join(root, 'syntaxes', 'news-seed.tmLanguage.json');
const markdownTail = join('extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');

/** VS Code's Markdown grammar from the code-server that test/host/setup.mjs installs, or undefined. */
function findMarkdownGrammar(): string | undefined {
	const host = join(root, '.cache', 'host');
	if (!existsSync(host)) {
		return undefined;
	}
	const vscodeDirs = [join(host, 'node_modules', 'code-server', 'lib', 'vscode'), join(host, 'lib', 'vscode')];
	for (const name of readdirSync(host)) {
		if (name.startsWith('code-server')) {
			vscodeDirs.push(join(host, name, 'lib', 'vscode'));
		}
	}
	return vscodeDirs.map((dir) => join(dir, markdownTail)).find((path) => existsSync(path));
}

async function createRegistry(grammars: ReadonlyMap<string, string>): Promise<textmate.Registry> {
	const wasm = await readFile(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
	await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
	return new textmate.Registry({
		onigLib: Promise.resolve({
			createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
			createOnigString: (text: string) => new oniguruma.OnigString(text),
		}),
		// Markdown embeds dozens of languages (fenced code); unknown scopes resolve to nothing, as in a bare host.
		loadGrammar: async (scopeName: string) => {
			const path = grammars.get(scopeName);
			return path === undefined ? null : textmate.parseRawGrammar(await readFile(path, 'utf8'), path);
		},
	});
}

interface Run {
	/** Process CPU time: on a loaded machine it varies far less than the wall clock. */
	cpuSeconds: number;
	wallSeconds: number;
	tokens: number;
	slowestMs: number;
	slowestLine: number;
	/** The rule stack before the slowest line, to time that line again on its own. */
	slowestState: StateStack;
}

/** One pass over the corpus: binary tokens, the slowest line (wall clock), and the rule stack at each chunk start. */
function fullPass(grammar: IGrammar, lines: readonly string[], chunkStarts: readonly number[]): { run: Run; states: StateStack[] } {
	let state = textmate.INITIAL;
	let tokens = 0;
	let slowestMs = 0;
	let slowestLine = 0;
	let slowestState = state;
	const states: StateStack[] = [];
	globalThis.gc?.();
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	for (let i = 0; i < lines.length; i++) {
		if (chunkStarts[states.length] === i) {
			states.push(state);
		}
		const before = performance.now();
		const result = grammar.tokenizeLine2(lines[i], state);
		const took = performance.now() - before;
		if (took > slowestMs) {
			slowestMs = took;
			slowestLine = i;
			slowestState = state;
		}
		tokens += result.tokens.length / 2;
		state = result.ruleStack;
	}
	const wallSeconds = (performance.now() - start) / 1000;
	const cpu = process.cpuUsage(cpuStart);
	return { run: { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds, tokens, slowestMs, slowestLine, slowestState }, states };
}

/** CPU and wall seconds to tokenize lines [from, to) starting from `state`. */
function timeChunk(grammar: IGrammar, lines: readonly string[], from: number, to: number, state: StateStack): [number, number] {
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	for (let i = from; i < to; i++) {
		state = grammar.tokenizeLine2(lines[i], state).ruleStack;
	}
	const cpu = process.cpuUsage(cpuStart);
	return [(cpu.user + cpu.system) / 1e6, (performance.now() - start) / 1000];
}

/**
 * Times each grammar on the corpus cut into chunks of about half a megabyte, `rounds` times, the grammars taking
 * turns chunk by chunk (each chunk resumes from the rule stack a full pass left there), and adds up each chunk's
 * fastest time. Load from other processes comes and goes within seconds; a chunk's minimum over the rounds is
 * its cost without that load, and both grammars are measured under the same conditions. A warm-up on the first
 * chunk (JIT, regex compilation) comes first, then a full pass that finds the slowest line.
 */
function measure(grammars: readonly IGrammar[], lines: readonly string[], rounds: number): Run[] {
	const chunkLines = 3000;
	const chunkStarts = Array.from({ length: Math.ceil(lines.length / chunkLines) }, (_, i) => i * chunkLines);
	for (const grammar of grammars) {
		fullPass(grammar, lines.slice(0, chunkLines), []);
	}
	const passes = grammars.map((grammar) => fullPass(grammar, lines, chunkStarts));
	const bestCpu = grammars.map(() => chunkStarts.map(() => Infinity));
	const bestWall = grammars.map(() => chunkStarts.map(() => Infinity));
	for (let round = 0; round < rounds; round++) {
		chunkStarts.forEach((from, c) => {
			const to = Math.min(lines.length, from + chunkLines);
			grammars.forEach((grammar, g) => {
				const [cpu, wall] = timeChunk(grammar, lines, from, to, passes[g].states[c]);
				bestCpu[g][c] = Math.min(bestCpu[g][c], cpu);
				bestWall[g][c] = Math.min(bestWall[g][c], wall);
			});
		});
	}
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	return passes.map(({ run }, g) => ({ ...run, cpuSeconds: sum(bestCpu[g]), wallSeconds: sum(bestWall[g]) }));
}

/** Best CPU time of a few runs of `work`, in milliseconds: the wall clock of one line mostly measures the load. */
function cpuMs(work: () => void, runs = 5): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = process.cpuUsage();
		work();
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

function report(name: string, grammar: IGrammar, run: Run, bytes: number, lines: readonly string[]): number {
	const mbPerCpuSecond = bytes / 1e6 / run.cpuSeconds;
	const mbPerSecond = bytes / 1e6 / run.wallSeconds;
	const line = lines[run.slowestLine];
	const again = cpuMs(() => grammar.tokenizeLine2(line, run.slowestState), 20);
	console.log(`${name.padEnd(10)} ${mbPerCpuSecond.toFixed(2)} MB/s, ${Math.round(lines.length / run.cpuSeconds).toLocaleString('en-US')} lines/s (CPU time ${run.cpuSeconds.toFixed(2)} s; wall ${run.wallSeconds.toFixed(2)} s = ${mbPerSecond.toFixed(2)} MB/s), ${run.tokens.toLocaleString('en-US')} binary tokens`);
	console.log(`${''.padEnd(10)} slowest line: ${run.slowestMs.toFixed(2)} ms wall (line ${run.slowestLine + 1}, ${line.length} chars); the same line alone: ${again.toFixed(3)} ms CPU`);
	return mbPerCpuSecond;
}

/** Single lines built to trip backtracking: each should cost about as much as ordinary text of its size. */
function hostileLines(): [string, string][] {
	const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
	return [
		['one quotation spanning the line', `"${words(40_000, 'word')}"`],
		['an unclosed quotation', `He said "${words(40_000, 'word')}`],
		['apostrophes', words(20_000, "Russia's don't '90s rock 'n'")],
		['digits and separators', words(40_000, '1,234.5')],
		['Title Case words, no stop', words(40_000, 'Word')],
		['nested quotations', words(10_000, `"a 'b ‘c’ d' e" “f ‘g’ h”`)],
		['currency and percent signs', words(40_000, '$5 €%')],
	];
}

async function main(): Promise<void> {
	const corpus = await seedCorpusFile(10);
	const text = await readFile(corpus, 'utf8');
	const lines = text.split(/\r?\n/);
	const bytes = Buffer.byteLength(text, 'utf8');
	const markdownPath = findMarkdownGrammar();
	const grammars = new Map([['text.news-seed', oursPath]]);
	if (markdownPath !== undefined) {
		grammars.set('text.html.markdown', markdownPath);
	}
	const registry = await createRegistry(grammars);
	const ours = await registry.loadGrammar('text.news-seed');
	if (ours === null) {
		throw new Error(`cannot load ${oursPath}`);
	}
	const markdown = markdownPath === undefined ? null : await registry.loadGrammar('text.html.markdown');
	const rounds = 5;
	console.log(`corpus: ${corpus}`);
	console.log(`${(bytes / 1e6).toFixed(2)} MB, ${lines.length.toLocaleString('en-US')} lines; each chunk of 3,000 lines timed ${rounds} times, grammars alternating, fastest kept`);
	const runs = measure(markdown === null ? [ours] : [ours, markdown], lines, rounds);
	const oursSpeed = report('news-seed', ours, runs[0], bytes, lines);
	if (markdown === null) {
		console.log('NOTE: VS Code\'s Markdown grammar was not found under .cache/host (run `npm run host:setup`); comparison skipped.');
	} else {
		console.log(`markdown grammar: ${markdownPath}`);
		const markdownSpeed = report('markdown', markdown, runs[1], bytes, lines);
		const ratio = oursSpeed / markdownSpeed;
		console.log(`ratio news-seed / markdown: ${ratio.toFixed(2)}x (CPU time; wall clock ${(runs[1].wallSeconds / runs[0].wallSeconds).toFixed(2)}x)`);
		console.log(ratio >= 1 ? 'verdict: ours at least as fast as Markdown' : 'verdict: ours SLOWER than Markdown');
	}

	console.log('hostile single lines (news-seed grammar, best CPU time of 5):');
	for (const [name, line] of hostileLines()) {
		const ms = cpuMs(() => ours.tokenizeLine2(line, textmate.INITIAL));
		console.log(`  ${name.padEnd(32)} ${Math.round(line.length / 1000).toString().padStart(5)} K chars ${ms.toFixed(1).padStart(8)} ms ${(line.length / 1e6 / (ms / 1000)).toFixed(2).padStart(7)} MB/s`);
	}
}

await main();
