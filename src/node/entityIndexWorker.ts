// A worker thread of the entity index (see core/entities/indexWorkerProtocol.ts): `analyze` summarises a text the
// host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next to
// them: stat, read, hash, analyse, and answer compact cache lines, so that neither file reads nor analysis occupy
// the extension host's thread. Same code as the host's own path and the browser's Web Worker, so the same summaries.
import { parentPort } from 'node:worker_threads';
import { answerIndexJob, type EntityIndexJob } from '../core/entities/indexWorkerProtocol';
import { listLocalTextFiles, localScanIo } from './localScanIo';

parentPort?.on('message', (job: EntityIndexJob) => {
	void answerIndexJob(job, localScanIo, listLocalTextFiles).then((reply) => parentPort?.postMessage(reply));
});
