/**
 * The entity index cache: JSON Lines, one file per line, compact and positional, written and read in steps
 * (see `runSliced`) so that a host never spends long on it at once. The extension keeps it in its workspace
 * storage; `news-seed index` writes the same format.
 */
import type { EntityType } from './index';
import { indexFormatVersion, type IndexedArticle, type IndexedEntity } from './indexedArticle';

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
