/**
 * The entities of one article, ready for the editor features: recognized in block-aligned slices (so that a host
 * can yield between slices), grouped, and indexed by offset for O(log n) lookups (hover, highlights, definition).
 */
import { groupEntitiesSteps, recognizeEntities, type Entity, type EntityMention, type UserLexicon } from './index';
import { parseSeed } from '../seed/seedParser';
import type { SeedDocument, Span } from '../seed/seedDocument';
import { spanAt } from '../text/spanAt';
import { sortSteps } from '../text/sortSteps';
import { drainSteps, type Steps } from '../text/steps';

/** A heading of the article, with its text. */
export interface ArticleHeading extends Span {
	readonly name: string;
}

/** One mention in the flat offset index: its span and the index of its entity in `ArticleEntities.entities`. */
export interface IndexedMention extends Span {
	readonly entity: number;
}

/** The analysed article. `mentions` is sorted by `start`, without overlaps, and every entry points at an entity. */
export interface ArticleEntities {
	readonly entities: readonly Entity[];
	readonly mentions: readonly IndexedMention[];
	readonly headings: readonly ArticleHeading[];
}

/** Slices are about this many UTF-16 units (~5 ms of recognition), always cut at a block boundary. */
export const defaultSliceChars = 16_000;

/**
 * The analysis as a generator that yields after every slice of about `sliceChars` characters, so that the caller
 * decides when to give the thread back (see {@link runSliced}). Slices end at block boundaries, so a name is
 * never cut in two; recognition per slice may type a rare name differently than a whole-text run would (the
 * recognizer's document-level vote sees one slice at a time), which is why articles up to one slice are
 * recognized whole. Never throws on any text.
 */
export function* analyzeArticleSteps(text: string, lexicon?: UserLexicon, doc?: SeedDocument, sliceChars = defaultSliceChars): Generator<void, ArticleEntities> {
	const { entities, headings } = yield* groupedEntitiesSteps(text, lexicon, doc, sliceChars);
	const indexed = yield* indexMentionsSteps(entities);
	return { entities, mentions: indexed, headings };
}

/**
 * {@link analyzeArticleSteps} without the offset index of the mentions: the entities and headings, all that a
 * summary for the workspace index keeps (see indexedArticle.ts).
 */
export function* groupedEntitiesSteps(text: string, lexicon?: UserLexicon, doc?: SeedDocument, sliceChars = defaultSliceChars): Generator<void, Pick<ArticleEntities, 'entities' | 'headings'>> {
	const seed = doc ?? parseSeed(text);
	const mentions: EntityMention[] = [];
	let from = 0;
	for (const block of seed.blocks) {
		// A huge paragraph is cut inside too, after the end of a sentence, so that no slice is much longer.
		for (let cut = sentenceCut(text, from + sliceChars, block.end, sliceChars); cut > 0; cut = sentenceCut(text, from + sliceChars, block.end, sliceChars)) {
			mentions.push(...recognizeEntities(text, { start: from, end: cut, lexicon }));
			from = cut;
			yield;
		}
		if (block.end - from >= sliceChars) {
			mentions.push(...recognizeEntities(text, { start: from, end: block.end, lexicon }));
			from = block.end;
			yield;
		}
	}
	if (from < text.length) {
		mentions.push(...recognizeEntities(text, { start: from, end: text.length, lexicon }));
		yield;
	}
	const entities = yield* groupEntitiesSteps(mentions, text, lexicon);
	yield;
	const headings = seed.blocks.filter((block) => block.kind === 'heading').map((block) => ({ start: block.start, end: block.end, name: text.slice(block.start, block.end) }));
	return { entities, headings };
}

// The end of a sentence no name runs across: a word of four or more lower-case letters (no abbreviation such as
// "Gen." or "St."), its final punctuation, blanks, then a capital.
const sentenceEnd = /\p{Ll}{4}[.!?]\s+(?=\p{Lu})/gu;

// A stretch this long without a blank (a run without spaces, base64, hostile input) has no name across its middle,
// and one cut before a lower-case letter inside a word starts no name either (what recognition sees at a slice start).
const blankFree = /\S{256}/u;
const insideWord = /\p{L}\p{Ll}/gu;

/**
 * The offset after the first sentence end at or after `at` and before `end`, looked for within `reach` characters
 * only; where there is none, a place inside a word in the middle of the first 256 characters without a blank (so
 * that a huge run without spaces is not one slice either); -1 when there is neither.
 */
