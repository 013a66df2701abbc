import * as vscode from 'vscode';
import {
	createClaim, formatSidecarProblem, mergeClaimSets, parseSidecar, prepareArticle, serialiseSidecar, sidecarNameFor,
	UNANCHORED, updateClaimBody, type Claim, type ClaimBody, type ClaimConflict, type NewClaimFields, type SidecarProblem,
} from '../../core/claims';
import { confirmAnchor, refreshTargets, trackClaims, trackEdits, upsertTracked, type TrackedClaim } from '../../core/claims/claimTracking';
import type { Span } from '../../core/seed/seedDocument';
import { parseDateline } from '../../core/seed/dateline';
import { toTextEdits } from '../convert';
import { Disposable } from '../dispose';
import { offerConflictResolution } from '../git/mergeConflictResolution';
import { baseName, readTextFile, sha256Hex, writeTextFileAtomically } from '../workspaceFiles';

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
}

interface Entry extends ArticleClaims {
	tracked: readonly TrackedClaim[];
	problem: string | null;
	problems: readonly SidecarProblem[];
	/** The claims as last read from or written to disk: the base of 3-way merges. */
	base: readonly Claim[];
	/** The sidecar's text as last read or written (null: no file). A watcher event with this text is our own echo. */
	diskText: string | null;
	/** Sidecar operations of this article run one at a time, in order. */
	queue: Promise<unknown>;
}

const DELETE_GRACE_MS = 300;

/**
 * Holds every article's claims, reads and writes the sidecars, and keeps the claims on their text.
 *
 * Scenarios:
 *  - activation: every `*.claims.json` of the workspace is read and anchored in its article (file or open document);
 *  - article opened: its sidecar (if any) is read, or the claims re-anchored in the document's text;
 *  - typing: anchors move with the edits (core edit tracking); nothing is written;
 *  - article saved: positions and quotes are refreshed and the sidecar written (only if its bytes change);
 *  - article closed: claims re-anchored in the file's text (unsaved edits were discarded);
 *  - tag / edit / remove: the sidecar is written at once; created with the first claim, deleted with the last;
 *  - sidecar changed on disk (watcher, or found changed just before one of our writes): 3-way merged with the
 *    claims in memory (base = what we last read or wrote), so neither side's claims are lost; our own writes
 *    are recognised by their bytes and ignored;
 *  - article changed on disk while not open: re-anchored from the stored quotes;
 *  - damaged sidecar: reported with line, column and path; its readable claims shown read-only; never written.
 * Writes go to a temporary file beside the sidecar and are renamed over it, so a failed write leaves the old file.
 */
