/**
 * The entity index cache: JSON Lines, one file per line, compact and positional, written and read in steps
 * (see `runSliced`) so that a host never spends long on it at once. The extension keeps it in its workspace
 * storage; `news-seed index` writes the same format.
 */
import type { EntityType } from './index';
import { indexFormatVersion, mentionCount, type IndexedArticle, type IndexedEntity } from './indexedArticle';
import { indexSnapshotSteps, type IndexSnapshot, type WorkspaceEntityIndex } from './workspaceEntityIndex';

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
 * The layout of the cache (see {@link encodeIndexCacheLine}), apart from the summaries' own version: 2 added
 * each entity's mention count to the names, so that a second start fills the index without parsing any details;
 * 3 added the reverse index after the files' lines (see {@link writeIndexCacheSteps}), so that a second start
 * loads it instead of building it.
 */
export const indexCacheLayout = 3;

/**
 * The first line of a cache written as JSON Lines (one file per line after it). Lines let a host write and read
 * a large cache a few hundred files at a time, yielding in between.
 */
export const indexCacheHeader = JSON.stringify({ format: 'news-seed-entity-index', version: indexFormatVersion, layout: indexCacheLayout });

const typeCodes: Record<EntityType, number> = { person: 0, organization: 1, place: 2 };
const typesByCode: readonly EntityType[] = ['person', 'organization', 'place'];

const noAliases: readonly string[] = Object.freeze([]);

/**
 * A summary read from the cache. Only what the index needs at once (each entity's names, type and mention count)
 * is parsed when the cache is read; the rest (line starts, headings, mention spans: most of the numbers) stays the JSON
 * text it was saved as until a feature asks for it (find mentions, a hover's other articles, workspace symbols),
 * and is written back as is. A second start so parses and keeps a fraction of the objects.
 */
class CachedArticle implements IndexedArticle {
	private own: CachedEntity[] | undefined;
	private expanded: { lineStarts: readonly number[]; headings: IndexedArticle['headings'] } | undefined;

	/** `names`: the line's checked names quadruples (see {@link encodeIndexCacheLine}), made entities when first asked. */
	constructor(readonly key: string, private names: readonly unknown[] | undefined, readonly details: string) {}

	/**
	 * The entities, made from the names on first use: a second start that loads the stored reverse index never
	 * needs those of most files, and tens of thousands of objects made at start-up are work for the collector.
	 */
	get entities(): CachedEntity[] {
		if (this.own) return this.own;
		const names = this.names ?? [];
		const entities: CachedEntity[] = [];
		for (let i = 0; i < names.length; i += 4) {
			const aliases = names[i + 2] as string[];
			entities.push(new CachedEntity(this, names[i] as string, typesByCode[names[i + 1] as number], aliases.length === 0 ? noAliases : aliases, names[i + 3] as number));
		}
		this.names = undefined;
		this.own = entities;
		return entities;
	}

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
			// Spans that disagree with the mention count the index was filled with are damaged too.
			entity.ownSpans = isNumbers(own) && own.length === 2 * entity.mentions ? own : Array.from({ length: 2 * entity.mentions }, () => 0);
		});
		this.expanded = { lineStarts, headings };
		return this.expanded;
	}
}

class CachedEntity implements IndexedEntity {
	ownSpans: readonly number[] | undefined;

	constructor(private readonly article: CachedArticle, readonly canonical: string, readonly type: EntityType, readonly aliases: readonly string[], readonly mentions: number) {}

	get spans(): readonly number[] {
		if (!this.ownSpans) this.article.expand();
		return this.ownSpans ?? [0, 0];
	}
}

/**
 * One cache line: `[uri, mtime, size, key, names, detailsLength]`, a tab, then the details `[lineStarts, headings,
 * spans]`, where names are flat `canonical, typeCode, aliases, mentionCount` quadruples, headings flat `name, start,
 * end` triples and spans one flat array per entity; a file that is not a seed is `[uri, mtime, size]` alone. Two
 * JSON texts, so that the details can be parsed later (see {@link CachedArticle}); their length, in the head, tells
 * a line cut short (a write that did not finish) without parsing them. JSON text never holds a raw tab.
 */
