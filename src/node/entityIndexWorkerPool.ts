// A small pool of worker threads that analyse article texts for the workspace entity index (see
// entityIndexWorker.ts). Workers start on the first job and end after a while without one, so a warm start
// (nothing to analyse) never starts any.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UserLexicon } from '../core/entities/index';
import type { IndexedArticle } from '../core/entities/indexedArticle';
import type { AnalyzeForIndex } from '../core/entities/workspaceIndexUpdater';

export interface EntityIndexJob {
	readonly id: number;
	readonly text: string;
	readonly lexicon: UserLexicon | undefined;
	readonly key: string;
}

export type EntityIndexReply = { readonly id: number; readonly article: IndexedArticle } | { readonly id: number; readonly error: string };

interface Pending {
	readonly job: EntityIndexJob;
	resolve(article: IndexedArticle | undefined): void;
	reject(error: Error): void;
}

interface Slot {
	readonly worker: Worker;
	busy: Pending | undefined;
}

/** Workers for a machine: all cores but one for the rest of the editor, at least one and at most four. */
export function defaultWorkerCount(): number {
	return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class EntityIndexWorkerPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Pending[] = [];
	private nextId = 0;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	private closed = false;

	/**
	 * `file` is the worker script (the bundled dist/entityIndexWorker.js in the extension); `execArgv` lets a
	 * benchmark run the TypeScript source under tsx. A worker that dies fails its job and the jobs queued after it
	 * (the caller falls back to analysing on its own thread).
	 */
	constructor(private readonly file: string | URL, private readonly size = defaultWorkerCount(), private readonly execArgv?: string[], private readonly idleMs = 30_000) {}

	readonly analyze: AnalyzeForIndex = (text, lexicon, key) => new Promise<IndexedArticle | undefined>((resolve, reject) => {
		if (this.closed) {
			resolve(undefined);
			return;
		}
		clearTimeout(this.idleTimer);
		this.queue.push({ job: { id: this.nextId++, text, lexicon, key }, resolve, reject });
		this.dispatch();
	});

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
		worker.on('message', (reply: EntityIndexReply) => {
			const pending = slot.busy;
			slot.busy = undefined;
			if (pending && pending.job.id === reply.id) {
				if ('article' in reply) pending.resolve(reply.article);
				else pending.reject(new Error(reply.error));
			}
			this.dispatch();
		});
		const fail = (error: Error): void => {
			const index = this.slots.indexOf(slot);
			if (index >= 0) this.slots.splice(index, 1);
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
