/**
 * Scanning files for the entity index in batches: for each file, its stamp checked against the cached one, its
 * text read, recognised as a seed, hashed, and analysed only when new, answered as one compact cache line (see
 * indexCacheFormat.ts). A worker thread runs this next to the files (one message per batch, strings back, no
 * object graphs to copy), so that the extension host only parses the lines' heads into the reverse index; the
 * host runs the same code over its own file access when no worker can.
 */
import type { UserLexicon } from './index';
import { encodeIndexCacheLine, type FileStamp } from './indexCacheFormat';
import { contentHash, indexFormatVersion, type IndexedArticle } from './indexedArticle';
import { isSeedFileName, startsWithDateline } from '../seed/seedRecognition';

/** One file of a batch. */
export interface ScanRequest {
	readonly uri: string;
	/** The stamp of the cached summary: when the file still has it, it is not read. Absent: read it. */
	readonly stamp?: FileStamp;
	/** The key of the cached summary: a text read again that still has this key needs no analysis. */
	readonly cachedKey?: string;
	/** Index of the file's lexicon in {@link ScanBatch.lexicons}. */
	readonly lexicon: number;
	/** `lexiconHash` of that lexicon, the last part of every key made with it. */
	readonly lexiconKey: string;
}

/** A batch of files and the lexicons they are analysed with (few: one per news-entities.json). */
export interface ScanBatch {
	readonly files: readonly ScanRequest[];
	readonly lexicons: readonly (UserLexicon | undefined)[];
}

/**
 * What became of one file: `unchanged` (same stamp, not read), `same` (read, same text as cached), `not-seed` (a
 * `.txt` that is no seed), `gone` (missing or unreadable), `analysed` with the new summary as a cache line.
 */
export type ScanResult =
	| { readonly uri: string; readonly outcome: 'unchanged' | 'gone' }
	| { readonly uri: string; readonly outcome: 'same'; readonly stamp: FileStamp; readonly key: string }
	| { readonly uri: string; readonly outcome: 'not-seed'; readonly stamp: FileStamp }
	| { readonly uri: string; readonly outcome: 'analysed'; readonly stamp: FileStamp; readonly line: string };

/** Where batches are scanned (a worker pool, or the host). Undefined when cancelled. */
export type ScanFiles = (batch: ScanBatch) => Promise<readonly ScanResult[] | undefined>;

/**
 * The file access and analysis a scan runs on; `read` gives the raw bytes, undefined for a file gone. `loadText`,
 * where the file system can, gives the stamp and the text of one opened file at once (a file without a cached stamp
 * is read anyway: one stat fewer per file of a cold build), its bytes decoded as `new TextDecoder().decode` does
 * (they then need no array of their own: node:fs reads every file into one buffer it keeps).
 */
export interface ScanIo {
	stat(uri: string): Promise<FileStamp | undefined>;
	read(uri: string): Promise<Uint8Array | undefined>;
	loadText?(uri: string): Promise<{ readonly stamp: FileStamp; readonly text: string } | undefined>;
	analyze(text: string, lexicon: UserLexicon | undefined, key: string): Promise<IndexedArticle | undefined> | IndexedArticle | undefined;
}

const decoder = new TextDecoder();

/** The file name part of a URI. */
function baseNameOf(uri: string): string {
	return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Scans one file (see {@link ScanResult}); undefined when the analysis was cancelled. Never throws on a file's content. */
export async function scanFile(request: ScanRequest, lexicon: UserLexicon | undefined, io: ScanIo): Promise<ScanResult | undefined> {
	const { uri } = request;
	let stamp: FileStamp | undefined;
	let text: string | undefined;
	if (!request.stamp && io.loadText) {
		({ stamp, text } = (await io.loadText(uri)) ?? {});
	} else {
		stamp = await io.stat(uri);
		if (!stamp) return { uri, outcome: 'gone' };
		if (request.stamp && request.stamp.mtime === stamp.mtime && request.stamp.size === stamp.size) return { uri, outcome: 'unchanged' };
		const bytes = await io.read(uri);
		text = bytes && decoder.decode(bytes);
	}
	if (!stamp || text === undefined) return { uri, outcome: 'gone' };
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (!isSeedFileName(baseNameOf(uri)) && !startsWithDateline(text.slice(0, 200))) return { uri, outcome: 'not-seed', stamp };
	const key = `${indexFormatVersion}:${contentHash(text)}:${request.lexiconKey}`;
	if (key === request.cachedKey) return { uri, outcome: 'same', stamp, key };
	const article = await io.analyze(text, lexicon, key);
	if (!article) return undefined;
	return { uri, outcome: 'analysed', stamp, line: encodeIndexCacheLine({ uri, stamp, article }) };
}

/** Scans a batch one file after another; undefined when cancelled. */
export async function scanBatch(batch: ScanBatch, io: ScanIo): Promise<ScanResult[] | undefined> {
	const results: ScanResult[] = [];
	for (const request of batch.files) {
		const result = await scanFile(request, batch.lexicons[request.lexicon], io);
		if (!result) return undefined;
		results.push(result);
	}
	return results;
}
