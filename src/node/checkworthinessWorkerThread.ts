// The desktop's check-worthiness scoring worker: a Node worker thread running dist/checkworthinessWorker.js,
// as the editor's ScoringClient sees it (core/checkworthiness/scoringWorker.ts).
import { Worker } from 'node:worker_threads';
import { ScoringClient, type ScoringReply } from '../core/checkworthiness/scoringWorker';

/**
 * Starts the scoring worker: `file` is the worker script (the bundled dist/checkworthinessWorker.js in the
 * extension); `execArgv` lets a benchmark or a test run the TypeScript source under tsx. The worker does not keep
 * the process alive (unref): the editor ends it with the client's `dispose`. With NEWS_SEED_BENCH_CPUPROF set to a
 * folder (the benchmarks' profiling, see bench/vscodeCheckworthiness), the worker writes its CPU profile there when it ends.
 */
/**
 * The worker's young generation, at most (MB). With V8's default a fresh worker's 1 MB jobs cost 95 to 280 ms of
 * CPU, most of it garbage collection while the young generation grows (its scavenges copying the article's parse and
 * the paragraphs' scores, which survive in the caches), and spikes as high later; capped at 8 MB, 49 to 104 ms from
 * the first job on (Node 24, fresh 1 MB articles, the two alternated in one run: a median 0.5x; 4 MB was slower).
 */
export const scoringWorkerYoungGenerationMb = 8;

export function startCheckworthinessWorker(file: string | URL, execArgv?: string[]): ScoringClient {
	const profileDir = process.env.NEWS_SEED_BENCH_CPUPROF;
	const worker = new Worker(file, { execArgv: execArgv ?? (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500'] : undefined), resourceLimits: { maxYoungGenerationSizeMb: scoringWorkerYoungGenerationMb } });
	worker.unref();
	let failed = false;
	// The extension host thread's CPU clock (Node 23.9+), for the decoding's timing.
	const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
	const cpuMs = (): number | undefined => {
		const usage = threadCpuUsage?.();
		return usage && (usage.user + usage.system) / 1000;
	};
	return new ScoringClient({
		post: (job) => worker.postMessage(job),
		onReply: (listener) => worker.on('message', (reply: ScoringReply) => listener(reply)),
		onFailure: (listener) => {
			const fail = (error: Error): void => {
				if (!failed) listener(error);
				failed = true;
			};
			worker.on('error', fail);
			worker.on('exit', (code) => fail(new Error(`the check-worthiness worker exited with ${code}`)));
		},
		terminate: () => {
			failed = true;
			void worker.terminate();
		},
	}, cpuMs);
}
