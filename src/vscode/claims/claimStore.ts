import * as vscode from 'vscode';
import {
	articleNameFor, createClaim, hasConflictMarkers, mergeDismissedHints, prepareArticle, resolveClaimConflict, SIDECAR_GLOB, UNANCHORED, updateClaimBody,
	type Claim, type ClaimBody, type ClaimConflict, type NewClaimFields, type SidecarProblem,
} from '../../core/claims';
import { ClaimsRefusedError, describeDamage, isWritable, missingSnapshot, type ClaimRepository, type SaveOutcome, type SidecarSnapshot } from '../../core/claims/claimRepository';
import type { ArticleText } from '../../core/claims/anchoring';
import { confirmAnchor, refreshTargetsSteps, trackClaims, trackClaimsSteps, trackEdits, upsertTracked, type TrackedClaim } from '../../core/claims/claimTracking';
import type { Span } from '../../core/seed/seedDocument';
import { toTextEdits } from '../convert';
import { Disposable } from '../dispose';
import { gitCommands } from '../commandIds';
import { baseName, readTextFile } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';
import { runOnHost } from './hostSteps';
import { findFilesOffThread, type LocalFolderLister } from '../localFolderListing';

/**
 * The notification for a sidecar that holds git conflict markers: its claims are read-only until it is resolved,
 * with the Resolve Claim Merge Conflict command where the host has it (the desktop, which asks git for the base).
 */
async function offerMergeConflictResolution(sidecarUri: vscode.Uri): Promise<void> {
	const action = 'Resolve Claim Merge Conflict';
	const message = `News Seed: ${baseName(sidecarUri)} holds git merge conflict markers; its claims are shown read-only until it is resolved.`;
	const available = (await vscode.commands.getCommands(true)).includes(gitCommands.resolveClaimMergeConflict);
	const answer = await (available ? vscode.window.showWarningMessage(message, action) : vscode.window.showWarningMessage(message));
	if (answer === action) {
		await vscode.commands.executeCommand(gitCommands.resolveClaimMergeConflict, sidecarUri);
	}
}

/** A refusal or failure the user should read as it is (the commands show it). */
export class ClaimsError extends Error {}

/** The claims of one article, as the editor holds them. */
export interface ArticleClaims {
	readonly articleUri: vscode.Uri;
	readonly sidecarUri: vscode.Uri;
	/** The claims with their anchors in the article's current text (the open document's, else the file's). */
	readonly tracked: readonly TrackedClaim[];
	/** Set when the sidecar is damaged: its claims are shown read-only and the file is never written. */
	readonly problem: string | null;
	readonly problems: readonly SidecarProblem[];
	/** Texts of sentences whose check-worthiness hint was dismissed (kept in the sidecar). */
	readonly dismissedHints: readonly string[];
}

interface Entry extends ArticleClaims {
	tracked: readonly TrackedClaim[];
	problem: string | null;
	problems: readonly SidecarProblem[];
	/**
	 * The sidecar as last read from or written to disk: the base of the repository's compare-and-swap and 3-way
	 * merges. A watcher event that finds this content is our own echo.
	 */
	snapshot: SidecarSnapshot;
	/** The check-worthiness hints dismissed in this article, as held (saved with the claims). */
	dismissedHints: readonly string[];
	/** Sidecar operations of this article run one at a time, in order. */
	queue: Promise<unknown>;
}

const DELETE_GRACE_MS = 300;

/** What the search for sidecars leaves out besides `files.exclude` (as the file search's `exclude` argument). */
const SIDECAR_SEARCH_EXCLUDE = '**/node_modules/**';

/** The ending of a sidecar's name, as SIDECAR_GLOB finds it (case-sensitive, as ripgrep matches it). */
const SIDECAR_SUFFIX = SIDECAR_GLOB.slice(SIDECAR_GLOB.lastIndexOf('*') + 1);

