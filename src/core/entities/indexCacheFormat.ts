/**
 * The entity index cache: JSON Lines, one file per line, compact and positional, written and read in steps
 * (see `runSliced`) so that a host never spends long on it at once. The extension keeps it in its workspace
 * storage; `news-seed index` writes the same format.
 */
import type { EntityType } from './index';
import { forEachEntityName, indexFormatVersion, type EntityNameVisitor, type IndexedArticle, type IndexedEntity } from './indexedArticle';
import { fileIdList, indexSnapshotSteps, type FileIds, type IndexSnapshot, type WorkspaceEntityIndex } from './workspaceEntityIndex';

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
 * loads it instead of building it; 4 added the summaries' URIs and keys to it, and where it starts to its last line,
 * so that a second start serves it before parsing the files' lines (see {@link openIndexCacheSteps}).
 */
export const indexCacheLayout = 4;

/**
 * The first line of a cache written as JSON Lines (one file per line after it). Lines let a host write and read
 * a large cache a few hundred files at a time, yielding in between.
 */
export const indexCacheHeader = JSON.stringify({ format: 'news-seed-entity-index', version: indexFormatVersion, layout: indexCacheLayout });

const typeCodes: Record<EntityType, number> = { person: 0, organization: 1, place: 2 };
const typesByCode: readonly EntityType[] = ['person', 'organization', 'place'];

const noAliases: readonly string[] = Object.freeze([]);

/** Most names recur across articles: each read once and shared (bounded: a workspace names tens of thousands). */
const internedNames = new Map<string, string>();
const internedNamesLimit = 200_000;

function internName(name: string): string {
	const known = internedNames.get(name);
	if (known !== undefined) return known;
	if (internedNames.size >= internedNamesLimit) internedNames.clear();
	internedNames.set(name, name);
	return name;
}

/** Other names, as {@link internName}: the same list (a person's surname) in many files is one array. */
const internedAliases = new Map<string, readonly string[]>();

function internAliases(aliases: string[]): readonly string[] {
	for (let j = 0; j < aliases.length; j++) aliases[j] = internName(aliases[j]);
	const key = aliases.length === 1 ? aliases[0] : aliases.join('\n');
	const known = internedAliases.get(key);
	// Checked: a name with a newline in it could join as another list does.
	if (known !== undefined && known.length === aliases.length && known.every((alias, j) => alias === aliases[j])) return known;
	if (internedAliases.size >= internedNamesLimit) internedAliases.clear();
	const frozen = Object.freeze(aliases);
	internedAliases.set(key, frozen);
	return frozen;
}

/**
 * A summary read from the cache. Only what the index needs at once (each entity's names, type and mention count)
 * is parsed when the cache is read; the rest (line starts, headings, mention spans: most of the numbers) stays the JSON
 * text it was saved as until a feature asks for it (find mentions, a hover's other articles, workspace symbols),
 * and is written back as is. A second start so parses and keeps a fraction of the objects.
 */
class CachedArticle implements IndexedArticle {
	private own: CachedEntity[] | undefined;
	private expanded: { lineStarts: readonly number[]; headings: IndexedArticle['headings'] } | undefined;

	/**
	 * `names`: the line's checked names quadruples (see {@link encodeIndexCacheLine}), made entities when first asked;
	 * `source`: the details' JSON text, or its UTF-8 bytes (decoded when asked for).
	 */
	constructor(readonly key: string, private names: readonly unknown[] | undefined, private readonly source: string | Uint8Array) {}

	/** The details' JSON text, as the line holds it. */
	get details(): string {
		return typeof this.source === 'string' ? this.source : utf8Decoder.decode(this.source);
	}

	/**
	 * The entities, made from the names on first use: a second start that loads the stored reverse index never
	 * needs those of most files, and tens of thousands of objects made at start-up are work for the collector.
	 */
	get entities(): CachedEntity[] {
		if (this.own) return this.own;
		const names = this.names ?? [];
		const entities: CachedEntity[] = [];
		for (let i = 0; i < names.length; i += 4) {
			entities.push(new CachedEntity(this, names[i] as string, typesByCode[names[i + 1] as number], names[i + 2] as string[], names[i + 3] as number));
		}
		this.names = undefined;
		this.own = entities;
		return entities;
	}

