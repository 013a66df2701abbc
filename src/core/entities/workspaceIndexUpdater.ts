/**
 * Keeping the workspace entity index current from files and the cache: stamps compared first, texts hashed,
 * summaries reused by content hash, only new texts analysed (on the host's thread in slices, or in a worker).
 */
import { runSliced, type SliceHost, type SliceStats } from './articleEntities';
import type { UserLexicon } from './index';
import { CacheLineBytes, parseIndexCacheLineAsBytes, type CachedFile, type FileStamp } from './indexCacheFormat';
import type { ScanBatch, ScanFiles, ScanRequest, ScanResult } from './indexScan';
import { contentHash, forEachEntityName, indexFormatVersion, lexiconHash, summarizeArticleSteps, type IndexedArticle } from './indexedArticle';
import { isSeedFileName, startsWithDateline } from '../seed/seedRecognition';
import type { IndexSnapshot, WorkspaceEntityIndex } from './workspaceEntityIndex';
import { drainSteps } from '../text/steps';

/** Cache entries put into the key lookup per step at start-up (well under a millisecond). */
const useCachePerStep = 1_000;
/** Entities put into the reverse index per step when cached summaries are served (about a millisecond compiled). */
const adoptEntitiesPerStep = 200;

/** The host's file access, asynchronous (in the extension, vscode.workspace.fs). Both answer undefined for a file gone. */
export interface IndexFiles {
	stat(uri: string): Promise<FileStamp | undefined>;
	read(uri: string): Promise<string | undefined>;
}

/** Where analysis runs: on the host's thread in slices, or in a worker. Undefined when cancelled. */
export type AnalyzeForIndex = (text: string, lexicon: UserLexicon | undefined, key: string) => Promise<IndexedArticle | undefined>;

/**
 * Analysis on the host's own thread, in slices: one text at a time (however many files are read concurrently),
 * each started after a yield. `runSliced` bounds the stretch of one run; several runs started in the same turn
 * of the event loop (file reads completing together) would otherwise chain their first slices into one long one.
 */
export function analyzeInSlices(host: SliceHost, budgetMs: number, stats?: SliceStats): AnalyzeForIndex {
	let queue: Promise<unknown> = Promise.resolve();
	return (text, lexicon, key) => {
		const run = queue.then(async () => {
			await host.yieldNow();
			return runSliced(summarizeArticleSteps(text, lexicon, key), host, budgetMs, stats);
		});
		queue = run.catch(() => undefined);
		return run;
	};
}

/** What the updater needs from its host. `baseName` is the file name part of a URI. */
export interface IndexUpdaterHost {
	readonly files: IndexFiles;
	readonly analyze: AnalyzeForIndex;
	lexiconFor(uri: string): UserLexicon | undefined;
	baseName(uri: string): string;
}

/** Options of {@link WorkspaceIndexUpdater.scanAll}. `apply` runs the host's steps (in the extension, in slices). */
export interface ScanAllOptions {
	readonly apply: (steps: Generator<void, void>) => Promise<unknown>;
	readonly force?: boolean;
	/** Only these files changed (a watcher's report): files not listed are kept. */
	readonly partial?: boolean;
	readonly batchSize?: number;
	readonly concurrency?: number;
	readonly isCancelled?: () => boolean;
	readonly onProgress?: (done: number) => void;
}

/** How many files of a {@link WorkspaceIndexUpdater.scanAll} ended which way. */
export interface ScanCounts {
	unchanged: number;
	same: number;
	analysed: number;
	notSeed: number;
	gone: number;
}

/** How one file was brought up to date. */
export type IndexOutcome = 'unchanged' | 'cached' | 'analysed' | 'not-seed' | 'gone' | 'cancelled';

/**
 * Keeps a {@link WorkspaceEntityIndex} current from files and a cache. Per file: the stamp (size, mtime) is
 * compared with the cached one first, so an unchanged file is not even read; a read file is hashed and its
 * summary reused when the same text (under any name) was analysed with the same lexicon; only new texts are
 * analysed. Invariant: `files` holds a cache entry for every file indexed (and every `.txt` known not to be a
 * seed), each with the stamp its summary was made from.
 */
