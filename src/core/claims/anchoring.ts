/**
 * Re-anchoring: finds where each stored claim sits in the article's current text, on open and after a change
 * made outside VS Code (while typing, `editTracking.ts` moves the spans instead).
 *
 * Order of attempts for one claim (the W3C "position, then quote" strategy that Hypothesis also uses):
 *  1. the stored position, if the exact quote is still there;
 *  2. the stored position shifted by the displacement of the previous claim found (a paragraph inserted above
 *     moves every later claim by the same amount, so this catches most claims at O(1));
 *  3. every occurrence of the exact quote; the one whose surroundings best match the stored prefix and suffix
 *     wins, then the one nearest the expected position;
 *  4. a fuzzy match (`approx-string-match`, Myers' bit-parallel algorithm, any pattern length) with at most
 *     25% of the quote's length in edits, searched in a window around the expected position that widens
 *     eightfold until it covers the text; status 'fuzzy' with its score until the user accepts it;
 *  5. otherwise 'unanchored': the claim is kept with its old quote, never deleted.
 * The status becomes the stored anchoring state through `anchoringOf` (anchored: exact, fuzzy: changed).
 */
import search from 'approx-string-match';
import type { Span } from '../seed/seedDocument';
import { buildCodePointIndex, codePointToUtf16, snapToCodePoint, utf16ToCodePoint, type CodePointIndex } from './codePoints';
import { drainSteps, type Steps } from '../text/steps';
import { EXACT_ANCHORING, sameAnchoring, sameTarget, storedSpan, targetFromSpan, type Claim, type ClaimAnchoring, type ClaimTarget, type TextQuote } from './claimModel';

/** 'anchored': the exact quote; 'fuzzy': similar text, to be confirmed; 'unanchored': not found. */
export type AnchorStatus = 'anchored' | 'fuzzy' | 'unanchored';

/** Where a claim is in the current text. */
export interface ClaimAnchor {
	readonly status: AnchorStatus;
	/** UTF-16 span in the current text; null exactly when unanchored. */
	readonly span: Span | null;
	/** 1 when anchored, the similarity in (0, 1) when fuzzy (1 - edits / quote length), 0 when unanchored. */
	readonly score: number;
}

/** An article text prepared once per version for anchoring and for converting spans to stored positions. */
export interface ArticleText {
	readonly text: string;
	readonly index: CodePointIndex;
}

/** Tuning of the search; the defaults suit news sentences. */
export interface AnchorOptions {
	/** Most edits a fuzzy match may need, as a fraction of the quote's length. Default 0.25. */
	readonly maxErrorRatio?: number;
	/** Quotes shorter than this (UTF-16 units) are never matched fuzzily: too many false hits. Default 8. */
	readonly minFuzzyLength?: number;
}

/** The anchor of a claim that could not be found. */
export const UNANCHORED: ClaimAnchor = Object.freeze({ status: 'unanchored', span: null, score: 0 });

const DEFAULT_MAX_ERROR_RATIO = 0.25;
const DEFAULT_MIN_FUZZY_LENGTH = 8;

/** Prepares `text` (indexes its astral characters) for `anchorClaims`, `anchorTarget` and `retargetClaims`. */
export function prepareArticle(text: string): ArticleText {
	// Indexed when first needed: an article whose sidecar holds no claim never pays for it (a pass over 1 MB).
	let index: CodePointIndex | undefined;
	return {
		text,
		get index(): CodePointIndex {
			return (index ??= buildCodePointIndex(text));
		},
	};
}

function anchored(start: number, end: number): ClaimAnchor {
	return { status: 'anchored', span: { start, end }, score: 1 };
}

/** How many characters of stored context agree with the text around `[start, end)`. */
function contextScore(text: string, start: number, end: number, quote: TextQuote): number {
	let before = 0;
	const prefix = quote.prefix;
	while (before < prefix.length && before < start && prefix.charCodeAt(prefix.length - 1 - before) === text.charCodeAt(start - 1 - before)) {
		before++;
	}
	let after = 0;
	const suffix = quote.suffix;
	while (after < suffix.length && end + after < text.length && suffix.charCodeAt(after) === text.charCodeAt(end + after)) {
		after++;
	}
	return before + after;
}

/**
 * The occurrence of the exact quote whose context matches best, then the nearest to `expected`. Looks near
 * `expected` first: an occurrence there with all its stored context is the answer, since any other either
 * matches less context or lies further away; only otherwise is the whole text searched. So re-anchoring many
 * claims that each moved a little (a word inserted in every paragraph) reads the text once, not once per claim.
 */
