// A worker thread of the entity index (see core/entities/indexWorkerProtocol.ts): `analyze` summarises a text the
// host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next to
// them: stat, read, hash, analyse, and answer compact cache lines, so that neither file reads nor analysis occupy
// the extension host's thread. Same code as the host's own path and the browser's Web Worker, so the same summaries.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { answerIndexJob, type EntityIndexJob } from '../core/entities/indexWorkerProtocol';
import { localScanIo } from './localScanIo';

// In the editor, below the extension host's own thread (see EntityIndexWorkerPool): only on Linux, where the
// priority of the calling thread is its own (elsewhere it is the whole process's, the extension host's included).
const niceness = (workerData as { niceness?: unknown } | undefined)?.niceness;
if (process.platform === 'linux' && typeof niceness === 'number' && niceness > 0) {
	try {
		setPriority(niceness);
	} catch {
		// Not allowed here: the worker runs at the host's priority, as before.
	}
}

parentPort?.on('message', (job: EntityIndexJob) => {
	void answerIndexJob(job, localScanIo).then((reply) => parentPort?.postMessage(reply));
});
