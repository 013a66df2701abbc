// A generated news archive shaped like the held-out one of issue 12 (6,376 real articles, 12.9 MB): article sizes
// log-normal with median 1.7 KB and p90 3.6 KB, capped at 25 KB; one-line paragraphs of one to four sentences
// with a heading now and then; people, organizations and places drawn from pools with Zipf-like reuse across
// articles (the most named person in ~5% of them, 337 of 6,376), a full name first and the surname after, as
// news writes them. Deterministic (seeded), offline: the same archive for the same arguments on every machine.
//
// Two generators. Version 1 wrote its prose from a dozen fixed sentences and a few hundred names: 12,900 distinct
// word forms in 13 MB, so the recognizer's word caches and word-list lookups hit far more often than on real news.
// Version 2 (the default) also follows real news in its vocabulary (see `generateArchiveV2`): ~100,000 distinct word
// forms, Zipfian, with tens of thousands of rare people, companies and towns beside the ones named again and again.
import { allLocales } from '@faker-js/faker';
import nlp from 'compromise';
import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMON_WORDS } from '../../src/core/entities/data/commonWords';
import { FIRST_NAMES, SURNAMES } from '../../src/core/entities/data/names';
import { CITIES, COUNTRIES, MAJOR_CITIES, REGIONS } from '../../src/core/entities/data/places';
import { tokenize, TokenKind } from '../../src/core/entities/tokenize';
import { seededRandom } from './seededRandom';

/** The generators: 1 (fixed prose, 12,900 distinct word forms) and 2 (a news-like Zipfian vocabulary). */
export type ArchiveVersion = 1 | 2;
/** The generator used unless one is named. */
export const latestArchiveVersion: ArchiveVersion = 2;

/** The generator a bench uses: `BENCH_ARCHIVE_VERSION` (1 or 2), else the latest. */
export function benchArchiveVersion(): ArchiveVersion {
	const asked = process.env.BENCH_ARCHIVE_VERSION;
	if (asked === undefined || asked === '') return latestArchiveVersion;
	if (asked !== '1' && asked !== '2') throw new Error(`BENCH_ARCHIVE_VERSION must be 1 or 2, not ${asked}`);
	return Number(asked) as ArchiveVersion;
}

/**
 * The folder in the temporary directory for an archive of `count` articles by generator `version`, named after both
 * (and `kind`, the bench's own), so that runs of different generators or benches never share (or rewrite) a folder.
 */
export function archiveFolder(kind: string, count: number, version: ArchiveVersion): string {
	return join(tmpdir(), `news-seed-${kind}-v${version}-${count}`);
}

/** The real archive's shape, for the bench to print beside what it generated. */
export const realArchive = { articles: 6376, bytes: 12.9e6, medianBytes: 1700, p90Bytes: 3600, maxBytes: 25_000, topPersonArticles: 337 };

const capitalise = (word: string): string => word.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
/** Plain ASCII words only: enough variety, and no name that the gazetteers would type as something else. */
const plain = (data: string): string[] => data.split('\n').filter((word) => /^[a-z]{3,11}$/.test(word));

const orgHeads = ['Ministry of Finance', 'Ministry of Defence', 'Central Bank', 'Supreme Court', 'Electoral Commission', 'National Assembly', 'Health Authority', 'Port Authority', 'Energy Agency', 'Football Federation'];
const orgKinds = ['Group', 'Holdings', 'Bank', 'Airlines', 'Energy Corp.', 'Motors', 'Telecom', 'Institute', 'Foundation', 'University'];
const verbs = ['said', 'told reporters', 'announced', 'confirmed', 'warned', 'argued', 'added', 'wrote in a statement'];
const topics = ['the budget', 'the ceasefire', 'the trade talks', 'interest rates', 'the election', 'the strike', 'the merger', 'the inquiry', 'the new stadium', 'fuel prices', 'the harvest', 'the vaccine rollout'];
const fillers = [
	'The figures were published on Tuesday after weeks of delay.',
	'Critics say the plan does little for families already struggling with rising prices.',
	'The move follows months of negotiations that stalled twice over funding.',
	'Analysts expect the decision to shape the debate ahead of next year\'s vote.',
	'Local residents gathered outside the building for most of the afternoon.',
	'The report, which runs to more than 200 pages, has not been made public.',
	'Officials declined to give a timetable for the next round of talks.',
	'Prices rose 3.4% in the year to March, the fastest pace since 2008.',
	'Several hundred jobs are at stake, according to union estimates.',
	'The company said it would appeal against the ruling.',
	'It was not immediately clear how many people had been affected.',
	'The proposal still needs the approval of parliament.',
];
const headings = ['What Happens Next', 'A Divided Response', 'Background', 'Market Reaction', 'The Numbers', 'Reaction Abroad', 'A Long Road'];