export class ClaimStore extends Disposable {
	private readonly entries = new Map<string, Entry>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri | undefined>());
	/** Fires with an article's URI when its claims or anchors changed (undefined: many articles). */
	readonly onDidChange = this.changeEmitter.event;
	private readonly problemsCollection = this._register(vscode.languages.createDiagnosticCollection('news-seed-claims'));
	private readonly ready: Promise<void>;

	constructor() {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
		this._register(vscode.workspace.onDidSaveTextDocument((document) => this.onArticleSaved(document)));
		this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onArticleOpened(document)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.onArticleClosed(document)));
		const sidecars = this._register(vscode.workspace.createFileSystemWatcher('**/*.claims.json'));
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

	private async loadWorkspace(): Promise<void> {
		const sidecars = await vscode.workspace.findFiles('**/*.claims.json', '**/node_modules/**');
		await Promise.all(sidecars.map((uri) => this.enqueue(articleUriFor(uri), (entry) => this.readSidecar(entry, true)).catch(() => undefined)));
		await Promise.all(vscode.workspace.textDocuments.filter(isArticleDocument).map((document) => this.load(document.uri).catch(() => undefined)));
		this.changeEmitter.fire(undefined);
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
			if (entry.diskText === null && entry.tracked.length === 0) {
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
			if (entry.diskText === null && entry.tracked.length === 0 && entry.problem === null) {
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
			const sidecarUri = vscode.Uri.joinPath(articleUri, '..', sidecarNameFor(baseName(articleUri)));
			entry = { articleUri, sidecarUri, tracked: [], problem: null, problems: [], base: [], diskText: null, queue: Promise.resolve() };
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
		const disk = await this.readSidecarText(entry);
		if (!initial && disk === entry.diskText) {
			return;
		}
		await this.reconcile(entry, disk);
	}

	/** Takes in the sidecar text found on disk (null: no file): parse, report, merge, re-anchor; write if merging produced something new. */
	private async reconcile(entry: Entry, disk: string | null): Promise<void> {
		const text = await this.currentText(entry.articleUri);
		const article = prepareArticle(text ?? '');
		const parsed = disk === null ? null : parseSidecar(disk);
		entry.diskText = disk;
		if (parsed && parsed.status !== 'ok') {
			entry.problems = parsed.problems;
			const first = parsed.problems[0];
			entry.problem = first ? `${formatSidecarProblem(first)}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : ''}` : 'unreadable';
			entry.base = parsed.claims;
			entry.tracked = trackClaims(article, parsed.claims, entry.tracked);
			this.reportProblems(entry);
			this.fire(entry);
			if (parsed.mergeConflict) {
				void offerConflictResolution(entry.sidecarUri);
			} else {
				void vscode.window.showWarningMessage(`News Seed: ${baseName(entry.sidecarUri)} is damaged and is shown read-only (never overwritten): ${entry.problem}`);
			}
			return;
		}
		const theirs = parsed?.claims ?? [];
		const wasDamaged = entry.problem !== null;
		entry.problem = null;
		entry.problems = [];
		this.reportProblems(entry);
		const ours = entry.tracked.map((t) => t.claim);
		const merged = wasDamaged ? { claims: theirs, conflicts: [] as ClaimConflict[] } : mergeClaimSets(entry.base, ours, theirs);
		entry.base = theirs;
		entry.tracked = trackClaims(article, merged.claims, entry.tracked);
		this.fire(entry);
		if (merged.conflicts.length > 0) {
			void vscode.window.showWarningMessage(`News Seed: ${baseName(entry.sidecarUri)} changed on disk while you edited the same claims; kept the later version of ${merged.conflicts.length} claim(s).`);
		}
		if (!sameClaims(merged.claims, theirs)) {
			await this.write(entry);
		}
	}

	/** Writes the claims in memory to the sidecar (atomically), merging first with any change found on disk. */
	private async write(entry: Entry): Promise<void> {
		const disk = await this.readSidecarText(entry);
		if (disk !== entry.diskText) {
			// Changed on disk since we last looked (the watcher has not told us yet): merge before writing.
			const parsed = disk === null ? null : parseSidecar(disk);
			if (parsed && parsed.status !== 'ok') {
				await this.reconcile(entry, disk);
				throw new ClaimsError(`Not saved: ${baseName(entry.sidecarUri)} was damaged on disk in the meantime (${entry.problem}); it is left as it is.`);
			}
			const merged = mergeClaimSets(entry.base, entry.tracked.map((t) => t.claim), parsed?.claims ?? []);
			entry.base = parsed?.claims ?? [];
			entry.diskText = disk;
			const text = await this.currentText(entry.articleUri);
			entry.tracked = trackClaims(prepareArticle(text ?? ''), merged.claims, entry.tracked);
			this.fire(entry);
		}
		const text = await this.currentText(entry.articleUri);
		if (text !== null) {
			entry.tracked = refreshTargets(entry.tracked, prepareArticle(text));
		}
		const claims = entry.tracked.map((t) => t.claim);
		try {
			if (claims.length === 0) {
				if (disk !== null) {
					await vscode.workspace.fs.delete(entry.sidecarUri, { useTrash: false });
				}
				entry.diskText = null;
				entry.base = [];
				return;
			}
			const articleText = text ?? '';
			const serialised = serialiseSidecar({
				article: { fileName: baseName(entry.articleUri), sha256: await sha256Hex(articleText), date: parseDateline(articleText).dateline?.value ?? null },
				claims,
			});
			if (serialised !== disk) {
				await writeTextFileAtomically(entry.sidecarUri, serialised);
			}
			entry.diskText = serialised;
			entry.base = claims;
		} catch (error) {
			throw new ClaimsError(`Could not save the claims to ${baseName(entry.sidecarUri)}: ${error instanceof Error ? error.message : String(error)}. The file on disk was left as it was; your change is kept and will be saved with the next one.`);
		}
	}

	/**
	 * The sidecar's text on disk. VS Code's rename with overwrite deletes the target before renaming, so a
	 * sidecar that another writer (or window) is replacing can be missing for a moment: a sidecar we knew that
	 * seems gone is looked for once more before it counts as deleted.
	 */
	private async readSidecarText(entry: Entry): Promise<string | null> {
		const disk = await readTextFile(entry.sidecarUri);
		if (disk !== null || entry.diskText === null) {
			return disk;
		}
		await new Promise((resolve) => setTimeout(resolve, DELETE_GRACE_MS));
		return readTextFile(entry.sidecarUri);
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
		if (!entry || entry.problem !== null || (entry.tracked.length === 0 && entry.diskText === null)) {
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
					this.reanchor(e, await this.currentText(e.articleUri));
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

	private reanchor(entry: Entry, text: string | null): void {
		const article = prepareArticle(text ?? '');
		entry.tracked = text === null
			? entry.tracked.map((t) => ({ claim: t.claim, anchor: UNANCHORED }))
			: trackClaims(article, entry.tracked.map((t) => t.claim));
		this.fire(entry);
	}

	private onSidecarChangedOnDisk(sidecarUri: vscode.Uri): void {
		const articleUri = [...this.entries.values()].find((e) => e.sidecarUri.toString() === sidecarUri.toString())?.articleUri ?? articleUriFor(sidecarUri);
		this.enqueue(articleUri, (entry) => this.readSidecar(entry, false)).catch((error) => showError(error));
	}
}

function sameClaims(a: readonly Claim[], b: readonly Claim[]): boolean {
	const key = (claims: readonly Claim[]) => JSON.stringify([...claims].sort((x, y) => (x.id < y.id ? -1 : 1)));
	return a.length === b.length && key(a) === key(b);
}

/** `<stem>.claims.json` -> `<stem>.txt` beside it. */
export function articleUriFor(sidecarUri: vscode.Uri): vscode.Uri {
	const name = baseName(sidecarUri).replace(/\.claims\.json$/i, '.txt');
	return vscode.Uri.joinPath(sidecarUri, '..', name);
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