	/** The names as they were read, until the entities are made (the index needs no more: see IndexedArticle.forEachName). */
	forEachName(visit: EntityNameVisitor): void {
		const names = this.names;
		if (!names) {
			for (const entity of this.entities) visit(entity.type, entity.canonical, entity.aliases, entity.mentions);
			return;
		}
		for (let i = 0; i < names.length; i += 4) visit(typesByCode[names[i + 1] as number], names[i] as string, names[i + 2] as string[], names[i + 3] as number);
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
	if (file instanceof ReadCacheFile) return file.line;
	if (file instanceof BytesLineFile) return utf8Decoder.decode(file.bytes);
	const { uri, stamp, article } = file;
	if (!article) return JSON.stringify([uri, stamp.mtime, stamp.size]);
	const names: unknown[] = [];
	forEachEntityName(article, (type, canonical, aliases, mentions) => names.push(canonical, typeCodes[type], aliases, mentions));
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
	return parseLine(line, undefined);
}

/**
 * {@link parseIndexCacheLine} for a line kept for the session (a worker's answer): a summary's line is kept as UTF-8
 * bytes in `keep` (see {@link CacheLineBytes}), and the string is left to the collector.
 */
export function parseIndexCacheLineAsBytes(line: string, keep: CacheLineBytes): CachedFile | undefined {
	return parseLine(line, keep);
}

/** `keep`: where a summary's line is kept as bytes (its own bytes, when it was read from them), else the string. */
function parseLine(line: string, keep: CacheLineBytes | Uint8Array | undefined): CachedFile | undefined {
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
	if (tab < 0) return value.length === 3 ? new ReadCacheFile(uri as string, stamp, undefined, line) : undefined;
	if (typeof key !== 'string' || !Array.isArray(names) || names.length % 4 !== 0 || detailsLength !== line.length - tab - 1) return undefined;
	// Checked here, made entities when first used (see CachedArticle.entities); the names shared with other files'.
	for (let i = 0; i < names.length; i += 4) {
		const aliases: unknown = names[i + 2];
		const mentions: unknown = names[i + 3];
		if (typeof names[i] !== 'string' || typesByCode[names[i + 1] as number] === undefined || !Array.isArray(aliases)) return undefined;
		for (const alias of aliases) if (typeof alias !== 'string') return undefined;
		if (!Number.isInteger(mentions) || (mentions as number) < 1) return undefined;
		names[i] = internName(names[i] as string);
		names[i + 2] = aliases.length === 0 ? noAliases : internAliases(aliases as string[]);
	}
	if (keep) {
		const bytes = keep instanceof Uint8Array ? keep : keep.keep(line);
		// JSON text never holds a raw tab: the first is the one between the head and the details.
		return new BytesLineFile(uri as string, stamp, new CachedArticle(key, names, bytes.subarray(bytes.indexOf(9) + 1)), bytes);
	}
	return new ReadCacheFile(uri as string, stamp, new CachedArticle(key, names, line.slice(tab + 1)), line);
}

/** The smallest shared buffer {@link CacheLineBytes} allocates (a few hundred lines). */
const lineChunkBytes = 256 * 1024;

const utf8Decoder = new TextDecoder();

/**
 * Cache lines kept as UTF-8 bytes, in buffers shared by consecutive lines: a workspace's thousands of lines (most of
 * a cache's size) stay outside the collected heap, instead of strings that every young-generation collection copies
 * while a cold build keeps adding them. A line's bytes are a view of its buffer; a buffer is freed with its last line.
 */
export class CacheLineBytes {
	private readonly encoder = new TextEncoder();
	private chunk = new Uint8Array(0);
	private used = 0;

