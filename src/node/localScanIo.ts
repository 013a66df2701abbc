// The file access and analysis of a scan over local files (node:fs), for the index worker threads and for
// `news-seed index` when it runs without workers. Stamps as VS Code's file service gives them: whole milliseconds.
// Synchronous calls on purpose: a worker thread (or the command line) does nothing else meanwhile, and each
// asynchronous call is a round trip through libuv's thread pool (shared by every worker of the process) that cost
// more CPU than the analysis of a small article (profiled on the 6,376-article archive: stat and read were 2.1 s of
// each worker's 6 s, recognition 1.5 s).
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileStamp } from '../core/entities/indexCacheFormat';
import type { ScanIo } from '../core/entities/indexScan';
import { analyzeForIndex } from '../core/entities/indexWorkerProtocol';

/** Local files only: `file:` URIs. */
export const localScanIo: ScanIo = {
	stat: async (uri) => {
		try {
			const info = statSync(fileURLToPath(uri), { throwIfNoEntry: false });
			return info?.isFile() ? { mtime: Math.floor(info.mtimeMs), size: info.size } : undefined;
		} catch {
			return undefined;
		}
	},
	read: async (uri) => loadLocalFile(uri)?.bytes,
	load: async (uri) => loadLocalFile(uri),
	analyze: analyzeForIndex,
};

/**
 * The stamp and the bytes of a local file (open, fstat, one read, close), undefined when it is no file or cannot be
 * read. The stamp is the opened file's, so it belongs to the bytes read.
 */
function loadLocalFile(uri: string): { stamp: FileStamp; bytes: Uint8Array } | undefined {
	let fd: number | undefined;
	try {
		// Without blocking: a named pipe called `x.txt` would otherwise hold the thread until a writer came (the
		// stat is taken after opening); on a regular file the flag changes nothing.
		fd = openSync(fileURLToPath(uri), constants.O_RDONLY | constants.O_NONBLOCK);
		const info = fstatSync(fd);
		if (!info.isFile()) return undefined;
		const size = info.size;
		const bytes = new Uint8Array(size);
		let read = 0;
		// A file that grows meanwhile is read as far as its size was; one that shrinks ends at its end.
		while (read < size) {
			const n = readSync(fd, bytes, read, size - read, read);
			if (n === 0) break;
			read += n;
		}
		return { stamp: { mtime: Math.floor(info.mtimeMs), size }, bytes: read === size ? bytes : bytes.subarray(0, read) };
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
