import { shortenAtWord } from '../text/shorten';
import type { SeedDocument, SentenceSpan } from './seedDocument';
import { paragraphSentenceAt } from './sentences';

/** The longest title we show before shortening, in UTF-16 units (fits the Outline view and breadcrumbs). */
export const maxTitleLength = 60;

/**
 * A seed article has no title line, so its title is the first sentence of the lead, shortened to
 * `maxTitleLength` at a word boundary. Articles without a lead are called "Untitled article".
 */
export function articleTitle(doc: SeedDocument): string {
	const first = leadSentence(doc);
	if (!first) {
		return 'Untitled article';
	}
	return shortenAtWord(doc.text.slice(first.start, first.end), maxTitleLength) || 'Untitled article';
}

/** The first sentence of the lead, read without splitting the whole lead when it is huge. */
export function leadSentence(doc: SeedDocument): SentenceSpan | undefined {
	return doc.lead ? paragraphSentenceAt(doc.text, doc.lead, doc.lead.start) : undefined;
}

/** The first `count` words of a span, with "…" when the span has more: names paragraphs in the outline. */
export function firstWords(text: string, start: number, end: number, count = 6): string {
	// Only a bounded prefix is read, so naming a huge one-line paragraph stays cheap.
	const prefix = text.slice(start, Math.min(end, start + 200));
	const words = prefix.trim().split(/\s+/).filter(Boolean);
	const shown = words.slice(0, count).join(' ');
	const more = words.length > count || end > start + 200;
	return more ? `${shown.replace(/[,;:]+$/, '')}…` : shown;
}
