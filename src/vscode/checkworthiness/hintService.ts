import * as vscode from 'vscode';
import { runSliced } from '../../core/entities/articleEntities';
import { selectHints } from '../../core/checkworthiness/hints';
import { BlockScoreCache, hostSliceBudgetMs, scoreBlocksIn, scoreDocument, scoreDocumentSteps, type SentenceScore } from '../../core/checkworthiness/scorer';
import { sharedClockMs, type PrescoreFile, type PrescoreResult, type ScoringClient, type WorkerWarmUp } from '../../core/checkworthiness/scoringWorker';
import type { Span, TextEdit } from '../../core/seed/seedDocument';
import { isSeedDocument, toTextEdits } from '../convert';
import { Disposable } from '../dispose';
import { hostSlicer } from '../entities/articleEntitiesCache';
import type { SeedDocumentCache } from '../seedDocumentCache';
import type { ClaimLink } from './claimLink';
import type { ScoreMemory } from './scoreMemory';
import { SliceMeter, type SliceFigures } from './sliceMeter';

/** Setting keys; the command toggles `enabled`. */
export const hintSettings = { section: 'newsSeed.checkworthiness', enabled: 'enabled', threshold: 'threshold' } as const;
/** As in package.json: higher than the model's 0.5, so that the marks stay few in fact-dense news articles. */
const DEFAULT_THRESHOLD = 0.8;
const TYPING_DEBOUNCE_MS = 150;

interface Entry {
	readonly cache: BlockScoreCache;
	/** Scores of the whole article at `version`, once the sliced run finished. */
	scores?: { readonly version: number; readonly scores: readonly SentenceScore[] };
	/** The run in progress, for this version; a newer version supersedes it. */
	running?: { readonly version: number; superseded: boolean };
	timer?: ReturnType<typeof setTimeout>;
	/** How the article's first scoring went (for the benchmark of the first article of a session). */
	readonly timing: ScoringTiming;
	/**
	 * Set once the worker holds the article's text: the edits of every change event since the last job, which
	 * the next job sends instead of the text. Cleared when the worker is out of step (the next job sends the text).
	 */
	inWorker?: { edits: TextEdit[][] };
	/**
	 * The hints of `scores` (the whole article's) at `threshold`, kept until `onDidChange` fires for the article:
	 * the marks, the Claims view and the commands read them again and again, and a 1 MB article has thousands.
	 */
	selected?: { readonly scores: readonly SentenceScore[]; readonly threshold: number; readonly hints: SentenceScore[] };
}

/**
 * How an article's first scoring went, in the host's `performance.now()` milliseconds, with the figures of the
 * first sliced run (its slices; the on-screen step is not one of them).
 */
export interface ScoringTiming extends Partial<SliceFigures> {
	/** Where the article was scored: in the check-worthiness worker thread, or on the extension host's thread in slices. */
	where?: 'worker' | 'host';
	/** When the editor first asked for the article's scores. */
	readonly startedAt: number;
	/** The longest step that scored the blocks on screen (parse included when it had not been parsed yet). */
	onScreenMs: number;
	/** The same in the thread's CPU time (desktop host). */
	onScreenCpuMs?: number;
	/** When every score was ready, after the first sliced run finished. */
	readyAt?: number;
	/**
	 * In the worker: its own time on the article (wall, and its thread's CPU); the host's time decoding the reply,
	 * and applying it (the marks drawn, the Claims view told) in the same stretch.
	 */
	workerMs?: number;
	workerCpuMs?: number;
	/** The jobs sent to the worker for the article so far: with its whole text, and with the edits since the last job only. */
	jobs?: { whole: number; edits: number };
	/** The worker's parts (wall): parse, score, encode. */
	workerParts?: { parseMs: number; scoreMs: number; encodeMs: number };
	/** How many sentences the worker scored for the first job (the others came from its caches or earlier sessions). */
	scoredSentences?: number;
	/**
	 * When the worker read and scored the article's file before the host had its text (its tab came first): whether
	 * its scores came with it (`taken`: the same text, no job sent; `beforeDocumentMs`: how long they had been here
	 * when the host had the document), else the article's job found them; the sentences scored then, its CPU, and
	 * from the prefetch's post to its start and end (ms; no end: the article's job came first and scored the rest).
	 */
	prefetch?: { taken: boolean; sentences: number; cpuMs?: number; toWorkerMs: number; doneMs?: number; beforeDocumentMs?: number };
	/** From the job's post to the worker starting it (the text's copy, the worker's queue), and from its end to the reply reaching the host. */
	toWorkerMs?: number;
	backMs?: number;
	decodeMs?: number;
	decodeCpuMs?: number;
	applyMs?: number;
	applyCpuMs?: number;
}

