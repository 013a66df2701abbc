// `npm run test:electron`: the same mocha suite as test:integration, under @vscode/test-electron, which downloads
// a desktop VS Code (version from NEWS_SEED_VSCODE_VERSION, default "stable") into .vscode-test/.
// It cannot run on the offline machines this project is built on (the download host is unreachable); there
// `npm run test:integration` runs the suite in code-server instead. On Linux without a display, wrap it in
// `xvfb-run -a`. Ends with the plain line `N passed, N failed`.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { logger, makeRunDir, repoRoot, runMain } from './hostConfig.mjs';
import { buildExtension, buildIntegrationTests, integrationEntry, makeWorkspace } from './prepare.mjs';

const log = logger('electron');

async function main() {
	await buildExtension();
	await buildIntegrationTests();
	const runDir = makeRunDir('nse');
	const workspace = makeWorkspace(path.join(runDir, 'ws'));
	const testLog = path.join(runDir, 'mocha.log');
	let failure;
	try {
		await runTests({
			version: process.env.NEWS_SEED_VSCODE_VERSION ?? 'stable',
			cachePath: path.join(repoRoot, '.vscode-test'),
			extensionDevelopmentPath: repoRoot,
			extensionTestsPath: integrationEntry,
			// The desktop host shows the reporter itself; the file only feeds the summary line below.
			extensionTestsEnv: { NEWS_SEED_TEST_LOG: testLog },
			launchArgs: [
				workspace,
				'--disable-extensions',
				'--disable-workspace-trust',
				'--skip-welcome',
				'--skip-release-notes',
				// A short user-data folder keeps VS Code's IPC socket paths under the Unix limit.
				'--user-data-dir', path.join(runDir, 'user-data'),
			],
		});
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
		log(`FAILED: ${failure}`);
		if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo/.test(failure)) {
			log('VS Code could not be downloaded (offline?); use `npm run test:integration` (code-server) instead.');
		}
	}
	const reported = existsSync(testLog) ? /^(\d+) passed, (\d+) failed$/m.exec(readFileSync(testLog, 'utf8').trimEnd().split('\n').at(-1) ?? '') : null;
	const passed = reported ? Number(reported[1]) : 0;
	const failed = reported ? Number(reported[2]) || (failure ? 1 : 0) : 1;
	if (failed === 0) rmSync(runDir, { recursive: true, force: true });
	else log(`logs kept in ${runDir}`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 ? 0 : 1;
}

runMain(main, log);
