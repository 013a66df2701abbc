// The entity index's workers on the desktop and for the command line: Node worker threads running
// dist/entityIndexWorker.js, in the pool shared with the browser's Web Workers (core/entities/indexWorkerPool.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IndexWorkerPool } from '../core/entities/indexWorkerPool';
import type { EntityIndexReply } from '../core/entities/indexWorkerProtocol';

export type { WorkerPoolStats } from '../core/entities/indexWorkerPool';

/**
 * Workers for a machine: one per core, at most four. The extension host's own share of an index build is small
 * (parsing the answers' heads, in slices), so on two cores two workers finish sooner and the host stays responsive.
 */
export function defaultWorkerCount(): number {
	return Math.max(1, Math.min(4, availableParallelism()));
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
}
