// Starts an isolated code-server (the real VS Code server and web workbench) on 127.0.0.1 and stops it again.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerEntry, node24 } from './hostConfig.mjs';

// A quiet, offline workbench: no welcome page, no gallery or update checks, no chat panel, no git scan, and no
// process scan for ports to forward (code-server's extension host counts as a remote one and, having a tunnel
// provider, spawns a port finder every few seconds: 100 to 400 ms of that thread each time; a desktop's local
// extension host runs none). Each value in the form VS Code keeps: one it migrates (`extensions.autoUpdate: false`
// became "off") is rewritten through a text model of settings.json, a JSONC document that activates the JSON and
// TypeScript extensions in the extension host of every run (test/integration/activation.test.ts). No auto save, as
// on the desktop: the web workbench's default (`afterDelay`) wrote every document a test or benchmark typed into a
// second later, so the index benchmark's cold run changed its article on disk and the warm run found it changed
// and wrote the whole index cache again (test/integration/entityIndexWorkers.test.ts).
const quietSettings = {
	'workbench.startupEditor': 'none',
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'workbench.tips.enabled': false,
	'chat.disableAIFeatures': true,
	'telemetry.telemetryLevel': 'off',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': 'off',
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'git.enabled': false,
	'remote.autoForwardPorts': false,
	'remote.autoForwardPortsSource': 'output',
	'files.autoSave': 'off',
};

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * @typedef {object} CodeServer
 * @property {string} host 127.0.0.1:PORT
 * @property {number} port
 * @property {string} baseUrl http://127.0.0.1:PORT/
 * @property {string} logFile the server's combined output
 * @property {() => boolean} hasExited
 * @property {() => Promise<void>} stop kills the server's process group
 */

/**
 * Starts code-server with everything it writes (config, user data, extensions, logs, sockets) inside runDir.
 * @param {object} options
 * @param {string} options.runDir a fresh folder with a short path
 * @param {string[]} [options.extraArgs]
 * @param {Record<string, string>} [options.env] added to the server's (and so the extension host's) environment
 * @param {Record<string, unknown>} [options.settings] user settings on top of the quiet defaults
 * @param {string} [options.extensionsDir] defaults to runDir/extensions
 * @param {number} [options.port] defaults to a free one
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ runDir, extraArgs = [], env = {}, settings = {}, extensionsDir, port }) {
	const home = path.join(runDir, 'home');
	const userData = path.join(runDir, 'user-data');
	const extensions = extensionsDir ?? path.join(runDir, 'extensions');
	// VS Code creates its IPC sockets in TMPDIR; inside a short runDir they stay under the socket path limit.
	const tmp = path.join(runDir, 't');
	for (const dir of [home, path.join(userData, 'User'), extensions, tmp]) mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, '\t'));

	const serverEnv = {
		...process.env,
		HOME: home,
		TMPDIR: tmp,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_DATA_HOME: path.join(home, '.local', 'share'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		XDG_RUNTIME_DIR: tmp,
		...env,
	};
	// Options meant for this Node 20 process must not leak into Node 24 and the extension host.
	delete serverEnv.NODE_OPTIONS;

	const listenPort = port ?? await freePort();
	const host = `127.0.0.1:${listenPort}`;
	const logFile = path.join(runDir, 'server.log');
	const out = openSync(logFile, 'w');
	const server = spawn(node24, [
		codeServerEntry,
		'--bind-addr', host,
		'--auth', 'none',
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-workspace-trust',
		'--disable-getting-started-override',
		'--ignore-last-opened',
		'--config', path.join(runDir, 'config.yaml'),
		'--user-data-dir', userData,
		'--extensions-dir', extensions,
		...extraArgs,
	], { env: serverEnv, stdio: ['ignore', out, out], detached: true });
	closeSync(out);

	let exited = false;
	server.once('exit', () => {
		exited = true;
	});
	server.once('error', () => {
		exited = true;
	});

	const stop = async () => {
		if (exited || server.pid === undefined) return;
		// The server runs in its own process group (detached): this also ends its extension host and watchers.
		signalGroup(server.pid, 'SIGTERM');
		for (let i = 0; i < 50 && !exited; i++) await sleep(100);
		if (!exited) signalGroup(server.pid, 'SIGKILL');
	};

	const deadline = Date.now() + 60_000;
	while (!readFileSync(logFile, 'utf8').includes('HTTP server listening')) {
		if (exited || Date.now() > deadline) {
			await stop();
			throw new Error(`code-server did not start (${exited ? 'it exited' : 'timeout'}):\n${readFileSync(logFile, 'utf8')}`);
		}
		await sleep(100);
	}
	return { host, port: listenPort, baseUrl: `http://${host}/`, logFile, hasExited: () => exited, stop };
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}
