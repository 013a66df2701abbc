// The Claims view as a worklist in a real VS Code: progress per article, the active article first, search and
// "Unchecked only" with the active filters in the view's description.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './support';

interface Snapshot {
	query: string;
	uncheckedOnly: boolean;
	description: string | null;
	groups: { kind: string; label: string; description: string; claims: { id: string; verdict: string; creator: string | null }[] }[];
}

const encoder = new TextEncoder();
const text = ' date 2024-06-02 Exports rose 4% in May. The port handled 4.1 million containers. Cranes will be replaced by 2027.';

async function article(name: string): Promise<vscode.Uri> {
	const uri = workspaceFile(name);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
	return uri;
}

async function tag(uri: vscode.Uri, needle: string, verdict: string, note = ''): Promise<string> {
	const at = text.indexOf(needle);
	return (await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: [0, at, 0, at + needle.length], verdict, note }))!;
}

async function snapshot(): Promise<Snapshot> {
	return (await vscode.commands.executeCommand<Snapshot>('newsSeed.claims.snapshot'))!;
}

suite('claims view worklist', function () {
	// Several round trips through the workbench per test: on a loaded machine they take seconds each.
	this.timeout(90_000);
	let first: vscode.Uri;
	let second: vscode.Uri;
	suiteSetup(async function () {
		this.timeout(90_000);
		first = await article('940_aaaaaaaaaaaaaaa1.txt');
		second = await article('941_aaaaaaaaaaaaaaa2.txt');
		const ids = [
			await tag(first, 'Exports rose 4% in May.', 'True', 'customs release'),
			await tag(first, 'The port handled 4.1 million containers.', 'Unchecked'),
			await tag(first, 'Cranes will be replaced by 2027.', 'Unchecked'),
			await tag(second, 'Exports rose 4% in May.', 'False'),
		];
		assert.ok(ids.every((id) => typeof id === 'string'), `every tagging returned its id: ${JSON.stringify(ids)}`);
	});
	teardown(async () => {
		await vscode.commands.executeCommand('newsSeed.claims.clearSearch');
		const state = await snapshot();
		if (state.uncheckedOnly) {
			await vscode.commands.executeCommand('newsSeed.claims.toggleUncheckedOnly');
		}
		await closeAllEditors();
	});

	const groupOf = (state: Snapshot, uri: vscode.Uri) => state.groups.find((g) => g.kind === 'article' && g.label.endsWith(uri.path.slice(uri.path.lastIndexOf('/') + 1)));

	test('each article shows how many of its claims are checked', async () => {
		const state = await waitFor('both articles in the view', async () => {
			const s = await snapshot();
			return groupOf(s, first) && groupOf(s, second) ? s : undefined;
		});
		assert.equal(groupOf(state, first)?.description, '1 of 3 checked');
		assert.equal(groupOf(state, second)?.description, '1 of 1 checked');
	});

	test('the active article\'s claims come first', async () => {
		await vscode.window.showTextDocument(second);
		const state = await waitFor('the active article on top', async () => {
			const s = await snapshot();
			return s.groups[0]?.label.endsWith('941_aaaaaaaaaaaaaaa2.txt') ? s : undefined;
		});
		assert.equal(state.groups[0].kind, 'article');
		await vscode.window.showTextDocument(first);
		await waitFor('the other article on top', async () => ((await snapshot()).groups[0]?.label.endsWith('940_aaaaaaaaaaaaaaa1.txt') ? true : undefined));
	});

	test('search and Unchecked only filter the claims and show in the view\'s description', async () => {
		await vscode.commands.executeCommand('newsSeed.claims.search', 'customs');
		let state = await snapshot();
		assert.equal(state.description, 'search: “customs”');
		assert.deepEqual(state.groups.flatMap((g) => g.claims.map((c) => c.verdict)), ['True'], 'found by its note');
		await vscode.commands.executeCommand('newsSeed.claims.clearSearch');
		await vscode.commands.executeCommand('newsSeed.claims.toggleUncheckedOnly');
		state = await snapshot();
		assert.equal(state.description, 'unchecked only');
		assert.ok(!groupOf(state, second), 'an article without unchecked claims is left out');
		assert.deepEqual(groupOf(state, first)?.claims.map((c) => c.verdict), ['Unchecked', 'Unchecked']);
		assert.equal(groupOf(state, first)?.description, '1 of 3 checked', 'the progress counts every claim');
	});
});