/** The check-worthiness scoring worker, where the host can start one, and where its messages go. */
export interface HintServiceOptions {
	/** Starts the scoring worker (a Node worker thread on the desktop, a Web Worker in the browser); may throw, and then articles are scored on the host's thread in slices. */
	readonly startWorker?: () => ScoringClient;
	/** The output channel's log: where scoring runs, and a worker's failure. */
	readonly log?: (message: string) => void;
	/** Where the worker's scores are remembered across sessions (the workspace's storage); none without. */
	readonly memory?: ScoreMemory;
}

/**
 * The files the worker reads and scores when their tab opens (bytes): smaller ones score quickly once their text
 * comes; a larger one would take longer to read than the editor takes to load it.
 */
export const prefetchBytes = { min: 32 * 1024, max: 8 * 1024 * 1024 } as const;

/** The remembered scores are written this long after the last article was scored or closed (ms). */
const REMEMBER_DELAY_MS = 2_000;
/**
 * The first article's job waits at most this long for the remembered scores being read (ms): at activation the
 * extension host's file reads can take seconds on a loaded machine (15 s was seen), longer than scoring the article.
 */
const REMEMBERED_WAIT_MS = 150;

/**
 * Check-worthiness scores and hints of the open articles.
 *
 * Where a scoring worker can start (a worker thread, a Web Worker), articles are scored there: the host sends an
 * article's text once, then only the edits of its change events, and applies the worker's replies; else on the
 * extension host's thread in slices.
 *
 * Scenarios:
 *  - article opened: with a worker, the whole article is sent to it at once ({@link ensureScored});
 *  - article shown: with a worker, it is marked when its scores come back; without, the blocks on screen are
 *    scored at once ({@link hintsIn}) and the whole article in slices of ~12 ms on the extension host's thread;
 *    `onDidChange` fires when the whole is ready;
 *  - typing: scores are cached per block text (in the worker, or here), so only the edited paragraph is
 *    rescored; 150 ms after the last keystroke the edits since the last job go to the worker (or the whole is
 *    rescored here in slices);
 *  - the worker fails or exits: the articles are scored on the host's thread from then on;
 *  - claims tagged, removed or moved, hints dismissed, settings changed: `onDidChange` fires (no rescoring);
 *  - article closed: its scores are dropped.
 */
