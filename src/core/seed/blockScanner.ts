/**
 * The fast part of the parser: a line scan (one `indexOf('\n')` per line) that cuts a seed article into blocks.
 *
 * Only block boundaries and kinds are computed eagerly. Sentences (Intl.Segmenter) are computed on first read
 * and memoized in the block, so parsing a 10 MB article costs little more than finding its line ends.
 */
import { isHeadingSpan, maxHeadingLength } from './headingRule';
import type { Block, HeadingBlock, ParagraphBlock, SentenceSpan } from './seedDocument';
import { splitSentences } from './sentences';

/** Space, tab or carriage return: a line made only of these is blank, and blocks are trimmed of them. */
export function isBlankCode(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0d;
}

/**
 * What a paragraph computed lazily. Shared by the copies of a moved block only through `sentences` (spans of
 * the block it was first computed in, shifted by `delta` when read) and `mdast` (position-free).
 */
interface LazyParts {
	readonly text: string;
	sentences: readonly SentenceSpan[] | undefined;
	delta: number;
	mdast: unknown;
}

/**
 * A paragraph block whose sentences are split on first access and then kept.
 *
 * Compact on purpose (a 10 MB article has ~30 000 blocks, all copied by each update): besides the public
 * fields it holds one private slot, the parsed text until something lazy is computed, then a {@link LazyParts}.
 * The text is referenced, not copied. `toJSON` includes the sentences, so a block serialises like a plain
 * {@link ParagraphBlock}; the private slot stays out of `assert.deepStrictEqual`, so two equal parses compare
 * equal whether or not their sentences were read.
 */
export class Paragraph implements ParagraphBlock {
	// Declared and assigned in the constructor rather than as class fields: define-semantics fields make each
	// construction several times slower, and parsing builds tens of thousands of blocks.
	declare readonly kind: 'paragraph';
	declare readonly start: number;
	declare readonly end: number;
	declare readonly lead: boolean;
	#lazy: string | LazyParts;

	constructor(start: number, end: number, lead: boolean, text: string | LazyParts) {
		this.kind = 'paragraph';
		this.start = start;
		this.end = end;
		this.lead = lead;
		this.#lazy = text;
	}

	#parts(): LazyParts {
		const lazy = this.#lazy;
		if (typeof lazy !== 'string') {
			return lazy;
		}
		const parts: LazyParts = { text: lazy, sentences: undefined, delta: 0, mdast: undefined };
		this.#lazy = parts;
		return parts;
	}

	/** Sentences in order, computed once (see `splitSentences` for the invariants). */
	get sentences(): readonly SentenceSpan[] {
		const parts = this.#parts();
		if (parts.sentences === undefined) {
			parts.sentences = splitSentences(parts.text, this.start, this.end);
			parts.delta = 0;
		} else if (parts.delta !== 0) {
			const delta = parts.delta;
			parts.sentences = parts.sentences.map((s) => ({ start: s.start + delta, end: s.end + delta }));
			parts.delta = 0;
		}
		return parts.sentences;
	}

	/** The block's literal mdast (relative offsets), owned by mdast.ts; carried along when the block moves. */
	get mdastMemo(): unknown {
		return typeof this.#lazy === 'string' ? undefined : this.#lazy.mdast;
	}

	set mdastMemo(value: unknown) {
		this.#parts().mdast = value;
	}

	/**
	 * The same block `delta` code units further in `text` (which holds the same characters there). Sentences
	 * already split here are shared and shifted only when read.
	 */
	moved(delta: number, text: string): Paragraph {
		const lazy = this.#lazy;
		if (typeof lazy === 'string') {
			return new Paragraph(this.start + delta, this.end + delta, this.lead, text);
		}
		const parts: LazyParts = {
			text,
			sentences: lazy.sentences,
			delta: lazy.sentences === undefined ? 0 : lazy.delta + delta,
			mdast: lazy.mdast,
		};
		return new Paragraph(this.start + delta, this.end + delta, this.lead, parts);
	}

	toJSON(): ParagraphBlock {
		return { kind: this.kind, start: this.start, end: this.end, lead: this.lead, sentences: this.sentences };
	}
}

/** A heading block. */
export class Heading implements HeadingBlock {
	declare readonly kind: 'heading';
	declare readonly start: number;
	declare readonly end: number;
	#mdast: unknown;

	constructor(start: number, end: number, mdast?: unknown) {
		this.kind = 'heading';
		this.start = start;
		this.end = end;
		this.#mdast = mdast;
	}

