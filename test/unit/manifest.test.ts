import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isSeedFileName, matchesSeedNameOnlyIgnoringCase } from '../../src/core/seed/seedRecognition';
import { registeredCommands, shippedCommands, testOnlyCommandSpecs, writingCommandIds } from '../../src/vscode/commandIds';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

void test('names and ids follow the conventions', () => {
	assert.equal(manifest.name, 'news-seed-annotator');
	assert.equal(manifest.displayName, 'News Seed Annotator');
	assert.equal(contributes.languages[0].id, 'news-seed');
	assert.ok(contributes.languages[0].aliases.includes('News Seed'));
	assert.equal(contributes.grammars[0].scopeName, 'text.news-seed');
	for (const key of Object.keys(contributes.configuration.properties)) {
		assert.match(key, /^newsSeed\./);
	}
	for (const command of contributes.commands ?? []) {
		assert.match(command.command, /^newsSeed\./);
		assert.equal(command.category, 'News Seed', `${command.command} has the News Seed category`);
	}
});

void test('every command used in menus and keybindings is declared', () => {
	const declared = new Set((contributes.commands ?? []).map((c: { command: string }) => c.command));
	const used: string[] = [];
	for (const items of Object.values(contributes.menus ?? {}) as { command?: string }[][]) {
		used.push(...items.flatMap((item) => (item.command ? [item.command] : [])));
	}
	used.push(...(contributes.keybindings ?? []).map((k: { command: string }) => k.command));
	for (const command of used) {
		assert.ok(declared.has(command), `${command} is declared in contributes.commands`);
	}
});

void test('the command table and package.json agree: every shipped command declared, nothing else; test-only commands not shipped', () => {
	const declared = (contributes.commands ?? []).map((c: { command: string }) => c.command).sort();
	assert.deepEqual(declared, shippedCommands.map((c) => c.id).sort());
	assert.equal(new Set(registeredCommands.map((c) => c.id)).size, registeredCommands.length, 'no id twice in the table');
	for (const spec of Object.values(testOnlyCommandSpecs)) {
		assert.ok(!declared.includes(spec.id), `${spec.id} is for tests only`);
		assert.ok(!JSON.stringify(contributes.menus ?? {}).includes(`"${spec.id}"`), `${spec.id} is in no menu`);
	}
});

