import * as vscode from 'vscode';
import { runSliced } from '../../core/entities/articleEntities';
import type { PrescoreFile, PrescoreResult } from '../../core/checkworthiness/scoringWorker';
import { hostSlicer } from '../entities/articleEntitiesCache';
import { testOnlyCommands } from '../commandIds';
import { Disposable } from '../dispose';
import { registerCommand } from '../registerCommand';
import { hintSettings, type HintService } from './hintService';

/**
 * Articles from this size (bytes) are scored in the background: below it an article opened is scored within the
 * 100 ms target anyway. `npm run bench -- hintsInVscode` opens articles of 32 KB to 1 MB in the real VS Code (see
 * the README's measurements): at load 6 to 9, from the host having the document to every score, 32 to 128 KB took
 * 19 to 74 ms (0.2 to 0.74x the target), 256 KB 255 to 286 ms and more (1.4 to 6.6x from 512 KB); 100 KB leaves a
 * margin below the size where the target starts to be missed.
 */
export const backgroundScoringMinBytes = 100 * 1024;
/**
 * At most this much article text (UTF-16 units) is scored in the background, the most recently modified articles
 * first: three quarters of what the remembered scores keep (`rememberedTextUnits`), so that the articles opened lately
 * keep their place there too.
 */
export const backgroundScoringMaxUnits = 3_000_000;
/** After the index's last update, the changed files wait this long (ms): an editor saving a file often writes it twice. */
const CHANGED_FILES_DELAY_MS = 1_000;
/** The setting that turns background scoring off (`newsSeed.checkworthiness.scoreInBackground`). */
export const backgroundSetting = 'scoreInBackground';

/** What background scoring needs of the workspace entity index: when it is complete, and which files are seed articles. */
export interface IndexedArticles {
	/** Fires when the index changed (a build started or finished, files re-indexed after the watcher reported them). */
	readonly onDidUpdate: vscode.Event<void>;
	/** Whether a full build is running, and how many finished. */
	readonly indexing: boolean;
	readonly builds: number;
	/** The seed articles indexed, by URI. */
	readonly index: { uris(): Iterable<string>; get(uri: string): unknown };
}

/** What background scoring did (the test-only status command). */
export interface BackgroundScoringStatus {
	state: 'waiting for the index' | 'scoring' | 'idle' | 'off' | 'unsupported';
	/** Jobs finished: the first after the index was complete, then one per batch of changed files. */
	runs: number;
	/** The first job's result (every indexed article), the last job's, and the totals. */
	first?: PrescoreResult;
	last?: PrescoreResult;
	articles: number;
	sentences: number;
	/** When the last job finished (the host's `performance.now()`). */
	finishedAt?: number;
}

/**
 * Scores the workspace's large seed articles before they are opened, into the scoring worker's remembered scores,
 * so that opening one finds every score known (the worker's job then scores nothing: a 1 MB article costs a few
 * milliseconds of its CPU instead of hundreds of milliseconds at 2 cores' load).
 *
 * Scenarios:
 *  - the entity index completes its first build (its workers have listed and read every article; nothing of this
 *    runs before, so the cold index keeps the cores): every indexed local article is sent to the worker, which stats
 *    them, and reads and scores those of at least {@link backgroundScoringMinBytes}, the newest first, up to
 *    {@link backgroundScoringMaxUnits} of text, in slices that yield to any article's job (see the worker's `prescore`);
 *  - a file changed or created on disk (the watcher), once the index re-indexed it: that file likewise;
 *  - an article already remembered (an earlier session, or unchanged since): read and looked up, nothing scored;
 *  - hints or this setting off, no worker (it failed, or the host has none), a Web Worker (cannot read files), articles
 *    of other file systems than the local one (the browser's): nothing.
 */
export class BackgroundScoring extends Disposable {
	readonly status: BackgroundScoringStatus = { state: 'waiting for the index', runs: 0, articles: 0, sentences: 0 };
	private index: IndexedArticles | undefined;
	/** Whether the first job (every article) was sent; files changed since, waiting for the next job. */
	private firstSent = false;
	private readonly changed = new Set<string>();
	private running: Promise<void> | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private ended = false;

