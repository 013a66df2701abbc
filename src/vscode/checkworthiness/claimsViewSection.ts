import * as vscode from 'vscode';
import type { SentenceScore } from '../../core/checkworthiness/scorer';
import { isSeedDocument, toRange } from '../convert';
import { Disposable } from '../dispose';
import type { ClaimsViewSection } from '../claims/claimsView';
import type { HintService } from './hintService';

/** Sentences listed per article at most, best first. */
const MAX_SENTENCES = 50;

type Node =
	| { readonly kind: 'root' }
	| { readonly kind: 'article'; readonly document: vscode.TextDocument; readonly hints: readonly SentenceScore[] | undefined }
	| { readonly kind: 'sentence'; readonly document: vscode.TextDocument; readonly hint: SentenceScore };

function sentenceLabel(document: vscode.TextDocument, hint: SentenceScore): string {
	const text = document.getText(toRange(document, hint)).replace(/\s+/g, ' ');
	return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/**
 * The Claims view's "Check-worthy, not tagged" group: per open article, the hinted sentences (above the
 * threshold, not tagged, not dismissed), best first; selecting one reveals it. Articles not open are not scored.
 * Self-contained: the view asks it for its rows and tree items (see `ClaimsViewSection`).
 */
export class CheckworthyViewSection extends Disposable implements ClaimsViewSection {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
	readonly onDidChange = this.changeEmitter.event;

	constructor(private readonly hints: HintService) {
		super();
		this._register(hints.onDidChange(() => this.changeEmitter.fire()));
		this._register(vscode.workspace.onDidOpenTextDocument(() => this.changeEmitter.fire()));
		this._register(vscode.workspace.onDidCloseTextDocument(() => this.changeEmitter.fire()));
	}

	private articles(): { document: vscode.TextDocument; hints: readonly SentenceScore[] | undefined }[] {
		if (!this.hints.enabled) return [];
		return vscode.workspace.textDocuments.filter((d) => isSeedDocument(d) && d.uri.scheme !== 'git' && !d.isClosed).map((document) => {
			const hints = this.hints.readyHints(document);
			if (!hints) this.hints.ensureScored(document);
			return { document, hints: hints && [...hints].sort((a, b) => b.score - a.score || a.start - b.start) };
		}).filter((a) => a.hints === undefined || a.hints.length > 0);
	}

	roots(): unknown[] {
		return this.articles().length > 0 ? [{ kind: 'root' } satisfies Node] : [];
	}

	children(node: unknown): unknown[] {
		const n = node as Node;
		if (n.kind === 'root') return this.articles().map((a): Node => ({ kind: 'article', ...a }));
		if (n.kind === 'article') return (n.hints ?? []).slice(0, MAX_SENTENCES).map((hint): Node => ({ kind: 'sentence', document: n.document, hint }));
		return [];
	}

	treeItem(node: unknown): vscode.TreeItem {
		const n = node as Node;
		if (n.kind === 'root') {
			const item = new vscode.TreeItem('Check-worthy, not tagged', vscode.TreeItemCollapsibleState.Expanded);
			item.id = 'checkworthy:root';
			item.iconPath = new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('newsSeed.checkworthiness.hint'));
			item.tooltip = 'Sentences of the open articles that score above newsSeed.checkworthiness.threshold, not tagged as claims and not dismissed, best first.';
			item.contextValue = 'checkworthy.root';
			return item;
		}
		if (n.kind === 'article') {
			const item = new vscode.TreeItem(vscode.workspace.asRelativePath(n.document.uri, false), vscode.TreeItemCollapsibleState.Expanded);
			item.id = `checkworthy:article:${n.document.uri.toString()}`;
			item.resourceUri = n.document.uri;
			item.iconPath = vscode.ThemeIcon.File;
			item.description = n.hints === undefined ? 'scoring…' : `${n.hints.length} sentence${n.hints.length === 1 ? '' : 's'}`;
			item.contextValue = 'checkworthy.article';
			return item;
		}
		const range = toRange(n.document, n.hint);
		const item = new vscode.TreeItem(sentenceLabel(n.document, n.hint), vscode.TreeItemCollapsibleState.None);
		item.id = `checkworthy:sentence:${n.document.uri.toString()}:${n.hint.start}`;
		item.description = n.hint.score.toFixed(2);
		item.tooltip = n.hint.reasons.length > 0 ? `Score ${n.hint.score.toFixed(2)}: ${n.hint.reasons.map((r) => (r.text === undefined ? r.label : `${r.label}: ${r.text}`)).join('; ')}` : `Score ${n.hint.score.toFixed(2)}`;
		item.iconPath = new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('newsSeed.checkworthiness.hint'));
		item.contextValue = 'checkworthy.sentence';
		item.command = { command: 'vscode.open', title: 'Reveal Sentence', arguments: [n.document.uri, { selection: new vscode.Range(range.start, range.start) }] };
		return item;
	}

	/** The group as data, for the view's test snapshot. */
	snapshot(): unknown {
		return this.articles().map((a) => ({
			article: a.document.uri.toString(),
			scoring: a.hints === undefined,
			sentences: (a.hints ?? []).slice(0, MAX_SENTENCES).map((h) => ({ start: h.start, end: h.end, score: h.score, text: a.document.getText(toRange(a.document, h)) })),
		}));
	}
}
