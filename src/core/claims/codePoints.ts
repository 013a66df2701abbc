/**
 * Conversions between UTF-16 code-unit offsets (what VS Code and JavaScript strings count) and Unicode
 * code-point offsets (what the W3C Web Annotation model stores in a TextPositionSelector).
 *
 * A well-formed surrogate pair is one code point and two code units; every other code unit, including a lone
 * surrogate, is one code point (the same rule as `for (const ch of text)`). CR and LF are ordinary code points:
 * a CRLF line ending counts two in both systems.
 */

/**
 * The positions of a text's astral characters, built once per text version so that each conversion is a
 * binary search instead of a scan of the text.
 */
export interface CodePointIndex {
	/** Length of the text in UTF-16 code units. */
	readonly utf16Length: number;
	/** Length of the text in code points. */
	readonly codePointLength: number;
	/** UTF-16 offset of the high surrogate of every well-formed pair, ascending. */
	readonly pairUtf16: Uint32Array;
	/** Code-point offset of the same pairs, ascending; `pairCodePoint[i] === pairUtf16[i] - i`. */
	readonly pairCodePoint: Uint32Array;
}

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Indexes `text` for `utf16ToCodePoint` and `codePointToUtf16`. Linear in the text's length. */
export function buildCodePointIndex(text: string): CodePointIndex {
	const pairs: number[] = [];
	for (let i = 0; i < text.length - 1; i++) {
		if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
			pairs.push(i);
			i++;
		}
	}
	const pairUtf16 = Uint32Array.from(pairs);
	const pairCodePoint = Uint32Array.from(pairs, (offset, i) => offset - i);
	return { utf16Length: text.length, codePointLength: text.length - pairs.length, pairUtf16, pairCodePoint };
}

/** Number of entries of the ascending `values` that are strictly below `limit`. */
function countBelow(values: Uint32Array, limit: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (values[mid] < limit) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low;
}

/**
 * The code-point offset of a UTF-16 offset. Offsets are clamped to the text; an offset in the middle of a
 * surrogate pair rounds down to the start of the pair.
 */
export function utf16ToCodePoint(index: CodePointIndex, offset: number): number {
	const clamped = Math.max(0, Math.min(offset, index.utf16Length));
	// Every pair whose high surrogate lies before the offset saves one unit (mid-pair rounds down, same formula).
	return clamped - countBelow(index.pairUtf16, clamped);
}

/** The UTF-16 offset of a code-point offset, clamped to the text. Never lands inside a surrogate pair. */
export function codePointToUtf16(index: CodePointIndex, codePoint: number): number {
	const clamped = Math.max(0, Math.min(codePoint, index.codePointLength));
	return clamped + countBelow(index.pairCodePoint, clamped);
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
	let length = text.length;
	for (let i = 0; i < text.length - 1; i++) {
		if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
			length--;
			i++;
		}
	}
	return length;
}

/**
 * The UTF-16 offset `count` code points before `offset` (or 0), stepping over surrogate pairs whole.
 */
export function stepBackCodePoints(text: string, offset: number, count: number): number {
	let at = offset;
	for (let n = 0; n < count && at > 0; n++) {
		at -= at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? 2 : 1;
	}
	return at;
}

/**
 * The UTF-16 offset `count` code points after `offset` (or the text's end), stepping over surrogate pairs whole.
 */
export function stepForwardCodePoints(text: string, offset: number, count: number): number {
	let at = offset;
	for (let n = 0; n < count && at < text.length; n++) {
		at += at + 1 < text.length && isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1;
	}
	return at;
}

/** Moves an offset that falls between the two halves of a surrogate pair back to the start of the pair. */
export function snapToCodePoint(text: string, offset: number): number {
	return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) && isHighSurrogate(text.charCodeAt(offset - 1))
		? offset - 1
		: offset;
}
