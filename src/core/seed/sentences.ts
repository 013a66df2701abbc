/**
 * Sentence splitting with `Intl.Segmenter`'s boundaries (granularity `sentence`), corrected for abbreviations.
 * The boundaries come from text/sentenceBreaks.ts, the same rules computed several times faster, wherever it
 * knows every character of the text, else from the segmenter itself.
 *
 * V8's ICU segmenter does not apply ICU's `ss=standard` suppressions, so it breaks after "Mr.", "Jan." or
 * "U.S." whenever a capital letter or a digit follows. We keep ICU's boundaries and only merge a segment into
 * the next when it ends in a known abbreviation (see {@link neverFinalAbbreviations} and
 * {@link maybeFinalAbbreviations}).
 */
import type { ParagraphBlock, SentenceSpan } from './seedDocument';
import { sentenceStarts } from '../text/sentenceBreaks';
import { spanAt } from '../text/spanAt';

/**
 * Abbreviations after which a sentence never ends, so the next segment always continues the sentence:
 * personal and military titles, month names, dotted country and organisation initials, and Latin
 * abbreviations that introduce something.
 */
export const neverFinalAbbreviations: ReadonlySet<string> = new Set([
	// Titles.
	'Mr.', 'Mrs.', 'Ms.', 'Mx.', 'Dr.', 'Prof.', 'Gen.', 'Sen.', 'Rep.', 'Gov.', 'Lt.', 'Col.', 'Capt.', 'Sgt.', 'Maj.',
	'Adm.', 'Cmdr.', 'Cpl.', 'Pvt.', 'Rev.', 'Hon.', 'Pres.', 'Supt.', 'Insp.', 'Amb.', 'Atty.', 'Fr.', 'St.', 'Mt.', 'Ft.',
	'Messrs.', 'Mmes.', 'Sens.', 'Reps.', 'Gens.',
	// Months (May has no abbreviation).
	'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
	// Dotted initials of countries and bodies.
	'U.S.', 'U.S.A.', 'U.K.', 'U.N.', 'E.U.', 'U.A.E.', 'D.C.', 'N.Y.', 'L.A.', 'S.F.',
	// Latin and references.
	'vs.', 'v.', 'e.g.', 'i.e.', 'cf.', 'approx.', 'ca.', 'Nos.', 'Art.', 'Fig.', 'Vol.', 'pp.', 'Ch.',
]);

/**
 * Abbreviations that may end a sentence ("... Apple Inc. The company ..."); the segment after them continues
 * the sentence only when it starts with a lowercase letter, a digit or punctuation (for `No.`: a digit).
 */
export const maybeFinalAbbreviations: ReadonlySet<string> = new Set([
	'Inc.', 'Corp.', 'Ltd.', 'Co.', 'Bros.', 'Jr.', 'Sr.', 'No.', 'etc.', 'Ave.', 'Blvd.', 'Rd.', 'a.m.', 'p.m.',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Ranges up to this many UTF-16 units are segmented at once, longer ones in windows: V8's segmenter slows down
 * twentyfold on texts past 131,072 units (a 1 MB paragraph took seconds), and a window keeps each call short.
 */
export const sentenceWindowChars = 16_384;

/** How much of a window's end, and of the look-around of {@link sentenceAround}, is context only. */
const overlapChars = 1_024;

/** How far {@link sentenceAround} reads on each side of its offset. */
const aroundChars = 4_096;

/** Whitespace that separates sentences and is excluded from their spans. */
function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c
		|| code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0xfeff
		|| (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x1680 || code === 0x85;
}

function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The abbreviation-like token (letters and dots) that ends at `end` (exclusive), which must be a dot. */
function trailingToken(text: string, start: number, end: number): string {
	let i = end - 1;
	while (i > start && (isAsciiLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x2e)) {
		i--;
	}
	return text.slice(i, end);
}

/** True when the segment `[start, end)` (trimmed) ends in a capitalised name followed by an initial: "John F.". */
function endsWithInitial(text: string, start: number, end: number): boolean {
	if (end - start < 4 || text.charCodeAt(end - 1) !== 0x2e) {
		return false;
	}
	const initial = text.charCodeAt(end - 2);
	if (!(initial >= 0x41 && initial <= 0x5a) || text.charCodeAt(end - 3) !== 0x20) {
		return false;
	}
	let i = end - 4;
	while (i > start && isAsciiLetter(text.charCodeAt(i - 1))) {
		i--;
	}
	const first = text.charCodeAt(i);
	return i < end - 3 && first >= 0x41 && first <= 0x5a && (i === start || !isAsciiLetter(text.charCodeAt(i - 1)));
}

/** Whether the segment starting at `next` reads as the continuation of a sentence cut after `token`. */
function continues(text: string, next: number, token: string): boolean {
	const code = text.charCodeAt(next);
	const isDigit = code >= 0x30 && code <= 0x39;
	if (token === 'No.' || token === 'Nos.') {
		return isDigit;
	}
	const ch = text[next];
	return isDigit || (ch.toLowerCase() === ch && ch.toUpperCase() !== ch) || /^[,;:)\]’”%]/.test(ch);
}