export class WorkspaceIndexUpdater {
	private files = new Map<string, CachedFile>();
	private byKey = new Map<string, IndexedArticle>();
	/** Keys of summaries offered by a shared cache, by file: used only when the file's text has that key. */
	private sharedKeys = new Map<string, string>();
	private readonly lexiconHashes = new WeakMap<UserLexicon, string>();
	/** The workers' answers' lines, kept as bytes. */
	private readonly lineBytes = new CacheLineBytes();
	/** Whether the cache entries changed since {@link markSaved}. */
	dirty = false;
	/** The first change since {@link markSaved}, for the log (why the cache is written again). */
	dirtyReason: string | undefined;

	constructor(readonly index: WorkspaceEntityIndex, private readonly host: IndexUpdaterHost) {}

	/** Adopts cache entries read at start-up (they only serve lookups; the index is filled by {@link update}). */
	useCache(files: Map<string, CachedFile>): void {
		drainSteps(this.useCacheSteps(files));
	}

	/** {@link useCache} as steps (see `runSliced`): the key lookup of thousands of entries is filled a batch per step. */
	*useCacheSteps(files: Map<string, CachedFile>): Generator<void, void> {
		this.files = files;
		this.byKey = new Map();
		let done = 0;
		for (const file of files.values()) {
			if (file.article) this.byKey.set(file.article.key, file.article);
			if (++done % useCachePerStep === 0) yield;
		}
	}

	/**
	 * Offers the summaries of a shared cache (`news-seed index`, built elsewhere: other paths, other times): each
	 * entry's path is mapped by `resolve` to a URI of this workspace, and its summary is used only when that file's
	 * text has the entry's content hash (the file is read and hashed; a stale entry is analysed anew, never
	 * trusted). Returns how many entries were offered.
	 */
	useSharedCache(files: Iterable<CachedFile>, resolve: (uri: string) => string | undefined): number {
		let offered = 0;
		for (const file of files) {
			const uri = file.article && resolve(file.uri);
			if (!file.article || uri === undefined) continue;
			this.byKey.set(file.article.key, file.article);
			this.sharedKeys.set(uri, file.article.key);
			offered++;
		}
		return offered;
	}

	get hasCache(): boolean {
		return this.files.size > 0;
	}

	private lexiconKey(lexicon: UserLexicon | undefined): string {
		if (!lexicon) return '';
		let hash = this.lexiconHashes.get(lexicon);
		if (hash === undefined) {
			hash = lexiconHash(lexicon);
			this.lexiconHashes.set(lexicon, hash);
		}
		return hash;
	}

	/**
	 * Brings one file up to date. `force` reads it even when its stamp is unchanged (a watcher said it changed:
	 * an edit within the file system's time resolution that keeps the size would otherwise go unseen).
	 */
	async update(uri: string, force = false): Promise<IndexOutcome> {
		const lexicon = this.host.lexiconFor(uri);
		const lexKey = this.lexiconKey(lexicon);
		const cached = this.files.get(uri);
		const stamp = await this.host.files.stat(uri);
		if (!stamp) return this.forget(uri);
		if (!force && cached && cached.stamp.mtime === stamp.mtime && cached.stamp.size === stamp.size) {
			if (!cached.article) {
				this.index.delete(uri);
				return 'not-seed';
			}
			const [version, hash, oldLex] = cached.article.key.split(':');
			if (oldLex === lexKey) {
				this.index.set(uri, cached.article);
				return 'unchanged';
			}
			// Same text, other lexicon: a summary made with this lexicon may exist already.
			const other = this.byKey.get(`${version}:${hash}:${lexKey}`);
			if (other) {
				this.remember({ uri, stamp, article: other });
				return 'cached';
			}
		}
		let text = await this.host.files.read(uri);
		if (text === undefined) return this.forget(uri);
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		if (!isSeedFileName(this.host.baseName(uri)) && !startsWithDateline(text.slice(0, 200))) {
			this.index.delete(uri);
			this.remember({ uri, stamp, article: undefined });
			return 'not-seed';
		}
		const key = `${indexFormatVersion}:${contentHash(text)}:${lexKey}`;
		const known = this.byKey.get(key);
		if (known) {
			this.remember({ uri, stamp, article: known });
			return 'cached';
		}
		const article = await this.host.analyze(text, lexicon, key);
		if (!article) return 'cancelled';
		this.remember({ uri, stamp, article });
		return 'analysed';
	}

