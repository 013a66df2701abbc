/**
 * Check-worthiness hints: which scored sentences the editor marks, where "next" goes, and what the hover says.
 * Pure, so that the adapters only convert.
 */
import { commandLink, escapeMarkdownInline } from '../text/markdown';
import type { Span } from '../seed/seedDocument';
import { reasonInWords, type SentenceScore } from './scorer';

/**
 * The sentences to mark, in document order: those scoring at least `threshold`, except sentences that overlap a
 * tagged claim (`taggedSpans`, any order) and sentences whose exact text the user dismissed.
 */
export function selectHints(text: string, scores: readonly SentenceScore[], threshold: number, taggedSpans: readonly Span[], dismissed: ReadonlySet<string>): SentenceScore[] {
	const tagged = [...taggedSpans].sort((a, b) => a.start - b.start);
	// Longest claim end up to each index, so the overlap test is a binary search, not a scan per sentence.
	const reach: number[] = [];
	tagged.forEach((span, i) => reach.push(Math.max(span.end, i > 0 ? reach[i - 1] : -1)));
	const overlapsClaim = (s: Span): boolean => {
		let low = 0;
		let high = tagged.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (tagged[mid].start < s.end) low = mid + 1;
			else high = mid;
		}
		// Claims starting before the sentence ends: one of them overlaps when the furthest reaches past its start.
		return low > 0 && reach[low - 1] > s.start;
	};
	return scores.filter((s) => s.score >= threshold && !overlapsClaim(s) && (dismissed.size === 0 || !dismissed.has(text.slice(s.start, s.end))));
}

/** The first hint after `offset` (starting after it), wrapping to the first; undefined when there is none. */
export function nextHint(hints: readonly SentenceScore[], offset: number): SentenceScore | undefined {
	return hints.find((h) => h.start > offset) ?? hints[0];
}

/** The hint covering `offset` (start inclusive, end inclusive so the hover works at the sentence's last character). */
export function hintAt(hints: readonly SentenceScore[], offset: number): SentenceScore | undefined {
	return hints.find((h) => h.start <= offset && offset <= h.end);
}

/** Commands the hover links to, with the arguments the adapter chose (only our own commands are enabled). */
export interface HintLinks {
	readonly tag: { readonly command: string; readonly args: unknown };
	readonly dismiss: { readonly command: string; readonly args: unknown };
}

/**
 * The hover of a hinted sentence, as Markdown for a hover that renders no HTML: the score, the reasons in words
 * (the matched article text escaped) and the two links.
 */
export function hintHoverMarkdown(hint: SentenceScore, links: HintLinks): string {
	const reasons = hint.reasons.length === 0 ? 'no single feature stands out' : hint.reasons.slice(0, 6).map((r) => escapeMarkdownInline(reasonInWords(r))).join('; ');
	return [
		`**Check-worthy?** score ${hint.score.toFixed(2)}`,
		'',
		`Because of ${reasons}.`,
		'',
		`[Tag as claim](${commandLink(links.tag.command, [links.tag.args])}) · [Dismiss](${commandLink(links.dismiss.command, [links.dismiss.args])})`,
	].join('\n');
}
