// The browser's check-worthiness scoring worker: a Web Worker running dist/web/checkworthinessWorker.js, as the
// editor's ScoringClient sees it (core/checkworthiness/scoringWorker.ts). VS Code's web-worker extension host lets
// an extension start a Web Worker from a script of its own.
import { ScoringClient, scoringWorkerReady, type ScoringReply } from '../core/checkworthiness/scoringWorker';
import type { WebWorkerConstructor } from './webWorkerScope';

/** A worker that has not said it loaded after this long is taken for failed (a polyfilled worker reports no errors). */
const startTimeoutMs = 10_000;

/** Starts the scoring Web Worker; throws where the host has no Worker (the editor then scores on its own thread). */
export function startCheckworthinessWebWorker(scriptUrl: string): ScoringClient {
	const WorkerClass = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
	if (!WorkerClass) throw new Error('this browser offers the extension host no Web Workers');
	const worker = new WorkerClass(scriptUrl, { name: 'News Seed check-worthiness' });
	let started = false;
	let failed = false;
	let failure: ((error: Error) => void) | undefined;
	const fail = (error: Error): void => {
		clearTimeout(timer);
		if (!failed) failure?.(error);
		failed = true;
	};
	const timer = setTimeout(() => fail(new Error(`the web worker did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
	worker.addEventListener('error', (event) => fail(new Error(`the web worker ${started ? 'failed' : 'could not start'}${event.message ? `: ${event.message}` : ''}`)));
	return new ScoringClient({
		post: (job) => worker.postMessage(job),
		onReply: (listener) => worker.addEventListener('message', (event) => {
			if (event.data === scoringWorkerReady) {
				started = true;
				clearTimeout(timer);
				return;
			}
			listener(event.data as ScoringReply);
		}),
		onFailure: (listener) => {
			failure = listener;
		},
		terminate: () => {
			failed = true;
			clearTimeout(timer);
			worker.terminate();
		},
	});
}
