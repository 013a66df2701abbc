// A worker thread of the entity index (see core/entities/indexWorkerProtocol.ts): `analyze` summarises a text the
// host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next to
// them: stat, read, hash, analyse, and answer compact cache lines, so that neither file reads nor analysis occupy
// the extension host's thread. Same code as the host's own path and the browser's Web Worker, so the same summaries.
// `list` lists the folders (the build's authority on the desktop) and is answered at once: the analysis (the
// recognizer and its gazetteers, most of this worker's start) is loaded after it, while the host sorts the files
// listed and makes the first batches, or on the first job that needs it.
import { parentPort } from 'node:worker_threads';
import { answerListJob } from '../core/entities/indexListing';
import type { EntityIndexJob } from '../core/entities/indexWorkerProtocol';
import { listLocalTextFiles } from './localListing';

type Analysis = [typeof import('../core/entities/indexWorkerProtocol'), typeof import('./localScanIo')];
let analysis: Promise<Analysis> | undefined;

function loadAnalysis(): Promise<Analysis> {
	analysis ??= Promise.all([import('../core/entities/indexWorkerProtocol'), import('./localScanIo')]);
	return analysis;
}

parentPort?.on('message', (job: EntityIndexJob) => {
	if (job.kind === 'list') {
		parentPort?.postMessage(answerListJob(job, listLocalTextFiles));
		// The index lists the `.txt` files (no suffix) right before it scans them: the analysis loads meanwhile. (Other
		// features list their own files, which are no articles to analyse.)
		if (job.folders.some((folder) => (folder.suffix ?? '.txt') === '.txt')) setImmediate(() => void loadAnalysis().catch(() => undefined));
		return;
	}
	void loadAnalysis().then(([protocol, local]) => protocol.answerIndexJob(job, local.localScanIo, listLocalTextFiles), (error: unknown) => ({ id: job.id, error: `the analysis could not be loaded: ${String(error)}` })).then((reply) => parentPort?.postMessage(reply));
});
