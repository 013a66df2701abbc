// In-memory files for the entity index's unit tests: what the updater stats and reads, and a batch scanner over
// them that analyses as a worker would (bytes read, summaries answered), counting its analyses.
import { analyzeArticle } from '../../src/core/entities/articleEntities';
import type { FileStamp } from '../../src/core/entities/indexCacheFormat';
import { scanBatch, type ScanBatch, type ScanIo } from '../../src/core/entities/indexScan';
import { summarizeArticle } from '../../src/core/entities/indexedArticle';

/** An in-memory file system that counts what the updater asks of it. */
export class MemoryFiles {
	readonly texts = new Map<string, { text: string; mtime: number }>();
	stats = 0;
	reads = 0;
	write(uri: string, text: string, mtime = 1): void {
		this.texts.set(uri, { text, mtime });
	}
	stat(uri: string): Promise<FileStamp | undefined> {
		this.stats++;
		const file = this.texts.get(uri);
		return Promise.resolve(file && { mtime: file.mtime, size: file.text.length });
	}
	read(uri: string): Promise<string | undefined> {
		this.reads++;
		return Promise.resolve(this.texts.get(uri)?.text);
	}
}

/** A batch scanner over `files` (scanBatch with in-memory I/O) and the number of articles it analysed. */
export function memoryScanner(files: MemoryFiles): { scan: (batch: ScanBatch) => ReturnType<typeof scanBatch>; analysed: () => number } {
	let analysed = 0;
	const io: ScanIo = {
		stat: (uri) => files.stat(uri),
		read: async (uri) => {
			const text = await files.read(uri);
			return text === undefined ? undefined : new TextEncoder().encode(text);
		},
		analyze: (text, lexicon, key) => (analysed++, summarizeArticle(key, text, analyzeArticle(text, lexicon))),
	};
	return { scan: (batch) => scanBatch(batch, io), analysed: () => analysed };
}
