// Local files through node:fs, as the index worker threads and `news-seed index` read them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { localScanIo } from '../../src/node/localScanIo';

void describe('local scan I/O', () => {
	const dir = mkdtempSync(join(tmpdir(), 'news-seed-scan-io-'));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

	void it('loads a file: its bytes and the stamp of the opened file', async () => {
		writeFileSync(join(dir, 'a.txt'), ' date 2025-01-02 Zoë met Sven in Geneva.');
		const loaded = await localScanIo.load!(uri('a.txt'));
		assert.ok(loaded);
		assert.equal(new TextDecoder().decode(loaded.bytes), ' date 2025-01-02 Zoë met Sven in Geneva.');
		assert.equal(loaded.stamp.size, loaded.bytes.length);
		assert.deepEqual(await localScanIo.stat(uri('a.txt')), loaded.stamp);
	});

	void it('a missing file, a folder and a named pipe are no files, and a pipe does not hold the thread', async () => {
		execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
		mkdirSync(join(dir, 'folder.txt'));
		assert.equal(await localScanIo.load!(uri('missing.txt')), undefined);
		assert.equal(await localScanIo.load!(uri('folder.txt')), undefined);
		// Before, opening the pipe for reading waited for a writer that never came: this test never ended.
		assert.equal(await localScanIo.load!(uri('pipe.txt')), undefined);
		assert.equal(await localScanIo.read(uri('pipe.txt')), undefined);
		assert.equal(await localScanIo.stat(uri('pipe.txt')), undefined);
	});
});
