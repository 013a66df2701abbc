import * as vscode from 'vscode';
import { analyzeArticleSteps, runSliced, type ArticleEntities, type SliceHost } from '../../core/entities/articleEntities';
import { Disposable } from '../dispose';
import type { SeedDocumentCache } from '../seedDocumentCache';
import type { EntityKnowledgeStore } from './knowledgeStore';

/** The longest stretch analysis may keep the extension host busy before it yields (the budget is 50 ms). */
export const sliceBudgetMs = 15;

/** Yields to the event loop between slices of work, so the extension host stays responsive. */
export function hostSlicer(token?: vscode.CancellationToken): SliceHost {
	return {
		now: () => performance.now(),
		// setImmediate runs before timers in Node; the browser's web-worker host has only setTimeout.
		yieldNow: () => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0))),
		isCancelled: () => token?.isCancellationRequested === true,
	};
}

interface Entry {
	readonly version: number;
	readonly generation: number;
	result: Promise<ArticleEntities | undefined>;
	/** Set when a newer version replaces this one: its run stops at the next slice. */
	superseded: boolean;
}

/**
 * The entities of each open seed document, per (uri, version, knowledge generation), computed in slices on the
 * extension host (never more than ~15 ms without yielding) and shared by hover, highlights, definition,
 * references, semantic tokens and the Entities view. Scenarios: first request -> analysed; typing -> the next
 * request analyses the new version (requests for the same version share one run); news-entities.json changed ->
 * everything re-analysed on request and `onDidChange` fires; closed -> evicted.
 */
export class ArticleEntitiesCache extends Disposable {
	private readonly entries = new Map<string, Entry>();
	private generation = 0;
	private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
	/** Fires when earlier results are no longer valid for reasons other than an edit (the user's knowledge changed). */
	readonly onDidChange = this.changeEmitter.event;

	constructor(private readonly documents: SeedDocumentCache, private readonly knowledge: EntityKnowledgeStore) {
		super();
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.evict(document.uri.toString())));
		this._register(knowledge.onDidChange(() => {
			this.generation++;
			for (const key of [...this.entries.keys()]) this.evict(key);
			this.changeEmitter.fire();
		}));
	}

	private evict(key: string): void {
		const entry = this.entries.get(key);
		if (entry) entry.superseded = true;
		this.entries.delete(key);
	}

	/** The analysis of the document's current version; undefined when the token was cancelled first. */
	async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<ArticleEntities | undefined> {
		await this.knowledge.ready;
		const key = document.uri.toString();
		let entry = this.entries.get(key);
		if (!entry || entry.version !== document.version || entry.generation !== this.generation) {
			const version = document.version;
			const text = document.getText();
			const parsed = this.documents.get(document);
			const lexicon = this.knowledge.lexiconFor(document.uri);
			// Not cancelled by the first caller's token (other requests for the same version share this run), only
			// when a newer version or a knowledge change replaces it, so typing in a big article never queues runs.
			if (entry) entry.superseded = true;
			const next: Entry = { version, generation: this.generation, result: Promise.resolve(undefined), superseded: false };
			next.result = runSliced(analyzeArticleSteps(text, lexicon, parsed), { ...hostSlicer(), isCancelled: () => next.superseded }, sliceBudgetMs);
			entry = next;
			this.entries.set(key, entry);
		}
		const result = await entry.result;
		return token?.isCancellationRequested ? undefined : result;
	}
}