	private remember(file: CachedFile): void {
		const old = this.files.get(file.uri);
		if (!old || old.article !== file.article || old.stamp.mtime !== file.stamp.mtime || old.stamp.size !== file.stamp.size) {
			this.markDirty(`${file.uri}: ${!old ? 'new' : old.article !== file.article ? 'another summary' : `stamp ${old.stamp.mtime}/${old.stamp.size} -> ${file.stamp.mtime}/${file.stamp.size}`}`);
		}
		this.files.set(file.uri, file);
		if (file.article) {
			this.byKey.set(file.article.key, file.article);
			this.index.set(file.uri, file.article);
		}
	}

	/** Drops a file that is gone (deleted, unreadable). */
	forget(uri: string): 'gone' {
		this.index.delete(uri);
		if (this.files.delete(uri)) this.markDirty(`${uri}: gone`);
		return 'gone';
	}

	/** Drops files that are gone, all at once (each name's file list rewritten once: see WorkspaceEntityIndex.deleteMany). */
	forgetAll(uris: Iterable<string>): void {
		const gone = [...uris];
		this.index.deleteMany(gone);
		for (const uri of gone) if (this.files.delete(uri)) this.markDirty(`${uri}: gone`);
	}

	/** Drops a file or a folder that was deleted: a watcher reports a deleted folder once, not each of its files. */
	forgetTree(uri: string): void {
		this.forgetTrees([uri]);
	}

	/**
	 * Drops files and folders that were deleted, together. A URI the index knows as a file is no folder: only the
	 * others are looked for as folders (a pass over every file), so n files deleted one event each cost O(n) in all.
	 */
	forgetTrees(uris: readonly string[]): void {
		const gone = new Set(uris);
		const folders = uris.filter((uri) => !this.files.has(uri) && this.index.get(uri) === undefined).map((uri) => (uri.endsWith('/') ? uri : `${uri}/`));
		if (folders.length > 0) {
			const inFolder = (known: string): boolean => folders.some((prefix) => known.startsWith(prefix));
			for (const known of this.files.keys()) if (inFolder(known)) gone.add(known);
			for (const known of this.index.uris()) if (inFolder(known)) gone.add(known);
		}
		this.forgetAll(gone);
	}

	/** The files the loaded cache has summaries of (a second start serves them before the folder is listed). */
	cachedUris(): string[] {
		return [...this.files.keys()];
	}

	/**
	 * Puts every listed file the cache knows (made with the lexicon it has now) into the index at once, as steps
	 * (see `runSliced`): a second start has a usable index after reading the cache, before {@link updateAll} has
	 * stat'ed every file to catch the ones changed while the editor was closed. Returns how many were adopted.
	 */
	*adoptCachedSteps(uris: readonly string[]): Generator<void, number> {
		let adopted = 0;
		let entities = 0;
		let looked = 0;
		for (const uri of uris) {
			const article = this.files.get(uri)?.article;
			if (article && article.key.slice(article.key.lastIndexOf(':') + 1) === this.lexiconKey(this.host.lexiconFor(uri))) {
				adopted++;
				// Served already (the stored reverse index of a second start): nothing to do, and its entities are not
				// asked for (a summary read from the cache makes them only when a feature needs them).
				if (this.index.get(uri) === article) {
					if (++looked % useCachePerStep === 0) yield;
					continue;
				}
				this.index.set(uri, article);
				// Filling the reverse index costs by the entity: a step ends after about adoptEntitiesPerStep of them
				// (100 articles per step made steps of 10 to 25 ms in a profile, GC pauses aside).
				forEachEntityName(article, () => entities++);
				if (entities >= adoptEntitiesPerStep) {
					entities = 0;
					yield;
				}
			}
		}
		return adopted;
	}

