import * as vscode from 'vscode';
import { entityAt, type ArticleEntities } from '../../core/entities/articleEntities';
import type { Entity } from '../../core/entities/index';
import type { IndexedArticle } from '../../core/entities/indexedArticle';
import { positionAt } from '../../core/text/lineColumns';
import { toRange } from '../convert';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** A range of an indexed (not necessarily open) file, from the offsets and line starts its summary keeps. */
export function indexedRange(article: IndexedArticle, start: number, end: number): vscode.Range {
	const from = positionAt(article.lineStarts, start);
	const to = positionAt(article.lineStarts, end);
	return new vscode.Range(from.line, from.character, to.line, to.character);
}

/** The entity's mentions in this document, as ranges. */
export function mentionRanges(document: vscode.TextDocument, entity: Entity): vscode.Range[] {
	return entity.mentions.map((mention) => toRange(document, mention));
}

/**
 * Every mention of `entity` in the workspace: this document's (live, from its current text) first, then every
 * other seed file's from the workspace index (as last read from disk).
 */
export function entityLocations(document: vscode.TextDocument, entity: Entity, index: WorkspaceIndexService): vscode.Location[] {
	const locations = mentionRanges(document, entity).map((range) => new vscode.Location(document.uri, range));
	for (const occurrence of index.index.occurrences(entity, document.uri.toString())) {
		const uri = vscode.Uri.parse(occurrence.uri);
		const spans = occurrence.entity.spans;
		for (let i = 0; i + 1 < spans.length; i += 2) {
			locations.push(new vscode.Location(uri, indexedRange(occurrence.article, spans[i], spans[i + 1])));
		}
	}
	return locations;
}

/** The entity under `position`, if any. */
export function entityAtPosition(document: vscode.TextDocument, article: ArticleEntities, position: vscode.Position): Entity | undefined {
	return entityAt(article, document.offsetAt(position));
}
