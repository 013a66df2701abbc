// `npm run test:integration`: the mocha suite of test/integration inside a real VS Code (code-server), offline.
// The server only starts an extension host when a workbench connects, so headless Chromium opens the workbench
// once in extension-test mode (the URL payload), the way VS Code's own browser integration tests do.
// Ends with the plain line `N passed, N failed`; exits non-zero on failures, a timeout, or a server or browser failure.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dropBrowserFiles, launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { codeServerEntry, logger, makeRunDir, node24, repoRoot, run, runMain } from './hostConfig.mjs';
import { buildExtension, buildIntegrationTests, defaultSuite, makeWorkspace } from './prepare.mjs';
import { setup } from './setup.mjs';

const log = logger('integration');
const timeoutMs = Number(process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? 300_000);
const keep = process.argv.includes('--keep');
// Test the dist/ bundle as it is, for example while `npm run watch` keeps it current.
const skipBuild = process.argv.includes('--skip-build');
const summaryLine = /^(\d+) passed, (\d+) failed$/;
// `--suite bench/vscode` runs another folder's index.ts the same way (the benchmarks that need a real VS Code).
const suiteFlag = process.argv.indexOf('--suite');
const suite = suiteFlag > 0 ? process.argv[suiteFlag + 1] : defaultSuite;
/** The value after a flag, if given. @param {string} flag */
const option = (flag) => {
	const at = process.argv.indexOf(flag);
	return at > 0 ? process.argv[at + 1] : undefined;
};
// `--workspace DIR` opens DIR as it is (a generated archive) instead of a fresh copy of samples/; `--run-dir DIR`
// keeps the run folder (user data, so the extension's workspace storage and its index cache) for a later run:
// the benchmarks start cold, then warm. `--vsix FILE` installs the packaged extension into the server with
// `--install-extension` and tests that (a stub extension stands in for the development path, which extension-test
// mode needs).
const workspaceOption = option('--workspace');
const runDirOption = option('--run-dir');
const vsixOption = option('--vsix');

/**
 * The port of an earlier run in a kept run folder. The workbench names a folder `vscode-remote://HOST:PORT/...`, and
 * VS Code derives the workspace storage (the extension's index cache) from that name: a second run on another port
 * would start cold, as a user's editor never does.
 * @param {string} runDir
 */
function keptPort(runDir) {
	const file = path.join(runDir, 'port');
	return runDirOption && existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Runs the suite once; returns the counts the mocha entry reported, or undefined when it never finished.
 * @param {string} runDir
 * @param {string} integrationEntry the suite's built index.js
 */
async function runSuite(runDir, integrationEntry) {
	const workspace = workspaceOption ? path.resolve(workspaceOption) : makeWorkspace(path.join(runDir, 'ws'));
	if (vsixOption) await installVsix(runDir, path.resolve(vsixOption));
	const testLog = path.join(runDir, 'mocha.log');
	const server = await startCodeServer({
		runDir,
		// Built products ignore the test payload unless the smoke-test driver is enabled.
		extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
		env: { NEWS_SEED_TEST_LOG: testLog },
		port: keptPort(runDir),
	});
	if (runDirOption) writeFileSync(path.join(runDir, 'port'), String(server.port));
	log(`code-server on ${server.host}, run folder ${runDir}`);
	let browser;
	try {
		browser = await launchBrowser(runDir);
		const { page } = browser;
		/** @type {number | undefined} */
		let exitCode;
		// The workbench reports through these in extension-test mode (IAutomatedWindow in VS Code's sources).
		await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
			browser?.browserLog.write(`[workbench.${type}] ${(args ?? []).map(String).join(' ')}\n`);
		});
		await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => {
			exitCode = code;
		});
		const remote = (/** @type {string} */ file) => `vscode-remote://${server.host}${file}`;
		const payload = JSON.stringify([
			['extensionDevelopmentPath', remote(vsixOption ? stubExtension : repoRoot)],
			['extensionTestsPath', remote(integrationEntry)],
			['skipWelcome', 'true'],
		]);
		log('opening the workbench in extension-test mode');
		const deadline = Date.now() + timeoutMs;
		// Returns once the page starts loading: the loop below owns the time limit.
		await page.goto(`${server.baseUrl}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`,
			{ waitUntil: 'commit', timeout: timeoutMs });
		while (exitCode === undefined) {
			if (server.hasExited()) throw new Error(`code-server exited during the tests; see ${server.logFile}`);
			if (browser.hasFailed()) throw new Error('the browser crashed or closed during the tests');
			if (Date.now() > deadline) throw new Error(`the tests did not finish within ${timeoutMs / 1000} s`);
			await sleep(200);
		}
		log(`the workbench reports exit code ${exitCode}`);
		const output = existsSync(testLog) ? readFileSync(testLog, 'utf8') : '';
		const lines = output.trimEnd().split('\n');
		const last = summaryLine.exec(lines.at(-1) ?? '');
		console.log(lines.slice(0, last ? -1 : undefined).join('\n'));
		if (!last) {
			log(`the suite reported no result (exit code ${exitCode}); workbench errors:`);
			await browser.close();
			printWorkbenchErrors(browser.logFile);
			return undefined;
		}
		const counts = { passed: Number(last[1]), failed: Number(last[2]) };
		if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
		return counts;
	} finally {
		await browser?.close();
		await server.stop();
	}
}