/** A segment that is only an enumerator ("1.", "12)", "a.", "(iv)"): it labels what follows, so it joins it. */
function isEnumerator(text: string, start: number, end: number): boolean {
	return end - start <= 6 && /^\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]$/.test(text.slice(start, end));
}

/** Whether a segment holds any letter or digit; segments without one (a stray quote, "...") join a neighbour. */
function hasWordCharacter(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if ((code >= 0x30 && code <= 0x39) || isAsciiLetter(code)) {
			return true;
		}
		if (code > 0x7f && /[\p{L}\p{N}]/u.test(text[i])) {
			return true;
		}
	}
	return false;
}

/**
 * Splits `text.slice(start, end)` into sentences and returns their spans in `text` coordinates.
 *
 * Invariants: spans are in order, non-empty, inside `[start, end)`, never overlap, and exclude the whitespace
 * around them; every non-whitespace character of the range lies in exactly one span. Line breaks inside the
 * range are read as spaces (a paragraph may be hard-wrapped), so a sentence may run across lines. A closing
 * quote or bracket after the final punctuation stays with its sentence (ICU's Close class). The result depends
 * only on the characters of the range, never on its position, so a block's sentences can be shifted.
  *
 * A range longer than {@link sentenceWindowChars} is segmented window by window, each starting at a sentence the
 * previous window found well before its end, preferably at a safe start (an upper-case letter after ". ", "? "
 * or "! "), so that the result equals a whole-range split on ordinary text. A run of that length without any
 * sentence boundary (no spaces, say) is cut into pieces at window ends. Linear in the length of the range.
 */
export function splitSentences(text: string, start: number, end: number, windowChars = sentenceWindowChars): SentenceSpan[] {
	start = Math.max(0, Math.min(start, text.length));
	end = Math.max(start, Math.min(end, text.length));
	const overlap = Math.min(overlapChars, windowChars >> 2);
	const spans: SentenceSpan[] = [];
	let from = start;
	while (end - from > windowChars) {
		const windowEnd = from + windowChars;
		const found = splitWindow(text, from, windowEnd);
		const restart = restartIndex(text, found, windowEnd - overlap);
		if (restart > 0) {
			for (let i = 0; i < restart; i++) spans.push(found[i]);
			from = found[restart].start;
			continue;
		}
		// No boundary in the trusted part: the sentence so far becomes one piece, cut outside a surrogate pair.
		let cut = windowEnd - overlap;
		if (isLowSurrogate(text.charCodeAt(cut))) cut++;
		const piece = found[0];
		if (piece !== undefined && piece.start < cut) {
			let pieceEnd = Math.min(piece.end, cut);
			while (pieceEnd > piece.start && isSpace(text.charCodeAt(pieceEnd - 1))) pieceEnd--;
			spans.push({ start: piece.start, end: pieceEnd });
		}
		from = cut;
	}
	for (const span of splitWindow(text, from, end)) spans.push(span);
	return spans;
}

/**
 * The index (at least 1) of the sentence of `found` to start the next window at: the last safe start no later
 * than `limit`, else the last start no later than `limit`; -1 when only the first sentence starts before it.
 */
function restartIndex(text: string, found: readonly SentenceSpan[], limit: number): number {
	let fallback = -1;
	for (let i = found.length - 1; i >= 1; i--) {
		if (found[i].start > limit) continue;
		if (isSafeStart(text, found[i].start)) return i;
		if (fallback < 0) fallback = i;
	}
	return fallback;
}

