import { APPOSITION_ENDS, CONNECTORS, ORG_TITLES, PARTY_WORDS, POSSESSIVE_ORGS, ORG_POSSESSIONS, CORPORATE_DESIGNATORS, DISEASE_NOUNS, DISEASES, ORG_BODY_HEADS, EPONYMOUS_ORG_TAILS, LEGISLATURE_WORDS, MISC_KEYWORDS, NEVER, NEWSPAPER_NAMES, OF_WORDS, ORG_AFTER, ORG_NOUNS, PLACE_NOUNS, ORG_HEADS, ORG_KEYWORDS, PERSON_VERBS, PLACE_HEADS, PLACE_KEYWORDS, PLACE_PREPOSITIONS, RESULT_VERBS, SPORTS_WORDS, TITLE_MODIFIERS, TITLES } from './cues';
import { cities, countries, demonyms, isCountryOrRegion, firstNames, fullNames, isCommonWord, leadsKnownPhrase, longestOrganizationWords, majorCities, organizations, surnames, towns } from './gazetteer';
import { Token, TokenKind, tokenize } from './tokenize';
import type { EntityMention, EntityType, RecognizeOptions, UserLexicon } from './types';

/** How sure the typing of a span is; a document-level vote lets stronger evidence override weaker. */
const enum Confidence {
	/** Only ordinary words ("Human Rights"): dropped unless the document shows the form is a name. */
	Ordinary = 0,
	Guess = 1,
	Weak = 2,
	Cue = 3,
	Known = 4,
	User = 5,
}

interface Candidate {
	start: number;
	end: number;
	key: string;
	/** The lower-cased words of the name. */
	words: readonly string[];
	type: EntityType;
	confidence: Confidence;
	/** The end of a possessive "'s" right after a one-word name, which stays in the name of "Boatmen's" the bank. */
	possessiveEnd?: number;
	/** A disease ("the Zika virus"): no name, and the same word elsewhere in the document none either. */
	disease?: boolean;
}

const DOTTED_ACRONYM = /^(?:\p{L}\.)+$/u;

/** A candidate over tokens [a, b); the period of a final abbreviation ("Inc.") is trimmed, not that of "U.S.". */
function candidate(tokens: readonly Token[], a: number, b: number, key: string, type: EntityType, confidence: Confidence): Candidate {
	const words: string[] = [];
	for (let k = a; k < b; k++) words.push(tokens[k].lower);
	const last = tokens[b - 1];
	const end = last.text.length > 1 && last.text.endsWith('.') && !DOTTED_ACRONYM.test(last.text) ? last.end - 1 : last.end;
	const possessive = b - a === 1 && tokens[b]?.lower === "'s" ? tokens[b].end : undefined;
	return { start: tokens[a].start, end, key, words, type, confidence, possessiveEnd: possessive };
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'and', 'but', 'or', 'if', 'when', 'while', 'as', 'at', 'in', 'on', 'for', 'with', 'by', 'after', 'before', 'during', 'from', 'to', 'of', 'all', 'no', 'not']);
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'south-east', 'south-west', 'north-east', 'north-west']);
const PERSON_SUFFIXES = ['ov', 'ova', 'ev', 'eva', 'sky', 'ski', 'ska', 'enko', 'son', 'sen', 'ez', 'ic', 'vić', 'ić', 'shvili', 'yan', 'escu', 'opoulos', 'akis', 'wicz', 'stein', 'berg', 'ini', 'elli', 'etti', 'ucci', 'oglu'];
// Tails that turn a name into an adjective; a list, because "Kim Dae-jung" must keep its lower-case syllable.
const ADJECTIVE_TAILS = new Set(['based', 'born', 'bound', 'led', 'backed', 'owned', 'run', 'registered', 'sponsored', 'style', 'made', 'built', 'controlled', 'funded', 'listed', 'held', 'dominated', 'speaking', 'related', 'linked', 'friendly', 'era', 'type', 'like', 'wide', 'bred', 'educated', 'trained', 'brokered', 'sized', 'flagged', 'allied', 'inspired', 'oriented', 'centred', 'centered', 'headquartered', 'area', 'bashing', 'leaning']);
const FIXTURE_WORDS = new Set(['v', 'vs', 'v.', 'vs.']);
const MATCH_WORDS = new Set(['at', 'v', 'vs', 'vs.', 'beat', 'against']);
const ADJECTIVE_ENDINGS = /(?:ese|ean|eans|ish|ians)$/;
// Endings of coined company names ("Varntech", "Ostercorp", "Telbank").
const COMPANY_SUFFIXES = ['tech', 'corp', 'tronic', 'tronics', 'bank', 'net', 'media', 'pharm'];
const PLACE_SUFFIXES = ['stan', 'land', 'burg', 'bourg', 'ville', 'shire', 'grad', 'abad', 'pur', 'istan'];

function isWord(t: Token | undefined): t is Token {
	return t !== undefined && t.kind === TokenKind.Word;
}

function isDemonym(lower: string): boolean {
	// "Philippines" is the country, not the plural of "Philippine".
	if (countries.has(lower)) return false;
	if (demonyms.has(lower) || (lower.endsWith('s') && demonyms.has(lower.slice(0, -1)))) return true;
	// "Queenslander", "Londoners": a country, a large city or a region and "-er", one who lives there (not a short
	// town's name: "Reni" + "er" is a family name).
	const resident = lower.endsWith('ers') ? lower.slice(0, -3) : lower.endsWith('er') ? lower.slice(0, -2) : '';
	if ((countries.has(resident) || majorCities.has(resident) || (resident.length >= 6 && cities.has(resident))) && !isCommonWord(lower) && !surnames.has(lower)) return true;
	const dash = lower.lastIndexOf('-');
	return dash > 0 && demonyms.has(lower.slice(dash + 1)) && !countries.has(lower);
}

/** Whether a capitalised word at the start of a sentence is only an ordinary word there. */
function isOrdinaryWordAtStart(tokens: readonly Token[], i: number): boolean {
	const t = tokens[i];
	const lower = t.lower;
	if (FUNCTION_WORDS.has(lower) || NEVER.has(lower)) return true;
	// "St Louis", "St. Helens": the abbreviation of "Saint" starts a name.
	if (!isCommonWord(lower) || lower === 'st' || lower === 'st.') return false;
	if (countries.has(lower) || majorCities.has(lower) || organizations.has(lower)) return false;
	// "Texas ranchers", "Quebec voters": a state or province the word lists also hold as a word ("texas" hats).
	if (lower.length > 4 && isCountryOrRegion(lower) && !isDemonym(lower)) return false;
	const next = tokens[i + 1];
	// "Will Smith said": a given name followed by another capitalised word reads as a name.
	if (firstNames.has(lower) && isWord(next) && next.cap && !isCommonWord(next.lower)) return false;
	// "Bob Dole said", "Bill Gates said": so does one followed by a capitalised word that is also a word, when it ends
	// the run and is no title, place or organization word ("Will Congress act" stays a question).
	const after = tokens[i + 2];
	if (firstNames.has(lower) && isWord(next) && next.cap && !next.upper && !(isWord(after) && after.cap) && !TITLES.has(next.lower) && !ORG_KEYWORDS.has(next.lower) && !PLACE_KEYWORDS.has(next.lower) && !organizations.has(next.lower) && !countries.has(next.lower) && !cities.has(next.lower) && !NEVER.has(next.lower)) return false;
	return true;
}

/** The type a span gets from its own words and gazetteers, or undefined when nothing speaks for one. */
function typeFromWords(tokens: readonly Token[], first: number, last: number, key: string): [EntityType, Confidence] | undefined {
	if (countries.has(key)) return ['place', Confidence.Known];
	if (organizations.has(key)) return ['organization', Confidence.Known];
	if (fullNames.has(key)) return ['person', Confidence.Known];
	const length = last - first;
	const head = tokens[first].lower;
	const tail = tokens[last - 1].lower;
	if (length > 1) {
		if (cities.has(key)) return ['place', Confidence.Weak];
		// "Kolding Convention Center", "Varnby Shopping Centre": a centre one goes to is a place.
		if ((tail === 'centre' || tail === 'center') && VENUE_CENTRES.has(tokens[last - 2].lower)) return ['place', Confidence.Cue];
		if (ORG_KEYWORDS.has(tail)) return ['organization', Confidence.Cue];
		if (isNewspaperName(head, tail)) return ['organization', Confidence.Cue];
		// "Orlando Sentinel", "Charlotte Observer": a town and a newspaper's word, even where the town is a given name.
		if (NEWSPAPER_TAILS.has(tail) && cities.has(keyOf(tokens, first, last - 1))) return ['organization', Confidence.Cue];
		// "Statistics Canada", "Transport Canada": a government agency named by its field and its country.
		if (AGENCY_FIELDS.has(head) && isCountryOrRegion(keyOf(tokens, first + 1, last))) return ['organization', Confidence.Cue];
		// "Kolding Unified School District": a school district is the body that runs the schools.
		if (tail === 'district' && tokens[last - 2].lower === 'school') return ['organization', Confidence.Cue];
		if (PLACE_KEYWORDS.has(tail)) return ['place', Confidence.Cue];
		// "County Leitrim", "Co Clare", "Lake Tarvo", "Mount Polley": the kind of place before its name, even where
		// the name is a given name; weak as a town is, for a club named so in a sports report ("Port Vale 2").
		if (PLACE_LEADS.has(head) && !tokens[first + 1].upper) return ['place', Confidence.Weak];
		for (let i = first + 1; i < last - 1; i++) {
			if (ORG_BODY_LINKS.has(tokens[i].lower) && isOrgWord(tokens[i - 1].lower)) return ['organization', Confidence.Cue];
			if (OF_WORDS.has(tokens[i].lower)) {
				if (ORG_HEADS.has(tokens[i - 1].lower) || (tokens[i - 1].lower === 'hall' && tokens[i + 1].lower === 'fame')) return ['organization', Confidence.Cue];
				if (PLACE_HEADS.has(tokens[i - 1].lower)) return ['place', Confidence.Cue];
			}
			if (tokens[i].lower === '&') return ['organization', Confidence.Cue];
		}
		// "S. Jayasuriya", "George W. Bush": initials belong to people.
		if (tokens[first].text.length === 2 && tokens[first].text[1] === '.') return ['person', Confidence.Cue];
	}
	if (cities.has(key)) return ['place', Confidence.Weak];
	if (length > 1) {
		// "Boston Bruins", "Kolding Colts": a town and a plural nickname name a team, even where the town is a given name.
		if (length === 2 && (cities.has(head) || countries.has(head)) && isTeamNickname(tokens[last - 1])) return ['organization', Confidence.Cue];
		if (firstNames.has(head) && !majorCities.has(head) && !countries.has(head)) return ['person', Confidence.Cue];
		// A country or city inside a longer name makes a company or institution ("Air France", "Radio Moscow").
		for (let i = first; i < last; i++) {
			const word = tokens[i].lower;
			if (!CONNECTORS.has(word) && (countries.has(word) || cities.has(word))) return ['organization', Confidence.Guess];
		}
	}
	if (length > 1) {
		// "OFK Beograd", "NSW Treasury": an acronym leading a name; "Hindustan Copper", "Pirelli Cables": a name
		// ending in an ordinary noun. People's names do neither.
		const lead = tokens[first];
		if (lead.upper && lead.text.length >= 2 && lead.text.length <= 4 && !tokens[last - 1].upper) return ['organization', Confidence.Guess];
		if (isCommonWord(tail) && !surnames.has(tail) && !firstNames.has(tail) && !isCommonWord(head)) return ['organization', Confidence.Guess];
	}
	const single = tokens[first];
	// Not a handle ("@ SimoLove"): people write theirs in camel case too.
	if (length === 1 && isCamelCase(single.text) && !surnames.has(key) && tokens[first - 1]?.text !== '@') return ['organization', Confidence.Cue];
	if (length === 1 && single.upper && single.text.length >= 2 && single.text.length <= 6 && !isCommonWord(key)) return ['organization', Confidence.Guess];
	if (length === 1 && firstNames.has(key)) return ['person', Confidence.Weak];
	if (surnames.has(tail)) return ['person', Confidence.Weak];
	for (const suffix of COMPANY_SUFFIXES) if (tail.endsWith(suffix) && tail.length > suffix.length + 2) return ['organization', Confidence.Guess];
	for (const suffix of PERSON_SUFFIXES) if (tail.endsWith(suffix) && tail.length > suffix.length + 2) return ['person', Confidence.Guess];
	for (const suffix of PLACE_SUFFIXES) if (tail.endsWith(suffix) && tail.length > suffix.length + 2) return ['place', Confidence.Guess];
	return undefined;
}

