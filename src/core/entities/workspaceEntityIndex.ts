/**
 * The workspace-wide entity index (the reverse index): for each seed file its summary (see indexedArticle.ts),
 * keyed by the file's URI string, with inverted maps from entity names to the files that mention them, so that
 * the files naming an entity are counted and listed from a few map reads whatever the size of the workspace.
 *
 * Pure: files, the cache (indexCacheFormat.ts) and keeping the index current (workspaceIndexUpdater.ts) are
 * elsewhere.
 */
import { entitySlug, type Entity, type EntityType } from './index';
import { mentionCount, mentionSpans, type IndexedArticle, type IndexedEntity } from './indexedArticle';
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
		if (entity.aliases.length === 0) {
			const memo = this.singleMemo[entity.type];
			let keys = memo.get(entity.canonical);
			if (keys === undefined) {
				keys = [this.nameKey(entity.type, entity.canonical)];
				memo.set(entity.canonical, keys);
			}
			return keys;
		}
		const first = this.nameKey(entity.type, entity.canonical);
		const keys = [first];
		for (const alias of entity.aliases) {
			const key = this.nameKey(entity.type, alias);
			if (!keys.includes(key)) keys.push(key);
		}
		return keys;
	}
}

/**
 * The whole reverse index of a set of files in a form that is cheap to store and to load (see
 * {@link WorkspaceEntityIndex.load}): the files numbered 0 to n-1 (`uris`, `articles`), and per name key the
 * numbers of the files that have it, ascending, as plain arrays (a file's number once per key); `named` shares
 * `canonical`'s array where they are equal. The running totals are those the index keeps (see its fields).
 * Loading it builds no Set and computes no slug: a second start's index is usable after reading the cache.
 */