/** One generated article: its file name, text and the people it names (ground truth for the bench). */
export interface ArchiveArticle {
	readonly name: string;
	readonly text: string;
	readonly people: readonly string[];
}

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1 + offset) (Zipf-Mandelbrot), in O(log n). */
function zipf(n: number, offset: number, random: () => number): () => number {
	const cumulative = new Float64Array(n);
	let sum = 0;
	for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / (r + 1 + offset);
	return () => {
		const x = random() * sum;
		let low = 0;
		let high = n - 1;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (cumulative[mid] < x) low = mid + 1;
			else high = mid;
		}
		return low;
	};
}

/** The pools of names an archive draws from, the same for every seed. */
function namePools(): { people: string[]; organizations: string[]; places: string[] } {
	const random = seededRandom(7);
	const firsts = plain(FIRST_NAMES);
	const lasts = plain(SURNAMES);
	const people = new Set<string>();
	while (people.size < 40_000) {
		people.add(`${capitalise(firsts[Math.floor(random() * firsts.length)])} ${capitalise(lasts[Math.floor(random() * lasts.length)])}`);
	}
	const organizations: string[] = [...orgHeads];
	for (const last of lasts.slice(0, 4000)) organizations.push(`${capitalise(last)} ${orgKinds[Math.floor(random() * orgKinds.length)]}`);
	const places = [...COUNTRIES.split('\n'), ...MAJOR_CITIES.split('\n')].filter((name) => /^[a-z][a-z ]+$/.test(name)).map(capitalise);
	return { people: [...people], organizations, places };
}

/**
 * Generates `count` articles (file names `NNN_<16 hex>.txt` with a running number, as the real archive names
 * them); article `i` depends only on `seed` and `i`.
 */
export function* generateArchive(count: number, seed = 12, version: ArchiveVersion = latestArchiveVersion): Generator<ArchiveArticle> {
	yield* version === 1 ? generateArchiveV1(count, seed) : generateArchiveV2(count, seed);
}

