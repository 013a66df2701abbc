// `npm run open-samples`: builds the extension and opens samples/ in a VS Code with it loaded.
// With `code` on PATH: a desktop Extension Development Host. Otherwise (offline machines): code-server on
// 127.0.0.1 with the working tree linked into a persistent extensions folder under .cache/host/dev (rebuild with
// `npm run watch`, then "Developer: Reload Window"); stays in the foreground until Ctrl-C.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { startCodeServer } from '../test/host/codeServer.mjs';
import { hostDir, logger, makeRunDir, repoRoot } from '../test/host/hostConfig.mjs';
import { buildExtension, linkExtension } from '../test/host/prepare.mjs';
import { setup } from '../test/host/setup.mjs';

const log = logger('open-samples');
const samples = path.join(repoRoot, 'samples');

/** @param {string} name */
function onPath(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
		try {
			accessSync(path.join(dir, name), constants.X_OK);
			return true;
		} catch {
			// not in this folder
		}
	}
	return false;
}

function openInDesktopCode() {
	log('opening samples/ in VS Code (Extension Development Host)');
	const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, samples], { stdio: 'inherit' });
	child.once('exit', (code) => {
		process.exitCode = code ?? 1;
	});
}

async function serveWithCodeServer() {
	await setup();
	// Settings and the extension link persist between sessions; a long repository path would push VS Code's
	// sockets past the Unix limit, so then a short folder in /tmp holds the session instead.
	const persistent = path.join(hostDir, 'dev');
	const runDir = Buffer.byteLength(persistent) <= 48 ? persistent : makeRunDir('nsa-dev');
	const extensionsDir = path.join(runDir, 'extensions');
	linkExtension(extensionsDir);
	const port = Number(process.env.NEWS_SEED_PORT ?? 0) || undefined;
	const server = await startCodeServer({ runDir, extensionsDir, port });
	const stop = async () => {
		log('stopping code-server');
		await server.stop();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	log(`code-server is running (log: ${server.logFile})`);
	console.log(`\n  Open ${server.baseUrl}?folder=${encodeURIComponent(samples).replaceAll('%2F', '/')}\n\n  Press Ctrl-C to stop.\n`);
	// Stay in the foreground while the server lives.
	await new Promise((resolve) => {
		const poll = () => (server.hasExited() ? resolve(undefined) : setTimeout(poll, 1000));
		poll();
	});
	log('code-server exited');
	process.exitCode = 1;
}

await buildExtension();
if (onPath('code')) openInDesktopCode();
else await serveWithCodeServer();
