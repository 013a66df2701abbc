import * as vscode from 'vscode';
import { isSeedDocument, toRange } from '../convert';
import { Disposable } from '../dispose';
import type { SentenceScore } from '../../core/checkworthiness/scorer';
import { runSliced } from '../../core/entities/articleEntities';
import type { Span } from '../../core/seed/seedDocument';
import { hostSlicer } from '../entities/articleEntitiesCache';
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
	/** The ranges of the whole article's hints being made in slices (see {@link drawWhole}). */
	private readonly making = new WeakMap<readonly SentenceScore[], Promise<vscode.Range[] | undefined>>();

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
		const onScreen = (): Span[] => editor.visibleRanges.map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) }));
		if (this.hints.readyScores(document)) {
			this.drawWhole(editor, this.hints.allHints(document), onScreen);
			return;
		}
		const hints = this.hints.hintsOnScreen(document, onScreen());
		// Scored in the worker: the marks of before stay (VS Code moves them with the text) until its scores come.
		if (hints) editor.setDecorations(this.type, hints.map((h) => toRange(document, h)));
		this.hints.ensureScored(document);
	}

	/**
	 * Marks the whole article's hints. Thousands of them (a 1 MB article of figures has 6,500) took 35 to 70 ms of
	 * the extension host's thread to convert at once; so those on screen are marked at once and the ranges of all
	 * are made in slices, then marked together, unless the hints changed meanwhile.
	 */
	private drawWhole(editor: vscode.TextEditor, hints: readonly SentenceScore[], onScreen: () => Span[]): void {
		const { document } = editor;
		const version = document.version;
		const known = this.ranges.get(hints);
		if (known?.version === version) {
			editor.setDecorations(this.type, known.ranges);
			return;
		}
		if (hints.length <= AT_ONCE) {
			const ranges = hints.map((h) => toRange(document, h));
			this.ranges.set(hints, { version, ranges });
			editor.setDecorations(this.type, ranges);
			return;
		}
		const spans = onScreen();
		editor.setDecorations(this.type, hints.filter((h) => spans.some((span) => h.start < span.end && span.start < h.end)).map((h) => toRange(document, h)));
		const current = (): boolean => !document.isClosed && document.version === version && this.hints.readyHints(document) === hints;
		// One sliced run per hints, whichever editors (and how many draws) wait for it.
		let making = this.making.get(hints);
		if (!making) {
			making = runSliced(rangeSteps(document, hints), { ...hostSlicer(), isCancelled: () => !current() }, SLICE_MS);
			this.making.set(hints, making);
		}
		void making.then((ranges) => {
			if (!ranges || !current()) return;
			this.ranges.set(hints, { version, ranges });
			if (vscode.window.visibleTextEditors.includes(editor)) editor.setDecorations(this.type, ranges);
		});
	}
}

/** Up to this many hints are marked in one go (their ranges take a few milliseconds). */
const AT_ONCE = 1_000;
/** How long a slice of range making may run before the extension host's thread is given back (ms). */
const SLICE_MS = 8;

/** The hints' ranges, a few hundred per step. */
function* rangeSteps(document: vscode.TextDocument, hints: readonly SentenceScore[]): Generator<void, vscode.Range[]> {
	const ranges: vscode.Range[] = [];
	for (let i = 0; i < hints.length; i++) {
		ranges.push(toRange(document, hints[i]));
		if (i % 256 === 255) yield;
	}
	return ranges;
}
