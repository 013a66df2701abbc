import * as vscode from 'vscode';
import { buildOutline, defaultOutlineOptions, type OutlineKind, type OutlineNode } from '../core/seed/outline';
import { seedSelector, toRange } from './convert';
import type { SeedDocumentCache } from './seedDocumentCache';

/**
 * No symbol kind means "paragraph"; String made the Outline call every paragraph "(string)" (its tooltip and
 * screen-reader label), so lead and paragraphs are fields of their section: a block icon and the word "field".
 */
const symbolKinds: Record<OutlineKind, vscode.SymbolKind> = {
	article: vscode.SymbolKind.File,
	dateline: vscode.SymbolKind.Event,
	lead: vscode.SymbolKind.Field,
	section: vscode.SymbolKind.Namespace,
	paragraph: vscode.SymbolKind.Field,
};

/** The Outline view, breadcrumbs and Go to Symbol in Editor: dateline, lead, sections and their paragraphs. */
export function registerOutlineSupport(documents: SeedDocumentCache): vscode.Disposable {
	return vscode.languages.registerDocumentSymbolProvider(seedSelector, {
		provideDocumentSymbols(document, token) {
			const maxParagraphs = vscode.workspace.getConfiguration('newsSeed', document).get<number>('outline.maxParagraphs', defaultOutlineOptions.maxParagraphs);
			const outline = buildOutline(documents.get(document), { maxParagraphs });
			return token.isCancellationRequested ? [] : [toSymbol(document, outline)];
		},
	}, { label: 'News Seed' });
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
	const symbol = new vscode.DocumentSymbol(node.name || ' ', node.detail, symbolKinds[node.kind], toRange(document, node.range), toRange(document, node.selection));
	symbol.children = node.children.map((child) => toSymbol(document, child));
	return symbol;
}
