import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor, workspaceFile } from './support';

// Two samples that both name Geneva.
const first = '001_820dad7cbcc6459d.txt';
const second = '003_18d37b13e9231876.txt';
const tokenTypes = ['person', 'organization', 'place'];

/** The entity type of each semantic token whose text is `name`, in order (decoded from the provider's data). */
async function tokenTypesOf(document: vscode.TextDocument, name: string): Promise<string[]> {
	const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
	const types: string[] = [];
	let line = 0;
	let character = 0;
	const data = tokens?.data ?? new Uint32Array();
	for (let i = 0; i + 4 < data.length; i += 5) {
		line += data[i];
		character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
		const start = new vscode.Position(line, character);
		if (document.getText(new vscode.Range(start, start.translate(0, data[i + 2]))) === name) types.push(tokenTypes[data[i + 3]]);
	}
	return types;
}

/** The title line of our entity card at the first occurrence of `name`, or undefined when there is no card. */
async function cardTitle(document: vscode.TextDocument, name: string): Promise<string | undefined> {
	const position = document.positionAt(document.getText().indexOf(name) + 1);
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
	const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
	return texts.find((t) => /^\$\((person|organization|location)\)/.test(t))?.split('\n')[0].replace(/\\(.)/g, '$1');
}

/** Waits until both articles colour every "Geneva" as `type` and their cards say `label` (none: no card, no token). */
async function bothShow(documents: readonly vscode.TextDocument[], type: string | undefined, label: string | undefined): Promise<void> {
	for (const document of documents) {
		let seen = '';
		await waitFor(`${document.uri.path.split('/').pop()} showing Geneva as ${type ?? 'no entity'}`, async () => {
			const types = await tokenTypesOf(document, 'Geneva');
			const title = await cardTitle(document, 'Geneva');
			seen = `tokens ${types.join(',')}; card ${title ?? 'none'}`;
			const tokensAgree = type === undefined ? types.length === 0 : types.length > 0 && types.every((t) => t === type);
			const cardAgrees = label === undefined ? title === undefined : title?.includes(`\u2014 ${label}`) === true;
			return tokensAgree && cardAgrees ? true : undefined;
		}).catch((error: unknown) => {
			throw new Error(`${String(error)}; last seen: ${seen}`);
		});
	}
}

suite('news-entities.json takes effect in every open article', () => {
	suiteTeardown(closeAllEditors);

	test('a correction written to news-entities.json, then one made from an article, reach both open articles', async function () {
		this.timeout(60_000);
		const file = workspaceFile('news-entities.json');
		const documents = [await openDocument(first), await openDocument(second)];
		await vscode.window.showTextDocument(documents[0], vscode.ViewColumn.One);
		await vscode.window.showTextDocument(documents[1], vscode.ViewColumn.Two);
		await bothShow(documents, 'place', 'Place');
		try {
			// As a git pull or another editor would: the file changes on disk.
			await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "entities": [], "corrections": [{ "text": "Geneva", "type": "organization" }] }\n'));
			await bothShow(documents, 'organization', 'Organization');
			// From the first article's card: "Geneva" is not an entity; the second article follows too.
			const offset = documents[0].getText().indexOf('Geneva');
			await vscode.commands.executeCommand('newsSeed.entities.markNotEntity', { uri: documents[0].uri.toString(), offset, name: 'Geneva' });
			await bothShow(documents, undefined, undefined);
		} finally {
			await vscode.workspace.fs.delete(file);
		}
		await bothShow(documents, 'place', 'Place');
	});
});
