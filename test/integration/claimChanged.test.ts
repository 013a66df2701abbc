// A claim whose text changed, in a real VS Code: the hover shows the saved and current text side by side with
// Confirm and Re-tag links; Re-tag attaches the claim to the selection, keeping its verdict, note and id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const before = ' date 2024-06-03 The council met on Monday.\n\nCritics said the vote was rushed and the audit was never published.';
const after = ' date 2024-06-03 The council met on Monday.\n\nCritics said the vote was hurried and the audit was never published.';

async function hoverText(uri: vscode.Uri, offset: number): Promise<string> {
	const document = await vscode.workspace.openTextDocument(uri);
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(offset));
	return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

suite('changed claims', function () {
	// Several round trips through the workbench per test: on a loaded machine they take seconds each.
	this.timeout(90_000);
	teardown(closeAllEditors);

	test('the hover compares saved and current text word by word and offers Confirm and Re-tag; Re-tag uses the selection', async () => {
		const uri = workspaceFile('930_bbbbbbbbbbbbbbb1.txt');
		await vscode.workspace.fs.writeFile(uri, encoder.encode(before));
		const quote = 'Critics said the vote was rushed';
		const at = before.indexOf(quote);
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: [2, 0, 2, quote.length], verdict: 'False', note: 'minutes' });
		assert.equal(at, before.indexOf('\n\n') + 2);
		await vscode.workspace.fs.writeFile(uri, encoder.encode(after));
		const markdown = await waitFor('the changed-claim hover', async () => {
			const text = await hoverText(uri, after.indexOf('Critics') + 3);
			return text.includes('Saved text') ? text : undefined;
		});
		assert.match(markdown, /\| Saved text \| Text now \|/);
		assert.match(markdown, /~~rushed~~/);
		assert.match(markdown, /\*\*hurried\*\*/);
		assert.match(markdown, /\[Confirm\]\(command:newsSeed\.acceptClaimAnchor\?/);
		assert.match(markdown, /\[Re\\?-tag\]\(command:newsSeed\.retagClaim\?/);

		const editor = await vscode.window.showTextDocument(uri);
		const wanted = 'Critics said the vote was hurried and the audit was never published.';
		const start = editor.document.positionAt(after.indexOf(wanted));
		editor.selection = new vscode.Selection(start, editor.document.positionAt(after.indexOf(wanted) + wanted.length));
		assert.equal(await vscode.commands.executeCommand('newsSeed.retagClaim', id), id);
		const stored = await waitFor('the re-tagged claim on disk', async () => {
			const file = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, '..', '930_bbbbbbbbbbbbbbb1.claims.json'))));
			return file.claims[0].target.selector[0].exact === wanted ? file.claims[0] : undefined;
		});
		assert.equal(stored.id, id);
		assert.equal(stored.body.verdict, 'False');
		assert.equal(stored.body.note, 'minutes');
		assert.ok(!(await hoverText(uri, after.indexOf('Critics') + 3)).includes('Saved text'), 'no longer changed');
	});
});
