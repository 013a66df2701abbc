/**
 * Check-worthiness scores remembered across sessions: paragraphs' scores by paragraph text, written to one file
 * of the workspace's storage, so that an article opened again (or one whose paragraphs were scored before) needs
 * no scoring. The file holds the paragraphs' texts themselves, so a paragraph's scores are reused only for the
 * very same text (no hash collision can lend a paragraph another's scores), and a fingerprint of the scorer
 * (its worker script's bytes): any change of the scorer makes the file's scores unused.
 *
 * Format (little-endian): "NSCS", format 1, the fingerprint's length and UTF-16 units, the counts of paragraphs,
 * text units, sentences and reasons, then per paragraph its text length, sentence count and reason count, the
 * texts (UTF-16), and the sentences' and reasons' lists as the scoring worker keeps them (offsets from the
 * paragraph's start), each list 8-byte aligned.
 */
import { drainSteps, type Steps } from '../text/steps';

/** One paragraph's scores as flat lists, offsets from the paragraph's start (a reason's -1, -1 when it has no text). */
export interface ParagraphScoreLists {
	readonly starts: ArrayLike<number>;
	readonly ends: ArrayLike<number>;
	readonly scores: ArrayLike<number>;
	/** How many of the reason lists' entries each sentence has, in order. */
	readonly reasonCounts: ArrayLike<number>;
	readonly reasonFeatures: ArrayLike<number>;
	readonly reasonStarts: ArrayLike<number>;
	readonly reasonEnds: ArrayLike<number>;
	readonly contributions: ArrayLike<number>;
}


const MAGIC = 0x5343534e; // "NSCS"
const FORMAT = 1;