export function encodeIndexCacheLine(file: CachedFile): string {
	const read = linesRead.get(file);
	if (read !== undefined) return read;
	const { uri, stamp, article } = file;
	if (!article) return JSON.stringify([uri, stamp.mtime, stamp.size]);
	const names: unknown[] = [];
	for (const e of article.entities) names.push(e.canonical, typeCodes[e.type], e.aliases, mentionCount(e));
	let details: string;
	if (article instanceof CachedArticle) {
		details = article.details;
	} else {
		const headings: (string | number)[] = [];
		for (const h of article.headings) headings.push(h.name, h.start, h.end);
		details = JSON.stringify([article.lineStarts, headings, article.entities.map((e) => e.spans)]);
	}
	return `${JSON.stringify([uri, stamp.mtime, stamp.size, article.key, names, details.length])}\t${details}`;
}

/**
 * One cache line read back, or undefined when it is damaged: the head parsed and checked, the details only
 * measured (their content is checked when first used).
 */
export function parseIndexCacheLine(line: string): CachedFile | undefined {
	const tab = line.indexOf('\t');
	let value: unknown;
	try {
		value = JSON.parse(tab < 0 ? line : line.slice(0, tab));
	} catch {
		return undefined;
	}
	if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number' || typeof value[2] !== 'number') return undefined;
	const [uri, mtime, size, key, names, detailsLength] = value as unknown[];
	const stamp = { mtime: mtime as number, size: size as number };
	if (tab < 0) return value.length === 3 ? { uri: uri as string, stamp, article: undefined } : undefined;
	if (typeof key !== 'string' || !Array.isArray(names) || names.length % 4 !== 0 || detailsLength !== line.length - tab - 1) return undefined;
	// Checked here, made entities when first used (see CachedArticle.entities).
	for (let i = 0; i < names.length; i += 4) {
		const aliases: unknown = names[i + 2];
		const mentions: unknown = names[i + 3];
		if (typeof names[i] !== 'string' || typesByCode[names[i + 1] as number] === undefined || !Array.isArray(aliases)) return undefined;
		for (const alias of aliases) if (typeof alias !== 'string') return undefined;
		if (!Number.isInteger(mentions) || (mentions as number) < 1) return undefined;
	}
	const file = { uri: uri as string, stamp, article: new CachedArticle(key, names, line.slice(tab + 1)) };
	linesRead.set(file, line);
	return file;
}

/**
 * The line each cached file was read from, written back as it is when the file is saved unchanged (most of a save
 * after a second start). A copy of the entry (another URI, as `news-seed index` makes) is encoded anew. The lines
 * cost no memory of their own: the details kept are slices of the same text.
 */
const linesRead = new WeakMap<CachedFile, string>();

function isNumbers(value: unknown): value is number[] {
	return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

/** About this many bytes are decoded, parsed or encoded per step (~1 ms of work): small steps leave room for GC pauses. */
const cacheStepBytes = 32 * 1024;

/** A cache read back: its files by URI, and the reverse index stored with them when it is whole and agrees with them. */
export interface IndexCacheContents {
	readonly files: Map<string, CachedFile>;
	readonly snapshot: IndexSnapshot | undefined;
}

/**
 * Reads a cache file's bytes as steps (see `runSliced`): a batch of whole lines (found by their newline bytes, so
 * no step decodes more than a batch) decoded and parsed per step. A foreign or older cache gives an empty map;
 * damaged lines are skipped.
 */
export function* readIndexCacheSteps(bytes: Uint8Array): Generator<void, Map<string, CachedFile>> {
	return (yield* readIndexCacheContentsSteps(bytes)).files;
}

/**
 * {@link readIndexCacheSteps} with the stored reverse index (see {@link writeIndexCacheSteps}). The reverse index is
 * given only when every part of it was read whole and well-formed and it numbers exactly the summaries read (no
 * line damaged, none missing, no URI twice): else undefined, and the index is built from the summaries.
 */
export function* readIndexCacheContentsSteps(bytes: Uint8Array): Generator<void, IndexCacheContents> {
	const files = new Map<string, CachedFile>();
	const decoder = new TextDecoder();
	const headerEnd = bytes.indexOf(10);
	if (decoder.decode(headerEnd < 0 ? bytes : bytes.subarray(0, headerEnd)) !== indexCacheHeader) return { files, snapshot: undefined };
	const reverse = new SnapshotReader();
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
			if (batch.charCodeAt(from) === 0x7b) {
				reverse.part(batch.slice(from, next));
			} else {
				const file = parseIndexCacheLine(batch.slice(from, next));
				if (file && !files.has(file.uri)) {
					files.set(file.uri, file);
					reverse.file(file);
				} else {
					reverse.damaged();
				}
			}
			from = next + 1;
		}
		at = end + 1;
		yield;
	}
	return { files, snapshot: reverse.result() };
}

