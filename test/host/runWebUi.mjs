// `npm run test:web-ui`: a seed article in the browser workbench (VS Code's web build served by @vscode/test-web,
// the extension's `browser` entry in the web-worker host), with an entity hover card; saves
// media/screenshot-browser.png. Each check counts as a test; ends with the plain line `N passed, N failed`.
import * as assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dropBrowserFiles, launchBrowser } from './browser.mjs';
import { logger, makeRunDir, repoRoot, runMain } from './hostConfig.mjs';
import { buildExtension } from './prepare.mjs';
import { setup } from './setup.mjs';
import { startWebServer } from './webServer.mjs';
import { createChecks } from './checks.mjs';

const log = logger('web-ui');
const keep = process.argv.includes('--keep');
const article = '001_820dad7cbcc6459d.txt';
const screenshot = path.join(repoRoot, 'media', 'screenshot-browser.png');

const { counts, check } = createChecks(log);

/** @param {string} runDir */
async function runChecks(runDir) {
	const workspace = path.join(runDir, 'samples');
	cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
	const { server, url } = await startWebServer(workspace);
	const browser = await launchBrowser(runDir, { width: 1280, height: 800 });
	const { page } = browser;
	try {
		await page.goto(url, { waitUntil: 'commit' });
		const editor = page.locator('.editor-instance .monaco-editor').first();

		await check('the article opens from the Explorer of the virtual folder', async () => {
			const row = page.getByRole('treeitem', { name: article });
			await row.waitFor({ timeout: 120_000 });
			log('workbench ready');
			await row.click();
			await editor.locator('.view-line', { hasText: 'Nine Days in Geneva' }).waitFor({ timeout: 30_000 });
		});

		await check('the status bar shows the language "News Seed"', async () => {
			await page.locator('.statusbar-item', { hasText: /^News Seed$/ }).first().waitFor({ timeout: 30_000 });
		});

		await check('hovering a person shows the entity card from the web-worker host', async () => {
			const name = editor.locator('.view-line span span', { hasText: 'Ortega' }).first();
			await name.waitFor({ timeout: 30_000 });
			const hover = page.locator('.monaco-hover-content', { hasText: 'Person' }).first();
			// The card appears once the article's entities are analysed; hover again until it does.
			for (let attempt = 0; attempt < 30 && !(await hover.isVisible()); attempt++) {
				await page.mouse.move(0, 0);
				await name.hover();
				await page.waitForTimeout(1000);
			}
			const text = await hover.innerText();
			log(`   card ${JSON.stringify(text.slice(0, 120))}`);
			assert.match(text, /Maria Ortega-Lindqvist/);
		});

		await check('a screenshot is saved to media/screenshot-browser.png', async () => {
			await page.screenshot({ path: screenshot });
		});
	} finally {
		await browser.close();
		await server.close();
	}
}

async function main() {
	await setup();
	await buildExtension();
	const runDir = makeRunDir('nswu');
	try {
		await runChecks(runDir);
	} catch (error) {
		counts.failed++;
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (counts.failed === 0 && !keep) rmSync(runDir, { recursive: true, force: true });
	else {
		if (!keep) dropBrowserFiles(runDir);
		log(`logs kept in ${runDir} (browser.log)`);
	}
	console.log(`${counts.passed} passed, ${counts.failed} failed`);
	return counts.failed === 0 ? 0 : 1;
}

runMain(main, log);
