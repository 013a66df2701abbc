// The file access and analysis of a scan over local files (node:fs), for the index worker threads and for
// `news-seed index` when it runs without workers. Stamps as VS Code's file service gives them: whole milliseconds.
// Synchronous calls on purpose: a worker thread (or the command line) does nothing else meanwhile, and each
// asynchronous call is a round trip through libuv's thread pool (shared by every worker of the process) that cost
// more CPU than the analysis of a small article (profiled on the 6,376-article archive: stat and read were 2.1 s of
// each worker's 6 s, recognition 1.5 s).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * The `.txt` files under a local folder, as paths relative to it with `/` between the parts: a head start for the
 * index while VS Code's file search (the authority: its excludes, symbolic links) has not answered yet. Folders
 * whose name starts with a dot (.git, .news-seed, .vscode) and symbolic links are not entered; unreadable folders
 * are skipped.
 */
export function listLocalTextFiles(folder: string): string[] {
	const found: string[] = [];
	const pending = [''];
	for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
		let entries;
		try {
			entries = readdirSync(relative ? join(folder, relative) : folder, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const path = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (!entry.name.startsWith('.')) pending.push(path);
			} else if (entry.isFile() && entry.name.endsWith('.txt')) {
				found.push(path);
			}
		}
	}
	return found;
}