export interface IndexSnapshot {
	readonly uris: readonly string[];
	readonly articles: readonly IndexedArticle[];
	/** Per canonical name key, the files with an entity of that canonical name. */
	readonly canonical: Map<string, readonly number[]>;
	/** Per name key (canonical or other name), the files with an entity of that name. */
	readonly named: Map<string, readonly number[]>;
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
	const canonical = new Map<string, number[]>();
	const named = new Map<string, number[]>();
	const canonicalMentions = new Map<string, number>();
	const canonicalNames = new Map<string, string>();
	const aliasUsers = new Map<string, Map<string, number>>();
	const push = (map: Map<string, number[]>, key: string, id: number): void => {
		const ids = map.get(key);
		if (!ids) map.set(key, [id]);
		else if (ids[ids.length - 1] !== id) ids.push(id);
	};
	let entities = 0;
	for (const { uri, article } of files) {
		const id = uris.push(uri) - 1;
		articles.push(article);
		for (const entity of article.entities) {
			const keys = memo.keysOf(entity);
			const key = keys[0];
			push(canonical, key, id);
			for (const name of keys) push(named, name, id);
			canonicalMentions.set(key, (canonicalMentions.get(key) ?? 0) + mentionCount(entity));
			if (!canonicalNames.has(key)) canonicalNames.set(key, entity.canonical);
			for (let i = 1; i < keys.length; i++) {
				let users = aliasUsers.get(keys[i]);
				if (!users) aliasUsers.set(keys[i], (users = new Map()));
				users.set(key, (users.get(key) ?? 0) + 1);
			}
			if (++entities % snapshotEntitiesPerStep === 0) yield;
		}
	}
	// Most names are only ever canonical names: one array serves both maps.
	for (const [key, ids] of named) {
		const own = canonical.get(key);
		if (own && sameNumbers(own, ids)) named.set(key, own);
	}
	yield;
	return { uris, articles, canonical, named, canonicalMentions, canonicalNames, aliasUsers };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * The files of one name key: a Set of URIs, or, as loaded from an {@link IndexSnapshot} and until the key's files
 * first change, the snapshot's numbers of them (ascending).
 */
type KeyFiles = Set<string> | readonly number[];

/**
 * The index proper. Invariants: `byName.get(key)` holds exactly the URIs whose summary has an entity with that
 * name key (see {@link nameKeys}), and `byCanonical.get(key)` the same for canonical names only. So
 * the files that mention an entity (the union of `byName` at its canonical key and `byCanonical` at each of its
 * keys, see {@link sameEntity}) are counted and listed from a few map reads, whatever the size of the workspace.
 * After {@link load}, a key's files are the snapshot's numbers until they first change (then a Set of URIs): a key
 * not touched since is exact, since any file that gains or loses the key touches it.
 */
export class WorkspaceEntityIndex {
	private readonly articles = new Map<string, IndexedArticle>();
	/**
	 * The name keys of each indexed file's entities, in entity order (kept beside, not in a WeakMap: cheaper to fill);
	 * computed on first use for the files of a loaded snapshot.
	 */
	private readonly entityKeys = new Map<string, (readonly string[])[]>();
	private byName = new Map<string, KeyFiles>();
	private byCanonical = new Map<string, KeyFiles>();
	/** The URIs of a loaded snapshot's files by number, and (made when first needed) their numbers by URI. */
	private snapshotUris: readonly string[] = [];
	private snapshotIds: Map<string, number> | undefined;
	private readonly memo = new NameKeyMemo();
	/**
	 * Kept as files come and go, so that the workspace's entity totals never need a pass over the files: the
	 * mentions of each canonical name key over all files, the name shown for it, and for each name key the
	 * canonical keys of the entities that have it as another name (with how many such entities).
	 */
	private canonicalMentions = new Map<string, number>();
	private canonicalNames = new Map<string, string>();
	private aliasUsers = new Map<string, Map<string, number>>();
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
		const version = this.changes;
		if (files.length !== this.articles.size) return undefined;
		const ids = new Map<string, number>();
		for (let id = 0; id < files.length; id++) {
			if (this.articles.get(files[id].uri) !== files[id].article) return undefined;
			ids.set(files[id].uri, id);
			if (id % snapshotEntitiesPerStep === snapshotEntitiesPerStep - 1) yield;
		}
		// Numbered as the snapshot this index was loaded from (a second start whose files did not change): the keys no
		// file changed since keep their lists as they are, shared (neither is ever changed in place).
		const sameNumbering = files.length === this.snapshotUris.length && files.every((file, id) => file.uri === this.snapshotUris[id]);
		const numbered = (keyFiles: KeyFiles): readonly number[] => {
			if (sameNumbering && !(keyFiles instanceof Set)) return keyFiles;
			const list: number[] = [];
			let ascending = true;
			for (const uri of keyFiles instanceof Set ? keyFiles : keyFiles.map((id) => this.snapshotUris[id])) {
				const id = ids.get(uri) as number;
				if (list.length > 0 && list[list.length - 1] > id) ascending = false;
				list.push(id);
			}
			// Files are mostly added in the order they are numbered (a build's scan order).
			return ascending ? list : list.sort((a, b) => a - b);
		};
		const canonical = new Map<string, readonly number[]>();
		const named = new Map<string, readonly number[]>();
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
			named.set(key, own && (own === list || sameNumbers(own, list)) ? own : list);
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
	 * cache): its maps are taken over as they are, so loading costs one map entry per file.
	 */
	load(snapshot: IndexSnapshot): void {
		this.clear();
		const { uris, articles } = snapshot;
		for (let id = 0; id < uris.length; id++) this.articles.set(uris[id], articles[id]);
		this.snapshotUris = uris;
		this.byName = snapshot.named;
		this.byCanonical = snapshot.canonical;
		this.canonicalMentions = snapshot.canonicalMentions;
		this.canonicalNames = snapshot.canonicalNames;
		this.aliasUsers = snapshot.aliasUsers;
	}

	/** A key's files as URIs. */
	private filesAt(map: Map<string, KeyFiles>, key: string): Iterable<string> {
		const files = map.get(key);
		if (files === undefined) return [];
		if (files instanceof Set) return files;
		return files.map((id) => this.snapshotUris[id]);
	}

	private countAt(map: Map<string, KeyFiles>, key: string): number {
		const files = map.get(key);
		return files === undefined ? 0 : files instanceof Set ? files.size : files.length;
	}

