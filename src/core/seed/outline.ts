import { articleTitle, firstWords, leadSentence } from './articleTitle';
import type { ParagraphBlock, SeedDocument, Span } from './seedDocument';

export type OutlineKind = 'article' | 'dateline' | 'lead' | 'section' | 'paragraph';

/** One entry of the Outline view; `selection` lies inside `range`. */
export interface OutlineNode {
	readonly kind: OutlineKind;
	readonly name: string;
	readonly detail: string;
	readonly range: Span;
	readonly selection: Span;
	readonly children: readonly OutlineNode[];
}

export interface OutlineOptions {
	/**
	 * Above this many paragraphs the outline lists sections only: VS Code needs seconds to carry tens of
	 * thousands of symbols, and a list of 17,000 paragraph names helps nobody find their way.
	 */
	readonly maxParagraphs: number;
}

export const defaultOutlineOptions: OutlineOptions = { maxParagraphs: 2000 };

/**
 * The article's outline: one root named by the shortened first sentence of the lead (the date as detail),
 * holding the dateline, the lead, the paragraphs before the first heading, and one node per section with its
 * paragraphs. Paragraph nodes are left out when the article has more than `options.maxParagraphs` of them.
 */
export function buildOutline(doc: SeedDocument, options: OutlineOptions = defaultOutlineOptions): OutlineNode {
	const paragraphCount = doc.blocks.length - doc.sections.length;
	const withParagraphs = paragraphCount <= options.maxParagraphs;
	const date = doc.dateline?.value ?? '';
	const children: OutlineNode[] = [];
	if (doc.dateline) {
		children.push(leaf('dateline', 'Dateline', date, doc.dateline));
	}
	if (doc.lead) {
		children.push(leaf('lead', 'Lead', firstWords(doc.text, doc.lead.start, doc.lead.end), doc.lead));
	}
	if (withParagraphs) {
		children.push(...doc.intro.map((p) => paragraphNode(doc, p)));
	}
	for (const section of doc.sections) {
		children.push({
			kind: 'section',
			name: doc.text.slice(section.heading.start, section.heading.end).trim(),
			detail: '',
			range: section,
			selection: section.heading,
			children: withParagraphs ? section.paragraphs.map((p) => paragraphNode(doc, p)) : [],
		});
	}
	const firstSentence = leadSentence(doc);
	return {
		kind: 'article',
		name: articleTitle(doc),
		detail: date,
		range: { start: 0, end: doc.text.length },
		selection: firstSentence ?? { start: 0, end: 0 },
		children,
	};
}

function paragraphNode(doc: SeedDocument, paragraph: ParagraphBlock): OutlineNode {
	return leaf('paragraph', firstWords(doc.text, paragraph.start, paragraph.end), '', paragraph);
}

function leaf(kind: OutlineKind, name: string, detail: string, span: Span): OutlineNode {
	return { kind, name, detail, range: span, selection: span, children: [] };
}
