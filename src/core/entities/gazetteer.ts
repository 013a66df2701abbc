import { EXTRA_CITIES, EXTRA_DEMONYMS, EXTRA_MAJOR_CITIES, EXTRA_ORGS, EXTRA_PLACES, EXTRA_REGIONS } from './cues';
import { BRANDS } from './data/brands';
import { COMMON_WORDS } from './data/commonWords';
import { DEMONYMS } from './data/demonyms';
import { FIRST_NAMES, FULL_NAMES, SURNAMES } from './data/names';
import { ORGANIZATIONS } from './data/organizations';
import { eitherOf, LineSet, WordFacts, type WordSet } from '../text/lineSet';
import { CITIES, COUNTRIES, MAJOR_CITIES, REGIONS } from './data/places';
import { TOWNS } from './data/towns';

function lines(data: string): ReadonlySet<string> {
	return new Set(data.split('\n'));
}

// What the recognizer asks of most capitalised words, remembered per word in one entry (see WordFacts): whether it
// is a given name, a city and common English.
const wordFacts = new WordFacts();

const firstNameList = new LineSet(FIRST_NAMES, false);
/** Given names, lower-case. */
export const firstNames: WordSet = { has: wordFacts.fact((word) => firstNameList.has(word)) };
/** Family names, lower-case. */
export const surnames = lines(SURNAMES);
/** Well-known people by full name, lower-case, words separated by one space. */
export const fullNames = lines(FULL_NAMES);
/** Countries and well-known regions, lower-case: places even where the word is also common English ("Turkey"). */
export const countries: ReadonlySet<string> = new Set([...lines(COUNTRIES), ...EXTRA_PLACES]);
/** Cities, states, provinces and other named places, lower-case; weaker evidence than a country. */
const regions: ReadonlySet<string> = new Set([...lines(REGIONS), ...EXTRA_REGIONS, ...EXTRA_MAJOR_CITIES, ...EXTRA_CITIES]);
const firstLevelRegions: ReadonlySet<string> = new Set([...lines(REGIONS), ...EXTRA_REGIONS]);
/** Whether a lower-case name is a country or a first-level region (state, province, county): "Missouri", "Queensland". */
export function isCountryOrRegion(key: string): boolean {
	return countries.has(key) || firstLevelRegions.has(key);
}
const cityList = new LineSet(CITIES, false);
export const cities: WordSet = { has: wordFacts.fact((word) => cityList.has(word) || regions.has(word)) };
/** Small towns named like no person, word or other name, lower-case, one word: only a guess that a name is a place. */
export const towns: WordSet = new LineSet(TOWNS);
/** Cities large enough to be places even at the start of a sentence. */
export const majorCities: ReadonlySet<string> = new Set([...lines(MAJOR_CITIES), ...EXTRA_MAJOR_CITIES]);
/** Organizations of the word lists written for the recognizer, lower-case. */
const listedOrganizations: ReadonlySet<string> = new Set([...lines(ORGANIZATIONS), ...EXTRA_ORGS]);
/** Known organizations, lower-case: the lists above and the brands and operators of the name-suggestion-index. */
export const organizations: WordSet = eitherOf(listedOrganizations, new LineSet(BRANDS));
/** The most words a known organization has: a longer run is no organization, whatever its words. */
export const longestOrganizationWords = Math.max(5, ...[...listedOrganizations].map((name) => name.split(' ').length));
/** Nationality adjectives, lower-case: never entities of the three types. */
export const demonyms: ReadonlySet<string> = new Set([...lines(DEMONYMS), ...EXTRA_DEMONYMS]);
// The largest lists (sorted by their generator) are kept as one string each and looked up in place: no string
// and hash entry per word made at the extension host's start.
// Asked only on the misses of isCommonWord's own memory.
const commonWords = new LineSet(COMMON_WORDS, false);

const SUFFIXES: readonly (readonly [string, string])[] = [
	['s', ''], ['es', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['ly', ''], ['ies', 'y'], ['ied', 'y'],
	['ness', ''], ['er', ''], ['ers', ''],
];

/**
 * Whether a lower-case word is common English in lower-case usage. Inflections are folded to their stem with the
 * same suffix table the generator used to drop them from the list, two suffixes deep; hyphenated compounds are
 * common when every part is.
 */
export function isCommonWord(lower: string): boolean {
	return commonWordAnswers(lower);
}

// Every capitalised word asks several times, and each answer may take a dozen binary searches.
const commonWordAnswers = wordFacts.fact((lower) => {
	if (isListed(lower, 2)) return true;
	// "scrum-half", "year-on-year": a compound of common words is common.
	return lower.includes('-') && lower.split('-').every((part) => part.length > 0 && isListed(part, 2));
});

/** Looks `word` up, folding at most `depth` suffixes ("standings" -> "standing" -> "stand"). */
function isListed(word: string, depth: number): boolean {
	if (commonWords.has(word)) return true;
	if (depth === 0) return false;
	for (const [suffix, add] of SUFFIXES) {
		if (word.length > suffix.length + 2 && word.endsWith(suffix) && isListed(word.slice(0, -suffix.length) + add, depth - 1)) return true;
	}
	return false;
}

/**
 * For a thread that analyses many articles and has memory to spare (an index worker): the largest lists hashed
 * (LineSet.hashLines: built here, once, about 2 MB) instead of binary-searched, and the words' facts remembered for
 * `remembered` words per generation. Answers are the same; only their cost changes.
 */
export function hashWordLists(remembered: number): void {
	firstNameList.hashLines();
	cityList.hashLines();
	commonWords.hashLines();
	wordFacts.limit = remembered;
}

let phraseLeads: ReadonlySet<string> | undefined;

/**
 * Whether `word` is the first word of a name of several words in `countries`, `organizations`, `cities` or
 * `fullNames`: a word that is not starts none of their phrases, so that no key of several words need be made and
 * looked up after it. Made from those lists on the first call.
 */
export function leadsKnownPhrase(word: string): boolean {
	phraseLeads ??= firstWordsOfPhrases();
	return phraseLeads.has(word);
}

function firstWordsOfPhrases(): ReadonlySet<string> {
	const leads = new Set<string>();
	const add = (name: string): void => {
		const space = name.indexOf(' ');
		if (space >= 0) leads.add(name.slice(0, space));
	};
	for (const names of [countries, listedOrganizations, fullNames, regions]) for (const name of names) add(name);
	for (const data of [CITIES, BRANDS]) {
		for (let start = 0; start < data.length;) {
			const end = data.indexOf('\n', start);
			const stop = end < 0 ? data.length : end;
			const space = data.indexOf(' ', start);
			if (space >= 0 && space < stop) leads.add(data.slice(start, space));
			start = stop + 1;
		}
	}
	return leads;
}
