import * as vscode from 'vscode';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { ArticleEntitiesCache } from './articleEntitiesCache';
import { EntitiesView } from './entitiesView';
import { registerEntityCommands } from './entityCommands';
import { registerEntityHoverSupport } from './hoverProvider';
import { EntityKnowledgeStore } from './knowledgeStore';
import { registerEntityNavigation } from './navigation';
import { registerEntitySemanticTokens } from './semanticTokens';
import { registerIndexDiagnostics } from './indexDiagnostics';
import { WorkspaceIndexService, type OffThreadAnalyzer } from './workspaceIndexService';
import { registerEntityWorkspaceSymbols } from './workspaceSymbols';

/**
 * Builds the entity services (user knowledge, per-article analyses, the workspace index) and registers every
 * entity feature; the index build starts in the background. `storage` holds the index cache; `workers` analyse
 * cold files off the extension host thread (without them the index analyses on the host in slices); `log` is
 * the extension's "News Seed" log, where the index says where its analysis runs; `workspaceState` remembers the
 * Entities view's mode; `indexCreated` hears of the index (the check-worthiness background scoring follows it).
 */
export function registerEntityFeatures(documents: SeedDocumentCache, storage: vscode.Uri | undefined, workers: OffThreadAnalyzer | undefined, log: vscode.LogOutputChannel, workspaceState: vscode.Memento, indexCreated?: (index: WorkspaceIndexService) => void): vscode.Disposable {
	const knowledge = new EntityKnowledgeStore();
	const articles = new ArticleEntitiesCache(documents, knowledge);
	const index = new WorkspaceIndexService(storage, knowledge, workers, log);
	indexCreated?.(index);
	const disposable = vscode.Disposable.from(
		// Listed so that dependants go before what they depend on (Disposable.from disposes in order).
		registerEntityHoverSupport(documents, articles, index, knowledge),
		registerEntityNavigation(articles, index),
		registerEntitySemanticTokens(articles),
		registerEntityWorkspaceSymbols(index),
		registerEntityCommands(articles, index, knowledge),
		registerIndexDiagnostics(index),
		new EntitiesView(documents, articles, index, workspaceState),
		index,
		articles,
		knowledge,
	);
	void index.rebuild();
	return disposable;
}