function findExact(text: string, quote: TextQuote, expected: number): Span | null {
	const reach = 4 * quote.exact.length + 1_024;
	const near = findExactIn(text, quote, expected, Math.max(0, expected - reach), expected + reach);
	if (near.context === quote.prefix.length + quote.suffix.length) {
		return near.best;
	}
	return findExactIn(text, quote, expected, 0, text.length).best;
}

/** `findExact` over the occurrences that start in `[from, to]`, reading only that part of the text. */
function findExactIn(text: string, quote: TextQuote, expected: number, from: number, to: number): { best: Span | null; context: number } {
	const exact = quote.exact;
	const region = from === 0 && to >= text.length ? text : text.slice(from, to + exact.length);
	let best: Span | null = null;
	let bestContext = -1;
	let bestDistance = Infinity;
	for (let found = region.indexOf(exact); found !== -1; found = region.indexOf(exact, found + 1)) {
		const at = from + found;
		const context = contextScore(text, at, at + exact.length, quote);
		const distance = Math.abs(at - expected);
		if (context > bestContext || (context === bestContext && distance < bestDistance)) {
			best = { start: at, end: at + exact.length };
			bestContext = context;
			bestDistance = distance;
		}
	}
	return { best, context: bestContext };
}

function findFuzzy(text: string, quote: TextQuote, expected: number, maxErrors: number): ClaimAnchor | null {
	const exact = quote.exact;
	let radius = 2 * exact.length + 256;
	for (;;) {
		const from = snapToCodePoint(text, Math.max(0, expected - radius));
		const to = snapToCodePoint(text, Math.min(text.length, expected + exact.length + radius));
		const matches = search(text.slice(from, to), exact, maxErrors);
		if (matches.length > 0) {
			let best = matches[0];
			let bestContext = -1;
			let bestDistance = Infinity;
			for (const m of matches) {
				// All matches carry the same (lowest) error count: prefer context, then nearness.
				const context = contextScore(text, from + m.start, from + m.end, quote);
				const distance = Math.abs(from + m.start - expected);
				if (context > bestContext || (context === bestContext && distance < bestDistance)) {
					best = m;
					bestContext = context;
					bestDistance = distance;
				}
			}
			const start = snapToCodePoint(text, from + best.start);
			const end = snapToCodePoint(text, from + best.end);
			if (end > start) {
				return { status: 'fuzzy', span: { start, end }, score: 1 - best.errors / exact.length };
			}
		}
		if (from === 0 && to === text.length) {
			return null;
		}
		radius *= 8;
	}
}

/**
 * Finds one target in the article. `displacement` (code points, default 0) is added to the stored position to
 * predict where the quote went; `anchorClaims` passes the displacement of the previous claim found.
 */
export function anchorTarget(article: ArticleText, target: ClaimTarget, displacement = 0, options: AnchorOptions = {}): ClaimAnchor {
	const { text, index } = article;
	const exact = target.quote.exact;
	if (exact === '') {
		return UNANCHORED;
	}
	const stored = storedSpan(target, index);
	if (stored.end - stored.start === exact.length && text.startsWith(exact, stored.start)) {
		return anchored(stored.start, stored.end);
	}
	// Displace in code points: the stored positions count them, and the text after an emoji would otherwise be
	// predicted one unit off.
	const expected = codePointToUtf16(index, target.position.start + displacement);
	if (displacement !== 0 && text.startsWith(exact, expected)) {
		return anchored(expected, expected + exact.length);
	}
	const found = findExact(text, target.quote, expected);
	if (found) {
		return anchored(found.start, found.end);
	}
	if (exact.length < (options.minFuzzyLength ?? DEFAULT_MIN_FUZZY_LENGTH)) {
		return UNANCHORED;
	}
	const maxErrors = Math.floor(exact.length * (options.maxErrorRatio ?? DEFAULT_MAX_ERROR_RATIO));
	return findFuzzy(text, target.quote, expected, maxErrors) ?? UNANCHORED;
}

/** Claims anchored or retargeted per step by the `...Steps` functions below. */
const CLAIMS_PER_STEP = 250;

/**
 * Anchors every target (result `i` belongs to `targets[i]`). Claims are visited in stored order so that the
 * displacement found for one claim predicts the next; the result does not depend on that order otherwise.
 */
export function anchorClaims(article: ArticleText, targets: readonly ClaimTarget[], options: AnchorOptions = {}): ClaimAnchor[] {
	return drainSteps(anchorClaimsSteps(article, targets, options));
}