	/**
	 * Loads the reverse index stored with the cache (see `readIndexCacheContentsSteps`) as the index, as steps (see
	 * `runSliced`): a second start's index answers as soon as the cache is read, with no index to build. Only when
	 * every summary in it was made with the lexicon its file has now (else nothing is loaded: the caller serves the
	 * summaries one by one, see {@link adoptCachedSteps}). Like them, it is then checked against the files (see
	 * {@link scanAll}: a file changed, added or deleted since is analysed, added or dropped). Returns how many were served.
	 * `linesPending`: the cache was opened at its end (`openIndexCacheSteps`) and its files are not in {@link useCacheSteps}
	 * yet (they come with the snapshot's own summaries); else each summary must be the one the files hold.
	 */
	*loadSnapshotSteps(snapshot: IndexSnapshot, linesPending = false): Generator<void, number> {
		const { uris, articles } = snapshot;
		for (let id = 0; id < uris.length; id++) {
			const key = articles[id].key;
			if (key.slice(key.lastIndexOf(':') + 1) !== this.lexiconKey(this.host.lexiconFor(uris[id])) || (!linesPending && this.files.get(uris[id])?.article !== articles[id])) return 0;
			if (id % useCachePerStep === useCachePerStep - 1) yield;
		}
		this.index.load(snapshot);
		return uris.length;
	}

