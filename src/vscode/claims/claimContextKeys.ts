import * as vscode from 'vscode';
import { claimsAt } from '../../core/claims/claimNavigation';
import { isSeedDocument } from '../convert';
import { Disposable } from '../dispose';
import type { ClaimStore } from './claimStore';

/**
 * Context keys for menus that apply only where they make sense ("Set Claim Verdict" only on a claim):
 * `newsSeed.cursorOnClaim`, `newsSeed.cursorOnChangedClaim` (a claim whose text changed, to confirm) and
 * `newsSeed.articleHasClaims`, for the active article's cursor.
 *
 * Scenarios: the cursor moves, another editor becomes active, or the claims change (tag, remove, a sidecar
 * read, typing that moves anchors): the keys are recomputed; a key is only set when its value changes.
 */
export class ClaimContextKeys extends Disposable {
	private readonly values = new Map<string, boolean>();

	constructor(private readonly store: ClaimStore) {
		super();
		this._register(vscode.window.onDidChangeTextEditorSelection((event) => event.textEditor === vscode.window.activeTextEditor && this.update()));
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
		this._register(store.onDidChange(() => this.update()));
		this.update();
	}

	private update(): void {
		const editor = vscode.window.activeTextEditor;
		const article = editor && isSeedDocument(editor.document) ? this.store.get(editor.document.uri) : undefined;
		const here = editor && article ? claimsAt(article.tracked, editor.document.offsetAt(editor.selection.active)) : [];
		const editable = article?.problem === null;
		this.set('newsSeed.cursorOnClaim', editable && here.length > 0);
		this.set('newsSeed.cursorOnChangedClaim', editable && here.some((t) => t.anchor.status === 'fuzzy'));
		this.set('newsSeed.articleHasClaims', (article?.tracked.length ?? 0) > 0);
	}

	private set(key: string, value: boolean): void {
		if (this.values.get(key) !== value) {
			this.values.set(key, value);
			void vscode.commands.executeCommand('setContext', key, value);
		}
	}
}
