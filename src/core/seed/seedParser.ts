/**
 * Parses seed articles into {@link SeedDocument}s, and re-parses them incrementally after edits.
 *
 * Design, driven by speed on large files: a hand-written line scan (blockScanner.ts) builds the block list
 * eagerly; sentences and mdast are computed lazily per block and memoized. `updateSeed` rescans only the
 * blocks an edit touches and moves the others. Nothing here throws on any input string.
 */
import { Heading, Paragraph, headingKind, leadKind, makeBlock, paragraphKind, scanAllBlocks, scanBlocks, type ScannedBlock } from './blockScanner';
import { parseDateline } from './dateline';
import type { Block, Dateline, ParagraphBlock, Section, SeedDocument, SeedProblem, SentenceSpan, TextEdit } from './seedDocument';
import { paragraphSentenceAt } from './sentences';
import { lineStartsOf } from '../text/lineColumns';

/**
 * The parser's document: the shared shape plus what incremental updates need (kept out of equality).
 * `intro` and `sections` are derived from `blocks` on first read, so an update costs no more than moving blocks.
 */
class ParsedSeed implements SeedDocument {
	readonly lead: ParagraphBlock | null;
	readonly problems: readonly SeedProblem[];
	/** The dateline's own problems, reused when an edit leaves line 1 alone. */
	readonly #headProblems: readonly SeedProblem[];
	readonly #leadStart: number;
	#intro: readonly ParagraphBlock[] | undefined;
	#sections: readonly Section[] | undefined;
	#lineStarts: readonly number[] | undefined;

	constructor(
		readonly text: string,
		readonly dateline: Dateline | null,
		headProblems: readonly SeedProblem[],
		leadStart: number,
		readonly blocks: readonly ScannedBlock[],
	) {
		this.#headProblems = headProblems;
		this.#leadStart = leadStart;
		this.#intro = undefined;
		this.#sections = undefined;
		this.#lineStarts = undefined;
		const first = blocks[0];
		this.lead = first instanceof Paragraph && first.lead ? first : null;
		this.problems = blocks.length > 0 ? headProblems : [...headProblems, emptyArticle(dateline)];
	}

	/** Paragraphs after the lead and before the first heading. */
	get intro(): readonly ParagraphBlock[] {
		if (this.#intro === undefined) {
			const intro: ParagraphBlock[] = [];
			for (const block of this.blocks) {
				if (block instanceof Heading) {
					break;
				}
				if (!block.lead) {
					intro.push(block);
				}
			}
			this.#intro = intro;
		}
		return this.#intro;
	}

	/** Each heading with the paragraphs up to the next heading; a section ends where its last block ends. */
	get sections(): readonly Section[] {
		if (this.#sections === undefined) {
			const sections: Section[] = [];
			const blocks = this.blocks;
			let i = 0;
			while (i < blocks.length && !(blocks[i] instanceof Heading)) {
				i++;
			}
			while (i < blocks.length) {
				const heading = blocks[i] as Heading;
				const paragraphs: ParagraphBlock[] = [];
				for (i++; i < blocks.length; i++) {
					const block = blocks[i];
					if (block instanceof Heading) {
						break;
					}
					paragraphs.push(block);
				}
				const end = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1].end : heading.end;
				sections.push({ start: heading.start, end, heading, paragraphs });
			}
			this.#sections = sections;
		}
		return this.#sections;
	}

	/** Offsets where lines start, computed on first use. */
	get lineStarts(): readonly number[] {
		if (this.#lineStarts === undefined) {
			this.#lineStarts = lineStartsOf(this.text, 'lf');
		}
		return this.#lineStarts;
	}

	/** Dateline problems and where the lead starts: reusable while line 1 is unchanged. */
	get head(): { readonly problems: readonly SeedProblem[]; readonly leadStart: number } {
		return { problems: this.#headProblems, leadStart: this.#leadStart };
	}

	toJSON(): SeedDocument {
		const { text, dateline, lead, blocks, intro, sections, problems } = this;
		return { text, dateline, lead, blocks, intro, sections, problems };
	}
}

/**
 * The offsets at which the lines of `doc.text` start (`[0, ...]`; only `\n` ends a line, so CRLF lines start
 * after the LF). Memoized in documents made by this parser, computed afresh for others.
 */
export function lineStarts(doc: SeedDocument): readonly number[] {
	return doc instanceof ParsedSeed ? doc.lineStarts : lineStartsOf(doc.text, 'lf');
}

function emptyArticle(dateline: Dateline | null): SeedProblem {
	return {
		code: 'empty-article',
		severity: 'warning',
		message: dateline !== null ? 'Empty article: there is no text after the dateline.' : 'Empty article: the file has no text.',
		start: dateline !== null ? dateline.start : 0,
		end: dateline !== null ? dateline.end : 0,
	};
}

/**
 * Parses a whole seed article.
 *
 * Invariants: blocks are in order, non-empty, trimmed of blanks, separated by at least one line break;
 * every span lies within `text`; the lead (if any) is `blocks[0]`; `intro` and the sections' paragraphs are
 * the same objects as in `blocks`. Problems: dateline problems (see `parseDateline`) and `empty-article`
 * when there is no block at all. Never throws.
 */
export function parseSeed(text: string): SeedDocument {
	const head = parseDateline(text);
	const blocks = scanAllBlocks(text, head.leadStart, true);
	return new ParsedSeed(text, head.dateline, head.problems, head.leadStart, blocks);
}

