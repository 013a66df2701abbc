// The file access and analysis of a scan over local files (node:fs), for the index worker threads and for
// `news-seed index` when it runs without workers. Stamps as VS Code's file service gives them: whole milliseconds.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ScanIo } from '../core/entities/indexScan';
import { analyzeForIndex } from '../core/entities/indexWorkerProtocol';

/** Local files only: `file:` URIs. */
export const localScanIo: ScanIo = {
	stat: async (uri) => {
		try {
			const info = await stat(fileURLToPath(uri));
			return info.isFile() ? { mtime: Math.floor(info.mtimeMs), size: info.size } : undefined;
		} catch {
			return undefined;
		}
	},
	read: async (uri) => {
		try {
			return await readFile(fileURLToPath(uri));
		} catch {
			return undefined;
		}
	},
	analyze: analyzeForIndex,
};