/** FNV-1a over bytes, two 32-bit lanes (different offsets), as 16 hex digits: a fingerprint of a scorer's script. */
export function fingerprintOf(bytes: Uint8Array): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ bytes.length;
	for (let i = 0; i < bytes.length; i++) {
		a = Math.imul(a ^ bytes[i], 0x01000193);
		b = Math.imul(b ^ bytes[i], 0x01000193) ^ (a >>> 15);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Offsets of the file's parts, 8-byte aligned. */
function layout(fingerprintLength: number, paragraphs: number, textUnits: number, sentences: number, reasons: number) {
	const align = (n: number): number => (n + 7) & ~7;
	let at = 0;
	const next = (bytes: number): number => {
		const start = at;
		at = align(at + bytes);
		return start;
	};
	const header = next(4 * 7 + 2 * fingerprintLength);
	const paragraphLengths = next(4 * paragraphs);
	const paragraphSentences = next(4 * paragraphs);
	const paragraphReasons = next(4 * paragraphs);
	const texts = next(2 * textUnits);
	const scores = next(8 * sentences);
	const contributions = next(8 * reasons);
	const starts = next(4 * sentences);
	const ends = next(4 * sentences);
	const reasonCounts = next(4 * sentences);
	const reasonFeatures = next(4 * reasons);
	const reasonStarts = next(4 * reasons);
	const reasonEnds = next(4 * reasons);
	return { header, paragraphLengths, paragraphSentences, paragraphReasons, texts, scores, contributions, starts, ends, reasonCounts, reasonFeatures, reasonStarts, reasonEnds, size: at };
}

/**
 * Writes `paragraphs` (text and scores, the most recently used first) to the file's bytes, keeping the first
 * ones up to `maxTextUnits` units of paragraph text in all.
 */
export function encodeRemembered(fingerprint: string, paragraphs: Iterable<readonly [string, ParagraphScoreLists]>, maxTextUnits: number): Uint8Array {
	return drainSteps(encodeRememberedSteps(fingerprint, paragraphs, maxTextUnits));
}

/** Paragraphs' text (UTF-16 units) written or read per step of {@link encodeRememberedSteps} and {@link decodeRememberedSteps}. */
const unitsPerStep = 32_768;

/** {@link encodeRemembered} as steps (see `runSliced`): a step per {@link unitsPerStep} units of text or so. */
export function* encodeRememberedSteps(fingerprint: string, paragraphs: Iterable<readonly [string, ParagraphScoreLists]>, maxTextUnits: number): Steps<Uint8Array> {
	const kept: (readonly [string, ParagraphScoreLists])[] = [];
	let textUnits = 0;
	let sentences = 0;
	let reasons = 0;
	for (const entry of paragraphs) {
		if (textUnits + entry[0].length > maxTextUnits) break;
		kept.push(entry);
		textUnits += entry[0].length;
		sentences += entry[1].starts.length;
		reasons += entry[1].reasonFeatures.length;
	}
	const at = layout(fingerprint.length, kept.length, textUnits, sentences, reasons);
	const buffer = new ArrayBuffer(at.size);
	const header = new Uint32Array(buffer, 0, 7);
	header.set([MAGIC, FORMAT, fingerprint.length, kept.length, textUnits, sentences, reasons]);
	const fingerprintUnits = new Uint16Array(buffer, 28, fingerprint.length);
	for (let i = 0; i < fingerprint.length; i++) fingerprintUnits[i] = fingerprint.charCodeAt(i);
	const lengths = new Int32Array(buffer, at.paragraphLengths, kept.length);
	const sentenceCounts = new Int32Array(buffer, at.paragraphSentences, kept.length);
	const reasonTotals = new Int32Array(buffer, at.paragraphReasons, kept.length);
	const texts = new Uint16Array(buffer, at.texts, textUnits);
	const lists = views(buffer, at, sentences, reasons);
	let t = 0;
	let s = 0;
	let r = 0;
	let stepUnits = 0;
	for (let p = 0; p < kept.length; p++) {
		const [text, scores] = kept[p];
		lengths[p] = text.length;
		sentenceCounts[p] = scores.starts.length;
		reasonTotals[p] = scores.reasonFeatures.length;
		for (let i = 0; i < text.length; i++) texts[t++] = text.charCodeAt(i);
		lists.starts.set(scores.starts, s);
		lists.ends.set(scores.ends, s);
		lists.scores.set(scores.scores, s);
		lists.reasonCounts.set(scores.reasonCounts, s);
		lists.reasonFeatures.set(scores.reasonFeatures, r);
		lists.reasonStarts.set(scores.reasonStarts, r);
		lists.reasonEnds.set(scores.reasonEnds, r);
		lists.contributions.set(scores.contributions, r);
		s += scores.starts.length;
		r += scores.reasonFeatures.length;
		stepUnits += text.length + 16;
		if (stepUnits >= unitsPerStep) {
			stepUnits = 0;
			yield;
		}
	}
	return new Uint8Array(buffer);
}

function views(buffer: ArrayBuffer, at: ReturnType<typeof layout>, sentences: number, reasons: number) {
	return {
		starts: new Int32Array(buffer, at.starts, sentences),
		ends: new Int32Array(buffer, at.ends, sentences),
		scores: new Float64Array(buffer, at.scores, sentences),
		reasonCounts: new Int32Array(buffer, at.reasonCounts, sentences),
		reasonFeatures: new Int32Array(buffer, at.reasonFeatures, reasons),
		reasonStarts: new Int32Array(buffer, at.reasonStarts, reasons),
		reasonEnds: new Int32Array(buffer, at.reasonEnds, reasons),
		contributions: new Float64Array(buffer, at.contributions, reasons),
	};
}

/**
 * The paragraphs of a file written by {@link encodeRemembered} (most recently used first), their lists views of
 * the file's bytes; undefined when the file is not one, is cut short or inconsistent, or was written by another
 * scorer (`fingerprint`). Never throws.
 */
export function decodeRemembered(bytes: Uint8Array, fingerprint: string): Map<string, ParagraphScoreLists> | undefined {
	return drainSteps(decodeRememberedSteps(bytes, fingerprint));
}

/** {@link decodeRemembered} as steps (see `runSliced`): a step per {@link unitsPerStep} units of text or so. */
export function* decodeRememberedSteps(bytes: Uint8Array, fingerprint: string): Steps<Map<string, ParagraphScoreLists> | undefined> {
	// The typed views are made at offsets from the buffer's start.
	if (bytes.byteOffset !== 0) return yield* decodeRememberedSteps(bytes.slice(), fingerprint);
	const buffer = bytes.buffer as ArrayBuffer;
	if (bytes.byteLength < 28) return undefined;
	const [magic, format, fingerprintLength, paragraphs, textUnits, sentences, reasons] = new Uint32Array(buffer, 0, 7);
	if (magic !== MAGIC || format !== FORMAT || fingerprintLength !== fingerprint.length) return undefined;
	const at = layout(fingerprintLength, paragraphs, textUnits, sentences, reasons);
	if (at.size !== bytes.byteLength) return undefined;
	const fingerprintUnits = new Uint16Array(buffer, 28, fingerprintLength);
	for (let i = 0; i < fingerprintLength; i++) if (fingerprintUnits[i] !== fingerprint.charCodeAt(i)) return undefined;
	const lengths = new Int32Array(buffer, at.paragraphLengths, paragraphs);
	const sentenceCounts = new Int32Array(buffer, at.paragraphSentences, paragraphs);
	const reasonTotals = new Int32Array(buffer, at.paragraphReasons, paragraphs);
	const texts = new Uint16Array(buffer, at.texts, textUnits);
	const lists = views(buffer, at, sentences, reasons);
	const out = new Map<string, ParagraphScoreLists>();
	let stepUnits = 0;
	let t = 0;
	let s = 0;
	let r = 0;
	for (let p = 0; p < paragraphs; p++) {
		const length = lengths[p];
		const n = sentenceCounts[p];
		const m = reasonTotals[p];
		if (length < 0 || n < 0 || m < 0 || t + length > textUnits || s + n > sentences || r + m > reasons) return undefined;
		const text = textOf(texts, t, t + length);
		const reasonCounts = lists.reasonCounts.subarray(s, s + n);
		let counted = 0;
		for (let i = 0; i < n; i++) counted += reasonCounts[i];
		if (counted !== m) return undefined;
		if (!out.has(text)) {
			out.set(text, {
				starts: lists.starts.subarray(s, s + n),
				ends: lists.ends.subarray(s, s + n),
				scores: lists.scores.subarray(s, s + n),
				reasonCounts,
				reasonFeatures: lists.reasonFeatures.subarray(r, r + m),
				reasonStarts: lists.reasonStarts.subarray(r, r + m),
				reasonEnds: lists.reasonEnds.subarray(r, r + m),
				contributions: lists.contributions.subarray(r, r + m),
			});
		}
		t += length;
		s += n;
		r += m;
		stepUnits += length + 16;
		if (stepUnits >= unitsPerStep) {
			stepUnits = 0;
			yield;
		}
	}
	return t === textUnits && s === sentences && r === reasons ? out : undefined;
}

/** The UTF-16 units `from`..`to` as a string, unit for unit (lone surrogates kept). */
function textOf(units: Uint16Array, from: number, to: number): string {
	let text = '';
	for (let at = from; at < to; at += 8_192) text += String.fromCharCode(...units.subarray(at, Math.min(to, at + 8_192)));
	return text;
}
