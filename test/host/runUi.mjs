// `npm run test:ui`: what a reader sees in a real VS Code workbench (code-server in headless Chromium) with the
// extension installed: colours, the language in the status bar, the Outline view; saves media/screenshot.png.
// Each check counts as a test; ends with the plain line `N passed, N failed`.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { dropBrowserFiles, launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { logger, makeRunDir, repoRoot } from './hostConfig.mjs';
import { buildExtension, linkExtension } from './prepare.mjs';
import { setup } from './setup.mjs';
import { createChecks } from './checks.mjs';

const log = logger('ui');
const keep = process.argv.includes('--keep');
const article = '001_820dad7cbcc6459d.txt';
const sections = ['Nine Days in Geneva', 'Washington Keeps Its Distance', 'Indonesia\'s Quiet Role', 'What Comes Next'];
const screenshot = path.join(repoRoot, 'media', 'screenshot.png');
/** @param {string} name a picture of the tagging flow, for the README */
const taggingShot = (name) => path.join(repoRoot, 'media', 'tagging', `${name}.png`);

const { counts, check } = createChecks(log);

/**
 * Colours of the rendered tokens whose text contains each needle. Monaco renders spaces as no-break spaces
 * and does not keep `.view-line` elements in line order, so tokens are found by their text.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string>} needles
 * @returns {Promise<Record<string, string | null>>}
 */
function tokenColours(page, needles) {
	return page.evaluate((wanted) => {
		/* global document, getComputedStyle -- this function runs in the page */
		const spans = [...document.querySelectorAll('.editor-instance .view-line span span')];
		return Object.fromEntries(Object.entries(wanted).map(([key, needle]) => {
			const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
			return [key, span ? getComputedStyle(span).color : null];
		}));
	}, needles);
}

/**
 * The tagging flow driven by real keystrokes, as a reader uses it: Ctrl+Alt+C T, the one-time name question,
 * a digit for the verdict, the suggested claimant, a note. Keys pressed while the flow is open (even Enter as
 * fast as the keyboard sends it, across step changes) must never reach the article. Saves the step-by-step
 * pictures of media/tagging/.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} editor
 * @param {string} workspace
 */
