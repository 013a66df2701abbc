// The entity index lists local folders in its worker instead of asking VS Code's file search (whose ripgrep
// processes compete with the worker for the cores): the listing must be exactly what findFiles('**/*.txt') lists.
// Compared here with the real findFiles on a folder with excluded globs (anchored, `**/`, a brace set), a `when`
// clause, a default switched off, dot-folders, a linked folder and a link back up (a cycle); and a change of
// files.exclude lists again. Desktop only: the browser's host has no worker that reads files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, inBrowserHost, waitFor, workspaceFile } from './support';

interface IndexStatus {
	readonly indexing: boolean;
	readonly builds: number;
	readonly lastBuild?: { readonly files: number; readonly startup: { readonly listedBy: string } };
}

const text = ' date 2024-05-02 Port talks resume\n\nAnnelie Vortkamp, the harbour master, said on Monday that the talks would resume.\n';

const excludes = {
	'listing/build': true,
	'**/*.draft.txt': true,
	'listing/{tmp,cache}/**': true,
	'listing/when/*.txt': { when: '$(basename).orig.txt' },
	'**/.svn': false,
};

const files = [
	'listing/a.txt', 'listing/build/b.txt', 'listing/x/build/c.txt', 'listing/x/z.draft.txt', 'listing/tmp/t.txt', 'listing/cache/k.txt',
	'listing/when/j.txt', 'listing/when/j.orig.txt', 'listing/when/m.txt', 'listing/when/m.md', 'listing/.notes/d.txt', 'listing/.git/e.txt',
	'listing/.svn/f.txt', 'listing/x/UPPER.TXT', 'listing/x/.txt',
];

// Names whose URIs VS Code escapes (the index joins the others to their folder's URI as text, without a Uri).
const names = [
	'listing/names/odd name.txt', 'listing/names/Zürich/ç.txt', 'listing/names/a#b%c@d+e[f]&g=h;i,j\'k.txt', 'listing/names/plain~a_b-c.d.txt',
	'listing/names/..dots.txt', 'listing/names/.hidden/x.txt',
];

// The claims' sidecars, listed by the same worker as findFiles('**/*.claims.json', '**/node_modules/**') lists them.
const sidecars = [
	'listing/s.claims.json', 'listing/build/s.claims.json', 'listing/.notes/s.claims.json', 'listing/node_modules/s.claims.json',
	'listing/x/node_modules/deep/s.claims.json', 'listing/x/t.claims.json', 'listing/x/U.CLAIMS.JSON', 'listing/x/v.claims.json.bak',
	'listing/tmp/s.claims.json', 'listing/when/j.claims.json',
];
const sidecarText = `${JSON.stringify({ schemaVersion: 2, article: { fileName: 's.txt', sha256: '0'.repeat(64), date: '2024-05-02' }, claims: [] }, null, 2)}\n`;

async function status(): Promise<IndexStatus> {
	return vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
}

async function foundByVsCode(): Promise<string[]> {
	return (await vscode.workspace.findFiles('**/*.txt')).map(String).sort();
}

async function listedByWorker(): Promise<string[] | undefined> {
	return vscode.commands.executeCommand<string[] | undefined>('newsSeed.entities.indexListing');
}

