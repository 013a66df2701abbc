// The Entities view's workspace mode, black-box: the mode commands, the view's rows through the test-only
// snapshot command (the same tree items the view shows), the rows' own commands, and files changed on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor, workspaceFile } from './support';

interface Row {
	label: string;
	description?: string;
	collapsible: boolean;
	command?: { command: string; arguments?: unknown[] };
	children?: Row[];
}

interface Snapshot {
	mode: 'article' | 'workspace';
	description: string | null;
	indexing: boolean;
	rows: Row[];
}

const s001 = '001_820dad7cbcc6459d.txt';
const added = '950_0123456789abcdef.txt';

function snapshot(options: { expand?: string; wait?: boolean } = {}): Thenable<Snapshot> {
	return vscode.commands.executeCommand<Snapshot>('newsSeed.entities.snapshot', options);
}

/** "412 mentions in 37 articles" as numbers. */
function counts(row: Row): { mentions: number; articles: number } {
	const match = /^(\d+) mentions? in (\d+) articles?$/.exec(row.description ?? '');
	assert.ok(match, `description of ${row.label}: ${row.description}`);
	return { mentions: Number(match[1]), articles: Number(match[2]) };
}

function entityRow(view: Snapshot, type: string, name: string): Row | undefined {
	return view.rows.find((row) => row.label === type)?.children?.find((row) => row.label === name);
}

/** Every mention of Geneva in the workspace as Find All References lists them (this file live, others from the index). */
async function genevaEverywhere(): Promise<vscode.Location[]> {
	const document = await openDocument(s001);
	const position = document.positionAt(document.getText().indexOf('Geneva') + 2);
	return vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
}

suite('Entities view: workspace mode', () => {
	suiteSetup(async () => {
		await vscode.commands.executeCommand('newsSeed.entities.showWorkspace');
	});
	suiteTeardown(async () => {
		await vscode.commands.executeCommand('newsSeed.entities.showArticle');
		await vscode.workspace.fs.delete(workspaceFile(added)).then(undefined, () => undefined);
		await closeAllEditors();
	});

	test('lists the workspace\'s entities by type, with mentions across articles, most mentioned first; the description names the mode', async () => {
		const view = await waitFor('the built index in the view', async () => {
			const now = await snapshot({ expand: 'Geneva' });
			return now.description && !now.description.includes('indexing') && entityRow(now, 'Place', 'Geneva') ? now : undefined;
		}, 30_000);
		assert.equal(view.mode, 'workspace');
		assert.match(view.description ?? '', /^workspace · \d+ articles$/);
		assert.deepEqual(view.rows.map((row) => row.label).filter((label) => ['Person', 'Organization', 'Place'].includes(label)), view.rows.map((row) => row.label));
		for (const type of view.rows) {
			const mentions = (type.children ?? []).filter((row) => row.collapsible).map((row) => counts(row).mentions);
			assert.ok(mentions.length > 0, `${type.label} lists entities`);
			assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), `${type.label} sorted by mentions`);
		}
		// The same numbers as Find All References, which reads the index another way.
		const locations = await genevaEverywhere();
		const geneva = entityRow(view, 'Place', 'Geneva');
		assert.ok(geneva);
		assert.deepEqual(counts(geneva), { mentions: locations.length, articles: new Set(locations.map((l) => l.uri.toString())).size });
		assert.ok(counts(geneva).articles >= 2, 'Geneva is named in more than one article');
		// Expanded: the articles that mention it, each with its count, most first.
		const articles = geneva.children ?? [];
		assert.equal(articles.length, counts(geneva).articles);
		const perArticle = articles.map((row) => Number(/^(\d+) mentions?$/.exec(row.description ?? '')?.[1]));
		assert.equal(perArticle.reduce((a, b) => a + b, 0), counts(geneva).mentions);
		assert.deepEqual(perArticle, [...perArticle].sort((a, b) => b - a));
		assert.equal(articles.find((row) => row.label === s001)?.description, '3 mentions');
	});

	test('clicking an article opens it with one mention selected (typing cannot overwrite them all)', async () => {
		await closeAllEditors();
		const view = await snapshot({ expand: 'Geneva' });
		const rows = entityRow(view, 'Place', 'Geneva')?.children ?? [];
		const other = rows.find((row) => row.label !== s001);
		assert.ok(other?.command, JSON.stringify(rows));
		assert.equal(other.command.command, 'newsSeed.entities.revealMentions');
		const revealed = await vscode.commands.executeCommand<number>(other.command.command, ...(other.command.arguments ?? []));
		const editor = vscode.window.activeTextEditor;
		assert.equal(editor?.document.uri.toString(), workspaceFile(other.label).toString());
		assert.equal(revealed, Number(/^(\d+)/.exec(other.description ?? '')?.[1]), 'as many mentions found as the row says');
		assert.deepEqual(editor.selections.map((selection) => editor.document.getText(selection)), ['Geneva']);
		assert.equal(editor.document.isDirty, false);
	});

	test('follows the index when an article is added and removed on disk, and says while the index is building', async () => {
		const before = counts(entityRow(await snapshot(), 'Place', 'Geneva')!);
		await vscode.workspace.fs.writeFile(workspaceFile(added), new TextEncoder().encode(' date 2025-03-01 Delegates returned to Geneva on Monday. Geneva hosted the talks again.\n'));
		await waitFor('the added article counted', async () => {
			const geneva = entityRow(await snapshot(), 'Place', 'Geneva');
			const now = geneva && counts(geneva);
			return now?.mentions === before.mentions + 2 && now.articles === before.articles + 1 ? now : undefined;
		}, 30_000);
		await vscode.workspace.fs.delete(workspaceFile(added));
		await waitFor('the removed article no longer counted', async () => {
			const geneva = entityRow(await snapshot(), 'Place', 'Geneva');
			return geneva && counts(geneva).mentions === before.mentions && counts(geneva).articles === before.articles ? true : undefined;
		}, 30_000);
		// A rebuild: the description says so at once, and names the article count again when it is done.
		const rebuilt = vscode.commands.executeCommand('newsSeed.entities.rebuildIndex');
		const during = await snapshot({ wait: false });
		assert.equal(during.indexing, true);
		assert.match(during.description ?? '', /^workspace · indexing, \d+ articles? so far$/);
		await rebuilt;
		await waitFor('the description after the rebuild', async () => /^workspace · \d+ articles$/.test((await snapshot()).description ?? '') || undefined);
	});

	test('switches back to the active article\'s entities', async () => {
		await vscode.window.showTextDocument(await openDocument(s001));
		await vscode.commands.executeCommand('newsSeed.entities.showArticle');
		const view = await waitFor('the article\'s entities', async () => {
			const now = await snapshot();
			return entityRow(now, 'Place', 'Geneva') ? now : undefined;
		});
		assert.equal(view.mode, 'article');
		assert.equal(view.description, 'this article');
		assert.equal(entityRow(view, 'Place', 'Geneva')?.description, '3 mentions');
		await vscode.commands.executeCommand('newsSeed.entities.showWorkspace');
		assert.equal((await snapshot()).mode, 'workspace');
	});
});
