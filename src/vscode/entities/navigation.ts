import * as vscode from 'vscode';
import { seedSelector, toRange } from '../convert';
import type { ArticleEntitiesCache } from './articleEntitiesCache';
import { entityAtPosition, entityLocations, mentionRanges } from './entityLocations';
import type { WorkspaceIndexService } from './workspaceIndexService';

/**
 * Document highlights (every mention of the entity under the cursor), Go to Definition (its first mention in the
 * article) and Find All References (its mentions in every seed file of the workspace).
 */
export function registerEntityNavigation(articles: ArticleEntitiesCache, index: WorkspaceIndexService): vscode.Disposable {
	return vscode.Disposable.from(
		vscode.languages.registerDocumentHighlightProvider(seedSelector, {
			async provideDocumentHighlights(document, position, token) {
				const article = await articles.get(document, token);
				const entity = article && entityAtPosition(document, article, position);
				if (!entity || token.isCancellationRequested) return undefined;
				return mentionRanges(document, entity).map((range) => new vscode.DocumentHighlight(range, vscode.DocumentHighlightKind.Text));
			},
		}),
		vscode.languages.registerDefinitionProvider(seedSelector, {
			async provideDefinition(document, position, token) {
				const article = await articles.get(document, token);
				const entity = article && entityAtPosition(document, article, position);
				if (!entity || token.isCancellationRequested) return undefined;
				return new vscode.Location(document.uri, toRange(document, entity.mentions[0]));
			},
		}),
		vscode.languages.registerReferenceProvider(seedSelector, {
			async provideReferences(document, position, _context, token) {
				const article = await articles.get(document, token);
				const entity = article && entityAtPosition(document, article, position);
				if (!entity || token.isCancellationRequested) return undefined;
				return entityLocations(document, entity, index, token);
			},
		}),
	);
}