async function tagWithRealKeystrokes(page, editor, workspace) {
	const articleFile = path.join(workspace, article);
	const sidecarFile = articleFile.replace(/\.txt$/, '.claims.json');
	const original = readFileSync(articleFile, 'utf8');
	const quickInput = page.locator('.quick-input-widget');
	const claimText = 'the country had “a very practical reason to care.”';
	const readClaims = () => {
		try {
			return JSON.parse(readFileSync(sidecarFile, 'utf8')).claims;
		} catch {
			return [];
		}
	};
	/** Selects `text` in the article through the Find widget, as a keyboard user would. */
	const select = async (/** @type {string} */ text) => {
		// Focus the editor where it is (a given line may be scrolled out of view and not rendered), then find.
		// force: a hover or a notification left over by an earlier check may cover the spot; the click only focuses.
		await editor.locator('.view-lines').click({ position: { x: 300, y: 10 }, force: true });
		await page.keyboard.press('Control+f');
		await page.keyboard.insertText(text);
		await page.keyboard.press('Enter');
		await page.keyboard.press('Escape');
	};
	const startTagging = async () => {
		await page.keyboard.press('Control+Alt+c');
		await page.keyboard.press('t');
		await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
	};
	const placeholder = () => quickInput.locator('.quick-input-box input').getAttribute('placeholder');

	await check('tagging flow: the name is asked once, a digit picks the verdict, the claimant is the whole name', async () => {
		await select(claimText);
		await startTagging();
		assert.match(await placeholder() ?? '', /name/i, 'the one-time name question comes first');
		await page.keyboard.insertText('A. Reader');
		await page.keyboard.press('Enter');
		await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'Unchecked' }).first().waitFor({ timeout: 5000 });
		const focused = await quickInput.locator('.quick-input-list .monaco-list-row.focused').first().innerText();
		assert.match(focused, /7\s+Unchecked/, `the pick starts on Unchecked (focused: ${focused})`);
		await page.mouse.move(0, 0);
		await page.screenshot({ path: taggingShot('1-verdict') });
		await page.keyboard.press('3');
		await page.waitForFunction(() => /claimant/i.test(document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''), null, { timeout: 5000 });
		const value = await quickInput.locator('.quick-input-box input').inputValue();
		assert.equal(value, 'Sri Wahyuningsih', 'the whole name, from the article\'s first mention');
		await page.screenshot({ path: taggingShot('2-claimant') });
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => /note/i.test(document.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? ''), null, { timeout: 5000 });
		await page.keyboard.type('Import share: 11% per the FAO.');
		await page.screenshot({ path: taggingShot('3-note') });
		await page.keyboard.press('Enter');
		await quickInput.waitFor({ state: 'hidden', timeout: 5000 });
		const claims = await waitForValue(() => (readClaims().length === 1 ? readClaims() : undefined));
		assert.equal(claims[0].body.verdict, 'Half true');
		assert.equal(claims[0].body.claimant, 'Sri Wahyuningsih');
		assert.equal(claims[0].body.note, 'Import share: 11% per the FAO.');
		assert.equal(claims[0].creator, 'A. Reader');
		assert.equal(claims[0].target.selector[0].exact, claimText);
		await page.waitForTimeout(400);
		await page.screenshot({ path: taggingShot('4-tagged') });
	});

	await check('context menu: "Set Claim Verdict" on a claim only', async () => {
		const menuItems = async (/** @type {import('playwright-core').Locator} */ target) => {
			await target.click({ force: true });
			await page.waitForTimeout(500);
			await target.click({ button: 'right', force: true });
			const menu = page.locator('.context-view .monaco-menu');
			await menu.waitFor({ timeout: 5000 });
			const labels = await menu.locator('.action-label').allInnerTexts();
			await page.keyboard.press('Escape');
			return labels;
		};
		await page.keyboard.press('Escape');
		await select(claimText);
		const onClaim = await menuItems(editor.locator('.view-line span', { hasText: 'reason to care' }).filter({ visible: true }).first());
		assert.ok(onClaim.some((l) => /Set Claim Verdict/.test(l)), `on the claim: ${JSON.stringify(onClaim)}`);
		await select(sections[3]);
		const elsewhere = await menuItems(editor.locator('.view-line', { hasText: sections[3] }).filter({ visible: true }).first());
		assert.ok(!elsewhere.some((l) => /Set Claim Verdict/.test(l)), `on a heading: ${JSON.stringify(elsewhere)}`);
		assert.ok(elsewhere.some((l) => /Tag Claim/.test(l)), 'Tag Claim is offered anywhere in an article');
	});

	for (const [name, query, bodyClass] of /** @type {const} */ ([['light', 'light', 'vs'], ['high-contrast', 'dark high contrast', 'hc-black'], ['dark', 'dark 2026', 'vs-dark']])) {
		await check(`theme ${name}: the claim colours and the article in a screenshot`, async () => {
			await page.keyboard.press('Control+k');
			await page.keyboard.press('Control+t');
			await quickInput.waitFor({ state: 'visible', timeout: 5000 });
			await page.keyboard.insertText(query);
			await page.waitForTimeout(400);
			await page.keyboard.press('Enter');
			await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), bodyClass, { timeout: 10_000 });
			await page.mouse.move(0, 0);
			// A theme change makes VS Code ask for the semantic tokens again: the entities' colours come back with them
			// ("Jakarta" its own token again), and the picture waits for them (one had been taken without).
			await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line span span')].some((token) => token.textContent === 'Jakarta'), undefined, { timeout: 15_000 });
			await page.waitForTimeout(800);
			await page.screenshot({ path: path.join(repoRoot, 'media', 'themes', `${name}.png`) });
		});
	}

	await check('tagging flow: keys pressed as fast as possible during the flow never reach the article', async () => {
		await select('Wheat futures on the Chicago Board of Trade fell 3.2%');
		// Once the flow is open (keys typed before the command ran are the editor's, as for any command).
		await startTagging();
		// No waiting between keys: Enter, digits and letters straight through the step changes, then Escape on the
		// last step (an Enter there would end the flow, and keys after it rightly go to the editor).
		for (const key of ['Enter', '1', 'x', 'Enter', 'y', 'z']) {
			await page.keyboard.press(key);
		}
		// Wherever the keys left the flow (its steps take them as fast as they come), it is still open: cancel it.
		await page.waitForTimeout(500);
		assert.ok(await quickInput.isVisible(), 'the flow is still open and holds the keyboard');
		await page.keyboard.press('Escape');
		await quickInput.waitFor({ state: 'hidden', timeout: 5000 });
		await page.waitForTimeout(1500);
		assert.equal(readClaims().length, 1, 'the cancelled flow saved nothing');
		assert.equal(readFileSync(articleFile, 'utf8'), original, 'the article file is unchanged');
		assert.equal(await page.locator('.tab.dirty').count(), 0, 'no editor holds unsaved changes');
	});
}

