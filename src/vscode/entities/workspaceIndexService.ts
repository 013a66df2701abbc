import * as vscode from 'vscode';
import { runSliced, type SliceStats } from '../../core/entities/articleEntities';
import { openIndexCacheSteps, readIndexCacheContentsSteps, readIndexCacheSteps, writeIndexCacheSteps, type OpenedIndexCache } from '../../core/entities/indexCacheFormat';
import { scanBatch, type ScanBatch, type ScanFiles, type ScanIo, type ScanResult } from '../../core/entities/indexScan';
import type { FolderListingRequest } from '../../core/entities/indexListing';
import { prefetchBatch, type PrefetchedFile } from '../../core/entities/indexWorkerProtocol';
import { WorkspaceEntityIndex, type IndexSnapshot } from '../../core/entities/workspaceEntityIndex';
import { analyzeInSlices, WorkspaceIndexUpdater, type AnalyzeForIndex, type ScanAllOptions, type ScanCounts } from '../../core/entities/workspaceIndexUpdater';
import { sortSteps } from '../../core/text/sortSteps';
import { Disposable } from '../dispose';
import { listedFileUris, localListingPlan } from '../localFolderListing';
import { HostLatencyProbe, type HostLatency } from '../hostLatencyProbe';
import { hostSlicer } from './articleEntitiesCache';
import type { EntityKnowledgeStore } from './knowledgeStore';

const cacheFileName = 'entity-index.v5.jsonl';

/** Caches of earlier formats, deleted when the current one is missing (megabytes nobody reads). */
const oldCacheFileNames = ['entity-index.jsonl', 'entity-index.v3.jsonl', 'entity-index.v4.jsonl'];

/** The settings that decide which files findFiles('**\/*.txt') lists (see core/entities/indexListing.ts). */
const listingSettings = ['files.exclude', 'search.followSymlinks', 'search.useIgnoreFiles', 'search.experimental.useIgnoreFilesInFindFiles'];

/** A build still running after this long shows the window progress (shorter ones show nothing). */
const progressAfterMs = 1000;

/** While a build adds files, `onDidUpdate` fires at most this often. */
const progressEventMs = 2000;

/**
 * The URIs' strings, distinct and sorted, as steps (see `runSliced`): formatting a URI costs microseconds and a
 * folder has thousands (a step of 500 was one of 100 to 250 ms of the host's thread at start-up in a profile, with
 * its garbage collected); sorting 100,000 takes tens of milliseconds at once, so it runs in steps too.
 */
function* urisSortedSteps(found: Iterable<string>): Generator<void, string[]> {
	const uris = new Set<string>();
	let formatted = 0;
	for (const uri of found) {
		uris.add(uri);
		if (++formatted % 50 === 0) yield;
	}
	yield;
	return yield* sortSteps([...uris], compareStrings);
}