function sentenceCut(text: string, at: number, end: number, reach: number): number {
	if (at >= end) return -1;
	const window = text.slice(Math.max(0, at - 8), Math.min(end, at + reach));
	sentenceEnd.lastIndex = 0;
	const found = sentenceEnd.exec(window);
	if (found) return Math.max(0, at - 8) + found.index + found[0].length;
	const run = blankFree.exec(window);
	if (!run) return -1;
	insideWord.lastIndex = run.index + 128;
	const word = insideWord.exec(window);
	if (!word || word.index + word[0].length > run.index + run[0].length) return -1;
	// Just before the lower-case letter (after the letter, which may take two UTF-16 units).
	const cut = Math.max(0, at - 8) + word.index + ((word[0].codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
	return cut < end ? cut : -1;
}

/** The whole analysis at once (command line, tests, small texts). */
export function analyzeArticle(text: string, lexicon?: UserLexicon, doc?: SeedDocument): ArticleEntities {
	return drainSteps(analyzeArticleSteps(text, lexicon, doc));
}

/** The flat, sorted offset index of the entities' mentions; overlapping later mentions are dropped. */
export function indexMentions(entities: readonly Entity[]): IndexedMention[] {
	return drainSteps(indexMentionsSteps(entities));
}

/** {@link indexMentions} as steps: 50,000 names make about 100,000 mentions to sort. */
function* indexMentionsSteps(entities: readonly Entity[]): Steps<IndexedMention[]> {
	const all: IndexedMention[] = [];
	entities.forEach((entity, index) => {
		for (const mention of entity.mentions) {
			all.push({ start: mention.start, end: mention.end, entity: index });
		}
	});
	yield* sortSteps(all, (a, b) => a.start - b.start || b.end - a.end);
	const result: IndexedMention[] = [];
	for (const mention of all) {
		if (result.length === 0 || mention.start >= result[result.length - 1].end) {
			result.push(mention);
		}
	}
	return result;
}

/**
 * The mention at `offset`: the one with `start <= offset <= end` (a cursor just after a name still finds it;
 * where two touch, the one starting at `offset` wins). Binary search.
 */
export function mentionAt(article: ArticleEntities, offset: number): IndexedMention | undefined {
	return spanAt(article.mentions, offset);
}

/** The entity whose mention covers `offset`, if any. */
export function entityAt(article: ArticleEntities, offset: number): Entity | undefined {
	const mention = mentionAt(article, offset);
	return mention === undefined ? undefined : article.entities[mention.entity];
}

/** The entity with this id (ids are `${type}:${slug}`, see `groupEntities`). */
export function entityById(article: ArticleEntities, id: string): Entity | undefined {
	return article.entities.find((entity) => entity.id === id);
}

/** What a host provides to run sliced work: a clock in ms and a way to give the thread back for a moment. */
export interface SliceHost {
	now(): number;
	yieldNow(): Promise<void>;
	/** Stop early: the result is then undefined. */
	isCancelled?(): boolean;
}

/** Longest uninterrupted stretch observed by {@link runSliced} calls that share this record. */
export interface SliceStats {
	longestMs: number;
	slices: number;
	/** The slices' time added up (the time the steps held the thread), when the record starts with it. */
	totalMs?: number;
}

/**
 * Runs a generator of steps, giving the thread back whenever `budgetMs` has passed since the last yield, so that
 * no stretch runs much longer than the budget plus one step. Returns undefined when cancelled.
 */
export async function runSliced<T>(steps: Generator<void, T>, host: SliceHost, budgetMs = 15, stats?: SliceStats): Promise<T | undefined> {
	let sliceStart = host.now();
	for (;;) {
		if (host.isCancelled?.()) {
			return undefined;
		}
		const step = steps.next();
		const now = host.now();
		if (step.done) {
			record(stats, now - sliceStart);
			return step.value;
		}
		if (now - sliceStart >= budgetMs) {
			record(stats, now - sliceStart);
			await host.yieldNow();
			sliceStart = host.now();
		}
	}
}

function record(stats: SliceStats | undefined, ms: number): void {
	if (stats) {
		stats.longestMs = Math.max(stats.longestMs, ms);
		stats.slices++;
		if (stats.totalMs !== undefined) stats.totalMs += ms;
	}
}
