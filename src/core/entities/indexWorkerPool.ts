/**
 * A small pool of entity index workers (see indexWorkerProtocol.ts), whatever runs them: Node's worker threads on
 * the desktop and for the command line, Web Workers in the browser. The host injects how a worker starts; the
 * pool queues jobs, starts workers on the first job (up to `size`), ends them after a while without one (so a
 * warm start that finds nothing changed runs one short scan and then none), and fails a dead worker's job and the
 * jobs queued after it, so that its caller can fall back to its own thread.
 */
import type { UserLexicon } from './index';
import type { IndexedArticle } from './indexedArticle';
import type { ScanBatch, ScanResult } from './indexScan';
import type { FolderListingRequest } from './indexListing';
import type { EntityIndexJob, EntityIndexReply, PrefetchedFile } from './indexWorkerProtocol';

/** One running worker, as the host started it. */
export interface IndexWorker {
	post(job: EntityIndexJob): void;
	terminate(): Promise<unknown> | void;
}

/** What a worker reports to the pool: replies, and its failure (an error, or an exit nobody asked for). */
export interface IndexWorkerEvents {
	onReply(reply: EntityIndexReply): void;
	onFailure(error: Error): void;
}

/** Starts one worker that reports to `events`; may throw when no worker can start (the job then fails). */
export type StartIndexWorker = (events: IndexWorkerEvents) => IndexWorker;

/** What the pool did, for the log, the tests and the benchmark. */
export interface WorkerPoolStats {
	/** Workers started since the pool was made (each start is logged). */
	started: number;
	/** Jobs answered by a worker. */
	jobs: number;
	/** Files scanned by workers. */
	files: number;
}

/**
 * How the pool is set up. `kind` names the workers in the log ("worker thread", "web worker"); `readsLocalFiles`:
 * the workers read local (`file:`) files themselves, else every scan comes with its files' bytes.
 */
export interface IndexWorkerPoolOptions {
	readonly size: number;
	readonly kind: string;
	readonly readsLocalFiles: boolean;
	readonly idleMs?: number;
	readonly log?: (message: string) => void;
}

interface Pending {
	readonly job: EntityIndexJob;
	resolve(reply: EntityIndexReply | undefined): void;
	reject(error: Error): void;
}

interface Slot {
	worker: IndexWorker | undefined;
	/** The jobs posted to it and not answered yet, by id (at most {@link jobsPerWorker}). */
	readonly posted: Map<number, Pending>;
}

/**
 * Jobs posted to one worker at once: the next one waits in the worker's own message queue, so that the worker starts
 * it the moment it has answered the last, instead of idling until the host's thread has heard the answer and posted
 * another (on a busy host, a slice of other work or a turn behind other extensions later: a tenth of a cold build's
 * time in a profile of the worker). A worker with nothing to do still gets a job first.
 */
const jobsPerWorker = 2;

