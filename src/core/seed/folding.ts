import type { SeedDocument, Span } from './seedDocument';

export interface FoldingSpan extends Span {
	readonly kind: 'section' | 'paragraph';
}

/**
 * What folds: each section (from its heading to its last paragraph) and each block; the adapter drops
 * spans that start and end on the same line, which cannot fold.
 */
export function foldingSpans(doc: SeedDocument): FoldingSpan[] {
	const spans: FoldingSpan[] = doc.sections.map((section) => ({ kind: 'section', start: section.start, end: section.end }));
	for (const block of doc.blocks) {
		if (block.kind === 'paragraph') {
			spans.push({ kind: 'paragraph', start: block.start, end: block.end });
		}
	}
	return spans;
}
