// A worker thread of the entity index. Two kinds of job from EntityIndexWorkerPool: `analyze` summarises a text
// the host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next
// to them: stat, read, hash, analyse, and answer compact cache lines (see core/entities/indexScan.ts), so that
// neither file reads nor analysis occupy the extension host's thread. Same code as the host's own path, so the
// same summaries.
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../core/entities/articleEntities';
import { summarizeArticle } from '../core/entities/indexedArticle';
import { scanBatch } from '../core/entities/indexScan';
import type { EntityIndexJob, EntityIndexReply } from './entityIndexWorkerPool';
import { localScanIo } from './localScanIo';

parentPort?.on('message', (job: EntityIndexJob) => {
	void (async (): Promise<EntityIndexReply> => {
		try {
			if (job.kind === 'scan') return { id: job.id, results: (await scanBatch(job.batch, localScanIo)) ?? [] };
			return { id: job.id, article: summarizeArticle(job.key, job.text, analyzeArticle(job.text, job.lexicon)) };
		} catch (error) {
			return { id: job.id, error: String(error) };
		}
	})().then((reply) => parentPort?.postMessage(reply));
});
