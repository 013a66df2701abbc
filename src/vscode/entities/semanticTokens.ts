import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/index';
import { seedSelector } from '../convert';
import type { ArticleEntitiesCache } from './articleEntitiesCache';

/** Token types as contributed in package.json (`semanticTokenTypes`, mapped to TextMate scopes by `semanticTokenScopes`). */
export const entityTokenTypes: readonly EntityType[] = ['person', 'organization', 'place'];
export const entityTokenLegend = new vscode.SemanticTokensLegend([...entityTokenTypes], []);

/** People, organizations and places as semantic tokens, so every theme colours them through the scope mapping. */
export function registerEntitySemanticTokens(articles: ArticleEntitiesCache): vscode.Disposable {
	const changed = new vscode.EventEmitter<void>();
	const provider: vscode.DocumentSemanticTokensProvider = {
		onDidChangeSemanticTokens: changed.event,
		async provideDocumentSemanticTokens(document, token) {
			const article = await articles.get(document, token);
			if (!article || token.isCancellationRequested) return undefined;
			const builder = new vscode.SemanticTokensBuilder(entityTokenLegend);
			for (const mention of article.mentions) {
				const start = document.positionAt(mention.start);
				const end = document.positionAt(mention.end);
				// A token lies on one line; a name broken across lines is coloured on its first line only.
				const length = start.line === end.line ? end.character - start.character : document.lineAt(start.line).text.length - start.character;
				if (length > 0) builder.push(start.line, start.character, length, entityTokenTypes.indexOf(article.entities[mention.entity].type), 0);
			}
			return builder.build();
		},
	};
	return vscode.Disposable.from(
		changed,
		articles.onDidChange(() => changed.fire()),
		vscode.languages.registerDocumentSemanticTokensProvider(seedSelector, provider, entityTokenLegend),
	);
}
