// The check-worthiness scoring worker thread (see core/checkworthiness/scoringWorker.ts): it holds the open
// articles' texts and score caches, scores an article when the editor sends its text or its edits, and warms the
// scorer up when asked, in steps between which jobs go first, so that neither scoring nor the warm-up occupies
// the extension host's thread.
import { parentPort } from 'node:worker_threads';
import { ScoringWorkerState, transferablesOf, workerWarmUpSteps, type ScoringJob, type ScoringReply, type WorkerWarmUp } from '../core/checkworthiness/scoringWorker';

/** This thread's CPU clock (ms): Node 23.9+ (the desktop extension host's runtime). */
const cpuMs = (): number | undefined => {
	const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
	return usage && (usage.user + usage.system) / 1000;
};

/** A warm-up step runs at most about this long before the worker looks at its messages again (ms). */
const WARM_UP_SLICE_MS = 4;

const state = new ScoringWorkerState(() => performance.now(), cpuMs);

function reply(message: ScoringReply): void {
	parentPort?.postMessage(message, message.kind === 'scores' ? transferablesOf(message.encoded) : []);
}

/** Runs the warm-up a slice per turn of the event loop (setImmediate), so that jobs arriving meanwhile go first. */
function warmUp(job: Extract<ScoringJob, { kind: 'warmUp' }>): void {
	const steps = workerWarmUpSteps(job.threshold);
	const figures = { slices: 0, busyMs: 0, longestSliceMs: 0, busyCpuMs: 0, longestSliceCpuMs: 0 };
	const slice = (): void => {
		try {
			const start = performance.now();
			const cpuStart = cpuMs() ?? 0;
			let step = steps.next();
			while (!step.done && performance.now() - start < WARM_UP_SLICE_MS) step = steps.next();
			const wall = performance.now() - start;
			const cpu = (cpuMs() ?? 0) - cpuStart;
			figures.slices++;
			figures.busyMs += wall;
			figures.longestSliceMs = Math.max(figures.longestSliceMs, wall);
			figures.busyCpuMs += cpu;
			figures.longestSliceCpuMs = Math.max(figures.longestSliceCpuMs, cpu);
			if (step.done) reply({ kind: 'warmedUp', id: job.id, warmUp: { ...step.value, ...figures } satisfies WorkerWarmUp });
			else setImmediate(slice);
		} catch (error) {
			reply({ kind: 'error', id: job.id, error: String(error) });
		}
	};
	setImmediate(slice);
}

parentPort?.on('message', (job: ScoringJob) => {
	if (job.kind === 'warmUp') {
		warmUp(job);
		return;
	}
	const answer = state.answer(job);
	if (answer) reply(answer);
});
