// `npm run test:grammar`: the grammar's checks, each counted once.
// 1. every assertion file under test/grammar/cases (vscode-tmgrammar-test, `##` comments, one file per construct);
// 2. every article under test/grammar/snap against its committed .snap (vscode-tmgrammar-snap); snapshots are
//    written only with UPDATE_SNAPSHOTS=1, and a missing one is a failure, not a silent new baseline;
// 3. if code-server is installed under .cache/host, that Dark+ and Light+ give the dateline, headings and
//    quotations three different colours (the UI test relies on it).
// Prints the tools' own output and ends with the plain line `N passed, N failed`; exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const grammarPath = join('syntaxes', 'news-seed.tmLanguage.json');
const toolDir = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const require = createRequire(import.meta.url);

let passed = 0;
let failed = 0;

function record(ok, label) {
	if (ok) {
		passed++;
	} else {
		failed++;
		console.log(`FAILED: ${label}`);
	}
}

/** Files under `dir` (recursively) whose name ends with `suffix`, as paths relative to the repository, sorted. */
function filesUnder(dir, suffix) {
	if (!existsSync(join(root, dir))) {
		return [];
	}
	return readdirSync(join(root, dir), { recursive: true })
		.map(String)
		.filter((name) => name.endsWith(suffix))
		.map((name) => join(dir, name))
		.sort();
}

/** Runs a Node script with arguments (no shell), relaying its output; resolves to its exit code. */
function runNode(script, args) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [script, ...args], {
			cwd: root,
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, FORCE_COLOR: '0' },
		});
		child.on('error', (error) => {
			console.log(error.message);
			resolve(1);
		});
		child.on('close', (code) => resolve(code ?? 1));
	});
}

async function assertionTests() {
	const cases = filesUnder(join('test', 'grammar', 'cases'), '.txt');
	if (cases.length === 0) {
		record(false, 'no assertion files under test/grammar/cases');
	}
	for (const file of cases) {
		const code = await runNode(join(toolDir, 'unit.js'), ['--compact', '-g', grammarPath, file]);
		record(code === 0, file);
	}
}

async function snapshotTests() {
	const articles = filesUnder(join('test', 'grammar', 'snap'), '.txt');
	if (articles.length === 0) {
		record(false, 'no articles under test/grammar/snap');
	}
	for (const file of articles) {
		if (!update && !existsSync(join(root, `${file}.snap`))) {
			console.log(`${file}: no snapshot; review the article and run with UPDATE_SNAPSHOTS=1 to write one`);
			record(false, file);
			continue;
		}
		const args = ['-s', 'text.news-seed', '-g', grammarPath, ...(update ? ['--updateSnapshot'] : []), file];
		const code = await runNode(join(toolDir, 'snapshot.js'), args);
		record(code === 0, `${file}.snap`);
	}
}

/** The theme's token colours, following `include` as VS Code does; undefined if the file cannot be read. */
function loadThemeRules(path) {
	const theme = JSON.parse(readFileSync(path, 'utf8'));
	const base = theme.include ? loadThemeRules(join(dirname(path), theme.include)) : [];
	return [...base, ...(theme.tokenColors ?? theme.settings ?? [])];
}

async function themeColourTests() {
	const themes = join(root, '.cache', 'host', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
	if (!existsSync(themes)) {
		console.log('NOTE: code-server is not installed under .cache/host (npm run host:setup); theme colour check skipped.');
		return;
	}
	const textmate = require('vscode-textmate');
	const oniguruma = require('vscode-oniguruma');
	const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
	await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
	const onigLib = Promise.resolve({
		createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
		createOnigString: (text) => new oniguruma.OnigString(text),
	});
	const lines = [' date 2024-03-16 The lead paragraph.', '', 'Symbol of Deepening Ties', '', 'He said "we will go" today.'];
	const probes = { dateline: [0, 'date'], date: [0, '2024-03-16'], heading: [2, 'Deepening'], quotation: [4, 'we will'] };
	for (const [label, file] of [['Dark+', 'dark_plus.json'], ['Light+', 'light_plus.json']]) {
		const registry = new textmate.Registry({
			onigLib,
			theme: { name: label, settings: loadThemeRules(join(themes, file)) },
			loadGrammar: async (scope) => (scope === 'text.news-seed' ? textmate.parseRawGrammar(readFileSync(join(root, grammarPath), 'utf8'), grammarPath) : null),
		});
		const grammar = await registry.loadGrammar('text.news-seed');
		const colorMap = registry.getColorMap();
		const colourAt = (lineIndex, needle) => {
			let state = textmate.INITIAL;
			let tokens = new Uint32Array();
			for (let i = 0; i <= lineIndex; i++) {
				const result = grammar.tokenizeLine2(lines[i], state);
				state = result.ruleStack;
				tokens = result.tokens;
			}
			const offset = lines[lineIndex].indexOf(needle);
			let metadata = tokens[1];
			for (let i = 0; i < tokens.length; i += 2) {
				if (tokens[i] <= offset) {
					metadata = tokens[i + 1];
				}
			}
			// EncodedTokenAttributes: the foreground colour index sits in bits 15 to 23.
			return colorMap[(metadata >>> 15) & 0x1ff];
		};
		const colours = Object.fromEntries(Object.entries(probes).map(([name, [line, needle]]) => [name, colourAt(line, needle)]));
		const plain = colourAt(4, 'He said');
		const distinct = new Set([colours.dateline, colours.heading, colours.quotation]).size === 3
			&& new Set([colours.date, colours.heading, colours.quotation]).size === 3;
		const coloured = Object.values(colours).every((colour) => colour !== plain);
		console.log(`${label}: ${Object.entries(colours).map(([name, colour]) => `${name} ${colour}`).join(', ')}, plain text ${plain}`);
		record(distinct && coloured, `${label}: dateline, headings and quotations have distinct colours other than the text's`);
	}
}

console.log(`grammar: ${relative(root, join(root, grammarPath))}${update ? ' (updating snapshots)' : ''}`);
await assertionTests();
await snapshotTests();
await themeColourTests();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
