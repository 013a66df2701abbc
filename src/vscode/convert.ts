// The one place where core offsets become VS Code positions and ranges, and back.
import * as vscode from 'vscode';
import type { Span, TextEdit } from '../core/seed/seedDocument';

export const languageId = 'news-seed';
export const seedSelector: vscode.DocumentSelector = { language: languageId };

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
	return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toSpan(document: vscode.TextDocument, range: vscode.Range): Span {
	return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** VS Code's content changes of one event, each relative to the text before the event, as core edits. */
export function toTextEdits(changes: readonly vscode.TextDocumentContentChangeEvent[]): TextEdit[] {
	return changes
		.map((change) => ({ start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text }))
		.sort((a, b) => a.start - b.start);
}

export function isSeedDocument(document: vscode.TextDocument): boolean {
	return document.languageId === languageId;
}
