/**
 * The workspace-wide entity index: for each seed file, a compact summary of its entities (canonical name, type,
 * other names, mention spans as one flat array) and headings, keyed by the file's URI string, with inverted maps
 * from entity names to the files that mention them. Summaries are keyed by a content hash (and the lexicon's), and
 * a cache of them records each file's size and modification time, so a host re-reads only files that changed and
 * re-analyses only texts it has never seen.
 *
 * Pure: the host reads files (see {@link IndexFiles}) and chooses where analysis runs (on its thread in slices,
 * or in a worker); time slicing is left to `runSliced`.
 */
import { analyzeArticleSteps, runSliced, type ArticleEntities, type SliceHost, type SliceStats } from './articleEntities';
import { entitySlug, type EntityType, type UserLexicon } from './index';
import { isSeedFileName, startsWithDateline } from '../seed/seedRecognition';
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
}

/** The summary of one seed file. `lineStarts` turns offsets into line/character without the text. */
export interface IndexedArticle {
	/** {@link indexKey} of the text and lexicon it was made from. */
	readonly key: string;
	readonly lineStarts: readonly number[];
	readonly entities: readonly IndexedEntity[];
	readonly headings: readonly { readonly name: string; readonly start: number; readonly end: number }[];
}

/** Bump when the summary's shape or the analysis changes, so old caches are dropped. */
export const indexFormatVersion = 3;

