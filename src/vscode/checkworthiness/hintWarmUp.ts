import * as vscode from 'vscode';
import { runSliced } from '../../core/entities/articleEntities';
import { warmUpPlan, warmUpSteps, type WarmUpWork } from '../../core/checkworthiness/warmUp';
import { isSeedFileName } from '../../core/seed/seedRecognition';
import { isSeedDocument } from '../convert';
import { testOnlyCommands } from '../commandIds';
import { Disposable } from '../dispose';
import { findFilesOffThread, localListingPlan, type LocalFolderLister } from '../localFolderListing';
import { registerCommand } from '../registerCommand';
import { hintSettings, type HintService } from './hintService';
import { SliceMeter, type SliceFigures } from './sliceMeter';

/** Waits this long after activation before starting, and again while an article is being scored. */
const WARM_UP_DELAY_MS = 200;
/** The files that make a workspace a news seed one: sidecars, the entity knowledge, seed-named articles. */
const SEED_WORKSPACE_GLOB = '{**/*.claims.json,**/news-entities.json,**/[0-9][0-9][0-9]_*.txt}';
const SEED_WORKSPACE_EXCLUDE = '**/node_modules/**';

/** Whether a file of this name makes a workspace a news seed one (see {@link SEED_WORKSPACE_GLOB}). */
export function isSeedWorkspaceFileName(name: string): boolean {
	return isSeedFileName(name) || name.endsWith('.claims.json') || name === 'news-entities.json';
}

/**
 * Whether the workspace holds a file of {@link SEED_WORKSPACE_GLOB}: listed by `lister` where it can list the folders
 * (the entity index's worker: VS Code's file search spawns ripgrep, which holds the extension host's thread 50 to
 * 250 ms), the `.txt` files first (a news folder's articles), then the `.json` ones; else VS Code's file search, which
 * stops at the first.
 */
async function seedFileListed(lister: LocalFolderLister | undefined): Promise<'worker' | 'search' | undefined> {
	if (!localListingPlan(lister)) {
		const found = await vscode.workspace.findFiles(SEED_WORKSPACE_GLOB, SEED_WORKSPACE_EXCLUDE, 1).then((uris) => uris.length > 0, () => false);
		return found ? 'search' : undefined;
	}
	for (const suffix of ['.txt', '.json']) {
		const { uris, by } = await findFilesOffThread(lister, suffix, [SEED_WORKSPACE_EXCLUDE]);
		if (uris.some((uri) => isSeedWorkspaceFileName(uri.path.slice(uri.path.lastIndexOf('/') + 1)))) return by;
	}
	return undefined;
}

/** Whether a workspace folder holds a seed file at its top level (hosts without file search, such as the browser's). */
async function seedFileAtTopLevel(): Promise<boolean> {
	for (const folder of vscode.workspace.workspaceFolders ?? []) {
		const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder.uri)).catch(() => []);
		if (entries.some(([name, type]) => type === vscode.FileType.File && isSeedWorkspaceFileName(name))) return true;
	}
	return false;
}

/** What the warm-up did (the test-only status command). */
export interface WarmUpStatus extends SliceFigures {
	state: 'waiting' | 'running' | 'done' | 'not a news seed workspace' | 'disposed';
	/** Where it ran: in the scoring worker (its slices are the worker's), or on the extension host's thread. */
	where?: 'worker' | 'host';
	work?: WarmUpWork;
	/** What showed a news seed workspace: an open seed article, the folders listed by a worker or by VS Code's file search, or a file at a folder's top level. */
	seedFileFoundBy?: 'open document' | 'worker' | 'search' | 'top level';
	/** When it started and finished (the host's `performance.now()`). */
	startedAt?: number;
	finishedAt?: number;
}

/**
 * Warms the check-worthiness scorer up once per session, so that the first article opened is scored as fast as
 * the next ones (the first is otherwise scored by code the JIT has not optimised, with the patterns compiled and
 * ICU's sentence rules loaded on first use). Runs the editor's own path on generated text: in the scoring worker
 * where there is one (it starts the worker, and costs the host's thread nothing), else in slices of
 * about 4 ms with 5 ms pauses on the extension host's thread.
 *
 * Scenarios:
 *  - activation with hints on, in a news seed workspace (a seed article open, or sidecars, entity knowledge or
 *    seed-named articles in the folder, or at its top level where the host cannot search): starts 200 ms
 *    later, done in about 200 ms of CPU (the worker's, where there is one: an article's job goes first there);
 *  - no seed file found (another folder, or a host that cannot search it): starts when a seed article opens;
 *  - hints off (setting or toggle): does not run; starts when they are turned on, if it has not run yet;
 *  - an article being scored: pauses until it is done (the article comes first, and warms the code too);
 *  - disposed: stops at once (its timer cleared).
 */