suite('index listing', function () {
	this.timeout(120_000);
	const root = workspaceFile('listing');
	const filesConfig = () => vscode.workspace.getConfiguration('files');
	suiteSetup(async function () {
		if (inBrowserHost) this.skip();
		const { mkdir, symlink, writeFile } = await import('node:fs/promises');
		const { dirname } = await import('node:path');
		for (const file of [...files, ...names]) {
			const path = workspaceFile(file).fsPath;
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, text);
		}
		for (const file of sidecars) {
			const path = workspaceFile(file).fsPath;
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, sidecarText);
		}
		await symlink(workspaceFile('listing/x').fsPath, workspaceFile('listing/linked').fsPath);
		await symlink(root.fsPath, workspaceFile('listing/x/loop').fsPath);
		await symlink(workspaceFile('listing/nowhere').fsPath, workspaceFile('listing/broken.txt').fsPath);
		await filesConfig().update('exclude', excludes, vscode.ConfigurationTarget.Workspace);
	});
	suiteTeardown(async () => {
		if (inBrowserHost) return;
		await closeAllEditors();
		await filesConfig().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
		await vscode.workspace.fs.delete(root, { recursive: true }).then(() => undefined, () => undefined);
	});

	test('the worker lists exactly what findFiles lists: excludes, a when clause, dot-folders, a linked folder, a cycle', async () => {
		const found = await foundByVsCode();
		const ours = (uri: string) => uri.includes('/listing/') && !uri.includes('/listing/names/');
		// What findFiles gives here, spelled out (so that a change of VS Code's rules shows as such).
		assert.deepEqual(found.filter(ours).map((uri) => uri.slice(uri.indexOf('/listing/') + 1)), [
			'listing/.notes/d.txt', 'listing/.svn/f.txt', 'listing/a.txt', 'listing/linked/.txt', 'listing/linked/build/c.txt',
			'listing/when/j.orig.txt', 'listing/when/m.txt', 'listing/x/.txt', 'listing/x/build/c.txt',
		]);
		assert.deepEqual(await listedByWorker(), found, 'the whole workspace, the samples too');
	});

	test('file names VS Code escapes in a URI (spaces, non-ASCII, #, %, @, brackets) and dots are listed as the URIs findFiles gives', async () => {
		const found = (await foundByVsCode()).filter((uri) => uri.includes('/listing/names/'));
		assert.equal(found.length, names.length, found.join('\n'));
		assert.ok(found.some((uri) => uri.includes('%')) && found.some((uri) => uri.endsWith('/plain~a_b-c.d.txt')), 'escaped and plain names');
		assert.deepEqual((await listedByWorker())?.filter((uri) => uri.includes('/listing/names/')), found);
	});

	test('the claims\' sidecars are listed by the worker (no ripgrep at activation), exactly as findFiles finds them', async () => {
		const found = (await vscode.workspace.findFiles('**/*.claims.json', '**/node_modules/**')).map(String).sort();
		const ours = (uri: string) => uri.includes('/listing/');
		assert.deepEqual(found.filter(ours).map((uri) => uri.slice(uri.indexOf('/listing/') + 1)), [
			'listing/.notes/s.claims.json', 'listing/linked/t.claims.json', 'listing/s.claims.json', 'listing/when/j.claims.json', 'listing/x/t.claims.json',
		]);
		const listing = await vscode.commands.executeCommand<{ atActivation: string; listedBy: string; uris: string[] }>('newsSeed.claims.sidecarListing');
		assert.equal(listing.atActivation, 'worker', 'the sidecars found at activation');
		assert.equal(listing.listedBy, 'worker');
		assert.deepEqual([...listing.uris].sort(), found, 'the whole workspace');
	});

	test('the check-worthiness warm-up finds the news seed files through the worker too (no ripgrep after activation)', async () => {
		const warmUp = await waitFor('the warm-up to look', async () => {
			const s = await vscode.commands.executeCommand<{ state: string; seedFileFoundBy?: string }>('newsSeed.checkworthiness.warmUpStatus');
			return s.seedFileFoundBy || s.state === 'not a news seed workspace' ? s : undefined;
		}, 60_000);
		assert.equal(warmUp.seedFileFoundBy, 'worker', JSON.stringify(warmUp));
	});

	test('a change of files.exclude lists again: the index then holds exactly what findFiles lists', async () => {
		const builds = (await waitFor('no build running', async () => {
			const now = await status();
			return now.indexing ? undefined : now;
		}, 60_000)).builds;
		await filesConfig().update('exclude', { ...excludes, 'listing/x': true, 'listing/when/*.txt': false }, vscode.ConfigurationTarget.Workspace);
		const after = await waitFor('the build after the change', async () => {
			const now = await status();
			return !now.indexing && now.builds > builds ? now : undefined;
		}, 60_000);
		const found = await foundByVsCode();
		assert.ok(found.some((uri) => uri.endsWith('/listing/when/j.txt')) && !found.some((uri) => uri.includes('/listing/x/')));
		assert.deepEqual(await listedByWorker(), found);
		assert.equal(after.lastBuild?.startup.listedBy, 'worker');
		assert.equal(after.lastBuild?.files, found.length);
	});
});
