// Headless Debian Chromium driven by playwright-core (never Playwright's own downloaded browsers).
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './hostConfig.mjs';

const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Launches Chromium with a fresh profile inside runDir and records the page's console into runDir/browser.log.
 * @param {string} runDir
 * @param {{ width: number, height: number }} [viewport]
 */
export async function launchBrowser(runDir, viewport = { width: 1280, height: 800 }) {
	// Playwright puts its artifacts into os.tmpdir(): keep them in the run folder too.
	const tmp = path.join(runDir, 'browser-tmp');
	mkdirSync(tmp, { recursive: true });
	process.env.TMPDIR = tmp;
	const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
		executablePath: chromiumPath,
		headless: true,
		args: chromiumArgs,
		viewport,
	});
	const page = context.pages()[0] ?? await context.newPage();
	const logFile = path.join(runDir, 'browser.log');
	const browserLog = createWriteStream(logFile);
	page.on('console', (message) => browserLog.write(`[console.${message.type()}] ${message.text()}\n`));
	page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));
	let failed = false;
	let closing = false;
	page.on('crash', () => {
		failed = true;
	});
	context.once('close', () => {
		failed ||= !closing;
	});
	const close = async () => {
		if (closing) return;
		closing = true;
		await context.close().catch(() => undefined);
		await new Promise((resolve) => browserLog.end(resolve));
	};
	return { context, page, logFile, browserLog, hasFailed: () => failed, close };
}

/**
 * Removes what the browser left in a run folder that is kept for its logs: the profile is most of its size
 * and tells nothing about a failure.
 * @param {string} runDir
 */
export function dropBrowserFiles(runDir) {
	for (const name of ['chromium-profile', 'browser-tmp']) rmSync(path.join(runDir, name), { recursive: true, force: true });
}