	/**
	 * Updates every file of `uris` with at most `concurrency` in flight (file reads are asynchronous, and a pool of
	 * workers analyses several texts at once), then forgets files no longer listed. Stops early when cancelled.
	 */
	async updateAll(uris: readonly string[], options: { concurrency?: number; isCancelled?: () => boolean; onProgress?: (done: number) => void } = {}): Promise<void> {
		let next = 0;
		let done = 0;
		const lane = async (): Promise<void> => {
			while (next < uris.length && !options.isCancelled?.()) {
				const uri = uris[next++];
				await this.update(uri);
				options.onProgress?.(++done);
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, uris.length)) }, lane));
		if (options.isCancelled?.()) return;
		const listed = new Set(uris);
		this.forgetAll([...this.files.keys()].filter((uri) => !listed.has(uri)));
		this.index.deleteMany([...this.index.uris()].filter((uri) => !listed.has(uri)));
	}

	/**
	 * Brings every file of `uris` up to date through `scan` (a worker pool that reads, hashes and analyses next to
	 * the files, or the host), `batchSize` files per batch with at most `concurrency` batches in flight, then forgets
	 * files no longer listed. Files whose cached stamp is unchanged are only stat'ed (`force`: all are read again,
	 * summaries of unchanged texts still reused); the answers are applied on the host as steps run by `apply` (see
	 * `runSliced`), one batch after another. Returns what became of the files, or undefined when cancelled.
	 */
	async scanAll(uris: readonly string[], scan: ScanFiles, options: ScanAllOptions): Promise<ScanCounts | undefined> {
		const counts: ScanCounts = { unchanged: 0, same: 0, analysed: 0, notSeed: 0, gone: 0 };
		const batchSize = Math.max(1, options.batchSize ?? 32);
		let next = 0;
		let done = 0;
		let cancelled = false;
		let applying: Promise<unknown> = Promise.resolve();
		const nextBatch = (): ScanBatch | undefined => {
			if (next >= uris.length) return undefined;
			const files: ScanRequest[] = [];
			const lexicons: (UserLexicon | undefined)[] = [];
			for (const uri of uris.slice(next, next + batchSize)) {
				const lexicon = this.host.lexiconFor(uri);
				let at = lexicons.indexOf(lexicon);
				if (at < 0) at = lexicons.push(lexicon) - 1;
				const lexiconKey = this.lexiconKey(lexicon);
				const cached = this.files.get(uri);
				const cachedLexicon = cached?.article?.key.slice(cached.article.key.lastIndexOf(':') + 1);
				// Trust the stamp only for a summary made with this lexicon (or a file known not to be a seed).
				const stampHolds = !options.force && cached !== undefined && (cached.article === undefined || cachedLexicon === lexiconKey);
				// Read again: a summary of the same text with this lexicon, if one is known, is reused.
				const sameText = cached?.article && `${cached.article.key.slice(0, cached.article.key.lastIndexOf(':'))}:${lexiconKey}`;
				const cachedKey = sameText && this.byKey.has(sameText) ? sameText : this.sharedKeys.get(uri);
				files.push({ uri, stamp: stampHolds ? cached.stamp : undefined, cachedKey, lexicon: at, lexiconKey });
			}
			next += files.length;
			return { files, lexicons };
		};
		const lane = async (): Promise<void> => {
			for (let batch = nextBatch(); batch && !cancelled; batch = nextBatch()) {
				if (options.isCancelled?.()) break;
				const results = await scan(batch);
				if (!results) break;
				applying = applying.then(async () => {
					await options.apply(this.applyScanSteps(results, counts));
					done += results.length;
					options.onProgress?.(done);
				}).catch(() => undefined);
			}
			cancelled = true;
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, Math.ceil(uris.length / batchSize))) }, lane));
		await applying;
		if (options.isCancelled?.() || done < uris.length) return undefined;
		if (!options.partial) this.retainOnly(uris);
		return counts;
	}

	/** Forgets every file not in `uris` (the files of the workspace, as a full listing found them). */
	retainOnly(uris: readonly string[]): void {
		const listed = new Set(uris);
		this.forgetAll([...this.files.keys()].filter((uri) => !listed.has(uri)));
		this.index.deleteMany([...this.index.uris()].filter((uri) => !listed.has(uri)));
	}

	/** Applies a batch's answers to the index and the cache entries, one file per step. */
	private *applyScanSteps(results: readonly ScanResult[], counts: ScanCounts): Generator<void, void> {
		for (const result of results) {
			const { uri } = result;
			switch (result.outcome) {
				case 'unchanged': {
					const article = this.files.get(uri)?.article;
					if (article) this.index.set(uri, article);
					else this.index.delete(uri);
					counts.unchanged++;
					break;
				}
				case 'same': {
					const article = this.byKey.get(result.key);
					if (article) this.remember({ uri, stamp: result.stamp, article });
					else this.forget(uri);
					counts.same++;
					break;
				}
				case 'not-seed':
					this.index.delete(uri);
					this.remember({ uri, stamp: result.stamp, article: undefined });
					counts.notSeed++;
					break;
				case 'gone':
					this.forget(uri);
					counts.gone++;
					break;
				case 'analysed': {
					const file = parseIndexCacheLineAsBytes(result.line, this.lineBytes);
					if (file?.article) this.remember(file);
					else this.forget(uri);
					counts.analysed++;
					break;
				}
			}
			yield;
		}
	}

	/** The cache entries to save: every file known now. Rebuilds the key lookup, so summaries of files gone are freed. */
	cacheEntries(): IterableIterator<CachedFile> {
		this.byKey = new Map();
		this.sharedKeys = new Map();
		for (const file of this.files.values()) if (file.article) this.byKey.set(file.article.key, file.article);
		return this.files.values();
	}

	/**
	 * Forgets the files' stamps (a rebuild on request): every file is read and hashed again; summaries of texts
	 * already known are still reused, since their key is their content hash.
	 */
	forgetStamps(): void {
		this.files = new Map();
		this.markDirty('rebuild requested');
	}

	private markDirty(reason: string): void {
		if (!this.dirty) this.dirtyReason = reason;
		this.dirty = true;
	}

	markSaved(): void {
		this.dirty = false;
		this.dirtyReason = undefined;
	}
}
