/**
 * The messages between the entity index and its workers, the same for Node's worker threads (desktop) and the
 * browser's Web Workers (vscode.dev, github.dev), and the one function that answers them. A desktop worker reads
 * local files itself; a Web Worker cannot reach the workspace's file system (only the extension host can, through
 * vscode.workspace.fs), so its host stats and reads each batch first ({@link prefetchBatch}) and sends the bytes
 * along: decoding, recognition, hashing, analysis and the cache lines still happen in the worker, through the same
 * {@link scanBatch}.
 */
import { groupedEntitiesSteps } from './articleEntities';
import type { UserLexicon } from './index';
import type { FileStamp } from './indexCacheFormat';
import { answerListJob, type FolderListingRequest } from './indexListing';
import { summarizeArticle, type IndexedArticle } from './indexedArticle';
import { scanBatch, type ScanBatch, type ScanIo, type ScanResult } from './indexScan';
import { drainSteps } from '../text/steps';

/** A file of a batch as its host found it: no stamp when it is gone, no bytes when its stamp is the cached one. */
export interface PrefetchedFile {
	readonly uri: string;
	readonly stamp?: FileStamp;
	readonly bytes?: Uint8Array;
}

/**
 * A job for a worker: analyse one text, scan a batch (with `files` read by the host, else read by the worker), or
 * list the `.txt` files of local folders as VS Code's findFiles would (paths; only a worker that reads local files can).
 */
export type EntityIndexJob =
	| { readonly kind: 'analyze'; readonly id: number; readonly text: string; readonly lexicon: UserLexicon | undefined; readonly key: string }
	| { readonly kind: 'scan'; readonly id: number; readonly batch: ScanBatch; readonly files?: readonly PrefetchedFile[] }
	| { readonly kind: 'list'; readonly id: number; readonly folders: readonly FolderListingRequest[] };

/** A worker's answer to the job with the same id. */
export type EntityIndexReply =
	| { readonly id: number; readonly article: IndexedArticle }
	| { readonly id: number; readonly results: readonly ScanResult[] }
	| { readonly id: number; readonly lists: readonly (readonly string[])[] }
	| { readonly id: number; readonly error: string };

/** The summary of a text for the index, as every worker and the host's own path make it. */
export function analyzeForIndex(text: string, lexicon: UserLexicon | undefined, key: string): IndexedArticle {
	return summarizeArticle(key, text, drainSteps(groupedEntitiesSteps(text, lexicon)));
}

/**
 * The host's half of a scan for a worker that cannot read files: each file stat'ed, and read unless its stamp is
 * the cached one (exactly the reads {@link scanBatch} would make). The files of a batch are read concurrently
 * (a virtual file system answers each request over a round trip or two); a batch holds only its own bytes.
 */
export async function prefetchBatch(batch: ScanBatch, io: Pick<ScanIo, 'stat' | 'read'>): Promise<PrefetchedFile[]> {
	return Promise.all(batch.files.map(async (request): Promise<PrefetchedFile> => {
		const stamp = await io.stat(request.uri);
		const unchanged = stamp && request.stamp && request.stamp.mtime === stamp.mtime && request.stamp.size === stamp.size;
		return { uri: request.uri, stamp, bytes: stamp && !unchanged ? await io.read(request.uri) : undefined };
	}));
}

/** File access over what {@link prefetchBatch} gave: a file it did not find, or did not read, is gone. */
function prefetchedIo(files: readonly PrefetchedFile[]): ScanIo {
	const byUri = new Map(files.map((file) => [file.uri, file]));
	return {
		stat: async (uri) => byUri.get(uri)?.stamp,
		read: async (uri) => byUri.get(uri)?.bytes,
		analyze: analyzeForIndex,
	};
}

/**
 * A worker's answer to a job: `localIo` reads files where the worker can (Node's file system), and `list` lists a
 * local folder's `.txt` files as findFiles would (relative paths); both are absent in a Web Worker, which scans only what its host
 * sent. Never throws: a failure is an `error` reply.
 */
export async function answerIndexJob(job: EntityIndexJob, localIo?: ScanIo, list?: (folder: FolderListingRequest) => string[]): Promise<EntityIndexReply> {
	try {
		if (job.kind === 'analyze') return { id: job.id, article: analyzeForIndex(job.text, job.lexicon, job.key) };
		if (job.kind === 'list') return answerListJob(job, list);
		const io = job.files ? prefetchedIo(job.files) : localIo;
		if (!io) return { id: job.id, error: 'this worker cannot read files: the batch must come with them' };
		return { id: job.id, results: (await scanBatch(job.batch, io)) ?? [] };
	} catch (error) {
		return { id: job.id, error: String(error) };
	}
}
