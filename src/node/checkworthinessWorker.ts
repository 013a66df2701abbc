// The check-worthiness scoring worker thread (see core/checkworthiness/scoringWorker.ts): it holds the open
// articles' texts and score caches, scores an article when the editor sends its text or its edits, and warms the
// scorer up when asked, in steps between which jobs go first, so that neither scoring nor the warm-up occupies
// the extension host's thread. It reads local files itself for the background scoring of large articles.
import { readFileSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { scoringWorkerHandler, type ScoringJob, type WorkerFiles } from '../core/checkworthiness/scoringWorker';

/** This thread's CPU clock (ms): Node 23.9+ (the desktop extension host's runtime). */
const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;

/** Local files, read synchronously (this thread does nothing else meanwhile); UTF-8 without its byte order mark, as VS Code shows it. */
const files: WorkerFiles = {
	stat: (path) => {
		try {
			const info = statSync(path, { throwIfNoEntry: false });
			return info?.isFile() ? { size: info.size, mtime: info.mtimeMs } : undefined;
		} catch {
			return undefined;
		}
	},
	read: (path) => {
		try {
			return new TextDecoder().decode(readFileSync(path));
		} catch {
			return undefined;
		}
	},
};

const handle = scoringWorkerHandler({
	reply: (reply, transfer) => parentPort?.postMessage(reply, transfer),
	later: (task) => setImmediate(task),
	after: (ms, task) => setTimeout(task, ms),
	cpuMs: () => {
		const usage = threadCpuUsage?.();
		return usage && (usage.user + usage.system) / 1000;
	},
	now: () => performance.now(),
	files,
});
parentPort?.on('message', (job: ScoringJob) => handle(job));
