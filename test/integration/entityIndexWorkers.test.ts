// The workspace entity index off the extension host's thread, in both hosts: worker threads on the desktop, Web
// Workers in the browser (issue 13), where the host reads the files through vscode.workspace.fs and the workers
// analyse them. Black-box: the test-only status command says where the last build ran, and references of a name
// reach every article that names it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, inBrowserHost, waitFor, workspaceFile } from './support';

interface IndexStatus {
	readonly indexing: boolean;
	readonly articles: number;
	readonly builds: number;
	readonly cacheSaves: number;
	readonly lastBuild?: { readonly where: string; readonly reason?: string; readonly files: number; readonly workerFiles: number; readonly articles: number };
}

const encoder = new TextEncoder();
/** More articles than one batch of the scan (24), so that several batches go to the workers. */
const articleCount = 30;
const name = 'Annelie Vortkamp';

function articleText(n: number): string {
	return ` date 2024-05-${String(1 + (n % 28)).padStart(2, '0')} Port talks resume, article ${n}\n\n${name}, the harbour master, said on Monday that the talks would resume in article ${n}.\n\nVortkamp added that the ships were waiting.\n`;
}

function articleUri(n: number): vscode.Uri {
	return workspaceFile(`9${String(n).padStart(2, '0')}_${n.toString(16).padStart(16, 'c')}.txt`);
}

suite('entity index workers', function () {
	this.timeout(120_000);
	const uris = Array.from({ length: articleCount }, (_, n) => articleUri(n));
	suiteSetup(async () => {
		for (const [n, uri] of uris.entries()) await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText(n)));
	});
	suiteTeardown(async () => {
		await closeAllEditors();
		for (const uri of uris) await vscode.workspace.fs.delete(uri).then(() => undefined, () => undefined);
	});

	test('a full build runs in workers, every file scanned there, and references reach every article', async () => {
		await vscode.commands.executeCommand('newsSeed.entities.rebuildIndex');
		const status = await waitFor('the rebuild', async () => {
			const now = await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
			return !now.indexing && now.lastBuild ? now : undefined;
		}, 60_000);
		const build = status.lastBuild;
		assert.ok(build);
		assert.equal(build.where, 'workers', `analysis ran on the host: ${build.reason ?? ''}`);
		assert.ok(build.files >= articleCount, `the build found ${build.files} files`);
		assert.equal(build.workerFiles, build.files, 'every file scanned in a worker');
		const document = await vscode.workspace.openTextDocument(uris[0]);
		await vscode.window.showTextDocument(document);
		const at = document.positionAt(document.getText().indexOf(name) + 3);
		const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
		const articles = new Set(locations.map((l) => l.uri.toString()));
		assert.deepEqual([...articles].sort(), uris.map(String).sort(), 'references in every article that names her');
		// The full name and the surname alone, in each article.
		assert.equal(locations.length, 2 * articleCount);
	});

	test('typing into an article and out again writes neither the article nor the index cache (no auto save, as on the desktop)', async () => {
		// The index benchmark types into an article like this: the web workbench's auto save wrote it a second later,
		// and the next start found it changed and wrote the whole index cache again.
		await waitFor('the index idle', async () => {
			const now = await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
			return !now.indexing && now.builds > 0 ? now : undefined;
		}, 60_000);
		// The desktop harness (the bench's too) turns auto save off; the browser test workbench has no settings file,
		// so its default (a save a second after an edit) is turned off here.
		const files = vscode.workspace.getConfiguration('files');
		const autoSave = files.inspect<string>('autoSave')?.globalValue;
		if (inBrowserHost) await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
		else assert.equal(files.get('autoSave'), 'off', 'the harness turns auto save off');
		const uri = uris[1];
		const before = await vscode.workspace.fs.stat(uri);
		// The cache written after the tests before (a second after their last change) first.
		const cacheSaves = await waitFor('the index cache written', async () => {
			const saves = (await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus')).cacheSaves;
			await new Promise((resolve) => setTimeout(resolve, 1500));
			return (await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus')).cacheSaves === saves ? saves : undefined;
		}, 30_000);
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		const last = editor.document.lineCount - 1;
		assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(last, 0), 'x')));
		assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(last, 0, last, 1))));
		// Auto save's delay (1 s), the watcher's (0.3 s) and the cache's (1 s), with room to spare.
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const after = await vscode.workspace.fs.stat(uri);
		assert.equal(after.mtime, before.mtime, 'the article was written');
		assert.ok(editor.document.isDirty, 'the edit was saved');
		const status = await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
		assert.equal(status.cacheSaves, cacheSaves, 'the index cache was written again');
		await vscode.commands.executeCommand('workbench.action.files.revert');
		assert.equal(editor.document.isDirty, false);
		if (inBrowserHost) await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
	});
});
