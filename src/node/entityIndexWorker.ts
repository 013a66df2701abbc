// A worker thread of the entity index (see core/entities/indexWorkerProtocol.ts): `analyze` summarises a text the
// host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next to
// them: stat, read, hash, analyse, and answer compact cache lines, so that neither file reads nor analysis occupy
// the extension host's thread. Same code as the host's own path and the browser's Web Worker, so the same summaries.
// `list` lists the folders (the build's authority on the desktop) and is answered at once: the analysis (the
// recognizer and its gazetteers, most of this worker's start) is loaded on the first job that needs it, meanwhile.
import { parentPort } from 'node:worker_threads';
import { answerListJob } from '../core/entities/indexListing';
import type { EntityIndexJob } from '../core/entities/indexWorkerProtocol';
import { listLocalTextFiles } from './localListing';

let analysis: Promise<[typeof import('../core/entities/indexWorkerProtocol'), typeof import('./localScanIo')]> | undefined;

parentPort?.on('message', (job: EntityIndexJob) => {
	if (job.kind === 'list') {
		parentPort?.postMessage(answerListJob(job, listLocalTextFiles));
		return;
	}
	// The recognizer here remembers its vocabulary and hashes its word lists (a worker has memory to spare).
	analysis ??= Promise.all([import('../core/entities/indexWorkerProtocol'), import('./localScanIo'), import('../core/entities/workerMemory').then((memory) => memory.useWorkerMemory())]).then(([protocol, local]) => [protocol, local]);
	void analysis.then(([protocol, local]) => protocol.answerIndexJob(job, local.localScanIo, listLocalTextFiles), (error: unknown) => ({ id: job.id, error: `the analysis could not be loaded: ${String(error)}` })).then((reply) => parentPort?.postMessage(reply));
});