/** How many mentions an indexed entity has. */
export function mentionCount(entity: IndexedEntity): number {
	return entity.spans.length >> 1;
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
export function summarizeArticle(key: string, text: string, article: ArticleEntities): IndexedArticle {
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
	const article = yield* analyzeArticleSteps(text, lexicon);
	return summarizeArticle(key, text, article);
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
 * The index proper. Invariants: `byName.get(key)` holds exactly the URIs whose summary has an entity with that
 * name key (see {@link nameKeys}), and `byCanonical.get(key)` the same for canonical names only. So
 * the files that mention an entity (the union of `byName` at its canonical key and `byCanonical` at each of its
 * keys, see {@link sameEntity}) are counted and listed from a few map reads, whatever the size of the workspace.
 */
export class WorkspaceEntityIndex {
	private readonly articles = new Map<string, IndexedArticle>();
	/** The name keys of each indexed file's entities, in entity order (kept beside, not in a WeakMap: cheaper to fill). */
	private readonly entityKeys = new Map<string, (readonly string[])[]>();
	private readonly byName = new Map<string, Set<string>>();
	private readonly byCanonical = new Map<string, Set<string>>();
	/** Name keys by type and name: the same names recur across thousands of articles, and a slug costs a Unicode normalisation. */
	private readonly nameKeyMemo: Record<EntityType, Map<string, string>> = { person: new Map(), organization: new Map(), place: new Map() };

	get size(): number {
		return this.articles.size;
	}

	get(uri: string): IndexedArticle | undefined {
		return this.articles.get(uri);
	}

	uris(): IterableIterator<string> {
		return this.articles.keys();
	}

	private nameKey(type: EntityType, name: string): string {
		const memo = this.nameKeyMemo[type];
		let key = memo.get(name);
		if (key === undefined) {
			key = `${type}:${entitySlug(name)}`;
			memo.set(name, key);
		}
		return key;
	}

	/** {@link nameKeys}, memoized. */
	private keysOf(entity: EntityNames): readonly string[] {
		const first = this.nameKey(entity.type, entity.canonical);
		if (entity.aliases.length === 0) return [first];
		const keys = [first];
		for (const alias of entity.aliases) {
			const key = this.nameKey(entity.type, alias);
			if (!keys.includes(key)) keys.push(key);
		}
		return keys;
	}

	set(uri: string, article: IndexedArticle): void {
		if (this.articles.get(uri) === article) return;
		this.delete(uri);
		this.articles.set(uri, article);
		const all: (readonly string[])[] = [];
		for (const entity of article.entities) {
			const keys = this.keysOf(entity);
			all.push(keys);
			add(this.byCanonical, keys[0], uri);
			for (const key of keys) add(this.byName, key, uri);
		}
		this.entityKeys.set(uri, all);
	}

	delete(uri: string): void {
		const old = this.articles.get(uri);
		const keys = this.entityKeys.get(uri);
		if (!old || !keys) return;
		this.articles.delete(uri);
		this.entityKeys.delete(uri);
		for (const entityKeys of keys) {
			remove(this.byCanonical, entityKeys[0], uri);
			for (const key of entityKeys) remove(this.byName, key, uri);
		}
	}

	clear(): void {
		this.articles.clear();
		this.entityKeys.clear();
		this.byName.clear();
		this.byCanonical.clear();
	}

	/** The URIs of the files that mention the entity (see {@link sameEntity}), unordered, without `except`. */
	private filesOf(entity: EntityNames, except: string | undefined): Set<string> {
		const wanted = this.keysOf(entity);
		const files = new Set<string>();
		for (const uri of this.byName.get(wanted[0]) ?? []) if (uri !== except) files.add(uri);
		for (const key of wanted) {
			for (const uri of this.byCanonical.get(key) ?? []) if (uri !== except) files.add(uri);
		}
		return files;
	}

	/** The entity's entities in one file, merged in offset order under the first match; undefined when none. */
	private occurrenceIn(uri: string, wanted: readonly string[]): IndexedOccurrence | undefined {
		const article = this.articles.get(uri);
		if (!article) return undefined;
		const canonical = wanted[0];
		const keys = this.entityKeys.get(uri) ?? [];
		const found = article.entities.filter((_, i) => {
			const otherKeys = keys[i];
			// Same type is implied by a shared key; same entity when either canonical name is a name of the other.
			return otherKeys.includes(canonical) || wanted.includes(otherKeys[0]);
		});
		if (found.length === 0) return undefined;
		if (found.length === 1) return { uri, article, entity: found[0] };
		const pairs = found.flatMap(mentionSpans).sort((x, y) => x[0] - y[0]);
		return { uri, article, entity: { ...found[0], spans: pairs.flat() } };
	}

	/**
	 * The files that mention the entity (see {@link sameEntity}), in URI order, optionally without `except`; in each,
	 * the matching entities' mentions are merged in offset order under the first match.
	 */
	occurrences(entity: EntityNames, except?: string): IndexedOccurrence[] {
		const wanted = this.keysOf(entity);
		const result: IndexedOccurrence[] = [];
		for (const uri of [...this.filesOf(entity, except)].sort()) {
			const occurrence = this.occurrenceIn(uri, wanted);
			if (occurrence) result.push(occurrence);
		}
		return result;
	}

	/**
	 * How many files mention the entity (as {@link occurrences} counts them) and the first `limit` of them in URI
	 * order: what a hover card needs. The count comes from the inverted maps' sizes when the entity has no other
	 * names (the usual case) and otherwise from a union over the few files whose canonical name is one of them; the
	 * first files are picked in one pass without sorting, so even an entity named in every one of 5,000 files
	 * answers in well under a millisecond, the first time as every time.
	 */
	occurrenceSummary(entity: EntityNames, except: string | undefined, limit: number): { count: number; first: IndexedOccurrence[] } {
		const wanted = this.keysOf(entity);
		const named = this.byName.get(wanted[0]);
		let count = (named?.size ?? 0) - (except !== undefined && named?.has(except) ? 1 : 0);
		const extra = new Set<string>();
		for (const key of wanted.slice(1)) {
			for (const uri of this.byCanonical.get(key) ?? []) {
				if (uri !== except && !named?.has(uri)) extra.add(uri);
			}
		}
		count += extra.size;
		const first: string[] = [];
		const consider = (uri: string): void => {
			if (uri === except || limit <= 0) return;
			if (first.length === limit && uri >= first[limit - 1]) return;
			let at = first.length;
			while (at > 0 && first[at - 1] > uri) at--;
			first.splice(at, 0, uri);
			if (first.length > limit) first.pop();
		};
		for (const uri of named ?? []) consider(uri);
		for (const uri of extra) consider(uri);
		return { count, first: first.map((uri) => this.occurrenceIn(uri, wanted)).filter((o): o is IndexedOccurrence => o !== undefined) };
	}

	/** Entities (at their first mention in each file) and headings whose name matches `query`, at most `limit`. */
	symbols(query: string, limit = 1000): IndexSymbol[] {
		const result: IndexSymbol[] = [];
		for (const [uri, article] of this.articles) {
			for (const entity of article.entities) {
				if (result.length >= limit) return result;
				if (matchesQuery(entity.canonical, query)) {
					result.push({ kind: 'entity', name: entity.canonical, type: entity.type, uri, article, start: entity.spans[0], end: entity.spans[1] });
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
}

function add(map: Map<string, Set<string>>, key: string, uri: string): void {
	const files = map.get(key);
	if (files) files.add(uri);
	else map.set(key, new Set([uri]));
}

function remove(map: Map<string, Set<string>>, key: string, uri: string): void {
	const files = map.get(key);
	files?.delete(uri);
	if (files?.size === 0) map.delete(key);
}

// ---------------------------------------------------------------------------------------------------------------
// The cache: JSON Lines, one file per line, compact and positional.

/** What the host's file system says about a file; a changed size or time means the text must be read again. */
export interface FileStamp {
	readonly mtime: number;
	readonly size: number;
}

/** One cached file: its stamp when it was read, and its summary, or `undefined` for a `.txt` that is not a seed. */
export interface CachedFile {
	readonly uri: string;
	readonly stamp: FileStamp;
	readonly article: IndexedArticle | undefined;
}

/**
 * The first line of a cache written as JSON Lines (one file per line after it). Lines let a host write and read
 * a large cache a few hundred files at a time, yielding in between.
 */
export const indexCacheHeader = JSON.stringify({ format: 'news-seed-entity-index', version: indexFormatVersion });

const typeCodes: Record<EntityType, number> = { person: 0, organization: 1, place: 2 };
const typesByCode: readonly EntityType[] = ['person', 'organization', 'place'];

const noAliases: readonly string[] = Object.freeze([]);

/**
 * A summary read from the cache. Only what the index needs at once (each entity's names and type) is parsed
 * when the cache is read; the rest (line starts, headings, mention spans: most of the numbers) stays the JSON
 * text it was saved as until a feature asks for it (find mentions, a hover's other articles, workspace symbols),
 * and is written back as is. A second start so parses and keeps a fraction of the objects.
 */
class CachedArticle implements IndexedArticle {
	readonly entities: CachedEntity[] = [];
	private expanded: { lineStarts: readonly number[]; headings: IndexedArticle['headings'] } | undefined;

	constructor(readonly key: string, readonly details: string) {}

	get lineStarts(): readonly number[] {
		return this.expand().lineStarts;
	}

	get headings(): IndexedArticle['headings'] {
		return this.expand().headings;
	}

	/** Parses the details once; damaged details (never written by us) read as no headings and empty spans. */
	expand(): { lineStarts: readonly number[]; headings: IndexedArticle['headings'] } {
		if (this.expanded) return this.expanded;
		let lineStarts: readonly number[] = [0];
		const headings: { name: string; start: number; end: number }[] = [];
		let spans: unknown[] = [];
		try {
			const value: unknown = JSON.parse(this.details);
			if (Array.isArray(value) && isNumbers(value[0]) && Array.isArray(value[1]) && Array.isArray(value[2]) && value[2].length === this.entities.length) {
				lineStarts = value[0];
				const flat = value[1] as unknown[];
				for (let i = 0; i + 2 < flat.length; i += 3) {
					if (typeof flat[i] === 'string' && typeof flat[i + 1] === 'number' && typeof flat[i + 2] === 'number') {
						headings.push({ name: flat[i] as string, start: flat[i + 1] as number, end: flat[i + 2] as number });
					}
				}
				spans = value[2] as unknown[];
			}
		} catch {
			// Damaged: the defaults above.
		}
		this.entities.forEach((entity, i) => {
			const own = spans[i];
			entity.ownSpans = isNumbers(own) && own.length >= 2 && own.length % 2 === 0 ? own : [0, 0];
		});
		this.expanded = { lineStarts, headings };
		return this.expanded;
	}
}

class CachedEntity implements IndexedEntity {
	ownSpans: readonly number[] | undefined;

	constructor(private readonly article: CachedArticle, readonly canonical: string, readonly type: EntityType, readonly aliases: readonly string[]) {}

	get spans(): readonly number[] {
		if (!this.ownSpans) this.article.expand();
		return this.ownSpans ?? [0, 0];
	}
}

/**
 * One cache line: `[uri, mtime, size, key, names]`, a tab, then the details `[lineStarts, headings, spans]`,
 * where names are flat `canonical, typeCode, aliases` triples, headings flat `name, start, end` triples and spans
 * one flat array per entity; a file that is not a seed is `[uri, mtime, size]` alone. Two JSON texts, so that the
 * details can be parsed later (see {@link CachedArticle}); JSON text never holds a raw tab.
 */
export function encodeIndexCacheLine(file: CachedFile): string {
	const { uri, stamp, article } = file;
	if (!article) return JSON.stringify([uri, stamp.mtime, stamp.size]);
	const names: unknown[] = [];
	for (const e of article.entities) names.push(e.canonical, typeCodes[e.type], e.aliases);
	const head = JSON.stringify([uri, stamp.mtime, stamp.size, article.key, names]);
	if (article instanceof CachedArticle) return `${head}\t${article.details}`;
	const headings: (string | number)[] = [];
	for (const h of article.headings) headings.push(h.name, h.start, h.end);
	return `${head}\t${JSON.stringify([article.lineStarts, headings, article.entities.map((e) => e.spans)])}`;
}

/** One cache line read back, or undefined when it is damaged (its details are checked when first used). */
export function parseIndexCacheLine(line: string): CachedFile | undefined {
	const tab = line.indexOf('\t');
	let value: unknown;
	try {
		value = JSON.parse(tab < 0 ? line : line.slice(0, tab));
	} catch {
		return undefined;
	}
	if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number' || typeof value[2] !== 'number') return undefined;
	const [uri, mtime, size, key, names] = value as unknown[];
	const stamp = { mtime: mtime as number, size: size as number };
	if (tab < 0) return value.length === 3 ? { uri: uri as string, stamp, article: undefined } : undefined;
	if (typeof key !== 'string' || !Array.isArray(names) || names.length % 3 !== 0) return undefined;
	const article = new CachedArticle(key, line.slice(tab + 1));
	for (let i = 0; i < names.length; i += 3) {
		const canonical = names[i];
		const type = typesByCode[names[i + 1] as number];
		const aliases = names[i + 2];
		if (typeof canonical !== 'string' || type === undefined || !Array.isArray(aliases) || !aliases.every((x) => typeof x === 'string')) return undefined;
		article.entities.push(new CachedEntity(article, canonical, type, aliases.length === 0 ? noAliases : aliases as string[]));
	}
	return { uri: uri as string, stamp, article };
}

function isNumbers(value: unknown): value is number[] {
	return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

/** About this many bytes are decoded, parsed or encoded per step (~1 ms of work): small steps leave room for GC pauses. */
const cacheStepBytes = 32 * 1024;

/**
 * Reads a cache file's bytes as steps (see `runSliced`): a batch of whole lines (found by their newline bytes, so
 * no step decodes more than a batch) decoded and parsed per step. A foreign or older cache gives an empty map;
 * damaged lines are skipped.
 */
export function* readIndexCacheSteps(bytes: Uint8Array): Generator<void, Map<string, CachedFile>> {
	const files = new Map<string, CachedFile>();
	const decoder = new TextDecoder();
	const headerEnd = bytes.indexOf(10);
	if (decoder.decode(headerEnd < 0 ? bytes : bytes.subarray(0, headerEnd)) !== indexCacheHeader) return files;
	let at = headerEnd + 1;
	while (headerEnd >= 0 && at < bytes.length) {
		// A batch: whole lines up to about cacheStepBytes (or one longer line).
		let end = bytes.indexOf(10, Math.min(bytes.length, at + cacheStepBytes));
		if (end < 0) end = bytes.length;
		const batch = decoder.decode(bytes.subarray(at, end));
		let from = 0;
		while (from < batch.length) {
			let next = batch.indexOf('\n', from);
			if (next < 0) next = batch.length;
			const file = parseIndexCacheLine(batch.slice(from, next));
			if (file) files.set(file.uri, file);
			from = next + 1;
		}
		at = end + 1;
		yield;
	}
	return files;
}

/** Writes a cache file's bytes as steps (see `runSliced`): lines encoded a batch per step, joined at the end. */
export function* writeIndexCacheSteps(files: Iterable<CachedFile>): Generator<void, Uint8Array> {
	const encoder = new TextEncoder();
	const chunks: Uint8Array[] = [encoder.encode(indexCacheHeader)];
	let lines: string[] = [];
	let pending = 0;
	const flush = (): void => {
		chunks.push(encoder.encode(`\n${lines.join('\n')}`));
		lines = [];
		pending = 0;
	};
	for (const file of files) {
		const line = encodeIndexCacheLine(file);
		lines.push(line);
		pending += line.length;
		if (pending >= cacheStepBytes) {
			flush();
			yield;
		}
	}
	if (lines.length > 0) flush();
	yield;
	let size = 0;
	for (const chunk of chunks) size += chunk.length;
	const bytes = new Uint8Array(size);
	yield;
	// Copied a few hundred kilobytes per step: touching megabytes of fresh memory at once is a long step of its own.
	let offset = 0;
	let copied = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
		copied += chunk.length;
		if (copied >= 8 * cacheStepBytes) {
			copied = 0;
			yield;
		}
	}
	return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Keeping the index current.

/** The host's file access, asynchronous (in the extension, vscode.workspace.fs). Both answer undefined for a file gone. */
export interface IndexFiles {
	stat(uri: string): Promise<FileStamp | undefined>;
	read(uri: string): Promise<string | undefined>;
}

/** Where analysis runs: on the host's thread in slices, or in a worker. Undefined when cancelled. */
export type AnalyzeForIndex = (text: string, lexicon: UserLexicon | undefined, key: string) => Promise<IndexedArticle | undefined>;

/**
 * Analysis on the host's own thread, in slices: one text at a time (however many files are read concurrently),
 * each started after a yield. `runSliced` bounds the stretch of one run; several runs started in the same turn
 * of the event loop (file reads completing together) would otherwise chain their first slices into one long one.
 */
export function analyzeInSlices(host: SliceHost, budgetMs: number, stats?: SliceStats): AnalyzeForIndex {
	let queue: Promise<unknown> = Promise.resolve();
	return (text, lexicon, key) => {
		const run = queue.then(async () => {
			await host.yieldNow();
			return runSliced(summarizeArticleSteps(text, lexicon, key), host, budgetMs, stats);
		});
		queue = run.catch(() => undefined);
		return run;
	};
}

/** What the updater needs from its host. `baseName` is the file name part of a URI. */
export interface IndexUpdaterHost {
	readonly files: IndexFiles;
	readonly analyze: AnalyzeForIndex;
	lexiconFor(uri: string): UserLexicon | undefined;
	baseName(uri: string): string;
}

/** How one file was brought up to date. */
export type IndexOutcome = 'unchanged' | 'cached' | 'analysed' | 'not-seed' | 'gone' | 'cancelled';

/**
 * Keeps a {@link WorkspaceEntityIndex} current from files and a cache. Per file: the stamp (size, mtime) is
 * compared with the cached one first, so an unchanged file is not even read; a read file is hashed and its
 * summary reused when the same text (under any name) was analysed with the same lexicon; only new texts are
 * analysed. Invariant: `files` holds a cache entry for every file indexed (and every `.txt` known not to be a
 * seed), each with the stamp its summary was made from.
 */
export class WorkspaceIndexUpdater {
	private files = new Map<string, CachedFile>();
	private byKey = new Map<string, IndexedArticle>();
	private readonly lexiconHashes = new WeakMap<UserLexicon, string>();
	/** Whether the cache entries changed since {@link markSaved}. */
	dirty = false;

	constructor(readonly index: WorkspaceEntityIndex, private readonly host: IndexUpdaterHost) {}

	/** Adopts cache entries read at start-up (they only serve lookups; the index is filled by {@link update}). */
	useCache(files: Map<string, CachedFile>): void {
		this.files = files;
		this.byKey = new Map();
		for (const file of files.values()) if (file.article) this.byKey.set(file.article.key, file.article);
	}

	get hasCache(): boolean {
		return this.files.size > 0;
	}

	private lexiconKey(lexicon: UserLexicon | undefined): string {
		if (!lexicon) return '';
		let hash = this.lexiconHashes.get(lexicon);
		if (hash === undefined) {
			hash = lexiconHash(lexicon);
			this.lexiconHashes.set(lexicon, hash);
		}
		return hash;
	}

	/**
	 * Brings one file up to date. `force` reads it even when its stamp is unchanged (a watcher said it changed:
	 * an edit within the file system's time resolution that keeps the size would otherwise go unseen).
	 */
	async update(uri: string, force = false): Promise<IndexOutcome> {
		const lexicon = this.host.lexiconFor(uri);
		const lexKey = this.lexiconKey(lexicon);
		const cached = this.files.get(uri);
		const stamp = await this.host.files.stat(uri);
		if (!stamp) return this.forget(uri);
		if (!force && cached && cached.stamp.mtime === stamp.mtime && cached.stamp.size === stamp.size) {
			if (!cached.article) {
				this.index.delete(uri);
				return 'not-seed';
			}
			const [version, hash, oldLex] = cached.article.key.split(':');
			if (oldLex === lexKey) {
				this.index.set(uri, cached.article);
				return 'unchanged';
			}
			// Same text, other lexicon: a summary made with this lexicon may exist already.
			const other = this.byKey.get(`${version}:${hash}:${lexKey}`);
			if (other) {
				this.remember({ uri, stamp, article: other });
				return 'cached';
			}
		}
		let text = await this.host.files.read(uri);
		if (text === undefined) return this.forget(uri);
		if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		if (!isSeedFileName(this.host.baseName(uri)) && !startsWithDateline(text.slice(0, 200))) {
			this.index.delete(uri);
			this.remember({ uri, stamp, article: undefined });
			return 'not-seed';
		}
		const key = `${indexFormatVersion}:${contentHash(text)}:${lexKey}`;
		const known = this.byKey.get(key);
		if (known) {
			this.remember({ uri, stamp, article: known });
			return 'cached';
		}
		const article = await this.host.analyze(text, lexicon, key);
		if (!article) return 'cancelled';
		this.remember({ uri, stamp, article });
		return 'analysed';
	}

	private remember(file: CachedFile): void {
		const old = this.files.get(file.uri);
		if (!old || old.article !== file.article || old.stamp.mtime !== file.stamp.mtime || old.stamp.size !== file.stamp.size) this.dirty = true;
		this.files.set(file.uri, file);
		if (file.article) {
			this.byKey.set(file.article.key, file.article);
			this.index.set(file.uri, file.article);
		}
	}

	/** Drops a file that is gone (deleted, unreadable). */
	forget(uri: string): 'gone' {
		this.index.delete(uri);
		if (this.files.delete(uri)) this.dirty = true;
		return 'gone';
	}

	/** Drops a file or a folder that was deleted: a watcher reports a deleted folder once, not each of its files. */
	forgetTree(uri: string): void {
		this.forget(uri);
		const prefix = uri.endsWith('/') ? uri : `${uri}/`;
		for (const known of [...this.files.keys()]) if (known.startsWith(prefix)) this.forget(known);
		for (const known of [...this.index.uris()]) if (known.startsWith(prefix)) this.forget(known);
	}

	/**
	 * Puts every listed file the cache knows (made with the lexicon it has now) into the index at once, as steps
	 * (see `runSliced`): a second start has a usable index after reading the cache, before {@link updateAll} has
	 * stat'ed every file to catch the ones changed while the editor was closed. Returns how many were adopted.
	 */
	*adoptCachedSteps(uris: readonly string[]): Generator<void, number> {
		let adopted = 0;
		for (const uri of uris) {
			const article = this.files.get(uri)?.article;
			if (article && article.key.slice(article.key.lastIndexOf(':') + 1) === this.lexiconKey(this.host.lexiconFor(uri))) {
				this.index.set(uri, article);
				if (++adopted % 100 === 0) yield;
			}
		}
		return adopted;
	}

	/**
	 * Updates every file of `uris` with at most `concurrency` in flight (file reads are asynchronous, and a pool of
	 * workers analyses several texts at once), then forgets files no longer listed. Stops early when cancelled.
	 */
	async updateAll(uris: readonly string[], options: { concurrency?: number; isCancelled?: () => boolean; onProgress?: (done: number) => void } = {}): Promise<void> {
		let next = 0;
		let done = 0;
		const lane = async (): Promise<void> => {
			while (next < uris.length && !options.isCancelled?.()) {
				const uri = uris[next++];
				await this.update(uri);
				options.onProgress?.(++done);
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, uris.length)) }, lane));
		if (options.isCancelled?.()) return;
		const listed = new Set(uris);
		for (const uri of [...this.files.keys()]) if (!listed.has(uri)) this.forget(uri);
		for (const uri of [...this.index.uris()]) if (!listed.has(uri)) this.index.delete(uri);
	}

	/** The cache entries to save: every file known now. Rebuilds the key lookup, so summaries of files gone are freed. */
	cacheEntries(): IterableIterator<CachedFile> {
		this.byKey = new Map();
		for (const file of this.files.values()) if (file.article) this.byKey.set(file.article.key, file.article);
		return this.files.values();
	}

	/**
	 * Forgets the files' stamps (a rebuild on request): every file is read and hashed again; summaries of texts
	 * already known are still reused, since their key is their content hash.
	 */
	forgetStamps(): void {
		this.files = new Map();
		this.dirty = true;
	}

	markSaved(): void {
		this.dirty = false;
	}
}
