// The entity index's workers in the browser: Web Workers running dist/web/entityIndexWorker.js, in the pool shared
// with the desktop's worker threads (core/entities/indexWorkerPool.ts). VS Code's web-worker extension host lets an
// extension start a Web Worker from a script of its own (it wraps the URL in a blob worker that imports it).
import { IndexWorkerPool } from '../core/entities/indexWorkerPool';
import type { EntityIndexReply } from '../core/entities/indexWorkerProtocol';
import { webWorkerReady, type WebWorkerConstructor } from './webWorkerScope';

/** A worker that has not said it loaded after this long is taken for failed (a polyfilled worker reports no errors). */
const startTimeoutMs = 20_000;

/**
 * One Web Worker per core, at most two: each loads the whole analyser (gazetteers included) into its own heap in
 * the tab; undefined where the host has no Worker.
 */
export function webIndexWorkerPool(scriptUrl: string, log: (message: string) => void): IndexWorkerPool | undefined {
	const scope = globalThis as { Worker?: WebWorkerConstructor; navigator?: { hardwareConcurrency?: number } };
	const WorkerClass = scope.Worker;
	if (!WorkerClass) {
		log('entity index: this browser offers the extension host no Web Workers');
		return undefined;
	}
	const size = Math.max(1, Math.min(2, scope.navigator?.hardwareConcurrency ?? 2));
	return new IndexWorkerPool((events) => {
		const worker = new WorkerClass(scriptUrl, { name: 'News Seed entity index' });
		let started = false;
		const timer = setTimeout(() => events.onFailure(new Error(`the web worker did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
		worker.addEventListener('message', (event) => {
			if (event.data === webWorkerReady) {
				started = true;
				clearTimeout(timer);
				return;
			}
			events.onReply(event.data as EntityIndexReply);
		});
		worker.addEventListener('error', (event) => {
			clearTimeout(timer);
			events.onFailure(new Error(`the web worker ${started ? 'failed' : 'could not start'}${event.message ? `: ${event.message}` : ''}`));
		});
		return {
			post: (job) => worker.postMessage(job),
			terminate: () => {
				clearTimeout(timer);
				worker.terminate();
			},
		};
	}, { size, kind: 'web worker', readsLocalFiles: false, log });
}