/**
 * The Entities view switched to the whole workspace by its title button: entities with "N mentions in M articles",
 * an entity expanded to the articles that mention it. Saves media/entities-workspace.png.
 * @param {import('playwright-core').Page} page
 * @param {string} runDir
 */
async function showWorkspaceEntities(page, runDir) {
	await check('the Entities view\'s title button lists the workspace\'s entities with their counts across articles', async () => {
		// What the page showed, kept with the logs when a step below times out.
		const failed = (/** @type {unknown} */ error) => page.screenshot({ path: path.join(runDir, 'entities-view.png') }).then(() => { throw error; });
		await page.keyboard.press('Escape');
		try {
			// The News Seed container from the activity bar (its item is labelled with the container's title).
			await page.locator('.activitybar [aria-label^="News Seed"]').first().click();
			const header = page.locator('.pane-header', { hasText: /Entities/ }).first();
			await header.waitFor({ timeout: 30_000 });
			if (await header.getAttribute('aria-expanded') !== 'true') await header.click();
			// The title button (shown while the pointer is over the view's header).
			await header.hover();
			await header.locator('.action-label[aria-label^="Show Entities of the Workspace"]').click({ timeout: 10_000 });
			// The most mentioned person comes first (the list is virtual: rows far below are not rendered).
			const first = page.locator('.monaco-list-row', { hasText: /\d+ mentions? in \d+ articles?/ }).first();
			await first.waitFor({ timeout: 30_000 });
			await page.locator('.pane-header', { hasText: /workspace · \d+ articles/ }).first().waitFor({ timeout: 10_000 });
			await first.click();
			await page.locator('.monaco-list-row', { hasText: /00\d_[0-9a-f]{16}\.txt/ }).filter({ hasText: /\d+ mentions?/ }).first().waitFor({ timeout: 10_000 });
			await page.mouse.move(0, 0);
			await page.waitForTimeout(500);
			await page.screenshot({ path: path.join(repoRoot, 'media', 'entities-workspace.png') });
			// Back to the article's entities: the other button takes the same place.
			await header.hover();
			await header.locator('.action-label[aria-label^="Show Entities of this Article"]').click({ timeout: 10_000 });
			await page.locator('.pane-header', { hasText: /this article/ }).first().waitFor({ timeout: 10_000 });
		} catch (error) {
			await failed(error);
		}
	});
}

/**
 * Polls `probe` until it returns a value.
 * @template T
 * @param {() => T | undefined} probe
 * @returns {Promise<T>}
 */