/** Events named after a place with "of" ("Battle of Gettysburg", "Siege of Leningrad"). */
const EVENT_HEADS = new Set(['battle', 'siege', 'sack', 'massacre']);
/** Kinds of place written before the name ("County Leitrim", "Co Clare", "Lake Tarvo", "Mt. Polley", "Fort Tarvo"). */
const PLACE_LEADS = new Set(['county', 'co', 'co.', 'lake', 'mount', 'mt', 'mt.', 'cape', 'fort', 'port', 'lough', 'loch']);
/** Fields of government agencies named "<field> <country>" ("Statistics Canada", "Transport Canada", "Sport England"). */
const AGENCY_FIELDS = new Set(['statistics', 'transport', 'health', 'elections', 'parks', 'revenue', 'tourism', 'sport', 'heritage', 'environment', 'fisheries', 'infrastructure', 'immigration', 'veterans', 'agriculture']);
/** "WestJet", "FreshCo": a word with a capital after its first lower-case letters (not "McKee", "DeLuca", "MacLeod"). */
const CAMEL_CASE = /^(\p{Lu}\p{Ll}+)\p{Lu}\p{Ll}/u;
/** Beginnings of family and given names written with a capital inside ("McKee", "DeShawn", "LaGuardia", "VanDyke"). */
const NAME_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'la', 'le', 'lo', 'van', 'von', 'fitz', 'ja', 'ke', 'ka', 'de', 'del', 'della', 'dela', 'st', 'al', 'el', 'abu', 'bin', 'san', 'ten', 'ter', 'vander', 'vanden']);

function isCamelCase(text: string): boolean {
	const m = CAMEL_CASE.exec(text);
	return m !== null && !NAME_PREFIXES.has(m[1].toLowerCase());
}

/** Last words of newspapers' names ("Evening Standard", "Kolding Chronicle", "Star-Telegram"). */
const NEWSPAPER_TAILS = new Set(['telegraph', 'standard', 'mirror', 'mail', 'express', 'star', 'record', 'post', 'herald', 'times', 'sun', 'telegram', 'chronicle', 'observer', 'independent', 'guardian', 'examiner', 'courier', 'inquirer', 'enquirer', 'monitor', 'bulletin', 'dispatch', 'register', 'sentinel', 'globe', 'statesman', 'advertiser', 'argus', 'echo', 'mercury', 'journal', 'gazette', 'tribune', 'constitution']);
/** First words that say when a newspaper comes out ("Daily Mail", "Evening Standard"). */
const PUBLICATION_DAYS = new Set(['daily', 'evening', 'morning', 'weekly']);

/**
 * "Daily Telegraph", "Evening Standard", "Fort Worth Star-Telegram": a name ending in a newspaper's word after a day it
 * comes out, or in two such words joined by a hyphen. ("Lone Star" or "Gold Standard" is none.)
 */
function isNewspaperName(head: string, tail: string): boolean {
	const dash = tail.indexOf('-');
	if (dash > 0) return NEWSPAPER_TAILS.has(tail.slice(dash + 1)) && (NEWSPAPER_TAILS.has(tail.slice(0, dash)) || isDemonym(tail.slice(0, dash)));
	return NEWSPAPER_TAILS.has(tail) && PUBLICATION_DAYS.has(head);
}

/** A plural that may be a team's nickname: capitalised, ends in "s" (not "ss"), and is no family name ("Evans"). */
function isTeamNickname(t: Token): boolean {
	return t.cap && !t.upper && isNickname(t.lower);
}

/** A lower-cased plural that may be a team's nickname (see {@link isTeamNickname}). */
function isNickname(lower: string): boolean {
	return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith("'s") && !surnames.has(lower) && !firstNames.has(lower) && !ORG_KEYWORDS.has(lower) && !PLACE_KEYWORDS.has(lower);
}

/** Words before "Centre" that make it a place to go to, not an institution ("Convention Center", "Tennis Centre"). */
const VENUE_CENTRES = new Set(['convention', 'shopping', 'trade', 'exhibition', 'conference', 'tennis', 'sports', 'leisure', 'civic', 'city', 'town', 'aquatic', 'aquatics', 'arts', 'equestrian']);

/** "New York-based", "Amman-bound": a name turned adjective by a lower-case hyphenated tail; never a mention. */
function isHyphenAdjective(text: string): boolean {
	const dash = text.lastIndexOf('-');
	return dash > 0 && ADJECTIVE_TAILS.has(text.slice(dash + 1));
}

/** Words that continue an organization's name after one of its head words ("Commission on", "Centre for"). */
const ORG_BODY_LINKS = new Set(['for', 'on']);

/**
 * Whether the capitalised run from `k` is a country or city and a corporate designator ("of South Africa Ltd"): the
 * "of" before it then joins a company's name. Not "Moreau of Apple Inc", where the "of" says where a person works.
 */
function endsInDesignator(tokens: readonly Token[], k: number): boolean {
	let last = -1;
	for (let i = k; i < tokens.length && i < k + 5 && tokens[i].kind === TokenKind.Word && tokens[i].cap; i++) last = i;
	if (last <= k || !CORPORATE_DESIGNATORS.has(tokens[last].lower)) return false;
	const place = keyOf(tokens, k, last);
	return countries.has(place) || cities.has(place);
}

/** Whether the word is one after which an organization's name goes on ("Commission on", "Centre for"). */
function isOrgWord(lower: string): boolean {
	return ORG_BODY_HEADS.has(lower);
}

/** Whether "of" after this word continues a name ("Bank of England", "Gulf of Aden", "Secretary of State"). */
function joinsWithOf(lower: string, after?: Token): boolean {
	// "Kia Motors Corp of South Korea": the place after a company's designator says where it is, not who it is.
	if (CORPORATE_DESIGNATORS.has(lower)) return false;
	// "the Hockey Hall of Fame": a hall "of" anything else is a room or a building.
	if (lower === 'hall') return after?.lower === 'fame';
	return ORG_HEADS.has(lower) || PLACE_HEADS.has(lower) || ORG_KEYWORDS.has(lower) || PLACE_KEYWORDS.has(lower) || TITLES.has(lower);
}

/** "The WHO": a sentence-initial article before an acronym, which no gazetteer name ("The Who", the band) includes. */
function isTheAcronym(tokens: readonly Token[], a: number): boolean {
	const next = tokens[a + 1];
	return tokens[a].lower === 'the' && next !== undefined && next.upper && next.text.length >= 2;
}


/** A multi-word name a gazetteer knows that starts at token `k` and ends by `b`: its length, or 0. */
function knownPhraseAt(tokens: readonly Token[], k: number, b: number): number {
	if (!leadsKnownPhrase(tokens[k].lower)) return 0;
	for (let len = Math.min(4, b - k); len >= 2; len--) {
		const key = keyOf(tokens, k, k + len);
		if (countries.has(key) || organizations.has(key) || cities.has(key) || fullNames.has(key)) return len;
	}
	return 0;
}

/** Compass points and the like that lead the name of a part of a known place ("Northern Ireland", "Greater Kolding"). */
const COMPASS_POINTS = new Set([...DIRECTIONS, 'southeast', 'southwest', 'northeast', 'northwest', 'upper', 'lower', 'old', 'new', 'greater', 'great', 'inner', 'outer']);

/**
 * A compass point at `k` and a country, region or city after it that ends by `b` ("West Africa", "Northern Ireland"):
 * the length of the whole, or 0. Not when the place goes on into a longer name ("West Africa Bank"), nor before a
 * town in a sports report, where "East Kolding" is a club.
 */
function directedPlaceAt(tokens: readonly Token[], k: number, b: number, sports: boolean | undefined): number {
	if (!COMPASS_POINTS.has(tokens[k].lower)) return 0;
	for (let len = Math.min(3, b - k - 1); len >= 1; len--) {
		const key = keyOf(tokens, k + 1, k + 1 + len);
		if (!(countries.has(key) || (cities.has(key) && !sports))) continue;
		if (k + 1 + len === b || !ORG_KEYWORDS.has(tokens[b - 1].lower)) return len + 1;
	}
	return 0;
}

/**
 * "Reagan Administration", "Clinton Foundation": an organization named after a person, whose first word alone still
 * names the person, not the organization.
 */
function isEponymousOrganization(words: readonly string[]): boolean {
	return words.length === 2 && EPONYMOUS_ORG_TAILS.has(words[1]) && (surnames.has(words[0]) || firstNames.has(words[0]) || !isCommonWord(words[0]));
}

/** A country, not a city the word lists also hold among places known for certain ("New York"): a nation's team stays a place. */
function isNation(key: string): boolean {
	return countries.has(key) && (majorCities.has(key) || !cities.has(key));
}

/** Lower-case words after the name of a market measure ("the Vexdaq composite index", "Orbex futures"). */
const INDEX_WORDS = new Set(['index', 'indices', 'average', 'composite', 'futures']);

/** "the Vexdaq composite", "the Orbex 100 index": the name of an index or a contract, none of the three types. */
function isIndexName(tokens: readonly Token[], b: number): boolean {
	const next = tokens[b];
	const after = next?.kind === TokenKind.Number ? tokens[b + 1] : next;
	return isWord(after) && !after.cap && INDEX_WORDS.has(after.lower);
}

/**
 * The end of a country's name through the "and" at `and`, starting at most three words before it (not before
 * `from`) and ending at most four tokens after it ("Trinidad and Tobago"); `and` itself when no country is named so.
 */
function countryThroughAnd(tokens: readonly Token[], from: number, and: number): number {
	for (let start = Math.max(from, and - 3); start < and; start++) {
		for (let end = Math.min(tokens.length, and + 4); end > and + 1; end--) {
			if (isWord(tokens[end - 1]) && tokens[end - 1].cap && countries.has(keyOf(tokens, start, end))) return end;
		}
	}
	return and;
}

/**
 * The end of a body's name through the "and" at `and` ("Food and Drug Administration", "Securities and Exchange
 * Commission"): one or two ordinary words before it (two not ending in the kind of a body or a place), one to three
 * ordinary words after it, the last the kind of body; `and` itself otherwise (a name before "and" is one of a list: "Tarvex
 * and Holm Industries").
 */
