import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, sleep, waitFor, workspaceFile } from './support';

const s001 = '001_820dad7cbcc6459d.txt';
const s003 = '003_18d37b13e9231876.txt';
const s005 = '005_32afc7381f587a92.txt';

/** The position `into` characters into the `nth` (0-based) occurrence of `text` in the document. */
function positionOf(document: vscode.TextDocument, text: string, nth = 0, into = 2): vscode.Position {
	let offset = -1;
	for (let i = 0; i <= nth; i++) {
		offset = document.getText().indexOf(text, offset + 1);
		assert.ok(offset >= 0, `"${text}" (occurrence ${nth}) not in ${document.uri.path}`);
	}
	return document.positionAt(offset + into);
}

/** The semantic tokens' relative encoding (five numbers per token) read back as each token's line, text and type. */
function decodeSemanticTokens(document: vscode.TextDocument, tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): { line: number; text: string; type: string }[] {
	const decoded: { line: number; text: string; type: string }[] = [];
	let line = 0;
	let character = 0;
	for (let i = 0; i < tokens.data.length; i += 5) {
		const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
		line += deltaLine;
		character = deltaLine === 0 ? character + deltaStart : deltaStart;
		decoded.push({ line, text: document.getText(new vscode.Range(line, character, line, character + length)), type: legend.tokenTypes[type] });
	}
	return decoded;
}

