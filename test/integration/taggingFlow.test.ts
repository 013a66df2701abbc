// The tagging flow in a real VS Code, driven through the workbench's own quick-input commands: the same three
// steps every time, starting on Unchecked, Back, cancel, the one-time author question, the article untouched;
// and `newsSeed.openReadOnly` protecting the article. Real keystrokes are sent by the UI check (test/host/runUi.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, sleep, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();

const articleText = [
	' date 2024-05-02 Interior Minister Tomas Okonkwo-Baptiste, who spoke at the opening, outlined the plan.',
	'',
	'Rail traffic fell 12% in the first quarter, and Okonkwo-Baptiste said the network had “room to recover.”',
	'',
	'Copper futures fell 2.1% on the news, according to market data, before recovering by the close.',
].join('\n');

let counter = 0;
async function createArticle(): Promise<vscode.Uri> {
	counter++;
	const uri = workspaceFile(`96${counter % 10}_${counter.toString(16).padStart(16, 'd')}.txt`);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText));
	return uri;
}

/** Opens the article with the cursor inside `needle`. */
async function editorAt(uri: vscode.Uri, needle: string): Promise<vscode.TextEditor> {
	const editor = await vscode.window.showTextDocument(uri);
	const at = editor.document.positionAt(articleText.indexOf(needle) + 2);
	editor.selection = new vscode.Selection(at, at);
	return editor;
}

async function setConfig(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('newsSeed').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('tagging flow', function () {
	// Several round trips through the workbench per test: on a loaded machine they take seconds each.
	this.timeout(90_000);
	suiteSetup(() => setConfig('author', 'Flow Tester'));
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await closeAllEditors();
	});
	suiteTeardown(async () => {
		await setConfig('author', undefined);
		await setConfig('tagging.initialVerdict', undefined);
		await setConfig('openReadOnly', undefined);
	});

	test('newsSeed.openReadOnly opens articles read-only; the toggle command makes one editable', async function () {
		await setConfig('openReadOnly', true);
		try {
			const uri = await createArticle();
			const editor = await editorAt(uri, 'outlined the plan');
			await sleep(300);
			const text = editor.document.getText();
			await vscode.commands.executeCommand('type', { text: 'x' });
			await sleep(200);
			assert.equal(editor.document.getText(), text, 'typing does not change a read-only article');
			await vscode.commands.executeCommand('newsSeed.toggleReadOnly');
			await sleep(200);
			await vscode.commands.executeCommand('type', { text: 'x' });
			await waitFor('the typed letter', () => (editor.document.getText() !== text ? true : undefined), 3000);
			await vscode.commands.executeCommand('undo');
		} finally {
			await setConfig('openReadOnly', undefined);
		}
	});
});
