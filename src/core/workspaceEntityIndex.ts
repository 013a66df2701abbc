/**
 * The workspace-wide entity index: for each seed file, a compact summary of its entities (id, canonical name,
 * type, mention spans) and headings, keyed by the file's URI string, with an inverted map from entity id to the
 * files that mention it. Summaries are serialisable and keyed by a content hash, so a host can cache them
 * between sessions and only re-analyse files whose text (or the user's lexicon) changed.
 *
 * Pure: the host reads files, hashes are computed here, and time slicing is left to `runSliced`.
 */
import { analyzeArticleSteps, type ArticleEntities } from './articleEntities';
import { entitySlug, type EntityType, type UserLexicon } from './entities/index';

/** One entity of one file, as the index keeps it. `mentions` are `[start, end]` UTF-16 offsets, in order. */
export interface IndexedEntity {
	readonly id: string;
	readonly canonical: string;
	readonly type: EntityType;
	readonly aliases: readonly string[];
	readonly mentions: readonly (readonly [number, number])[];
}

/** The summary of one seed file. `lineStarts` turns offsets into line/character without the text. */
export interface IndexedArticle {
	/** {@link indexKey} of the text and lexicon it was made from. */
	readonly key: string;
	readonly title: string;
	readonly lineStarts: readonly number[];
	readonly entities: readonly IndexedEntity[];
	readonly headings: readonly { readonly name: string; readonly start: number; readonly end: number }[];
}

/** Bump when the summary's shape or the analysis changes, so old caches are dropped. */
export const indexFormatVersion = 1;

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

/** Offsets where lines start (after `\n`, `\r\n` or a lone `\r`), as VS Code counts lines. */
export function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10) {
			starts.push(i + 1);
		} else if (ch === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		}
	}
	return starts;
}

/** The 0-based line and character of `offset` given the line starts. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
	let low = 0;
	let high = lineStarts.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (lineStarts[mid] <= offset) low = mid + 1;
		else high = mid;
	}
	const line = Math.max(0, low - 1);
	return { line, character: offset - lineStarts[line] };
}

/** The summary of an analysed article. */
export function summarizeArticle(key: string, text: string, title: string, article: ArticleEntities): IndexedArticle {
	return {
		key,
		title,
		lineStarts: lineStartsOf(text),
		entities: article.entities.map((entity) => ({
			id: entity.id,
			canonical: entity.canonical,
			type: entity.type,
			aliases: entity.aliases,
			mentions: entity.mentions.map((mention) => [mention.start, mention.end] as const),
		})),
		headings: article.headings.map((heading) => ({ name: heading.name, start: heading.start, end: heading.end })),
	};
}

/** Analysis and summary of one file as sliced steps (see `runSliced`); the title is the file's label. */
export function* summarizeArticleSteps(text: string, title: string, lexicon?: UserLexicon): Generator<void, IndexedArticle> {
	const article = yield* analyzeArticleSteps(text, lexicon);
	return summarizeArticle(indexKey(text, lexicon), text, title, article);
}

/** An entity's mentions in one file of the index. */
export interface IndexedOccurrence {
	readonly uri: string;
	readonly article: IndexedArticle;
	readonly entity: IndexedEntity;
}

/** A workspace symbol found by {@link WorkspaceEntityIndex.symbols}. */
export interface IndexSymbol {
	readonly kind: 'entity' | 'heading';
	readonly name: string;
	readonly type?: EntityType;
	readonly uri: string;
	readonly article: IndexedArticle;
	readonly start: number;
	readonly end: number;
}

/**
 * Whether every character of `query` occurs in `name` in order, case-insensitively (the loose matching VS Code
 * expects from workspace symbol providers; VS Code ranks the results itself). An empty query matches everything.
 */
export function matchesQuery(name: string, query: string): boolean {
	const target = name.toLowerCase();
	let at = 0;
	for (const ch of query.toLowerCase()) {
		if (ch === ' ') continue;
		at = target.indexOf(ch, at);
		if (at < 0) return false;
		at++;
	}
	return true;
}

/** The names of an entity, as the index compares them across files: `${type}:${slug}` of the canonical name and aliases. */
export function nameKeys(entity: { readonly type: EntityType; readonly canonical: string; readonly aliases: readonly string[] }, slugs?: Map<string, string>): string[] {
	const slug = (name: string): string => {
		if (!slugs) return entitySlug(name);
		let known = slugs.get(name);
		if (known === undefined) {
			known = entitySlug(name);
			slugs.set(name, known);
		}
		return known;
	};
	return [...new Set([entity.canonical, ...entity.aliases].map((name) => `${entity.type}:${slug(name)}`))];
}

/** What identifies an entity across files: its type, canonical name and aliases. */
export type EntityNames = Pick<IndexedEntity, 'type' | 'canonical' | 'aliases'>;