/**
 * The reverse index's lines as they are read (after the files' lines; see {@link writeIndexCacheSteps}): each part
 * is checked as it comes, and anything amiss (a damaged line anywhere, a part out of place or malformed, a file
 * number out of range) drops the whole of it.
 */
class SnapshotReader {
	private readonly uris: string[] = [];
	private readonly articles: IndexedArticle[] = [];
	private readonly canonical = new Map<string, readonly number[]>();
	private readonly named = new Map<string, readonly number[]>();
	private readonly canonicalMentions = new Map<string, number>();
	private readonly canonicalNames = new Map<string, string>();
	private readonly aliasUsers = new Map<string, Map<string, number>>();
	private valid = true;
	private inParts = false;
	private ended = false;
	private maxId = -1;

	file(file: CachedFile): void {
		if (this.inParts) this.valid = false;
		if (!this.valid || !file.article) return;
		this.uris.push(file.uri);
		this.articles.push(file.article);
	}

	damaged(): void {
		this.valid = false;
	}

	part(line: string): void {
		this.inParts = true;
		if (!this.valid) return;
		if (this.ended) {
			this.valid = false;
			return;
		}
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			this.valid = false;
			return;
		}
		if (typeof value !== 'object' || value === null) {
			this.valid = false;
			return;
		}
		const part = value as { keys?: unknown; totals?: unknown; aliases?: unknown; files?: unknown };
		if (Array.isArray(part.keys)) this.valid = this.readKeys(part.keys);
		else if (Array.isArray(part.totals)) this.valid = this.readTotals(part.totals);
		else if (Array.isArray(part.aliases)) this.valid = this.readAliases(part.aliases);
		else if (typeof part.files === 'number') {
			this.ended = true;
			this.valid = part.files === this.uris.length;
		} else this.valid = false;
	}

	/** Ascending file numbers, or undefined. */
	private ids(value: unknown): readonly number[] | undefined {
		if (!Array.isArray(value) || value.length === 0) return undefined;
		let last = -1;
		for (const id of value) {
			if (!Number.isInteger(id) || (id as number) <= last) return undefined;
			last = id as number;
		}
		this.maxId = Math.max(this.maxId, last);
		return value as number[];
	}

	private readKeys(flat: unknown[]): boolean {
		if (flat.length % 3 !== 0) return false;
		for (let i = 0; i < flat.length; i += 3) {
			const key = flat[i];
			if (typeof key !== 'string' || this.named.has(key)) return false;
			const canonical = flat[i + 1] === 0 ? undefined : this.ids(flat[i + 1]);
			const named = flat[i + 2] === 0 ? canonical : this.ids(flat[i + 2]);
			if ((flat[i + 1] !== 0 && !canonical) || !named) return false;
			if (canonical) this.canonical.set(key, canonical);
			this.named.set(key, named);
		}
		return true;
	}

	private readTotals(flat: unknown[]): boolean {
		if (flat.length % 3 !== 0) return false;
		for (let i = 0; i < flat.length; i += 3) {
			const [key, name, mentions] = [flat[i], flat[i + 1], flat[i + 2]];
			if (typeof key !== 'string' || typeof name !== 'string' || !Number.isInteger(mentions)) return false;
			this.canonicalMentions.set(key, mentions as number);
			this.canonicalNames.set(key, name);
		}
		return true;
	}

	private readAliases(flat: unknown[]): boolean {
		if (flat.length % 2 !== 0) return false;
		for (let i = 0; i < flat.length; i += 2) {
			const key = flat[i];
			const pairs = flat[i + 1];
			if (typeof key !== 'string' || !Array.isArray(pairs) || pairs.length === 0 || pairs.length % 2 !== 0) return false;
			const users = new Map<string, number>();
			for (let j = 0; j < pairs.length; j += 2) {
				const count = pairs[j + 1];
				if (typeof pairs[j] !== 'string' || !Number.isInteger(count) || (count as number) < 1) return false;
				users.set(pairs[j] as string, count as number);
			}
			this.aliasUsers.set(key, users);
		}
		return true;
	}

	result(): IndexSnapshot | undefined {
		if (!this.valid || !this.ended || this.maxId >= this.uris.length) return undefined;
		// Every canonical key has its totals (the writer writes them together).
		for (const key of this.canonical.keys()) if (!this.canonicalMentions.has(key)) return undefined;
		if (this.canonicalMentions.size !== this.canonical.size) return undefined;
		const { uris, articles, canonical, named, canonicalMentions, canonicalNames, aliasUsers } = this;
		return { uris, articles, canonical, named, canonicalMentions, canonicalNames, aliasUsers };
	}
}

