import type { Entity, EntityMention, EntityType, UserLexicon } from './types';
import { sortSteps } from '../text/sortSteps';
import { drainSteps } from '../text/steps';

// Words skipped when an acronym is read off a name ("UN" from "United Nations", "OSCE" from "... for ... in ...").
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', '&', 'de', 'du', 'des', 'la', 'le']);

interface Group {
	key: string;
	type: EntityType;
	words: string[];
	canonical: string;
	/** Whether the canonical name was declared by the user and must not be replaced by a longer mention. */
	fixed: boolean;
	mentions: EntityMention[];
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-case key of a surface form: whitespace collapsed, periods of abbreviations dropped ("U.N." = "UN"). */
function normalize(name: string): string {
	return name.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\u2019/g, "'").replace(/\./g, '');
}

/**
 * The stable slug of an entity id: lower-case letters and digits of the canonical name, diacritics removed,
 * every other run of characters one hyphen ("Kim Jong-un" -> "kim-jong-un").
 */
export function entitySlug(canonical: string): string {
	// ASCII needs no decomposition and knows no marks; its letters and digits are the ones the pattern keeps.
	if (!NON_ASCII.test(canonical)) return canonical.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	return canonical.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

function initials(words: readonly string[]): string {
	let out = '';
	for (const word of words) if (!ACRONYM_SKIP.has(word)) out += word[0];
	return out;
}

/**
 * Groups the mentions of an article into entities. Mentions with the same surface form (case-insensitive,
 * abbreviation periods ignored) are one entity; a person's shorter mention whose words all occur in a longer
 * person name ("Kim", "Putin") joins that person, the nearest preceding one when several fit; an all-capitals
 * acronym joins the organization or place whose initials it spells ("UN" = "United Nations", but not
 * "UN Security Council", whose initials differ). Names declared in `lexicon.entities` group under their
 * canonical form. Invariants: every input mention lands in exactly one entity; each entity has one type and every
 * returned mention carries it; `canonical` is the longest surface form unless the user declared one; entities are
 * ordered by first mention and mentions by offset.
 */
export function groupEntities(mentions: readonly EntityMention[], text: string, lexicon?: UserLexicon): Entity[] {
	return drainSteps(groupEntitiesSteps(mentions, text, lexicon));
}

/** About this many mentions or groups are handled between two yields of {@link groupEntitiesSteps} (a few ms). */
const mentionsPerStep = 1_000;

/**
 * {@link groupEntities} as a generator that yields every thousand mentions or groups handled, so that
 * a host can give the thread back between steps (see `runSliced`): 50,000 distinct names take a second or more.
 */
export function* groupEntitiesSteps(mentions: readonly EntityMention[], text: string, lexicon?: UserLexicon): Generator<void, Entity[]> {
	let handled = 0;
	const due = (count: number): boolean => {
		handled += count;
		if (handled < mentionsPerStep) return false;
		handled = 0;
		return true;
	};
	const declared = new Map<string, { canonical: string; type: EntityType }>();
	for (const entity of lexicon?.entities ?? []) {
		for (const name of [entity.canonical, ...(entity.aliases ?? [])]) declared.set(normalize(name), { canonical: entity.canonical, type: entity.type });
	}
	const sorted = yield* sortSteps([...mentions], (x, y) => x.start - y.start || x.end - y.end);
	const groups = new Map<string, Group>();
	// Normalised forms by surface: a long article repeats a few dozen names thousands of times.
	const normalized = new Map<string, string>();
	const normalizeOnce = (name: string): string => {
		let form = normalized.get(name);
		if (form === undefined) {
			form = normalize(name);
			normalized.set(name, form);
		}
		return form;
	};
	for (const mention of sorted) {
		const surface = text.slice(mention.start, mention.end) || mention.text;
		const user = declared.get(normalizeOnce(surface));
		const key = user ? normalizeOnce(user.canonical) : normalizeOnce(surface);
		let group = groups.get(key);
		if (!group) {
			const canonical = user ? user.canonical : surface;
			group = { key, type: user ? user.type : mention.type, words: key.split(' '), canonical, fixed: user !== undefined, mentions: [] };
			groups.set(key, group);
		}
		group.mentions.push({ start: mention.start, end: mention.end, text: surface, type: mention.type });
		if (!group.fixed && surface.length > group.canonical.length) group.canonical = surface;
		if (due(1)) yield;
	}
	// A form typed differently in different places (text recognized in slices) takes its most frequent type.
	for (const group of groups.values()) {
		if (group.fixed) continue;
		// Nearly always one type: no vote to count.
		if (!group.mentions.every((m) => m.type === group.type)) {
			const votes = new Map<EntityType, number>();
			for (const m of group.mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
			let best = group.type;
			for (const [type, count] of votes) if (count > (votes.get(best) ?? 0)) best = type;
			group.type = best;
		}
		if (due(group.mentions.length)) yield;
	}

	const merged = new Set<Group>();
	mergeDefinedAcronyms(groups, definedAcronyms(sorted, text, normalizeOnce), merged);
	// Short forms join longer ones: shortest first, so that chains end at the longest name. A host has more words
	// than its short form, so it is never one that was merged before it; it may hold shorter forms merged into it.
	const ordered = yield* sortSteps([...groups.values()], (x, y) => x.words.length - y.words.length || x.key.length - y.key.length);
	const hostIndex = new HostIndex();
	for (const group of ordered) {
		hostIndex.add(group);
		if (due(1)) yield;
	}
	for (const short of ordered) {
		if (due(1)) yield;
		if (short.fixed || merged.has(short)) continue;
		const hosts = hostIndex.hostsOf(short).filter((long) => long !== short && !merged.has(long));
		if (hosts.length === 0) continue;
		merged.add(short);
		if (hosts.length === 1) for (const mention of short.mentions) hosts[0].mentions.push(mention);
		else joinNearestHosts(short.mentions, hosts);
		handled += short.mentions.length + hosts.length;
	}

	const entities: Entity[] = [];
	for (const group of groups.values()) {
		if (merged.has(group)) continue;
		const all = group.mentions.sort((x, y) => x.start - y.start).map((m) => ({ start: m.start, end: m.end, text: m.text, type: group.type }));
		const others = new Set<string>();
		for (const m of all) if (m.text !== group.canonical) others.add(m.text);
		const aliases = [...others].sort();
		entities.push({ id: `${group.type}:${entitySlug(group.canonical)}`, canonical: group.canonical, type: group.type, aliases, mentions: all });
		if (due(all.length)) yield;
	}
	return yield* sortSteps(entities, (x, y) => x.mentions[0].start - y.mentions[0].start);
}

/**
 * Finds the groups that a short form can join, in the order they were added: the longer person names holding
 * all of a person's words; the organizations whose name is the short form followed by corporate designators
 * ("Nimbra" for "Nimbra Technologies"); or the longer names of the same type whose initials an all-capitals
 * acronym spells. Indexed by word, by designator-free prefix and by initials, so each look-up reads only the
 * groups that share the short form's rarest word, its words or its initials, never all groups.
 */
class HostIndex {
	readonly #byWord = new Map<string, Group[]>();
	readonly #byInitials = new Map<string, Group[]>();
	readonly #byOrganizationPrefix = new Map<string, Group[]>();
	readonly #position = new Map<Group, number>();

	add(group: Group): void {
		this.#position.set(group, this.#position.size);
		if (group.type === 'person') {
			group.words.forEach((word, i) => {
				if (group.words.indexOf(word) === i) appendTo(this.#byWord, word, group);
			});
		} else if (group.words.length > 1) {
			appendTo(this.#byInitials, `${group.type} ${initials(group.words)}`, group);
			if (group.type === 'organization') {
				for (const prefix of designatorFreePrefixes(group.words)) appendTo(this.#byOrganizationPrefix, prefix, group);
			}
		}
	}

	hostsOf(short: Group): Group[] {
		if (short.type === 'person') {
			let rarest: Group[] | undefined;
			for (const word of short.words) {
				const withWord = this.#byWord.get(word);
				if (withWord === undefined) return [];
				if (rarest === undefined || withWord.length < rarest.length) rarest = withWord;
			}
			return (rarest ?? []).filter((long) => long.words.length > short.words.length && short.words.every((w) => long.words.includes(w)));
		}
		const byPrefix = short.type === 'organization' ? this.#byOrganizationPrefix.get(short.key) ?? [] : [];
		const surface = short.mentions[0].text.replace(/\./g, '');
		const isAcronym = short.words.length === 1 && surface.length >= 2 && surface === surface.toUpperCase();
		const byAcronym = isAcronym ? this.#byInitials.get(`${short.type} ${short.key}`) ?? [] : [];
		if (byAcronym.length === 0) return byPrefix;
		if (byPrefix.length === 0) return byAcronym;
		return [...new Set([...byPrefix, ...byAcronym])].sort((x, y) => (this.#position.get(x) ?? 0) - (this.#position.get(y) ?? 0));
	}
}

/**
 * The shorter names of an organization that drop only corporate designators: "nimbra" for "nimbra technologies",
 * "acme" and "acme holdings" for "acme holdings inc".
 */
function designatorFreePrefixes(words: readonly string[]): string[] {
	let shortest = words.length;
	while (shortest > 1 && ORG_DESIGNATORS.has(words[shortest - 1])) shortest--;
	const prefixes: string[] = [];
	for (let length = shortest; length < words.length; length++) prefixes.push(words.slice(0, length).join(' '));
	return prefixes;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Moves each mention to the host with the nearest mention before it (the earliest-listed host when several have
 * a mention there, the first host when none precedes it). One sorted list of the hosts' mention starts and a
 * binary search per mention: O((h + m) log h) for h host mentions and m mentions to place. The mentions placed
 * here need not become marks: one placed before an offset sits after its own nearest host mention, so it points
 * at the same host, unless two mentions share a start (the recognizer's mentions never overlap).
 */
function joinNearestHosts(mentions: readonly EntityMention[], hosts: readonly Group[]): void {
	const marks: { start: number; host: number }[] = [];
	hosts.forEach((host, index) => {
		for (const m of host.mentions) marks.push({ start: m.start, host: index });
	});
	marks.sort((x, y) => x.start - y.start || x.host - y.host);
	// Drop all but the first host at each start, so that the last mark below an offset is the one to join.
	const nearest = marks.filter((mark, i) => i === 0 || marks[i - 1].start !== mark.start);
	for (const mention of mentions) {
		let low = 0;
		let high = nearest.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (nearest[mid].start < mention.start) low = mid + 1;
			else high = mid;
		}
		hosts[low === 0 ? 0 : nearest[low - 1].host].mentions.push(mention);
	}
}

// Designators a company drops in running text ("Nimbra Technologies" -> "Nimbra", "Acme Holdings Inc" -> "Acme").
const ORG_DESIGNATORS = new Set(['inc', 'corp', 'corporation', 'co', 'ltd', 'llc', 'plc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'asa', 'group', 'holdings', 'holding', 'company', 'companies', 'technologies', 'technology', 'industries', 'international', 'enterprises', 'systems', 'pharmaceuticals', 'motors', 'airlines', 'airways', 'communications', 'networks', 'labs', 'laboratories', '&']);

/**
 * Acronyms the article defines: "World Food Programme (WFP)", a name followed by an all-capitals mention in
 * brackets. Maps the acronym's key to the name's key; the first definition of an acronym wins.
 */
function definedAcronyms(sorted: readonly EntityMention[], text: string, normalize: (name: string) => string): Map<string, string> {
	const definitions = new Map<string, string>();
	for (let i = 0; i + 1 < sorted.length; i++) {
		const name = sorted[i];
		const acronym = sorted[i + 1];
		const surface = text.slice(acronym.start, acronym.end).replace(/\./g, '');
		if (surface.length < 2 || surface !== surface.toUpperCase() || !/^\s*\(\s*$/.test(text.slice(name.end, acronym.start))) continue;
		if (!/^\s*\)/.test(text.slice(acronym.end, acronym.end + 3))) continue;
		const key = normalize(surface);
		const long = normalize(text.slice(name.start, name.end));
		if (key !== long && !definitions.has(key)) definitions.set(key, long);
	}
	return definitions;
}

/** Moves the mentions of each defined acronym into the entity of the name that defines it, which gives the type. */
function mergeDefinedAcronyms(groups: ReadonlyMap<string, Group>, definitions: ReadonlyMap<string, string>, merged: Set<Group>): void {
	for (const [acronymKey, nameKey] of definitions) {
		const acronym = groups.get(acronymKey);
		const name = groups.get(nameKey);
		if (!acronym || !name || acronym.fixed || merged.has(name) || merged.has(acronym)) continue;
		merged.add(acronym);
		name.mentions.push(...acronym.mentions);
	}
}
