/**
 * Moves claim spans through the edits of one VS Code change event, character by character, without
 * searching the text (cost: claims x edits, no string work).
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

function mapStart(offset: number, sortedEdits: readonly TextEdit[]): number {
	let shift = 0;
	for (const edit of sortedEdits) {
		if (edit.end <= offset) {
			shift += edit.text.length - (edit.end - edit.start);
		} else if (edit.start < offset) {
			// The edit swallows the claim's first characters: the claim now starts after the replacement text.
			return edit.start + shift + edit.text.length;
		} else {
			break;
		}
	}
	return offset + shift;
}

function mapEnd(offset: number, sortedEdits: readonly TextEdit[]): number {
	let shift = 0;
	for (const edit of sortedEdits) {
		if (edit.start >= offset) {
			break;
		} else if (edit.end <= offset) {
			shift += edit.text.length - (edit.end - edit.start);
		} else {
			// The edit swallows the claim's last characters: the claim now ends where the edit begins.
			return edit.start + shift;
		}
	}
	return offset + shift;
}

/**
 * Maps a UTF-16 span through non-overlapping edits given in pre-edit coordinates and sorted by start
 * (`sortEdits`). Returns null when the edits replace or delete all of the span's text.
 */
export function mapSpanThroughEdits(span: Span, sortedEdits: readonly TextEdit[]): Span | null {
	for (const edit of sortedEdits) {
		if (edit.start >= span.end) {
			break;
		}
		if (edit.start <= span.start && edit.end >= span.end) {
			return null;
		}
	}
	const start = mapStart(span.start, sortedEdits);
	const end = mapEnd(span.end, sortedEdits);
	return end > start ? { start, end } : null;
}

/**
 * Maps every anchor through the edits of one change event (any order; pre-edit coordinates). Anchored and
 * fuzzy claims keep their status and score while they keep some text; an anchor whose text is gone becomes
 * `UNANCHORED`. Anchors untouched by the edits are returned as the same objects.
 */
export function mapAnchorsThroughEdits(anchors: readonly ClaimAnchor[], edits: readonly TextEdit[]): ClaimAnchor[] {
	const sorted = sortEdits(edits);
	return anchors.map((anchor) => {
		if (!anchor.span || sorted.length === 0) {
			return anchor;
		}
		const span = mapSpanThroughEdits(anchor.span, sorted);
		if (!span) {
			return UNANCHORED;
		}
		return span.start === anchor.span.start && span.end === anchor.span.end ? anchor : { ...anchor, span };
	});
}
