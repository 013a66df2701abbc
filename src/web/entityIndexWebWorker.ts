// A Web Worker of the entity index in the browser (vscode.dev, github.dev), started by webIndexWorkerPool.ts from
// dist/web/entityIndexWorker.js: the same jobs and answers as the desktop's worker threads
// (core/entities/indexWorkerProtocol.ts). It cannot reach the workspace's files, so scan jobs come with the bytes
// its host read. It says `ready` once loaded, so that its host knows it started.
import { answerIndexJob, type EntityIndexJob } from '../core/entities/indexWorkerProtocol';
import { useWorkerMemory } from '../core/entities/workerMemory';
import { webWorkerReady, type WorkerScope } from './webWorkerScope';

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
	// Once, on the first job: the recognizer remembers its vocabulary and hashes its word lists.
	useWorkerMemory();
	void answerIndexJob(event.data as EntityIndexJob).then((reply) => scope.postMessage(reply));
});
scope.postMessage(webWorkerReady);
