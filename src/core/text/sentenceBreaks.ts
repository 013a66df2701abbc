/**
 * The sentence boundaries of Unicode's UAX #29 (rules SB1 to SB998), computed in one pass over the text for the
 * characters whose Sentence_Break class is known here: `Intl.Segmenter`'s `sentence` granularity gives the same
 * boundaries (it runs ICU's rules for the same annex) at several times the cost, and splitting sentences was a
 * quarter of the check-worthiness scorer's time. A text holding any other character (Extend or Format marks, line
 * or paragraph separators, other scripts' letters, most symbols outside Latin-1) gets `undefined`, and the caller
 * asks `Intl.Segmenter`; the unit tests compare both on the evaluation data, generated news and random text over
 * every character handled here.
 */

/** Sentence_Break classes of UAX #29 that the characters handled here have (0: not handled). */
const enum SB {
	Unknown = 0,
	Sp,
	Lower,
	Upper,
	Numeric,
	ATerm,
	STerm,
	Close,
	SContinue,
	Other,
}

/** The class of each ASCII and Latin-1 character (U+0000 to U+00FF); CR and LF are unknown (paragraph separators). */
const latin1: Uint8Array = (() => {
	const table = new Uint8Array(0x100);
	const set = (from: number, to: number, cls: SB): void => {
		for (let code = from; code <= to; code++) table[code] = cls;
	};
	set(0x20, 0x7e, SB.Other);
	set(0x41, 0x5a, SB.Upper);
	set(0x61, 0x7a, SB.Lower);
	set(0x30, 0x39, SB.Numeric);
	for (const code of [0x09, 0x0b, 0x0c, 0x20, 0xa0]) table[code] = SB.Sp;
	table[0x2e] = SB.ATerm;
	table[0x21] = SB.STerm;
	table[0x3f] = SB.STerm;
	for (const code of [0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb]) table[code] = SB.Close;
	for (const code of [0x2c, 0x2d, 0x3a, 0x3b]) table[code] = SB.SContinue;
	// Latin-1 letters; × and ÷ are symbols.
	set(0xc0, 0xde, SB.Upper);
	set(0xdf, 0xff, SB.Lower);
	table[0xd7] = SB.Other;
	table[0xf7] = SB.Other;
	return table;
})();

/** The class of a character above U+00FF that is not a surrogate, or Unknown. */
function classAbove(code: number): SB {
	// Quotation marks ‘ ’ ‚ ‛ “ ” „ ‟.
	if (code >= 0x2018 && code <= 0x201f) return SB.Close;
	// En and em dashes.
	if (code === 0x2013 || code === 0x2014) return SB.SContinue;
	// … € and the common spaces.
	if (code === 0x2026 || code === 0x20ac) return SB.Other;
	if ((code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return SB.Sp;
	return SB.Unknown;
}

/** Whether the code point (from a surrogate pair) is a pictograph of the emoji blocks, Sentence_Break Other. */
function isEmojiOther(codePoint: number): boolean {
	// U+1F300 to U+1FAFF without the skin tone modifiers U+1F3FB to U+1F3FF (Extend).
	return codePoint >= 0x1f300 && codePoint <= 0x1faff && !(codePoint >= 0x1f3fb && codePoint <= 0x1f3ff);
}

/** The class of every UTF-16 unit of `text` (both units of a pair get the pair's), or undefined if one is not handled. */
function classify(text: string): Uint8Array | undefined {
	const classes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		let cls: SB;
		if (code < 0x100) cls = latin1[code];
		else if (code >= 0xd800 && code <= 0xdbff) {
			const low = text.charCodeAt(i + 1);
			if (!(low >= 0xdc00 && low <= 0xdfff) || !isEmojiOther(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return undefined;
			classes[i++] = SB.Other;
			cls = SB.Other;
		} else cls = classAbove(code);
		if (cls === SB.Unknown) return undefined;
		classes[i] = cls;
	}
	return classes;
}

/**
 * SB8's look-ahead from `from`: past characters that are no letters and no terminators, is the first such one a
 * lower-case letter? (Then no sentence ends after the full stop before.)
 */
function lowerFollows(classes: Uint8Array, from: number): boolean {
	for (let i = from; i < classes.length; i++) {
		const cls = classes[i];
		if (cls === SB.Lower) return true;
		if (cls === SB.Upper || cls === SB.ATerm || cls === SB.STerm) return false;
	}
	return false;
}

/**
 * The starts of the sentences of `text` by UAX #29 (as `Intl.Segmenter` with granularity `sentence` gives them:
 * each segment's `index`), or undefined when the text holds a character not handled here. Linear: the look-ahead
 * of SB8 stops at the next letter or terminator, and runs once per terminator.
 */
export function sentenceStarts(text: string): number[] | undefined {
	const classes = classify(text);
	if (!classes) return undefined;
	const starts: number[] = text.length > 0 ? [0] : [];
	// Whether the characters before `i` end in SATerm Close* Sp*, which terminator, and whether a space followed it.
	let afterTerm = false;
	let term: SB = SB.ATerm;
	let spaced = false;
	for (let i = 0; i < classes.length; i++) {
		const cls = classes[i];
		if (afterTerm && breaksBefore(classes, i, cls, term, spaced)) starts.push(i);
		if (cls === SB.ATerm || cls === SB.STerm) {
			afterTerm = true;
			term = cls;
			spaced = false;
		} else if (afterTerm && cls === SB.Sp) spaced = true;
		else if (!(afterTerm && cls === SB.Close && !spaced)) afterTerm = false;
	}
	return starts;
}

/** Whether a sentence ends before `i`, which follows SATerm Close* Sp* (`spaced`: with a space). */
function breaksBefore(classes: Uint8Array, i: number, cls: SB, term: SB, spaced: boolean): boolean {
	const previous = classes[i - 1];
	// SB6 and SB7: "3.5", "U.S.A" (the full stop right before).
	if (previous === SB.ATerm && (cls === SB.Numeric || (cls === SB.Upper && i >= 2 && (classes[i - 2] === SB.Upper || classes[i - 2] === SB.Lower)))) return false;
	// SB8a, SB9, SB10.
	if (cls === SB.SContinue || cls === SB.ATerm || cls === SB.STerm || cls === SB.Sp || (cls === SB.Close && !spaced)) return false;
	// SB8: a full stop followed (past no letters) by a lower-case letter; else SB11.
	return !(term === SB.ATerm && lowerFollows(classes, i));
}