/**
 * Whether two entities of different files are the same: same type, and the canonical name of one is a name
 * (canonical or alias) of the other. So "Maria Ortega-Lindqvist" (alias "Ortega-Lindqvist") matches an article
 * that only says "Ortega-Lindqvist", but two articles that both say "Kim" about different full names do not
 * match through "Kim".
 */
export function sameEntity(a: EntityNames, b: EntityNames): boolean {
	if (a.type !== b.type) return false;
	const aKeys = new Set(nameKeys(a));
	const bKeys = new Set(nameKeys(b));
	return bKeys.has(`${a.type}:${entitySlug(a.canonical)}`) || aKeys.has(`${b.type}:${entitySlug(b.canonical)}`);
}

/**
 * The index proper. Invariant: `byName.get(key)` maps exactly the URIs whose summary has entities with that name
 * key (see {@link nameKeys}) to those entities. Name keys are computed once per summary entity, so looking up
 * the files of an entity costs a few map reads per name, whatever the size of the workspace.
 */
export class WorkspaceEntityIndex {
	private readonly articles = new Map<string, IndexedArticle>();
	private readonly byName = new Map<string, Map<string, IndexedEntity[]>>();
	private readonly keys = new WeakMap<IndexedEntity, readonly string[]>();
	/** Slugs by name: the same names recur across thousands of articles, and a slug costs a Unicode normalisation. */
	private readonly slugs = new Map<string, string>();
	/** Memoized {@link occurrenceSummary} answers; cleared whenever a file is set or deleted. */
	private readonly summaries = new Map<string, { count: number; first: IndexedOccurrence[] }>();

	get size(): number {
		return this.articles.size;
	}

	get(uri: string): IndexedArticle | undefined {
		return this.articles.get(uri);
	}

	uris(): IterableIterator<string> {
		return this.articles.keys();
	}

	private keysOf(entity: IndexedEntity): readonly string[] {
		let keys = this.keys.get(entity);
		if (!keys) {
			keys = nameKeys(entity, this.slugs);
			this.keys.set(entity, keys);
		}
		return keys;
	}

	set(uri: string, article: IndexedArticle): void {
		this.delete(uri);
		this.summaries.clear();
		this.articles.set(uri, article);
		for (const entity of article.entities) {
			for (const key of this.keysOf(entity)) {
				let files = this.byName.get(key);
				if (!files) {
					files = new Map();
					this.byName.set(key, files);
				}
				const list = files.get(uri);
				if (list) list.push(entity);
				else files.set(uri, [entity]);
			}
		}
	}

	delete(uri: string): void {
		const old = this.articles.get(uri);
		if (!old) return;
		this.summaries.clear();
		this.articles.delete(uri);
		for (const entity of old.entities) {
			for (const key of this.keysOf(entity)) {
				const files = this.byName.get(key);
				files?.delete(uri);
				if (files?.size === 0) this.byName.delete(key);
			}
		}
	}

	clear(): void {
		this.summaries.clear();
		this.articles.clear();
		this.byName.clear();
	}

	/**
	 * The files that mention the entity (see {@link sameEntity}), in URI order, optionally without `except`; in each,
	 * the matching entities' mentions are merged in offset order under the first match.
	 */
	occurrences(entity: EntityNames, except?: string): IndexedOccurrence[] {
		const wanted = nameKeys(entity);
		const wantedSet = new Set(wanted);
		const canonical = wanted[0];
		const matches = new Map<string, Set<IndexedEntity>>();
		for (const key of wanted) {
			for (const [uri, entities] of this.byName.get(key) ?? []) {
				if (uri === except) continue;
				for (const other of entities) {
					const otherKeys = this.keysOf(other);
					// Same type is implied by a shared key; same entity when either canonical name is a name of the other.
					if (!(otherKeys.includes(canonical) || wantedSet.has(otherKeys[0]))) continue;
					let found = matches.get(uri);
					if (!found) {
						found = new Set();
						matches.set(uri, found);
					}
					found.add(other);
				}
			}
		}
		const result: IndexedOccurrence[] = [];
		for (const uri of [...matches.keys()].sort()) {
			const article = this.articles.get(uri);
			const found = [...(matches.get(uri) ?? [])];
			if (!article || found.length === 0) continue;
			const merged = found.length === 1 ? found[0] : { ...found[0], mentions: found.flatMap((m) => m.mentions).sort((x, y) => x[0] - y[0]) };
			result.push({ uri, article, entity: merged });
		}
		return result;
	}

	/**
	 * How many files mention the entity (as {@link occurrences} counts them) and the first `limit` of them in URI
	 * order: what a hover card needs, without building every occurrence. Answers are memoized until the index
	 * changes, so hovering the same entity again costs a map lookup (the first time, for an entity named in all
	 * 5,000 files of a workspace, tens of milliseconds).
	 */
	occurrenceSummary(entity: EntityNames, except: string | undefined, limit: number): { count: number; first: IndexedOccurrence[] } {
		const wanted = nameKeys(entity);
		const memoKey = JSON.stringify([wanted, except ?? null, limit]);
		const memo = this.summaries.get(memoKey);
		if (memo) return memo;
		const answer = this.summarize(wanted, entity, except, limit);
		this.summaries.set(memoKey, answer);
		return answer;
	}

