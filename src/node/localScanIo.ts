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
			const info = statSync(pathOf(uri), { throwIfNoEntry: false });
			return info?.isFile() ? { mtime: Math.floor(info.mtimeMs), size: info.size } : undefined;
		} catch {
			return undefined;
		}
	},
	read: async (uri) => loadLocalFile(uri, false)?.bytes,
	loadText: async (uri) => {
		const loaded = loadLocalFile(uri, true);
		return loaded && { stamp: loaded.stamp, text: decoder.decode(loaded.bytes) };
	},
	analyze: analyzeForIndex,
};

const decoder = new TextDecoder();

/**
 * The path of a `file:` URI, as fileURLToPath gives it. Most URIs of a folder are plain (ASCII letters, digits and
 * the characters a URL path keeps as they are; no escape, query, fragment, backslash or dot segment): their path is
 * the rest of the URI as it is, without a URL parse and decoding per file. Others, and every URI on Windows (drive
 * letters, backslashes), go through fileURLToPath.
 */
export function pathOf(uri: string): string {
	if (!windows && plainFileUri.test(uri) && !uri.includes('/.')) return uri.slice(7);
	return fileURLToPath(uri);
}

const plainFileUri = /^file:\/\/\/[\w\-.~!$&'()*+,;=:@/]*$/;

const windows = process.platform === 'win32';

// One buffer for the files whose text is decoded at once (see loadLocalFile's `shared`), kept for the next file:
// no new zero-filled array per article (the archive's articles are a few KB). A file larger than sharedLimit gets
// an array of its own, so that one large file does not stay in memory.
let sharedBuffer = new Uint8Array(64 * 1024);
const sharedLimit = 1024 * 1024;

/**
 * The stamp and the bytes of a local file (open, fstat, one read, close), undefined when it is no file or cannot be
 * read. The stamp is the opened file's, so it belongs to the bytes read. With `shared`, the bytes may be a view of
 * a buffer that the next call overwrites: for a caller that decodes them before anything else runs.
 */
function loadLocalFile(uri: string, shared: boolean): { stamp: FileStamp; bytes: Uint8Array } | undefined {
	let fd: number | undefined;
	try {
		// Without blocking: a named pipe called `x.txt` would otherwise hold the thread until a writer came (the
		// stat is taken after opening); on a regular file the flag changes nothing.
		fd = openSync(pathOf(uri), constants.O_RDONLY | constants.O_NONBLOCK);
		const info = fstatSync(fd);
		if (!info.isFile()) return undefined;
		const size = info.size;
		let bytes: Uint8Array;
		if (shared && size <= sharedLimit) {
			if (sharedBuffer.length < size) sharedBuffer = new Uint8Array(Math.min(sharedLimit, Math.max(size, sharedBuffer.length * 2)));
			bytes = sharedBuffer;
		} else {
			bytes = new Uint8Array(size);
		}
		let read = 0;
		// A file that grows meanwhile is read as far as its size was; one that shrinks ends at its end.
		while (read < size) {
			const n = readSync(fd, bytes, read, size - read, read);
			if (n === 0) break;
			read += n;
		}
		return { stamp: { mtime: Math.floor(info.mtimeMs), size }, bytes: read === bytes.length ? bytes : bytes.subarray(0, read) };
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