/**
 * Holds every article's claims and keeps them on their text; reads and writes sidecars only through the claim
 * repository (src/core/claims/claimRepository.ts: compare-and-swap, merge, anchoring state, refusal of damaged
 * files). What stays here: the claims in memory with their live anchors, events, diagnostics and messages.
 *
 * Scenarios:
 *  - activation: every `*.claims.json` of the workspace is read and anchored in its article (file or open document);
 *  - article opened: its sidecar (if any) is read, or the claims re-anchored in the document's text;
 *  - typing: anchors move with the edits (core edit tracking); nothing is written;
 *  - article saved: positions and quotes are refreshed and the sidecar written (only if its bytes change);
 *  - article closed: claims re-anchored in the file's text (unsaved edits were discarded);
 *  - tag / edit / remove: the sidecar is written at once; created with the first claim, deleted with the last;
 *  - sidecar changed on disk (watcher, or found changed by the repository just before one of our writes):
 *    3-way merged with the claims in memory (base = what we last read or wrote), so neither side's claims are
 *    lost; a claim both sides changed keeps both versions (a conflict the user resolves); our own writes are
 *    recognised by their content and ignored;
 *  - article changed on disk while not open: re-anchored from the stored quotes;
 *  - damaged sidecar (bad JSON, schema, newer version, not UTF-8): reported with line, column and path; its
 *    readable claims shown read-only; never written.
 */
