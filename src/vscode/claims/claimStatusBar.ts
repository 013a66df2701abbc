import * as vscode from 'vscode';
import { countClaims } from '../../core/claims/claimTracking';
import { UNCHECKED_LABEL } from '../../core/claims';
import { isSeedDocument } from '../convert';
import { Disposable } from '../dispose';
import type { ClaimStore } from './claimStore';

/** The active article's claims and unchecked claims in the status bar; a click focuses the Claims view. */
export class ClaimStatusBar extends Disposable {
	private readonly item = this._register(vscode.window.createStatusBarItem('newsSeed.claims.status', vscode.StatusBarAlignment.Right, 100));

	constructor(private readonly store: ClaimStore) {
		super();
		this.item.name = 'News Seed Claims';
		this.item.command = 'newsSeed.claims.focus';
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
		this._register(store.onDidChange(() => this.update()));
		this.update();
	}

	private update(): void {
		const editor = vscode.window.activeTextEditor;
		if (!editor || !isSeedDocument(editor.document)) {
			this.item.hide();
			return;
		}
		const article = this.store.get(editor.document.uri);
		const counts = countClaims(article?.tracked ?? []);
		const unchecked = counts.byVerdict.get(UNCHECKED_LABEL) ?? 0;
		this.item.text = `$(checklist) ${counts.total} ${counts.total === 1 ? 'claim' : 'claims'}${unchecked > 0 ? `, ${unchecked} unchecked` : ''}`;
		const extra = [counts.changed > 0 ? `${counts.changed} changed (to confirm)` : '', counts.unanchored > 0 ? `${counts.unanchored} unanchored` : '', article?.problem ? 'claims file damaged: read-only' : ''].filter(Boolean);
		this.item.tooltip = `Claims in this article${extra.length > 0 ? `: ${extra.join(', ')}` : ''}. Click to show the Claims view.`;
		this.item.show();
	}
}