	/** `line` as UTF-8 bytes. */
	keep(line: string): Uint8Array {
		const most = 3 * line.length;
		if (this.chunk.length - this.used < most) {
			this.chunk = new Uint8Array(Math.max(lineChunkBytes, most));
			this.used = 0;
		}
		const { written } = this.encoder.encodeInto(line, this.chunk.subarray(this.used));
		const bytes = this.chunk.subarray(this.used, this.used + written);
		this.used += written;
		return bytes;
	}
}

/**
 * A cached file read from a line, with the line: written back as it is when the file is saved unchanged (most of a
 * save after a second start). A copy of the entry (another URI, as `news-seed index` makes) is encoded anew. The
 * lines cost no memory of their own: the details kept are slices of the same text.
 */
class ReadCacheFile implements CachedFile {
	constructor(readonly uri: string, readonly stamp: FileStamp, readonly article: IndexedArticle | undefined, readonly line: string) {}
}

/**
 * A cached file whose line is kept as UTF-8 bytes (outside the collected heap), written back as they are: of a cache
 * opened at its end (see {@link openIndexCacheSteps}: the cache's own bytes, never decoded unless a feature asks for
 * the summary), or of a worker's answer (see {@link CacheLineBytes}).
 */
class BytesLineFile implements CachedFile {
	constructor(readonly uri: string, readonly stamp: FileStamp, readonly article: IndexedArticle, readonly bytes: Uint8Array) {}
}

function isNumbers(value: unknown): value is number[] {
	return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

/** About this many bytes are decoded, parsed or encoded per step (~1 ms of work): small steps leave room for GC pauses. */
const cacheStepBytes = 32 * 1024;

const newline = Uint8Array.of(10);

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
 * A cache opened at its end (see {@link openIndexCacheSteps}): the stored reverse index, whose summaries parse their
 * lines when first used, and the files' lines still to read.
 */
export interface OpenedIndexCache {
	readonly snapshot: IndexSnapshot;
	/**
	 * Every file's line read and checked, as steps (see `runSliced`): the files by URI (the summaries are the
	 * snapshot's own objects), and whether every line was whole and agreed with the reverse index. When one did
	 * not, the snapshot must not be trusted (its damaged line is left out of the files, so that the file is read again).
	 */
	filesSteps(): Generator<void, { readonly files: Map<string, CachedFile>; readonly intact: boolean }>;
}

/** A summary whose line could not be read: nothing in it (the index built from the files replaces the snapshot). */
const damagedArticle: Pick<IndexedArticle, 'entities' | 'lineStarts' | 'headings'> = { entities: [], lineStarts: [0], headings: [] };

/** A summary of an opened cache: its key from the reverse index, the rest from its line, parsed on first use. */
class LazyCachedArticle implements IndexedArticle {
	private read: Pick<IndexedArticle, 'entities' | 'lineStarts' | 'headings'> | undefined;

	/** `lines` until its line is read (then let go: its bytes are kept only by the files not asked for, see {@link BytesLineFile}). */
	constructor(readonly key: string, private lines: CacheLines | undefined, private readonly line: number) {}

	get entities(): IndexedArticle['entities'] {
		return this.resolve().entities;
	}

	get lineStarts(): readonly number[] {
		return this.resolve().lineStarts;
	}

	get headings(): IndexedArticle['headings'] {
		return this.resolve().headings;
	}

	forEachName(visit: EntityNameVisitor): void {
		forEachEntityName(this.resolve() as IndexedArticle, visit);
	}

	private resolve(): Pick<IndexedArticle, 'entities' | 'lineStarts' | 'headings'> {
		this.read ??= this.lines?.summaryAt(this.line, this.key) ?? damagedArticle;
		this.lines = undefined;
		return this.read;
	}
}

/** The files' lines of an opened cache: where each begins and ends. */
class CacheLines {
	private readonly decoder = new TextDecoder();

	constructor(private readonly bytes: Uint8Array, readonly starts: readonly number[], readonly ends: readonly number[], readonly uris: readonly string[]) {}

	/** Line `line` parsed (a summary's details kept as the line's bytes), or undefined when damaged. */
	fileAt(line: number): CachedFile | undefined {
		const bytes = this.bytes.subarray(this.starts[line], this.ends[line]);
		return parseLine(this.decoder.decode(bytes), bytes);
	}

	/** The summary on line `line` if it is the one the reverse index names there (URI and key). */
	summaryAt(line: number, key: string): IndexedArticle | undefined {
		const file = this.fileAt(line);
		return file?.article && file.article.key === key && file.uri === this.uris[line] ? file.article : undefined;
	}

	/**
	 * The stamp on summary line `line` if its head names the URI and key the reverse index names there and its end
	 * says the length its details have (`tab`: where they begin), read from a few bytes at either end of the line:
	 * nothing else of it is decoded (the names, checked when the summary is first used, and the details).
	 */
	stampAt(line: number, key: string, tab: number): FileStamp | undefined {
		const start = this.starts[line];
		const head = `[${JSON.stringify(this.uris[line])},`;
		// The head, then the stamp (two numbers of at most 24 characters each) and the key (ASCII).
		const text = this.decoder.decode(this.bytes.subarray(start, Math.min(tab, start + utf8Length(head) + key.length + 56)));
		if (!text.startsWith(head)) return undefined;
		const stamp = stampAndKey.exec(text.slice(head.length));
		if (!stamp || stamp[3] !== key) return undefined;
		const end = detailsLengthAtEnd.exec(this.decoder.decode(this.bytes.subarray(Math.max(start, tab - 16), tab)));
		// The length is the details' in UTF-16 code units: their bytes' count when they are ASCII (headings seldom are not).
		const details = this.ends[line] - tab - 1;
		if (!end || (Number(end[1]) !== details && Number(end[1]) !== this.decoder.decode(this.bytes.subarray(tab + 1, this.ends[line])).length)) return undefined;
		return { mtime: Number(stamp[1]), size: Number(stamp[2]) };
	}
}

/** How many bytes `text` takes in UTF-8. */
function utf8Length(text: string): number {
	let bytes = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// Two bytes up to U+07FF, three above (a surrogate pair's four bytes: two per half).
		if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
	}
	return bytes;
}

/** After a line's URI: its mtime and size (JSON numbers), its key, and the names' list opening. */
const stampAndKey = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?),(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?),"([^"\\]*)",\[/;
/** The end of a line's head: the details' length. */
const detailsLengthAtEnd = /,(\d+)\]$/;