function bodyThroughAnd(tokens: readonly Token[], from: number, and: number): number {
	if (tokens[from].lower === 'the') from++;
	if (from >= and || and - from > 2) return and;
	const end = capitalisedRunEnd(tokens, and + 1);
	if (end === and + 1 || end - and > 4) return and;
	const tail = tokens[end - 1].lower;
	if (!ORG_KEYWORDS.has(tail) || CORPORATE_DESIGNATORS.has(tail)) return and;
	for (let k = from; k < end; k++) {
		if (k === and) continue;
		const word = tokens[k].lower;
		if (!isCommonWord(word) || countries.has(word) || cities.has(word) || organizations.has(word) || firstNames.has(word)) return and;
		// "Marrow Labs and Kettle Stores": a body named in full before "and" is one of a list.
		if (k === and - 1 && k > from && (ORG_KEYWORDS.has(word) || PLACE_KEYWORDS.has(word))) return and;
	}
	return end;
}

/** The end of the run of capitalised words from `k` (`k` itself when there is none). */
function capitalisedRunEnd(tokens: readonly Token[], k: number): number {
	while (k < tokens.length && tokens[k].kind === TokenKind.Word && tokens[k].cap) k++;
	return k;
}

/** Whether a word inside an organization's name names it alone ("Ericsson" of "LM Ericsson AB"). */
function isOrgNamePart(word: string): boolean {
	return !CORPORATE_DESIGNATORS.has(word) && !ORG_KEYWORDS.has(word) && !CONNECTORS.has(word) && !isCommonWord(word) && !countries.has(word) && !cities.has(word) && !firstNames.has(word);
}

const PLAYED = new Set(['played', 'plays', 'playing', 'play', 'signed', 'signs', 'signing']);
const JOINED = new Set(['joined', 'join', 'joins', 'joining', 'rejoined']);
const MOVED = new Set(['transferred', 'moved', 'loaned', 'sold', 'returned']);

/**
 * Where a name stands for a club: after "played for" or "signed for" anywhere, and "played with" unless it reads as a
 * person; in a sports report also after
 * "joined", "moved to", "transferred to", or before "of" and a country ("Torvik of Italy beat ...").
 */
function isClubContext(tokens: readonly Token[], a: number, b: number, sports: boolean, person: boolean): boolean {
	const prev = tokens[a - 1];
	const before = tokens[a - 2];
	if (!isWord(prev)) return false;
	if ((prev.lower === 'for' || (prev.lower === 'with' && !person)) && isWord(before) && PLAYED.has(before.lower)) return true;
	if (!sports) return false;
	if (JOINED.has(prev.lower) || (prev.lower === 'to' && isWord(before) && MOVED.has(before.lower))) return true;
	const after = tokens[b + 1];
	return b - a === 1 && tokens[b]?.lower === 'of' && isWord(after) && countries.has(after.lower) && !tokens[b + 2]?.cap;
}

/**
 * Where a town is where a match is played: "At Headingley ( Leeds ) :", "( at Edgbaston , Birmingham )", or a line of
 * results that starts "Leicester : Leicestershire beat ...".
 */
function isVenue(tokens: readonly Token[], a: number, b: number): boolean {
	const prev = tokens[a - 1];
	if (prev?.text === '(' && tokens[b]?.text === ')') return true;
	if (prev?.text === ',' && tokens[a - 3]?.lower === 'at' && tokens[b]?.text === ')') return true;
	return tokens[a].lineStart && tokens[b]?.text === ':';
}

/** "Yonhap news agency", "Al-Ahram newspapers": a news organization's kind after its name. */
function isNewsOrganizationAfter(tokens: readonly Token[], b: number): boolean {
	const next = tokens[b];
	const after = tokens[b + 1];
	return (next.lower === 'news' && isWord(after) && !after.cap && ORG_AFTER.has(after.lower)) || next.lower === 'newspapers';
}

/** Whether a country in brackets follows at `b`, as after a competitor or a club in results ("( Italy )"). */
function isCountryInBrackets(tokens: readonly Token[], b: number): boolean {
	return tokens[b]?.text === '(' && tokens[b + 2]?.text === ')' && countries.has(tokens[b + 1].lower);
}

/** Whether a score follows at `b`: a number, then a team's name ("2 Stoke 2") or more numbers (a table row). */
function isScoreAt(tokens: readonly Token[], b: number): boolean {
	const after = tokens[b + 1];
	if (tokens[b]?.kind !== TokenKind.Number || after === undefined) return false;
	return (after.kind === TokenKind.Word && after.cap) || (after.kind === TokenKind.Number && tokens[b + 2]?.kind === TokenKind.Number);
}

/** A match's score written as one token ("2-0", "24-10"). */
const SCORE = /^\d{1,3}-\d{1,3}$/;

/** "Ashford beat Kettering 2-0": a line with a score and a verb of a result reports a match, whatever the document. */
function isResultLine(tokens: readonly Token[]): boolean {
	let score = false;
	let verb = false;
	for (const t of tokens) {
		if (t.kind === TokenKind.Number) score ||= SCORE.test(t.text);
		else if (t.kind === TokenKind.Word && !t.cap) verb ||= RESULT_VERBS.has(t.lower);
	}
	return score && verb;
}

/** Words before "to", "with" or "over" that name a match's result ("lost to", "drew with", "victory over"). */
const RESULT_LINKS = new Set(['to', 'with', 'over']);
const RESULT_NOUNS = new Set(['victory', 'loss', 'defeat', 'win', 'draw']);

/**
 * Whether the name [a, b) is a side of a match's result: right before a verb of a result ("Barcelona beat"), right
 * after one or "against" ("beat Barcelona"), or after "to", "with" or "over" that one leads, a score between them
 * or not ("lost 2-1 to Barcelona", "drew 0-0 with Munich", "a victory over Munich").
 */
function isMatchSide(tokens: readonly Token[], a: number, b: number): boolean {
	const next = tokens[b];
	if (isWord(next) && !next.cap && RESULT_VERBS.has(next.lower)) return true;
	// "against Puerto Rico's Hector Camacho": the home of a competitor, not a side.
	if (next?.text === "'s" || next?.text === '\u2019s') return false;
	const prev = tokens[a - 1];
	if (!isWord(prev) || prev.cap) return false;
	if (prev.lower === 'against' || RESULT_VERBS.has(prev.lower)) return true;
	if (!RESULT_LINKS.has(prev.lower)) return false;
	let k = a - 2;
	if (tokens[k]?.kind === TokenKind.Number && SCORE.test(tokens[k].text)) k--;
	const lead = tokens[k];
	return isWord(lead) && (RESULT_VERBS.has(lead.lower) || RESULT_NOUNS.has(lead.lower));
}

/** Whether the first line of a document says it reports sport ("SOCCER - ..."). */
function isSportsLine(tokens: readonly Token[]): boolean {
	for (let i = 0; i < tokens.length && i < 12; i++) if (SPORTS_WORDS.has(tokens[i].lower)) return true;
	return false;
}

/** A key without its periods ("u.n." -> "un"); the key itself when it has none (most: no regex run). */
function withoutPeriods(key: string): string {
	return key.includes('.') ? key.replace(/\./g, '') : key;
}

function keyOf(tokens: readonly Token[], first: number, last: number): string {
	let key = tokens[first].lower;
	for (let i = first + 1; i < last; i++) key += ' ' + tokens[i].lower;
	return key;
}

const DATE = /^\d{4}-\d\d-\d\d$/;

/** "MILWAUKEE , Wisconsin 1996-08-29": a line of capitalised names and a date says where a story was filed. */
function isDateline(tokens: readonly Token[]): boolean {
	const last = tokens[tokens.length - 1];
	if (tokens.length > 12 || last.kind !== TokenKind.Number || !DATE.test(last.text)) return false;
	let words = 0;
	for (const t of tokens) {
		if (t.kind === TokenKind.Word) {
			if (!t.cap) return false;
			words++;
		} else if (t !== last && t.text !== ',' && t.text !== '.') return false;
	}
	return words > 0;
}

/** Whether the line's first word has more than one letter (a lone "A" or "I" line is no headline). */
function firstWordIsLong(tokens: readonly Token[]): boolean {
	for (const t of tokens) if (t.kind === TokenKind.Word) return t.text.length > 1;
	return false;
}

/** Whether a line's capitals carry no information: an all-caps headline or a title-case heading. */
export function isHeadline(tokens: readonly Token[]): boolean {
	let words = 0;
	let upper = 0;
	let cap = 0;
	let digits = 0;
	let common = 0;
	let commas = 0;
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (t.kind === TokenKind.Number) digits++;
		if (t.text === ',') commas++;
		if (t.kind !== TokenKind.Word || FUNCTION_WORDS.has(t.lower) || CONNECTORS.has(t.lower)) continue;
		words++;
		if (t.upper) upper++;
		if (t.cap) cap++;
		if (t.cap && !t.upper && isCommonWord(t.lower) && !firstNames.has(t.lower) && !cities.has(t.lower) && !countries.has(t.lower)) common++;
		// A line of prose is decided after a few words: not all capitals, not a title, and too few capitals left to come
		// for 60% even if every token left were one (5 * upper + 2 * left < 3 * words, in integers).
		if (upper < words && (cap < words || digits > 0 || commas > 0) && 5 * upper + 2 * (tokens.length - 1 - k) < 3 * words) return false;
	}
	// A title-case heading is made of ordinary words ("Monitoring and Responses"); a list of names is not.
	return (words >= 1 && upper === words && (words > 1 || firstWordIsLong(tokens))) || (words >= 3 && upper >= words * 0.6) || (words >= 2 && digits === 0 && commas === 0 && cap === words && common * 2 >= words);
}

/**
 * Finds the names of people, organizations and places in `text` (or in `[options.start, options.end)`), with
 * offsets into the whole text. Mentions are sorted, do not overlap, and are trimmed of titles, punctuation and a
 * possessive "'s". A name typed once keeps that type throughout the scanned range; the user lexicon wins over
 * everything the recognizer infers. Pure and deterministic: the same input gives the same output.
 */
