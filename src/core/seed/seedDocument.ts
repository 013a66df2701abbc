/**
 * The shape of a parsed seed article, shared by every feature (outline, folding, diagnostics, entities,
 * claims, exports).
 *
 * Offsets are UTF-16 code-unit indexes into the text that was parsed, which is the text as VS Code holds it
 * (`TextDocument.getText()`); `start` is inclusive and `end` exclusive. Conversions to lines, code points or
 * VS Code positions happen at the edges, never here.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the parsed text. */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** The first line's ` date YYYY-MM-DD ` prefix. */
export interface Dateline extends Span {
	/** The word `date`. */
	readonly keyword: Span;
	/** The `YYYY-MM-DD` token as written, whether or not it is a real calendar date. */
	readonly date: Span;
	/** The date as written, for example `2024-03-16`. */
	readonly value: string;
	/** False for impossible dates such as `2024-13-45` or `2023-02-29`. */
	readonly valid: boolean;
}

export type SentenceSpan = Span;

/** A block of text that is not a heading: the lead or a body paragraph. */
export interface ParagraphBlock extends Span {
	readonly kind: 'paragraph';
	/** True for the lead, the paragraph that shares the first line with the dateline. */
	readonly lead: boolean;
	/** Sentences in order; they cover the paragraph's text without overlapping (whitespace between them excluded). */
	readonly sentences: readonly SentenceSpan[];
}

/** A one-line block that reads like a title (see `headingRule.ts` for the rule). */
export interface HeadingBlock extends Span {
	readonly kind: 'heading';
}

export type Block = ParagraphBlock | HeadingBlock;

/** A heading and the paragraphs up to the next heading. The lead is not part of any section. */
export interface Section extends Span {
	readonly heading: HeadingBlock;
	readonly paragraphs: readonly ParagraphBlock[];
}

export type SeedProblemCode = 'missing-dateline' | 'invalid-date' | 'malformed-dateline' | 'empty-article';

/** A problem with the article's form, reported to the user as a diagnostic (never thrown). */
export interface SeedProblem extends Span {
	readonly code: SeedProblemCode;
	readonly message: string;
	readonly severity: 'error' | 'warning' | 'information';
}

/** A parsed seed article. */
export interface SeedDocument {
	readonly text: string;
	/** Null when the first line has no dateline. */
	readonly dateline: Dateline | null;
	/** The lead paragraph, or null when the article has no text after the dateline. */
	readonly lead: ParagraphBlock | null;
	/** Every block in document order: the lead first (when present), then headings and paragraphs. */
	readonly blocks: readonly Block[];
	/** Paragraphs after the lead and before the first heading (none in the reference file). */
	readonly intro: readonly ParagraphBlock[];
	/** Headings with the paragraphs that follow each. */
	readonly sections: readonly Section[];
	readonly problems: readonly SeedProblem[];
}

/** One edit, in the coordinates of the text before it (as VS Code's `TextDocumentContentChangeEvent` gives it). */
export interface TextEdit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}
