import * as vscode from 'vscode';
import { isSeedDocument, toRange } from '../convert';
import { Disposable } from '../dispose';
import type { SentenceScore } from '../../core/checkworthiness/scorer';
import type { HintService } from './hintService';

/** The themable colour of the hint mark (package.json `contributes.colors`), distinct from the verdict colours. */
export const hintColorId = 'newsSeed.checkworthiness.hint';

/**
 * Marks the hinted sentences in the visible editors: a dotted underline and an overview-ruler tick in a quiet,
 * themable colour.
 *
 * Scenarios:
 *  - editor shown (article opened): the whole article is sent to the scoring worker and marked when its scores
 *    come back; without a worker, the sentences on screen are scored and marked at once, the whole
 *    article in slices and marked when ready;
 *  - scrolled: the newly visible part is marked at once if the whole is not ready yet;
 *  - hints changed (typing settled, claims tagged or moved, dismissals, settings): the article's visible
 *    editors are redrawn; VS Code moves the marks with the text while typing;
 *  - hints turned off: every mark is removed; disposed: the decoration type goes, and its marks with it.
 */
export class HintDecorations extends Disposable {
	private readonly type = this._register(vscode.window.createTextEditorDecorationType({
		borderStyle: 'none none dotted none',
		borderWidth: '0 0 1px 0',
		borderColor: new vscode.ThemeColor(hintColorId),
		overviewRulerColor: new vscode.ThemeColor(hintColorId),
		overviewRulerLane: vscode.OverviewRulerLane.Left,
		rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
	}));

	/** The ranges of the whole article's hints (the same array until they change), per document version: a tab shown again costs nothing. */
	private readonly ranges = new WeakMap<readonly SentenceScore[], { readonly version: number; readonly ranges: vscode.Range[] }>();

	constructor(private readonly hints: HintService) {
		super();
		this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.draw(e))));
		this._register(vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
			if (!hints.readyScores(event.textEditor.document)) this.draw(event.textEditor);
		}));
		this._register(hints.onDidChange((uri) => vscode.window.visibleTextEditors.filter((e) => !uri || e.document.uri.toString() === uri.toString()).forEach((e) => this.draw(e))));
		vscode.window.visibleTextEditors.forEach((e) => this.draw(e));
	}

	private draw(editor: vscode.TextEditor): void {
		const { document } = editor;
		if (!isSeedDocument(document)) return;
		if (!this.hints.enabled) {
			editor.setDecorations(this.type, []);
			return;
		}
		const ready = this.hints.readyScores(document);
		const hints = ready
			? this.hints.allHints(document)
			: this.hints.hintsOnScreen(document, editor.visibleRanges.map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) })));
		// Scored in the worker: the marks of before stay (VS Code moves them with the text) until its scores come.
		if (hints) editor.setDecorations(this.type, ready ? this.rangesOf(document, hints) : hints.map((h) => toRange(document, h)));
		if (!ready) this.hints.ensureScored(document);
	}

	private rangesOf(document: vscode.TextDocument, hints: readonly SentenceScore[]): vscode.Range[] {
		const known = this.ranges.get(hints);
		if (known?.version === document.version) return known.ranges;
		const ranges = hints.map((h) => toRange(document, h));
		this.ranges.set(hints, { version: document.version, ranges });
		return ranges;
	}
}