	private hasAt(map: Map<string, KeyFiles>, key: string, uri: string): boolean {
		const files = map.get(key);
		if (files === undefined) return false;
		if (files instanceof Set) return files.has(uri);
		if (!this.snapshotIds) {
			this.snapshotIds = new Map();
			this.snapshotUris.forEach((known, id) => this.snapshotIds?.set(known, id));
		}
		const id = this.snapshotIds.get(uri);
		return id !== undefined && binarySearch(files, id);
	}

	/** A key's files as a Set of URIs, made from the snapshot's numbers on the key's first change. */
	private setAt(map: Map<string, KeyFiles>, key: string): Set<string> | undefined {
		const files = map.get(key);
		if (files === undefined || files instanceof Set) return files;
		const set = new Set<string>();
		for (const id of files) set.add(this.snapshotUris[id]);
		map.set(key, set);
		return set;
	}

	private add(map: Map<string, KeyFiles>, key: string, uri: string): void {
		const files = this.setAt(map, key);
		if (files) {
			files.add(uri);
			return;
		}
		// Not `new Set([uri])`: most names occur in one file, and the iterable constructor costs several times more.
		const created = new Set<string>();
		created.add(uri);
		map.set(key, created);
	}

	private remove(map: Map<string, KeyFiles>, key: string, uri: string): void {
		const files = this.setAt(map, key);
		files?.delete(uri);
		if (files?.size === 0) map.delete(key);
	}

	/** The name keys of a file's entities (see `entityKeys`). */
	private keysOfFile(uri: string, article: IndexedArticle): (readonly string[])[] {
		let keys = this.entityKeys.get(uri);
		if (!keys) {
			keys = article.entities.map((entity) => this.keysOf(entity));
			this.entityKeys.set(uri, keys);
		}
		return keys;
	}

	set(uri: string, article: IndexedArticle): void {
		if (this.articles.get(uri) === article) return;
		this.delete(uri);
		this.articles.set(uri, article);
		this.changes++;
		const all: (readonly string[])[] = [];
		for (const entity of article.entities) {
			const keys = this.keysOf(entity);
			all.push(keys);
			this.add(this.byCanonical, keys[0], uri);
			for (const key of keys) this.add(this.byName, key, uri);
			this.countEntity(keys, entity, 1);
		}
		this.entityKeys.set(uri, all);
	}

	/** Adds (`sign` 1) or removes (-1) one file's entity to or from the running totals. */
	private countEntity(keys: readonly string[], entity: IndexedEntity, sign: 1 | -1): void {
		const canonical = keys[0];
		const mentions = (this.canonicalMentions.get(canonical) ?? 0) + sign * mentionCount(entity);
		if (this.byCanonical.has(canonical)) {
			this.canonicalMentions.set(canonical, mentions);
			if (!this.canonicalNames.has(canonical)) this.canonicalNames.set(canonical, entity.canonical);
		} else {
			this.canonicalMentions.delete(canonical);
			this.canonicalNames.delete(canonical);
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
		this.changes++;
		this.articles.delete(uri);
		this.entityKeys.delete(uri);
		keys.forEach((entityKeys, i) => {
			this.remove(this.byCanonical, entityKeys[0], uri);
			for (const key of entityKeys) this.remove(this.byName, key, uri);
			this.countEntity(entityKeys, old.entities[i], -1);
		});
	}

	clear(): void {
		this.changes++;
		this.articles.clear();
		this.entityKeys.clear();
		this.byName = new Map();
		this.byCanonical = new Map();
		this.snapshotUris = [];
		this.snapshotIds = undefined;
		this.canonicalMentions = new Map();
		this.canonicalNames = new Map();
		this.aliasUsers = new Map();
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
		if (this.changes === changes) this.totalsCache = { changes, totals };
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
			keys.forEach((entityKeys, i) => {
				if (wanted.has(entityKeys[0])) mentions += mentionCount(article.entities[i]);
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

/** Whether the ascending numbers hold `id`. */
function binarySearch(ids: readonly number[], id: number): boolean {
	let low = 0;
	let high = ids.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if (ids[mid] === id) return true;
		if (ids[mid] < id) low = mid + 1;
		else high = mid - 1;
	}
	return false;
}