export class ClaimStore extends Disposable {
	private readonly entries = new Map<string, Entry>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri | undefined>());
	/** Fires with an article's URI when its claims or anchors changed (undefined: many articles). */
	readonly onDidChange = this.changeEmitter.event;
	private readonly problemsCollection = this._register(vscode.languages.createDiagnosticCollection('news-seed-claims'));
	private readonly ready: Promise<void>;

	/** How the last look for sidecars found them: listed by a worker, or by VS Code's file search (ripgrep). */
	sidecarsListedBy: 'worker' | 'search' | undefined;

	/**
	 * `lister` lists the sidecars of local folders in a worker (the entity index's pool), so that activation spawns no
	 * ripgrep on the host's thread; without one, or where it cannot list, VS Code's file search finds them. Features
	 * built on the store list with it too (the check-worthiness warm-up).
	 */
	constructor(private readonly repository: ClaimRepository, readonly lister?: LocalFolderLister) {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
		this._register(vscode.workspace.onDidSaveTextDocument((document) => this.onArticleSaved(document)));
		this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onArticleOpened(document)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.onArticleClosed(document)));
		const sidecars = this._register(vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB));
		for (const event of [sidecars.onDidCreate, sidecars.onDidChange, sidecars.onDidDelete]) {
			this._register(event((uri) => this.onSidecarChangedOnDisk(uri)));
		}
		const articles = this._register(vscode.workspace.createFileSystemWatcher('**/*.txt'));
		for (const event of [articles.onDidCreate, articles.onDidChange, articles.onDidDelete]) {
			this._register(event((uri) => this.onArticleChangedOnDisk(uri)));
		}
		this.ready = this.loadWorkspace();
	}

	/** Resolves once every sidecar of the workspace has been read. */
	whenReady(): Promise<void> {
		return this.ready;
	}

	/** Reads every sidecar of the workspace again (the view's Reload command). */
	async reload(): Promise<void> {
		await this.ready;
		await this.loadWorkspace();
	}

	/**
	 * Every `*.claims.json` of the workspace outside node_modules and `files.exclude`: what
	 * `findFiles(SIDECAR_GLOB, '**\/node_modules/**')` finds, listed by the worker where it can.
	 */
	async findSidecars(): Promise<vscode.Uri[]> {
		const { uris, by } = await findFilesOffThread(this.lister, SIDECAR_SUFFIX, [SIDECAR_SEARCH_EXCLUDE]);
		this.sidecarsListedBy = by;
		return uris;
	}

	private async loadWorkspace(): Promise<void> {
		// After activation has registered every feature: the entity index, registered after the claims, holds its
		// workers while it serves its cache (the listing then waits for it, instead of starting a worker meanwhile).
		await new Promise<void>((resolve) => setTimeout(resolve, 0));
		const sidecars = await this.findSidecars();
		await Promise.all(sidecars.map((uri) => this.enqueue(articleUriFor(uri), (entry) => this.readSidecar(entry, true)).catch(() => undefined)));
		await Promise.all(vscode.workspace.textDocuments.filter(isArticleDocument).map((document) => this.load(document.uri).catch(() => undefined)));
		this.changeEmitter.fire(undefined);
	}

	/** Reads the sidecars of these articles again now (after a write made outside the store, e.g. an import). */
	async refresh(articleUris: readonly vscode.Uri[]): Promise<void> {
		await Promise.all(articleUris.map((uri) => this.enqueue(uri, (entry) => this.readSidecar(entry, false))));
	}

	/** Every article that has claims or a damaged sidecar. */
	articles(): ArticleClaims[] {
		return [...this.entries.values()].filter((e) => e.tracked.length > 0 || e.problem !== null);
	}

	/** The claims of an article as known now (undefined when never loaded). */
	get(articleUri: vscode.Uri): ArticleClaims | undefined {
		return this.entries.get(articleUri.toString());
	}

	/** The claims of an article, reading its sidecar first if needed. */
	async load(articleUri: vscode.Uri): Promise<ArticleClaims> {
		const existing = this.entries.get(articleUri.toString());
		if (existing) {
			await existing.queue;
			return existing;
		}
		return this.enqueue(articleUri, async (entry) => {
			if (entry.snapshot.status === 'missing' && entry.tracked.length === 0) {
				await this.readSidecar(entry, true);
			}
			return entry;
		});
	}

	/** Finds a claim by id in any article. */
	find(id: string): { article: ArticleClaims; tracked: TrackedClaim } | undefined {
		for (const entry of this.entries.values()) {
			const tracked = entry.tracked.find((t) => t.claim.id === id);
			if (tracked) {
				return { article: entry, tracked };
			}
		}
		return undefined;
	}

	/** Tags a new claim on the UTF-16 `span` of the open `document` and writes the sidecar; returns the claim. */
	async addClaim(document: vscode.TextDocument, span: Span, fields: NewClaimFields): Promise<Claim> {
		return this.enqueue(document.uri, async (entry) => {
			if (entry.snapshot.status === 'missing' && entry.tracked.length === 0 && entry.problem === null) {
				await this.readSidecar(entry, false);
			}
			this.refuseIfReadOnly(entry);
			const claim = createClaim(document.getText(), span, fields, new Date(), (n) => crypto.getRandomValues(new Uint8Array(n)));
			entry.tracked = upsertTracked(entry.tracked, claim, { status: 'anchored', span, score: 1 });
			this.fire(entry);
			await this.write(entry);
			return claim;
		});
	}

	/** Remembers in the article's sidecar that the check-worthiness hint on sentences with this text was dismissed. */
	async dismissHint(articleUri: vscode.Uri, sentenceText: string): Promise<void> {
		await this.enqueue(articleUri, async (entry) => {
			if (entry.snapshot.status === 'missing' && entry.tracked.length === 0 && entry.problem === null) {
				await this.readSidecar(entry, false);
			}
			this.refuseIfReadOnly(entry);
			if (entry.dismissedHints.includes(sentenceText)) return;
			entry.dismissedHints = mergeDismissedHints([], entry.dismissedHints, [sentenceText]);
			this.fire(entry);
			await this.write(entry);
		});
	}

	/** Changes a claim's assessment and writes the sidecar. */
	async updateBody(id: string, changes: Partial<ClaimBody>): Promise<Claim> {
		return this.mutate(id, (entry, tracked) => {
			const claim = updateClaimBody(tracked.claim, changes, new Date());
			entry.tracked = upsertTracked(entry.tracked, claim);
			return claim;
		});
	}

	/** Removes a claim and writes the sidecar (deleting it with the last claim). */
	async remove(id: string): Promise<Claim> {
		return this.mutate(id, (entry, tracked) => {
			entry.tracked = entry.tracked.filter((t) => t.claim.id !== id);
			return tracked.claim;
		});
	}

	/**
	 * Puts a claim back exactly as given (undo and redo of claim changes): replaces the claim with its id, or adds
	 * it when it is missing; anchored again in the article's current text; writes the sidecar.
	 */
	async restoreClaim(articleUri: vscode.Uri, claim: Claim): Promise<Claim> {
		return this.enqueue(articleUri, async (entry) => {
			if (entry.snapshot.status === 'missing' && entry.tracked.length === 0 && entry.problem === null) {
				await this.readSidecar(entry, false);
			}
			this.refuseIfReadOnly(entry);
			const [placed] = trackClaims(prepareArticle(await this.currentText(articleUri) ?? ''), [claim]);
			entry.tracked = upsertTracked(entry.tracked, claim, placed.anchor);
			this.fire(entry);
			await this.write(entry);
			return claim;
		});
	}

	/** Confirms a claim whose text changed: its stored quote becomes the text it is now anchored to. */
	async acceptAnchor(id: string): Promise<Claim> {
		const found = this.find(id);
		const text = found ? await this.currentText(found.article.articleUri) : null;
		return this.mutate(id, (entry, tracked) => {
			if (tracked.anchor.status !== 'fuzzy' || !tracked.anchor.span || text === null) {
				throw new ClaimsError(tracked.anchor.status === 'anchored' ? 'This claim\'s text has not changed; there is nothing to confirm.' : 'This claim\'s text is no longer in the article; it cannot be confirmed.');
			}
			const confirmed = confirmAnchor(tracked, tracked.anchor.span, prepareArticle(text));
			entry.tracked = upsertTracked(entry.tracked, confirmed.claim, confirmed.anchor);
			return confirmed.claim;
		});
	}

	/**
	 * Resolves a claim's merge conflict: `'current'` keeps the version shown, a number picks that version of
	 * `conflict.versions`, `'delete'` removes the claim. Writes the sidecar.
	 */
	async resolveConflict(id: string, choice: 'current' | 'delete' | number): Promise<Claim> {
		const found = this.find(id);
		const text = found ? await this.currentText(found.article.articleUri) : null;
		return this.mutate(id, (entry, tracked) => {
			if (!tracked.claim.conflict) {
				throw new ClaimsError('This claim has no merge conflict to resolve.');
			}
			const resolved = resolveClaimConflict(tracked.claim, choice);
			if (resolved === null) {
				entry.tracked = entry.tracked.filter((t) => t.claim.id !== id);
				return tracked.claim;
			}
			const [placed] = trackClaims(prepareArticle(text ?? ''), [resolved]);
			entry.tracked = upsertTracked(entry.tracked, placed.claim, placed.anchor);
			return resolved;
		});
	}

	private async mutate(id: string, change: (entry: Entry, tracked: TrackedClaim) => Claim): Promise<Claim> {
		const found = this.find(id);
		if (!found) {
			throw new ClaimsError(`No claim with the id ${id}.`);
		}
		return this.enqueue(found.article.articleUri, async (entry) => {
			this.refuseIfReadOnly(entry);
			const tracked = entry.tracked.find((t) => t.claim.id === id);
			if (!tracked) {
				throw new ClaimsError('This claim was removed in the meantime (by another window or a change on disk).');
			}
			const result = change(entry, tracked);
			this.fire(entry);
			await this.write(entry);
			return result;
		});
	}

	private refuseIfReadOnly(entry: Entry): void {
		if (entry.problem !== null) {
			throw new ClaimsError(`The claims of ${baseName(entry.articleUri)} are read-only: ${baseName(entry.sidecarUri)} is damaged (${entry.problem}). Fix or remove that file; it is never overwritten.`);
		}
	}

	// --- sidecar I/O -------------------------------------------------------------------------------------------

	private entryFor(articleUri: vscode.Uri): Entry {
		const key = articleUri.toString();
		let entry = this.entries.get(key);
		if (!entry) {
			const snapshot = missingSnapshot(key);
			entry = { articleUri, sidecarUri: vscode.Uri.parse(snapshot.sidecarPath, true), tracked: [], problem: null, problems: [], snapshot, dismissedHints: [], queue: Promise.resolve() };
			this.entries.set(key, entry);
		}
		return entry;
	}

	/** Runs `task` after the article's earlier sidecar operations; errors reach the caller, not the queue. */
	private enqueue<T>(articleUri: vscode.Uri, task: (entry: Entry) => Promise<T>): Promise<T> {
		const entry = this.entryFor(articleUri);
		const run = entry.queue.then(() => task(entry));
		entry.queue = run.catch(() => undefined);
		return run;
	}

	private fire(entry: Entry): void {
		this.changeEmitter.fire(entry.articleUri);
	}

	/**
	 * Reads the sidecar and makes it the claims in memory, merging with unsaved claim changes.
	 * `initial`: nothing is held yet, take the file as it is.
	 */
	private async readSidecar(entry: Entry, initial: boolean): Promise<void> {
		let disk = await this.repository.load(entry.snapshot.articlePath);
		if (disk.status === 'missing' && entry.snapshot.status !== 'missing') {
			// A writer on a remote file system may delete before it renames: look once more before adopting a deletion.
			await new Promise((resolve) => setTimeout(resolve, DELETE_GRACE_MS));
			disk = await this.repository.load(entry.snapshot.articlePath);
		}
		if (!initial && disk.status === entry.snapshot.status && disk.text === entry.snapshot.text) {
			return;
		}
		await this.reconcile(entry, disk, initial);
	}

	/**
	 * Takes in the sidecar found on disk: a damaged one is shown read-only; otherwise the repository merges it
	 * with the claims in memory (writing only if the merge produced something the disk lacks), and the result is
	 * anchored in the article's current text.
	 */
	private async reconcile(entry: Entry, disk: SidecarSnapshot, initial: boolean): Promise<void> {
		const text = await this.currentText(entry.articleUri);
		const article = prepareArticle(text ?? '');
		if (!isWritable(disk)) {
			await this.showDamaged(entry, disk, article);
			return;
		}
		const wasDamaged = entry.problem !== null;
		this.clearDamage(entry);
		// Restricted Mode only reads (package.json `untrustedWorkspaces`): take the disk's version, write nothing.
		if (initial || wasDamaged || !vscode.workspace.isTrusted) {
			entry.tracked = await this.track(entry, article, disk.claims, true);
			entry.snapshot = disk;
			entry.dismissedHints = disk.dismissedHints;
			this.fire(entry);
			return;
		}
		try {
			const outcome = await this.repository.save(entry.snapshot, entry.tracked.map((t) => t.claim), text, { onlyIfMerged: true, dismissedHints: entry.dismissedHints });
			await this.takeSaved(entry, article, outcome);
		} catch (error) {
			if (error instanceof ClaimsRefusedError) {
				await this.showDamaged(entry, error.snapshot, article);
				return;
			}
			throw error;
		}
	}

	/**
	 * Anchors `claims` in `article` (the article's text when the operation began) in slices of the host's time,
	 * keeping the live anchors of unchanged claims when `keepLive`. The user may type in the meantime: then the
	 * edits have moved the anchors held, and the claims are anchored again in the document's new text.
	 */
	private async track(entry: Entry, article: ArticleText, claims: readonly Claim[], keepLive: boolean): Promise<TrackedClaim[]> {
		let current = article;
		for (let attempt = 0; ; attempt++) {
			const version = openDocument(entry.articleUri)?.version;
			if (attempt === 3) {
				// Typing faster than the slices: the last attempt runs in one go.
				return trackClaims(current, claims, keepLive ? entry.tracked : []);
			}
			const tracked = await runOnHost(trackClaimsSteps(current, claims, keepLive ? entry.tracked : []));
			const document = openDocument(entry.articleUri);
			if (!document || document.version === version || document.getText() === current.text) {
				return tracked;
			}
			current = prepareArticle(document.getText());
		}
	}

	/** Holds what a save left on disk: the new base, the claims (merged, anchored in `article`) and the conflicts. */
	private async takeSaved(entry: Entry, article: ArticleText, outcome: SaveOutcome): Promise<void> {
		entry.tracked = await this.track(entry, article, outcome.claims, true);
		entry.snapshot = outcome.snapshot;
		entry.dismissedHints = outcome.dismissedHints;
		this.fire(entry);
		this.reportConflicts(entry, outcome.conflicts);
	}

	/** Writes the claims in memory through the repository, which merges first with any change found on disk. */
	private async write(entry: Entry): Promise<void> {
		const text = await this.currentText(entry.articleUri);
		const article = prepareArticle(text ?? '');
		if (text !== null) {
			entry.tracked = await runOnHost(refreshTargetsSteps(entry.tracked, article));
		}
		try {
			const outcome = await this.repository.save(entry.snapshot, entry.tracked.map((t) => t.claim), text, { dismissedHints: entry.dismissedHints });
			await this.takeSaved(entry, article, outcome);
		} catch (error) {
			if (error instanceof ClaimsRefusedError) {
				await this.showDamaged(entry, error.snapshot, article);
				throw new ClaimsError(`Not saved: ${baseName(entry.sidecarUri)} was damaged on disk in the meantime (${entry.problem}); it is left as it is.`);
			}
			throw new ClaimsError(`Could not save the claims to ${baseName(entry.sidecarUri)}: ${error instanceof Error ? error.message : String(error)}. The file on disk was left as it was; your change is kept and will be saved with the next one.`);
		}
	}

	private async showDamaged(entry: Entry, disk: SidecarSnapshot, article: ArticleText): Promise<void> {
		const tracked = await this.track(entry, article, disk.claims, true);
		entry.snapshot = disk;
		entry.problems = disk.problems;
		entry.problem = describeDamage(disk);
		entry.tracked = tracked;
		this.reportProblems(entry);
		this.fire(entry);
		if (disk.text !== null && hasConflictMarkers(disk.text)) {
			void offerMergeConflictResolution(entry.sidecarUri);
		} else {
			void vscode.window.showWarningMessage(`News Seed: ${baseName(entry.sidecarUri)} is damaged and is shown read-only (never overwritten): ${entry.problem}`);
		}
	}

	private clearDamage(entry: Entry): void {
		entry.problem = null;
		entry.problems = [];
		this.reportProblems(entry);
	}

	private reportConflicts(entry: Entry, conflicts: readonly ClaimConflict[]): void {
		if (conflicts.length > 0) {
			void vscode.window.showWarningMessage(`News Seed: ${baseName(entry.sidecarUri)} changed on disk while you edited the same claims; both versions of ${countOf(conflicts.length, 'claim')} are kept. Choose one with "Resolve Claim Conflict".`);
		}
	}

	private reportProblems(entry: Entry): void {
		if (entry.problems.length === 0) {
			this.problemsCollection.delete(entry.sidecarUri);
			return;
		}
		this.problemsCollection.set(entry.sidecarUri, entry.problems.map((p) => {
			const position = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
			const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), `${p.path}: ${p.message} The claims of this article are read-only until this is fixed.`, vscode.DiagnosticSeverity.Error);
			diagnostic.source = 'News Seed claims';
			return diagnostic;
		}));
	}

	// --- the article's text ------------------------------------------------------------------------------------

	/** The article's text as VS Code holds it: the open document's, else the file's (without BOM); null if missing. */
	private async currentText(articleUri: vscode.Uri): Promise<string | null> {
		const document = openDocument(articleUri);
		if (document) {
			return document.getText();
		}
		const text = await readTextFile(articleUri);
		return text === null ? null : text.replace(/^\uFEFF/, '');
	}

	private onEdit(event: vscode.TextDocumentChangeEvent): void {
		const entry = this.entries.get(event.document.uri.toString());
		if (!entry || entry.tracked.length === 0 || event.contentChanges.length === 0) {
			return;
		}
		const tracked = trackEdits(entry.tracked, toTextEdits(event.contentChanges), () => event.document.getText());
		if (tracked !== entry.tracked) {
			entry.tracked = tracked;
			this.fire(entry);
		}
	}

	private onArticleSaved(document: vscode.TextDocument): void {
		const entry = this.entries.get(document.uri.toString());
		if (!entry || entry.problem !== null || (entry.tracked.length === 0 && entry.snapshot.status === 'missing') || !vscode.workspace.isTrusted) {
			return;
		}
		this.enqueue(document.uri, (e) => this.write(e)).catch((error) => showError(error));
	}

	private onArticleOpened(document: vscode.TextDocument): void {
		if (!isArticleDocument(document)) {
			return;
		}
		const entry = this.entries.get(document.uri.toString());
		if (!entry) {
			this.load(document.uri).then(() => this.fire(this.entryFor(document.uri)), () => undefined);
			return;
		}
		void this.enqueue(document.uri, async (e) => this.reanchor(e, document.getText()));
	}

	private onArticleClosed(document: vscode.TextDocument): void {
		const entry = this.entries.get(document.uri.toString());
		if (entry && entry.tracked.length > 0) {
			// Unsaved edits are gone: find the claims again in the file (after the close has settled).
			void this.enqueue(document.uri, async (e) => {
				if (!openDocument(e.articleUri)) {
					await this.reanchor(e, await this.currentText(e.articleUri));
				}
			});
		}
	}

	private onArticleChangedOnDisk(uri: vscode.Uri): void {
		const entry = this.entries.get(uri.toString());
		if (!entry || entry.tracked.length === 0 || openDocument(uri)) {
			// Open articles follow their document (VS Code reloads it and reports the change as edits).
			return;
		}
		void this.enqueue(uri, async (e) => this.reanchor(e, await this.currentText(uri)));
	}

	private async reanchor(entry: Entry, text: string | null): Promise<void> {
		entry.tracked = text === null
			? entry.tracked.map((t) => ({ claim: t.claim, anchor: UNANCHORED }))
			: await this.track(entry, prepareArticle(text), entry.tracked.map((t) => t.claim), false);
		this.fire(entry);
	}

	private onSidecarChangedOnDisk(sidecarUri: vscode.Uri): void {
		const articleUri = [...this.entries.values()].find((e) => e.sidecarUri.toString() === sidecarUri.toString())?.articleUri ?? articleUriFor(sidecarUri);
		this.enqueue(articleUri, (entry) => this.readSidecar(entry, false)).catch((error) => showError(error));
	}
}

/** `<stem>.claims.json` -> `<stem>.txt` beside it. */
export function articleUriFor(sidecarUri: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(sidecarUri, '..', articleNameFor(baseName(sidecarUri)));
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
	const key = uri.toString();
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

function isArticleDocument(document: vscode.TextDocument): boolean {
	return document.languageId === 'news-seed' && document.uri.scheme !== 'git';
}


export function showError(error: unknown): void {
	void vscode.window.showErrorMessage(`News Seed: ${error instanceof Error ? error.message : String(error)}`);
}