export function recognizeEntities(text: string, options: RecognizeOptions = {}): EntityMention[] {
	const from = Math.max(0, Math.min(options.start ?? 0, text.length));
	const to = Math.max(from, Math.min(options.end ?? text.length, text.length));
	const lexicon = options.lexicon;
	const forcedTypes = new Map<string, EntityType>();
	if (lexicon?.types) for (const [name, type] of Object.entries(lexicon.types)) forcedTypes.set(name.toLowerCase(), type);
	if (lexicon?.entities) {
		for (const entity of lexicon.entities) {
			for (const name of [entity.canonical, ...(entity.aliases ?? [])]) forcedTypes.set(name.toLowerCase(), entity.type);
		}
	}

	const candidates: Candidate[] = [];
	// Acronyms defined in brackets after a name ("Central Statistics Bureau (CSB)"), lower-case, without periods.
	const definedAcronyms = new Map<string, EntityType>();
	// Places named in datelines: kept out of the document's vote, where the city may be the home of a club ("NICE").
	const datelines: Candidate[] = [];
	const headlines: [Token[], number, number][] = [];
	let sports: boolean | undefined;
	// Line by line: tokens die young, so a long article costs no more per character than a short one.
	for (let lineFrom = from; lineFrom < to;) {
		const newline = text.indexOf('\n', lineFrom);
		const lineTo = newline < 0 || newline >= to ? to : newline + 1;
		const tokens = tokenize(text, lineFrom, lineTo);
		lineFrom = lineTo;
		if (tokens.length === 0) continue;
		sports ??= isSportsLine(tokens);
		const headline = isHeadline(tokens);
		const n = tokens.length;
		const definitions = headline ? undefined : acronymDefinitions(tokens);
		const dateline = isDateline(tokens);
		// Found at the line's first name, once: a sports report, or a line that reports a match ("Ashford beat Kettering 2-0").
		let lineSports: boolean | undefined;
		let i = 0;
		while (i < n) {
			const t = tokens[i];
			if (t.kind !== TokenKind.Word || !t.cap) {
				i++;
				continue;
			}
			const defined = definitions?.get(i);
			if (defined) {
				const type = emitDefinedName(tokens, i, defined.end, candidates, forcedTypes);
				if (type) definedAcronyms.set(defined.acronym, type);
				i = defined.end;
				continue;
			}
			let j = i + 1;
			let orgBody = false;
			// "Department of Physics and Astronomy": after a body's "of" and a subject (no place), the name goes on after "and".
			let ofSubject = false;
			while (j < n) {
				const u = tokens[j];
				if (u.kind === TokenKind.Word && u.cap && !u.sentenceStart) {
					j++;
					continue;
				}
				// "Bosnia and Herzegovina", "Saint Vincent and the Grenadines": a country whose name holds "and".
				if (u.lower === 'and') {
					const end = countryThroughAnd(tokens, i, j);
					if (end > j) {
						j = end;
						continue;
					}
					const bodyEnd = bodyThroughAnd(tokens, i, j);
					if (bodyEnd > j) {
						j = bodyEnd;
						continue;
					}
				}
				// "Boatmen's Bancshares Inc": a company named with a possessive.
				if (u.lower === "'s" && tokens[j - 1].kind === TokenKind.Word) {
					const end = capitalisedRunEnd(tokens, j + 1);
					if (end > j + 1 && CORPORATE_DESIGNATORS.has(tokens[end - 1].lower)) {
						j = end;
						continue;
					}
				}
				// "Christian Democratic People's Party", "People's Bank of China": "People's" inside a body's name.
				if (u.lower === "'s" && tokens[j - 1].lower === 'people') {
					const end = capitalisedRunEnd(tokens, j + 1);
					if (end > j + 1) {
						j = end;
						continue;
					}
				}
				// "Bond Traders' Association", "Farmers' Union": a plural possessive inside an organization's name.
				if ((u.text === "'" || u.text === '\u2019') && tokens[j - 1].lower.endsWith('s')) {
					const end = capitalisedRunEnd(tokens, j + 1);
					if (end > j + 1 && ORG_KEYWORDS.has(tokens[end - 1].lower)) {
						j = end;
						continue;
					}
				}
				// Particles may come in chains: "Joost van der Westhuizen".
				let k = j;
				while (k < n && k - j < 3 && CONNECTORS.has(tokens[k].lower) && (tokens[k].lower !== 'of' || orgBody || joinsWithOf(tokens[k - 1].lower, tokens[k + 1]) || endsInDesignator(tokens, k + 1))) k++;
				// "Army of the Potomac", "Bank of the West": a body's "of" may take the article.
				if (k === j + 1 && tokens[j].lower === 'of' && tokens[k]?.text === 'the' && (ORG_HEADS.has(tokens[j - 1].lower) || PLACE_HEADS.has(tokens[j - 1].lower))) k++;
				// "... Cooperation in Europe", "Human Rights in China": once it has one, the body ends in a country.
				if (k === j && orgBody && tokens[k].lower === 'in' && isWord(tokens[k + 1]) && countries.has(tokens[k + 1].lower) && !tokens[k + 2]?.cap) {
					j = k + 2;
					continue;
				}
				// "Commission on Human Rights", "Organisation for Security and Cooperation": an organization's body
				// goes on after "for" or "on", and then after "and".
				if (k === j && k < n && (ORG_BODY_LINKS.has(tokens[k].lower) || (tokens[k].lower === 'and' && orgBody))) {
					if (tokens[k].lower !== 'and' && isOrgWord(tokens[k - 1].lower)) orgBody = true;
					if (orgBody) {
						k++;
						if (tokens[k]?.lower === 'the') k++;
					}
				}
				const and = tokens[j + 1];
				// Not before a second body ("Ministry of Defence and Foreign Ministry").
				if (k === j && ofSubject && tokens[j].lower === 'and' && isWord(and) && and.cap && !and.sentenceStart && !ORG_HEADS.has(and.lower) && !NEVER.has(and.lower) && !organizations.has(and.lower) && !ORG_KEYWORDS.has(tokens[capitalisedRunEnd(tokens, j + 1) - 1].lower)) {
					ofSubject = false;
					j += 2;
					continue;
				}
				const next = tokens[k];
				if (k > j && isWord(next) && next.cap && !NEVER.has(next.lower)) {
					ofSubject = k === j + 1 && tokens[j].lower === 'of' && ORG_HEADS.has(tokens[j - 1].lower) && !countries.has(next.lower) && !cities.has(next.lower);
					j = k + 1;
					continue;
				}
				break;
			}
			// A name defined by an acronym in brackets may start inside this run ("... of the Ruritanian Press Agency (RPA)").
			if (definitions) for (let k = i + 1; k < j; k++) if (definitions.has(k)) j = k;
			if (dateline) {
				const key = keyOf(tokens, i, j);
				datelines.push(candidate(tokens, i, j, key, forcedTypes.get(key) ?? 'place', forcedTypes.has(key) ? Confidence.User : Confidence.Known));
			} else if (headline) headlines.push([tokens, i, j]);
			else {
				lineSports ??= sports || isResultLine(tokens);
				splitRun(tokens, isNumberedUnit(tokens, i, j) ? i - 1 : i, j, candidates, forcedTypes, lineSports);
			}
			i = j;
		}
	}

	typeListsAlike(text, candidates);

	// Document-level evidence: the strongest type each surface form received, and the parts of full person names.
	const known = new Map<string, Candidate>();
	const personParts = new Set<string>();
	for (const c of candidates) {
		const prior = known.get(c.key);
		if (c.confidence > Confidence.Ordinary && (!prior || prior.confidence < c.confidence)) known.set(c.key, c);
		if (c.type === 'person' && c.confidence >= Confidence.Cue && c.words.length > 1) {
			for (const word of c.words) if (!CONNECTORS.has(word)) personParts.add(word);
		}
	}
	const acronyms = new Map<string, EntityType>();
	const orgHeads = new Set<string>();
	// First words of company names with a designator ("Magna International Inc"): the company even where a town is
	// named alike.
	const companyHeads = new Set<string>();
	const orgKinds = new Set<string>();
	for (const c of candidates) {
		if (c.type === 'person' || c.words.length < 2 || c.confidence < Confidence.Cue) continue;
		if (c.type === 'organization' && !isEponymousOrganization(c.words)) {
			orgHeads.add(c.words[0]);
			if (CORPORATE_DESIGNATORS.has(c.words[c.words.length - 1]) && !countries.has(c.words[0]) && !majorCities.has(c.words[0])) companyHeads.add(c.words[0]);
			// "LM Ericsson AB": the one word of a company's name that is neither a designator nor an ordinary word.
			for (let w = 1; w < c.words.length; w++) if (isOrgNamePart(c.words[w])) orgHeads.add(c.words[w]);
			// "National Hockey League" ... "the League": the kind of body alone, after "the", stands for it (see emit).
			if (ORG_KEYWORDS.has(c.words[c.words.length - 1]) && !CORPORATE_DESIGNATORS.has(c.words[c.words.length - 1])) orgKinds.add(c.words[c.words.length - 1]);
			// "Boston Bruins" ... "the Bruins": a team's nickname alone names the team.
			if (c.words.length === 2 && (cities.has(c.words[0]) || countries.has(c.words[0])) && isNickname(c.words[1])) orgHeads.add(c.words[1]);
		}
		let initials = '';
		for (const word of c.words) if (!CONNECTORS.has(word)) initials += word[0];
		if (initials.length >= 2) acronyms.set(initials, c.type);
	}
	for (const c of candidates) {
		if (c.confidence >= Confidence.Known) continue;
		// An acronym the article defined has its name's type everywhere ("the CSB said").
		const defined = c.words.length === 1 ? definedAcronyms.get(withoutPeriods(c.key)) : undefined;
		if (defined) {
			c.type = defined;
			c.confidence = Math.max(c.confidence, Confidence.Cue);
			continue;
		}
		const best = known.get(c.key);
		if (best && best.confidence > c.confidence) {
			c.type = best.type;
			c.confidence = Math.max(c.confidence, Confidence.Guess);
			continue;
		}
		if (c.words.length === 1) {
			const acronym = acronyms.get(withoutPeriods(c.key));
			if (personParts.has(c.key)) c.type = 'person';
			else if (acronym) c.type = acronym;
			else if (c.confidence <= Confidence.Weak && ((c.type !== 'place' && orgHeads.has(c.key)) || companyHeads.has(c.key))) c.type = 'organization';
			else if (c.confidence === Confidence.Ordinary && c.type === 'organization' && orgKinds.has(c.key)) c.type = 'organization';
			else continue;
			c.confidence = Math.max(c.confidence, Confidence.Guess);
		}
	}

	// "Boatmen's Bancshares Inc" ... "Boatmen's was the prize": the possessive belongs to the company's short name.
	const possessiveNames = new Set<string>(POSSESSIVE_ORGS);
	for (const c of candidates) if (c.type === 'organization' && c.words.length > 2 && c.words[1] === "'s") possessiveNames.add(c.words[0]);
	for (const c of candidates) {
		if (c.possessiveEnd === undefined || c.confidence >= Confidence.User || !possessiveNames.has(c.key) || personParts.has(c.key)) continue;
		c.end = c.possessiveEnd;
		c.type = 'organization';
		c.confidence = Math.max(c.confidence, Confidence.Cue);
	}

	for (const [tokens, a, b] of headlines) typeHeadline(tokens, a, b, known, candidates, sports ?? false);
	for (const c of datelines) candidates.push(c);

	const mentions: EntityMention[] = [];
	const notEntities = new Set(lexicon?.notEntities ?? []);
	let diseases: Set<string> | undefined;
	for (const c of candidates) if (c.disease) (diseases ??= new Set()).add(c.key);
	candidates.sort((x, y) => x.start - y.start);
	for (const c of candidates) {
		if (c.confidence === Confidence.Ordinary || (diseases?.has(c.key) && c.confidence <= Confidence.Guess)) continue;
		const mentionText = text.slice(c.start, c.end);
		if (notEntities.has(mentionText)) continue;
		mentions.push({ start: c.start, end: c.end, text: mentionText, type: c.type });
	}
	return lexicon?.entities?.length ? applyUserEntities(text, from, to, mentions, lexicon) : mentions;
}

/** What stands between two names of one list: a comma, "and", "or", "&", or a comma and one of them. */
const LIST_LINK = /^(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)$/;

/**
 * "Verizon , Torvanex and Helmcorp": names listed together are of one kind. In a list joined by "and", "or" or "&"
 * whose names the text or the word lists type surely, all alike, a name typed only by a guess takes their type.
 * Each name is looked at once, with the text between it and the next.
 */