	constructor(private readonly hints: HintService, index: Promise<IndexedArticles | undefined>) {
		super();
		this._register({
			dispose: () => {
				this.ended = true;
				clearTimeout(this.timer);
			},
		});
		this._register(registerCommand(testOnlyCommands.checkworthinessBackground, () => ({ ...this.status })));
		this._register(vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(hintSettings.section)) this.consider();
		}));
		void index.then((found) => {
			if (!found || this.ended) return;
			this.index = found;
			this._register(found.onDidUpdate(() => this.consider()));
			const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.txt', false, false, true));
			const note = (uri: vscode.Uri): void => {
				if (uri.scheme === 'file') this.changed.add(uri.toString());
			};
			this._register(watcher.onDidCreate(note));
			this._register(watcher.onDidChange(note));
			this.consider();
		});
	}

	private get wanted(): boolean {
		const settings = vscode.workspace.getConfiguration(hintSettings.section);
		return this.hints.enabled && this.hints.where === 'worker' && settings.get<boolean>(backgroundSetting, true) !== false;
	}

	/** Sends the next job if one is due: after the index's build, not while one runs, a little after the last update. */
	private consider(): void {
		const index = this.index;
		if (!index || this.ended || this.status.state === 'unsupported') return;
		if (!this.wanted) {
			this.status.state = 'off';
			return;
		}
		if (index.indexing || index.builds === 0) {
			if (!this.firstSent) this.status.state = 'waiting for the index';
			return;
		}
		if (this.firstSent && this.changed.size === 0) return;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.send(), this.firstSent ? CHANGED_FILES_DELAY_MS : 0);
	}

	private async send(): Promise<void> {
		const index = this.index;
		if (this.running || !index || this.ended || !this.wanted || index.indexing) {
			// After the job running: its end considers again.
			return;
		}
		const run = this.run(index);
		this.running = run;
		await run;
		this.running = undefined;
		this.consider();
	}

	/** One job: every indexed article the first time, else the changed ones the index holds. */
	private async run(index: IndexedArticles): Promise<void> {
		let uris: string[];
		const first = !this.firstSent;
		if (first) {
			this.firstSent = true;
			this.changed.clear();
			uris = [...index.index.uris()];
		} else {
			// Only seed articles the index has (re-)indexed; a file it has not seen yet waits for its next update.
			uris = [...this.changed].filter((uri) => index.index.get(uri) !== undefined);
			for (const uri of uris) this.changed.delete(uri);
			if (uris.length === 0) return;
		}
		// Paths made in slices of 8 ms: a URI parsed costs microseconds, and an archive has thousands.
		const files = await runSliced((function* () {
			const out: PrescoreFile[] = [];
			for (const uri of uris) {
				if (uri.startsWith('file:') && out.push({ key: uri, path: vscode.Uri.parse(uri).fsPath }) % 500 === 0) yield;
			}
			return out;
		})(), { ...hostSlicer(), isCancelled: () => this.ended }, 8);
		if (!files) return;
		// No local article: none indexed (the worker is not started for nothing), or only articles of other file
		// systems (the browser's), which the worker cannot read.
		if (files.length === 0) {
			this.status.state = first && uris.length > 0 ? 'unsupported' : 'idle';
			return;
		}
		this.status.state = 'scoring';
		const result = await this.hints.scoreInBackground(files, backgroundScoringMinBytes, backgroundScoringMaxUnits);
		if (this.ended) return;
		if (!result) {
			this.status.state = 'off';
			return;
		}
		if (!result.supported) {
			this.status.state = 'unsupported';
			return;
		}
		this.status.runs++;
		this.status.first ??= result;
		this.status.last = result;
		this.status.articles += result.articles;
		this.status.sentences += result.sentences;
		this.status.finishedAt = performance.now();
		this.status.state = 'idle';
	}
}
