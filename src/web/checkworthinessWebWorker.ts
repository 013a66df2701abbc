// The check-worthiness scoring worker in the browser (vscode.dev, github.dev), started by
// checkworthinessWebWorkerThread.ts from dist/web/checkworthinessWorker.js: the same jobs, answers and warm-up as the
// desktop's worker thread (core/checkworthiness/scoringWorker.ts). It says `ready` once loaded, so that its host
// knows it started.
import { scoringWorkerHandler, scoringWorkerReady, type ScoringJob } from '../core/checkworthiness/scoringWorker';
import type { WorkerMessage } from './webWorkerScope';

/** The worker's own scope, with postMessage's transfer list (the replies' typed arrays move, not copied). */
interface ScoringWorkerScope {
	addEventListener(type: 'message', listener: (event: WorkerMessage) => void): void;
	postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as ScoringWorkerScope;
const handle = scoringWorkerHandler({
	reply: (reply, transfer) => scope.postMessage(reply, transfer),
	// No setImmediate in a Web Worker: a timer lets the messages waiting go first.
	later: (task) => setTimeout(task, 0),
	cpuMs: () => undefined,
	now: () => performance.now(),
});
scope.addEventListener('message', (event) => handle(event.data as ScoringJob));
scope.postMessage(scoringWorkerReady);