/**
 * Opens a cache of this layout at its end, as steps (see `runSliced`), parsing only the reverse index (the last
 * line says where it begins) and finding where the files' lines begin and end (newlines and tabs: no decoding): a
 * second start serves the index at once, and the lines are parsed afterwards ({@link OpenedIndexCache.filesSteps})
 * or when a summary is first used. Undefined for anything that is not a whole cache of this layout with its
 * reverse index (a foreign or older cache, a cut one, parts malformed or numbering other files than the lines
 * hold): then it is read line by line ({@link readIndexCacheContentsSteps}), which keeps what is intact.
 */
export function* openIndexCacheSteps(bytes: Uint8Array): Generator<void, OpenedIndexCache | undefined> {
	const decoder = new TextDecoder();
	const headerEnd = bytes.indexOf(10);
	if (headerEnd < 0 || decoder.decode(bytes.subarray(0, headerEnd)) !== indexCacheHeader) return undefined;
	const lastStart = bytes.lastIndexOf(10) + 1;
	const last = new SnapshotReader();
	last.part(decoder.decode(bytes.subarray(lastStart)));
	const from = last.from;
	if (from <= headerEnd || from > lastStart || bytes[from - 1] !== 10 || bytes[from] !== 0x7b) return undefined;
	const fresh = new SnapshotReader();
	// The parts, a batch of whole lines per step (as the lines are read in readIndexCacheContentsSteps).
	for (let at = from; at < bytes.length;) {
		let end = bytes.indexOf(10, Math.min(bytes.length, at + cacheStepBytes));
		if (end < 0) end = bytes.length;
		for (const line of decoder.decode(bytes.subarray(at, end)).split('\n')) {
			if (line.charCodeAt(0) !== 0x7b) return undefined;
			fresh.part(line);
		}
		at = end + 1;
		yield;
	}
	// The files' lines: where each begins and ends, and which hold a summary (a tab before their end).
	const starts: number[] = [];
	const ends: number[] = [];
	const summaryLines: number[] = [];
	const tabs: number[] = [];
	let tab = bytes.indexOf(9, headerEnd + 1);
	for (let at = headerEnd + 1; at < from;) {
		let end = bytes.indexOf(10, at);
		if (end < 0 || end >= from) end = from - 1;
		if (tab >= 0 && tab < at) tab = bytes.indexOf(9, at);
		if (tab >= 0 && tab < end) {
			summaryLines.push(starts.length);
			tabs.push(tab);
		}
		starts.push(at);
		ends.push(end);
		at = end + 1;
		if (starts.length % 2_000 === 0) yield;
	}
	const summaries = fresh.summaries;
	if (summaries.length !== 2 * summaryLines.length) return undefined;
	const lineUris: string[] = new Array<string>(starts.length).fill('');
	const uris: string[] = [];
	for (let id = 0; id < summaryLines.length; id++) {
		lineUris[summaryLines[id]] = summaries[2 * id];
		uris.push(summaries[2 * id]);
	}
	const lines = new CacheLines(bytes, starts, ends, lineUris);
	const articles = summaryLines.map((line, id) => new LazyCachedArticle(summaries[2 * id + 1], lines, line));
	const snapshot = fresh.over(uris, articles);
	if (!snapshot) return undefined;
	return {
		snapshot,
		*filesSteps() {
			const files = new Map<string, CachedFile>();
			let intact = true;
			let id = 0;
			let size = 0;
			for (let line = 0; line < starts.length; line++) {
				if (summaryLines[id] === line) {
					// A summary's line: only its ends are read (see CacheLines.stampAt); the snapshot's own summary (parsed
					// from the line when first used) and URI, and the line's bytes to write back.
					const summary = articles[id];
					const uri = lines.uris[line];
					const stamp = lines.stampAt(line, summary.key, tabs[id++]);
					if (!stamp || files.has(uri)) intact = false;
					else files.set(uri, new BytesLineFile(uri, stamp, summary, bytes.subarray(starts[line], ends[line])));
				} else {
					// A .txt that is not a seed: a short line, parsed.
					const file = lines.fileAt(line);
					if (!file || files.has(file.uri) || file.article) intact = false;
					else files.set(file.uri, file);
				}
				size += ends[line] - starts[line];
				if (size >= cacheStepBytes) {
					size = 0;
					yield;
				}
			}
			return { files, intact };
		},
	};
}