/** A development extension that contributes nothing, for testing the installed .vsix in extension-test mode. */
const stubExtension = path.join(repoRoot, 'test', 'host', 'stubExtension');

/**
 * Installs a .vsix the way a user does (`code-server --install-extension`), into the run's extensions folder.
 * @param {string} runDir
 * @param {string} vsix
 */
async function installVsix(runDir, vsix) {
	const extensions = path.join(runDir, 'extensions');
	mkdirSync(extensions, { recursive: true });
	log(`installing ${path.relative(repoRoot, vsix)} with code-server --install-extension`);
	const env = { ...process.env, HOME: path.join(runDir, 'home') };
	// Options meant for this Node 20 process must not leak into Node 24.
	delete env.NODE_OPTIONS;
	await run(node24, [codeServerEntry, '--extensions-dir', extensions, '--user-data-dir', path.join(runDir, 'user-data'), '--install-extension', vsix], { cwd: runDir, env });
}

/** @param {string} logFile */
function printWorkbenchErrors(logFile) {
	const errors = readFileSync(logFile, 'utf8').split('\n')
		// Offline noise: gallery lookups and missing authentication providers.
		.filter((line) => line.startsWith('[workbench.error]') && !/ENOTFOUND|authentication provider/.test(line));
	console.log(errors.slice(-20).join('\n') || '(none)');
}

async function main() {
	const started = Date.now();
	await setup();
	if (!skipBuild) await buildExtension();
	const entry = await buildIntegrationTests(suite);
	log(`${skipBuild ? 'kept' : 'built'} dist/extension.js; built ${path.relative(repoRoot, entry)}`);
	const runDir = runDirOption ? path.resolve(runDirOption) : makeRunDir('nsa');
	mkdirSync(runDir, { recursive: true });
	let counts;
	try {
		counts = await runSuite(runDir, entry);
	} catch (error) {
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
	}
	const ok = counts !== undefined && counts.failed === 0;
	if (ok && !keep && !runDirOption) rmSync(runDir, { recursive: true, force: true });
	else {
		if (!keep) dropBrowserFiles(runDir);
		log(`logs kept in ${runDir} (server.log, browser.log, mocha.log)`);
	}
	log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	// A run that never reported counts as one failure, so a summing caller cannot mistake it for success.
	const { passed, failed } = counts ?? { passed: 0, failed: 1 };
	console.log(`${passed} passed, ${failed} failed`);
	return ok ? 0 : 1;
}

runMain(main, log);