/** Edits sorted by start, or undefined when they overlap, fall outside `length`, or do not produce `newLength`. */
function checkedEdits(edits: readonly TextEdit[], length: number, newLength: number): TextEdit[] | undefined {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	let previousEnd = 0;
	let delta = 0;
	for (const edit of sorted) {
		if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end)) || edit.start < previousEnd || edit.end < edit.start || edit.end > length) {
			return undefined;
		}
		previousEnd = edit.end;
		delta += edit.text.length - (edit.end - edit.start);
	}
	return length + delta === newLength ? sorted : undefined;
}

/** Index of the last block whose start is `< offset` (or `<= offset` when `inclusive`), or -1. */
function lastBlockBefore(blocks: readonly Block[], offset: number, inclusive: boolean): number {
	let low = 0;
	let high = blocks.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		const start = blocks[mid].start;
		if (start < offset || (inclusive && start === offset)) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	return low - 1;
}

/** `text` with one change event's edits applied (non-overlapping ranges of `text`, in any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start);
	let result = '';
	let cursor = 0;
	for (const edit of sorted) {
		result += text.slice(cursor, edit.start) + edit.text;
		cursor = edit.end;
	}
	return result + text.slice(cursor);
}

/**
 * Re-parses after `edits`, given as VS Code reports one change event: non-overlapping ranges of
 * `previous.text`, in any order, whose application gives `newText`.
 *
 * The result equals `parseSeed(newText)` (same blocks, sentences, problems). Only the blocks from the last one
 * that starts before the first edit up to the first block after the edits that matches the previous parse are
 * rescanned; the others are moved (a cheap copy that keeps memoized sentences and mdast). Falls back to a full
 * parse when the edits are inconsistent with the texts or `previous` was not made by this parser.
 */
export function updateSeed(previous: SeedDocument, edits: readonly TextEdit[], newText: string): SeedDocument {
	if (!(previous instanceof ParsedSeed)) {
		return parseSeed(newText);
	}
	const oldText = previous.text;
	const sorted = checkedEdits(edits, oldText.length, newText.length);
	if (sorted === undefined) {
		return parseSeed(newText);
	}
	if (sorted.length === 0) {
		return oldText === newText ? previous : parseSeed(newText);
	}
	const minStart = sorted[0].start;
	const maxEnd = sorted[sorted.length - 1].end;
	const delta = newText.length - oldText.length;
	const old = previous.blocks;
	const firstLineEnd = oldText.indexOf('\n');
	const lineOneTouched = firstLineEnd < 0 || minStart <= firstLineEnd;
	let dateline = previous.dateline;
	let head = previous.head;
	if (lineOneTouched) {
		const parsed = parseDateline(newText);
		dateline = parsed.dateline;
		head = parsed;
	}
	const keep = lineOneTouched ? -1 : lastBlockBefore(old, minStart, false);
	let from = head.leadStart;
	let firstLine = true;
	if (keep >= 0 && !(keep === 0 && old[0] instanceof Paragraph && old[0].lead)) {
		from = oldText.lastIndexOf('\n', old[keep].start - 1) + 1;
		firstLine = false;
	}
	const newMaxEnd = maxEnd + delta;
	let next = Math.max(keep, 0);
	let synced = -1;
	const rescanned: ScannedBlock[] = [];
	scanBlocks(newText, from, firstLine, (start, end, kind) => {
		if (start >= newMaxEnd) {
			while (next < old.length && old[next].start + delta < start) {
				next++;
			}
			const candidate = old[next];
			if (candidate !== undefined && candidate.start + delta === start && candidate.end + delta === end
				&& (candidate instanceof Heading ? kind === headingKind : kind === (candidate.lead ? leadKind : paragraphKind))) {
				synced = next;
				return true;
			}
		}
		rescanned.push(makeBlock(newText, start, end, kind));
		return false;
	});
	// Every kept block is copied, even before the edit, so that no block keeps the previous text alive.
	const prefix = Math.max(keep, 0);
	const tail = synced >= 0 ? old.length - synced : 0;
	const blocks = new Array<ScannedBlock>(prefix + rescanned.length + tail);
	for (let i = 0; i < prefix; i++) {
		blocks[i] = old[i].moved(0, newText);
	}
	for (let i = 0; i < rescanned.length; i++) {
		blocks[prefix + i] = rescanned[i];
	}
	for (let i = 0; i < tail; i++) {
		blocks[prefix + rescanned.length + i] = old[synced + i].moved(delta, newText);
	}
	return new ParsedSeed(newText, dateline, head.problems, head.leadStart, blocks);
}

/**
 * The block at `offset`: the block with `start <= offset <= end` (the end is included so that a cursor just
 * after a block's last character still finds it), or undefined between blocks. Binary search, O(log n).
 */
export function blockAt(doc: SeedDocument, offset: number): Block | undefined {
	const index = lastBlockBefore(doc.blocks, offset, true);
	const block = doc.blocks[index];
	return block !== undefined && offset <= block.end ? block : undefined;
}

/**
 * The sentence at `offset`: in the paragraph at `offset`, the sentence with `start <= offset <= end`, or
 * undefined (in a heading, between blocks, or on the blanks between two sentences that touch neither).
 * Reading it splits that one paragraph's sentences if they were not split yet; in a huge paragraph it reads only
 * a window around `offset` (see `paragraphSentenceAt`).
 */
export function sentenceAt(doc: SeedDocument, offset: number): SentenceSpan | undefined {
	const block = blockAt(doc, offset);
	if (block === undefined || block.kind !== 'paragraph') {
		return undefined;
	}
	return paragraphSentenceAt(doc.text, block, offset);
}