/**
 * The reverse index's lines as they are read (after the files' lines; see {@link writeIndexCacheSteps}): each part
 * is checked as it comes, and anything amiss (a damaged line anywhere, a part out of place or malformed, a file
 * number out of range) drops the whole of it.
 */
class SnapshotReader {
	private readonly uris: string[] = [];
	private readonly articles: IndexedArticle[] = [];
	private readonly canonical = new Map<string, FileIds>();
	private readonly named = new Map<string, FileIds>();
	private readonly canonicalMentions = new Map<string, number>();
	private readonly canonicalNames = new Map<string, string>();
	private readonly aliasUsers = new Map<string, Map<string, number>>();
	/** The `summaries` parts: URI and key of each summary, in the order of the files' lines. */
	readonly summaries: string[] = [];
	/** The last line: how many summaries, and the byte offset of the first part line. */
	private count = -1;
	from = -1;
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
		const part = value as { keys?: unknown; totals?: unknown; aliases?: unknown; summaries?: unknown; files?: unknown; from?: unknown };
		if (Array.isArray(part.keys)) this.valid = this.readKeys(part.keys);
		else if (Array.isArray(part.totals)) this.valid = this.readTotals(part.totals);
		else if (Array.isArray(part.aliases)) this.valid = this.readAliases(part.aliases);
		else if (Array.isArray(part.summaries)) this.valid = this.readSummaries(part.summaries);
		else if (Number.isInteger(part.files) && Number.isInteger(part.from)) {
			this.ended = true;
			this.count = part.files as number;
			this.from = part.from as number;
		} else this.valid = false;
	}

	private readSummaries(flat: unknown[]): boolean {
		if (flat.length % 2 !== 0) return false;
		for (const value of flat) {
			if (typeof value !== 'string') return false;
			this.summaries.push(value);
		}
		return true;
	}

	/** Ascending file numbers (see {@link FileIds}: one number alone), or undefined. */
	private ids(value: unknown): FileIds | undefined {
		if (!Array.isArray(value) || value.length === 0) return undefined;
		let last = -1;
		for (const id of value) {
			if (!Number.isInteger(id) || (id as number) <= last) return undefined;
			last = id as number;
		}
		this.maxId = Math.max(this.maxId, last);
		return value.length === 1 ? last : (value as number[]);
	}

	private readKeys(flat: unknown[]): boolean {
		if (flat.length % 3 !== 0) return false;
		for (let i = 0; i < flat.length; i += 3) {
			const key = flat[i];
			if (typeof key !== 'string' || this.named.has(key)) return false;
			const canonical = flat[i + 1] === 0 ? undefined : this.ids(flat[i + 1]);
			// The same list for both (frozen: shared).
			const named = flat[i + 2] === 0 ? (typeof canonical === 'object' ? Object.freeze(canonical) : canonical) : this.ids(flat[i + 2]);
			if ((flat[i + 1] !== 0 && canonical === undefined) || named === undefined) return false;
			if (canonical !== undefined) this.canonical.set(key, canonical);
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

	/** The reverse index over the files' lines read (every one of them read: see {@link file}), if it agrees with them. */
	result(): IndexSnapshot | undefined {
		const { uris, articles, summaries } = this;
		if (summaries.length !== 2 * uris.length) return undefined;
		for (let id = 0; id < uris.length; id++) if (summaries[2 * id] !== uris[id] || summaries[2 * id + 1] !== articles[id].key) return undefined;
		return this.over(uris, articles);
	}

	/** The reverse index over these files (numbered in this order), if it is whole, consistent and numbers exactly them. */
	over(uris: readonly string[], articles: readonly IndexedArticle[]): IndexSnapshot | undefined {
		if (!this.valid || !this.ended || this.count !== uris.length || this.maxId >= uris.length) return undefined;
		// Every canonical key has its totals (the writer writes them together).
		for (const key of this.canonical.keys()) if (!this.canonicalMentions.has(key)) return undefined;
		if (this.canonicalMentions.size !== this.canonical.size) return undefined;
		const { canonical, named, canonicalMentions, canonicalNames, aliasUsers } = this;
		return { uris, articles, canonical, named, canonicalMentions, canonicalNames, aliasUsers };
	}
}

/**
 * Writes a cache file's bytes as steps (see `runSliced`): lines encoded a batch per step, joined at the end. After
 * the files' lines, the reverse index of their summaries (numbered in line order; see `IndexSnapshot`) as JSON
 * objects, each a line of a few tens of kilobytes: `{"keys": [key, canonical files or 0, files or 0 (the same), …]}`,
 * `{"totals": [canonical key, name, mentions, …]}`, `{"aliases": [key, [canonical key, count, …], …]}`,
 * `{"summaries": [uri, key, …]}` (the files numbered), and last `{"files": count, "from": byte offset of the first
 * part line}`, which also tells that nothing after the files' lines was cut off. `index`: the index of these
 * files, if there is one: its reverse index is copied when it holds exactly their summaries (else, and without it,
 * the reverse index is built from the summaries).
 */
export function* writeIndexCacheSteps(files: Iterable<CachedFile>, index?: WorkspaceEntityIndex): Generator<void, Uint8Array> {
	const encoder = new TextEncoder();
	const chunks: Uint8Array[] = [encoder.encode(indexCacheHeader)];
	let lines: string[] = [];
	let pending = 0;
	const flush = (): void => {
		if (lines.length > 0) chunks.push(encoder.encode(`\n${lines.join('\n')}`));
		lines = [];
		pending = 0;
	};
	const push = (line: string): void => {
		lines.push(line);
		pending += line.length;
	};
	const summaries: { uri: string; article: IndexedArticle }[] = [];
	let copied = 0;
	for (const file of files) {
		if (file instanceof BytesLineFile) {
			// Its line as it was read: the bytes themselves.
			flush();
			chunks.push(newline, file.bytes);
			copied += file.bytes.length;
		} else {
			push(encodeIndexCacheLine(file));
		}
		if (file.article) summaries.push({ uri: file.uri, article: file.article });
		if (pending >= cacheStepBytes || copied >= 8 * cacheStepBytes) {
			flush();
			copied = 0;
			yield;
		}
	}
	const snapshot = (index && (yield* index.snapshotOfSteps(summaries))) ?? (yield* indexSnapshotSteps(summaries, index?.nameKeyMemo));
	// Where the parts begin (after the newline that ends the last file's line), for the last line.
	flush();
	let from = 1;
	for (const chunk of chunks) from += chunk.length;
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
			yield [key, canonical === undefined ? 0 : fileIdList(canonical), canonical === named ? 0 : fileIdList(named)];
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
	const summaryItems = function* (): Generator<unknown[]> {
		for (let id = 0; id < snapshot.uris.length; id++) yield [snapshot.uris[id], snapshot.articles[id].key];
	};
	yield* parts('aliases', aliasItems());
	yield* parts('summaries', summaryItems());
	push(JSON.stringify({ files: snapshot.uris.length, from }));
	flush();
	yield;
	let size = 0;
	for (const chunk of chunks) size += chunk.length;
	const bytes = new Uint8Array(size);
	yield;
	// Copied a few hundred kilobytes per step: touching megabytes of fresh memory at once is a long step of its own.
	let offset = 0;
	copied = 0;
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
