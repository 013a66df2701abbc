import * as vscode from 'vscode';
import type { SeedDocument, TextEdit } from '../core/seed/seedDocument';
import { applyEdits, parseSeed, updateSeed } from '../core/seed/seedParser';
import { isSeedDocument, toTextEdits } from './convert';
import { Disposable } from './dispose';

interface Entry {
	version: number;
	parsed: SeedDocument;
	/** Edits of the change events since `parsed`, one batch per event, not yet applied. */
	pending: TextEdit[][];
}

/**
 * Parses each seed document once per version, for every feature to read. Edits are applied lazily and
 * incrementally (only touched blocks are re-parsed), so typing in a 10 MB article costs milliseconds.
 * Scenarios: open -> parsed on first request; change -> edits queued, applied on the next request;
 * language switched away or document closed -> evicted.
 */
export class SeedDocumentCache extends Disposable {
	private readonly entries = new Map<string, Entry>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.TextDocument>());
	/** Fires after a seed document's text changed (not debounced). */
	readonly onDidChange = this.changeEmitter.event;

	constructor() {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((event) => this.queue(event)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString())));
	}

	get(document: vscode.TextDocument): SeedDocument {
		const key = document.uri.toString();
		const entry = this.entries.get(key);
		if (entry && entry.version === document.version) {
			return entry.parsed;
		}
		const parsed = entry && entry.pending.length > 0 ? this.catchUp(entry, document) : parseSeed(document.getText());
		this.entries.set(key, { version: document.version, parsed, pending: [] });
		return parsed;
	}

	private queue(event: vscode.TextDocumentChangeEvent): void {
		if (event.contentChanges.length === 0) {
			return;
		}
		const entry = this.entries.get(event.document.uri.toString());
		if (entry) {
			entry.pending.push(toTextEdits(event.contentChanges));
		}
		if (isSeedDocument(event.document)) {
			this.changeEmitter.fire(event.document);
		}
	}

	/** Replays the queued edits; intermediate texts are rebuilt from slices, the last one is the document's own. */
	private catchUp(entry: Entry, document: vscode.TextDocument): SeedDocument {
		let parsed = entry.parsed;
		entry.pending.forEach((edits, index) => {
			const text = index === entry.pending.length - 1 ? document.getText() : applyEdits(parsed.text, edits);
			parsed = updateSeed(parsed, edits, text);
		});
		return parsed;
	}
}

