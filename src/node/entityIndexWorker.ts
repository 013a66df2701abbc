// A worker thread of the entity index. Two kinds of job from EntityIndexWorkerPool: `analyze` summarises a text
// the host read (files the watcher reported, virtual file systems), `scan` does a whole batch of local files next
// to them: stat, read, hash, analyse, and answer compact cache lines (see core/entities/indexScan.ts), so that
// neither file reads nor analysis occupy the extension host's thread. Same code as the host's own path, so the
// same summaries.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../core/entities/articleEntities';
import { summarizeArticle } from '../core/entities/indexedArticle';
import { scanBatch, type ScanIo } from '../core/entities/indexScan';
import type { EntityIndexJob, EntityIndexReply } from './entityIndexWorkerPool';

/** Local files only: the pool sends `file:` URIs (the host reads the others through vscode.workspace.fs). */
const localFiles: ScanIo = {
	stat: async (uri) => {
		try {
			const info = await stat(fileURLToPath(uri));
			return info.isFile() ? { mtime: Math.floor(info.mtimeMs), size: info.size } : undefined;
		} catch {
			return undefined;
		}
	},
	read: async (uri) => {
		try {
			return await readFile(fileURLToPath(uri));
		} catch {
			return undefined;
		}
	},
	analyze: (text, lexicon, key) => summarizeArticle(key, text, analyzeArticle(text, lexicon)),
};

parentPort?.on('message', (job: EntityIndexJob) => {
	void (async (): Promise<EntityIndexReply> => {
		try {
			if (job.kind === 'scan') return { id: job.id, results: (await scanBatch(job.batch, localFiles)) ?? [] };
			return { id: job.id, article: summarizeArticle(job.key, job.text, analyzeArticle(job.text, job.lexicon)) };
		} catch (error) {
			return { id: job.id, error: String(error) };
		}
	})().then((reply) => parentPort?.postMessage(reply));
});
