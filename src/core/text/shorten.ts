/**
 * Shortening text for labels, titles and hover lines: one rule everywhere, so that a claim, an entity's
 * sentence and an article's title are cut the same way.
 */

/**
 * Shortens `text` to at most `limit` characters at a word boundary, appending "…" when anything was cut (so the
 * result holds at most `limit + 1` characters). Whitespace runs collapse to one space, so the result never spans
 * lines; a cut that would keep less than a third of the limit cuts inside the word instead.
 */
export function shortenAtWord(text: string, limit: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= limit) {
		return flat;
	}
	const cut = flat.slice(0, limit);
	// When the cut falls just before a space, the last word is whole and stays.
	const lastSpace = flat[limit] === ' ' ? limit : cut.lastIndexOf(' ');
	const head = lastSpace > limit / 3 ? cut.slice(0, lastSpace) : cut;
	return `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}
