// A worker thread of the entity index: analyses and summarises article texts sent by EntityIndexWorkerPool, so
// that building a cold index never occupies the extension host's thread. Same code as the on-thread analysis,
// so the same summaries.
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../core/entities/articleEntities';
import { summarizeArticle } from '../core/entities/indexedArticle';
import type { EntityIndexJob, EntityIndexReply } from './entityIndexWorkerPool';

parentPort?.on('message', (job: EntityIndexJob) => {
	let reply: EntityIndexReply;
	try {
		reply = { id: job.id, article: summarizeArticle(job.key, job.text, analyzeArticle(job.text, job.lexicon)) };
	} catch (error) {
		reply = { id: job.id, error: String(error) };
	}
	parentPort?.postMessage(reply);
});