function markdownOf(hover: vscode.Hover): string {
	return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** Our card among the hovers at `position` (other features may hover too), with Markdown escapes removed. */
async function entityCard(document: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; hover: vscode.Hover }> {
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
	const hover = hovers.find((h) => /^\$\((person|organization|location)\)/.test(markdownOf(h)));
	assert.ok(hover, `no entity card at ${position.line}:${position.character}; hovers: ${JSON.stringify(hovers.map(markdownOf))}`);
	return { text: markdownOf(hover).replace(/\\(.)/g, '$1'), hover };
}

function assertCard(text: string, canonical: string, type: 'Person' | 'Organization' | 'Place', icon: string): void {
	const title = text.split('\n')[0];
	assert.ok(title.startsWith(`$(${icon}) **${canonical}** \u2014 ${type}`), `card title: ${title}`);
}

/** Waits until references of the name at `position` reach another file (the workspace index builds in the background). */
async function referencesAcrossFiles(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
	return waitFor('references in another file', async () => {
		const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
		return locations.some((l) => l.uri.toString() !== document.uri.toString()) ? locations : undefined;
	}, 20_000);
}

suite('entities', () => {
	suiteTeardown(closeAllEditors);

	test('hover on a hyphenated full name: canonical name, person, other names, mentions and command links', async () => {
		const document = await openDocument(s001);
		const { text, hover } = await entityCard(document, positionOf(document, 'Maria Ortega-Lindqvist'));
		assertCard(text, 'Maria Ortega-Lindqvist', 'Person', 'person');
		assert.match(text, /Also written: \*Ortega-Lindqvist\*/);
		assert.match(text, /4 mentions in this article; first on line 1: \u201c/);
		assert.match(text, /\[Find all mentions\]\(command:newsSeed\.entities\.findMentions\?/);
		const content = hover.contents[0] as vscode.MarkdownString;
		assert.equal(content.supportHtml, false);
		// Exactly the commands linked: opening another article only when the card lists one.
		const linksArticles = text.includes('](command:newsSeed.entities.openArticle?');
		assert.deepEqual(content.isTrusted, { enabledCommands: ['newsSeed.entities.findMentions', 'newsSeed.entities.editNote', ...(linksArticles ? ['newsSeed.entities.openArticle'] : []), 'newsSeed.entities.setType', 'newsSeed.entities.markNotEntity'] });
		assert.equal(document.getText(hover.range), 'Maria Ortega-Lindqvist');
	});

	test('hover on the possessive short form names the full person', async () => {
		const document = await openDocument(s001);
		const { text, hover } = await entityCard(document, positionOf(document, "Ortega-Lindqvist's", 0, 5));
		assertCard(text, 'Maria Ortega-Lindqvist', 'Person', 'person');
		assert.equal(document.getText(hover.range), 'Ortega-Lindqvist', 'the mention excludes the possessive');
	});

	test('hover on a surname used alone names the full person', async () => {
		const document = await openDocument(s001);
		const { text } = await entityCard(document, positionOf(document, 'Núñez told reporters'));
		assertCard(text, 'José Ignacio Núñez', 'Person', 'person');
	});

	test('hover on a city and on multi-word organizations (and an acronym)', async () => {
		const d001 = await openDocument(s001);
		assertCard((await entityCard(d001, positionOf(d001, 'Geneva'))).text, 'Geneva', 'Place', 'location');
		const d003 = await openDocument(s003);
		assertCard((await entityCard(d003, positionOf(d003, 'World Health Organization', 0, 8))).text, 'World Health Organization', 'Organization', 'organization');
		assertCard((await entityCard(d003, positionOf(d003, 'WHO spokesperson', 0, 1))).text, 'World Health Organization', 'Organization', 'organization');
		const d005 = await openDocument(s005);
		assertCard((await entityCard(d005, positionOf(d005, 'European Central Bank', 0, 10))).text, 'European Central Bank', 'Organization', 'organization');
	});

	test('the card links to the other articles that mention the entity', async () => {
		const document = await openDocument(s001);
		await referencesAcrossFiles(document, positionOf(document, 'Geneva'));
		const { text } = await entityCard(document, positionOf(document, 'Geneva'));
		assert.match(text, new RegExp(`Mentioned in \\d+ other articles?: \\[${s003.replace('.', '\\.')}\\]\\(command:newsSeed\\.entities\\.openArticle\\?`), text);
	});

	test('find all references reaches a second workspace file', async () => {
		const document = await openDocument(s001);
		const locations = await referencesAcrossFiles(document, positionOf(document, 'Geneva'));
		const here = locations.filter((l) => l.uri.toString() === document.uri.toString());
		assert.equal(here.length, 3);
		const there = locations.filter((l) => l.uri.toString() === workspaceFile(s003).toString());
		assert.ok(there.length >= 1, JSON.stringify(locations.map((l) => l.uri.path)));
		const other = await vscode.workspace.openTextDocument(workspaceFile(s003));
		for (const location of there) assert.equal(other.getText(location.range), 'Geneva');
	});

	test('go to definition goes to the first mention', async () => {
		const document = await openDocument(s001);
		const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'Núñez told'));
		assert.equal(definitions.length, 1);
		const definition = definitions[0];
		const range = 'targetRange' in definition ? definition.targetRange : definition.range;
		assert.equal(document.getText(range), 'José Ignacio Núñez');
	});

	test('document highlights mark every mention of the entity under the cursor', async () => {
		const document = await openDocument(s001);
		const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, positionOf(document, "Ortega-Lindqvist's"));
		assert.deepEqual(highlights.map((h) => document.getText(h.range)), ['Maria Ortega-Lindqvist', 'Ortega-Lindqvist', 'Ortega-Lindqvist', 'Ortega-Lindqvist']);
	});

	test('workspace symbols list entities and headings across seed files', async () => {
		const entities = await waitFor('the WHO symbol', async () => {
			const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'World Health Organization');
			return symbols.some((s) => s.name === 'World Health Organization') ? symbols : undefined;
		}, 20_000);
		const who = entities.find((s) => s.name === 'World Health Organization');
		assert.equal(who?.location.uri.toString(), workspaceFile(s003).toString());
		const headings = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Nine Days in Geneva');
		const heading = headings.find((s) => s.name === 'Nine Days in Geneva');
		assert.ok(heading, JSON.stringify(headings.map((s) => s.name)));
		assert.equal(heading.kind, vscode.SymbolKind.Namespace);
		assert.equal(heading.location.uri.toString(), workspaceFile(s001).toString());
	});

	test('semantic tokens type people, organizations and places', async () => {
		const document = await openDocument(s003);
		const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
		assert.deepEqual(legend.tokenTypes, ['person', 'organization', 'place']);
		const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
		const decoded = decodeSemanticTokens(document, tokens, legend);
		const typeOf = (text: string) => decoded.find((t) => t.text === text)?.type;
		assert.equal(typeOf('World Health Organization'), 'organization', JSON.stringify(decoded));
		assert.equal(typeOf('Geneva'), 'place');
		assert.equal(typeOf('Dr. Inés Caballero') ?? typeOf('Inés Caballero'), 'person');
	});

	test('semantic tokens of an article with thousands of mentions (made in slices) are all there, in order', async function () {
		this.timeout(120_000);
		// 1,500 paragraphs naming a place and an organization: over 3,000 mentions, several slices of tokens.
		const paragraphs = Array.from({ length: 1_500 }, (_, i) => `Officials in Geneva met the World Health Organization on day ${i + 1}.`);
		const document = await vscode.workspace.openTextDocument({ language: 'news-seed', content: ` date 2024-03-16 The talks opened.\n\n${paragraphs.join('\n\n')}` });
		const tokens = await waitFor('the tokens of every paragraph', async () => {
			const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
			return result && result.data.length / 5 >= 2 * paragraphs.length ? result : undefined;
		}, 60_000);
		const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
		const decoded = decodeSemanticTokens(document, tokens, legend);
		// Paragraph i is on line 2 + 2i; each has its place and its organization, in that order, and nothing is lost at a slice's end.
		const expected = paragraphs.flatMap((_, i) => [{ line: 2 + 2 * i, text: 'Geneva', type: 'place' }, { line: 2 + 2 * i, text: 'World Health Organization', type: 'organization' }]);
		assert.deepEqual(decoded.filter((t) => t.line >= 2), expected);
	});

	test('revealing an entity (what selecting it in the Entities view does) selects one mention and marks the others', async () => {
		const document = await openDocument(s001);
		await vscode.window.showTextDocument(document);
		const count = await vscode.commands.executeCommand<number>('newsSeed.entities.revealMentions', { uri: document.uri.toString(), id: 'place:geneva' });
		const editor = vscode.window.activeTextEditor;
		assert.equal(editor?.document.uri.toString(), document.uri.toString());
		assert.equal(count, 3, 'three mentions found');
		// One selection only: typing replaces one mention, never all of them at once.
		assert.deepEqual(editor.selections.map((selection) => document.getText(selection)), ['Geneva']);
		const version = document.version;
		const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, editor.selection.start);
		assert.equal(highlights.length, 3, 'the other mentions are highlighted with it');
		assert.equal(document.version, version);
	});

	test('a note set through the command lands in news-entities.json and shows in the card', async () => {
		const file = workspaceFile('news-entities.json');
		const document = await openDocument(s001);
		const offset = document.getText().indexOf('Geneva');
		try {
			await vscode.commands.executeCommand('newsSeed.entities.editNote', { uri: document.uri.toString(), offset, note: 'Seat of the *talks* <b>' });
			const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { entities: { canonical: string; type: string; notes: string }[] };
			assert.deepEqual(saved.entities.map((e) => [e.canonical, e.type, e.notes]), [['Geneva', 'place', 'Seat of the *talks* <b>']]);
			const card = await waitFor('the note in the card', async () => {
				const { text } = await entityCard(document, positionOf(document, 'Geneva'));
				return text.includes('Notes: Seat of the *talks* <b>') ? text : undefined;
			});
			assert.match(card, /\[Edit the note\]/);
		} finally {
			await vscode.workspace.fs.delete(file);
		}
	});

	test('a malformed news-entities.json is reported and left byte-for-byte untouched by the commands', async () => {
		const file = workspaceFile('news-entities.json');
		const broken = new TextEncoder().encode('{\n  // half-written\n  "entities": [ {"canonical": "Geneva", "type": "place" \n');
		await vscode.workspace.fs.writeFile(file, broken);
		try {
			const document = await openDocument(s001);
			const offset = document.getText().indexOf('Geneva');
			await sleep(500);
			await vscode.commands.executeCommand('newsSeed.entities.editNote', { uri: document.uri.toString(), offset, note: 'x' });
			await vscode.commands.executeCommand('newsSeed.entities.add', { uri: document.uri.toString(), offset, name: 'Geneva', type: 'place' });
			await vscode.commands.executeCommand('newsSeed.entities.markNotEntity', { uri: document.uri.toString(), offset, name: 'Geneva' });
			const after = await vscode.workspace.fs.readFile(file);
			assert.deepEqual([...after], [...broken]);
			const problems = await waitFor('a diagnostic on the malformed file', () => {
				const diagnostics = vscode.languages.getDiagnostics(file).filter((d) => d.source === 'News Seed');
				return diagnostics.length > 0 ? diagnostics : undefined;
			});
			assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
			assertCard((await entityCard(document, positionOf(document, 'Geneva'))).text, 'Geneva', 'Place', 'location');
		} finally {
			await vscode.workspace.fs.delete(file);
		}
	});
});