async function waitForValue(probe, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** @param {string} runDir */
async function runChecks(runDir) {
	const workspace = path.join(runDir, 'samples');
	cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
	const extensionsDir = path.join(runDir, 'extensions');
	const link = linkExtension(extensionsDir);
	const server = await startCodeServer({
		runDir,
		extensionsDir,
		// VS Code's default dark theme (headless Chromium would otherwise get the light one); no word highlights
		// in the screenshot.
		settings: { 'workbench.colorTheme': 'Dark 2026', 'editor.occurrencesHighlight': 'off' },
	});
	log(`code-server on ${server.host}, run folder ${runDir}`);
	const browser = await launchBrowser(runDir, { width: 1280, height: 800 });
	const { page } = browser;
	try {
		// The checks below wait for what they need; a slow workbench load must not trip goto's own limit.
		await page.goto(`${server.baseUrl}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'commit' });
		const editor = page.locator('.editor-instance .monaco-editor').first();

		await check('the article opens from the Explorer', async () => {
			const row = page.getByRole('treeitem', { name: article });
			await row.waitFor({ timeout: 90_000 });
			log('workbench ready');
			await row.click();
			await editor.locator('.view-line', { hasText: sections[0] }).waitFor({ timeout: 30_000 });
		});

		await check('the status bar shows the language "News Seed"', async () => {
			await page.locator('.statusbar-item', { hasText: /^News Seed$/ }).first().waitFor({ timeout: 30_000 });
		});

		await check('dateline, heading and quotation have three different colours', async () => {
			const needles = { dateline: '2025-01-22', heading: sections[0], quotation: '“the only idea' };
			/** @type {Record<string, string | null>} */
			let colours = {};
			// Tokenisation is asynchronous: poll until the three tokens are rendered and coloured apart.
			for (let attempt = 0; attempt < 50; attempt++) {
				colours = await tokenColours(page, needles);
				if (new Set(Object.values(colours)).size === 3 && !Object.values(colours).includes(null)) break;
				await page.waitForTimeout(200);
			}
			log(`   colours ${JSON.stringify(colours)}`);
			assert.ok(!Object.values(colours).includes(null), 'a token was not found on screen');
			assert.equal(new Set(Object.values(colours)).size, 3, 'expected three different colours');
		});

		await check('a quotation ends at its closing mark: the words after it are plain text again', async () => {
			const colours = await tokenColours(page, { plain: 'Talks began on', afterQuotation: 'The agreement, reached after' });
			log(`   colours ${JSON.stringify(colours)}`);
			assert.ok(colours.plain && colours.afterQuotation, 'a token was not found on screen');
			assert.equal(colours.afterQuotation, colours.plain);
		});

		await check('the Outline view lists the sections', async () => {
			// Give the Outline the sidebar: fold the folder view, unfold the Outline.
			const folders = page.locator('.pane-header', { hasText: /^samples$/i }).first();
			if (await folders.getAttribute('aria-expanded') === 'true') await folders.click();
			const outlineHeader = page.locator('.pane-header', { hasText: /^Outline/i }).first();
			if (await outlineHeader.getAttribute('aria-expanded') !== 'true') await outlineHeader.click();
			const labels = page.locator('.outline-pane .monaco-list-row .monaco-highlighted-label');
			await labels.filter({ hasText: sections[0] }).first().waitFor({ timeout: 30_000 });
			const names = await labels.allInnerTexts();
			log(`   outline ${JSON.stringify(names)}`);
			for (const section of sections) assert.ok(names.includes(section), `"${section}" is not in the Outline`);
		});

		await check('a screenshot is saved to media/screenshot.png', async () => {
			// Put the cursor on the first heading, so the Outline highlights a section in the picture.
			await editor.locator('.view-line', { hasText: sections[0] }).first().click();
			await page.mouse.move(0, 0);
			// Let background work with a spinning status item (entity indexing, say) finish before the picture.
			await page.locator('.statusbar .codicon-modifier-spin').first().waitFor({ state: 'detached', timeout: 20_000 })
				.catch(() => log('   a status bar item is still busy'));
			await page.waitForTimeout(500);
			await page.screenshot({ path: screenshot });
		});

		await tagWithRealKeystrokes(page, editor, workspace);
		await showWorkspaceEntities(page, runDir);
	} finally {
		await browser.close();
		await server.stop();
		// The link points at the working tree: remove it by itself before the run folder goes.
		unlinkSync(link);
	}
}

async function main() {
	await setup();
	await buildExtension();
	const runDir = makeRunDir('nsu');
	try {
		await runChecks(runDir);
	} catch (error) {
		counts.failed++;
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (counts.failed === 0 && !keep) rmSync(runDir, { recursive: true, force: true });
	else {
		if (!keep) dropBrowserFiles(runDir);
		log(`logs kept in ${runDir} (server.log, browser.log)`);
	}
	console.log(`${counts.passed} passed, ${counts.failed} failed`);
	return counts.failed === 0 ? 0 : 1;
}

main().then((code) => {
	process.exitCode = code;
}, (error) => {
	log(`ERROR: ${error instanceof Error ? error.stack : String(error)}`);
	console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
	process.exitCode = 1;
});