export class HintWarmUp extends Disposable {
	readonly status: WarmUpStatus = { state: 'waiting', slices: 0, busyMs: 0, longestSliceMs: 0 };
	private timer?: ReturnType<typeof setTimeout>;
	private started = false;
	private stopped = false;

	/** `lister` lists the workspace's files off the host's thread (the entity index's workers), where it can. */
	constructor(private readonly hints: HintService, private readonly lister?: LocalFolderLister) {
		super();
		this._register({ dispose: () => this.stop() });
		this._register(vscode.workspace.onDidChangeConfiguration((event) => {
			if (event.affectsConfiguration(hintSettings.section)) this.startIfWanted();
		}));
		// A folder where no seed file was found (or the host cannot search it): the first seed article opened counts.
		this._register(vscode.workspace.onDidOpenTextDocument((document) => {
			if (this.status.state !== 'not a news seed workspace' || !isSeedDocument(document)) return;
			this.status.state = 'waiting';
			this.started = false;
			this.startIfWanted();
		}));
		this._register(registerCommand(testOnlyCommands.checkworthinessWarmUp, () => ({ ...this.status })));
		this.startIfWanted();
	}

	private startIfWanted(): void {
		if (this.started || this.stopped || !this.hints.enabled) return;
		this.started = true;
		this.after(WARM_UP_DELAY_MS, () => void this.run());
	}

	private async run(): Promise<void> {
		if (vscode.workspace.textDocuments.some(isSeedDocument)) {
			this.status.seedFileFoundBy = 'open document';
		} else {
			const found = await seedFileListed(this.lister).catch(() => undefined) ?? (await seedFileAtTopLevel() ? 'top level' : undefined);
			if (!found) {
				this.status.state = 'not a news seed workspace';
				return;
			}
			this.status.seedFileFoundBy = found;
		}
		if (this.hints.where === 'worker') {
			await this.runInWorker();
			return;
		}
		// An article opened meanwhile comes first (its scoring warms the same code).
		await this.pause();
		if (this.stopped) return;
		this.status.state = 'running';
		this.status.where = 'host';
		this.status.startedAt = performance.now();
		const meter = new SliceMeter();
		const work = await runSliced(warmUpSteps(warmUpPlan.rounds, warmUpPlan.paragraphs, this.hints.threshold), meter.wrap({
			now: () => performance.now(),
			yieldNow: () => this.pause(),
			isCancelled: () => this.stopped || !this.hints.enabled,
		}), warmUpPlan.sliceMs);
		meter.end();
		Object.assign(this.status, meter.figures);
		if (this.stopped) return;
		if (!work) {
			// Hints turned off midway: the next time they are turned on, the warm-up starts again.
			this.status.state = 'waiting';
			this.started = false;
			return;
		}
		this.status.work = work;
		this.status.finishedAt = performance.now();
		this.status.state = 'done';
	}

	/** The warm-up in the scoring worker: the host only asks and hears the figures. */
	private async runInWorker(): Promise<void> {
		this.status.state = 'running';
		this.status.where = 'worker';
		this.status.startedAt = performance.now();
		const done = await this.hints.warmUpWorker();
		if (this.stopped) return;
		if (!done) {
			// The worker failed: the articles are scored on the host now, so the host warms up instead.
			this.status.state = 'waiting';
			this.started = false;
			this.startIfWanted();
			return;
		}
		const { rounds, characters, sentences, ...figures } = done;
		Object.assign(this.status, figures, { work: { rounds, characters, sentences }, finishedAt: performance.now(), state: 'done' });
	}

	/** Resolves after a pause, and not while an article is being scored. */
	private pause(): Promise<void> {
		return new Promise((resolve) => {
			const next = (): void => this.after(warmUpPlan.pauseMs, () => (this.hints.scoring ? this.after(WARM_UP_DELAY_MS, next) : resolve()));
			next();
		});
	}

	private after(ms: number, run: () => void): void {
		if (this.stopped) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			run();
		}, ms);
	}

	private stop(): void {
		this.stopped = true;
		this.status.state = 'disposed';
		clearTimeout(this.timer);
	}
}