function typeListsAlike(text: string, candidates: Candidate[]): void {
	let first = 0;
	while (first < candidates.length) {
		let last = first;
		let coordinated = false;
		while (last + 1 < candidates.length && candidates[last + 1].start >= candidates[last].end && candidates[last + 1].start - candidates[last].end <= 6) {
			const link = text.slice(candidates[last].end, candidates[last + 1].start);
			if (!LIST_LINK.test(link)) break;
			if (!link.includes(',')) coordinated = true;
			else if (/\S\s*$/.test(link.slice(link.indexOf(',') + 1))) coordinated = true;
			last++;
		}
		if (coordinated && last > first) {
			let sure: EntityType | undefined;
			let agree = true;
			for (let k = first; k <= last; k++) {
				const c = candidates[k];
				if (c.confidence < Confidence.Cue) continue;
				if (sure && sure !== c.type) agree = false;
				sure = c.type;
			}
			if (sure && agree) {
				for (let k = first; k <= last; k++) {
					const c = candidates[k];
					if (c.confidence > Confidence.Ordinary && c.confidence <= Confidence.Guess && c.type !== sure) {
						c.type = sure;
						c.confidence = Confidence.Cue;
					}
				}
			}
		}
		first = last + 1;
	}
}

/** Lower-case words an acronym's name may hold, which the acronym may or may not spell ("World Series of Poker (WSOP)"). */
const ACRONYM_LINKS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', '&', 'de', 'des', 'du', 'la', 'le', 'del', 'di', 'da', 'y', 'et', 'für']);
/** The most tokens a name defined by an acronym may span. */
const LONGEST_DEFINED_NAME = 16;

/**
 * Names defined by an acronym in brackets right after them ("State Grain Reserve Board (SGRB)", "Air Defense Centers
 * (ADCs)"): from the index of each name's first token to its end and the acronym (lower-case, no periods). The name
 * is the longest run of capitalised words and lower-case links before the bracket whose initials spell the acronym;
 * each bracket looks back at most LONGEST_DEFINED_NAME tokens, so a line costs time in proportion to its length.
 */
function acronymDefinitions(tokens: readonly Token[]): Map<number, { end: number; acronym: string }> | undefined {
	let found: Map<number, { end: number; acronym: string }> | undefined;
	for (let p = 1; p + 2 < tokens.length; p++) {
		if (tokens[p].text !== '(' || tokens[p + 2].text !== ')') continue;
		const inner = tokens[p + 1];
		if (inner.kind !== TokenKind.Word) continue;
		const letters = inner.text.replace(/\./g, '').replace(/s$/, '');
		if (letters.length < 2 || letters.length > 8 || letters.toUpperCase() !== letters || !/^\p{Lu}+$/u.test(letters)) continue;
		const start = definedNameStart(tokens, p, letters);
		if (start < 0) continue;
		found ??= new Map();
		found.set(start, { end: p, acronym: letters.toLowerCase() });
	}
	return found;
}

/** The first token of the name before `end` that `letters` spells, or -1 (see {@link acronymDefinitions}). */
function definedNameStart(tokens: readonly Token[], end: number, letters: string): number {
	let best = -1;
	for (let k = end - 1; k >= 0 && k >= end - LONGEST_DEFINED_NAME; k--) {
		const t = tokens[k];
		if (t.kind !== TokenKind.Word || !(t.cap || ACRONYM_LINKS.has(t.lower))) break;
		if (t.cap && spells(tokens, k, end, letters)) best = k;
	}
	if (best >= 0) return best;
	// Looser, as in "London Futures and Options Exchange (LFE)": the acronym skips some words, but starts with the
	// name's first initial and ends with its last, and the name has at most two capitalised words more than it letters.
	let capitals = 0;
	for (let k = end - 1; k >= 0 && k >= end - LONGEST_DEFINED_NAME; k--) {
		const t = tokens[k];
		if (t.kind !== TokenKind.Word || !(t.cap || ACRONYM_LINKS.has(t.lower))) break;
		if (!t.cap) continue;
		if (++capitals > letters.length + 2) break;
		if (capitals > 1 && t.text[0].toUpperCase() === letters[0] && initialsContain(tokens, k, end, letters)) best = k;
	}
	return best;
}

/** Whether `letters` is a subsequence of the initials of the capitalised words in [a, b), ending with the last one's. */
function initialsContain(tokens: readonly Token[], a: number, b: number, letters: string): boolean {
	let at = 0;
	let last = '';
	for (let k = a; k < b; k++) {
		if (!tokens[k].cap) continue;
		last = tokens[k].text[0].toUpperCase();
		if (at < letters.length && letters[at] === last) at++;
	}
	return at === letters.length && last === letters[letters.length - 1];
}

/** Whether the initials of tokens [a, b) spell `letters`: each capitalised word gives its initial, each link may. */
function spells(tokens: readonly Token[], a: number, b: number, letters: string): boolean {
	// Positions in `letters` reachable after each token; a small set, as links may or may not count.
	let reach = new Set([0]);
	for (let k = a; k < b && reach.size > 0; k++) {
		const t = tokens[k];
		const initial = t.text[0].toUpperCase();
		const next = new Set<number>();
		for (const at of reach) {
			if (!t.cap) next.add(at);
			if (letters[at] === initial) next.add(at + 1);
		}
		reach = next;
	}
	return reach.has(letters.length);
}

/** Pushes a name an acronym defines as one candidate, typed by its words or else an organization; returns its type. */
function emitDefinedName(tokens: readonly Token[], a: number, b: number, out: Candidate[], forced: ReadonlyMap<string, EntityType>): EntityType | undefined {
	const key = keyOf(tokens, a, b);
	const forcedType = forced.get(key);
	if (forcedType) {
		out.push(candidate(tokens, a, b, key, forcedType, Confidence.User));
		return forcedType;
	}
	if (MISC_KEYWORDS.has(tokens[b - 1].lower)) return undefined;
	const typed = typeFromWords(tokens, a, b, key);
	const type = typed && typed[1] >= Confidence.Cue ? typed[0] : 'organization';
	out.push(candidate(tokens, a, b, key, type, Math.max(Confidence.Cue, typed?.[1] ?? 0)));
	return type;
}

/**
 * "supporting The Cold Lanterns", "wrote in The Daily Record", "beat the All Blacks": a capitalised "The" or "All"
 * inside a sentence belongs to the name after it, which is then no person.
 */
function isTitleThe(tokens: readonly Token[], a: number, b: number): boolean {
	const t = tokens[a];
	const prev = tokens[a - 1];
	// Only after a word or a comma: after a quote it starts a title ("The Knot"), after a dash a sentence.
	return b - a > 1 && (t.text === 'The' || t.text === 'All') && !t.sentenceStart && !tokens[a + 1].upper && prev !== undefined && (prev.kind === TokenKind.Word || prev.text === ',');
}

/** Pushes a name led by a capitalised "The": a place when its words say so ("The Hague"), else an organization. */
function emitTheName(tokens: readonly Token[], a: number, b: number, out: Candidate[], forced: ReadonlyMap<string, EntityType>): void {
	const key = keyOf(tokens, a, b);
	const forcedType = forced.get(key);
	if (forcedType) return void out.push(candidate(tokens, a, b, key, forcedType, Confidence.User));
	if (MISC_KEYWORDS.has(tokens[b - 1].lower)) return;
	const whole = typeFromWords(tokens, a, b, key);
	if (whole && whole[1] >= Confidence.Known) return void out.push(candidate(tokens, a, b, key, whole[0], whole[1]));
	const rest = typeFromWords(tokens, a + 1, b, keyOf(tokens, a + 1, b));
	// "at The Oval": a ground, a course, a hall.
	const place = (rest !== undefined && rest[0] === 'place' && rest[1] >= Confidence.Cue) || tokens[a - 1].lower === 'at';
	out.push(candidate(tokens, a, b, key, place ? 'place' : 'organization', Confidence.Weak));
}

/** Particles that lead a name when capitalised ("Le Monde", "Los Angeles", "Van Gaal", "El Al"); not "Of" or "Y". */
const LEADING_PARTICLES = new Set(['de', 'des', 'da', 'dos', 'das', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'le', 'la', 'les', 'los', 'las', 'al', 'el', 'il', 'bin', 'ibn', 'ter']);

function isLeadingParticle(t: Token): boolean {
	return t.cap && !t.upper && LEADING_PARTICLES.has(t.lower);
}