function* uriStrings(uris: Iterable<vscode.Uri>): Generator<string> {
	for (const uri of uris) yield uri.toString();
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Answers from workers are applied to the index in slices of at most about this long. */
const applyBudgetMs = 8;

/**
 * The start (the cache read, parsed and served) runs in longer slices, still well under the 50 ms a step may hold
 * the host: at start-up every other extension is busy too, and each yield waits a turn of the event loop behind
 * them, so 8 ms slices got well under half the thread (a profile of the warm start in code-server).
 */
const startBudgetMs = 24;

/** The file name part of a URI, for labels. */
export function baseName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function baseNameOf(uri: string): string {
	return uri.slice(uri.lastIndexOf('/') + 1);
}

/**
 * Analysis somewhere else than the extension host's thread (a worker pool); `dispose` ends it. `scan` does whole
 * batches: of local files read next to them when `readsLocalFiles` (worker threads), else of the bytes the host
 * read (`files`; Web Workers, and files of other file systems); `stats` counts what the workers did; `kind` names
 * the workers in the log.
 */
export interface OffThreadAnalyzer extends vscode.Disposable {
	readonly analyze: AnalyzeForIndex;
	readonly scan: (batch: ScanBatch, files?: readonly PrefetchedFile[]) => ReturnType<ScanFiles>;
	readonly size: number;
	readonly kind: string;
	readonly readsLocalFiles: boolean;
	readonly stats: { readonly started: number; readonly jobs: number; readonly files: number };
	/** Starts the workers before any job, so that they load while the build looks for the files. */
	prestart?(): void;
	/** Holds every job (and the workers' start) until `released` settles: while the index serves its cache. */
	holdUntil?(released: Promise<void>): void;
	/** The `.txt` files of local folders as findFiles lists them (relative paths), listed off the host's thread (see {@link readsLocalFiles}). */
	list?(folders: readonly FolderListingRequest[]): Promise<readonly (readonly string[])[] | undefined>;
	/**
	 * Reads a local file of at most a few megabytes at once, on the calling thread (the index cache at start-up, where
	 * an asynchronous read waits behind every other extension's start: seconds); undefined when it is missing. Throws
	 * when it is larger or cannot be read (then it is read the usual way).
	 */
	readLocalNow?(path: string): Uint8Array | undefined;
}

/** Where and how the last full build ran, for the log, the benchmark and the tests (`newsSeed.entities.indexStatus`). */
export interface IndexBuildReport {
	readonly articles: number;
	readonly files: number;
	readonly ms: number;
	readonly where: 'workers' | 'host';
	/** Why analysis ran on the host, when it did. */
	readonly reason?: string;
	readonly counts: ScanCounts | undefined;
	readonly host: HostLatency;
	readonly longestSliceMs: number;
	/** Files the worker pool scanned during the build, and workers it started. */
	readonly workerFiles: number;
	readonly workersStarted: number;
	/** Where the start went, in milliseconds from the build's start (see {@link IndexStartup}). */
	readonly startup: IndexStartup;
}

/**
 * The first part of a build, in milliseconds from its start: news-entities.json read (`knowledgeMs`), the cache
 * read and parsed (`cacheMs`, at the same time), its summaries in the index (`servedMs`, `served` of them: from
 * then on, the index answers), and the files listed (`foundMs`: by the worker, or by VS Code's file search: `listedBy`). `servedAt` is the clock time
 * (Date.now()) the cached summaries were served, for the benchmark. Under load the wall times grow with
 * everything else the host and the machine run; `hostMs` is the start's own share of the thread.
 */
export interface IndexStartup {
	/** How long the start's own steps (reading the cache, serving its summaries) held the host's thread, in all. */
	readonly hostMs: number;
	readonly knowledgeMs: number;
	readonly cacheMs: number;
	readonly servedMs: number;
	readonly served: number;
	readonly servedAt: number;
	readonly foundMs: number;
	readonly listedBy: 'worker' | 'search';
}

/**
 * The workspace index of every seed file's entities, built in the background. Local files are scanned in batches
 * by `offThread` (a worker pool: stat, read, hash and analysis next to the files, compact cache lines back), and
 * only the answers' heads are parsed into the reverse index on the host, in slices of at most ~8 ms. Without a
 * pool, for files of other file systems, or when the pool fails (logged, dropped for the session), the host reads
 * through vscode.workspace.fs and analyses in slices (never more than ~15 ms without yielding). The cache in the
 * extension's storage records each file's size and modification time with its summary, so a second start only
 * stats the files (in the workers). Where analysis ran, how long it took and the longest stall of the host are
 * written to the "News Seed" log; a build longer than a second shows the window progress with the article count.
 * Scenarios: activation -> build (cache read once, every .txt stat'ed, changed ones read, new texts analysed); a
 * .txt created/changed on disk (FileSystemWatcher) -> that file read again and re-indexed; deleted -> dropped (a
 * deleted folder: all its files); news-entities.json changed -> build again (summaries of the same texts with the
 * same lexicon are reused, unchanged files are not read); `newsSeed.entities.rebuildIndex` -> every file read
 * again (summaries of unchanged texts still reused by content hash). The cache is written a second after the last
 * change, only if something changed.
 */
export class WorkspaceIndexService extends Disposable {
	readonly index = new WorkspaceEntityIndex();
	readonly stats: SliceStats = { longestMs: 0, slices: 0 };
	private readonly updater: WorkspaceIndexUpdater;
	private readonly analyze: AnalyzeForIndex;
	private pool: OffThreadAnalyzer | undefined;
	private poolLost: string | undefined;
	private readonly probe = this._register(new HostLatencyProbe());
	private readonly readLocalNow: ((path: string) => Uint8Array | undefined) | undefined;
	private cacheLoaded = false;
	/** Set from reading a cache (at once, on the desktop) until its summaries are served: the workers wait. */
	private servingCache = false;
	/** The reverse index stored with the cache, from reading it until the first build has served it. */
	private snapshot: IndexSnapshot | undefined;
	/** The files' lines of a cache opened at its end, from reading it until the first build has read them. */
	private cacheLines: OpenedIndexCache | undefined;
	private building: Promise<void> | undefined;
	private rebuildRequested = false;
	private forceRequested = false;
	private readonly pending = new Set<string>();
	private pendingTimer: ReturnType<typeof setTimeout> | undefined;
	/** Deleted files and folders the watcher reported in this turn of the event loop (see forgetDeleted). */
	private deleted: string[] = [];
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private cancelled = false;
	private readonly updateEmitter = this._register(new vscode.EventEmitter<void>());
	/**
	 * Fires after the index changed (a build finished, or files were re-indexed), when a build starts, and every
	 * couple of seconds while one adds files (listeners that show counts debounce it).
	 */
	readonly onDidUpdate = this.updateEmitter.event;
	/** Whether a full build is running. */
	indexing = false;
	/** How many full builds finished. */
	builds = 0;
	/** How many times the cache was written. */
	saves = 0;
	/** The last full build, once one finished. */
	lastBuild: IndexBuildReport | undefined;

	constructor(private readonly storage: vscode.Uri | undefined, private readonly knowledge: EntityKnowledgeStore, offThread: OffThreadAnalyzer | undefined, private readonly log: vscode.LogOutputChannel) {
		super();
		this.pool = offThread;
		this.readLocalNow = offThread?.readLocalNow?.bind(offThread);
		if (!offThread) this.poolLost = 'no worker pool in this extension host';
		const onThread = analyzeInSlices({ ...hostSlicer(), isCancelled: () => this.cancelled }, 15, this.stats);
		this.analyze = async (text, lexicon, key) => {
			if (this.cancelled) return undefined;
			const pool = this.pool;
			if (pool) {
				try {
					return await pool.analyze(text, lexicon, key);
				} catch (error) {
					this.dropPool(error);
				}
			}
			return onThread(text, lexicon, key);
		};
		this.updater = new WorkspaceIndexUpdater(this.index, {
			files: {
				stat: async (uri) => {
					try {
						const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
						return { mtime: stat.mtime, size: stat.size };
					} catch {
						return undefined;
					}
				},
				read: async (uri) => {
					try {
						return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
					} catch {
						return undefined;
					}
				},
			},
			analyze: this.analyze,
			lexiconFor: (uri) => this.knowledge.lexiconForUriString(uri),
			baseName: baseNameOf,
		});
		if (offThread) this._register(offThread);
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.txt'));
		this._register(watcher.onDidCreate((uri) => this.queue(uri)));
		this._register(watcher.onDidChange((uri) => this.queue(uri)));
		this._register(watcher.onDidDelete((uri) => this.forgetDeleted(uri)));
		this._register(knowledge.onDidChange(() => void this.rebuild()));
		// What findFiles lists changed: listed again (files now excluded leave the index, files no longer excluded join).
		this._register(vscode.workspace.onDidChangeConfiguration((event) => {
			if (listingSettings.some((setting) => event.affectsConfiguration(setting))) void this.rebuild();
		}));
		this._register({
			dispose: () => {
				this.cancelled = true;
				clearTimeout(this.pendingTimer);
				clearTimeout(this.saveTimer);
			},
		});
	}

	/** The pool failed: logged, and analysis stays on the host for the rest of the session. */
	private dropPool(error: unknown): void {
		if (!this.pool) return;
		this.poolLost = `the worker pool failed (${error instanceof Error ? error.message : String(error)})`;
		this.log.warn(`entity index: ${this.poolLost}; analysing on the extension host in slices from now on`);
		this.pool = undefined;
	}

	/** The host's own scan: files through vscode.workspace.fs, analysis in the pool while it lives, else in slices. */
	private readonly hostIo: ScanIo = {
		stat: async (uri) => {
			try {
				const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
				return stat.type & vscode.FileType.File ? { mtime: stat.mtime, size: stat.size } : undefined;
			} catch {
				return undefined;
			}
		},
		read: async (uri) => {
			try {
				return await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
			} catch {
				return undefined;
			}
		},
		analyze: (text, lexicon, key) => this.analyze(text, lexicon, key),
	};

	/**
	 * Scans a batch in the pool: local files read by the workers where they can, else read here (through
	 * vscode.workspace.fs) and sent along; without a pool (or when it fails) entirely on the host.
	 */
	private readonly scan = async (batch: ScanBatch): Promise<readonly ScanResult[] | undefined> => {
		if (this.cancelled) return undefined;
		const pool = this.pool;
		if (pool) {
			try {
				if (pool.readsLocalFiles && batch.files.every((file) => file.uri.startsWith('file:'))) return await pool.scan(batch);
				const files = await prefetchBatch(batch, this.hostIo);
				if (this.cancelled) return undefined;
				return await pool.scan(batch, files);
			} catch (error) {
				this.dropPool(error);
			}
		}
		return scanBatch(batch, this.hostIo);
	};

	/** Starts (or queues) a full build; `force` reads every file again. Resolves when the index is complete. */
	rebuild(force = false): Promise<void> {
		this.forceRequested ||= force;
		if (this.building) {
			this.rebuildRequested = true;
			return this.building;
		}
		const forced = this.forceRequested;
		this.forceRequested = false;
		this.building = this.build(forced).finally(() => {
			this.building = undefined;
			if (this.rebuildRequested && !this.cancelled) {
				this.rebuildRequested = false;
				void this.rebuild();
			}
		});
		// The workers load their code while the cache is read and VS Code searches the folder (they scan every file);
		// after build() has counted the pool's workers, so that its report counts these. Not while a cache is being
		// served: on two cores their start would compete with it (they start after it, see build()).
		if (!this.servingCache) this.pool?.prestart?.();
		return this.building;
	}

	/** Resolves when no build is running. */
	async whenReady(): Promise<void> {
		while (this.building) await this.building;
	}

	private async build(force: boolean): Promise<void> {
		this.indexing = true;
		this.updateEmitter.fire();
		let lastProgressEvent = Date.now();
		const started = Date.now();
		const longestBefore = this.stats.longestMs;
		this.stats.longestMs = 0;
		let progressMessage = '';
		let finish: () => void = () => undefined;
		const finished = new Promise<void>((resolve) => (finish = resolve));
		// Progress only for a build that lasts: a warm start of a few hundred milliseconds should not flash one.
		let progress: Thenable<void> | undefined;
		const progressTimer = setTimeout(() => {
			progress = vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Seed: indexing entities' }, async (report) => {
				report.report({ message: progressMessage });
				const timer = setInterval(() => report.report({ message: progressMessage }), 250);
				await finished;
				clearInterval(timer);
			});
		}, progressAfterMs);
		let counts: ScanCounts | undefined;
		let startup: IndexStartup = { hostMs: 0, knowledgeMs: 0, cacheMs: 0, servedMs: 0, served: 0, servedAt: 0, foundMs: 0, listedBy: 'worker' };
		// The start's own slices, counted apart (and into the longest slice of the build afterwards).
		const startStats: SliceStats = { longestMs: 0, slices: 0, totalMs: 0 };
		let files = 0;
		const where = this.pool ? 'workers' : 'host';
		const poolBefore = { files: this.pool?.stats.files ?? 0, started: this.pool?.stats.started ?? 0 };
		let releaseWorkers = (): void => undefined;
		try {
			// news-entities.json, the cache and VS Code's file search, all asked at once: the cache is read and parsed
			// while the others answer, and its summaries serve as soon as the lexicons they were made with are known
			// (a summary of another lexicon is not served: news-entities.json changed, the file is analysed again).
			let knowledgeAt = 0;
			const knowledgeRead = this.knowledge.ready.then(() => (knowledgeAt = Date.now()));
			let cacheAt = started;
			const cacheRead = this.cacheLoaded ? undefined : this.loadCache(startStats).then(() => (cacheAt = Date.now()));
			this.cacheLoaded = true;
			// The files: listed by a worker for local folders (exactly what VS Code's findFiles('**/*.txt') would list,
			// without its ripgrep processes competing with the worker for the cores), once the cache is served if there is
			// one (read at once above: `servingCache`); VS Code's file search for other folders, or when the listing fails.
			let foundAt = 0;
			let listedBy: 'worker' | 'search' = 'worker';
			const cacheServed = this.servingCache ? new Promise<void>((resolve) => (releaseWorkers = resolve)) : Promise.resolve();
			// Other features' jobs (the claims' listing at activation) wait too.
			if (this.servingCache) this.pool?.holdUntil?.(cacheServed);
			const listing = this.listingPlan();
			const search = (): Promise<string[] | undefined> => {
				listedBy = 'search';
				return Promise.resolve(vscode.workspace.findFiles('**/*.txt')).then((found) => runSliced(urisSortedSteps(uriStrings(found)), { ...hostSlicer(), isCancelled: () => this.cancelled }, applyBudgetMs, this.stats));
			};
			const found = (listing ? cacheServed.then(() => {
				this.pool?.prestart?.();
				return this.listFolders(listing);
			}).then((listed) => listed ?? search()) : search()).then((uris) => {
				foundAt = Date.now();
				return uris;
			});
			// Not rejected before it is awaited below (a failed search is the build's failure, as before).
			void found.catch(() => undefined);
			let served = 0;
			let servedAt = 0;
			if (cacheRead) {
				await cacheRead;
				// The thread back first: the cache's last slice ended just now, in this same turn of the event loop.
				await hostSlicer().yieldNow();
				// A second start: the cached index serves before the files are listed; the files listed then confirm it
				// (stat), or correct it. The reverse index stored with the cache is the index at once, as soon as the cache
				// is read, if every summary in it was made with the lexicon known for its file (none before
				// news-entities.json is read: if that file is there but has not been read yet, it is loaded after it; if it
				// appeared since the cache was written, the check corrects it).
				const snapshot = this.snapshot;
				this.snapshot = undefined;
				// A cache opened at its end: the stored index serves before the files' lines are parsed (they follow).
				const lines = this.cacheLines;
				this.cacheLines = undefined;
				const load = async (): Promise<number> => (snapshot && (await runSliced(this.updater.loadSnapshotSteps(snapshot, lines !== undefined), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, startStats))) || 0;
				const release = (): void => {
					this.servingCache = false;
					releaseWorkers();
				};
				served = await load();
				if (served) {
					servedAt = Date.now();
					this.updateEmitter.fire();
					// Served: the workers may start (and list the folders) while the rest of the cache is read.
					release();
				}
				await knowledgeRead;
				// Else with the lexicons: the stored reverse index, or the summaries of this lexicon one by one.
				if (!served) served = await load();
				if (lines) {
					// The files' lines, checked against the stored index (their stamps are what the check below compares).
					const read = await runSliced(lines.filesSteps(), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, startStats);
					if (!read) return;
					await runSliced(this.updater.useCacheSteps(read.files), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, startStats);
					if (!read.intact && served) {
						// A line damaged or disagreeing with the stored index: the index is made from the intact summaries instead.
						this.log.warn('entity index: the cache is damaged: its stored index is dropped, and its intact summaries are served one by one');
						this.index.clear();
						served = 0;
						servedAt = 0;
					}
				}
				if (!served) served = (await runSliced(this.updater.adoptCachedSteps(this.updater.cachedUris()), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, startStats)) ?? 0;
				if (served && !servedAt) {
					servedAt = Date.now();
					this.updateEmitter.fire();
				}
			}
			await knowledgeRead;
			servedAt ||= Date.now();
			this.servingCache = false;
			releaseWorkers();
			const uris = await found;
			if (!uris) return;
			const searchedAt = Date.now();
			// The host's latency is measured from here: what came before (activation, other extensions starting) is not
			// the index's doing; the cache's slices count in the longest slice.
			this.probe.start();
			this.stats.longestMs = Math.max(this.stats.longestMs, startStats.longestMs);
			this.stats.slices += startStats.slices;
			startup = { hostMs: Math.round(startStats.totalMs ?? 0), knowledgeMs: knowledgeAt - started, cacheMs: cacheAt - started, servedMs: servedAt - started, served, servedAt, foundMs: foundAt - started, listedBy };
			// Where a slow start goes: the user's entity knowledge, the cache, the listing (all from the start).
			this.log.info(`entity index: news-entities.json read after ${startup.knowledgeMs} ms, the cache after ${startup.cacheMs} ms, ${served} summaries served after ${startup.servedMs} ms, ${uris.length} .txt files ${listedBy === 'worker' ? `listed by the ${this.pool?.kind ?? 'worker'}` : "found by VS Code's file search"} after ${startup.foundMs} ms (${searchedAt - started} ms in all; the start's own steps held the thread ${startup.hostMs} ms in ${startStats.slices} slices, the longest ${startStats.longestMs.toFixed(1)} ms)`);
			const workers = this.pool?.size ?? 1;
			const scanOptions = (total: number, batchSize: number): ScanAllOptions => ({
				force,
				batchSize,
				concurrency: workers * 2,
				isCancelled: () => this.cancelled,
				apply: (steps) => runSliced(steps, { ...hostSlicer(), isCancelled: () => this.cancelled }, applyBudgetMs, this.stats),
				onProgress: (done) => {
					progressMessage = `${done}/${total} articles`;
					if (Date.now() - lastProgressEvent >= progressEventMs) {
						lastProgressEvent = Date.now();
						this.updateEmitter.fire();
					}
				},
			});
			// Larger batches when most files are only stat'ed (a warm start), smaller ones to spread analysis.
			const batchFor = (cached: number, total: number): number => (cached > total / 2 && !force ? 256 : 24);
			files = uris.length;
			const readThere = this.pool?.readsLocalFiles && uris.every((uri) => uri.startsWith('file:'));
			if (this.pool) this.log.info(`entity index: ${uris.length} files, ${readThere ? 'read and analysed' : 'read on the extension host and analysed'} in ${this.pool.size} ${this.pool.kind}${this.pool.size === 1 ? '' : 's'}${force ? ' (rebuild: every file read again)' : ''}`);
			else this.log.info(`entity index: ${uris.length} files analysed on the extension host in slices: ${this.poolLost ?? 'no worker pool'}`);
			// A second start: the cached summaries serve at once, while the workers stat every file.
			const adopted = await runSliced(this.updater.adoptCachedSteps(uris), { ...hostSlicer(), isCancelled: () => this.cancelled }, applyBudgetMs, this.stats);
			if (adopted) this.updateEmitter.fire();
			progressMessage = `0/${uris.length} articles`;
			// Then the index keeps exactly the files listed (not partial): files gone or now excluded are dropped.
			counts = await this.updater.scanAll(uris, this.scan, scanOptions(uris.length, batchFor(adopted ?? 0, uris.length)));
			if (!counts) return;
			this.scheduleSave();
		} finally {
			this.servingCache = false;
			releaseWorkers();
			clearTimeout(progressTimer);
			finish();
			await progress;
			const host = this.probe.stop();
			this.indexing = false;
			this.lastBuildMs = Date.now() - started;
			this.builds++;
			const longestSliceMs = this.stats.longestMs;
			this.stats.longestMs = Math.max(longestBefore, longestSliceMs);
			const actual = this.pool ? where : 'host';
			const workerFiles = (this.pool?.stats.files ?? poolBefore.files) - poolBefore.files;
			const workersStarted = (this.pool?.stats.started ?? poolBefore.started) - poolBefore.started;
			this.lastBuild = { articles: this.index.size, files, ms: this.lastBuildMs, where: actual, reason: actual === 'host' ? this.poolLost : undefined, counts, host, longestSliceMs, workerFiles, workersStarted, startup };
			if (counts) {
				this.log.info(`entity index: ${this.index.size} articles in ${this.lastBuildMs} ms (${counts.analysed} analysed ${actual === 'workers' ? 'in workers' : 'on the host'}, ${counts.unchanged} unchanged, ${counts.same} read again unchanged, ${counts.notSeed} not seeds, ${counts.gone} gone); longest stall of the extension host ${host.maxLatenessMs.toFixed(0)} ms (${(host.worstAtMs / 1000).toFixed(1)} s into the build), ${host.over50Ms} over 50 ms`);
			} else if (!this.cancelled) {
				this.log.info(`entity index: build stopped after ${this.lastBuildMs} ms`);
			}
			this.updateEmitter.fire();
		}
	}

	/** What the worker needs to list the `.txt` files of every workspace folder (see localListingPlan), or undefined when it cannot. */
	private listingPlan(): FolderListingRequest[] | undefined {
		return localListingPlan(this.pool);
	}

	/**
	 * The `.txt` files of the workspace folders as the worker lists them (URIs formatted as VS Code's file search
	 * formats them, sorted), or undefined when the listing failed (the build then asks VS Code's file search).
	 */
	private async listFolders(plan: readonly FolderListingRequest[]): Promise<string[] | undefined> {
		const pool = this.pool;
		if (!pool) return undefined;
		let found: (() => Generator<string>) | undefined;
		try {
			found = await listedFileUris(pool, plan);
		} catch (error) {
			this.log.warn(`entity index: the ${pool.kind} could not list the folders (${error instanceof Error ? error.message : String(error)}); asking VS Code's file search`);
			return undefined;
		}
		if (!found || this.cancelled) return undefined;
		// In the start's longer slices: each yield waits a turn behind every other extension starting (8 ms slices took
		// 0.7 s of wall time for 6,376 URIs at load 9).
		return runSliced(urisSortedSteps(found()), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, this.stats);
	}

	/** The files the worker lists now, as a build lists them (URIs, sorted), or undefined where it cannot list. */
	async listNow(): Promise<string[] | undefined> {
		const plan = this.listingPlan();
		return plan && this.listFolders(plan);
	}

	/** How long the last full build took (wall clock), for diagnostics and tests. */
	lastBuildMs = 0;

	private queue(uri: vscode.Uri): void {
		this.pending.add(uri.toString());
		clearTimeout(this.pendingTimer);
		this.pendingTimer = setTimeout(() => void this.flush(), 300);
	}

	/**
	 * Forgets the files and folders deleted, those of one turn of the event loop together: the watcher reports a batch
	 * of deletions (every file of `rm *.txt`) one event each, and forgetting them one by one costs each name's file
	 * list once per file (quadratic); together, once.
	 */
	private forgetDeleted(uri: vscode.Uri): void {
		if (this.deleted.push(uri.toString()) > 1) return;
		queueMicrotask(() => {
			const uris = this.deleted;
			this.deleted = [];
			this.updater.forgetTrees(uris);
			this.scheduleSave();
			this.updateEmitter.fire();
		});
	}

	private async flush(): Promise<void> {
		await this.whenReady();
		const uris = [...this.pending];
		this.pending.clear();
		// Read again even when the stamp looks unchanged: an edit within the file system's time resolution that
		// keeps the size would otherwise go unseen. Unchanged texts keep their summaries (content hash).
		await this.updater.scanAll(uris, this.scan, {
			force: true,
			partial: true,
			batchSize: 24,
			concurrency: (this.pool?.size ?? 1) * 2,
			isCancelled: () => this.cancelled,
			apply: (steps) => runSliced(steps, { ...hostSlicer(), isCancelled: () => this.cancelled }, applyBudgetMs, this.stats),
		});
		if (this.cancelled) return;
		this.scheduleSave();
		this.updateEmitter.fire();
	}

	private cacheUri(): vscode.Uri | undefined {
		return this.storage && vscode.Uri.joinPath(this.storage, cacheFileName);
	}

	/** Reads the cache, parsing it in slices (recorded in `stats`); a missing, foreign or damaged cache is empty. */
	private async loadCache(stats: SliceStats): Promise<void> {
		const uri = this.cacheUri();
		let bytes: Uint8Array | undefined;
		try {
			if (uri?.scheme === 'file' && this.readLocalNow) {
				try {
					bytes = this.readLocalNow(uri.fsPath);
				} catch {
					bytes = await vscode.workspace.fs.readFile(uri);
				}
				if (!bytes) throw new Error('no cache');
				this.servingCache = true;
			} else if (uri) {
				bytes = await vscode.workspace.fs.readFile(uri);
			}
		} catch {
			// No cache of this format yet: drop those of earlier formats, if any.
			const storage = this.storage;
			if (storage) for (const name of oldCacheFileNames) void Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(storage, name))).catch(() => undefined);
		}
		if (bytes) {
			// Opened at its end (the stored index, its summaries parsed when used and its lines after serving it), or
			// else read, parsed and put into the key lookup as one run of steps (no stored index, or a damaged cache).
			const opened = await runSliced(openIndexCacheSteps(bytes), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, stats);
			if (opened) {
				this.snapshot = opened.snapshot;
				this.cacheLines = opened;
				return;
			}
			const updater = this.updater;
			this.snapshot = await runSliced((function* () {
				const { files, snapshot } = yield* readIndexCacheContentsSteps(bytes);
				yield* updater.useCacheSteps(files);
				return snapshot;
			})(), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, stats);
			return;
		}
		await this.loadSharedCaches(stats);
	}

	/**
	 * A first start in this workspace: the caches `news-seed index` built (newsSeed.entityIndex.sharedCache in each
	 * folder) offer their summaries by content hash: every file is still read and hashed (in the workers), and only
	 * files whose text changed since are analysed. Entries name files by their path in the folder; they are only
	 * compared with the files found, never used to read anything.
	 */
	private async loadSharedCaches(stats: SliceStats): Promise<void> {
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const setting = vscode.workspace.getConfiguration('newsSeed', folder.uri).get<string>('entityIndex.sharedCache', '');
			if (!setting) continue;
			const shared = /^(\/|[a-zA-Z]:[\\/])/.test(setting) ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
			let bytes: Uint8Array;
			try {
				bytes = await vscode.workspace.fs.readFile(shared);
			} catch {
				continue;
			}
			const files = await runSliced(readIndexCacheSteps(bytes), { ...hostSlicer(), isCancelled: () => this.cancelled }, startBudgetMs, stats);
			if (!files) return;
			const offered = this.updater.useSharedCache(files.values(), (relative) => vscode.Uri.joinPath(folder.uri, relative).toString());
			this.log.info(`entity index: shared cache ${shared.fsPath}: ${offered} summaries offered (each used only if its file's text has the same content hash)`);
		}
	}


	private scheduleSave(): void {
		clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => void this.save(), 1000);
	}

	/** Writes the entries of the files known now (files gone are dropped), serialised in slices, when anything changed. */
	private async save(): Promise<void> {
		const uri = this.cacheUri();
		if (!uri || !this.storage || this.cancelled || !this.updater.dirty) return;
		if (this.building) {
			this.scheduleSave();
			return;
		}
		const reason = this.updater.dirtyReason;
		this.updater.markSaved();
		const bytes = await runSliced(writeIndexCacheSteps(this.updater.cacheEntries(), this.index), { ...hostSlicer(), isCancelled: () => this.cancelled }, applyBudgetMs, this.stats);
		if (bytes === undefined) return;
		try {
			await vscode.workspace.fs.createDirectory(this.storage);
			await vscode.workspace.fs.writeFile(uri, bytes);
			this.saves++;
			this.log.info(`entity index: cache written (${bytes.length} bytes; first change since the last save: ${reason ?? 'none'})`);
		} catch {
			// A cache that cannot be written only costs time at the next start.
		}
	}
}
