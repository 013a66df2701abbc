/**
 * The seed article as an mdast (unist) tree, built with unified + remark-parse, block by block, on demand.
 *
 * remark-parse runs with every micromark construct switched off ({@link literalConstructs}), so `*`, `_`, `#`,
 * `>`, `1.`, `---`, indentation, `<tag>`, `[a](b)`, `&amp;`, backslashes and backticks stay text. Each block is
 * parsed alone (a block has no blank line, so remark sees one paragraph) and the result is memoized in the
 * block (and the document's line starts in the document), so outlining a huge file never pays for a
 * whole-document remark parse.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Node, Point, Position } from 'unist';
import { isScannedBlock } from './blockScanner';
import type { Block, SeedDocument } from './seedDocument';
import { positionAt } from '../text/lineColumns';
import { lineStarts } from './seedParser';

/** The dateline as an mdast node: `value` is the date as written, `valid` whether it is a real date. */
export interface DatelineNode extends Node {
	type: 'dateline';
	value: string;
	valid: boolean;
}

/** One sentence of a paragraph; its children are the literal text of the sentence. */
export interface SentenceNode extends Node {
	type: 'sentence';
	children: Text[];
}

declare module 'mdast' {
	interface RootContentMap {
		dateline: DatelineNode;
		sentence: SentenceNode;
	}
	interface PhrasingContentMap {
		sentence: SentenceNode;
	}
	interface ParagraphData {
		/** True on the lead paragraph. */
		lead?: boolean;
	}
}

/**
 * Every construct micromark (CommonMark) knows, flow and text: disabling them all leaves only paragraphs,
 * text and line endings. GFM and other extensions are not loaded at all.
 */
export const literalConstructs: readonly string[] = [
	'attention', 'autolink', 'blockQuote', 'characterEscape', 'characterReference', 'codeFenced', 'codeIndented',
	'codeText', 'definition', 'hardBreakEscape', 'headingAtx', 'htmlFlow', 'htmlText', 'labelEnd', 'labelStartImage',
	'labelStartLink', 'list', 'setextUnderline', 'thematicBreak',
];

/** A unified plugin that makes remark-parse read everything as literal text. */
export function remarkLiteral(this: Processor): void {
	const data = this.data();
	const extensions = data.micromarkExtensions ?? (data.micromarkExtensions = []);
	extensions.push({ disable: { null: [...literalConstructs] } });
}

/** The frozen (immutable) processor that every parse uses. */
export const literalProcessor = unified().use(remarkParse).use(remarkLiteral).freeze();

/**
 * What remark read in one block, relative to the block's start: `[start, end)` pairs of contiguous runs of
 * phrasing content (line prefixes and hard-break spaces inside a run belong to it). Position-free, so it
 * stays valid when the block moves.
 */
type RemarkRuns = readonly number[];

/** Parses one block's text with the literal processor and returns its runs (memoized in scanned blocks). */
function blockRuns(text: string, block: Block): RemarkRuns {
	if (isScannedBlock(block) && block.mdastMemo !== undefined) {
		return block.mdastMemo as RemarkRuns;
	}
	const source = text.slice(block.start, block.end);
	// micromark drops a leading BOM and counts offsets from the character after it.
	const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
	const runs: number[] = [];
	const tree = literalProcessor.parse(source);
	for (const flow of tree.children) {
		for (const leaf of 'children' in flow ? flow.children : [flow]) {
			const start = (leaf.position?.start.offset ?? 0) + shift;
			const end = (leaf.position?.end.offset ?? 0) + shift;
			if (runs.length > 0 && runs[runs.length - 1] >= start) {
				runs[runs.length - 1] = Math.max(runs[runs.length - 1], end);
			} else if (end > start) {
				runs.push(start, end);
			}
		}
	}
	if (shift === 1 && runs.length > 0 && runs[0] === 1) {
		runs[0] = 0;
	}
	if (isScannedBlock(block)) {
		block.mdastMemo = runs;
	}
	return runs;
}

/** Maps offsets to unist points (1-based line and column, UTF-16 columns; only `\n` ends a line). */
class PointMapper {
	readonly #lineStarts: readonly number[];

	constructor(doc: SeedDocument) {
		this.#lineStarts = lineStarts(doc);
	}

	point(offset: number): Point {
		const { line, character } = positionAt(this.#lineStarts, offset);
		return { line: line + 1, column: character + 1, offset };
	}

	position(start: number, end: number): Position {
		return { start: this.point(start), end: this.point(end) };
	}
}

/** Literal text nodes for `[start, end)`, one per remark run that overlaps it. */
function textNodes(text: string, runs: RemarkRuns, base: number, start: number, end: number, points: PointMapper): Text[] {
	const nodes: Text[] = [];
	for (let i = 0; i < runs.length; i += 2) {
		const s = Math.max(base + runs[i], start);
		const e = Math.min(base + runs[i + 1], end);
		if (e > s) {
			nodes.push({ type: 'text', value: text.slice(s, e), position: points.position(s, e) });
		}
	}
	return nodes;
}

function blockNode(doc: SeedDocument, block: Block, points: PointMapper): Heading | Paragraph {
	const runs = blockRuns(doc.text, block);
	const position = points.position(block.start, block.end);
	if (block.kind === 'heading') {
		return { type: 'heading', depth: 2, children: textNodes(doc.text, runs, block.start, block.start, block.end, points), position };
	}
	const children: PhrasingContent[] = block.sentences.map((sentence) => ({
		type: 'sentence',
		children: textNodes(doc.text, runs, block.start, sentence.start, sentence.end, points),
		position: points.position(sentence.start, sentence.end),
	}));
	const paragraph: Paragraph = { type: 'paragraph', children, position };
	if (block.lead) {
		paragraph.data = { lead: true };
	}
	return paragraph;
}

/**
 * One block as mdast: a `heading` (depth 2) with literal text, or a `paragraph` whose children are `sentence`
 * nodes holding literal text (`data.lead` on the lead). Positions are exact: offsets are the block's UTF-16
 * offsets in `doc.text`, lines and columns are 1-based, columns in UTF-16 units, lines ended by `\n`. Text
 * values are the source characters (remark's own values drop line prefixes and map NUL to U+FFFD; a seed file
 * has no markup, so the source is the literal text). Costs one remark parse of the block the first time.
 */
export function blockMdast(doc: SeedDocument, block: Block): Heading | Paragraph {
	return blockNode(doc, block, new PointMapper(doc));
}

/**
 * The whole article as an mdast `root`: a `dateline` node (when there is one), then one node per block in
 * document order (see {@link blockMdast}). Runs remark on every block not parsed yet: linear in the text,
 * meant for exports and tests rather than for each keystroke.
 */
export function toMdast(doc: SeedDocument): Root {
	const points = new PointMapper(doc);
	const children: RootContent[] = [];
	if (doc.dateline !== null) {
		const { dateline } = doc;
		children.push({ type: 'dateline', value: dateline.value, valid: dateline.valid, position: points.position(dateline.start, dateline.end) });
	}
	for (const block of doc.blocks) {
		children.push(blockNode(doc, block, points));
	}
	return { type: 'root', children, position: points.position(0, doc.text.length) };
}
