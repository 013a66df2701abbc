import * as vscode from 'vscode';
import { entityAt, runSliced, type ArticleEntities } from '../../core/entities/articleEntities';
import type { Entity } from '../../core/entities/index';
import type { IndexedArticle } from '../../core/entities/indexedArticle';
import { positionAt } from '../../core/text/lineColumns';
import type { Steps } from '../../core/text/steps';
import { toRange } from '../convert';
import { hostSlicer } from './articleEntitiesCache';
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
 * other seed file's from the workspace index (as last read from disk). In slices on the host's thread (an entity
 * named in hundreds of files took up to 90 ms at once); undefined when `token` cancels it.
 */
export function entityLocations(document: vscode.TextDocument, entity: Entity, index: WorkspaceIndexService, token?: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
	return runSliced(entityLocationsSteps(document, entity, index), hostSlicer(token), locationsBudgetMs);
}

/** Slices of {@link entityLocations} hold the thread about this long. */
const locationsBudgetMs = 10;

/** Mentions turned into locations per step. */
const locationsPerStep = 256;

function* entityLocationsSteps(document: vscode.TextDocument, entity: Entity, index: WorkspaceIndexService): Steps<vscode.Location[]> {
	const locations = mentionRanges(document, entity).map((range) => new vscode.Location(document.uri, range));
	const occurrences = yield* index.index.occurrencesSteps(entity, document.uri.toString());
	let made = 0;
	for (const occurrence of occurrences) {
		const uri = vscode.Uri.parse(occurrence.uri);
		const spans = occurrence.entity.spans;
		for (let i = 0; i + 1 < spans.length; i += 2) {
			locations.push(new vscode.Location(uri, indexedRange(occurrence.article, spans[i], spans[i + 1])));
		}
		// A file's first use after a cache was read parses its details (line starts, spans): counted as a few mentions.
		made += spans.length / 2 + 8;
		if (made >= locationsPerStep) {
			made = 0;
			yield;
		}
	}
	return locations;
}

/** The entity under `position`, if any. */
export function entityAtPosition(document: vscode.TextDocument, article: ArticleEntities, position: vscode.Position): Entity | undefined {
	return entityAt(article, document.offsetAt(position));
}
