// The index worker's listing of a local folder: the head start of a build while VS Code's file search runs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { answerIndexJob } from '../../src/core/entities/indexWorkerProtocol';
import { EntityIndexWorkerPool } from '../../src/node/entityIndexWorkerPool';
import { listLocalTextFiles, localScanIo } from '../../src/node/localScanIo';

void describe('listLocalTextFiles', () => {
	const root = mkdtempSync(join(tmpdir(), 'news-seed-listing-'));
	after(() => rmSync(root, { recursive: true, force: true }));
	const write = (path: string) => {
		mkdirSync(join(root, path, '..'), { recursive: true });
		writeFileSync(join(root, path), ' date 2025-01-01 Geneva.');
	};
	for (const path of ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'sub/notes.md', '.git/d.txt', 'sub/.hidden/e.txt', 'with space/f g.txt', 'upper.TXT']) write(path);
	mkdirSync(join(root, 'folder.txt'));
	symlinkSync(join(root, 'sub'), join(root, 'link'));

	void it('lists the .txt files under the folder, relative, with / between the parts; not in dot-folders nor through links', () => {
		assert.deepEqual(listLocalTextFiles(root).sort(), ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'with space/f g.txt']);
	});

	void it('lists nothing for a folder that cannot be read', () => {
		assert.deepEqual(listLocalTextFiles(join(root, 'nowhere')), []);
	});

	void it('answers a list job where the worker can list, and an error where it cannot (a Web Worker)', async () => {
		const reply = await answerIndexJob({ kind: 'list', id: 7, folders: [root, join(root, 'sub')] }, localScanIo, listLocalTextFiles);
		assert.ok('lists' in reply);
		assert.equal(reply.id, 7);
		assert.deepEqual(reply.lists.map((list) => [...list].sort()), [['a.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'with space/f g.txt'], ['b.txt', 'deeper/c.txt']]);
		const web = await answerIndexJob({ kind: 'list', id: 8, folders: [root] });
		assert.ok('error' in web);
	});

	void it('reads the index cache at once on the desktop: the bytes, nothing for a missing file, an error for what is not a file', () => {
		const pool = new EntityIndexWorkerPool('unused.js', 1);
		assert.deepEqual(new TextDecoder().decode(pool.readLocalNow(join(root, 'a.txt'))), ' date 2025-01-01 Geneva.');
		assert.equal(pool.readLocalNow(join(root, 'missing.jsonl')), undefined);
		assert.throws(() => pool.readLocalNow(join(root, 'sub')), /not a file/);
		assert.equal(pool.stats.started, 0, 'no worker started for it');
	});
});
