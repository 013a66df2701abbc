// Generated seed articles for the benchmarks: deterministic, offline, and shaped like real seed files
// (dateline and lead on line 1, headings, one-line paragraphs, quotes, numbers, names, abbreviations, emoji).
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../test/support/seededRandom';

const people = ['Maria Ortega-Lindqvist', 'Kim Jong-un', 'Vladimir Putin', 'Amara Okafor', 'José Álvarez', 'Chen Wei', 'Dr. Helen Marsh', 'Mr. Tomas Berg'];
const organizations = ['the European Central Bank', 'the World Health Organization', 'the UN Security Council', 'Northwind Energy Corp.', 'the Ministry of Finance', 'Reuters'];
const places = ['Pyongyang', 'Moscow', 'Brussels', 'São Paulo', 'the Korean Peninsula', 'Nairobi', 'the U.S.', 'Lagos'];
const cues = ['said', 'told reporters', 'announced', 'according to officials', 'reported', 'confirmed'];
const hedges = ['reportedly', 'allegedly', 'could', 'may', 'might', 'analysts speculate that it', 'sources say it'];
const headings = ['Symbol of Deepening Ties', 'Implications for Global Diplomacy', 'Monitoring and Responses', 'Budget Talks Stall Again', 'A Long Road to Recovery', 'What Comes Next', 'Markets React Calmly'];
const templates: ((pick: <T>(xs: readonly T[]) => T, n: () => number) => string)[] = [
	(p, n) => `${p(people)} ${p(cues)} on Jan. ${n() % 28 + 1} that ${p(organizations)} would spend $${n() % 90 + 1}.${n() % 10} billion in ${p(places)}.`,
	(p, n) => `“We ${p(hedges)} see a ${n() % 40 + 1}% rise this year,” ${p(people)} ${p(cues)}.`,
	(p) => `The decision, which ${p(hedges)} reshape talks in ${p(places)}, drew criticism from ${p(organizations)}.`,
	(p, n) => `"It is 'a turning point' for ${p(places)}," ${p(people)} said, adding that ${n() % 900 + 100} jobs were at stake.`,
	(p) => `Officials in ${p(places)} ${p(hedges)} delay the vote until March 16, 2024, while ${p(people)}'s office declined to comment.`,
	(p, n) => `Shares of ${p(organizations)} fell ${n() % 9 + 1}.${n() % 10}% after the U.S. regulator ${p(cues)} new rules 📉.`,
	(p) => `Literal markup such as *stars*, # hashes, > arrows, [links](x) and <tags> stays plain text in ${p(places)}.`,
];

/** Returns a seed article of about `approxChars` UTF-16 units, the same text for the same arguments. */
export function generateSeedText(approxChars: number, seed = 1): string {
	const random = seededRandom(seed);
	const next = () => Math.floor(random() * 2 ** 32);
	const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length];
	const sentence = () => pick(templates)(pick, next);
	const paragraph = () => Array.from({ length: 3 + (next() % 4) }, sentence).join(' ');
	const parts: string[] = [` date 2024-03-16 ${paragraph()}`];
	let length = parts[0].length;
	while (length < approxChars) {
		const block = next() % 4 === 0 ? pick(headings) : paragraph();
		parts.push(block);
		length += block.length + 2;
	}
	return parts.join('\n\n');
}

/** Writes (once) and returns the path of a generated seed article of about `megabytes` MB. */
export async function seedCorpusFile(megabytes: number): Promise<string> {
	// Resolved here, not at load: the VS Code benchmarks bundle this module as CommonJS, without import.meta.
	const dataDir = join(dirname(fileURLToPath(import.meta.url)), '.data');
	const path = join(dataDir, `bench-${megabytes}mb.txt`);
	const exists = await stat(path).then(() => true, () => false);
	if (!exists) {
		await mkdir(dataDir, { recursive: true });
		await writeFile(path, generateSeedText(megabytes * 1_000_000));
	}
	return path;
}
