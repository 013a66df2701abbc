import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, languageId } from './support';

suite('activation', () => {
	test('the extension is installed and active', async () => {
		const extension = vscode.extensions.getExtension(extensionId);
		assert.ok(extension, `${extensionId} not found`);
		await extension.activate();
		assert.equal(extension.isActive, true);
	});

	// The harness's quiet settings are written in the form VS Code keeps: a setting it migrates (`extensions.autoUpdate:
	// false` became "off") is rewritten through a text model of settings.json, a JSONC document that activates VS Code's
	// TypeScript extension (`onLanguage:jsonc`) in the extension host of every test and benchmark, half a second of its
	// thread. The document is closed again by now; the extension it started stays active. First in the suite: later
	// tests change settings and open JSON files themselves. (VS Code activates its JSON language features at every
	// start, `onLanguage:json`, whatever the settings.)
	test('no JSONC document was opened before the tests: VS Code migrated none of the harness\'s settings', function () {
		const typescript = vscode.extensions.getExtension('vscode.typescript-language-features');
		if (!typescript) this.skip();
		assert.equal(typescript.isActive, false, 'TypeScript active');
	});

	test('VS Code knows the news-seed language', async () => {
		assert.ok((await vscode.languages.getLanguages()).includes(languageId));
	});
});
