// The entity hover card offers corrections a reader can make on the spot: "Wrong type…" and "Not an entity",
// both our own commands (which write news-entities.json), aimed at the hovered mention.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor } from './support';

suite('entity corrections from the hover', () => {
	teardown(closeAllEditors);

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
