/**
 * The claims of one article as the editor holds them: each stored claim with its anchor in the current text.
 * The VS Code adapter keeps one `TrackedClaim[]` per article and replaces it through these functions.
 *
 * Scenarios:
 *  - sidecar read (open, external change): `trackClaims` anchors every claim, but keeps the live anchor of a
 *    claim whose stored target did not change, so that a sidecar rewritten by another window does not undo
 *    the positions typing has moved in an unsaved article;
 *  - typing: `trackEdits` moves anchors through the change event; a claim whose text the edits replaced as a
 *    whole (a reload from disk replaces whole lines) is searched again by its stored quote, once;
 *  - article saved: `refreshTargets` turns the anchors into the targets to store.
 */
import type { Span, TextEdit } from '../seed/seedDocument';
import { anchorClaimsSteps, anchorTarget, attachClaim, prepareArticle, retargetClaimsSteps, type AnchorOptions, type ArticleText, type ClaimAnchor } from './anchoring';
import { sameTarget, type Claim } from './claimModel';
import { mapAnchorsThroughEdits } from './editTracking';
import { drainSteps, type Steps } from '../text/steps';

/** A stored claim and where it is in the current text. */
export interface TrackedClaim {
	readonly claim: Claim;
	readonly anchor: ClaimAnchor;
}

/**
 * Anchors `claims` in `article`. A claim found in `previous` with the same id and an identical stored target
 * keeps its previous anchor (it already follows the current text).
 */
export function trackClaims(article: ArticleText, claims: readonly Claim[], previous: readonly TrackedClaim[] = [], options: AnchorOptions = {}): TrackedClaim[] {
	return drainSteps(trackClaimsSteps(article, claims, previous, options));
}

/** {@link trackClaims} in steps of a few hundred claims (see `steps.ts`); the same result. */
export function* trackClaimsSteps(article: ArticleText, claims: readonly Claim[], previous: readonly TrackedClaim[] = [], options: AnchorOptions = {}): Steps<TrackedClaim[]> {
	const before = new Map(previous.map((t) => [t.claim.id, t]));
	const fresh: number[] = [];
	const anchors: (ClaimAnchor | undefined)[] = claims.map((claim, i) => {
		const old = before.get(claim.id);
		if (old && sameTarget(old.claim.target, claim.target) && (!old.anchor.span || old.anchor.span.end <= article.text.length)) {
			return old.anchor;
		}
		fresh.push(i);
		return undefined;
	});
	if (fresh.length > 0) {
		yield;
		const found = yield* anchorClaimsSteps(article, fresh.map((i) => claims[i].target), options);
		fresh.forEach((claimIndex, k) => {
			anchors[claimIndex] = found[k];
		});
	}
	return claims.map((claim, i) => ({ claim, anchor: anchors[i] as ClaimAnchor }));
}

/**
 * Moves the anchors through one change event (`edits` in pre-edit coordinates, any order) whose result is
 * `newText`. Claims that lose all their text to the edits are looked for again by their stored quote (a reload
 * may have put the same sentence back); if it is really gone they become unanchored. An unanchored claim is
 * looked for again when an edit inserts text containing its exact quote (undo, paste), which costs one
 * substring test per unanchored claim and inserting edit. Returns the same array when nothing moved.
 */
export function trackEdits(tracked: readonly TrackedClaim[], edits: readonly TextEdit[], newText: string | (() => string), options: AnchorOptions = {}): readonly TrackedClaim[] {
	if (tracked.length === 0 || edits.length === 0) {
		return tracked;
	}
	const moved = mapAnchorsThroughEdits(tracked.map((t) => t.anchor), edits);
	let article: ArticleText | undefined;
	let changed = false;
	const result = tracked.map((t, i) => {
		let anchor = moved[i];
		// Just lost its text, or was lost and an edit (an undo, a paste) brings its exact quote back.
		const lostNow = anchor.status === 'unanchored' && t.anchor.status !== 'unanchored';
		const broughtBack = t.anchor.status === 'unanchored' && edits.some((e) => e.text.length > 0 && e.text.includes(t.claim.target.quote.exact));
		if (lostNow || broughtBack) {
			article ??= prepareArticle(typeof newText === 'string' ? newText : newText());
			anchor = anchorTarget(article, t.claim.target, 0, options);
		}
		if (anchor === t.anchor) {
			return t;
		}
		changed = true;
		return { claim: t.claim, anchor };
	});
	return changed ? result : tracked;
}

/**
 * The claims to store for the current text: anchored claims get their quote and position from the text;
 * fuzzy and unanchored claims keep their stored target until the user confirms them.
 */
export function refreshTargets(tracked: readonly TrackedClaim[], article: ArticleText): TrackedClaim[] {
	return drainSteps(refreshTargetsSteps(tracked, article));
}

/** {@link refreshTargets} in steps of a few hundred claims (see `steps.ts`); the same result. */
export function* refreshTargetsSteps(tracked: readonly TrackedClaim[], article: ArticleText): Steps<TrackedClaim[]> {
	const claims = yield* retargetClaimsSteps(tracked.map((t) => t.claim), tracked.map((t) => t.anchor), article);
	return tracked.map((t, i) => (claims[i] === t.claim ? t : { claim: claims[i], anchor: t.anchor }));
}

/** Confirms a fuzzy anchor (or re-attaches a claim) to `span`: the stored text becomes what is there now. */
export function confirmAnchor(tracked: TrackedClaim, span: Span, article: ArticleText): TrackedClaim {
	return attachClaim(tracked.claim, span, article);
}

/** Replaces the claim with the same id (or appends it), keeping the anchor unless one is given. */
export function upsertTracked(tracked: readonly TrackedClaim[], claim: Claim, anchor?: ClaimAnchor): TrackedClaim[] {
	const index = tracked.findIndex((t) => t.claim.id === claim.id);
	if (index < 0) {
		if (!anchor) {
			throw new RangeError(`upsertTracked: a new claim (${claim.id}) needs an anchor`);
		}
		return [...tracked, { claim, anchor }];
	}
	const copy = [...tracked];
	copy[index] = { claim, anchor: anchor ?? tracked[index].anchor };
	return copy;
}

/** Counts by anchor status and by verdict label (labels as stored). */
export interface ClaimCounts {
	readonly total: number;
	readonly anchored: number;
	readonly changed: number;
	readonly unanchored: number;
	readonly byVerdict: ReadonlyMap<string, number>;
}

/** Counts the claims of one article or of the workspace. */
export function countClaims(tracked: Iterable<TrackedClaim>): ClaimCounts {
	let total = 0;
	let anchored = 0;
	let changed = 0;
	let unanchored = 0;
	const byVerdict = new Map<string, number>();
	for (const t of tracked) {
		total++;
		if (t.anchor.status === 'anchored') {
			anchored++;
		} else if (t.anchor.status === 'fuzzy') {
			changed++;
		} else {
			unanchored++;
		}
		byVerdict.set(t.claim.body.verdict, (byVerdict.get(t.claim.body.verdict) ?? 0) + 1);
	}
	return { total, anchored, changed, unanchored, byVerdict };
}