/**
 * Writes a cache file's bytes as steps (see `runSliced`): lines encoded a batch per step, joined at the end. After
 * the files' lines, the reverse index of their summaries (numbered in line order; see `IndexSnapshot`) as JSON
 * objects, each a line of a few tens of kilobytes: `{"keys": [key, canonical files or 0, files or 0 (the same), …]}`,
 * `{"totals": [canonical key, name, mentions, …]}`, `{"aliases": [key, [canonical key, count, …], …]}`, and last
 * `{"files": count}`, which also tells that nothing after the files' lines was cut off. `index`: the index of these
 * files, if there is one: its reverse index is copied when it holds exactly their summaries (else, and without it,
 * the reverse index is built from the summaries).
 */
export function* writeIndexCacheSteps(files: Iterable<CachedFile>, index?: WorkspaceEntityIndex): Generator<void, Uint8Array> {
	const encoder = new TextEncoder();
	const chunks: Uint8Array[] = [encoder.encode(indexCacheHeader)];
	let lines: string[] = [];
	let pending = 0;
	const flush = (): void => {
		chunks.push(encoder.encode(`\n${lines.join('\n')}`));
		lines = [];
		pending = 0;
	};
	const push = (line: string): void => {
		lines.push(line);
		pending += line.length;
	};
	const summaries: { uri: string; article: IndexedArticle }[] = [];
	for (const file of files) {
		push(encodeIndexCacheLine(file));
		if (file.article) summaries.push({ uri: file.uri, article: file.article });
		if (pending >= cacheStepBytes) {
			flush();
			yield;
		}
	}
	const snapshot = (index && (yield* index.snapshotOfSteps(summaries))) ?? (yield* indexSnapshotSteps(summaries, index?.nameKeyMemo));
	// A part line: items added until it holds about cacheStepBytes of JSON.
	const parts = function* (name: string, items: Iterable<unknown[]>): Generator<void, void> {
		let part: unknown[] = [];
		let size = 0;
		const end = (): void => {
			push(JSON.stringify({ [name]: part }));
			part = [];
			size = 0;
		};
		for (const item of items) {
			for (const value of item) {
				part.push(value);
				// About the JSON's length: a string's, or a few characters per number.
				size += typeof value === 'string' ? value.length + 3 : Array.isArray(value) ? 6 * value.length + 2 : 6;
			}
			if (size >= cacheStepBytes) {
				end();
				if (pending >= cacheStepBytes) flush();
				yield;
			}
		}
		if (part.length > 0) end();
	};
	const keyItems = function* (): Generator<unknown[]> {
		for (const [key, named] of snapshot.named) {
			const canonical = snapshot.canonical.get(key);
			yield [key, canonical ?? 0, canonical === named ? 0 : named];
		}
	};
	const totalItems = function* (): Generator<unknown[]> {
		for (const [key, mentions] of snapshot.canonicalMentions) yield [key, snapshot.canonicalNames.get(key) ?? key, mentions];
	};
	const aliasItems = function* (): Generator<unknown[]> {
		for (const [key, users] of snapshot.aliasUsers) yield [key, [...users].flat()];
	};
	yield* parts('keys', keyItems());
	yield* parts('totals', totalItems());
	yield* parts('aliases', aliasItems());
	push(JSON.stringify({ files: snapshot.uris.length }));
	flush();
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
