// The check-worthiness scoring worker thread (see core/checkworthiness/scoringWorker.ts): it holds the open
// articles' texts and score caches, scores an article when the editor sends its text or its edits, and warms the
// scorer up when asked, in steps between which jobs go first, so that neither scoring nor the warm-up occupies
// the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { scoringWorkerHandler, type ScoringJob } from '../core/checkworthiness/scoringWorker';

/** This thread's CPU clock (ms): Node 23.9+ (the desktop extension host's runtime). */
const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;

const handle = scoringWorkerHandler({
	reply: (reply, transfer) => parentPort?.postMessage(reply, transfer),
	later: (task) => setImmediate(task),
	cpuMs: () => {
		const usage = threadCpuUsage?.();
		return usage && (usage.user + usage.system) / 1000;
	},
	now: () => performance.now(),
});
parentPort?.on('message', (job: ScoringJob) => handle(job));
