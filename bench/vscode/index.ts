// Runs inside a real VS Code (`node test/host/runIntegration.mjs --suite bench/vscode`, started by
// bench/outlineInVscode.bench.mjs): how much of an outline request on a 10 MB article is the extension's own
// work. VS Code itself needs seconds to carry tens of thousands of symbols between extension host and
// workbench, so a trivial provider that answers the same tree for a copy of the text is the baseline.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { generateSeedText } from '../seedCorpus';

const repetitions = 3;
const sizeChars = 10_000_000;

function report(line: string): void {
	const logFile = process.env.NEWS_SEED_TEST_LOG;
	if (logFile) {
		fs.appendFileSync(logFile, `${line}\n`);
	}
	console.log(line);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(action: () => Thenable<unknown>): Promise<number> {
	const started = performance.now();
	await action();
	return performance.now() - started;
}

function copySymbol(symbol: vscode.DocumentSymbol): vscode.DocumentSymbol {
	const copy = new vscode.DocumentSymbol(symbol.name, symbol.detail, symbol.kind, symbol.range, symbol.selectionRange);
	copy.children = symbol.children.map(copySymbol);
	return copy;
}

const countSymbols = (symbols: readonly vscode.DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + countSymbols(s.children), 0);

async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
	return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

async function measure(folder: vscode.Uri, text: string, maxParagraphs: number, round: number): Promise<string> {
	await vscode.workspace.getConfiguration('newsSeed').update('outline.maxParagraphs', maxParagraphs, vscode.ConfigurationTarget.Workspace);
	// The trivial provider answers whatever tree ours gave last, for copies of the text named outline-copy-*.
	let answer: vscode.DocumentSymbol[] = [];
	const registration = vscode.languages.registerDocumentSymbolProvider({ pattern: `**/outline-copy-${round}-*.txt` }, { provideDocumentSymbols: () => answer });
	const first = { ours: [] as number[], trivial: [] as number[] };
	const repeated = { ours: [] as number[], trivial: [] as number[] };
	let tree: vscode.DocumentSymbol[] = [];
	try {
		for (let i = 0; i < repetitions; i++) {
			// Fresh files each time: the first request for one pays for reading the document (ours also parses it).
			const seedUri = vscode.Uri.joinPath(folder, `9${round}${i}_${'0'.repeat(15)}${i}.txt`);
			const copyUri = vscode.Uri.joinPath(folder, `outline-copy-${round}-${i}.txt`);
			await writeFile(seedUri, text);
			await writeFile(copyUri, text);
			await vscode.workspace.openTextDocument(seedUri);
			await vscode.workspace.openTextDocument(copyUri);
			first.ours.push(await timed(async () => {
				tree = await symbolsOf(seedUri);
			}));
			answer = tree.map(copySymbol);
			first.trivial.push(await timed(() => symbolsOf(copyUri)));
			// Alternate the repeated requests, so that load from other processes hits both alike.
			repeated.ours.push(await timed(() => symbolsOf(seedUri)));
			repeated.trivial.push(await timed(() => symbolsOf(copyUri)));
		}
	} finally {
		registration.dispose();
	}
	const row = (name: string, values: number[]) => `${name.padEnd(40)} ${median(values).toFixed(0).padStart(7)} ms`;
	return [
		`maxParagraphs ${maxParagraphs}: ${countSymbols(tree)} symbols`,
		row('  ours, first request (parse + outline)', first.ours),
		row('  trivial provider, first request', first.trivial),
		row('  ours, repeated request', repeated.ours),
		row('  trivial provider, repeated request', repeated.trivial),
		`  extension's own share: first ${(median(first.ours) - median(first.trivial)).toFixed(0)} ms, repeated ${(median(repeated.ours) - median(repeated.trivial)).toFixed(0)} ms (target < 1000 ms)`,
	].join('\n');
}

export async function run(): Promise<void> {
	await vscode.extensions.getExtension('news-seed.news-seed-annotator')?.activate();
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
	if (!folder) {
		throw new Error('the benchmark needs a workspace folder');
	}
	const text = generateSeedText(sizeChars);
	report(`Outline of a ${(text.length / 1e6).toFixed(1)} MB article in the real VS Code (medians of ${repetitions})`);
	report(await measure(folder, text, 2000, 1));
	report(await measure(folder, text, 1_000_000_000, 2));
	report('1 passed, 0 failed');
}
