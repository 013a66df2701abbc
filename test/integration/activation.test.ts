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

	test('VS Code knows the news-seed language', async () => {
		assert.ok((await vscode.languages.getLanguages()).includes(languageId));
	});
});
