// The entity hover card offers corrections a reader can make on the spot: "Wrong type…" and "Not an entity",
// both our own commands (which write news-entities.json), aimed at the hovered mention.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor, workspaceFile } from './support';

/** The hover text at `offset` in the document (every hover, joined). */
async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 2));
	return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/** The arguments of the card's link labelled `label` to `command`. */
function linkArguments(markdown: string, label: string, command: string): { uri: string; offset: number } {
	const link = new RegExp(`\\[${label}\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(markdown);
	assert.ok(link, `the card links ${label}: ${markdown}`);
	return (JSON.parse(decodeURIComponent(link[1])) as [{ uri: string; offset: number }])[0];
}

suite('entity corrections from the hover', () => {
	teardown(closeAllEditors);

	test('the links\' own arguments write the correction to news-entities.json, and the card follows', async function () {
		this.timeout(60_000);
		const file = workspaceFile('news-entities.json');
		const document = await openDocument('001_820dad7cbcc6459d.txt');
		const offset = document.getText().indexOf('Geneva');
		const card = await waitFor('the entity card', async () => {
			const text = await hoverText(document, offset);
			return text.includes('Find all mentions') ? text : undefined;
		});
		try {
			// "Wrong type…": its type prompt answered (scripts may pass the type).
			await vscode.commands.executeCommand('newsSeed.entities.setType', { ...linkArguments(card, 'Wrong type…', 'newsSeed.entities.setType'), type: 'organization' });
			const typed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { corrections: unknown[] };
			assert.deepEqual(typed.corrections, [{ text: 'Geneva', type: 'organization' }]);
			await waitFor('the card saying Organization', async () => ((await hoverText(document, offset)).includes('\u2014 Organization') ? true : undefined));
			// "Not an entity": no prompt at all; the hovered mention's own text is recorded.
			await vscode.commands.executeCommand('newsSeed.entities.markNotEntity', linkArguments(card, 'Not an entity', 'newsSeed.entities.markNotEntity'));
			const marked = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { corrections: unknown[] };
			assert.deepEqual(marked.corrections, [{ text: 'Geneva', type: 'organization' }, { text: 'Geneva', notAnEntity: true }]);
			await waitFor('no entity card on Geneva', async () => (!(await hoverText(document, offset)).includes('Find all mentions') ? true : undefined));
		} finally {
			await vscode.workspace.fs.delete(file);
		}
	});

	test('the card links "Wrong type…" and "Not an entity" to the hovered mention', async () => {
		const document = await openDocument('001_820dad7cbcc6459d.txt');
		const offset = document.getText().indexOf('Geneva');
		const markdown = await waitFor('the entity card', async () => {
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 2));
			const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
			return text.includes('Find all mentions') ? text : undefined;
		});
		for (const [label, command] of [['Wrong type…', 'newsSeed.entities.setType'], ['Not an entity', 'newsSeed.entities.markNotEntity']]) {
			const link = new RegExp(`\\[${label}\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(markdown);
			assert.ok(link, `the card links ${label}: ${markdown}`);
			const [args] = JSON.parse(decodeURIComponent(link[1])) as [{ uri: string; offset: number }];
			assert.equal(args.uri, document.uri.toString());
			assert.equal(document.getText().slice(args.offset, args.offset + 'Geneva'.length), 'Geneva', 'aimed at the hovered mention');
		}
	});
});
