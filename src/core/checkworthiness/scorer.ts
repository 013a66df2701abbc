/**
 * Check-worthiness scores: a logistic model over the named features of features.ts, with the weights learned
 * by scripts/trainCheckworthy.ts (weights.ts). A sentence's score is in [0, 1]; its reasons are the fired
 * features whose learned weight raised the score, strongest first, each with the text that fired it.
 */
import type { ParagraphBlock, SeedDocument, Span } from '../seed/seedDocument';
import { splitSentences } from '../seed/sentences';
import { detectFeatures, features, type FiredFeature } from './features';
import { checkworthinessModel } from './weights';

/** The learned model: one weight per feature (in the order of {@link features}), a bias and a default threshold. */
export interface CheckworthinessModel {
	readonly featureIds: readonly string[];
	readonly weights: readonly number[];
	readonly bias: number;
	/** The default threshold above which a sentence is called check-worthy (chosen on the training data). */
	readonly threshold: number;
}

/** Why a sentence scored high: a feature that raised its score, with the text that fired it. */
export interface Reason {
	readonly feature: string;
	readonly label: string;
	/** The sentence's text that fired the feature; absent for features of the whole sentence (length). */
	readonly text?: string;
	/** Weight times value: how much the feature added to the log-odds. */
	readonly contribution: number;
}

/** A sentence's check-worthiness. */
export interface SentenceScore extends Span {
	/** Probability-like score in [0, 1]. */
	readonly score: number;
	/** The features that raised the score, strongest first. */
	readonly reasons: readonly Reason[];
}

/** Throws unless `model` was trained for the current feature list (a stale weights.ts is a build error, not a wrong score). */
export function checkModel(model: CheckworthinessModel): void {
	const ids = features.map((f) => f.id);
	if (model.featureIds.length !== ids.length || model.featureIds.some((id, i) => id !== ids[i]) || model.weights.length !== ids.length) {
		throw new Error('check-worthiness weights do not match the feature list; run scripts/trainCheckworthy.ts');
	}
}

checkModel(checkworthinessModel);

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

/**
 * The score and reasons of one sentence's text (no offsets). Pure; equal text gives equal results. A reason
 * whose text lies inside another reason's text is left out ("a number: 4.5 million" beside "a figure: 4.5
 * million tonnes"); it still counts in the score.
 */
export function scoreText(sentence: string, model: CheckworthinessModel = checkworthinessModel): { score: number; reasons: Reason[] } {
	const reasons: Reason[] = [];
	const score = scoreTextInto(sentence, (index, start, end, contribution) => {
		const feature = features[index];
		reasons.push(start < 0
			? { feature: feature.id, label: feature.label, contribution }
			: { feature: feature.id, label: feature.label, text: sentence.slice(start, end), contribution });
	}, model);
	return { score, reasons };
}

/**
 * Where {@link scoreTextInto} puts a sentence's reasons: the feature's index in {@link features}, the offsets of
 * the reason's text in the sentence (-1, -1 for a reason shown without text) and its contribution.
 */
export type ReasonSink = (featureIndex: number, start: number, end: number, contribution: number) => void;

/**
 * {@link scoreText} without objects, for the scoring worker, which sends numbers: hands each reason to `sink`,
 * strongest first (the order and the reasons of {@link scoreText}, which is built on it), and returns the score.
 */
export function scoreTextInto(sentence: string, sink: ReasonSink, model: CheckworthinessModel = checkworthinessModel): number {
	let logit = model.bias;
	const fired = detectFeatures(sentence);
	// The fired features that raised the score, as indices into `fired` (few: a dozen at most in practice).
	const raised: number[] = [];
	for (let i = 0; i < fired.length; i++) {
		const { index, hit } = fired[i];
		const contribution = model.weights[index] * hit.value;
		logit += contribution;
		if (contribution > 0) raised.push(i);
	}
	const kept: number[] = [];
	for (const r of raised) {
		const { hit } = fired[r];
		if (!(hit.end > hit.start && isCovered(fired, raised, r, model))) kept.push(r);
	}
	// Stable: equal contributions keep the order of the features.
	const contributionOf = (r: number): number => model.weights[fired[r].index] * fired[r].hit.value;
	if (kept.length > 1) kept.sort((a, b) => contributionOf(b) - contributionOf(a));
	for (const r of kept) {
		const { index, hit } = fired[r];
		const withText = features[index].showsText && hit.end > hit.start;
		sink(index, withText ? hit.start : -1, withText ? hit.end : -1, contributionOf(r));
	}
	return sigmoid(logit);
}

/** Whether another raised reason's text holds the text of `fired[r]` and is longer or weighs more. */
function isCovered(fired: readonly FiredFeature[], raised: readonly number[], r: number, model: CheckworthinessModel): boolean {
	const { index, hit } = fired[r];
	const contribution = model.weights[index] * hit.value;
	for (const o of raised) {
		if (o === r) continue;
		const other = fired[o];
		if (other.hit.start <= hit.start && hit.end <= other.hit.end
			&& (other.hit.end - other.hit.start > hit.end - hit.start || model.weights[other.index] * other.hit.value > contribution)) return true;
	}
	return false;
}

