// Local files through node:fs, as the index worker threads and `news-seed index` read them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { localScanIo, pathOf } from '../../src/node/localScanIo';

void describe('local scan I/O', () => {
	const dir = mkdtempSync(join(tmpdir(), 'news-seed-scan-io-'));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

	void it('loads a file: its text and the stamp of the opened file', async () => {
		writeFileSync(join(dir, 'a.txt'), ' date 2025-01-02 Zoë met Sven in Geneva.');
		const loaded = await localScanIo.loadText!(uri('a.txt'));
		assert.ok(loaded);
		assert.equal(loaded.text, ' date 2025-01-02 Zoë met Sven in Geneva.');
		assert.equal(loaded.stamp.size, Buffer.byteLength(loaded.text));
		assert.deepEqual(await localScanIo.stat(uri('a.txt')), loaded.stamp);
		assert.deepEqual(await localScanIo.read(uri('a.txt')), new Uint8Array(Buffer.from(loaded.text)));
	});

	void it('texts read one after another through the kept buffer: longer, shorter, empty, larger than it keeps, broken UTF-8', async () => {
		// Sizes around the buffer's first size (64 KB) and its limit (1 MB): each text must be its own file's, never a
		// previous file's tail.
		const texts = ['é'.repeat(40_000), 'short', '', 'x'.repeat(70_000), 'ü'.repeat(700_000), 'y'.repeat(3), 'z'.repeat(65_536)];
		texts.forEach((text, k) => writeFileSync(join(dir, `t${k}.txt`), text));
		writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x41, 0xc3, 0x28, 0xff, 0x42]));
		for (const round of [1, 2]) {
			for (const [k, text] of texts.entries()) {
				const loaded = await localScanIo.loadText!(uri(`t${k}.txt`));
				assert.equal(loaded?.text, text, `file ${k}, round ${round}`);
				assert.equal(loaded.stamp.size, Buffer.byteLength(text));
			}
			assert.equal((await localScanIo.loadText!(uri('bad.txt')))?.text, new TextDecoder().decode(Buffer.from([0x41, 0xc3, 0x28, 0xff, 0x42])));
		}
		// The bytes given by read are the caller's own: a later load does not change them.
		const bytes = await localScanIo.read(uri('t1.txt'));
		await localScanIo.loadText!(uri('t3.txt'));
		assert.equal(new TextDecoder().decode(bytes), 'short');
	});

	void it('the path of a file URI is what fileURLToPath gives, plain or not', () => {
		const uris = [
			'file:///tmp/archive/part001/article-0001.txt', "file:///a/b-c_d~e!$&'()*+,;=:@/f.txt", 'file:///a//b.txt', 'file:///',
			'file:///a/./b.txt', 'file:///a/../b.txt', 'file:///a/.hidden/c.txt', 'file:///a/%20b.txt', 'file:///a/%C3%A9.txt',
			'file:///a/b.txt?x=1', 'file:///a/b.txt#frag', 'file:///a\\b.txt', 'file:///a/b\tc.txt', 'file:///a/é.txt',
			pathToFileURL(join(dir, 'name with spaces #1 %.txt')).toString(), pathToFileURL('/x/Zoë Ünal.txt').toString(),
		];
		for (const u of uris) assert.equal(pathOf(u), fileURLToPath(u), u);
	});

	void it('a missing file, a folder and a named pipe are no files, and a pipe does not hold the thread', async () => {
		execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
		mkdirSync(join(dir, 'folder.txt'));
		assert.equal(await localScanIo.loadText!(uri('missing.txt')), undefined);
		assert.equal(await localScanIo.loadText!(uri('folder.txt')), undefined);
		// Before, opening the pipe for reading waited for a writer that never came: this test never ended.
		assert.equal(await localScanIo.loadText!(uri('pipe.txt')), undefined);
		assert.equal(await localScanIo.read(uri('pipe.txt')), undefined);
		assert.equal(await localScanIo.stat(uri('pipe.txt')), undefined);
	});
});
