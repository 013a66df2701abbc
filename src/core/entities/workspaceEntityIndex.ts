/**
 * The workspace-wide entity index (the reverse index): for each seed file its summary (see indexedArticle.ts),
 * keyed by the file's URI string, with inverted maps from entity names to the files that mention them, so that
 * the files naming an entity are counted and listed from a few map reads whatever the size of the workspace.
 *
 * Pure: files, the cache (indexCacheFormat.ts) and keeping the index current (workspaceIndexUpdater.ts) are
 * elsewhere.
 */
import { entitySlug, type Entity, type EntityType } from './index';
import { forEachEntityName, mentionSpans, type IndexedArticle, type IndexedEntity } from './indexedArticle';
import { sortSteps } from '../text/sortSteps';
import { drainSteps, type Steps } from '../text/steps';

/** Distinct names handled between two yields of the workspace totals (a few milliseconds). */
const totalsPerStep = 5_000;

/** Files read per step of {@link WorkspaceEntityIndex.occurrencesSteps} (their entities' keys compared). */
const occurrencesPerStep = 64;

/** URIs in code unit order (the order of `Array.prototype.sort` without a comparison). */
function compareUris(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** An entity's mentions in one file of the index. */
export interface IndexedOccurrence {
	readonly uri: string;
	readonly article: IndexedArticle;
	readonly entity: IndexedEntity;
}

/**
 * One entity of the whole workspace, as the workspace mode of the Entities view lists it: the files' entities of
 * one canonical name (`key`, `${type}:${slug}`), together with those of a short canonical name that only this
 * entity uses as another name (an article that only says "Ortega-Lindqvist" counts for "Maria Ortega-Lindqvist"
 * when no other full name is written "Ortega-Lindqvist"). `keys` are the canonical name keys it gathers, its own
 * first; `mentions` and `articles` are counted over every indexed file.
 */
export interface WorkspaceEntityTotal {
	readonly key: string;
	readonly type: EntityType;
	readonly name: string;
	readonly keys: readonly string[];
	readonly mentions: number;
	readonly articles: number;
}

/** A file that mentions a {@link WorkspaceEntityTotal}, with how many times. */
export interface WorkspaceEntityArticle {
	readonly uri: string;
	readonly mentions: number;
}

/**
 * An article's entities whose id is one of `ids` (the canonical name keys of a {@link WorkspaceEntityTotal}) as one
 * entity: the first one's names with every mention, in text order. Undefined when the article has none of them.
 */
export function entityWithIds(entities: readonly Entity[], ids: readonly string[]): Entity | undefined {
	const wanted = new Set(ids);
	const found = entities.filter((entity) => wanted.has(entity.id));
	if (found.length <= 1) return found[0];
	return { ...found[0], mentions: found.flatMap((entity) => entity.mentions).sort((a, b) => a.start - b.start) };
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
 * Name keys as the index computes them ({@link nameKeys} without the Set, the canonical name's key first), memoized:
 * the same names recur across thousands of articles, and a slug costs a Unicode normalisation. Shared by the index
 * and by {@link indexSnapshotSteps}, so that a snapshot's keys are exactly the index's.
 */
export class NameKeyMemo {
	private readonly keyMemo: Record<EntityType, Map<string, string>> = { person: new Map(), organization: new Map(), place: new Map() };
	/** The keys of an entity without other names, by type and name: one array shared by every file that names it so. */
	private readonly singleMemo: Record<EntityType, Map<string, readonly string[]>> = { person: new Map(), organization: new Map(), place: new Map() };
	/** The keys of entities with other names, by type and canonical name: each list of keys once, shared by every file that has it. */
	private readonly aliasedMemo: Record<EntityType, Map<string, (readonly string[])[]>> = { person: new Map(), organization: new Map(), place: new Map() };

	nameKey(type: EntityType, name: string): string {
		const memo = this.keyMemo[type];
		let key = memo.get(name);
		if (key === undefined) {
			key = `${type}:${entitySlug(name)}`;
			memo.set(name, key);
		}
		return key;
	}

	keysOf(entity: EntityNames): readonly string[] {
		return this.keysOfNames(entity.type, entity.canonical, entity.aliases);
	}

	/** {@link keysOf} of an entity given by its parts. */
	keysOfNames(type: EntityType, canonical: string, aliases: readonly string[]): readonly string[] {
		if (aliases.length === 0) {
			const memo = this.singleMemo[type];
			let keys = memo.get(canonical);
			if (keys === undefined) {
				keys = [this.nameKey(type, canonical)];
				memo.set(canonical, keys);
			}
			return keys;
		}
		const first = this.nameKey(type, canonical);
		const keys = [first];
		for (const alias of aliases) {
			const key = this.nameKey(type, alias);
			if (!keys.includes(key)) keys.push(key);
		}
		const memo = this.aliasedMemo[type];
		const known = memo.get(canonical);
		if (!known) {
			memo.set(canonical, [keys]);
			return keys;
		}
		for (const other of known) if (other.length === keys.length && other.every((key, i) => key === keys[i])) return other;
		// A few lists per name at most are kept (a name written with ever other names is rare).
		if (known.length < 8) known.push(keys);
		return keys;
	}
}

/**
 * Whether `candidate` is the better name to show for an entity than `shown`: a spelling with small letters over one in
 * capitals only ("Normandy" over a dateline's "NORMANDY"), then the first in code-unit order. A total order, so the
 * name shown does not depend on the order the files were indexed in (a cold build, a reloaded cache and a watcher's
 * updates agree).
 */
export function isBetterShownName(candidate: string, shown: string): boolean {
	const candidateCapitals = candidate === candidate.toUpperCase();
	const shownCapitals = shown === shown.toUpperCase();
	if (candidateCapitals !== shownCapitals) return shownCapitals;
	return candidate < shown;
}

/** Records `name` as the name shown for `key` unless a better one is recorded ({@link isBetterShownName}). */
function showName(names: Map<string, string>, key: string, name: string): void {
	const shown = names.get(key);
	if (shown === undefined || (shown !== name && isBetterShownName(name, shown))) names.set(key, name);
}

/**
 * The numbers of the files that have one name key: the number itself when there is one file (most names are
 * named in one article: no object for them), else the numbers ascending, each once. An array is frozen when it is
 * shared (between the two maps of a snapshot, or between an index and a snapshot of it): the index changes only
 * its own arrays in place, and copies a frozen one first.
 */
export type FileIds = number | readonly number[];

/** The numbers of {@link FileIds} as an array (a new one only for a single number). */
export function fileIdList(ids: FileIds): readonly number[] {
	return typeof ids === 'number' ? [ids] : ids;
}

/**
 * The whole reverse index of a set of files in a form that is cheap to store and to load (see
 * {@link WorkspaceEntityIndex.load}): the files numbered 0 to n-1 (`uris`, `articles`), and per name key the
 * numbers of the files that have it ({@link FileIds}); `named` shares `canonical`'s value where they are equal.
 * The running totals are those the index keeps (see its fields). Loading it builds no Set and computes no slug: a
 * second start's index is usable after reading the cache.
 */
export interface IndexSnapshot {
	readonly uris: readonly string[];
	readonly articles: readonly IndexedArticle[];
	/** Per canonical name key, the files with an entity of that canonical name. */
	readonly canonical: Map<string, FileIds>;
	/** Per name key (canonical or other name), the files with an entity of that name. */
	readonly named: Map<string, FileIds>;
	readonly canonicalMentions: Map<string, number>;
	readonly canonicalNames: Map<string, string>;
	readonly aliasUsers: Map<string, Map<string, number>>;
}

/** Entities handled per step of {@link indexSnapshotSteps} (about a millisecond). */
const snapshotEntitiesPerStep = 2_000;

/**
 * The {@link IndexSnapshot} of `files` (numbered in this order), as steps (see `runSliced`): exactly what
 * {@link WorkspaceEntityIndex.set} of each file in this order would build, in arrays instead of Sets.
 */
export function* indexSnapshotSteps(files: Iterable<{ readonly uri: string; readonly article: IndexedArticle }>, memo = new NameKeyMemo()): Generator<void, IndexSnapshot> {
	const uris: string[] = [];
	const articles: IndexedArticle[] = [];
	const canonical = new Map<string, FileIds>();
	const named = new Map<string, FileIds>();
	const canonicalMentions = new Map<string, number>();
	const canonicalNames = new Map<string, string>();
	const aliasUsers = new Map<string, Map<string, number>>();
	// Files come in ascending numbers: a key's number, then an array of its own once a second file has it.
	const push = (map: Map<string, FileIds>, key: string, id: number): void => {
		const ids = map.get(key);
		if (ids === undefined) map.set(key, id);
		else if (typeof ids === 'number') {
			if (ids !== id) map.set(key, [ids, id]);
		} else if (ids[ids.length - 1] !== id) (ids as number[]).push(id);
	};
	let entities = 0;
	for (const { uri, article } of files) {
		const id = uris.push(uri) - 1;
		articles.push(article);
		forEachEntityName(article, (type, name, aliases, mentions) => {
			const keys = memo.keysOfNames(type, name, aliases);
			const key = keys[0];
			push(canonical, key, id);
			for (const other of keys) push(named, other, id);
			canonicalMentions.set(key, (canonicalMentions.get(key) ?? 0) + mentions);
			showName(canonicalNames, key, name);
			for (let i = 1; i < keys.length; i++) {
				let users = aliasUsers.get(keys[i]);
				if (!users) aliasUsers.set(keys[i], (users = new Map()));
				users.set(key, (users.get(key) ?? 0) + 1);
			}
			entities++;
		});
		if (entities >= snapshotEntitiesPerStep) {
			entities = 0;
			yield;
		}
	}
	// Most names are only ever canonical names: one array serves both maps (frozen: shared).
	for (const [key, ids] of named) {
		const own = canonical.get(key);
		if (typeof own === 'object' && typeof ids === 'object' && sameNumbers(own, ids)) named.set(key, Object.freeze(own));
	}
	yield;
	return { uris, articles, canonical, named, canonicalMentions, canonicalNames, aliasUsers };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** Where `id` is in the ascending `ids`, or where it would go (as `-1 - place`). */
function placeOf(ids: readonly number[], id: number): number {
	let low = 0;
	let high = ids.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (ids[mid] === id) return mid;
		if (ids[mid] < id) low = mid + 1;
		else high = mid - 1;
	}
	return -1 - low;
}

/**
 * The index proper. Every file it has seen has a number (`fileUris`; kept while the index lives, so that a file
 * indexed again keeps it). Invariants: `byName.get(key)` holds exactly the numbers of the files whose summary has
 * an entity with that name key (see {@link nameKeys}), and `byCanonical.get(key)` the same for canonical names
 * only, as {@link FileIds} (a number, or ascending numbers: no Set, no object at all for most names, which keeps the
 * extension host's heap small and its garbage collections short). So the files that mention an entity (the union
 * of `byName` at its canonical key and `byCanonical` at each of its keys, see {@link sameEntity}) are counted and
 * listed from a few map reads, whatever the size of the workspace. After {@link load}, the files are numbered as
 * in the snapshot, whose maps the index takes over.
 */
export class WorkspaceEntityIndex {
	private readonly articles = new Map<string, IndexedArticle>();
	/**
	 * The name keys of each indexed file's entities, in entity order (kept beside, not in a WeakMap: cheaper to fill);
	 * computed on first use for the files of a loaded snapshot.
	 */
	private readonly entityKeys = new Map<string, (readonly string[])[]>();
	private byName = new Map<string, FileIds>();
	private byCanonical = new Map<string, FileIds>();
	/** The URIs of the files by number, and (made when first needed after a load) their numbers by URI. */
	private fileUris: string[] = [];
	private fileIds: Map<string, number> | undefined = new Map();
	private readonly memo = new NameKeyMemo();
	/**
	 * Kept as files come and go, so that the workspace's entity totals never need a pass over the files: the
	 * mentions of each canonical name key over all files, the name shown for it, and for each name key the
	 * canonical keys of the entities that have it as another name (with how many such entities).
	 */
	private canonicalMentions = new Map<string, number>();
	private canonicalNames = new Map<string, string>();
	private aliasUsers = new Map<string, Map<string, number>>();
	/** Canonical keys whose shown name was a removed file's: chosen again from their files before the names are read. */
	private staleNames = new Set<string>();
	/** Changes with every set, delete or clear: what the totals' cache is checked against. */
	private changes = 0;
	private totalsCache: { readonly changes: number; readonly totals: Readonly<Record<EntityType, readonly WorkspaceEntityTotal[]>> } | undefined;

	get size(): number {
		return this.articles.size;
	}

	/** A number that changes whenever the index does (to tell whether something derived from it is stale). */
	get version(): number {
		return this.changes;
	}

	get(uri: string): IndexedArticle | undefined {
		return this.articles.get(uri);
	}

	uris(): IterableIterator<string> {
		return this.articles.keys();
	}

	/** {@link nameKeys}, memoized. */
	private keysOf(entity: EntityNames): readonly string[] {
		return this.memo.keysOf(entity);
	}

	/** The name keys this index has computed (to write a snapshot of its files without computing them again). */
	get nameKeyMemo(): NameKeyMemo {
		return this.memo;
	}

	/**
	 * This index as the {@link IndexSnapshot} of `files` (numbered in this order), as steps, when it holds exactly
	 * their summaries and does not change meanwhile; else undefined (then see {@link indexSnapshotSteps}). Its maps
	 * are copied with URIs turned into numbers: no entity is visited, no key computed (writing the cache after a
	 * build). The totals are the index's own (the name shown for a key is the one it shows now).
	 */
	*snapshotOfSteps(files: readonly { readonly uri: string; readonly article: IndexedArticle }[]): Generator<void, IndexSnapshot | undefined> {
		if (files.length !== this.articles.size) return undefined;
		yield* this.settleShownNamesSteps();
		const version = this.changes;
		const ids = new Map<string, number>();
		for (let id = 0; id < files.length; id++) {
			if (this.articles.get(files[id].uri) !== files[id].article) return undefined;
			ids.set(files[id].uri, id);
			if (id % snapshotEntitiesPerStep === snapshotEntitiesPerStep - 1) yield;
		}
		// Numbered as the index numbers them (a second start whose files did not change, or a build's scan order): the
		// lists are shared, frozen (the index copies a frozen list before it changes it).
		const sameNumbering = files.length === this.fileUris.length && files.every((file, id) => file.uri === this.fileUris[id]);
		const numbered = (keyFiles: FileIds): FileIds => {
			if (sameNumbering) return typeof keyFiles === 'number' ? keyFiles : Object.freeze(keyFiles);
			if (typeof keyFiles === 'number') return ids.get(this.fileUris[keyFiles]) as number;
			const list: number[] = [];
			let ascending = true;
			for (const own of keyFiles) {
				const id = ids.get(this.fileUris[own]) as number;
				if (list.length > 0 && list[list.length - 1] > id) ascending = false;
				list.push(id);
			}
			return ascending ? list : list.sort((a, b) => a - b);
		};
		const canonical = new Map<string, FileIds>();
		const named = new Map<string, FileIds>();
		let done = 0;
		for (const [key, keyFiles] of this.byCanonical) {
			canonical.set(key, numbered(keyFiles));
			if (++done % snapshotEntitiesPerStep === 0) {
				yield;
				if (this.changes !== version) return undefined;
			}
		}
		for (const [key, keyFiles] of this.byName) {
			const list = numbered(keyFiles);
			const own = canonical.get(key);
			const same = own !== undefined && (own === list || (typeof own === 'object' && typeof list === 'object' && sameNumbers(own, list)));
			named.set(key, same ? (typeof own === 'object' ? Object.freeze(own) : own) : list);
			if (++done % snapshotEntitiesPerStep === 0) {
				yield;
				if (this.changes !== version) return undefined;
			}
		}
		if (this.changes !== version) return undefined;
		// The totals copied in steps too: tens of thousands of names each, tens of milliseconds at once.
		const canonicalMentions = new Map<string, number>();
		const canonicalNames = new Map<string, string>();
		const aliasUsers = new Map<string, Map<string, number>>();
		const copies: [Map<string, unknown>, Map<string, unknown>, (value: never) => unknown][] = [
			[this.canonicalMentions, canonicalMentions, (count: number) => count],
			[this.canonicalNames, canonicalNames, (name: string) => name],
			[this.aliasUsers, aliasUsers, (users: Map<string, number>) => new Map(users)],
		];
		for (const [from, to, copy] of copies) {
			for (const [key, value] of from) {
				to.set(key, copy(value as never));
				if (++done % snapshotEntitiesPerStep === 0) {
					yield;
					if (this.changes !== version) return undefined;
				}
			}
		}
		return { uris: files.map((file) => file.uri), articles: files.map((file) => file.article), canonical, named, canonicalMentions, canonicalNames, aliasUsers };
	}

	/**
	 * Replaces the whole index by a snapshot's (see {@link indexSnapshotSteps}; a second start reads one from the
	 * cache): its maps are taken over as they are (the snapshot is the index's from then on), so loading costs one
	 * map entry per file.
	 */
	load(snapshot: IndexSnapshot): void {
		this.clear();
		const { uris, articles } = snapshot;
		for (let id = 0; id < uris.length; id++) this.articles.set(uris[id], articles[id]);
		this.fileUris = [...uris];
		this.fileIds = undefined;
		this.byName = snapshot.named;
		this.byCanonical = snapshot.canonical;
		this.canonicalMentions = snapshot.canonicalMentions;
		this.canonicalNames = snapshot.canonicalNames;
		this.aliasUsers = snapshot.aliasUsers;
	}

	/** A file's number, if it has one (the lookup made when first needed after a load). */
	private idOf(uri: string): number | undefined {
		if (!this.fileIds) {
			this.fileIds = new Map();
			for (let id = 0; id < this.fileUris.length; id++) this.fileIds.set(this.fileUris[id], id);
		}
		return this.fileIds.get(uri);
	}

	/** A file's number, given one if it has none. */
	private idFor(uri: string): number {
		let id = this.idOf(uri);
		if (id === undefined) {
			id = this.fileUris.push(uri) - 1;
			this.fileIds?.set(uri, id);
		}
		return id;
	}

	/** A key's files as URIs. */
	private filesAt(map: Map<string, FileIds>, key: string): readonly string[] {
		const files = map.get(key);
		if (files === undefined) return [];
		if (typeof files === 'number') return [this.fileUris[files]];
		return files.map((id) => this.fileUris[id]);
	}

	private countAt(map: Map<string, FileIds>, key: string): number {
		const files = map.get(key);
		return files === undefined ? 0 : typeof files === 'number' ? 1 : files.length;
	}

	private hasAt(map: Map<string, FileIds>, key: string, uri: string): boolean {
		const files = map.get(key);
		if (files === undefined) return false;
		const id = this.idOf(uri);
		if (id === undefined) return false;
		return typeof files === 'number' ? files === id : placeOf(files, id) >= 0;
	}

	/** Adds file `id` to a key's files: a number for the first, an array of the index's own after (a frozen one copied first). */
	private add(map: Map<string, FileIds>, key: string, id: number): void {
		const files = map.get(key);
		if (files === undefined) {
			map.set(key, id);
			return;
		}
		if (typeof files === 'number') {
			if (files !== id) map.set(key, files < id ? [files, id] : [id, files]);
			return;
		}
		const at = placeOf(files, id);
		if (at >= 0) return;
		const own = (Object.isFrozen(files) ? [...files] : files) as number[];
		if (own !== files) map.set(key, own);
		// Mostly at the end: a build numbers the files in the order it adds them.
		if (-1 - at === own.length) own.push(id);
		else own.splice(-1 - at, 0, id);
	}

	/** Removes file `id` from a key's files (the key goes with its last file; one file left is a number again). */
	private remove(map: Map<string, FileIds>, key: string, id: number): void {
		const files = map.get(key);
		if (files === undefined) return;
		if (typeof files === 'number') {
			if (files === id) map.delete(key);
			return;
		}
		const at = placeOf(files, id);
		if (at < 0) return;
		if (files.length === 2) {
			map.set(key, files[1 - at]);
			return;
		}
		const own = (Object.isFrozen(files) ? [...files] : files) as number[];
		own.splice(at, 1);
		if (own !== files) map.set(key, own);
	}

	/** The name keys of a file's entities (see `entityKeys`). */
	private keysOfFile(uri: string, article: IndexedArticle): (readonly string[])[] {
		let keys = this.entityKeys.get(uri);
		if (!keys) {
			const made: (readonly string[])[] = [];
			forEachEntityName(article, (type, canonical, aliases) => made.push(this.memo.keysOfNames(type, canonical, aliases)));
			keys = made;
			this.entityKeys.set(uri, keys);
		}
		return keys;
	}

	set(uri: string, article: IndexedArticle): void {
		if (this.articles.get(uri) === article) return;
		this.delete(uri);
		this.articles.set(uri, article);
		this.changes++;
		const id = this.idFor(uri);
		const all: (readonly string[])[] = [];
		// The entities' names only: a summary from the cache or a worker keeps its entities packed (see forEachName).
		forEachEntityName(article, (type, name, aliases, mentions) => {
			const keys = this.memo.keysOfNames(type, name, aliases);
			all.push(keys);
			this.add(this.byCanonical, keys[0], id);
			for (const key of keys) this.add(this.byName, key, id);
			this.countEntity(keys, name, mentions, 1);
		});
		this.entityKeys.set(uri, all);
	}

	/** Adds (`sign` 1) or removes (-1) one file's entity (its canonical name and mention count) to or from the running totals. */
	private countEntity(keys: readonly string[], name: string, entityMentions: number, sign: 1 | -1): void {
		const canonical = keys[0];
		const mentions = (this.canonicalMentions.get(canonical) ?? 0) + sign * entityMentions;
		if (this.byCanonical.has(canonical)) {
			this.canonicalMentions.set(canonical, mentions);
			if (sign === 1) showName(this.canonicalNames, canonical, name);
			else if (this.canonicalNames.get(canonical) === name) this.staleNames.add(canonical);
		} else {
			this.canonicalMentions.delete(canonical);
			this.canonicalNames.delete(canonical);
			this.staleNames.delete(canonical);
		}
		for (let i = 1; i < keys.length; i++) {
			let users = this.aliasUsers.get(keys[i]);
			if (!users) this.aliasUsers.set(keys[i], (users = new Map()));
			const count = (users.get(canonical) ?? 0) + sign;
			if (count > 0) users.set(canonical, count);
			else users.delete(canonical);
			if (users.size === 0) this.aliasUsers.delete(keys[i]);
		}
	}

	delete(uri: string): void {
		const old = this.articles.get(uri);
		if (!old) return;
		const keys = this.keysOfFile(uri, old);
		const id = this.idOf(uri) as number;
		this.changes++;
		this.articles.delete(uri);
		this.entityKeys.delete(uri);
		let i = 0;
		forEachEntityName(old, (_type, name, _aliases, mentions) => {
			const entityKeys = keys[i++];
			this.remove(this.byCanonical, entityKeys[0], id);
			for (const key of entityKeys) this.remove(this.byName, key, id);
			this.countEntity(entityKeys, name, mentions, -1);
		});
	}

	/**
	 * Removes many files at once (a deleted folder, files no longer listed): the same index as {@link delete} of each,
	 * but each name's file list is rewritten once however many of its files go, so the cost is linear in the removed
	 * files' entities plus the lists they touch (one by one, a name held by k files costs O(k) per removal, O(k^2) in
	 * all: deleting 50,000 articles that all name one agency would move about 10^9 numbers).
	 */
	deleteMany(uris: Iterable<string>): void {
		const gone = new Set<number>();
		const canonicalKeys = new Set<string>();
		const nameKeys = new Set<string>();
		const removed: { keys: readonly string[]; name: string; mentions: number }[] = [];
		for (const uri of uris) {
			const old = this.articles.get(uri);
			if (!old) continue;
			const keys = this.keysOfFile(uri, old);
			gone.add(this.idOf(uri) as number);
			this.articles.delete(uri);
			this.entityKeys.delete(uri);
			let i = 0;
			forEachEntityName(old, (_type, name, _aliases, mentions) => {
				const entityKeys = keys[i++];
				canonicalKeys.add(entityKeys[0]);
				for (const key of entityKeys) nameKeys.add(key);
				removed.push({ keys: entityKeys, name, mentions });
			});
		}
		if (gone.size === 0) return;
		this.changes++;
		for (const key of canonicalKeys) this.removeAll(this.byCanonical, key, gone);
		for (const key of nameKeys) this.removeAll(this.byName, key, gone);
		// After the lists: the totals forget a canonical name once no file has it, as delete's do.
		for (const { keys, name, mentions } of removed) this.countEntity(keys, name, mentions, -1);
	}

	/** Removes the files `gone` from a key's files in one pass (a new array, so a frozen or shared one is left alone). */
	private removeAll(map: Map<string, FileIds>, key: string, gone: ReadonlySet<number>): void {
		const files = map.get(key);
		if (files === undefined) return;
		if (typeof files === 'number') {
			if (gone.has(files)) map.delete(key);
			return;
		}
		const kept = files.filter((id) => !gone.has(id));
		if (kept.length === files.length) return;
		if (kept.length === 0) map.delete(key);
		else map.set(key, kept.length === 1 ? kept[0] : kept);
	}

	clear(): void {
		this.changes++;
		this.articles.clear();
		this.entityKeys.clear();
		this.byName = new Map();
		this.byCanonical = new Map();
		this.fileUris = [];
		this.fileIds = new Map();
		this.canonicalMentions = new Map();
		this.canonicalNames = new Map();
		this.aliasUsers = new Map();
		this.staleNames = new Set();
	}

	/**
	 * Chooses again the shown name of the keys whose name left with a removed file, from the files that still have
	 * them: one pass over those files' entity names (each file once however many of its keys are stale), in steps.
	 * What an index filled with the remaining files would show, so the name never depends on the files' history.
	 * Applied only if the index did not change meanwhile (else the keys stay stale for the next reader).
	 */
	private *settleShownNamesSteps(): Generator<void, void> {
		if (this.staleNames.size === 0) return;
		const changes = this.changes;
		const stale = this.staleNames;
		this.staleNames = new Set();
		const files = new Set<string>();
		for (const key of stale) for (const uri of this.filesAt(this.byCanonical, key)) files.add(uri);
		const names = new Map<string, string>();
		let done = 0;
		for (const uri of files) {
			const article = this.articles.get(uri);
			if (!article) continue;
			forEachEntityName(article, (type, name, aliases) => {
				const key = this.memo.keysOfNames(type, name, aliases)[0];
				if (stale.has(key)) showName(names, key, name);
				done++;
			});
			if (done >= totalsPerStep) {
				done = 0;
				yield;
			}
		}
		if (this.changes !== changes) {
			for (const key of stale) if (this.byCanonical.has(key)) this.staleNames.add(key);
			return;
		}
		for (const [key, name] of names) this.canonicalNames.set(key, name);
	}

	/**
	 * The entities of the whole workspace by type, most mentioned first (then in more articles, then by name): see
	 * {@link WorkspaceEntityTotal}. Computed from the running totals, one step per distinct canonical name (never a
	 * pass over the files), and kept until the index changes, so asking again costs nothing.
	 */
	entityTotals(): Readonly<Record<EntityType, readonly WorkspaceEntityTotal[]>> {
		return drainSteps(this.entityTotalsSteps());
	}

	/**
	 * {@link entityTotals} as steps (an archive names a hundred thousand entities: tens of milliseconds at once). The
	 * index may change between steps: the names are taken at the start, and an answer is kept only if nothing changed.
	 */
	*entityTotalsSteps(): Steps<Readonly<Record<EntityType, readonly WorkspaceEntityTotal[]>>> {
		if (this.totalsCache?.changes === this.changes) return this.totalsCache.totals;
		yield* this.settleShownNamesSteps();
		const changes = this.changes;
		// Most names fold into nothing: only the folded ones get a list, kept by the name they fold into.
		const folded = new Map<string, string[]>();
		const roots: string[] = [];
		let done = 0;
		for (const key of [...this.canonicalMentions.keys()]) {
			const into = this.foldInto(key);
			if (into !== undefined && this.foldInto(into) === undefined) {
				const list = folded.get(into);
				if (list) list.push(key);
				else folded.set(into, [key]);
			} else {
				roots.push(key);
			}
			if (++done % totalsPerStep === 0) yield;
		}
		const totals: Record<EntityType, WorkspaceEntityTotal[]> = { person: [], organization: [], place: [] };
		for (const key of roots) {
			const extra = folded.get(key);
			const keys = extra ? [key, ...extra] : [key];
			let mentions = this.canonicalMentions.get(key) ?? 0;
			if (extra) for (const member of extra) mentions += this.canonicalMentions.get(member) ?? 0;
			const type = typeOfKey(key);
			totals[type].push({ key, type, name: this.canonicalNames.get(key) ?? key, keys, mentions, articles: this.countOfCanonical(keys) });
			if (++done % totalsPerStep === 0) yield;
		}
		for (const list of Object.values(totals)) yield* sortSteps(list, byCount);
		// Names still stale (the index changed while they were chosen again) are not kept for good.
		if (this.changes === changes && this.staleNames.size === 0) this.totalsCache = { changes, totals };
		return totals;
	}

	/** The canonical key that `key` folds into: the one other canonical name that has it as another name, if exactly one. */
	private foldInto(key: string): string | undefined {
		const users = this.aliasUsers.get(key);
		if (!users) return undefined;
		let only: string | undefined;
		for (const user of users.keys()) {
			if (user === key || !this.canonicalMentions.has(user)) continue;
			if (only !== undefined) return undefined;
			only = user;
		}
		return only;
	}

	/** The files with an entity of one of these canonical name keys. */
	private filesOfCanonical(keys: readonly string[]): Iterable<string> {
		if (keys.length === 1) return this.filesAt(this.byCanonical, keys[0]);
		const files = new Set<string>();
		for (const key of keys) for (const uri of this.filesAt(this.byCanonical, key)) files.add(uri);
		return files;
	}

	/** How many files have an entity of one of these canonical name keys (from a size alone for one key). */
	private countOfCanonical(keys: readonly string[]): number {
		if (keys.length === 1) return this.countAt(this.byCanonical, keys[0]);
		return (this.filesOfCanonical(keys) as Set<string>).size;
	}

	/**
	 * The files that mention a workspace entity (see {@link entityTotals}) with their mention counts, most first
	 * (then by URI). Reads only those files' summaries.
	 */
	entityArticles(total: Pick<WorkspaceEntityTotal, 'keys'>): WorkspaceEntityArticle[] {
		const wanted = new Set(total.keys);
		const result: WorkspaceEntityArticle[] = [];
		for (const uri of this.filesOfCanonical(total.keys)) {
			const article = this.articles.get(uri);
			if (!article) continue;
			const keys = this.keysOfFile(uri, article);
			let mentions = 0;
			let i = 0;
			forEachEntityName(article, (_type, _name, _aliases, count) => {
				if (wanted.has(keys[i++][0])) mentions += count;
			});
			result.push({ uri, mentions });
		}
		return result.sort((x, y) => y.mentions - x.mentions || (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0));
	}

	/** The URIs of the files that mention the entity (see {@link sameEntity}), unordered, without `except`. */
	private filesOf(entity: EntityNames, except: string | undefined): Set<string> {
		const wanted = this.keysOf(entity);
		const files = new Set<string>();
		for (const uri of this.filesAt(this.byName, wanted[0])) if (uri !== except) files.add(uri);
		for (const key of wanted) {
			for (const uri of this.filesAt(this.byCanonical, key)) if (uri !== except) files.add(uri);
		}
		return files;
	}

	/** The entity's entities in one file, merged in offset order under the first match; undefined when none. */
	private occurrenceIn(uri: string, wanted: readonly string[]): IndexedOccurrence | undefined {
		const article = this.articles.get(uri);
		if (!article) return undefined;
		const canonical = wanted[0];
		const keys = this.keysOfFile(uri, article);
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
		return drainSteps(this.occurrencesSteps(entity, except));
	}

	/**
	 * {@link occurrences} in steps (a host runs them in slices: an entity named in thousands of files takes tens of
	 * milliseconds, its files' keys made the first time after a cache was loaded). The index may change between the
	 * steps: each file is read as it is when its turn comes (a file dropped meanwhile is left out).
	 */
	*occurrencesSteps(entity: EntityNames, except?: string): Steps<IndexedOccurrence[]> {
		const wanted = this.keysOf(entity);
		const files = [...this.filesOf(entity, except)];
		yield;
		const sorted = yield* sortSteps(files, compareUris);
		const result: IndexedOccurrence[] = [];
		for (let i = 0; i < sorted.length; i++) {
			const occurrence = this.occurrenceIn(sorted[i], wanted);
			if (occurrence) result.push(occurrence);
			if (i % occurrencesPerStep === occurrencesPerStep - 1) yield;
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
		const named = wanted[0];
		let count = this.countAt(this.byName, named) - (except !== undefined && this.hasAt(this.byName, named, except) ? 1 : 0);
		const extra = new Set<string>();
		for (const key of wanted.slice(1)) {
			for (const uri of this.filesAt(this.byCanonical, key)) {
				if (uri !== except && !this.hasAt(this.byName, named, uri)) extra.add(uri);
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
		for (const uri of this.filesAt(this.byName, named)) consider(uri);
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

/** The type part of a name key (`person:…`, `organization:…`, `place:…`), without cutting the string. */
function typeOfKey(key: string): EntityType {
	return key.startsWith('person:') ? 'person' : key.startsWith('place:') ? 'place' : 'organization';
}

/** Most mentions first, then in more articles, then by name (code-unit order: cheap, and the same everywhere). */
function byCount(x: WorkspaceEntityTotal, y: WorkspaceEntityTotal): number {
	return y.mentions - x.mentions || y.articles - x.articles || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
}