/** See the file comment. `analyze` and `scan` resolve to undefined once the pool is closed. */
export class IndexWorkerPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Pending[] = [];
	private nextId = 0;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	private closed = false;
	/** Set while the pool is held (see {@link holdUntil}): jobs wait in the queue, no worker starts. */
	private held: Promise<void> | undefined;
	readonly stats: WorkerPoolStats = { started: 0, jobs: 0, files: 0 };
	readonly size: number;
	readonly kind: string;
	readonly readsLocalFiles: boolean;
	private readonly idleMs: number;
	private readonly log: (message: string) => void;

	constructor(private readonly startWorker: StartIndexWorker, options: IndexWorkerPoolOptions) {
		this.size = Math.max(1, options.size);
		this.kind = options.kind;
		this.readsLocalFiles = options.readsLocalFiles;
		this.idleMs = options.idleMs ?? 30_000;
		this.log = options.log ?? (() => undefined);
	}

	/** Analyses one text in a worker. */
	readonly analyze = async (text: string, lexicon: UserLexicon | undefined, key: string): Promise<IndexedArticle | undefined> => {
		const reply = await this.submit((id) => ({ kind: 'analyze', id, text, lexicon, key }));
		return reply && 'article' in reply ? reply.article : undefined;
	};

	/** Scans a batch in a worker: with `files`, the ones its host read (see prefetchBatch), else read by the worker. */
	readonly scan = async (batch: ScanBatch, files?: readonly PrefetchedFile[]): Promise<readonly ScanResult[] | undefined> => {
		const reply = await this.submit((id) => (files ? { kind: 'scan', id, batch, files } : { kind: 'scan', id, batch }));
		if (!reply || !('results' in reply)) return undefined;
		this.stats.files += reply.results.length;
		return reply.results;
	};

	/**
	 * The `.txt` files of each local folder as VS Code's findFiles lists them (paths relative to it), listed by a
	 * worker; undefined when the pool is closed. Rejects when the workers cannot list (Web Workers) or the worker failed.
	 */
	readonly list = async (folders: readonly FolderListingRequest[]): Promise<readonly (readonly string[])[] | undefined> => {
		const reply = await this.submit((id) => ({ kind: 'list', id, folders }));
		return reply && 'lists' in reply ? reply.lists : undefined;
	};

	/**
	 * Starts the workers now, without a job (each loads its code and the recognizer's gazetteers, a few hundred
	 * milliseconds): a build calls it before VS Code's file search, so that the workers are ready when the first
	 * batch comes. They end after `idleMs` without one, as always.
	 */
	prestart(): void {
		if (this.closed) return;
		while (this.slots.length < this.size) if (!this.start()) return;
		this.dispatch();
	}

	/**
	 * Holds every job in the queue, and starts no worker, until `released` settles: the index serves its cache at
	 * start-up on the host's thread, and a worker starting meanwhile (a job of another feature: the claims list their
	 * sidecars) takes a core from it on a two-core machine.
	 */
	holdUntil(released: Promise<void>): void {
		this.held = released;
		const release = (): void => {
			if (this.held !== released) return;
			this.held = undefined;
			this.dispatch();
		};
		released.then(release, release);
	}

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
		while (this.queue.length > 0 && !this.held) {
			let slot = this.slots.find((s) => s.posted.size === 0);
			if (!slot && this.slots.length < this.size) slot = this.start();
			slot ??= this.slots.find((s) => s.worker && s.posted.size < jobsPerWorker);
			if (!slot?.worker) return;
			const pending = this.queue.shift() as Pending;
			slot.posted.set(pending.job.id, pending);
			try {
				slot.worker.post(pending.job);
			} catch (error) {
				this.fail(slot, error instanceof Error ? error : new Error(String(error)));
			}
		}
		if (this.slots.every((s) => s.posted.size === 0)) {
			clearTimeout(this.idleTimer);
			this.idleTimer = setTimeout(() => void this.close(false), this.idleMs);
			(this.idleTimer as { unref?: () => void }).unref?.();
		}
	}

	private start(): Slot | undefined {
		const slot: Slot = { worker: undefined, posted: new Map() };
		this.slots.push(slot);
		if (this.slots.length === 1) this.log(`entity index: worker pool starting (up to ${this.size} ${this.kind}${this.size === 1 ? '' : 's'})`);
		try {
			slot.worker = this.startWorker({
				onReply: (reply) => {
					const pending = slot.posted.get(reply.id);
					slot.posted.delete(reply.id);
					if (pending) {
						this.stats.jobs++;
						if ('error' in reply) pending.reject(new Error(reply.error));
						else pending.resolve(reply);
					}
					this.dispatch();
				},
				onFailure: (error) => {
					if (!this.closed && this.slots.includes(slot)) this.fail(slot, error);
				},
			});
		} catch (error) {
			this.fail(slot, error instanceof Error ? error : new Error(String(error)));
			return undefined;
		}
		this.stats.started++;
		return slot;
	}

	/** A worker failed: dropped, its jobs and every queued one rejected (the caller falls back to its own thread). */
	private fail(slot: Slot, error: Error): void {
		const index = this.slots.indexOf(slot);
		if (index >= 0) this.slots.splice(index, 1);
		this.log(`entity index: a ${this.kind} failed: ${error.message}`);
		const posted = [...slot.posted.values()];
		slot.posted.clear();
		for (const pending of posted) pending.reject(error);
		for (const queued of this.queue.splice(0)) queued.reject(error);
		void Promise.resolve(slot.worker?.terminate()).catch(() => undefined);
	}

	/** Ends every worker; `final` also refuses further jobs (they resolve to undefined). */
	async close(final = true): Promise<void> {
		this.closed ||= final;
		clearTimeout(this.idleTimer);
		const slots = this.slots.splice(0);
		for (const slot of slots) {
			const posted = [...slot.posted.values()];
			slot.posted.clear();
			for (const pending of posted) pending.reject(new Error('entity index worker pool closed'));
		}
		if (final) for (const pending of this.queue.splice(0)) pending.resolve(undefined);
		await Promise.all(slots.map((slot) => slot.worker?.terminate()));
	}

	dispose(): void {
		void this.close();
	}
}