/** {@link anchorClaims} in steps of a few hundred claims (see `steps.ts`); the same result. */
export function* anchorClaimsSteps(article: ArticleText, targets: readonly ClaimTarget[], options: AnchorOptions = {}): Steps<ClaimAnchor[]> {
	const order = targets.map((_, i) => i).sort((a, b) => targets[a].position.start - targets[b].position.start || a - b);
	const anchors: ClaimAnchor[] = new Array<ClaimAnchor>(targets.length);
	let displacement = 0;
	for (let k = 0; k < order.length; k++) {
		if (k % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) {
			yield;
		}
		const i = order[k];
		const anchor = anchorTarget(article, targets[i], displacement, options);
		anchors[i] = anchor;
		if (anchor.span) {
			// Measured at the claim's end: text reworded inside a fuzzy claim shifts what follows it.
			displacement = utf16ToCodePoint(article.index, anchor.span.end) - targets[i].position.end;
		}
	}
	return anchors;
}

/**
 * The anchoring state to store for an anchor found in `article`: 'exact' when anchored, 'changed' with the
 * found position (code points) and text when fuzzy, 'unanchored' otherwise. The one place where the state of
 * a claim is decided: the editor, `validate`, `stats` and every export go through it (via `assessClaims` or
 * `retargetClaims`).
 */
export function anchoringOf(anchor: ClaimAnchor, article: ArticleText): ClaimAnchoring {
	if (anchor.status === 'anchored' && anchor.span) {
		return EXACT_ANCHORING;
	}
	if (anchor.status === 'fuzzy' && anchor.span) {
		return {
			state: 'changed',
			found: { start: utf16ToCodePoint(article.index, anchor.span.start), end: utf16ToCodePoint(article.index, anchor.span.end) },
			foundText: article.text.slice(anchor.span.start, anchor.span.end),
		};
	}
	return { state: 'unanchored' };
}

/** A claim as it stands in an article: its anchor and the state to store (result `i` is `claims[i]`'s). */
export interface ClaimAssessment {
	readonly anchor: ClaimAnchor;
	readonly anchoring: ClaimAnchoring;
}

/**
 * Anchors the claims in the article and says the state of each: what `validate`, `stats` and the exports
 * report, so that they always agree.
 */
export function assessClaims(article: ArticleText, claims: readonly Claim[], options: AnchorOptions = {}): ClaimAssessment[] {
	return anchorClaims(article, claims.map((c) => c.target), options).map((anchor) => ({ anchor, anchoring: anchoringOf(anchor, article) }));
}

/**
 * The claims ready to save in the current text: anchored claims get their target refreshed from the text;
 * fuzzy and unanchored claims keep their stored target (old quote and position) until the user accepts or
 * re-attaches them. Every claim records its anchoring state (`anchoringOf`). A claim whose target and state did
 * not change is returned as the same object; `modified` is never touched: moving with the text is not a change
 * of the assessment.
 */
export function retargetClaims(claims: readonly Claim[], anchors: readonly ClaimAnchor[], article: ArticleText): Claim[] {
	return drainSteps(retargetClaimsSteps(claims, anchors, article));
}

/** {@link retargetClaims} in steps of a few hundred claims (see `steps.ts`); the same result. */
export function* retargetClaimsSteps(claims: readonly Claim[], anchors: readonly ClaimAnchor[], article: ArticleText): Steps<Claim[]> {
	const result: Claim[] = [];
	for (let i = 0; i < claims.length; i++) {
		if (i % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) {
			yield;
		}
		const claim = claims[i];
		const anchor = anchors[i];
		if (!anchor) {
			result.push(claim);
			continue;
		}
		const anchoring = anchoringOf(anchor, article);
		const target = anchor.status === 'anchored' && anchor.span ? targetFromSpan(article.text, anchor.span, article.index) : claim.target;
		result.push(withPlacement(claim, target, anchoring));
	}
	return result;
}

/**
 * Accepts a fuzzy match (or re-attaches any claim) to `span`: the claim's target becomes that text, and its
 * anchor becomes 'anchored'.
 */
export function attachClaim(claim: Claim, span: Span, article: ArticleText): { claim: Claim; anchor: ClaimAnchor } {
	return { claim: withPlacement(claim, targetFromSpan(article.text, span, article.index), EXACT_ANCHORING), anchor: anchored(span.start, span.end) };
}

function withPlacement(claim: Claim, target: ClaimTarget, anchoring: ClaimAnchoring): Claim {
	return sameTarget(claim.target, target) && sameAnchoring(claim.anchoring, anchoring) ? claim : { ...claim, target, anchoring };
}