/** Splits a run of capitalised tokens at titles, nationality adjectives and sentence-initial words; types the parts. */
function splitRun(tokens: readonly Token[], a: number, b: number, out: Candidate[], forced: ReadonlyMap<string, EntityType>, sports: boolean): void {
	// The whole run may be a name the user or a gazetteer knows ("General Motors", "Prime Minister" is not).
	const wholeKey = keyOf(tokens, a, b);
	const forcedWhole = forced.get(wholeKey);
	if (forcedWhole) {
		out.push(candidate(tokens, a, b, wholeKey, forcedWhole, Confidence.User));
		return;
	}
	const scoreLine = sports && isScoreAt(tokens, b);
	if (tokens[a].sentenceStart && b - a > 1 && (countries.has(wholeKey) || organizations.has(wholeKey)) && !isTheAcronym(tokens, a) && !(scoreLine && !isNation(wholeKey))) {
		out.push(candidate(tokens, a, b, wholeKey, countries.has(wholeKey) ? 'place' : 'organization', Confidence.Known));
		return;
	}
	// "Jones Medical Industries Inc": a company's name keeps its first word at the start of a sentence.
	// So does "Manchester United" or "Severn River": a run ending in an organization or place word.
	const tail = tokens[b - 1].lower;
	// "Transport Canada said": so does an agency named by its field and its country.
	const company = b - a > 1 && !FUNCTION_WORDS.has(tokens[a].lower) && (PLACE_LEADS.has(tokens[a].lower) || CORPORATE_DESIGNATORS.has(tail) || ORG_KEYWORDS.has(tail) || PLACE_KEYWORDS.has(tail) || (AGENCY_FIELDS.has(tokens[a].lower) && isCountryOrRegion(keyOf(tokens, a + 1, b))));
	// "Crystal Palace 4 1 2 1", "Reading 2 Stoke 2": in a sports report a line of scores starts with a team's name.
	const team = scoreLine && !FUNCTION_WORDS.has(tokens[a].lower) && !NEVER.has(tokens[a].lower);
	// "Los Angeles", "Le Matin": a capitalised particle leads a name.
	const particle = b - a > 1 && isLeadingParticle(tokens[a]);
	// "2. Michael Green ( Jamaica ) 10.09": a competitor's full name in a list of results.
	const competitor = b - a > 1 && isCountryInBrackets(tokens, b);
	if (tokens[a].sentenceStart && !company && !team && !particle && !competitor && directedPlaceAt(tokens, a, b, sports) === 0 && isOrdinaryWordAtStart(tokens, a)) {
		// "Dole said ...": kept aside in case the document shows the word is a name.
		// A family name that is also a word ("Carter", "Brown") before a verb of speech is the person.
		if (b - a === 1 && !FUNCTION_WORDS.has(wholeKey) && !NEVER.has(wholeKey)) {
			const next = tokens[b];
			const speaker = surnames.has(wholeKey) && isWord(next) && PERSON_VERBS.has(next.lower);
			out.push(candidate(tokens, a, b, wholeKey, 'person', speaker ? Confidence.Weak : Confidence.Ordinary));
		}
		a++;
		while (a < b && !(b - a > 1 && isLeadingParticle(tokens[a])) && (CONNECTORS.has(tokens[a].lower) || FUNCTION_WORDS.has(tokens[a].lower))) a++;
	}
	if (isTitleThe(tokens, a, b)) return emitTheName(tokens, a, b, out, forced);
	while (a < b && FUNCTION_WORDS.has(tokens[a].lower)) a++;
	if (a >= b) return;
	// Found once for the run: scanning the rest of it at each nationality word would be quadratic in its length.
	const orgHeadOf = lastOrgHeadOf(tokens, a, b);
	let personCue = false;
	let segment = a;
	// Whether [segment, k) are all nationality words, by a scan that only moves forward, as segment and k do.
	let demonymScan = a;
	const demonymsUpTo = (k: number): boolean => {
		if (demonymScan < segment) demonymScan = segment;
		while (demonymScan < k && isDemonym(tokens[demonymScan].lower)) demonymScan++;
		return demonymScan >= k;
	};
	let k = a;
	while (k < b) {
		const lower = tokens[k].lower;
		const phrase = knownPhraseAt(tokens, k, b);
		if (phrase > 0) {
			k += phrase;
			continue;
		}
		// "Northern Ireland", "West Africa", "Southeast Asia": a compass point before a known place is a place.
		const directed = directedPlaceAt(tokens, k, b, sports);
		if (directed > 0) {
			emit(tokens, segment, k, personCue, out, forced, sports);
			const key = keyOf(tokens, k, k + directed);
			const forcedType = forced.get(key);
			out.push(candidate(tokens, k, k + directed, key, forcedType ?? 'place', forcedType ? Confidence.User : Confidence.Cue));
			personCue = false;
			k += directed;
			segment = k;
			continue;
		}
		// "Department of Justice", "Court of Justice": a title word after a body's "of" names what the body does.
		const bodyOf = k - segment >= 2 && tokens[k - 1].lower === 'of' && ORG_HEADS.has(tokens[k - 2].lower);
		if (!bodyOf && (TITLES.has(lower) || (TITLE_MODIFIERS.has(lower) && k + 1 < b && (TITLES.has(tokens[k + 1].lower) || TITLE_MODIFIERS.has(tokens[k + 1].lower))))) {
			let e = k;
			let hasTitle = false;
			while (e < b && (TITLES.has(tokens[e].lower) || TITLE_MODIFIERS.has(tokens[e].lower) || (tokens[e].lower === 'of' && hasTitle))) {
				if (TITLES.has(tokens[e].lower)) hasTitle = true;
				e++;
			}
			// A run that ends in an organization word is a name, not a title ("General Motors", "Prime Bank"); so is
			// a given name followed by a title-like surname ("John Major", "Don King").
			const endsInOrg = ORG_KEYWORDS.has(tokens[b - 1].lower) || (b - k <= longestOrganizationWords && organizations.has(keyOf(tokens, k, b)));
			// ... also before a generational suffix ("Martin Luther King Jr.").
			const surnameLike = (e === b || (e === b - 1 && GENERATIONS.has(tokens[e].lower))) && k > segment && firstNames.has(tokens[k - 1].lower);
			// "Queen of South 2 Dumbarton 1": no title in a team's name on a line of scores.
			if (hasTitle && !endsInOrg && !surnameLike && !team) {
				emit(tokens, segment, k, personCue, out, forced, sports, hasOrgTitle(tokens, k, e));
				personCue = true;
				segment = e;
				k = e;
				continue;
			}
			k = e > k ? e : k + 1;
			continue;
		}
		if (isDemonym(lower) || (DIRECTIONS.has(lower) && k + 1 < b && isDemonym(tokens[k + 1].lower))) {
			// "British Airways", "Irish Republican Army", "Korean Peninsula": the adjectives belong to the name; so
			// does one after a particle ("Organisation of Islamic Conference").
			// So do those of a body named "X of Y" ("Russian Academy of Sciences", "American College of Surgeons").
			const endsInName = ORG_KEYWORDS.has(tokens[b - 1].lower) || PLACE_KEYWORDS.has(tokens[b - 1].lower) || orgHeadOf > k;
			// "International Olympic Committee", "Royal Danish Academy": so do those after ordinary words that lead it.
			const leadsName = endsInName && (k === segment || (k > segment && isDemonym(tokens[k - 1].lower) && demonymsUpTo(k)) || allCommon(tokens, segment, k));
			if (!leadsName && !(k > segment && CONNECTORS.has(tokens[k - 1].lower))) {
				emit(tokens, segment, k, personCue, out, forced, sports);
				personCue = false;
				k += DIRECTIONS.has(lower) ? 2 : 1;
				segment = k;
				continue;
			}
		}
		// "Anna Berg & Lars Holm": two people's full names joined by "&" are two people, not a firm ("Marks & Spencer").
		if (lower === '&' && isFullNameAt(tokens, segment, k) && isFullNameAt(tokens, k + 1, b)) {
			emit(tokens, segment, k, personCue, out, forced, sports);
			personCue = false;
			segment = k + 1;
		}
		// "Elizabeth I", "Carlos I": a regnal number after a given name belongs to the name.
		if (lower === 'i' && k + 1 === b && k > segment && firstNames.has(tokens[k - 1].lower)) {
			k++;
			continue;
		}
		if (NEVER.has(lower) || isHyphenAdjective(tokens[k].text)) {
			emit(tokens, segment, k, personCue, out, forced, sports);
			personCue = false;
			segment = k + 1;
		}
		k++;
	}
	emit(tokens, segment, b, personCue, out, forced, sports);
}

/** Last words of military units, which take the ordinal before them into their name ("82nd Airborne Division"). */
const UNIT_WORDS = new Set(['division', 'brigade', 'regiment', 'battalion', 'corps', 'squadron', 'fleet', 'wing', 'army', 'infantry', 'cavalry', 'artillery', 'marines', 'group', 'command']);
const ORDINAL = /^\d+(?:st|nd|rd|th|d)$/;

/** "the 82nd Airborne Division", "the 6th Fleet": an ordinal right before the run [a, b) of a unit's name. */
function isNumberedUnit(tokens: readonly Token[], a: number, b: number): boolean {
	const before = tokens[a - 1];
	return before !== undefined && ORDINAL.test(before.text) && UNIT_WORDS.has(tokens[b - 1].lower);
}

/** A roman numeral as names carry them ("II", "XIV"). */
const ROMAN_NUMERAL = /^[IVXL]+\.?$/;

/** A model's or a road's designation: a few letters and a number ("F-16", "Su-35", "S-400", "A320", "G20", "M25"). */
const DESIGNATION = /^\p{Lu}\p{L}{0,2}(?:-\d{1,4}|\d{2,4})\p{Lu}?$/u;

/** Whether a word has an ASCII digit, without which no {@link DESIGNATION} matches (most words: no regex run). */
function hasDigit(word: string): boolean {
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if (c >= 48 && c <= 57) return true;
	}
	return false;
}

/** Suffixes after a family name that tell father from son ("Jr.", "III"). */
const GENERATIONS = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** The last index in [a, b) of an organization's head word followed by "of" ("Academy of", "College of"), or -1. */
function lastOrgHeadOf(tokens: readonly Token[], a: number, b: number): number {
	for (let i = b - 2; i >= a; i--) if (ORG_HEADS.has(tokens[i].lower) && tokens[i + 1].lower === 'of') return i;
	return -1;
}

/** Whether tokens [a, b) are two or three words led by a given name ("Anna Berg"), as a person's full name is. */
function isFullNameAt(tokens: readonly Token[], a: number, b: number): boolean {
	if (b - a < 2 || b - a > 3 || !firstNames.has(tokens[a].lower) || ORG_KEYWORDS.has(tokens[b - 1].lower)) return false;
	for (let i = a; i < b; i++) if (!isWord(tokens[i]) || !tokens[i].cap || CONNECTORS.has(tokens[i].lower)) return false;
	return true;
}

/** Whether every word in [a, b) is common English ("Advisory" before "National Director" is part of the title). */
function allCommon(tokens: readonly Token[], a: number, b: number): boolean {
	for (let i = a; i < b; i++) if (!isCommonWord(tokens[i].lower)) return false;
	return true;
}

/** Whether tokens [k, e) hold a title only a company or a club gives ("CEO", "chairman", "striker"). */
function hasOrgTitle(tokens: readonly Token[], k: number, e: number): boolean {
	for (let i = k; i < e; i++) if (ORG_TITLES.has(tokens[i].lower)) return true;
	return false;
}

/**
 * Emits the candidate over tokens [a, b), typed by its words and context. `personCue`: a title came right before;
 * `beforeOrgTitle`: a company's or a club's title comes right after ("Cofinec CEO Stephen Frater").
 */