	/** The block's literal mdast (relative offsets), owned by mdast.ts; carried along when the block moves. */
	get mdastMemo(): unknown {
		return this.#mdast;
	}

	set mdastMemo(value: unknown) {
		this.#mdast = value;
	}

	/** The same heading `delta` code units further on (a heading needs no text: it has no lazy parts). */
	moved(delta: number, _text?: string): Heading {
		return new Heading(this.start + delta, this.end + delta, this.#mdast);
	}

	toJSON(): HeadingBlock {
		return { kind: this.kind, start: this.start, end: this.end };
	}
}

/** A block as the scanner builds it. */
export type ScannedBlock = Paragraph | Heading;

// Block kinds as the scan reports them: plain numbers, so that scanning allocates nothing.
/** A body paragraph. */
export const paragraphKind = 0;
/** The lead: the paragraph that starts on line 1. */
export const leadKind = 1;
/** A heading (see `isHeadingLine`). */
export const headingKind = 2;

/**
 * Receives each block's span and kind as the scan finds it; returning true stops the scan (used by incremental
 * updates to stop once the blocks agree with the previous parse again).
 */
export type BlockSink = (start: number, end: number, kind: number) => boolean;

/**
 * Scans `text` from `from`, which must be the start of a line (or the lead's start on line 1) with the scanner
 * between blocks, and reports blocks in order.
 *
 * A block is a run of non-blank lines; blank lines (only spaces, tabs, CR) separate blocks. Each block is
 * trimmed of blanks at both ends. The block that starts on line 1 (`firstLine` true and found on the first
 * scanned line) is the lead; a later single-line block is a heading when `isHeadingSpan` (the rule of
 * `isHeadingLine`) says so. Only `\n` ends a line; the `\r` of CRLF is a blank at the end of the line.
 */
export function scanBlocks(text: string, from: number, firstLine: boolean, sink: BlockSink): void {
	const length = text.length;
	let pos = from;
	let blockStart = -1;
	let blockEnd = -1;
	let lines = 0;
	let lead = false;
	let onFirstLine = firstLine;
	for (;;) {
		let lineEnd = text.indexOf('\n', pos);
		const last = lineEnd < 0;
		if (last) {
			lineEnd = length;
		}
		let s = pos;
		while (s < lineEnd && isBlankCode(text.charCodeAt(s))) {
			s++;
		}
		if (s === lineEnd) {
			if (blockStart >= 0) {
				if (sink(blockStart, blockEnd, kindOf(text, blockStart, blockEnd, lines, lead))) {
					return;
				}
				blockStart = -1;
			}
		} else {
			let e = lineEnd;
			while (isBlankCode(text.charCodeAt(e - 1))) {
				e--;
			}
			if (blockStart < 0) {
				blockStart = s;
				lines = 1;
				lead = onFirstLine;
			} else {
				lines++;
			}
			blockEnd = e;
		}
		onFirstLine = false;
		if (last) {
			break;
		}
		pos = lineEnd + 1;
	}
	if (blockStart >= 0) {
		sink(blockStart, blockEnd, kindOf(text, blockStart, blockEnd, lines, lead));
	}
}

function kindOf(text: string, start: number, end: number, lines: number, lead: boolean): number {
	if (lead) {
		return leadKind;
	}
	return lines === 1 && end - start <= maxHeadingLength && isHeadingSpan(text, start, end) ? headingKind : paragraphKind;
}

/** The block object for a span and kind reported by {@link scanBlocks}. */
export function makeBlock(text: string, start: number, end: number, kind: number): ScannedBlock {
	return kind === headingKind ? new Heading(start, end) : new Paragraph(start, end, kind === leadKind, text);
}

/**
 * Every block of `text` from `from` (see {@link scanBlocks}), in order. (Collecting the spans as numbers first
 * and building the objects into an array of the final size was measured: twice slower than pushing.)
 */
export function scanAllBlocks(text: string, from: number, firstLine: boolean): ScannedBlock[] {
	const blocks: ScannedBlock[] = [];
	scanBlocks(text, from, firstLine, (start, end, kind) => {
		blocks.push(makeBlock(text, start, end, kind));
		return false;
	});
	return blocks;
}

/** Narrows a shared {@link Block} to the scanner's classes (false for blocks built elsewhere, e.g. test fakes). */
export function isScannedBlock(block: Block): block is ScannedBlock {
	return block instanceof Paragraph || block instanceof Heading;
}
