import * as vscode from 'vscode';
import { foldingSpans } from '../core/seed/folding';
import { seedSelector } from './convert';
import type { SeedDocumentCache } from './seedDocumentCache';

/** Sections fold from their heading to their last paragraph; multi-line paragraphs fold too. */
export function registerFoldingSupport(documents: SeedDocumentCache): vscode.Disposable {
	return vscode.languages.registerFoldingRangeProvider(seedSelector, {
		provideFoldingRanges(document, _context, token) {
			const ranges: vscode.FoldingRange[] = [];
			for (const span of foldingSpans(documents.get(document))) {
				if (token.isCancellationRequested) {
					return [];
				}
				const startLine = document.positionAt(span.start).line;
				const endLine = document.positionAt(span.end).line;
				if (endLine > startLine) {
					ranges.push(new vscode.FoldingRange(startLine, endLine, vscode.FoldingRangeKind.Region));
				}
			}
			return ranges;
		},
	});
}
