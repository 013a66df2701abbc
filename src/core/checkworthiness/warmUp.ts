/**
 * Warming the scorer up before the first article of a session. The first article is otherwise scored by code
 * the JIT has not optimised yet, with each feature's regular expression compiled and ICU's sentence rules loaded
 * on first use: a 1 MB article then takes four to five times the CPU of the next one. {@link warmUpSteps} runs
 * the editor's own path (parse, the blocks on screen, the whole article in steps, the hints selected) over
 * generated articles, in steps small enough for a host to run in idle slices of a few milliseconds.
 */
import { parseSeed } from '../seed/seedParser';
import type { Steps } from '../text/steps';
import { splitSentences } from '../seed/sentences';
import { selectHints } from './hints';
import { BlockScoreCache, scoreBlocksIn, scoreDocumentSteps, scoreText } from './scorer';

/**
 * Sentences shaped like news, between them firing every feature's cue (figures, money, dates, comparisons,
 * records, changes, causes, attributions, acts, laws, names; opinions, promises, hedges, questions, greetings).
 * `n` varies the numbers so that no two paragraphs of a round are alike (the score cache is per paragraph text).
 */
const templates: readonly ((n: number) => string)[] = [
	(n) => `Exports rose to ${n}.5 million tonnes last year, more than in any year since ${1990 + (n % 30)}.`,
	(n) => `Unemployment fell to ${n % 9}.${n % 7} percent in March because of the stimulus, the minister said.`,
	(n) => `The government spent $${n + 3} billion on roads, the largest sum in a decade, according to the ministry.`,
	(n) => `Crime has doubled since ${2000 + (n % 20)} and is now higher than at any time on record.`,
	(n) => `Senator Maria Ortega voted against the bill ${n % 12 + 2} times, and the law was passed on Jan. ${n % 28 + 1}.`,
	(n) => `For the first time, ${n * 100 + 40} workers at Northwind Energy Corp. went on strike over wages and taxes.`,
	(n) => `Half of the ${n},000 refugees arrived in the U.S. ${n % 9 + 2} years ago, the report found.`,
	(n) => `Prices went up ${n % 40 + 1}% after the tariffs led to shortages in ${n % 2 ? 'Brussels' : 'Nairobi'}.`,
	() => 'I think we should thank everyone here tonight.',
	() => 'We will make this country great again, and I promise we will fight for you.',
	() => 'It may perhaps be too early to say, some analysts suggest.',
	(n) => `What did the ${n % 3 ? 'council' : 'committee'} decide about the budget?`,
	() => 'Thank you very much, and good evening.',
	(n) => `“It is a turning point,” Dr. Helen Marsh told reporters, adding that ${n % 900 + 100} jobs were at stake 📉.`,
	(n) => `The minister announced that taxes would rise by ${n % 5 + 1} points, and she said that the plan had not failed!`,
	() => 'Murders are up.',
	(n) => `In a place like Chicago, thousands of people have been killed over the last number of years, almost ${n % 4 + 2} thousand since the president took office, and the council has not said what it will do about it.`,
];

/**
 * A generated seed article for round `round`: a dateline and lead, then `paragraphs` paragraphs of four or five
 * of the sentences above and a heading now and then. Deterministic; about 360 characters per paragraph.
 */
export function warmUpArticle(round: number, paragraphs: number): string {
	const blocks = [` date 2024-03-16 ${templates[round % templates.length](round)}`];
	let k = round * 7;
	for (let p = 0; p < paragraphs; p++) {
		if (p % 8 === 7) blocks.push(`Trade Figures ${round}-${p}`);
		const sentences: string[] = [];
		for (let s = 0; s < 4 + (p % 2); s++, k++) sentences.push(templates[k % templates.length](round * 1000 + p * 10 + s));
		blocks.push(sentences.join(' '));
	}
	return blocks.join('\n\n');
}

/**
 * The warm-up the editor runs, shared with the benchmark that measured it (bench/checkworthiness.bench.ts): 20
 * generated articles of 30 paragraphs (about 220 KB, 2,720 sentences; fewer left the first 1 MB article slower
 * than the second, more gained nothing), in slices of at most 4 ms with 5 ms pauses between them.
 */
export const warmUpPlan = { rounds: 20, paragraphs: 30, sliceMs: 4, pauseMs: 5 } as const;

/** How much a warm-up did: what {@link warmUpSteps} returns. */
export interface WarmUpWork {
	readonly rounds: number;
	readonly characters: number;
	readonly sentences: number;
}

/**
 * First loads ICU's sentence rules (one short split) and compiles the features' patterns (one sentence of each
 * template per step), the costly first uses, each in a step of its own; then scores `rounds` generated articles
 * of `paragraphs` paragraphs each as the editor scores an article it opens: parse, the blocks of the first
 * screen at once, the whole article through {@link scoreDocumentSteps} with a fresh cache, and the hints above
 * `threshold` selected. Yields after the parse, the screen and every `sliceChars` characters of paragraphs, so
 * that each step stays short even while the code is cold.
 */
export function* warmUpSteps(rounds: number, paragraphs: number, threshold: number, sliceChars = 1_000): Steps<WarmUpWork> {
	const first = templates[0](1);
	splitSentences(`${first} ${first}`, 0, first.length * 2 + 1);
	yield;
	for (const template of templates) {
		scoreText(template(1));
		yield;
	}
	let characters = 0;
	let sentences = 0;
	for (let round = 0; round < rounds; round++) {
		const text = warmUpArticle(round, paragraphs);
		const doc = parseSeed(text);
		yield;
		const cache = new BlockScoreCache();
		scoreBlocksIn(doc, { start: 0, end: 1_500 }, cache);
		yield;
		const scores = yield* scoreDocumentSteps(doc, cache, sliceChars);
		selectHints(text, scores, threshold, [], new Set());
		characters += text.length;
		sentences += scores.length;
		yield;
	}
	return { rounds, characters, sentences };
}
