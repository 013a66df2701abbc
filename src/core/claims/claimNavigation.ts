/**
 * Finding claims by position in the current text: the claims under the cursor, the next and previous claim.
 * Spans are UTF-16 offsets of the current text; unanchored claims have no place and are skipped.
 */
import type { TrackedClaim } from './claimTracking';

/**
 * The claims whose span contains `offset` (start inclusive, end inclusive, so that a cursor just after a
 * claim's last character still finds it), innermost (shortest) first.
 */
export function claimsAt(tracked: readonly TrackedClaim[], offset: number): TrackedClaim[] {
	return tracked
		.filter((t) => t.anchor.span !== null && t.anchor.span.start <= offset && offset <= t.anchor.span.end)
		.sort((a, b) => spanLength(a) - spanLength(b));
}

function spanLength(t: TrackedClaim): number {
	return t.anchor.span ? t.anchor.span.end - t.anchor.span.start : Infinity;
}

/** The placed claims in text order (start, then end, then id). */
export function placedInOrder(tracked: readonly TrackedClaim[]): TrackedClaim[] {
	return tracked
		.filter((t) => t.anchor.span !== null)
		.sort((a, b) => a.anchor.span!.start - b.anchor.span!.start || a.anchor.span!.end - b.anchor.span!.end || (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));
}

/**
 * The claim after (`direction` 1) or before (-1) the cursor at `offset`, wrapping around the article; undefined
 * when no claim is placed. "After" means starting after `offset`; "before" means starting before it, so that
 * repeated calls from a claim's start walk through every claim, including claims that overlap.
 */
export function adjacentClaim(tracked: readonly TrackedClaim[], offset: number, direction: 1 | -1): TrackedClaim | undefined {
	const ordered = placedInOrder(tracked);
	if (ordered.length === 0) {
		return undefined;
	}
	if (direction === 1) {
		return ordered.find((t) => t.anchor.span!.start > offset) ?? ordered[0];
	}
	for (let i = ordered.length - 1; i >= 0; i--) {
		if (ordered[i].anchor.span!.start < offset) {
			return ordered[i];
		}
	}
	return ordered[ordered.length - 1];
}

/** The span without the whitespace at its ends (a selection often takes a space or line break with it). */
export function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
	let start = span.start;
	let end = span.end;
	while (start < end && /\s/.test(text[start])) {
		start++;
	}
	while (end > start && /\s/.test(text[end - 1])) {
		end--;
	}
	return { start, end };
}
