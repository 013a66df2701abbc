import type { Entity, EntityMention, EntityType, UserLexicon } from './types';

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

/** Lower-case key of a surface form: whitespace collapsed, periods of abbreviations dropped ("U.N." = "UN"). */
function normalize(name: string): string {
	return name.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\u2019/g, "'").replace(/\./g, '');
}

/**
 * The stable slug of an entity id: lower-case letters and digits of the canonical name, diacritics removed,
 * every other run of characters one hyphen ("Kim Jong-un" -> "kim-jong-un").
 */
export function entitySlug(canonical: string): string {
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
	const declared = new Map<string, { canonical: string; type: EntityType }>();
	for (const entity of lexicon?.entities ?? []) {
		for (const name of [entity.canonical, ...(entity.aliases ?? [])]) declared.set(normalize(name), { canonical: entity.canonical, type: entity.type });
	}
	const sorted = [...mentions].sort((x, y) => x.start - y.start || x.end - y.end);
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
		group.mentions.push({ ...mention, text: surface });
		if (!group.fixed && surface.length > group.canonical.length) group.canonical = surface;
	}
	// A form typed differently in different places (text recognized in slices) takes its most frequent type.
	for (const group of groups.values()) {
		if (group.fixed) continue;
		const votes = new Map<EntityType, number>();
		for (const m of group.mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
		let best = group.type;
		for (const [type, count] of votes) if (count > (votes.get(best) ?? 0)) best = type;
		group.type = best;
	}

	const merged = new Set<Group>();
	mergeDefinedAcronyms(groups, definedAcronyms(sorted, text, normalizeOnce), merged);
	// Short forms join longer ones: shortest first, so that chains end at the longest name.
	const ordered = [...groups.values()].sort((x, y) => x.words.length - y.words.length || x.key.length - y.key.length);
	for (const short of ordered) {
		if (short.fixed || merged.has(short)) continue;
		const hosts = ordered.filter((long) => long !== short && !merged.has(long) && long.type === short.type && contains(long, short));
		if (hosts.length === 0) continue;
		merged.add(short);
		for (const mention of short.mentions) {
			let host = hosts[0];
			let latest = -1;
			for (const candidate of hosts) {
				for (const m of candidate.mentions) if (m.start < mention.start && m.start > latest) {
					latest = m.start;
					host = candidate;
				}
			}
			host.mentions.push(mention);
		}
	}

	const entities: Entity[] = [];
	for (const group of groups.values()) {
		if (merged.has(group)) continue;
		const all = group.mentions.sort((x, y) => x.start - y.start).map((m) => ({ ...m, type: group.type }));
		const aliases = [...new Set(all.map((m) => m.text))].filter((t) => t !== group.canonical).sort();
		entities.push({ id: `${group.type}:${entitySlug(group.canonical)}`, canonical: group.canonical, type: group.type, aliases, mentions: all });
	}
	return entities.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
}

/**
 * Whether `short` is another way to write `long`: part of a person's name, an organization's name without its
 * corporate designators, or an acronym of its initials.
 */
function contains(long: Group, short: Group): boolean {
	if (long.words.length <= short.words.length) return false;
	if (short.type === 'person') return short.words.every((w) => long.words.includes(w));
	if (isOrganizationShortName(long, short)) return true;
	const surface = short.mentions[0].text.replace(/\./g, '');
	return short.words.length === 1 && surface.length >= 2 && surface === surface.toUpperCase() && initials(long.words) === short.key;
}

// Designators a company drops in running text ("Nimbra Technologies" -> "Nimbra", "Acme Holdings Inc" -> "Acme").
const ORG_DESIGNATORS = new Set(['inc', 'corp', 'corporation', 'co', 'ltd', 'llc', 'plc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'asa', 'group', 'holdings', 'holding', 'company', 'companies', 'technologies', 'technology', 'industries', 'international', 'enterprises', 'systems', 'pharmaceuticals', 'motors', 'airlines', 'airways', 'communications', 'networks', 'labs', 'laboratories', '&']);

/** "Nimbra" for "Nimbra Technologies": the organization's leading words, the rest only corporate designators. */
function isOrganizationShortName(long: Group, short: Group): boolean {
	if (long.type !== 'organization' || short.words.length >= long.words.length) return false;
	for (let i = 0; i < short.words.length; i++) if (long.words[i] !== short.words[i]) return false;
	for (let i = short.words.length; i < long.words.length; i++) if (!ORG_DESIGNATORS.has(long.words[i])) return false;
	return true;
}

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