/**
 * Whether a sentence starting at `at` starts where any segmentation would: an upper-case letter after blanks
 * after ".", "?" or "!" (and closing quotes or brackets). The segmenter's rules and the abbreviation merges
 * there look only backwards into the sentence before and at this one letter.
 */
function isSafeStart(text: string, at: number): boolean {
	const first = text.charCodeAt(at);
	if (!(first >= 0x41 && first <= 0x5a) || !isSpace(text.charCodeAt(at - 1))) return false;
	let i = at - 1;
	while (i > 0 && isSpace(text.charCodeAt(i))) i--;
	while (i > 0 && closers.has(text.charCodeAt(i))) i--;
	const end = text.charCodeAt(i);
	return end === 0x2e || end === 0x3f || end === 0x21;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const closers = new Set([0x22, 0x27, 0x29, 0x5d, 0x2019, 0x201d, 0xbb]);

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The sentence of `text.slice(start, end)` that holds `offset` (as {@link spanAt} finds it in
 * {@link splitSentences}' result), reading at most a few thousand units around `offset`, so that the sentence
 * under the cursor of a 1 MB paragraph costs what it costs in a short one. On ordinary text it equals the
 * whole split's; a sentence longer than the window is clipped to the window.
 */
export function sentenceAround(text: string, start: number, end: number, offset: number): SentenceSpan | undefined {
	const from = Math.max(start, offset - aroundChars);
	const to = Math.min(end, offset + aroundChars);
	return spanAt(splitSentences(text, from, to), offset);
}

/**
 * The sentence of `paragraph` that holds `offset`: from its memoized sentences when it is short, else by
 * {@link sentenceAround}, so that no host feature (hover, title, Tag Claim) splits a huge paragraph whole.
 */
export function paragraphSentenceAt(text: string, paragraph: ParagraphBlock, offset: number): SentenceSpan | undefined {
	if (paragraph.end - paragraph.start <= sentenceWindowChars) return spanAt(paragraph.sentences, offset);
	return sentenceAround(text, paragraph.start, paragraph.end, offset);
}

/**
 * Where the segments of `Intl.Segmenter` (granularity `sentence`) start in `slice`: computed by
 * {@link sentenceStarts} where it knows every character (the same boundaries, several times faster), else asked
 * of the segmenter.
 */
function segmentStarts(slice: string): number[] {
	const starts = sentenceStarts(slice);
	if (starts) return starts;
	const fromSegmenter: number[] = [];
	for (const { index } of segmenter.segment(slice)) fromSegmenter.push(index);
	return fromSegmenter;
}

/** Splits `text.slice(start, end)` into sentences: ICU's segments, merged after abbreviations (see {@link splitSentences}). */
function splitWindow(text: string, start: number, end: number): SentenceSpan[] {
	let slice = text.slice(start, end);
	if (slice.includes('\n') || slice.includes('\r')) {
		slice = slice.replace(/[\r\n]/g, ' ');
	}
	const spans: { start: number; end: number }[] = [];
	let pendingStart = -1;
	let pendingEnd = -1;
	const starts = segmentStarts(slice);
	for (let k = 0; k < starts.length; k++) {
		let s = starts[k];
		let e = k + 1 < starts.length ? starts[k + 1] : slice.length;
		while (s < e && isSpace(slice.charCodeAt(s))) {
			s++;
		}
		while (e > s && isSpace(slice.charCodeAt(e - 1))) {
			e--;
		}
		if (s === e) {
			continue;
		}
		if (pendingStart >= 0) {
			const token = trailingToken(slice, pendingStart, pendingEnd);
			const merge = !hasWordCharacter(slice, s, e)
				|| !hasWordCharacter(slice, pendingStart, pendingEnd)
				|| neverFinalAbbreviations.has(token)
				|| (maybeFinalAbbreviations.has(token) && continues(slice, s, token))
				|| endsWithInitial(slice, pendingStart, pendingEnd)
				|| isEnumerator(slice, pendingStart, pendingEnd);
			if (merge) {
				pendingEnd = e;
				continue;
			}
			spans.push({ start: start + pendingStart, end: start + pendingEnd });
		}
		pendingStart = s;
		pendingEnd = e;
	}
	if (pendingStart >= 0) {
		spans.push({ start: start + pendingStart, end: start + pendingEnd });
	}
	return spans;
}