function* generateArchiveV1(count: number, seed: number): Generator<ArchiveArticle> {
	const pools = namePools();
	// Offsets chosen so that, with ~3 people per article, the first person is named in ~5% of the articles.
	const pickPerson = zipf(pools.people.length, 7, seededRandom(seed * 31 + 1));
	const pickOrganization = zipf(pools.organizations.length, 3, seededRandom(seed * 31 + 2));
	const pickPlace = zipf(pools.places.length, 2, seededRandom(seed * 31 + 3));
	for (let i = 0; i < count; i++) {
		const random = seededRandom(seed * 1_000_003 + i);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
		// Log-normal sizes: median 1,700 bytes, sigma 0.585 puts p90 at 3,600; capped at 25 KB, at least 300.
		const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
		// (1,600: the last paragraph overshoots by ~100.) One article in 300 is a long read of 12 to 25 KB.
		const long = random() < 1 / 300 ? 12_000 + random() * 13_000 : 0;
		const target = Math.max(300, Math.min(realArchive.maxBytes - 300, long || Math.round(1600 * Math.exp(0.585 * gaussian))));
		const cast = Array.from({ length: 1 + Math.round(target / 900) + Math.floor(random() * 2) }, () => pools.people[pickPerson()]);
		const people = [...new Set(cast)];
		const organizations = Array.from({ length: 1 + Math.floor(target / 1500) }, () => pools.organizations[pickOrganization()]);
		const places = Array.from({ length: 1 + Math.floor(target / 1200) }, () => pools.places[pickPlace()]);
		const introduced = new Set<string>();
		// A person's full name at the first mention, the surname after (the index groups them as one entity).
		const person = (): string => {
			const name = pick(people);
			if (introduced.has(name)) return name.slice(name.indexOf(' ') + 1);
			introduced.add(name);
			return name;
		};
		const templates: (() => string)[] = [
			() => `${person()} ${pick(verbs)} that ${pick(organizations)} would review ${pick(topics)} in ${pick(places)}.`,
			() => `"We will not accept this," ${person()} said on ${pick(['Monday', 'Wednesday', 'Friday'])}.`,
			() => `The talks in ${pick(places)} were attended by officials from ${pick(organizations)}.`,
			() => `${pick(organizations)} ${pick(verbs)} ${Math.floor(random() * 900) + 100} jobs would go by ${2025 + Math.floor(random() * 4)}.`,
			() => `According to ${person()}, ${pick(topics)} has divided opinion in ${pick(places)}.`,
			() => pick(fillers),
			() => pick(fillers),
		];
		const paragraph = (): string => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(templates)()).join(' ');
		const date = `20${10 + Math.floor(random() * 15)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
		const parts = [` date ${date} ${paragraph()} ${paragraph()}`];
		let bytes = parts[0].length;
		while (bytes < target) {
			const block = random() < 0.12 && parts.length > 2 ? pick(headings) : paragraph();
			parts.push(block);
			bytes += block.length + 2;
		}
		const hex = Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0') + Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
		yield { name: `${String(i % 1000).padStart(3, '0')}_${hex}.txt`, text: parts.join('\n\n'), people: [...introduced] };
	}
}

// ---- Version 2: a news-like vocabulary ----
//
// Target figures (a real 13 MB news archive; no real archive is at hand, so these come from published figures): about
// 2.1 million running words; Heaps' law as fitted on Reuters RCV1 news (M = 44 T^0.49, Manning, Raghavan and Schütze,
// Introduction to Information Retrieval, ch. 5) gives ~55,000 lower-cased terms for that many words; the forms a
// tokenizer sees are 1.5 to 2 times as many (capitals at sentence starts and in names, inflections, hyphenated
// compounds, numbers with words), so **about 100,000 distinct word forms** (the brief's 80,000 to 150,000), of which
// about half occur once (hapax legomena are 40 to 60% of a news vocabulary). Word frequencies Zipfian (exponent 1):
// the most frequent words are English function words, then the common-word list ranked short words first, a sixth of
// the rare tail made-up words (jargon, foreign words, typos), a fifth of the words inflected. Names: 60,000 people
// (given names from the recognizer's lists, surnames from faker's 14,000 Latin-script ones, the recognizer's list and
// made-up ones), 25,000 organisations (companies named after made-up words, surnames and common words; agencies,
// acronyms), all 22,000 towns of the cities list; each drawn Zipf-like, so a few are named in hundreds of articles
// and most in one. Numbers, money, percentages, dates, quotes and datelines ("NAIROBI (Reuters) —") as news has them.

const newsTopWords = `the to of and a in that for on is said was with he it as at by from his be have has are an but not were had
this who they will been after their more would which about one also its up new or than over last year people two
government first she we there her out when into all can could years time president minister police state told
percent week some no if what just three while them only our before against being most where since such those between
under during because how officials many well back now made world still any public may make part former so both then next
day including security national did even should take support group political court million billion month health called
military like much later high local report found war power city law second early house office according news expected
help plan added around off company party want through economic say members months way four country other five told
there several very another these each despite least end own top major among set took without across long based found
due home children women family market prices told spokesman election leader foreign international told cases deal`;

const consonants = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'y', 'ie'];
const codas = ['', '', '', 'n', 'r', 's', 'l', 't', 'nd', 'rt', 'm', 'ck', 'sk', 'v'];

/** A made-up word of two to four syllables, lower-case. */
function pseudoWord(random: () => number): string {
	const pick = (xs: readonly string[]): string => xs[Math.floor(random() * xs.length)];
	let word = '';
	const syllables = 2 + Math.floor(random() * random() * 3);
	for (let k = 0; k < syllables; k++) word += pick(consonants) + pick(vowels) + (k === syllables - 1 || random() < 0.3 ? pick(codas) : '');
	return word;
}

const normal = (random: () => number): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

interface NewsPools {
	/** Words by rank, most frequent first; the first `topWords` are never inflected. */
	readonly words: readonly string[];
	readonly topWords: number;
	readonly people: readonly string[];
	readonly organizations: readonly string[];
	readonly places: readonly string[];
}

let newsPoolsMade: NewsPools | undefined;

/** The vocabulary and the pools of names of version 2, the same for every seed (made once per process). */
function newsPools(): NewsPools {
	if (newsPoolsMade) return newsPoolsMade;
	const random = seededRandom(11);
	const top = [...new Set(newsTopWords.split(/\s+/))];
	const taken = new Set(top);
	// Everyday English first (compromise's lexicon: verbs in their forms, nouns, adjectives, no names), then the rest of
	// the common-word list, each ranked short words first (frequent words are short) with noise.
	const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
	const everyday = Object.keys(lexicon).filter((word) => /^[a-z]{2,14}$/.test(word) && !taken.has(word) && !/Name|Place|City|Country|Region|Organization|Person|Demonym|Acronym|ProperNoun/.test(lexicon[word]));
	const byLength = (list: string[]): string[] => list.map((word) => ({ word, key: word.length + 2.5 * normal(random) })).sort((a, b) => a.key - b.key).map(({ word }) => word);
	for (const word of everyday) taken.add(word);
	const rare = COMMON_WORDS.split('\n').filter((word) => /^[a-z]{2,14}$/.test(word) && !taken.has(word));
	const words = [...top];
	for (const word of [...byLength(everyday), ...byLength(rare)].slice(0, vocabularyCommonWords)) {
		words.push(word);
		if (words.length > 3000 && random() < 0.2) words.push(pseudoWord(random));
	}
	const latin = /^\p{Script=Latin}[\p{Script=Latin}'-]*$/u;
	const fakerSurnames = new Set<string>();
	for (const locale of Object.values(allLocales)) {
		const lastNames: unknown = (locale as { person?: { last_name?: unknown } }).person?.last_name;
		const list = Array.isArray(lastNames) ? lastNames : lastNames && typeof lastNames === 'object' ? Object.values(lastNames).flat() : [];
		for (const name of list) if (typeof name === 'string' && latin.test(name) && name.length > 2) fakerSurnames.add(name);
	}
	const surnames = [...[...fakerSurnames].sort(), ...plain(SURNAMES).map(capitalise)];
	const givens = FIRST_NAMES.split('\n').filter((name) => /^\p{L}{3,11}$/u.test(name)).map(capitalise);
	const made = (): string => capitalise(pseudoWord(random));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const people = new Set<string>();
	while (people.size < 60_000) {
		const surname = random() < 0.4 ? made() : pick(surnames);
		const initial = random() < 0.05 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
		people.add(`${pick(givens)}${initial} ${surname}`);
	}
	const organizations = new Set<string>([...orgHeads, ...agencies]);
	const companyKinds = [...orgKinds, 'Inc.', 'Ltd', 'Capital', 'Partners', 'Technologies', 'Pharmaceuticals', 'Logistics', 'Media', 'Insurance', 'Mining', 'Systems'];
	while (organizations.size < 25_000) {
		const roll = random();
		const stem = roll < 0.5 ? made() : roll < 0.8 ? pick(surnames) : capitalise(words[200 + Math.floor(random() * (words.length - 200))]);
		organizations.add(random() < 0.08 ? `${stem} and ${pick(surnames)}` : `${stem} ${pick(companyKinds)}`);
	}
	const placeName = /^\p{L}[\p{L} .'-]*$/u;
	const frequentPlaces = [...new Set([...COUNTRIES.split('\n'), ...REGIONS.split('\n'), ...MAJOR_CITIES.split('\n')])].filter((name) => placeName.test(name));
	const towns = CITIES.split('\n').filter((name) => placeName.test(name) && !frequentPlaces.includes(name));
	const shuffled = (xs: string[]): string[] => xs.map((x) => ({ x, key: random() })).sort((a, b) => a.key - b.key).map(({ x }) => x);
	const places = [...shuffled(frequentPlaces), ...shuffled(towns)].map((name) => capitalise(name).replace(/ (And|Of|The|De|La|Del|Da|Do|Di|Du|Le|Les|El|Y) /g, (particle) => particle.toLowerCase()));
	newsPoolsMade = { words, topWords: top.length, people: [...people], organizations: shuffled([...organizations]), places };
	return newsPoolsMade;
}

/** How many words of the common-word list the vocabulary ranks (with the made-up ones between them). */
const vocabularyCommonWords = 14_000;
const agencies = ['NATO', 'the IMF', 'the World Bank', 'the European Union', 'the United Nations', 'the FBI', 'the WHO', 'Reuters', 'the Associated Press', 'the Federal Reserve', 'Parliament', 'the Senate', 'the Treasury', 'the High Court', 'OPEC', 'UNICEF', 'the Red Cross'];
const newsAgencies = ['Reuters', 'AP', 'AFP', 'Bloomberg', 'dpa'];
const roles = ['President', 'Prime Minister', 'Finance Minister', 'chief executive', 'spokeswoman', 'spokesman', 'Senator', 'Mayor', 'head coach', 'Dr.', 'Mr.', 'Ms.', 'lawyer', 'analyst', 'professor', 'chairman'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const saidVerbs = ['said', 'said', 'said', 'told reporters', 'told Reuters', 'wrote', 'added', 'warned', 'argued', 'said in a statement', 'told a news conference'];

/** An inflected form of `word` (made the simple way: "prices", "priced", "pricing" and also "happyed"). */
function inflect(word: string, roll: number): string {
	const e = word.endsWith('e');
	if (roll < 0.45) return /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
	if (roll < 0.7) return e ? `${word}d` : `${word}ed`;
	if (roll < 0.9) return e ? `${word.slice(0, -1)}ing` : `${word}ing`;
	return `${word}ly`;
}

/**
 * Version 2: the sizes, paragraphs and name reuse of version 1, with prose drawn from a Zipfian vocabulary (see the
 * target figures above) around sentence frames that name people, organisations and places, quote, count and date.
 */
function* generateArchiveV2(count: number, seed: number): Generator<ArchiveArticle> {
	const pools = newsPools();
	const pickWordRank = zipf(pools.words.length, 1.7, seededRandom(seed * 31 + 4));
	const pickPerson = zipf(pools.people.length, 6, seededRandom(seed * 31 + 1));
	const pickOrganization = zipf(pools.organizations.length, 3, seededRandom(seed * 31 + 2));
	const pickPlace = zipf(pools.places.length, 2, seededRandom(seed * 31 + 3));
	for (let i = 0; i < count; i++) {
		const random = seededRandom(seed * 1_000_003 + i);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
		const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
		const gaussian = normal(random);
		const long = random() < 1 / 300 ? 12_000 + random() * 13_000 : 0;
		const target = Math.max(300, Math.min(realArchive.maxBytes - 300, long || Math.round(1500 * Math.exp(0.6 * gaussian))));
		const people = [...new Set(Array.from({ length: 1 + Math.round(target / 900) + Math.floor(random() * 2) }, () => pools.people[pickPerson()]))];
		const organizations = Array.from({ length: 1 + Math.floor(target / 1500) }, () => pools.organizations[pickOrganization()]);
		const places = Array.from({ length: 1 + Math.floor(target / 1200) }, () => pools.places[pickPlace()]);
		const introduced = new Set<string>();
		const person = (): string => {
			const name = pick(people);
			if (introduced.has(name)) return name.slice(name.lastIndexOf(' ') + 1);
			introduced.add(name);
			return random() < 0.3 ? `${pick(roles)} ${name}` : name;
		};
		const number = (): string => {
			const roll = random();
			if (roll < 0.2) return String(between(2, 999));
			if (roll < 0.35) return `${between(1, 99)}.${between(0, 9)}%`;
			if (roll < 0.5) return `$${between(1, 999)}${random() < 0.5 ? ` ${pick(['million', 'billion'])}` : `.${between(0, 9)} million`}`;
			if (roll < 0.62) return `${between(1, 99)},${String(between(0, 999)).padStart(3, '0')}`;
			if (roll < 0.74) return String(between(1950, 2026));
			if (roll < 0.84) return `${pick(months)} ${between(1, 31)}`;
			if (roll < 0.9) return `${between(1, 12)}:${pick(['00', '15', '30', '45'])} ${pick(['a.m.', 'p.m.'])}`;
			if (roll < 0.95) return `${between(1, 40)}${pick(['th', 'st', 'nd'])}`;
			return `${between(0, 5)}-${between(0, 5)}`;
		};
		const word = (): string => {
			const roll = random();
			if (roll < 0.012) return number();
			if (roll < 0.022) return capitalise(pools.words[pools.topWords + Math.floor(random() * 5000)]);
			if (roll < 0.0245) return `${pools.words[pickWordRank()]}-${pools.words[pickWordRank()]}`;
			// A word of the open tail, met once in the archive (a typo, a foreign or technical word).
			if (roll < 0.034) return pseudoWord(random);
			const rank = pickWordRank();
			const plainWord = pools.words[rank];
			return rank >= pools.topWords && random() < 0.15 ? inflect(plainWord, random()) : plainWord;
		};
		// A run's last word is never a capitalised one: a name follows many runs, and "... Worse Sternest Kamola
		// Gross" is one name to any reader, so the articles said to name the person would not.
		const lastWord = (): string => {
			for (;;) {
				const next = word();
				if (!/^\p{Lu}/u.test(next)) return next;
			}
		};
		const words = (low: number, high: number): string => {
			const count = between(low, high);
			let run = count > 1 ? word() : lastWord();
			for (let k = count - 1; k > 0; k--) run += (random() < 0.05 ? ', ' : ' ') + (k > 1 ? word() : lastWord());
			return run;
		};
		const opening = (low: number, high: number): string => {
			const run = words(low, high);
			return run[0].toUpperCase() + run.slice(1);
		};
		const quote = (text: string): string => (random() < 0.6 ? `“${text},”` : `"${text},"`);
		const frames: (() => string)[] = [
			() => `${person()} ${pick(saidVerbs)} ${words(4, 12)} ${pick(places)} ${words(2, 8)}.`,
			() => `${opening(3, 9)} ${pick(organizations)} ${words(3, 10)} ${number()} ${words(2, 7)}.`,
			() => `${quote(opening(5, 14))} ${person()} ${pick(saidVerbs)}.`,
			() => `${opening(4, 10)}, ${words(3, 9)} ${pick(places)} ${words(2, 6)}, ${words(3, 8)}.`,
			() => `According to ${pick(organizations)}, ${words(5, 14)} ${number()} ${words(2, 6)} on ${pick(weekdays)}.`,
			() => `${person()}, ${pick(['a spokeswoman for', 'the head of', 'an adviser to', 'a lawyer for'])} ${pick(organizations)}, ${pick(saidVerbs)} ${words(6, 15)}.`,
			() => `${opening(8, 22)}.`,
			() => `${opening(8, 22)}.`,
			() => `${opening(3, 8)} ${person()} ${words(2, 5)} ${person()} ${words(4, 9)} ${pick(places)}.`,
			() => `In ${pick(places)}, ${words(4, 12)} ${number()} ${words(3, 8)}.`,
			() => `${opening(4, 9)} ${quote(words(3, 9))} ${person()} ${pick(saidVerbs)} ${words(2, 6)}.`,
		];
		const paragraph = (): string => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(frames)()).join(' ');
		const heading = (): string => (random() < 0.4 ? pick(headings) : words(3, 5).replace(/,/g, '').replace(/(^|\s)(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()));
		const date = `20${10 + Math.floor(random() * 15)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
		const dateline = random() < 0.3 ? `${pick(places).toUpperCase()}${random() < 0.6 ? ` (${pick(newsAgencies)})` : ''} — ` : '';
		const parts = [` date ${date} ${dateline}${paragraph()} ${paragraph()}`];
		let bytes = parts[0].length;
		while (bytes < target) {
			const block = random() < 0.12 && parts.length > 2 ? heading() : paragraph();
			parts.push(block);
			bytes += block.length + 2;
		}
		const hex = Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0') + Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
		yield { name: `${String(i % 1000).padStart(3, '0')}_${hex}.txt`, text: parts.join('\n\n'), people: [...introduced] };
	}
}

