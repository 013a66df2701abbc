// The packaged .vsix (npm run package), installed into the real VS Code with `code-server --install-extension`:
// it is the installed copy that runs (not the working tree), and its entity index analyses in worker threads
// (the bundled dist/entityIndexWorker.js found beside dist/extension.js in the installed folder).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, waitFor } from '../integration/support';

interface IndexStatus {
	readonly indexing: boolean;
	readonly articles: number;
	readonly builds: number;
	readonly lastBuild?: { readonly where: string; readonly reason?: string; readonly workerFiles: number; readonly workersStarted: number };
}

suite('The packaged extension, installed', () => {
	test('runs from the extensions folder and indexes in worker threads', async function () {
		this.timeout(120_000);
		const extension = vscode.extensions.getExtension(extensionId);
		assert.ok(extension, 'installed');
		assert.equal(path.basename(path.dirname(extension.extensionPath)), 'extensions', `runs from the extensions folder, not ${extension.extensionPath}`);
		assert.ok(!extension.extensionPath.includes(`${path.sep}src${path.sep}`));
		const status = await waitFor('the first index build', async () => {
			const now = await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
			return now.builds >= 1 && !now.indexing ? now : undefined;
		}, 90_000);
		assert.ok(status.articles > 0, 'the workspace has seed files');
		assert.equal(status.lastBuild?.where, 'workers', `analysis ran on the host: ${status.lastBuild?.reason ?? ''}`);
		assert.ok((status.lastBuild?.workersStarted ?? 0) >= 1, 'a worker thread started');
		assert.ok((status.lastBuild?.workerFiles ?? 0) >= status.articles, 'every file scanned in a worker');
	});
});
