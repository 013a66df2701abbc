// A small pool of worker threads for the workspace entity index (see entityIndexWorker.ts): batches of local files
// scanned next to them, or single texts analysed. Workers start on the first job and end after a while without
// one, so a warm start that finds nothing changed runs one short scan and then none.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UserLexicon } from '../core/entities/index';
import type { IndexedArticle } from '../core/entities/indexedArticle';
import type { ScanBatch, ScanResult } from '../core/entities/indexScan';

export type EntityIndexJob =
	| { readonly kind: 'analyze'; readonly id: number; readonly text: string; readonly lexicon: UserLexicon | undefined; readonly key: string }
	| { readonly kind: 'scan'; readonly id: number; readonly batch: ScanBatch };

export type EntityIndexReply =
	| { readonly id: number; readonly article: IndexedArticle }
	| { readonly id: number; readonly results: readonly ScanResult[] }
	| { readonly id: number; readonly error: string };

interface Pending {
	readonly job: EntityIndexJob;
	resolve(reply: EntityIndexReply | undefined): void;
	reject(error: Error): void;
}

interface Slot {
	readonly worker: Worker;
	busy: Pending | undefined;
}

/**
 * Workers for a machine: one per core, at most four. The extension host's own share of an index build is small
 * (parsing the answers' heads, in slices), so on two cores two workers finish sooner and the host stays responsive.
 */
export function defaultWorkerCount(): number {
	return Math.max(1, Math.min(4, availableParallelism()));
}

/** What the pool did, for the log and the benchmark. */
export interface WorkerPoolStats {
	/** Workers started since the pool was made (each start is logged). */
	started: number;
	/** Jobs answered by a worker. */
	jobs: number;
	/** Files scanned by workers. */
	files: number;
}

export class EntityIndexWorkerPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Pending[] = [];
	private nextId = 0;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	private closed = false;
	readonly stats: WorkerPoolStats = { started: 0, jobs: 0, files: 0 };

	/**
	 * `file` is the worker script (the bundled dist/entityIndexWorker.js in the extension); `execArgv` lets a
	 * benchmark run the TypeScript source under tsx; `log` hears of workers started and failing. A worker that
	 * dies fails its job and the jobs queued after it (the caller falls back to its own thread).
	 */
	constructor(
		private readonly file: string | URL,
		readonly size = defaultWorkerCount(),
		private readonly execArgv?: string[],
		private readonly idleMs = 30_000,
		private readonly log: (message: string) => void = () => undefined,
	) {}

	/** Analyses one text in a worker; undefined once the pool is closed. */
	readonly analyze = async (text: string, lexicon: UserLexicon | undefined, key: string): Promise<IndexedArticle | undefined> => {
		const reply = await this.submit((id) => ({ kind: 'analyze', id, text, lexicon, key }));
		return reply && 'article' in reply ? reply.article : undefined;
	};

	/** Scans a batch of local (`file:`) files in a worker; undefined once the pool is closed. */
	readonly scan = async (batch: ScanBatch): Promise<readonly ScanResult[] | undefined> => {
		const reply = await this.submit((id) => ({ kind: 'scan', id, batch }));
		if (!reply || !('results' in reply)) return undefined;
		this.stats.files += reply.results.length;
		return reply.results;
	};

	private submit(job: (id: number) => EntityIndexJob): Promise<EntityIndexReply | undefined> {
		return new Promise<EntityIndexReply | undefined>((resolve, reject) => {
			if (this.closed) {
				resolve(undefined);
				return;
			}
			clearTimeout(this.idleTimer);
			this.queue.push({ job: job(this.nextId++), resolve, reject });
			this.dispatch();
		});
	}

	private dispatch(): void {
		while (this.queue.length > 0) {
			let slot = this.slots.find((s) => !s.busy);
			if (!slot && this.slots.length < this.size) slot = this.start();
			if (!slot) return;
			const pending = this.queue.shift() as Pending;
			slot.busy = pending;
			slot.worker.postMessage(pending.job);
		}
		if (this.slots.every((s) => !s.busy)) {
			clearTimeout(this.idleTimer);
			this.idleTimer = setTimeout(() => void this.close(false), this.idleMs);
			this.idleTimer.unref?.();
		}
	}

	private start(): Slot {
		const worker = new Worker(this.file, { execArgv: this.execArgv });
		const slot: Slot = { worker, busy: undefined };
		this.slots.push(slot);
		this.stats.started++;
		if (this.slots.length === 1) this.log(`entity index: worker pool starting (up to ${this.size} worker thread${this.size === 1 ? '' : 's'})`);
		worker.on('message', (reply: EntityIndexReply) => {
			const pending = slot.busy;
			slot.busy = undefined;
			if (pending && pending.job.id === reply.id) {
				this.stats.jobs++;
				if ('error' in reply) pending.reject(new Error(reply.error));
				else pending.resolve(reply);
			}
			this.dispatch();
		});
		const fail = (error: Error): void => {
			const index = this.slots.indexOf(slot);
			if (index >= 0) this.slots.splice(index, 1);
			this.log(`entity index: a worker thread failed: ${error.message}`);
			slot.busy?.reject(error);
			slot.busy = undefined;
			for (const pending of this.queue.splice(0)) pending.reject(error);
		};
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (!this.closed && this.slots.includes(slot)) fail(new Error(`entity index worker exited with ${code}`));
		});
		return slot;
	}

	/** Ends every worker; `final` also refuses further jobs (they resolve to undefined). */
	async close(final = true): Promise<void> {
		this.closed ||= final;
		clearTimeout(this.idleTimer);
		const slots = this.slots.splice(0);
		for (const slot of slots) slot.busy?.reject(new Error('entity index worker pool closed'));
		if (final) for (const pending of this.queue.splice(0)) pending.resolve(undefined);
		await Promise.all(slots.map((slot) => slot.worker.terminate()));
	}

	dispose(): void {
		void this.close();
	}
}