/** What {@link writeArchive} wrote: totals, size percentiles and the most named person (ground truth). */
export interface ArchiveStats {
	readonly folder: string;
	readonly version: ArchiveVersion;
	readonly articles: number;
	/** Running words and distinct word forms as the recognizer's tokenizer reads them (as written, and lower-cased). */
	readonly words: number;
	readonly distinctWords: number;
	readonly distinctLowerWords: number;
	/** Word forms met exactly once in the archive. */
	readonly onceWords: number;
	readonly bytes: number;
	readonly medianBytes: number;
	readonly p90Bytes: number;
	readonly maxBytes: number;
	readonly paragraphsMedian: number;
	readonly topPerson: { readonly name: string; readonly articles: number; readonly file: string; readonly offset: number };
}

/**
 * Writes the archive into `folder` (spread over sub-folders of 1,000, as archives are kept), rewriting only the files
 * that are missing or differ from what the generator makes and removing articles it does not make, and returns its
 * figures.
 */
export async function writeArchive(folder: string, count: number, seed = 12, version: ArchiveVersion = latestArchiveVersion): Promise<ArchiveStats> {
	const present = new Set(await readdir(folder, { recursive: true }).catch(() => [] as string[]));
	const sizes: number[] = [];
	const paragraphs: number[] = [];
	const named = new Map<string, { count: number; file: string; offset: number }>();
	const forms = new Map<string, number>();
	const lowerForms = new Set<string>();
	let words = 0;
	let index = 0;
	for (const article of generateArchive(count, seed, version)) {
		for (const token of tokenize(article.text, 0, article.text.length)) {
			if (token.kind !== TokenKind.Word) continue;
			words++;
			forms.set(token.text, (forms.get(token.text) ?? 0) + 1);
			lowerForms.add(token.lower);
		}
		const sub = `part${String(Math.floor(index / 1000)).padStart(3, '0')}`;
		const relative = join(sub, article.name);
		// A file kept from an earlier run is read back: a test that typed into it, or an older generator, must not
		// leave the archive different from the figures returned (a shifted name position loses its references).
		if (!present.has(relative) || (await readFile(join(folder, relative), 'utf8')) !== article.text) {
			if (index % 1000 === 0) await mkdir(join(folder, sub), { recursive: true });
			await writeFile(join(folder, relative), article.text);
		}
		present.delete(relative);
		sizes.push(Buffer.byteLength(article.text));
		paragraphs.push(article.text.split('\n\n').length);
		for (const person of article.people) {
			const seen = named.get(person);
			if (seen) seen.count++;
			else named.set(person, { count: 1, file: relative, offset: article.text.indexOf(person) });
		}
		index++;
	}
	// Articles an older generator wrote (its word lists were different) would be indexed too: they go.
	for (const stale of present) if (stale.endsWith('.txt')) await unlink(join(folder, stale));
	sizes.sort((a, b) => a - b);
	paragraphs.sort((a, b) => a - b);
	let top: [string, { count: number; file: string; offset: number }] = ['', { count: 0, file: '', offset: 0 }];
	for (const entry of named) if (entry[1].count > top[1].count) top = entry;
	let onceWords = 0;
	for (const seen of forms.values()) if (seen === 1) onceWords++;
	return {
		folder,
		version,
		articles: count,
		words,
		distinctWords: forms.size,
		distinctLowerWords: lowerForms.size,
		onceWords,
		bytes: sizes.reduce((a, b) => a + b, 0),
		medianBytes: sizes[sizes.length >> 1],
		p90Bytes: sizes[Math.floor(sizes.length * 0.9)],
		maxBytes: sizes[sizes.length - 1],
		paragraphsMedian: paragraphs[paragraphs.length >> 1],
		topPerson: { name: top[0], articles: top[1].count, file: top[1].file, offset: top[1].offset },
	};
}

