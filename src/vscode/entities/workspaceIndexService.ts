import * as vscode from 'vscode';
import { runSliced, type SliceStats } from '../../core/articleEntities';
import { articleTitle } from '../../core/articleTitle';
import { parseSeed } from '../../core/seedParser';
import { isSeedFileName, startsWithDateline } from '../../core/seedRecognition';
import {
	indexCacheHeader, indexKey, parseIndexCacheLine, summarizeArticle, WorkspaceEntityIndex, type IndexedArticle,
} from '../../core/workspaceEntityIndex';
import { analyzeArticleSteps } from '../../core/articleEntities';
import { Disposable } from '../dispose';
import { hostSlicer, sliceBudgetMs } from './articleEntitiesCache';
import type { EntityKnowledgeStore } from './knowledgeStore';

const cacheFileName = 'entity-index.jsonl';

/** The file name part of a URI, for labels. */
export function baseName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * The workspace index of every seed file's entities, built in the background on the extension host in slices
 * (never more than ~15 ms without yielding; the slices are measured in `stats`), with a progress indicator in
 * the status bar. Summaries are cached by content hash (and lexicon hash) in the extension's storage through
 * vscode.workspace.fs, so a second start only reads and hashes the files.
 * Scenarios: activation -> full build; a .txt created/changed/deleted on disk (FileSystemWatcher) -> that file
 * re-indexed or dropped; news-entities.json changed -> full rebuild (cached summaries of unchanged texts with the
 * same lexicon are reused); `newsSeed.entities.rebuildIndex` -> full rebuild ignoring nothing but the memory.
 */
export class WorkspaceIndexService extends Disposable {
	readonly index = new WorkspaceEntityIndex();
	readonly stats: SliceStats = { longestMs: 0, slices: 0 };
	private cache = new Map<string, IndexedArticle>();
	private building: Promise<void> | undefined;
	private rebuildRequested = false;
	private readonly pending = new Set<string>();
	private pendingTimer: ReturnType<typeof setTimeout> | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	private cancelled = false;
	private readonly updateEmitter = this._register(new vscode.EventEmitter<void>());
	/** Fires after the index changed (a build finished, or files were re-indexed). */
	readonly onDidUpdate = this.updateEmitter.event;
	/** Whether a full build is running. */
	indexing = false;

	constructor(private readonly storage: vscode.Uri | undefined, private readonly knowledge: EntityKnowledgeStore) {
		super();
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.txt'));
		this._register(watcher.onDidCreate((uri) => this.queue(uri)));
		this._register(watcher.onDidChange((uri) => this.queue(uri)));
		this._register(watcher.onDidDelete((uri) => {
			this.index.delete(uri.toString());
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

	/** Starts (or queues) a full build; resolves when the index is complete. */
	rebuild(): Promise<void> {
		if (this.building) {
			this.rebuildRequested = true;
			return this.building;
		}
		this.building = this.build().finally(() => {
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

	private async build(): Promise<void> {
		this.indexing = true;
		try {
			await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Seed: indexing entities' }, async (progress) => {
				await this.knowledge.ready;
				if (this.cache.size === 0) this.cache = await this.loadCache();
				const files = await vscode.workspace.findFiles('**/*.txt');
				const seen = new Set<string>();
				let done = 0;
				for (const uri of files) {
					if (this.cancelled) return;
					seen.add(uri.toString());
					await this.indexFile(uri);
					done++;
					if (done % 50 === 0 || done === files.length) progress.report({ message: `${done}/${files.length} files` });
				}
				for (const uri of [...this.index.uris()]) if (!seen.has(uri)) this.index.delete(uri);
				this.scheduleSave();
			});
		} finally {
			this.indexing = false;
			this.updateEmitter.fire();
		}
	}

	/** Reads one file and (re)indexes it when it is a seed file; slices the work. */
	private async indexFile(uri: vscode.Uri): Promise<void> {
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			this.index.delete(uri.toString());
			return;
		}
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		if (!isSeedFileName(baseName(uri)) && !startsWithDateline(text.slice(0, 200))) {
			this.index.delete(uri.toString());
			return;
		}
		const lexicon = this.knowledge.lexiconFor(uri);
		const key = indexKey(text, lexicon);
		const cached = this.cache.get(key);
		if (cached) {
			this.index.set(uri.toString(), cached);
			return;
		}
		const doc = parseSeed(text);
		const article = await runSliced(analyzeArticleSteps(text, lexicon, doc), { ...hostSlicer(), isCancelled: () => this.cancelled }, sliceBudgetMs, this.stats);
		if (!article) return;
		const summary = summarizeArticle(key, text, articleTitle(doc), article);
		this.cache.set(key, summary);
		this.index.set(uri.toString(), summary);
		// Give the thread back between files too (hashing and parsing a file are not sliced).
		await hostSlicer().yieldNow();
	}

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
			await this.indexFile(vscode.Uri.parse(uri));
		}
		this.scheduleSave();
		this.updateEmitter.fire();
	}

	private cacheUri(): vscode.Uri | undefined {
		return this.storage && vscode.Uri.joinPath(this.storage, cacheFileName);
	}

	/** Reads the JSON Lines cache, yielding between slices of lines; a missing, foreign or damaged cache is empty. */
	private async loadCache(): Promise<Map<string, IndexedArticle>> {
		const uri = this.cacheUri();
		const cache = new Map<string, IndexedArticle>();
		if (!uri) return cache;
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			return cache;
		}
		const headerEnd = text.indexOf('\n');
		if ((headerEnd < 0 ? text : text.slice(0, headerEnd)) !== indexCacheHeader) return cache;
		// Line by line with indexOf (one split of a 15 MB text would be a long step of its own).
		await runSliced(function* () {
			let at = headerEnd;
			let count = 0;
			while (at >= 0 && at < text.length) {
				const next = text.indexOf('\n', at + 1);
				const article = parseIndexCacheLine(text.slice(at + 1, next < 0 ? text.length : next));
				if (article) cache.set(article.key, article);
				at = next;
				if (++count % 50 === 0) yield;
			}
		}(), hostSlicer(), sliceBudgetMs, this.stats);
		return cache;
	}

	private scheduleSave(): void {
		clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => void this.save(), 1000);
	}

	/** Writes the summaries of the files indexed now (entries of files gone are dropped), in slices. */
	private async save(): Promise<void> {
		const uri = this.cacheUri();
		if (!uri || !this.storage || this.cancelled) return;
		const articles = new Map<string, IndexedArticle>();
		for (const key of [...this.index.uris()]) {
			const article = this.index.get(key);
			if (article) articles.set(article.key, article);
		}
		this.cache = articles;
		const lines = [indexCacheHeader];
		await runSliced(function* () {
			for (const article of articles.values()) {
				lines.push(JSON.stringify(article));
				if (lines.length % 100 === 0) yield;
			}
		}(), hostSlicer(), sliceBudgetMs, this.stats);
		try {
			await vscode.workspace.fs.createDirectory(this.storage);
			await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
		} catch {
			// A cache that cannot be written only costs time at the next start.
		}
	}
}