function emit(tokens: readonly Token[], a: number, b: number, personCue: boolean, out: Candidate[], forced: ReadonlyMap<string, EntityType>, sports: boolean, beforeOrgTitle = false): void {
	while (a < b && !(b - a > 1 && isLeadingParticle(tokens[a])) && (CONNECTORS.has(tokens[a].lower) || FUNCTION_WORDS.has(tokens[a].lower))) a++;
	while (b > a && CONNECTORS.has(tokens[b - 1].lower) && !tokens[b - 1].cap) b--;
	// "F-16 Fighting Falcon", "Airbus A320": a model's designation and what follows it name a thing, not its maker.
	for (let k = a; k < b; k++) {
		if (hasDigit(tokens[k].text) && DESIGNATION.test(tokens[k].text)) {
			b = k;
			break;
		}
	}
	if (a >= b) return;
	const key = keyOf(tokens, a, b);
	const forcedType = forced.get(key);
	if (forcedType) {
		out.push(candidate(tokens, a, b, key, forcedType, Confidence.User));
		return;
	}
	// "behind Labour in the polls": a party's one-word name inside a sentence; not "Labour Day", "Liberal prime minister".
	if (b - a === 1 && PARTY_WORDS.has(key) && !tokens[a].sentenceStart && !(isWord(tokens[b]) && (tokens[b].cap || TITLE_MODIFIERS.has(tokens[b].lower)))) {
		out.push(candidate(tokens, a, b, key, 'organization', Confidence.Cue));
		return;
	}
	if (b - a === 1 && (tokens[a].text.length === 1 || (tokens[a].text.length === 2 && tokens[a].text[1] === '.') || NEVER.has(key) || TITLES.has(key) || TITLE_MODIFIERS.has(key) || isDemonym(key))) return;
	// A lone "Council" or "Peninsula" is a reference back to a name, not a name of its own; "the League" is kept,
	// unseen, for the document to say whether it stands for a body it named in full ("National Hockey League").
	// "passed the House", "face the Commons": a legislature by its one word, inside a sentence.
	if (b - a === 1 && LEGISLATURE_WORDS.has(key) && tokens[a - 1]?.text === 'the' && !tokens[a].sentenceStart) return void out.push(candidate(tokens, a, b, key, 'organization', Confidence.Cue));
	if (b - a === 1 && (ORG_KEYWORDS.has(key) || PLACE_KEYWORDS.has(key)) && !organizations.has(key) && !countries.has(key)) {
		// "told the Times", "The Times reported": a newspaper's word that is also an organization's word.
		if (NEWSPAPER_NAMES.has(key) && tokens[a - 1]?.lower === 'the' && !(isWord(tokens[b]) && tokens[b].cap)) out.push(candidate(tokens, a, b, key, 'organization', Confidence.Cue));
		else if (ORG_KEYWORDS.has(key) && tokens[a - 1]?.text === 'the') out.push(candidate(tokens, a, b, key, 'organization', Confidence.Ordinary));
		return;
	}
	if (MISC_KEYWORDS.has(tokens[b - 1].lower) && b - a > 1) return;
	// "World War II", "Vatican II": an event's name numbered after its kind is no person's.
	if (b - a > 2 && ROMAN_NUMERAL.test(tokens[b - 1].text) && MISC_KEYWORDS.has(tokens[b - 2].lower)) return;
	if (isIndexName(tokens, b) && !countries.has(key) && !cities.has(key)) return;
	const push = (type: EntityType, confidence: Confidence): void => {
		out.push(candidate(tokens, a, b, key, type, confidence));
	};
	if (personCue && !countries.has(key) && !organizations.has(key)) return push('person', Confidence.Cue);
	// "the Guardian reported", "The Economist said": a newspaper's one-word name after "the".
	if (b - a === 1 && NEWSPAPER_NAMES.has(key) && tokens[a - 1]?.lower === 'the' && !(isWord(tokens[b]) && tokens[b].cap)) return push('organization', Confidence.Cue);
	let typed = typeFromWords(tokens, a, b, key);
	// "Ford County" is a place; only a sports report makes it a club ("Notts County").
	if (!sports && typed?.[0] === 'organization' && typed[1] === Confidence.Cue && tokens[b - 1].lower === 'county') typed = ['place', Confidence.Cue];
	const next = tokens[b];
	const prev = tokens[a - 1];
	// "Varnsson CEO Lars Berg", "Ostervale striker Ola Moen": the name before such a title is the employer.
	if (beforeOrgTitle && (typed === undefined || (typed[1] <= Confidence.Weak && typed[0] !== 'place')) && !allCommon(tokens, a, b)) return push('organization', Confidence.Cue);
	// "Ana Ruiz ( Spain )": a competitor followed by the country in brackets, as in results lists.
	if (isCountryInBrackets(tokens, b) && (!typed || typed[1] <= Confidence.Weak) && b - a > 1) {
		return push('person', Confidence.Cue);
	}
	// "Benetton ( Italy ) 92": one unknown word, its country in brackets, then a score is a team.
	if (isCountryInBrackets(tokens, b) && !typed && b - a === 1 && tokens[b + 3]?.kind === TokenKind.Number && !(isWord(prev) && prev.cap)) {
		return push('organization', Confidence.Cue);
	}
	// "the Zika virus", "Covid-19 cases": a disease is no name, here or elsewhere in the document.
	if (b - a === 1 && (DISEASES.has(key) || ((typed === undefined || (typed[1] <= Confidence.Weak && typed[0] !== 'place')) && isWord(next) && !next.cap && DISEASE_NOUNS.has(next.lower)))) {
		out.push({ ...candidate(tokens, a, b, key, 'person', Confidence.Ordinary), disease: true });
		return;
	}
	const isCountry = typed !== undefined && typed[0] === 'place' && typed[1] === Confidence.Known;
	// "New York 3 Seattle 9": a city the word lists hold among countries is a team in a result; a nation is not.
	const cityTeam = isCountry && !isNation(key);
	const weakOrNone = typed === undefined || typed[1] <= Confidence.Weak;
	const townOnly = typed !== undefined && typed[0] === 'place' && typed[1] === Confidence.Weak;
	const single = b - a === 1;
	// A name followed by numbers in a results table is a team: an organization unless it is a country.
	// A name followed by a score: towns and unknown single words are teams; an unknown longer name is a team in a
	// result ("Sporting Gijon 2 Celta 1") but a player in a score card ("Duffy Waldorf 66 68").
	const givenNameOnly = single && typed !== undefined && typed[0] === 'person' && typed[1] === Confidence.Weak && firstNames.has(key);
	if (next && next.kind === TokenKind.Number && (!isCountry || cityTeam)) {
		const after = tokens[b + 1];
		const resultLine = after !== undefined && after.kind === TokenKind.Word && after.cap;
		// "Bradford Bulls 36": a given name then an ordinary noun that is no family name reads as a club in a result.
		const clubLike = !single && resultLine && typed !== undefined && typed[0] === 'person' && typed[1] === Confidence.Cue && firstNames.has(tokens[a].lower) && isCommonWord(tokens[b - 1].lower) && !surnames.has(tokens[b - 1].lower) && !firstNames.has(tokens[b - 1].lower);
		const team = townOnly || givenNameOnly || clubLike || cityTeam || (typed === undefined && (single || resultLine)) || (typed !== undefined && typed[0] === 'organization');
		if (team && (sports || resultLine || after?.kind === TokenKind.Number)) return push('organization', townOnly ? Confidence.Weak : Confidence.Cue);
	}
	// "Lancashire v Kent", "v Hampshire ( three days )": either side of "v" in a sports report stands a team.
	if (sports && ((isWord(prev) && FIXTURE_WORDS.has(prev.lower)) || (isWord(next) && FIXTURE_WORDS.has(next.lower))) && !isNation(key) && (weakOrNone || typed?.[0] === 'place')) return push('organization', Confidence.Cue);
	// "played for Footscray", and in a sports report "joined Torvik", "moved to Torvik", "Torvik of Italy": a club.
	if (!isNation(key) && (weakOrNone || typed?.[0] === 'place' || (sports && typed?.[0] === 'person' && typed[1] <= Confidence.Weak)) && isClubContext(tokens, a, b, sports, typed?.[0] === 'person')) return push('organization', Confidence.Cue);
	// "lost 2-1 to Barcelona", "drew with Munich", "Barcelona beat ...": in a sports report even a large city on
	// either side of a result is its club.
	if (sports && (townOnly || cityTeam) && isMatchSide(tokens, a, b)) return push('organization', Confidence.Cue);
	// In a sports report a town is a club unless the text says it is a place ("in Leeds").
	// Nor is the state after a town ("in Kingston, Ontario").
	if (sports && townOnly && !majorCities.has(key) && !(prev && PLACE_PREPOSITIONS.has(prev.lower)) && !isVenue(tokens, a, b) && !isRegionAfterTown(tokens, a, b, key)) return push('organization', Confidence.Weak);
	// "the company Novatel said": a kind of organization named right before the name outweighs the verb of speech.
	if (weakOrNone && !isCountry && isOrgNounBefore(tokens, a)) return push('organization', Confidence.Cue);
	// "analysts at Tarvex", "shareholders of Tarvex", "a stake in Tarvex", "a spokesman for Tarvex": what only a body
	// has, before a name nothing else types.
	if ((typed === undefined || (typed[0] === 'organization' && typed[1] <= Confidence.Weak)) && isOrgContextBefore(tokens, a)) return push('organization', Confidence.Cue);
	if (isWord(next) && !next.cap && weakOrNone) {
		// "the ministry in Jakarta said": a known city keeps its type against the speech cue.
		// So does an unknown name right after "in" or "near" ("police in Varnby said"): the verb is the subject's.
		const cityStays = (townOnly && (majorCities.has(key) || (prev !== undefined && PLACE_PREPOSITIONS.has(prev.lower)))) || (typed === undefined && single && (prev?.lower === 'in' || prev?.lower === 'near'));
		// "the ACCC said", "KNVB said": an acronym before the verb is the body that spoke (not "JFK said").
		const acronymSpeaks = single && typed?.[0] === 'organization' && tokens[a].upper && (prev?.lower === 'the' || key.length >= 4);
		if (PERSON_VERBS.has(next.lower) && !cityStays && !acronymSpeaks) return push('person', Confidence.Weak);
		// "Ericsson spokesman", "Pirelli shares": stronger than "Ericsson said" when nothing else is known of the name.
		// Not after a town: "the Warsaw stock exchange", "the Volgograd side".
		if ((ORG_AFTER.has(next.lower) || ORG_TITLES.has(next.lower) || isNewsOrganizationAfter(tokens, b)) && !townOnly && (!typed || typed[0] !== 'person')) return push('organization', typed ? Confidence.Weak : Confidence.Cue);
	}
	const before = tokens[a - 2];
	// "the Battle of Tarvik", "the Siege of Varnby": the place names an event, no mention of its own.
	if (prev?.lower === 'of' && isWord(before) && before.cap && EVENT_HEADS.has(before.lower) && (typed === undefined || typed[1] <= Confidence.Weak)) return;
	// "in Dalton, Georgia", "near Garrison, Kentucky": a name followed by a comma and its state or country is a town,
	// even one named like a family; not a full name ("Lena Hollister, Texas" in a list of winners), nor ordinary words
	// ("the Labasa Communal Constituency, Fiji").
	if ((typed === undefined || (typed[1] <= Confidence.Weak && typed[0] !== 'organization')) && !(typed === undefined && allCommon(tokens, a, b)) && isTownOfRegion(tokens, b)) return push('place', Confidence.Cue);
	if (weakOrNone && prev && prev.lower === 'of' && isWord(before) && PLACE_NOUNS.has(before.lower)) return push('place', Confidence.Cue);
	if (weakOrNone && isWord(next) && !next.cap && PLACE_NOUNS.has(next.lower) && (!typed || typed[0] !== 'person')) return push('place', Confidence.Weak);
	if (weakOrNone && !isCountry && isOrgApposition(tokens, b)) return push('organization', Confidence.Cue);
	if (weakOrNone && isPlaceApposition(tokens, b)) return push('place', Confidence.Cue);
	if (weakOrNone && !townOnly && !isCountry && isFoundedAfter(tokens, b)) return push('organization', Confidence.Cue);
	// "Korvella's shares", "Korvella's board": what only a company has.
	if (weakOrNone && !townOnly && (next?.text === "'s" || next?.text === '\u2019s') && isWord(tokens[b + 1]) && ORG_POSSESSIONS.has(tokens[b + 1].lower)) return push('organization', Confidence.Cue);
	if (typed) return push(typed[0], typed[1]);
	// "Tarvex, which makes chips,": "which" stands for a thing, never a person; a body more often than a place.
	if (single && next?.text === ',' && isWord(tokens[b + 1]) && tokens[b + 1].lower === 'which' && !(prev && PLACE_PREPOSITIONS.has(prev.lower))) return push('organization', Confidence.Guess);
	// "an Aurus Senat limousine": an indefinite article introduces a product or a kind, not a named entity.
	if (prev && (prev.lower === 'a' || prev.lower === 'an')) return push('person', Confidence.Ordinary);
	if (prev && PLACE_PREPOSITIONS.has(prev.lower) && single) return push('place', Confidence.Guess);
	// Ordinary words capitalised for emphasis or in titles of events ("Human Rights", "Series") are no names.
	let ordinary = true;
	for (let k = a; k < b && ordinary; k++) ordinary = isCommonWord(tokens[k].lower) && !surnames.has(tokens[k].lower);
	if (single && ADJECTIVE_ENDINGS.test(key)) return;
	// Team nicknames in a sports report: "the Cubs", "Springboks".
	// Not the plural of an abbreviation ("23 KOs", "two MPs").
	if (sports && ordinary && key.endsWith('s') && !MISC_KEYWORDS.has(tokens[b - 1].lower) && !ABBREVIATION_PLURAL.test(tokens[b - 1].text)) return push('organization', Confidence.Guess);
	// "Buncrana", "Moranbah": a small town's name that is no person's, no word and no other name, where nothing else
	// speaks for a type (not in a sports report, where such names are clubs); not after a verb of speech or before
	// an apposition that is no place's ("said Pemberton, a bank analyst").
	const speaker = (isWord(prev) && PERSON_VERBS.has(prev.lower)) || (next?.text === ',' && isWord(tokens[b + 1]) && (tokens[b + 1].lower === 'a' || tokens[b + 1].lower === 'an'));
	if (single && !sports && !speaker && towns.has(key)) return push('place', Confidence.Guess);
	if (ordinary) return push('person', Confidence.Ordinary);
	push('person', Confidence.Guess);
}