export class HintService extends Disposable {
	private readonly entries = new Map<string, Entry>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri | undefined>());
	/** Fires with an article's URI when its hints may have changed (undefined: every article). */
	readonly onDidChange = this.changeEmitter.event;

	private worker: ScoringClient | undefined;
	/** Whether the worker may still be started (not failed, not absent on this host). */
	private workerWanted: boolean;
	/** The pending write of the remembered scores. */
	private rememberTimer: ReturnType<typeof setTimeout> | undefined;
	/** Settles once the worker took the remembered scores (or could not): background scoring waits for them. */
	private remembered: Promise<unknown> = Promise.resolve();
	/**
	 * The articles whose files the worker was asked to score before they opened, until they close (a language
	 * change, as a dateline makes a `.txt` file an article, closes and opens the document again: the scores wait).
	 */
	private readonly prefetched = new Set<string>();

	constructor(private readonly documents: SeedDocumentCache, readonly claims: ClaimLink, private readonly options: HintServiceOptions = {}) {
		super();
		this.workerWanted = options.startWorker !== undefined;
		this._register({ dispose: () => this.entries.forEach((e) => this.stop(e)) });
		this._register({ dispose: () => this.stopWorker() });
		this._register({ dispose: () => clearTimeout(this.rememberTimer) });
		this._register(documents.onDidChange((document) => this.onEdited(document)));
		// Every change event of an article the worker holds, in order: the next job sends these edits.
		this._register(vscode.workspace.onDidChangeTextDocument((event) => {
			const entry = this.entries.get(event.document.uri.toString());
			if (entry?.inWorker && event.contentChanges.length > 0) entry.inWorker.edits.push(toTextEdits(event.contentChanges));
		}));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => {
			this.prefetched.delete(document.uri.toString());
			this.forget(document.uri);
		}));
		// With a worker, an article is sent as soon as the host has it: its editor is shown (and marked) later,
		// after the other features' first work on it, by when its scores are often back.
		this._register(vscode.workspace.onDidOpenTextDocument((document) => {
			if (this.where === 'worker' && this.enabled && isSeedDocument(document) && document.uri.scheme !== 'git') this.ensureScored(document);
		}));
		// An article's tab comes long before its document when the user opens it (the Explorer, Quick Open: the
		// editor opens, then loads the text): its file is read and scored in the worker meanwhile.
		this._register(vscode.window.tabGroups.onDidChangeTabs((event) => {
			for (const tab of [...event.opened, ...event.changed]) if (tab.input instanceof vscode.TabInputText) this.prefetch(tab.input.uri);
			for (const tab of event.closed) if (tab.input instanceof vscode.TabInputText) this.prefetchUnused(tab.input.uri);
		}));
		// First of the listeners: whatever changed (claims, dismissals, settings, scores), the hints are selected anew.
		this._register(this.onDidChange((uri) => {
			for (const [key, entry] of this.entries) if (!uri || uri.toString() === key) entry.selected = undefined;
		}));
		this._register(claims.onDidChange((uri) => this.changeEmitter.fire(uri)));
		this._register(vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(hintSettings.section)) this.changeEmitter.fire(undefined);
		}));
	}

	get enabled(): boolean {
		return vscode.workspace.getConfiguration(hintSettings.section).get<boolean>(hintSettings.enabled, true);
	}

	get threshold(): number {
		const value = vscode.workspace.getConfiguration(hintSettings.section).get<number>(hintSettings.threshold, DEFAULT_THRESHOLD);
		return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : DEFAULT_THRESHOLD;
	}

	/** Where articles are scored: 'worker' where a scoring worker runs (or can start), else 'host'. */
	get where(): 'worker' | 'host' {
		return this.workerWanted ? 'worker' : 'host';
	}

	/** Runs the scorer's warm-up in the worker (started if it was not); undefined where there is none. */
	async warmUpWorker(): Promise<WorkerWarmUp | undefined> {
		const worker = this.startedWorker();
		if (!worker) return undefined;
		try {
			return await worker.warmUp(this.threshold);
		} catch (error) {
			this.workerFailed(worker, error);
			return undefined;
		}
	}

	/**
	 * Scores the large ones of `files` in the worker before they are opened, into the remembered scores (see the
	 * worker's `prescore` job), once the worker took the scores of earlier sessions; the remembered scores are then
	 * written. Undefined where there is no worker, or it failed.
	 */
	async scoreInBackground(files: readonly PrescoreFile[], minBytes: number, maxUnits: number): Promise<PrescoreResult | undefined> {
		const worker = this.startedWorker();
		if (!worker) return undefined;
		await this.remembered.catch(() => undefined);
		try {
			const result = await worker.prescore(files, minBytes, maxUnits);
			if (result.paragraphs > 0) this.rememberSoon();
			return result;
		} catch (error) {
			if (worker.failed) this.workerFailed(worker, error);
			return undefined;
		}
	}

	/**
	 * Lets the worker read and score the article at `uri` before the host has its document (see the worker's
	 * `prefetch` job): a local `.txt` file ({@link prefetchBytes}; the worker goes on only for a seed article) not
	 * open yet, once per open, with hints on and a worker. Its scores come ahead and are taken when the document's
	 * text is the file's (see `ScoringClient.takePrefetched`); else the job finds what it can of them.
	 */
	private prefetch(uri: vscode.Uri): void {
		const key = uri.toString();
		if (uri.scheme !== 'file' || this.where !== 'worker' || !this.enabled || this.entries.has(key) || this.prefetched.has(key)) return;
		// A `.txt` file (a seed article by its name, or by the dateline the worker then looks for).
		if (!uri.path.toLowerCase().endsWith('.txt')) return;
		if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === key)) return;
		const worker = this.startedWorker();
		if (!worker) return;
		this.prefetched.add(key);
		worker.prefetch(key, uri.fsPath, prefetchBytes.min, prefetchBytes.max);
	}

	/** A tab closed before its document opened (or with none left open): the worker forgets what it read for it. */
	private prefetchUnused(uri: vscode.Uri): void {
		const key = uri.toString();
		if (!this.prefetched.has(key) || this.entries.has(key) || vscode.workspace.textDocuments.some((document) => document.uri.toString() === key)) return;
		this.prefetched.delete(key);
		this.worker?.close(key);
	}

	/** Whether an article is being scored in slices now (a warm-up waits for it). */
	get scoring(): boolean {
		for (const entry of this.entries.values()) if (entry.running && !entry.running.superseded) return true;
		return false;
	}

	/** How the article's first scoring went, if it was scored (test-only snapshot, benchmark). */
	timingOf(document: vscode.TextDocument): Readonly<ScoringTiming> | undefined {
		return this.entries.get(document.uri.toString())?.timing;
	}

	/** The whole article's scores if they are ready for the document's current version. */
	readyScores(document: vscode.TextDocument): readonly SentenceScore[] | undefined {
		const scores = this.entries.get(document.uri.toString())?.scores;
		return scores && scores.version === document.version ? scores.scores : undefined;
	}

	/** Every sentence's score now, computing what is missing synchronously (commands, tests, the CLI-like view). */
	allScores(document: vscode.TextDocument): readonly SentenceScore[] {
		const ready = this.readyScores(document);
		if (ready) return ready;
		const entry = this.entryFor(document);
		const scores = scoreDocument(this.documents.get(document), entry.cache);
		entry.scores = { version: document.version, scores };
		return scores;
	}

	/**
	 * Every sentence's score for the document's current version: with a worker, its answer is awaited (at most
	 * `waitMs`; the host's thread stays free meanwhile), else, or after that, computed here as {@link allScores}.
	 */
	async scoresSoon(document: vscode.TextDocument, waitMs = 5_000): Promise<readonly SentenceScore[]> {
		const deadline = performance.now() + waitMs;
		while (this.where === 'worker' && !this.readyScores(document) && !document.isClosed && performance.now() < deadline) {
			this.ensureScored(document);
			await new Promise<void>((resolve) => {
				const done = (): void => {
					clearTimeout(timer);
					listener.dispose();
					resolve();
				};
				const timer = setTimeout(done, Math.max(0, deadline - performance.now()));
				const listener = this.onDidChange((uri) => {
					if (!uri || uri.toString() === document.uri.toString()) done();
				});
			});
		}
		return this.allScores(document);
	}

	/** The hints of the whole article now (empty when hints are off). */
	allHints(document: vscode.TextDocument): SentenceScore[] {
		return this.enabled ? this.select(document, this.allScores(document)) : [];
	}

	/** The hints of the whole article, the worker's answer awaited if it is on its way (see {@link scoresSoon}). */
	async hintsSoon(document: vscode.TextDocument): Promise<SentenceScore[]> {
		if (!this.enabled) return [];
		const scores = await this.scoresSoon(document);
		return this.enabled ? this.select(document, scores) : [];
	}

	/** The hints of the whole article if its scores are ready (see {@link ensureScored}); [] when hints are off. */
	readyHints(document: vscode.TextDocument): SentenceScore[] | undefined {
		if (!this.enabled) return [];
		const ready = this.readyScores(document);
		return ready ? this.select(document, ready) : undefined;
	}

	/** The hints in the blocks overlapping `spans` (the visible ranges, the hovered sentence), scored now. */
	hintsIn(document: vscode.TextDocument, spans: readonly Span[]): SentenceScore[] {
		if (!this.enabled) return [];
		const ready = this.readyScores(document);
		if (ready) return this.select(document, ready.filter((s) => spans.some((span) => s.start < span.end && span.start < s.end)));
		return this.scoreHere(document, spans);
	}

	/**
	 * The hints on screen before the whole article's scores are ready: scored here at once without a worker; with
	 * one, none (the worker's scores come soon, and the host's thread stays free for the opening).
	 */
	hintsOnScreen(document: vscode.TextDocument, spans: readonly Span[]): SentenceScore[] | undefined {
		if (!this.enabled) return [];
		const ready = this.readyScores(document);
		if (ready) return this.select(document, ready.filter((s) => spans.some((span) => s.start < span.end && span.start < s.end)));
		return this.where === 'worker' ? undefined : this.scoreHere(document, spans);
	}

	private scoreHere(document: vscode.TextDocument, spans: readonly Span[]): SentenceScore[] {
		const meter = new SliceMeter();
		const entry = this.entryFor(document);
		const doc = this.documents.get(document);
		const scores = spans.flatMap((span) => scoreBlocksIn(doc, span, entry.cache));
		meter.end();
		entry.timing.onScreenMs = Math.max(entry.timing.onScreenMs, meter.figures.busyMs);
		if (meter.figures.busyCpuMs !== undefined) entry.timing.onScreenCpuMs = Math.max(entry.timing.onScreenCpuMs ?? 0, meter.figures.busyCpuMs);
		return this.select(document, scores);
	}

	/** Starts scoring the whole article in slices, unless done or running for this version; `onDidChange` fires when done. */
	ensureScored(document: vscode.TextDocument): void {
		const entry = this.entryFor(document);
		const version = document.version;
		if (entry.scores?.version === version || (entry.running?.version === version && !entry.running.superseded)) return;
		if (entry.running) entry.running.superseded = true;
		const run = { version, superseded: false };
		entry.running = run;
		const worker = this.startedWorker();
		if (worker) {
			this.scoreInWorker(worker, document, entry, run);
			return;
		}
		const doc = this.documents.get(document);
		// The first run of an article is measured (the benchmark of the first article of a session).
		const meter = entry.timing.readyAt === undefined ? new SliceMeter() : undefined;
		entry.timing.where ??= 'host';
		const host = { ...hostSlicer(), isCancelled: () => run.superseded || document.isClosed };
		// Yield first: the caller has usually just scored and drawn the blocks on screen in this stretch.
		void host.yieldNow().then(() => {
			meter?.begin();
			return runSliced(scoreDocumentSteps(doc, entry.cache), meter ? meter.wrap(host) : host, hostSliceBudgetMs);
		}).then((scores) => {
			if (!scores || run.superseded) return;
			entry.running = undefined;
			entry.scores = { version, scores };
			if (meter && entry.timing.readyAt === undefined) {
				meter.end();
				Object.assign(entry.timing, { readyAt: performance.now(), ...meter.figures });
			}
			this.changeEmitter.fire(document.uri);
		});
	}

	/**
	 * Sends the article to the worker: its text the first time (or after the worker fell out of step), else the
	 * edits since the last job; applies the reply if this version is still wanted.
	 */
	private scoreInWorker(worker: ScoringClient, document: vscode.TextDocument, entry: Entry, run: { readonly version: number; superseded: boolean }): void {
		const meter = entry.timing.readyAt === undefined ? new SliceMeter() : undefined;
		const text = document.getText();
		const source = entry.inWorker ? { edits: entry.inWorker.edits } : { text };
		entry.inWorker = { edits: [] };
		const jobs = (entry.timing.jobs ??= { whole: 0, edits: 0 });
		if ('text' in source) jobs.whole++;
		else jobs.edits++;
		const key = document.uri.toString();
		const postedAt = sharedClockMs();
		// Its file read and scored already (its tab came first), with this very text: no job at all.
		const prefetched = 'text' in source ? worker.takePrefetched(key, run.version, text) : undefined;
		const reply = prefetched ? Promise.resolve(prefetched) : worker.score(key, run.version, source, text);
		if (meter) {
			meter.end();
			entry.timing.where ??= 'worker';
			entry.timing.onScreenMs = Math.max(entry.timing.onScreenMs, meter.figures.busyMs);
			if (meter.figures.busyCpuMs !== undefined) entry.timing.onScreenCpuMs = Math.max(entry.timing.onScreenCpuMs ?? 0, meter.figures.busyCpuMs);
		}
		reply.then((result) => {
			if (run.superseded || this.entries.get(key) !== entry) return;
			entry.running = undefined;
			entry.scores = { version: run.version, scores: result.scores };
			this.rememberSoon();
			const first = entry.timing.readyAt === undefined;
			const meter = first ? new SliceMeter() : undefined;
			const prefetch = result.timing.prefetch;
			const prefetchPostedAt = result.prefetchPostedAt;
			if (first && prefetch && prefetchPostedAt !== undefined) {
				entry.timing.prefetch = { taken: prefetched !== undefined, sentences: prefetch.sentences, ...(prefetch.cpuMs === undefined ? {} : { cpuMs: prefetch.cpuMs }), toWorkerMs: prefetch.startedAt - prefetchPostedAt, ...(prefetch.finishedAt === undefined ? {} : { doneMs: prefetch.finishedAt - prefetchPostedAt }), ...(prefetched ? { beforeDocumentMs: postedAt - result.receivedAt } : {}) };
			}
			if (first) Object.assign(entry.timing, { readyAt: performance.now(), workerMs: result.timing.workMs, workerCpuMs: result.timing.cpuMs, workerParts: { parseMs: result.timing.parseMs, scoreMs: result.timing.scoreMs, encodeMs: result.timing.encodeMs }, scoredSentences: result.timing.scoredSentences, decodeMs: result.decodeMs, decodeCpuMs: result.decodeCpuMs, ...(prefetched ? {} : { toWorkerMs: result.timing.startedAt - postedAt, backMs: result.receivedAt - result.timing.finishedAt }) });
			this.changeEmitter.fire(document.uri);
			if (meter) {
				meter.end();
				Object.assign(entry.timing, { applyMs: meter.figures.busyMs, applyCpuMs: meter.figures.busyCpuMs });
			}
		}, (error: unknown) => {
			if (worker.failed) this.workerFailed(worker, error);
			// Out of step or failed: the next job sends the whole text (or, without a worker, scores here).
			if (this.entries.get(key) === entry) entry.inWorker = undefined;
			if (run.superseded || this.entries.get(key) !== entry || document.isClosed) return;
			entry.running = undefined;
			this.ensureScored(document);
		});
	}

	/** The worker, started on first use; undefined where there is none, or once it failed. */
	private startedWorker(): ScoringClient | undefined {
		if (!this.worker && this.workerWanted && this.options.startWorker) {
			try {
				this.worker = this.options.startWorker();
				this.options.log?.('check-worthiness: scoring in a worker thread');
				// The scores of earlier sessions, read while the worker starts; the first article's job follows them.
				const worker = this.worker;
				if (this.options.memory) {
					this.remembered = worker.remember(this.options.memory.load(), REMEMBERED_WAIT_MS);
					this.remembered.then(
						(paragraphs) => this.options.log?.(`check-worthiness: ${paragraphs} paragraphs' scores remembered from earlier sessions`),
						(error: unknown) => this.workerFailed(worker, error));
				}
			} catch (error) {
				this.workerFailed(undefined, error);
			}
		}
		return this.worker;
	}

	/**
	 * Writes the worker's remembered scores a little after the last article was scored or closed (when they
	 * changed), off the worker's busy moments.
	 */
	private rememberSoon(): void {
		const memory = this.options.memory;
		if (!memory) return;
		clearTimeout(this.rememberTimer);
		this.rememberTimer = setTimeout(() => {
			const worker = this.worker;
			void worker?.exportRemembered().then((bytes) => bytes && memory.save(bytes), () => undefined);
		}, REMEMBER_DELAY_MS);
	}

	/** From now on every article is scored on the host's thread (in slices), its whole text sent nowhere. */
	private workerFailed(worker: ScoringClient | undefined, error: unknown): void {
		if (worker && worker !== this.worker) return;
		this.options.log?.(`check-worthiness: the worker failed (${error instanceof Error ? error.message : String(error)}); scoring on the extension host's thread`);
		this.workerWanted = false;
		this.stopWorker();
		for (const entry of this.entries.values()) entry.inWorker = undefined;
	}

	private stopWorker(): void {
		this.worker?.dispose();
		this.worker = undefined;
	}

	private select(document: vscode.TextDocument, scores: readonly SentenceScore[]): SentenceScore[] {
		const entry = this.entries.get(document.uri.toString());
		const threshold = this.threshold;
		const whole = entry?.scores?.scores === scores;
		if (whole && entry?.selected?.scores === scores && entry.selected.threshold === threshold) return entry.selected.hints;
		const dismissed = this.claims.dismissedHints(document.uri);
		// The whole text (a 1 MB join on the extension host) only when there are dismissed sentences to compare.
		const hints = selectHints(dismissed.size > 0 ? document.getText() : '', scores, threshold, this.claims.taggedSpans(document.uri), dismissed);
		if (whole && entry) entry.selected = { scores, threshold, hints };
		return hints;
	}

	private entryFor(document: vscode.TextDocument): Entry {
		const key = document.uri.toString();
		let entry = this.entries.get(key);
		if (!entry) {
			entry = { cache: new BlockScoreCache(), timing: { startedAt: performance.now(), onScreenMs: 0 } };
			this.entries.set(key, entry);
		}
		return entry;
	}

	private onEdited(document: vscode.TextDocument): void {
		const entry = this.entries.get(document.uri.toString());
		if (!entry || !isSeedDocument(document)) return;
		clearTimeout(entry.timer);
		entry.timer = setTimeout(() => this.ensureScored(document), TYPING_DEBOUNCE_MS);
	}

	private stop(entry: Entry): void {
		clearTimeout(entry.timer);
		if (entry.running) entry.running.superseded = true;
	}

	private forget(uri: vscode.Uri): void {
		const entry = this.entries.get(uri.toString());
		if (entry) {
			this.stop(entry);
			this.entries.delete(uri.toString());
			if (entry.inWorker) {
				this.worker?.close(uri.toString());
				this.rememberSoon();
			}
		}
	}
}