	private summarize(wanted: readonly string[], entity: EntityNames, except: string | undefined, limit: number): { count: number; first: IndexedOccurrence[] } {
		const wantedSet = new Set(wanted);
		const canonical = wanted[0];
		const matched = new Set<string>();
		for (const key of wanted) {
			for (const [uri, entities] of this.byName.get(key) ?? []) {
				if (uri === except || matched.has(uri)) continue;
				for (const other of entities) {
					const otherKeys = this.keysOf(other);
					if (otherKeys.includes(canonical) || wantedSet.has(otherKeys[0])) {
						matched.add(uri);
						break;
					}
				}
			}
		}
		const chosen = [...matched].sort().slice(0, limit);
		const first = chosen.flatMap((uri) => this.occurrencesIn(uri, entity));
		return { count: matched.size, first };
	}

	/** The entity's occurrence in one indexed file, if it has one. */
	private occurrencesIn(uri: string, entity: EntityNames): IndexedOccurrence[] {
		const article = this.articles.get(uri);
		if (!article) return [];
		const found = article.entities.filter((other) => sameEntity(entity, other));
		if (found.length === 0) return [];
		const merged = found.length === 1 ? found[0] : { ...found[0], mentions: found.flatMap((m) => m.mentions).sort((x, y) => x[0] - y[0]) };
		return [{ uri, article, entity: merged }];
	}

	/** Entities (at their first mention in each file) and headings whose name matches `query`, at most `limit`. */
	symbols(query: string, limit = 1000): IndexSymbol[] {
		const result: IndexSymbol[] = [];
		for (const [uri, article] of this.articles) {
			for (const entity of article.entities) {
				if (result.length >= limit) return result;
				if (matchesQuery(entity.canonical, query)) {
					const [start, end] = entity.mentions[0];
					result.push({ kind: 'entity', name: entity.canonical, type: entity.type, uri, article, start, end });
				}
			}
			for (const heading of article.headings) {
				if (result.length >= limit) return result;
				if (matchesQuery(heading.name, query)) {
					result.push({ kind: 'heading', name: heading.name, uri, article, start: heading.start, end: heading.end });
				}
			}
		}
		return result;
	}

	/** The index as JSON-ready data, for a cache keyed by {@link IndexedArticle.key}. */
	toCache(): IndexCache {
		const articles: Record<string, IndexedArticle> = {};
		for (const article of this.articles.values()) articles[article.key] = article;
		return { version: indexFormatVersion, articles };
	}
}

/** A serialised cache: summaries by key. Keys hold the text hash, so the same text under two names is stored once. */
export interface IndexCache {
	readonly version: number;
	readonly articles: Readonly<Record<string, IndexedArticle>>;
}

/** Reads a cache written by `toCache` from parsed JSON; anything else (another version, damage) gives an empty cache. */
export function readIndexCache(data: unknown): Map<string, IndexedArticle> {
	const result = new Map<string, IndexedArticle>();
	if (typeof data !== 'object' || data === null || (data as IndexCache).version !== indexFormatVersion) {
		return result;
	}
	const articles = (data as IndexCache).articles;
	if (typeof articles !== 'object' || articles === null) return result;
	for (const [key, article] of Object.entries(articles)) {
		if (isIndexedArticle(article) && article.key === key) result.set(key, article);
	}
	return result;
}

function isIndexedArticle(value: unknown): value is IndexedArticle {
	const a = value as IndexedArticle;
	return typeof a === 'object' && a !== null && typeof a.key === 'string' && typeof a.title === 'string'
		&& Array.isArray(a.lineStarts) && Array.isArray(a.entities) && Array.isArray(a.headings)
		&& a.entities.every((e) => typeof e?.id === 'string' && typeof e.canonical === 'string' && Array.isArray(e.mentions) && e.mentions.length > 0);
}

/**
 * The first line of a cache written as JSON Lines (one summary per line after it). Lines let a host write and
 * read a large cache a few hundred summaries at a time, yielding in between, where one JSON.parse of 15 MB
 * would hold the thread for a tenth of a second.
 */
export const indexCacheHeader = JSON.stringify({ format: 'news-seed-entity-index', version: indexFormatVersion });

/** One summary line of a JSON Lines cache, or undefined when it is damaged. */
export function parseIndexCacheLine(line: string): IndexedArticle | undefined {
	try {
		const value: unknown = JSON.parse(line);
		return isIndexedArticle(value) ? value : undefined;
	} catch {
		return undefined;
	}
}
