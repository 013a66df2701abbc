import * as vscode from 'vscode';
import { mentionAt } from '../../core/entities/articleEntities';
import { buildEntityHoverMarkdown } from '../../core/entities/entityHoverCard';
import { findKnowledgeEntity } from '../../core/entities/entityKnowledge';
import { mentionCount } from '../../core/entities/indexedArticle';
import { blockAt, sentenceAt } from '../../core/seed/seedParser';
import { commandLink } from '../../core/text/markdown';
import { seedSelector, toRange } from '../convert';
import type { SeedDocumentCache } from '../seedDocumentCache';
import type { ArticleEntitiesCache } from './articleEntitiesCache';
import { entityCommands } from './commandIds';
import type { EntityKnowledgeStore } from './knowledgeStore';
import { baseName, type WorkspaceIndexService } from './workspaceIndexService';

/**
 * The hover card of a mention: canonical name and type, other names, mentions and the first one's sentence,
 * other articles of the workspace (links that open them), the user's notes, and command links.
 */
export function registerEntityHoverSupport(documents: SeedDocumentCache, articles: ArticleEntitiesCache, index: WorkspaceIndexService, knowledge: EntityKnowledgeStore): vscode.Disposable {
	return vscode.languages.registerHoverProvider(seedSelector, {
		async provideHover(document, position, token) {
			const article = await articles.get(document, token);
			if (!article || token.isCancellationRequested) return undefined;
			const mention = mentionAt(article, document.offsetAt(position));
			if (!mention) return undefined;
			const entity = article.entities[mention.entity];
			const parsed = documents.get(document);
			const first = entity.mentions[0];
			const context = sentenceAt(parsed, first.start) ?? blockAt(parsed, first.start) ?? first;
			const others = index.index.occurrenceSummary(entity, document.uri.toString(), 5);
			const declared = findKnowledgeEntity(knowledge.knowledgeFor(document.uri), entity.type, [entity.canonical, ...entity.aliases]);
			const uri = document.uri.toString();
			const markdown = buildEntityHoverMarkdown({
				canonical: entity.canonical,
				type: entity.type,
				otherNames: entity.aliases,
				mentionCount: entity.mentions.length,
				firstLine: document.positionAt(first.start).line + 1,
				firstSentence: parsed.text.slice(context.start, context.end),
				otherArticles: others.first.map((o) => ({
					label: baseName(vscode.Uri.parse(o.uri)),
					link: commandLink(entityCommands.openArticle, [{ uri: o.uri, start: o.entity.spans[0], end: o.entity.spans[1] }]),
					mentions: mentionCount(o.entity),
				})),
				otherArticleCount: others.count,
				indexing: index.indexing,
				notes: declared?.notes ?? '',
				links: declared?.links ?? [],
				declared: declared !== undefined,
				findMentionsLink: commandLink(entityCommands.findMentions, [{ uri, offset: first.start }]),
				editNoteLink: commandLink(entityCommands.editNote, [{ uri, offset: first.start }]),
				wrongTypeLink: commandLink(entityCommands.setType, [{ uri, offset: mention.start }]),
				notEntityLink: commandLink(entityCommands.markNotEntity, [{ uri, offset: mention.start }]),
			});
			const content = new vscode.MarkdownString(markdown, true);
			content.supportHtml = false;
			// Exactly the commands of the links built above; the card's user text is escaped in core.
			content.isTrusted = { enabledCommands: [entityCommands.findMentions, entityCommands.editNote, ...(others.first.length > 0 ? [entityCommands.openArticle] : []), entityCommands.setType, entityCommands.markNotEntity] };
			return new vscode.Hover(content, toRange(document, mention));
		},
	});
}