/** A reason in words: "a figure: 4.5 million tonnes", or the label alone for a feature of the whole sentence. */
export function reasonInWords(reason: Reason): string {
	return reason.text === undefined ? reason.label : `${reason.label}: ${reason.text}`;
}

/** The reasons of a score joined in words: "a figure: 4.5 million tonnes; a comparison: more than". */
export function reasonsInWords(reasons: readonly Reason[]): string {
	return reasons.map(reasonInWords).join('; ');
}

/** A block's scores as cached: offsets into the document where the block started when they were made. */
interface CachedBlock {
	readonly start: number;
	readonly scores: readonly SentenceScore[];
}

/**
 * Scores of a text block's sentences, cached by the block's text so that typing in one paragraph rescores only
 * that paragraph. A block that has not moved gets the very objects of the last pass (nothing allocated); a moved
 * one gets them shifted, and the cache keeps the shifted ones. Each full pass over a document
 * ({@link scoreDocument}, {@link scoreDocumentSteps}) starts a generation: entries not used since the previous
 * pass are dropped, so the cache never outgrows the document it serves.
 */
export class BlockScoreCache {
	private current = new Map<string, CachedBlock>();
	private previous = new Map<string, CachedBlock>();

	/** Begins a full pass over a document: entries unused since the previous pass go at the next one. */
	beginPass(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	/**
	 * The scores of the sentences of the block `[start, end)` of `text`, with offsets into `text`. `sentences`,
	 * when given, are the block's sentence spans in `text` (the parser's), which saves splitting again; the
	 * sentence splitter depends only on the block's characters, so the cached result is the same either way.
	 */
	scoresOf(text: string, start: number, end: number, sentences?: () => readonly Span[]): readonly SentenceScore[] {
		const blockText = text.slice(start, end);
		let cached = this.current.get(blockText) ?? this.previous.get(blockText);
		if (!cached) {
			cached = {
				start,
				scores: (sentences ? sentences() : splitSentences(text, start, end)).map((span) => {
					const { score, reasons } = scoreText(text.slice(span.start, span.end));
					return { start: span.start, end: span.end, score, reasons };
				}),
			};
		} else if (cached.start !== start) {
			const delta = start - cached.start;
			cached = { start, scores: cached.scores.map((s) => ({ start: s.start + delta, end: s.end + delta, score: s.score, reasons: s.reasons })) };
		}
		this.current.set(blockText, cached);
		return cached.scores;
	}
}

function scoreBlock(doc: SeedDocument, block: ParagraphBlock, cache: BlockScoreCache, out: SentenceScore[]): void {
	for (const s of cache.scoresOf(doc.text, block.start, block.end, () => block.sentences)) out.push(s);
}

/**
 * The scores of every sentence of the lead and the paragraphs of `doc` (not headings, not the dateline), in
 * document order, with offsets into `doc.text`. With a cache, unchanged blocks are not rescored.
 */
export function scoreDocument(doc: SeedDocument, cache: BlockScoreCache = new BlockScoreCache()): SentenceScore[] {
	const steps = scoreDocumentSteps(doc, cache);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * How long the editor lets {@link scoreDocumentSteps} run before it gives the extension host's thread back (ms):
 * short enough for keystrokes to wait little, long enough for the yields to cost little.
 */
export const hostSliceBudgetMs = 12;

/**
 * {@link scoreDocument} as steps: yields after about `sliceChars` characters of blocks, so that an editor can
 * give the thread back between slices (core/entities' `runSliced`, which runs steps until its time budget is
 * spent). 8,000 characters take under 1 ms once the code is optimised and about 10 ms in the first article of
 * a session, when it is not yet, so that even then no step outlasts the host's slice budget by much.
 */
export function* scoreDocumentSteps(doc: SeedDocument, cache: BlockScoreCache, sliceChars = 8_000): Generator<void, SentenceScore[]> {
	cache.beginPass();
	const out: SentenceScore[] = [];
	let done = 0;
	for (const block of doc.blocks) {
		if (block.kind !== 'paragraph') continue;
		scoreBlock(doc, block, cache, out);
		done += block.end - block.start;
		if (done >= sliceChars) {
			done = 0;
			yield;
		}
	}
	return out;
}

/**
 * The scores of the sentences of the blocks that overlap `range` (for the part of an article on screen, ready
 * before the whole is). Same results as {@link scoreDocument} for those sentences; shares its cache.
 */
export function scoreBlocksIn(doc: SeedDocument, range: Span, cache: BlockScoreCache): SentenceScore[] {
	const out: SentenceScore[] = [];
	let low = 0;
	let high = doc.blocks.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (doc.blocks[mid].end <= range.start) low = mid + 1;
		else high = mid;
	}
	for (let i = low; i < doc.blocks.length && doc.blocks[i].start < range.end; i++) {
		const block = doc.blocks[i];
		if (block.kind === 'paragraph') scoreBlock(doc, block, cache, out);
	}
	return out;
}