/**
 * Whether token b opens ", <state or country>" that ends there: a comma, a first-level region or a country of at most
 * three words, then punctuation, a lower-case word or the end ("Dalton, Georgia, on Friday"; not "Dalton, Georgia
 * Power").
 */
function isTownOfRegion(tokens: readonly Token[], b: number): boolean {
	if (tokens[b]?.text !== ',') return false;
	let end = b + 1;
	while (end < tokens.length && end < b + 4 && isWord(tokens[end]) && tokens[end].cap) end++;
	if (end === b + 1 || (isWord(tokens[end]) && tokens[end].cap)) return false;
	if (isWord(tokens[end]) && tokens[end].lower === "'s") return false;
	return isCountryOrRegion(keyOf(tokens, b + 1, end));
}

/**
 * "Kingston, Ontario": a state or country after a town's name and a comma; not one county of a list of clubs ("Essex,
 * Derbyshire and Surrey") nor a side before its player ("At the Oval, Surrey captain Chris Lewis": a title word next).
 */
function isRegionAfterTown(tokens: readonly Token[], a: number, b: number, key: string): boolean {
	const town = tokens[a - 2];
	const next = tokens[b];
	if (tokens[a - 1]?.text !== ',' || !isWord(town) || !town.cap || isCountryOrRegion(town.lower) || !isCountryOrRegion(key)) return false;
	return !isWord(next) || (!next.cap && next.lower !== 'and' && !TITLES.has(next.lower) && !ORG_TITLES.has(next.lower) && !ORG_AFTER.has(next.lower));
}

/** The plural of an abbreviation: capitals and a lower-case "s" ("KOs", "MPs"). */
const ABBREVIATION_PLURAL = /^\p{Lu}{2,}s$/u;

const COPULAS = new Set(['is', 'was', 'are', 'were']);
/** Verbs only an organization takes in the passive after "was" ("Korvella was founded in 1921"). */
const FOUNDING_VERBS = new Set(['founded', 'established', 'incorporated', 'formed']);

/** "Korvella was founded in 1921": a name that was founded, established or incorporated. */
function isFoundedAfter(tokens: readonly Token[], b: number): boolean {
	const verb = tokens[b + 1];
	return isWord(tokens[b]) && COPULAS.has(tokens[b].lower) && isWord(verb) && FOUNDING_VERBS.has(verb.lower);
}

/** Lower-case nouns that say the name after the preposition is a body ("analysts at", "shareholders of"). */
const ORG_CONTEXTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
	['at', new Set(['analysts', 'analyst', 'economists', 'economist', 'strategists', 'strategist', 'traders', 'workers', 'employees', 'staff', 'executives', 'engineers', 'researchers'])],
	['of', new Set(['shareholders', 'employees', 'workers', 'staff', 'subsidiary', 'unit', 'division', 'executive', 'executives', 'chairman', 'chairwoman', 'shares', 'founder', 'co-founder', 'owner', 'takeover', 'acquisition'])],
	['in', new Set(['stake', 'stakes', 'shares', 'holding', 'holdings'])],
	['for', new Set(['spokesman', 'spokeswoman', 'spokesperson'])],
]);

function isOrgContextBefore(tokens: readonly Token[], a: number): boolean {
	const prep = tokens[a - 1];
	const noun = tokens[a - 2];
	if (!isWord(prep) || !isWord(noun) || (noun.cap && !noun.sentenceStart)) return false;
	return ORG_CONTEXTS.get(prep.lower)?.has(noun.lower) ?? false;
}

/** "the news agency Tanjug", "carmaker Kia": a lower-case noun of a kind of organization right before the name. */
function isOrgNounBefore(tokens: readonly Token[], a: number): boolean {
	const prev = tokens[a - 1];
	return isWord(prev) && !prev.cap && ORG_NOUNS.has(prev.lower);
}

/**
 * The opening of an apposition at token b: a comma or a copula, then an article ("Korvella, a Finnish company" or
 * "Korvella is a Finnish company"; "the" only after a comma: "X is the company" says which, not what kind).
 */
function opensApposition(tokens: readonly Token[], b: number): boolean {
	const link = tokens[b];
	const copula = isWord(link) && COPULAS.has(link.lower);
	if (link?.text !== ',' && !copula) return false;
	const article = tokens[b + 1];
	return isWord(article) && (article.lower === 'a' || article.lower === 'an' || (article.lower === 'the' && !copula));
}

/**
 * "Cofinec, a Hungarian company, said": the name, a comma, an article, at most three modifiers (lower-case words or
 * nationality adjectives), an organization noun, then punctuation or a word that ends the apposition. "Smith, a bank
 * analyst" is no apposition: a noun follows.
 */
function isOrgApposition(tokens: readonly Token[], b: number): boolean {
	if (!opensApposition(tokens, b)) return false;
	for (let k = b + 2; k < b + 6 && k < tokens.length; k++) {
		const t = tokens[k];
		if (!isWord(t) || FUNCTION_WORDS.has(t.lower)) return false;
		if (!t.cap && ORG_NOUNS.has(t.lower)) {
			const after = tokens[k + 1];
			return after === undefined || !isWord(after) || APPOSITION_ENDS.has(after.lower);
		}
		if (t.cap && !isDemonym(t.lower)) return false;
	}
	return false;
}

/** Kinds of place an apposition names ("Kavala, a port town in Greece", "Aisby is a village"). */
const PLACE_KINDS = new Set(['village', 'villages', 'town', 'city', 'hamlet', 'suburb', 'municipality', 'commune', 'parish', 'district', 'province', 'region', 'port', 'island', 'county', 'state', 'capital', 'resort', 'settlement', 'neighbourhood', 'neighborhood', 'river', 'lake', 'mountain', 'peninsula', 'archipelago']);

/**
 * "Varnby, a small town in Kent," or "Varnby is a village in ...": the name, a comma or a copula, an article, at
 * most three modifiers (lower-case words, nationality or compass words), a kind of place, then "in", "of", "near",
 * "on", "north", "south" ... or punctuation.
 */
function isPlaceApposition(tokens: readonly Token[], b: number): boolean {
	if (!opensApposition(tokens, b)) return false;
	for (let k = b + 2; k < b + 6 && k < tokens.length; k++) {
		const t = tokens[k];
		if (!isWord(t) || FUNCTION_WORDS.has(t.lower)) return false;
		if (!t.cap && PLACE_KINDS.has(t.lower)) {
			const after = tokens[k + 1];
			// "a port town in": the first kind only modifies the second.
			if (isWord(after) && !after.cap && PLACE_KINDS.has(after.lower)) continue;
			return after === undefined || !isWord(after) || PLACE_APPOSITION_ENDS.has(after.lower) || COMPASS_POINTS.has(after.lower);
		}
		if (t.cap && !isDemonym(t.lower) && !COMPASS_POINTS.has(t.lower)) return false;
	}
	return false;
}

/** Words after the kind of place that end the apposition ("a town in", "a village near"). */
const PLACE_APPOSITION_ENDS = new Set(['in', 'of', 'near', 'on', 'outside', 'and', 'that', 'which', 'where', 'with', 'about', 'some', 'located']);

/** Types the names in a headline from what the body of the document and the gazetteers say, and nothing else. */
function typeHeadline(tokens: readonly Token[], a: number, b: number, known: ReadonlyMap<string, Candidate>, out: Candidate[], sports: boolean): void {
	let k = a;
	while (k < b) {
		const directed = directedPlaceAt(tokens, k, b, sports);
		if (directed > 0) {
			out.push(candidate(tokens, k, k + directed, keyOf(tokens, k, k + directed), 'place', Confidence.Known));
			k += directed;
			continue;
		}
		let matched = 0;
		let type: EntityType | undefined;
		for (let len = Math.min(4, b - k); len >= 1; len--) {
			const key = keyOf(tokens, k, k + len);
			if (CONNECTORS.has(tokens[k].lower) || CONNECTORS.has(tokens[k + len - 1].lower)) continue;
			const body = known.get(key);
			const next = tokens[k + len];
			const numberNext = next !== undefined && next.kind === TokenKind.Number;
			const dateline = tokens[k].lineStart && numberNext && /^\d{4}-\d\d-\d\d$/.test(next.text);
			const prev = tokens[k - 1];
			// Results and fixtures in capitals: "BOSTON 69 65", "BOSTON AT OAKLAND".
			const fixture = sports && !dateline && (numberNext || (isWord(next) && MATCH_WORDS.has(next.lower)) || (k > a && isWord(prev) && MATCH_WORDS.has(prev.lower)));
			if (dateline && !isCommonWord(key) && !organizations.has(key)) type = 'place';
			else if (fixture && !isNation(key) && (cities.has(key) || body?.type === 'place' || body?.type === 'organization')) type = 'organization';
			else if (body) type = body.type;
			else if (countries.has(key)) type = 'place';
			else if (organizations.has(key)) type = 'organization';
			else if (fullNames.has(key)) type = 'person';
			else if (majorCities.has(key) || (cities.has(key) && !isCommonWord(key))) type = 'place';
			if (type) {
				matched = len;
				break;
			}
		}
		if (type && matched > 0) {
			out.push(candidate(tokens, k, k + matched, keyOf(tokens, k, k + matched), type, Confidence.Known));
			k += matched;
		} else k++;
	}
}

/** Adds every whole-word occurrence of the user's entities, replacing the recognizer's overlapping mentions. */
function applyUserEntities(text: string, from: number, to: number, mentions: EntityMention[], lexicon: UserLexicon): EntityMention[] {
	const added: EntityMention[] = [];
	for (const entity of lexicon.entities ?? []) {
		for (const name of [entity.canonical, ...(entity.aliases ?? [])]) {
			if (name.length === 0) continue;
			let at = text.indexOf(name, from);
			while (at >= 0 && at + name.length <= to) {
				const before = at > 0 ? text[at - 1] : ' ';
				const after = at + name.length < text.length ? text[at + name.length] : ' ';
				if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) added.push({ start: at, end: at + name.length, text: name, type: entity.type });
				at = text.indexOf(name, at + 1);
			}
		}
	}
	// Longer user names win over shorter ones they contain. Sorted by start, a name overlaps an earlier chosen one
	// only if it starts before the last one's end; the chosen ones are sorted and disjoint, so their ends ascend.
	added.sort((x, y) => x.start - y.start || y.end - x.end);
	const chosen: EntityMention[] = [];
	for (const m of added) if (chosen.length === 0 || m.start >= chosen[chosen.length - 1].end) chosen.push(m);
	const kept = mentions.filter((m) => {
		const c = chosen[firstEndingAfter(chosen, m.start)];
		return c === undefined || c.start >= m.end;
	});
	return [...kept, ...chosen].sort((x, y) => x.start - y.start);
}

/** The index of the first of `spans` (sorted, disjoint) that ends after `offset`; `spans.length` if none. */
function firstEndingAfter(spans: readonly EntityMention[], offset: number): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (spans[mid].end <= offset) low = mid + 1;
		else high = mid;
	}
	return low;
}
