// Undo and redo of claim changes in a real VS Code: tag, verdict, note, remove, confirm, each undone and redone through
// the commands, several levels, checked in the sidecar on disk; a claim changed on disk meanwhile is left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const articleText = ' date 2024-06-01 The port handled 4.1 million containers last year, the harbour authority said.\n\nCranes will be replaced by 2027.';

let counter = 0;
async function createArticle(): Promise<vscode.Uri> {
	counter++;
	const uri = workspaceFile(`95${counter % 10}_${counter.toString(16).padStart(16, 'e')}.txt`);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText));
	return uri;
}

function sidecarOf(article: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(article, '..', article.path.slice(article.path.lastIndexOf('/') + 1).replace(/\.txt$/, '.claims.json'));
}

interface Stored {
	id: string;
	body: { verdict: string; note: string };
	target: { selector: { exact?: string }[] };
}

/** The claims on disk once `accept` holds for them (the sidecar is absent while it has no claim). */
async function claimsWhen(article: vscode.Uri, what: string, accept: (claims: Stored[]) => boolean): Promise<Stored[]> {
	return waitFor(what, async () => {
		let claims: Stored[];
		try {
			claims = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(sidecarOf(article)))).claims;
		} catch {
			claims = [];
		}
		return accept(claims) ? claims : undefined;
	}, 5000);
}

function rangeOf(needle: string): number[] {
	const at = articleText.indexOf(needle);
	const before = articleText.slice(0, at).split('\n');
	const lines = articleText.slice(0, at + needle.length).split('\n');
	return [before.length - 1, before.at(-1)!.length, lines.length - 1, lines.at(-1)!.length];
}

suite('claim undo and redo', function () {
	// Several round trips through the workbench per test: on a loaded machine they take seconds each.
	this.timeout(90_000);
	teardown(closeAllEditors);

	test('tag, verdict, note: undone one level at a time, then redone', async () => {
		const uri = await createArticle();
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf('Cranes will be replaced by 2027.') });
		await vscode.commands.executeCommand('newsSeed.setVerdict', id, 'False');
		await vscode.commands.executeCommand('newsSeed.editNote', id, 'The tender was cancelled.');
		await claimsWhen(uri, 'the note', (c) => c[0]?.body.note === 'The tender was cancelled.');

		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), id);
		await claimsWhen(uri, 'the note undone', (c) => c[0]?.body.note === '' && c[0].body.verdict === 'False');
		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), id);
		await claimsWhen(uri, 'the verdict undone', (c) => c[0]?.body.verdict === 'Unchecked');
		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), id);
		await claimsWhen(uri, 'the tagging undone', (c) => c.length === 0);

		assert.equal(await vscode.commands.executeCommand('newsSeed.redoClaimChange'), id);
		const back = await claimsWhen(uri, 'the claim tagged again', (c) => c.length === 1);
		assert.equal(back[0].id, id, 'the same claim, with its id');
		assert.equal(await vscode.commands.executeCommand('newsSeed.redoClaimChange'), id);
		await claimsWhen(uri, 'the verdict redone', (c) => c[0]?.body.verdict === 'False');
	});

	test('a removal is undone with the claim as it was', async () => {
		const uri = await createArticle();
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf('The port handled 4.1 million containers last year'), verdict: 'Mostly true', note: 'Annual report, p. 4.' });
		await vscode.commands.executeCommand('newsSeed.removeClaim', id);
		await claimsWhen(uri, 'the claim removed', (c) => c.length === 0);
		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), id);
		const [claim] = await claimsWhen(uri, 'the claim back', (c) => c.length === 1);
		assert.equal(claim.id, id);
		assert.equal(claim.body.verdict, 'Mostly true');
		assert.equal(claim.body.note, 'Annual report, p. 4.');
	});

	test('confirming a changed claim is undone (the claim is changed again, with its saved text) and redone', async () => {
		const uri = await createArticle();
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf('Cranes will be replaced by 2027.') });
		await claimsWhen(uri, 'the claim', (c) => c.length === 1);
		await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText.replace('by 2027.', 'by 2028.')));
		const statusOf = async () => {
			const snapshot = await vscode.commands.executeCommand<{ groups: { claims: { id: string; status: string }[] }[] }>('newsSeed.claims.snapshot');
			return snapshot?.groups.flatMap((g) => g.claims).find((c) => c.id === id)?.status;
		};
		await waitFor('the claim seen as changed', async () => ((await statusOf()) === 'fuzzy' ? true : undefined));
		assert.equal(await vscode.commands.executeCommand('newsSeed.acceptClaimAnchor', id), id);
		await claimsWhen(uri, 'the new text confirmed', (c) => c[0]?.target.selector[0].exact === 'Cranes will be replaced by 2028.');
		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), id);
		await claimsWhen(uri, 'the confirmation undone', (c) => c[0]?.target.selector[0].exact === 'Cranes will be replaced by 2027.');
		await waitFor('the claim changed again', async () => ((await statusOf()) === 'fuzzy' ? true : undefined));
		assert.equal(await vscode.commands.executeCommand('newsSeed.redoClaimChange'), id);
		await claimsWhen(uri, 'the confirmation redone', (c) => c[0]?.target.selector[0].exact === 'Cranes will be replaced by 2028.');
	});

	test('a claim changed on disk since is not overwritten by undo', async () => {
		const uri = await createArticle();
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf('Cranes will be replaced by 2027.') });
		await vscode.commands.executeCommand('newsSeed.setVerdict', id, 'True');
		const [stored] = await claimsWhen(uri, 'the verdict', (c) => c[0]?.body.verdict === 'True');
		// Someone else (git, another window) changes the same claim.
		const file = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(sidecarOf(uri))));
		file.claims[0].body.verdict = 'Half true';
		file.claims[0].modified = '2099-01-01T00:00:00.000Z';
		await vscode.workspace.fs.writeFile(sidecarOf(uri), encoder.encode(JSON.stringify(file, null, 2)));
		await waitFor('the change on disk to be read', async () => {
			const snapshot = await vscode.commands.executeCommand<{ groups: { claims: { id: string; verdict: string }[] }[] }>('newsSeed.claims.snapshot');
			return snapshot?.groups.flatMap((g) => g.claims).find((c) => c.id === stored.id)?.verdict === 'Half true' ? true : undefined;
		});
		assert.equal(await vscode.commands.executeCommand('newsSeed.undoClaimChange'), undefined, 'refused');
		const [after] = await claimsWhen(uri, 'the sidecar', (c) => c.length === 1);
		assert.equal(after.body.verdict, 'Half true', 'the other change is kept');
	});
});