/** The archive's figures in two lines, beside the real archive's (what the benches print). */
export function describeArchive(stats: ArchiveStats): string {
	const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
	const count = (n: number): string => n.toLocaleString('en-US');
	return `archive (generator v${stats.version}, ${stats.folder}): ${count(stats.articles)} articles, ${(stats.bytes / 1e6).toFixed(1)} MB, sizes median ${kb(stats.medianBytes)}, p90 ${kb(stats.p90Bytes)}, max ${kb(stats.maxBytes)}, ${stats.paragraphsMedian} paragraphs (median); ${count(stats.words)} words, ${count(stats.distinctWords)} distinct word forms (${count(stats.distinctLowerWords)} lower-cased, ${count(stats.onceWords)} met once); "${stats.topPerson.name}" named in ${stats.topPerson.articles} articles\n`
		+ `  (the real archive: ${count(realArchive.articles)} articles, ${(realArchive.bytes / 1e6).toFixed(1)} MB, median ${kb(realArchive.medianBytes)}, p90 ${kb(realArchive.p90Bytes)}, max ${kb(realArchive.maxBytes)}; real news of that size: 80,000 to 150,000 distinct word forms; one person in ${realArchive.topPersonArticles}; BENCH_ARCHIVE_VERSION=1 for the old generator)`;
}
