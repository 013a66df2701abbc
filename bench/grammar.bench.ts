// Tokenization throughput of the News Seed grammar next to VS Code's own Markdown grammar, on the same generated
// 10 MB seed article, line by line carrying the rule stack as VS Code does (tokenizeLine2, binary tokens).
// Speeds and the ratio use process CPU time, best of a few rounds in which the two grammars alternate: on a shared,
// loaded machine the wall clock swings by a factor of two or more (it is printed too). Also times a few hostile
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

function tokenizeAll(grammar: IGrammar, lines: readonly string[]): Run {
	let state = textmate.INITIAL;
	let tokens = 0;
	let slowestMs = 0;
	let slowestLine = 0;
	let slowestState = state;
	globalThis.gc?.();
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	for (let i = 0; i < lines.length; i++) {
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
	return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds, tokens, slowestMs, slowestLine, slowestState };
}

/**
 * Tokenizes the corpus `rounds` times with each grammar, alternating between them so that a change of load on
 * the machine hits both alike, after a warm-up pass (JIT, regex compilation). Keeps each grammar's fastest round,
 * and the slowest line seen in any round.
 */
function measure(grammars: readonly IGrammar[], lines: readonly string[], rounds: number): Run[] {
	for (const grammar of grammars) {
		tokenizeAll(grammar, lines.slice(0, 5000));
	}
	const runs = grammars.map(() => [] as Run[]);
	for (let round = 0; round < rounds; round++) {
		grammars.forEach((grammar, i) => runs[i].push(tokenizeAll(grammar, lines)));
	}
	return runs.map((all) => {
		const fastest = all.reduce((a, b) => (b.cpuSeconds < a.cpuSeconds ? b : a));
		const slowest = all.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a));
		return { ...fastest, slowestMs: slowest.slowestMs, slowestLine: slowest.slowestLine, slowestState: slowest.slowestState };
	});
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
	const rounds = 4;
	console.log(`corpus: ${corpus}`);
	console.log(`${(bytes / 1e6).toFixed(2)} MB, ${lines.length.toLocaleString('en-US')} lines; best of ${rounds} rounds, grammars alternating`);
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
