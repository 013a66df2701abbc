import * as vscode from 'vscode';
import { runSliced, type SliceStats } from '../../core/entities/articleEntities';
import { readIndexCacheSteps, writeIndexCacheSteps } from '../../core/entities/indexCacheFormat';
import { WorkspaceEntityIndex } from '../../core/entities/workspaceEntityIndex';
import { analyzeInSlices, WorkspaceIndexUpdater, type AnalyzeForIndex } from '../../core/entities/workspaceIndexUpdater';
import { Disposable } from '../dispose';
import { hostSlicer, sliceBudgetMs } from './articleEntitiesCache';
import type { EntityKnowledgeStore } from './knowledgeStore';

const cacheFileName = 'entity-index.v3.jsonl';

/** A build still running after this long is shown as a notification (shorter ones only in the status bar). */
const notifyAfterMs = 2000;

/** The file name part of a URI, for labels. */
export function baseName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function baseNameOf(uri: string): string {
	return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Analysis somewhere else than the extension host's thread (a worker pool); `dispose` ends it. */
export interface OffThreadAnalyzer extends vscode.Disposable {
	readonly analyze: AnalyzeForIndex;
}

/**
 * The workspace index of every seed file's entities, built in the background with a progress indicator (the
 * status bar; a notification when the build lasts longer than two seconds). Analysis runs in `offThread` (a
 * worker pool) when given, else on the extension host in slices (never more than ~15 ms without yielding; the
 * slices are measured in `stats`). The cache in the extension's storage (through vscode.workspace.fs) records each
 * file's size and modification time with its summary, so a second start only stats the files.
 * Scenarios: activation -> build (cache read once, then every .txt stat'ed, changed ones read, new texts
 * analysed); a .txt created/changed on disk (FileSystemWatcher) -> that file read again and re-indexed; deleted ->
 * dropped; dropped (a deleted folder: all its files); news-entities.json changed -> build again (summaries of the same texts with the same lexicon are
 * reused, unchanged files are not read); `newsSeed.entities.rebuildIndex` -> every file read again (summaries of
 * unchanged texts still reused by content hash). The cache is written a second after the last change, only if
 * something changed.
 */
export class WorkspaceIndexService extends Disposable {
	readonly index = new WorkspaceEntityIndex();
	readonly stats: SliceStats = { longestMs: 0, slices: 0 };
	private readonly updater: WorkspaceIndexUpdater;
	private cacheLoaded = false;
	private building: Promise<void> | undefined;
	private rebuildRequested = false;
	private forceRequested = false;
	private readonly pending = new Set<string>();
	private pendingTimer: ReturnType<typeof setTimeout> | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private cancelled = false;
	private readonly updateEmitter = this._register(new vscode.EventEmitter<void>());
	/** Fires after the index changed (a build finished, or files were re-indexed). */
	readonly onDidUpdate = this.updateEmitter.event;
	/** Whether a full build is running. */
	indexing = false;

	constructor(private readonly storage: vscode.Uri | undefined, private readonly knowledge: EntityKnowledgeStore, offThread?: OffThreadAnalyzer) {
		super();
		const onThread = analyzeInSlices({ ...hostSlicer(), isCancelled: () => this.cancelled }, sliceBudgetMs, this.stats);
		// A worker pool that fails (no worker_threads in this host, a missing script) is dropped for the session.
		let pool = offThread;
		const analyze: AnalyzeForIndex = async (text, lexicon, key) => {
			if (this.cancelled) return undefined;
			if (pool) {
				try {
					return await pool.analyze(text, lexicon, key);
				} catch {
					pool = undefined;
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
			analyze,
			lexiconFor: (uri) => this.knowledge.lexiconFor(vscode.Uri.parse(uri)),
			baseName: baseNameOf,
		});
		if (offThread) this._register(offThread);
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.txt'));
		this._register(watcher.onDidCreate((uri) => this.queue(uri)));
		this._register(watcher.onDidChange((uri) => this.queue(uri)));
		this._register(watcher.onDidDelete((uri) => {
			this.updater.forgetTree(uri.toString());
			this.scheduleSave();
			this.updateEmitter.fire();
		}));
		this._register(knowledge.onDidChange(() => void this.rebuild()));
		this._register({
			dispose: () => {
				this.cancelled = true;
				clearTimeout(this.pendingTimer);
				clearTimeout(this.saveTimer);
			},
		});
	}

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
		return this.building;
	}

	/** Resolves when no build is running. */
	async whenReady(): Promise<void> {
		while (this.building) await this.building;
	}

	private async build(force: boolean): Promise<void> {
		this.indexing = true;
		const started = Date.now();
		let notification: Promise<void> | undefined;
		let progressMessage = '';
		let finish: () => void = () => undefined;
		const finished = new Promise<void>((resolve) => (finish = resolve));
		// The notification only for a long build: a warm start of a few hundred milliseconds should not flash one.
		const notifyTimer = setTimeout(() => {
			notification = Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'News Seed: indexing entities' }, async (progress) => {
				progress.report({ message: progressMessage });
				const timer = setInterval(() => progress.report({ message: progressMessage }), 500);
				await finished;
				clearInterval(timer);
			}));
		}, notifyAfterMs);
		try {
			await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Seed: indexing entities' }, async (progress) => {
				await this.knowledge.ready;
				if (!this.cacheLoaded) {
					this.cacheLoaded = true;
					await this.loadCache();
				}
				if (force) this.updater.forgetStamps();
				const files = await vscode.workspace.findFiles('**/*.txt');
				const uris = files.map((uri) => uri.toString());
				// A second start: the cached summaries serve at once, while every file is stat'ed below.
				const adopted = await runSliced(this.updater.adoptCachedSteps(uris), { ...hostSlicer(), isCancelled: () => this.cancelled }, sliceBudgetMs, this.stats);
				if (adopted) this.updateEmitter.fire();
				await this.updater.updateAll(uris, {
					concurrency: 16,
					isCancelled: () => this.cancelled,
					onProgress: (done) => {
						progressMessage = `${done}/${uris.length} files`;
						if (done % 100 === 0 || done === uris.length) progress.report({ message: progressMessage });
					},
				});
				this.scheduleSave();
			});
		} finally {
			clearTimeout(notifyTimer);
			finish();
			await notification;
			this.indexing = false;
			this.lastBuildMs = Date.now() - started;
			this.updateEmitter.fire();
		}
	}

	/** How long the last full build took (wall clock), for diagnostics and tests. */
	lastBuildMs = 0;

	private queue(uri: vscode.Uri): void {
		this.pending.add(uri.toString());
		clearTimeout(this.pendingTimer);
		this.pendingTimer = setTimeout(() => void this.flush(), 300);
	}

	private async flush(): Promise<void> {
		await this.whenReady();
		const uris = [...this.pending];
		this.pending.clear();
		for (const uri of uris) {
			if (this.cancelled) return;
			await this.updater.update(uri, true);
		}
		this.scheduleSave();
		this.updateEmitter.fire();
	}

	private cacheUri(): vscode.Uri | undefined {
		return this.storage && vscode.Uri.joinPath(this.storage, cacheFileName);
	}

	/** Reads the cache, parsing it in slices; a missing, foreign or damaged cache is empty. */
	private async loadCache(): Promise<void> {
		const uri = this.cacheUri();
		if (!uri) return;
		let bytes: Uint8Array;
		try {
			bytes = await vscode.workspace.fs.readFile(uri);
		} catch {
			// No cache of this format yet: drop the one of the first format, if any (15 MB of summaries nobody reads).
			if (this.storage) void Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.storage, 'entity-index.jsonl'))).catch(() => undefined);
			return;
		}
		const files = await runSliced(readIndexCacheSteps(bytes), { ...hostSlicer(), isCancelled: () => this.cancelled }, sliceBudgetMs, this.stats);
		if (files) this.updater.useCache(files);
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
		this.updater.markSaved();
		const bytes = await runSliced(writeIndexCacheSteps(this.updater.cacheEntries()), { ...hostSlicer(), isCancelled: () => this.cancelled }, sliceBudgetMs, this.stats);
		if (bytes === undefined) return;
		try {
			await vscode.workspace.fs.createDirectory(this.storage);
			await vscode.workspace.fs.writeFile(uri, bytes);
		} catch {
			// A cache that cannot be written only costs time at the next start.
		}
	}
}
