import * as vscode from 'vscode';
import type { EntityType } from '../../core/entities/index';
import { seedSelector } from '../convert';
import type { ArticleEntities } from '../../core/entities/articleEntities';
import { runSliced } from '../../core/entities/articleEntities';
import { hostSlicer, type ArticleEntitiesCache } from './articleEntitiesCache';

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
			// A 1 MB article's thousands of mentions took 40 to 65 ms of the host's thread in one go: in slices, given
			// up (VS Code asks again) when the document changes meanwhile, since the offsets are of this version.
			const version = document.version;
			const done = await runSliced(pushSteps(document, article, builder), { ...hostSlicer(token), isCancelled: () => token.isCancellationRequested || document.version !== version }, SLICE_MS);
			return done ? builder.build() : undefined;
		},
	};
	return vscode.Disposable.from(
		changed,
		articles.onDidChange(() => changed.fire()),
		vscode.languages.registerDocumentSemanticTokensProvider(seedSelector, provider, entityTokenLegend),
	);
}

/** How long a slice of tokens may run before the extension host's thread is given back (ms). */
const SLICE_MS = 8;

/** Pushes every mention's token, yielding every 1,000 mentions; returns true when all are in. */
function* pushSteps(document: vscode.TextDocument, article: ArticleEntities, builder: vscode.SemanticTokensBuilder): Generator<void, boolean> {
	for (let i = 0; i < article.mentions.length; i++) {
		const mention = article.mentions[i];
		const start = document.positionAt(mention.start);
		const end = document.positionAt(mention.end);
		// A token lies on one line; a name broken across lines is coloured on its first line only.
		const length = start.line === end.line ? end.character - start.character : document.lineAt(start.line).text.length - start.character;
		if (length > 0) builder.push(start.line, start.character, length, entityTokenTypes.indexOf(article.entities[mention.entity].type), 0);
		if (i % 1_000 === 999) yield;
	}
	return true;
}
