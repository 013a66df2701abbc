// A generated news archive shaped like the held-out one of issue 12 (6,376 real articles, 12.9 MB): article sizes
// log-normal with median 1.7 KB and p90 3.6 KB, capped at 25 KB; one-line paragraphs of one to four sentences
// with a heading now and then; people, organizations and places drawn from pools with Zipf-like reuse across
// articles (the most named person in ~5% of them, 337 of 6,376), a full name first and the surname after, as
// news writes them. Deterministic (seeded), offline: the same archive for the same arguments on every machine.
import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIRST_NAMES, SURNAMES } from '../../src/core/entities/data/names';
import { COUNTRIES, MAJOR_CITIES } from '../../src/core/entities/data/places';
import { seededRandom } from './seededRandom';

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
export function* generateArchive(count: number, seed = 12): Generator<ArchiveArticle> {
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

/** What {@link writeArchive} wrote: totals, size percentiles and the most named person (ground truth). */
export interface ArchiveStats {
	readonly folder: string;
	readonly articles: number;
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
export async function writeArchive(folder: string, count: number, seed = 12): Promise<ArchiveStats> {
	const present = new Set(await readdir(folder, { recursive: true }).catch(() => [] as string[]));
	const sizes: number[] = [];
	const paragraphs: number[] = [];
	const named = new Map<string, { count: number; file: string; offset: number }>();
	let index = 0;
	for (const article of generateArchive(count, seed)) {
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
	return {
		folder,
		articles: count,
		bytes: sizes.reduce((a, b) => a + b, 0),
		medianBytes: sizes[sizes.length >> 1],
		p90Bytes: sizes[Math.floor(sizes.length * 0.9)],
		maxBytes: sizes[sizes.length - 1],
		paragraphsMedian: paragraphs[paragraphs.length >> 1],
		topPerson: { name: top[0], articles: top[1].count, file: top[1].file, offset: top[1].offset },
	};
}
