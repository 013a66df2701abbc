// The entity index's workers on the desktop and for the command line: Node worker threads running
// dist/entityIndexWorker.js, in the pool shared with the browser's Web Workers (core/entities/indexWorkerPool.ts).
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IndexWorkerPool } from '../core/entities/indexWorkerPool';
import type { EntityIndexReply } from '../core/entities/indexWorkerProtocol';

export type { WorkerPoolStats } from '../core/entities/indexWorkerPool';

/**
 * Workers for the editor: one per core but one, at least one, at most four. The workers now read synchronously and
 * never wait, so each keeps a core busy for the whole build; the extension host's thread (hovers, typing, other
 * extensions) keeps the core left. On two cores one worker builds a 6,376-article archive about as fast as two
 * did on this project's shared machine, where the second core is taken by other work anyway.
 */
export function defaultWorkerCount(): number {
	return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class EntityIndexWorkerPool extends IndexWorkerPool {
	/**
	 * `file` is the worker script (the bundled dist/entityIndexWorker.js in the extension); `execArgv` lets a
	 * benchmark run the TypeScript source under tsx; `log` hears of workers started and failing.
	 */
	constructor(file: string | URL, size = defaultWorkerCount(), execArgv?: string[], idleMs = 30_000, log?: (message: string) => void) {
		super((events) => {
			const worker = new Worker(file, { execArgv });
			worker.on('message', (reply: EntityIndexReply) => events.onReply(reply));
			worker.on('error', (error) => events.onFailure(error));
			worker.on('exit', (code) => events.onFailure(new Error(`entity index worker exited with ${code}`)));
			return { post: (job) => worker.postMessage(job), terminate: () => worker.terminate() };
		}, { size, kind: 'worker thread', readsLocalFiles: true, idleMs, log });
	}

	/**
	 * Reads a local file of at most {@link readNowLimit} bytes synchronously (see OffThreadAnalyzer.readLocalNow):
	 * a few milliseconds for the index cache of thousands of articles; a larger one throws (to be read asynchronously).
	 */
	readLocalNow(path: string): Uint8Array | undefined {
		const info = statSync(path, { throwIfNoEntry: false });
		if (!info) return undefined;
		if (!info.isFile() || info.size > readNowLimit) throw new Error(`not read at once: ${info.isFile() ? `${info.size} bytes` : 'not a file'}`);
		return readFileSync(path);
	}
}

/** The largest file {@link EntityIndexWorkerPool.readLocalNow} reads at once (~20 ms from the page cache). */
const readNowLimit = 32 * 1024 * 1024;
