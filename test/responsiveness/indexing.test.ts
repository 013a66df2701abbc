// Opened on a generated archive of ~1,500 articles (test/host/runResponsiveness.mjs): the extension host stays
// responsive while the entity index builds (a 10 ms timer's lateness, measured inside the host while hovers,
// typing and references go on), the analysis runs in worker threads, and references become complete. The limit
// is generous (NEWS_SEED_HOST_LIMIT_MS, default 1,500 ms) for CI machines; the bench reports the 50 ms target. At
// 500 ms it failed one full run in about six on a quiet 2-core machine (511 to 565 ms: garbage-collection pauses and
// VS Code's own work while the whole suite's hosts come and go, by the profiles); at 1,000 ms one in about eight
// (1,003 and 1,173 ms), 2 s into the build, while VS Code's built-in git, GitHub, JSON and TypeScript extensions
// load in the same host (once the worker's listing started the build earlier than VS Code's file search did).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sleep, waitFor } from '../integration/support';

interface Archive {
	readonly articles: number;
	readonly topPerson: { readonly name: string; readonly articles: number; readonly file: string; readonly offset: number };
}

interface Latency {
	readonly maxLatenessMs: number;
	readonly over50Ms: number;
}

interface IndexStatus {
	readonly indexing: boolean;
	readonly articles: number;
	readonly builds: number;
	readonly lastBuild?: {
		readonly where: string;
		readonly reason?: string;
		readonly counts?: { readonly analysed: number; readonly same: number; readonly unchanged: number };
		readonly host: Latency;
		readonly workerFiles: number;
	};
}

const archive = JSON.parse(process.env.NEWS_SEED_ARCHIVE ?? '{}') as Archive;
const limitMs = Number(process.env.NEWS_SEED_HOST_LIMIT_MS ?? 1_500);
const status = async () => (await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus'));

suite('Host responsiveness while indexing a generated archive', () => {
	let document: vscode.TextDocument;
	let editor: vscode.TextEditor;
	let position: vscode.Position;

	suiteSetup(async function () {
		// Opening the first editor on a loaded machine, while the index builds, can take longer than mocha's default.
		this.timeout(120_000);
		const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
		assert.ok(folder && archive.topPerson, 'the suite runs on a generated archive (test/host/runResponsiveness.mjs)');
		document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, archive.topPerson.file));
		editor = await vscode.window.showTextDocument(document);
		assert.equal(document.getText().slice(archive.topPerson.offset, archive.topPerson.offset + archive.topPerson.name.length), archive.topPerson.name, 'the article on disk is the one generated');
		position = document.positionAt(archive.topPerson.offset + 1);
	});

	// Whatever a test left typed is never kept: the archive is reused by the next run.
	teardown(async () => {
		if (document.isDirty) {
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
	});

	/** Hovers, types a character and takes it back, and asks for references, until `done` says stop; returns the rounds. */
	async function readAndType(done: () => Promise<boolean>): Promise<number> {
		let rounds = 0;
		while (!(await done())) {
			await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
			assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x')), 'typed a character');
			assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 0, 1))), 'took it back');
			await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, position);
			rounds++;
			await sleep(20);
		}
		return rounds;
	}

	async function referencedFiles(): Promise<number> {
		const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position)) ?? [];
		return new Set(locations.map((location) => location.uri.toString())).size;
	}

	test('the cold build runs in workers, never blocks the host over the limit, and completes references', async function () {
		this.timeout(600_000);
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'start');
		const rounds = await readAndType(async () => {
			const now = await status();
			return now.builds >= 1 && !now.indexing;
		});
		const during = await vscode.commands.executeCommand<Latency>('newsSeed.hostLatency', 'stop');
		const built = await status();
		const build = built.lastBuild;
		assert.ok(build);
		assert.equal(build.where, 'workers', `analysis ran on the host: ${build.reason ?? ''}`);
		assert.equal(build.workerFiles, archive.articles, 'every file scanned in a worker');
		assert.equal(build.counts?.analysed, archive.articles);
		assert.equal(built.articles, archive.articles);
		assert.ok(build.host.maxLatenessMs < limitMs, `the host was blocked ${build.host.maxLatenessMs.toFixed(0)} ms during the build (limit ${limitMs} ms)`);
		assert.ok(during.maxLatenessMs < limitMs, `the host was blocked ${during.maxLatenessMs.toFixed(0)} ms while hovering and typing (${rounds} rounds; limit ${limitMs} ms)`);
		assert.equal(await referencedFiles(), archive.topPerson.articles, `references on ${archive.topPerson.name} reach every article that names him`);
	});

	test('Rebuild Entity Index reads every file again in the workers, reuses every summary, and keeps the host responsive', async function () {
		this.timeout(600_000);
		const before = (await status()).builds;
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'start');
		await vscode.commands.executeCommand('newsSeed.entities.rebuildIndex');
		const during = await vscode.commands.executeCommand<Latency>('newsSeed.hostLatency', 'stop');
		const rebuilt = await waitFor('the rebuild', async () => {
			const now = await status();
			return now.builds > before && !now.indexing ? now : undefined;
		});
		assert.equal(rebuilt.lastBuild?.where, 'workers');
		assert.equal(rebuilt.lastBuild?.counts?.same, archive.articles, 'every text read again and found unchanged');
		assert.equal(rebuilt.lastBuild?.counts?.analysed, 0);
		assert.ok(during.maxLatenessMs < limitMs, `the host was blocked ${during.maxLatenessMs.toFixed(0)} ms during the rebuild (limit ${limitMs} ms)`);
		assert.equal(await referencedFiles(), archive.topPerson.articles);
	});
});
