import * as vscode from 'vscode';
import { UNCHECKED_LABEL, type Verdict } from '../../core/claims';
import { displayVerdict, verdictThemeColorId } from '../../core/claims/claimPresentation';
import { toRange } from '../convert';
import { Disposable } from '../dispose';
import { affectsClaims, readVerdicts, reportVerdictProblems } from './claimSettings';
import type { ClaimStore } from './claimStore';
import { verdictIconUri } from './verdictIcons';

const TYPING_DEBOUNCE_MS = 200;
/** A store change this soon after a keystroke in the same document is part of typing. */
const TYPING_WINDOW_MS = 100;

/**
 * Draws claims in the editors: each claim's text in its verdict's colour (themable for the default scale), a
 * gutter mark and an overview-ruler mark in that colour; a claim whose text changed gets a dashed border too.
 *
 * Scenarios (after markdown-all-in-one's decoration manager):
 *  - editors shown, or claims changed by a command, a sidecar read or a re-anchoring: the visible editors of
 *    that article are redrawn at once;
 *  - typing: VS Code moves the decorations with the text by itself; our redraw is debounced;
 *  - `newsSeed.verdicts` changed: the decoration types are rebuilt and every visible editor redrawn;
 *  - disposed: timers cleared first, then the decoration types disposed (their decorations vanish with them).
 */
export class ClaimDecorations extends Disposable {
	private types = new Map<string, vscode.TextEditorDecorationType>();
	private readonly changedType = this._register(vscode.window.createTextEditorDecorationType({
		borderStyle: 'dashed',
		borderWidth: '1px',
		borderColor: new vscode.ThemeColor('newsSeed.claim.changedBorder'),
		rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
	}));
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly lastTyped = new Map<string, number>();
	private verdicts: readonly Verdict[] = [];

	constructor(private readonly store: ClaimStore, private readonly extensionUri: vscode.Uri) {
		super();
		this._register({ dispose: () => this.disposeTypes() });
		this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
		this.rebuildTypes();
		reportVerdictProblems();
		this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.draw(editor))));
		this._register(vscode.workspace.onDidChangeTextDocument((event) => {
			if (event.contentChanges.length > 0) {
				this.lastTyped.set(event.document.uri.toString(), Date.now());
			}
		}));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.lastTyped.delete(document.uri.toString())));
		this._register(store.onDidChange((uri) => (uri ? this.onClaimsChanged(uri) : this.drawAll())));
		this._register(vscode.workspace.onDidChangeConfiguration((event) => {
			if (affectsClaims(event)) {
				reportVerdictProblems();
				this.rebuildTypes();
				this.drawAll();
			}
		}));
		this.drawAll();
	}

	private onClaimsChanged(uri: vscode.Uri): void {
		const key = uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.delete(key);
		const typing = Date.now() - (this.lastTyped.get(key) ?? 0) < TYPING_WINDOW_MS;
		if (!typing) {
			this.drawArticle(key);
			return;
		}
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			this.drawArticle(key);
		}, TYPING_DEBOUNCE_MS));
	}

	private drawArticle(key: string): void {
		vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key).forEach((e) => this.draw(e));
	}

	private drawAll(): void {
		vscode.window.visibleTextEditors.forEach((editor) => this.draw(editor));
	}

	private draw(editor: vscode.TextEditor): void {
		const article = this.store.get(editor.document.uri);
		const byType = new Map<string, vscode.Range[]>([...this.types.keys()].map((k) => [k, []]));
		const changed: vscode.Range[] = [];
		const length = editor.document.getText().length;
		for (const tracked of article?.tracked ?? []) {
			const span = tracked.anchor.span;
			if (!span || span.end > length) {
				continue;
			}
			const range = toRange(editor.document, span);
			const label = displayVerdict(this.verdicts, tracked.claim.body.verdict).label.toLowerCase();
			(byType.get(label) ?? byType.get('unchecked'))?.push(range);
			if (tracked.anchor.status === 'fuzzy') {
				changed.push(range);
			}
		}
		for (const [label, ranges] of byType) {
			const type = this.types.get(label);
			if (type) {
				editor.setDecorations(type, ranges);
			}
		}
		editor.setDecorations(this.changedType, changed);
	}

	private rebuildTypes(): void {
		this.disposeTypes();
		this.verdicts = readVerdicts();
		for (const verdict of this.verdicts) {
			this.types.set(verdict.label.toLowerCase(), vscode.window.createTextEditorDecorationType(this.optionsFor(verdict)));
		}
	}

	private optionsFor(verdict: Verdict): vscode.DecorationRenderOptions {
		const themeId = verdictThemeColorId(verdict);
		const solid = verdict.color.slice(0, 7);
		// Unchecked is grey, which on its own is barely visible: a dotted border marks it in every theme.
		const unchecked = verdict.label.toLowerCase() === UNCHECKED_LABEL.toLowerCase()
			? { border: '1px dotted', borderColor: new vscode.ThemeColor('newsSeed.claim.uncheckedBorder') }
			: {};
		return {
			...unchecked,
			backgroundColor: themeId ? new vscode.ThemeColor(themeId) : `${solid}44`,
			overviewRulerColor: solid,
			overviewRulerLane: vscode.OverviewRulerLane.Right,
			gutterIconPath: verdictIconUri(this.extensionUri, verdict),
			gutterIconSize: 'contain',
			rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
		};
	}

	private disposeTypes(): void {
		this.types.forEach((type) => type.dispose());
		this.types = new Map();
	}
}
