/**
 * Moves claim spans through the edits of one VS Code change event, character by character, without
 * searching the text (cost: (claims + edits) x log(edits), no string work).
 *
 * Scenarios, for a claim `[s, e)` and an edit replacing `[a, b)` of the pre-edit text:
 *  - edit before the claim (`b <= s`, including an insertion exactly at `s`): the claim shifts;
 *  - edit after the claim (`a >= e`, including an insertion exactly at `e`): nothing changes; so typing at
 *    either boundary never grows the claim;
 *  - edit inside (`s <= a`, `b <= e`, not the whole claim): the end moves by the change in length;
 *  - edit over the start or the end only: the claim keeps the characters that survive;
 *  - edit covering the whole claim (`a <= s`, `b >= e`), or edits that together leave nothing of it: the
 *    claim becomes unanchored and keeps its stored quote, so nothing the user wrote about it is lost.
 */
import type { Span, TextEdit } from '../seed/seedDocument';
import { UNANCHORED, type ClaimAnchor } from './anchoring';

/** The edits sorted by start, as `mapSpanThroughEdits` needs them; VS Code lists them in no promised order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
	return [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * Maps UTF-16 spans through non-overlapping edits given in pre-edit coordinates and sorted by start
 * (`sortEdits`), in O(log n) per span after O(n) preparation: with the edits sorted and disjoint, their ends
 * ascend too, so the edits wholly before an offset are a prefix found by binary search, and the shift they cause
 * is a prefix sum. Returns null for a span whose text the edits replace or delete entirely.
 */
function spanMapper(sortedEdits: readonly TextEdit[]): (span: Span) => Span | null {
	const count = sortedEdits.length;
	// shifts[i]: the change in length caused by the first i edits; widest[i]: the furthest end among them.
	const shifts = new Float64Array(count + 1);
	const widest = new Float64Array(count + 1).fill(-Infinity);
	sortedEdits.forEach((edit, i) => {
		shifts[i + 1] = shifts[i] + edit.text.length - (edit.end - edit.start);
		widest[i + 1] = Math.max(widest[i], edit.end);
	});
	/** The number of leading edits for which `before(edit)` holds (it must hold for a prefix only). */
	const prefixWhere = (before: (edit: TextEdit) => boolean): number => {
		let low = 0;
		let high = count;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (before(sortedEdits[mid])) low = mid + 1;
			else high = mid;
		}
		return low;
	};
	// An edit over the start keeps the characters after it; one over the end keeps those before it.
	const mapStart = (offset: number): number => {
		const done = prefixWhere((edit) => edit.end <= offset);
		const over = sortedEdits[done];
		return over !== undefined && over.start < offset ? over.start + shifts[done] + over.text.length : offset + shifts[done];
	};
	const mapEnd = (offset: number): number => {
		const done = prefixWhere((edit) => edit.start < offset && edit.end <= offset);
		const over = sortedEdits[done];
		return over !== undefined && over.start < offset ? over.start + shifts[done] : offset + shifts[done];
	};
	return (span) => {
		// Some edit starting at or before the span (and before its end) reaches past its end: the text is gone.
		const startingBefore = prefixWhere((edit) => edit.start <= span.start && edit.start < span.end);
		if (widest[startingBefore] >= span.end) {
			return null;
		}
		const start = mapStart(span.start);
		const end = mapEnd(span.end);
		return end > start ? { start, end } : null;
	};
}

/**
 * Maps a UTF-16 span through non-overlapping edits given in pre-edit coordinates and sorted by start
 * (`sortEdits`). Returns null when the edits replace or delete all of the span's text.
 */
export function mapSpanThroughEdits(span: Span, sortedEdits: readonly TextEdit[]): Span | null {
	return spanMapper(sortedEdits)(span);
}

/**
 * Maps every anchor through the edits of one change event (any order; pre-edit coordinates). Anchored and
 * fuzzy claims keep their status and score while they keep some text; an anchor whose text is gone becomes
 * `UNANCHORED`. Anchors untouched by the edits are returned as the same objects.
 */
export function mapAnchorsThroughEdits(anchors: readonly ClaimAnchor[], edits: readonly TextEdit[]): ClaimAnchor[] {
	const sorted = sortEdits(edits);
	const mapSpan = spanMapper(sorted);
	return anchors.map((anchor) => {
		if (!anchor.span || sorted.length === 0) {
			return anchor;
		}
		const span = mapSpan(anchor.span);
		if (!span) {
			return UNANCHORED;
		}
		return span.start === anchor.span.start && span.end === anchor.span.end ? anchor : { ...anchor, span };
	});
}
