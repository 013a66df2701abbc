import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/index';
import { indexedRange } from './entityLocations';
import { baseName, type WorkspaceIndexService } from './workspaceIndexService';

const kinds: Record<EntityType, vscode.SymbolKind> = {
	person: vscode.SymbolKind.Object,
	organization: vscode.SymbolKind.Module,
	place: vscode.SymbolKind.Field,
};

/** Go to Symbol in Workspace: entities (at their first mention in each file) and headings of every seed file. */
export function registerEntityWorkspaceSymbols(index: WorkspaceIndexService): vscode.Disposable {
	return vscode.languages.registerWorkspaceSymbolProvider({
		provideWorkspaceSymbols(query, token) {
			const symbols: vscode.SymbolInformation[] = [];
			for (const symbol of index.index.symbols(query)) {
				if (token.isCancellationRequested) return [];
				const uri = vscode.Uri.parse(symbol.uri);
				const kind = symbol.kind === 'heading' ? vscode.SymbolKind.Namespace : kinds[symbol.type ?? 'person'];
				symbols.push(new vscode.SymbolInformation(symbol.name, kind, baseName(uri), new vscode.Location(uri, indexedRange(symbol.article, symbol.start, symbol.end))));
			}
			return symbols;
		},
	});
}
