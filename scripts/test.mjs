// `npm test`: the whole suite, in order of cost. Each stage prints its own output; this script adds up the
// counts and ends with the plain line `N passed, N failed`. Any failure makes the exit code non-zero.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const unitTests = readdirSync(join(root, 'test', 'unit')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test', 'unit', f));

/** Each stage: a command, and how to count its results (`single` counts the stage itself as one check). */
const stages = [
	{ name: 'host set-up (Chromium, code-server)', cmd: [node, 'test/host/setup.mjs'], count: 'single' },
	{ name: 'build', cmd: [node, 'scripts/build.mjs'], count: 'single' },
	{ name: 'type check', cmd: [bin('tsc'), '--noEmit'], count: 'single' },
	{ name: 'lint', cmd: [bin('eslint'), '.'], count: 'single' },
	{ name: 'unit tests', cmd: [node, '--import', 'tsx', '--test', '--test-reporter=spec', ...unitTests], count: 'node-test' },
	{ name: 'grammar tests', cmd: [node, 'test/grammar/run.mjs'], count: 'plain' },
	{ name: 'package contents', cmd: [node, 'scripts/checkPackage.mjs'], count: 'plain' },
	{ name: 'integration tests (real VS Code)', cmd: [node, 'test/host/runIntegration.mjs'], count: 'plain' },
	{ name: 'UI check (real VS Code in Chromium)', cmd: [node, 'test/host/runUi.mjs'], count: 'plain' },
	{ name: 'host responsiveness while indexing 1,500 articles (real VS Code)', cmd: [node, 'test/host/runResponsiveness.mjs'], count: 'plain' },
	{ name: 'the packaged .vsix, installed, indexes in workers (real VS Code)', cmd: [node, 'test/host/runVsix.mjs'], count: 'plain' },
	{ name: 'integration tests (browser web-worker host)', cmd: [node, 'test/host/runWeb.mjs', '--skip-build'], count: 'plain' },
	{ name: 'UI check (browser workbench)', cmd: [node, 'test/host/runWebUi.mjs'], count: 'plain' },
];

function run(cmd) {
	return new Promise((resolve) => {
		const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const relay = (stream, sink) => stream.on('data', (chunk) => {
			output += chunk;
			sink.write(chunk);
		});
		relay(child.stdout, process.stdout);
		relay(child.stderr, process.stderr);
		child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

function counts(kind, { code, output }) {
	if (kind === 'node-test') {
		const pass = Number(/^ℹ pass (\d+)$/m.exec(output)?.[1] ?? 0);
		const fail = Number(/^ℹ fail (\d+)$/m.exec(output)?.[1] ?? 0);
		return { passed: pass, failed: fail || (code === 0 ? 0 : 1) };
	}
	if (kind === 'plain') {
		const lines = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
		const last = lines.at(-1);
		if (last) {
			const failed = Number(last[2]);
			return { passed: Number(last[1]), failed: failed || (code === 0 ? 0 : 1) };
		}
	}
	return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

/**
 * What a failed stage said about its failures, kept short: CI shows only the end of the output, so the summary
 * repeats it (mocha's "N failing" block, node:test's failing tests, or else the stage's last lines).
 */
function failureExcerpt(output) {
	// eslint-disable-next-line no-control-regex
	const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
	const mocha = lines.findIndex((line) => /^\s*\d+ failing\s*$/.test(line));
	const nodeTest = lines.findIndex((line) => /^✖ failing tests:/.test(line));
	const from = mocha >= 0 ? mocha : nodeTest >= 0 ? nodeTest : Math.max(0, lines.length - 15);
	const excerpt = lines.slice(from, from + 40).filter((line) => line.trim() !== '');
	return excerpt.map((line) => `  ${line}`).join('\n');
}

let passed = 0;
let failed = 0;
const summary = [];
const failures = [];
for (const stage of stages) {
	console.log(`\n──── ${stage.name} ────`);
	const started = Date.now();
	const result = await run(stage.cmd);
	const stageCounts = counts(stage.count, result);
	passed += stageCounts.passed;
	failed += stageCounts.failed;
	if (stageCounts.failed) failures.push(`✗ ${stage.name}:\n${failureExcerpt(result.output)}`);
	summary.push(`${stageCounts.failed ? '✗' : '✓'} ${stage.name}: ${stageCounts.passed} passed, ${stageCounts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
if (failures.length) console.log(`\n──── what failed ────\n${failures.join('\n')}`);
console.log('\n──── summary ────');
console.log(summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