void test('every command is registered through the table (no command id typed out at a registration)', () => {
	const sources = execFileSync('git', ['ls-files', 'src'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));
	for (const file of sources) {
		const text = readFileSync(join(root, file), 'utf8');
		assert.ok(!/registerCommand\(\s*['"`]/.test(text), `${file} registers a command by a literal id; use src/vscode/commandIds.ts`);
		if (file !== 'src/vscode/registerCommand.ts') {
			assert.ok(!/vscode\.commands\.registerCommand\(/.test(text), `${file} bypasses registerCommand (the table and Restricted Mode)`);
		}
	}
});

void test('Restricted Mode: limited support declared, and the commands that write files are the ones turned off', () => {
	assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
	assert.match(manifest.capabilities.untrustedWorkspaces.description, /Restricted Mode.*nothing is written/);
	assert.deepEqual([...writingCommandIds].sort(), [
		'newsSeed.acceptClaimAnchor', 'newsSeed.checkworthiness.dismiss', 'newsSeed.editClaimDetails', 'newsSeed.editNote', 'newsSeed.entities.add',
		'newsSeed.entities.editNote', 'newsSeed.entities.markNotEntity', 'newsSeed.entities.setType', 'newsSeed.exportClaims', 'newsSeed.importClaims',
		'newsSeed.moveSidecar', 'newsSeed.redoClaimChange', 'newsSeed.removeClaim', 'newsSeed.resolveClaimConflict', 'newsSeed.resolveClaimMergeConflict',
		'newsSeed.retagClaim', 'newsSeed.setUpClaimMerging', 'newsSeed.setVerdict', 'newsSeed.tagClaim', 'newsSeed.undoClaimChange',
	]);
	// The browser entry point runs on virtual file systems, with the index in Web Workers (README, "In the browser").
	assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
});

void test('documents the code cites are in the repository (docs/), none outside it', () => {
	const files = execFileSync('git', ['ls-files', 'src', 'test', 'scripts', 'bench', 'eslint.config.mjs', 'README.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => /\.(ts|mjs|md)$/.test(f));
	const cited = new Set<string>();
	for (const file of files) {
		const text = readFileSync(join(root, file), 'utf8');
		// Data sets beside the clone (shared/data, measuring only) are named; documents must be in docs/.
		assert.ok(!/\.\.\/shared\/(?!data\b)|\/work\/shared/.test(text), `${file} cites a document outside the repository`);
		for (const match of text.matchAll(/\b(?:docs\/)?([A-Z][A-Z-]+\.md)\b/g)) {
			if (match[1] !== 'README.md' && match[1] !== 'CHANGELOG.md' && match[1] !== 'SOURCE.md') {
				cited.add(match[1]);
			}
		}
	}
	assert.ok(cited.has('SEED-FORMAT.md') && existsSync(join(root, 'docs', 'SEED-FORMAT.md')));
	const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').map((f) => f.slice(f.lastIndexOf('/') + 1)));
	for (const name of cited) {
		assert.ok(tracked.has(name), `${name} is in the repository`);
	}
});

void test('every path in package.json exists', () => {
	if (!existsSync(join(root, manifest.main))) {
		execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
	}
	const paths = [
		manifest.main,
		...contributes.languages.map((l: { configuration: string }) => l.configuration),
		...contributes.grammars.map((g: { path: string }) => g.path),
		...(contributes.jsonValidation ?? []).map((j: { url: string }) => j.url),
	];
	for (const path of paths) {
		assert.ok(existsSync(join(root, path)), `${path} exists`);
	}
});

void test('saving a seed file never adds a final newline or trims trailing spaces', () => {
	const defaults = contributes.configurationDefaults['[news-seed]'];
	assert.equal(defaults['files.insertFinalNewline'], false);
	assert.equal(defaults['files.trimTrailingWhitespace'], false);
	assert.equal(defaults['files.trimFinalNewlines'], false);
});

void test('the filename pattern and the core name check agree', () => {
	const [pattern] = contributes.languages[0].filenamePatterns as string[];
	// The manifest's glob uses only literal characters and [..] classes; read it as a regular expression.
	const asRegex = new RegExp(`^${pattern.replace(/\./g, '\\.')}$`);
	const names = ['000_765aeddc370d2ae5.txt', '123_0123456789abcdef.txt', '12_0123456789abcdef.txt', '1234_0123456789abcdef.txt',
		'123_0123456789ABCDEF.txt', '123_0123456789abcde.txt', '123_0123456789abcdef0.txt', '123_0123456789abcdeg.txt', '123-0123456789abcdef.txt', '123_0123456789abcdef.md'];
	for (const name of names) {
		assert.equal(asRegex.test(name), isSeedFileName(name), name);
	}
	assert.equal(isSeedFileName('000_765aeddc370d2ae5.txt'), true);
	assert.equal(isSeedFileName('123_0123456789ABCDEF.txt'), false);
	// VS Code matches filenamePatterns ignoring case; the extension corrects that one case at open.
	assert.equal(matchesSeedNameOnlyIgnoringCase('123_0123456789ABCDEF.txt'), true);
	assert.equal(matchesSeedNameOnlyIgnoringCase('123_0123456789abcdef.txt'), false);
	assert.equal(matchesSeedNameOnlyIgnoringCase('notes.txt'), false);
});

void test('claim commands show in the editor\'s context menu only where they apply (issue 9)', () => {
	const editorMenu = contributes.menus['editor/context'] as { command: string; when?: string }[];
	const whenOf = (command: string) => editorMenu.find((item) => item.command === command)?.when ?? '';
	for (const command of ['newsSeed.setVerdict', 'newsSeed.editNote', 'newsSeed.editClaimDetails', 'newsSeed.removeClaim']) {
		assert.match(whenOf(command), /(^|&& )newsSeed\.cursorOnClaim( &&|$)/, `${command} only on a claim`);
	}
	for (const command of ['newsSeed.acceptClaimAnchor', 'newsSeed.retagClaim']) {
		assert.match(whenOf(command), /(^|&& )newsSeed\.cursorOnChangedClaim( &&|$)/, `${command} only on a changed claim`);
	}
	const viewMenu = contributes.menus['view/item/context'] as { command: string; when?: string }[];
	for (const item of viewMenu.filter((i) => i.command === 'newsSeed.setVerdict')) {
		assert.match(item.when ?? '', /viewItem =~ \/\^claim/, 'Set Claim Verdict in the Claims view only on a claim row');
	}
});

void test('sticky scroll pins section headings of articles, not their long first line (issue 9)', () => {
	assert.equal(contributes.configurationDefaults['[news-seed]']['editor.stickyScroll.defaultModel'], 'foldingProviderModel');
});
