/**
 * The summary the workspace entity index keeps of one seed file: each entity's canonical name, type, other names
 * and mention spans (one flat array), the headings and the line starts, keyed by a content hash of the text and
 * of the lexicon it was analysed with. Also the hashes and keys, and offset-to-position conversion without the text.
 */
import { groupedEntitiesSteps, type ArticleEntities } from './articleEntities';
import type { EntityType, UserLexicon } from './index';
import { lineStartsOf } from '../text/lineColumns';

/**
 * One entity of one file, as the index keeps it. `spans` holds its mentions as one flat array of UTF-16 offsets,
 * `[start0, end0, start1, end1, …]` in order (one array per entity instead of one per mention: a workspace of
 * 5,000 articles holds hundreds of thousands of mentions, and small arrays cost parsing and garbage collection).
 */
export interface IndexedEntity {
	readonly canonical: string;
	readonly type: EntityType;
	readonly aliases: readonly string[];
	readonly spans: readonly number[];
	/**
	 * How many mentions `spans` holds, when known without them (a summary read from the cache keeps its spans
	 * unparsed until asked: filling the index must not parse them).
	 */
	readonly mentions?: number;
}

/** The summary of one seed file. `lineStarts` turns offsets into line/character without the text. */
export interface IndexedArticle {
	/** {@link indexKey} of the text and lexicon it was made from. */
	readonly key: string;
	readonly lineStarts: readonly number[];
	readonly entities: readonly IndexedEntity[];
	readonly headings: readonly { readonly name: string; readonly start: number; readonly end: number }[];
	/**
	 * Each entity's type, names and mention count, in entity order, without making the entities (a summary read
	 * from the cache or from a worker's answer keeps them packed until a feature asks for them): what the index
	 * needs of every file. Absent: the entities are read.
	 */
	forEachName?(visit: EntityNameVisitor): void;
}

/** Called for each entity of a summary by {@link forEachEntityName}. */
export type EntityNameVisitor = (type: EntityType, canonical: string, aliases: readonly string[], mentions: number) => void;

/** Each entity's type, names and mention count, in entity order (see {@link IndexedArticle.forEachName}). */
export function forEachEntityName(article: IndexedArticle, visit: EntityNameVisitor): void {
	if (article.forEachName) {
		article.forEachName(visit);
		return;
	}
	for (const entity of article.entities) visit(entity.type, entity.canonical, entity.aliases, mentionCount(entity));
}

/** Bump when the summary's shape or the analysis changes, so old caches are dropped. */
export const indexFormatVersion = 3;

/** How many mentions an indexed entity has. */
export function mentionCount(entity: IndexedEntity): number {
	return entity.mentions ?? entity.spans.length >> 1;
}

/** The mentions of an indexed entity as `[start, end]` pairs, in order. */
export function mentionSpans(entity: IndexedEntity): [number, number][] {
	const pairs: [number, number][] = [];
	for (let i = 0; i + 1 < entity.spans.length; i += 2) pairs.push([entity.spans[i], entity.spans[i + 1]]);
	return pairs;
}

/**
 * A 64-bit non-cryptographic hash of a string (two 32-bit FNV-1a-like lanes with murmur finalisers), as 16 hex
 * digits. Same string, same hash, on every platform.
 */
export function contentHash(text: string): string {
	let h1 = 0xdeadbeef ^ text.length;
	let h2 = 0x41c6ce57 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The hash of a lexicon (empty string for none), part of every cache key. */
export function lexiconHash(lexicon: UserLexicon | undefined): string {
	if (lexicon === undefined) {
		return '';
	}
	const types = Object.entries(lexicon.types ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return contentHash(JSON.stringify([lexicon.entities ?? [], lexicon.notEntities ?? [], types]));
}

/** The cache key of a file's summary: format version, text hash, lexicon hash. */
export function indexKey(text: string, lexicon: UserLexicon | undefined): string {
	return `${indexFormatVersion}:${contentHash(text)}:${lexiconHash(lexicon)}`;
}

/** The summary of an analysed article. */
export function summarizeArticle(key: string, text: string, article: Pick<ArticleEntities, 'entities' | 'headings'>): IndexedArticle {
	return {
		key,
		lineStarts: lineStartsOf(text),
		entities: article.entities.map((entity) => {
			const spans: number[] = [];
			for (const mention of entity.mentions) spans.push(mention.start, mention.end);
			return { canonical: entity.canonical, type: entity.type, aliases: entity.aliases, spans };
		}),
		headings: article.headings.map((heading) => ({ name: heading.name, start: heading.start, end: heading.end })),
	};
}

/** Analysis and summary of one text as sliced steps (see `runSliced`). */
export function* summarizeArticleSteps(text: string, lexicon?: UserLexicon, key = indexKey(text, lexicon)): Generator<void, IndexedArticle> {
	const article = yield* groupedEntitiesSteps(text, lexicon);
	return summarizeArticle(key, text, article);
}

