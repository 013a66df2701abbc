/**
 * A Markdown (CommonMark/GFM) report of the claims: a summary table of verdicts, then per article its title
 * (the shortened first sentence of the lead: seed articles have no title line), file, date and verdict counts,
 * and its claims grouped by section, each with verdict, a link to its article at its line, claimant, its text
 * (in italics, not in quotation marks of ours: a text ending with its own closing quote would show two) and note.
 *
 * Escaping, because nothing in a seed article or a sidecar is trusted (the report is opened in a preview):
 *  - article text (titles, quotes, headings), labels, claimants and tags are literal, escaped inline by
 *    src/core/text/markdown.ts (every ASCII punctuation character, line breaks as spaces);
 *  - notes keep their lines inside a block quote, but their text is literal too: a note can hold no link,
 *    image or HTML that the preview would follow or load;
 *  - sources are links only when they are http(s) URLs.
 */
import { findVerdict } from '..';
import { escapeMarkdownBlock, escapeMarkdownInline, markdownWebLink } from '../../text/markdown';
import { scaleOf, verdictOrder, type ExportArticle, type ExportClaim, type ExportOptions } from './exportModel';

/** A note as block-quote lines: its lines kept, its text literal (src/core/text/markdown.ts), like every other. */
export function quoteNote(note: string): string[] {
	return escapeMarkdownBlock(note).split('\n').map((line) => (line === '' ? '>' : `> ${line}`));
}

function countVerdicts(claims: readonly ExportClaim[], options: ExportOptions): Map<string, number> {
	const scale = scaleOf(options);
	const counts = new Map<string, number>();
	for (const { claim } of claims) {
		const label = findVerdict(scale, claim.body.verdict)?.label ?? claim.body.verdict;
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return counts;
}

function summaryTable(claims: readonly ExportClaim[], options: ExportOptions): string[] {
	const counts = countVerdicts(claims, options);
	const rows = verdictOrder(scaleOf(options), counts.keys()).filter((label) => counts.has(label));
	return [
		'| Verdict | Claims |',
		'| --- | ---: |',
		...rows.map((label) => `| ${escapeMarkdownInline(label)} | ${counts.get(label)} |`),
		`| **Total** | **${claims.length}** |`,
	];
}

/** The claim's anchoring state (exact claims say nothing), as every other export and `validate` report it. */
function anchorNote(exported: ExportClaim): string {
	const state = exported.claim.anchoring.state;
	return state === 'changed' ? ' *(changed: text changed, awaiting confirmation)*' : state === 'unanchored' ? ' *(unanchored: text no longer found in the article)*' : '';
}

/** The 1-based line of each offset, found by binary search over the article's line starts. */
function lineFinder(text: string): (offset: number) => number {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		starts.push(i + 1);
	}
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) {
				lo = mid;
			} else {
				hi = mid - 1;
			}
		}
		return lo + 1;
	};
}

function claimLines(exported: ExportClaim, options: ExportOptions, href: string, lineOf: (offset: number) => number): string[] {
	const { claim } = exported;
	const label = findVerdict(scaleOf(options), claim.body.verdict)?.label ?? claim.body.verdict;
	const who = claim.body.claimant !== null ? ` · claimed by ${escapeMarkdownInline(claim.body.claimant)}` : '';
	const where = exported.span !== null ? `[line ${lineOf(exported.span.start)}](${href}#L${lineOf(exported.span.start)})` : `[article](${href})`;
	const lines = [`- **${escapeMarkdownInline(label)}** · ${where}${who}: *${escapeMarkdownInline(claim.target.quote.exact.trim())}*${anchorNote(exported)}`];
	const details: string[] = [];
	if (claim.body.tags.length > 0) {
		details.push(`Tags: ${claim.body.tags.map(escapeMarkdownInline).join(', ')}`);
	}
	if (claim.body.sources.length > 0) {
		details.push(`Sources: ${claim.body.sources.map((s) => markdownWebLink(s, s)).join(', ')}`);
	}
	for (const detail of details) {
		lines.push('', `  ${detail}`);
	}
	if (claim.body.note.trim() !== '') {
		lines.push('', ...quoteNote(claim.body.note).map((l) => `  ${l}`));
	}
	return lines;
}

/** The report of the articles' claims. */
export function markdownReport(articles: readonly ExportArticle[], options: ExportOptions = {}): string {
	const all = articles.flatMap((a) => a.claims);
	const out: string[] = ['# Claims report', ''];
	const claimWord = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;
	const hrefOf = options.articleHref ?? ((article: ExportArticle) => encodeURIComponent(article.fileName));
	out.push(`${articles.length} article${articles.length === 1 ? '' : 's'}, ${claimWord(all.length)}${options.generated ? `; generated ${escapeMarkdownInline(options.generated)}` : ''}. Titles are the first sentence of each article's lead, shortened.`, '');
	out.push('## Summary', '', ...summaryTable(all, options), '');
	for (const article of articles) {
		out.push(`## ${escapeMarkdownInline(article.title)}`, '');
		out.push(`File \`${article.fileName.replace(/`/g, '')}\` · ${article.date !== null ? `dated ${escapeMarkdownInline(article.date)}` : 'no dateline'} · ${claimWord(article.claims.length)}`, '');
		if (article.claims.length === 0) {
			out.push('No claims tagged.', '');
			continue;
		}
		let section: string | null = null;
		// Escaped for a link destination: parentheses and spaces would end it early.
		const href = hrefOf(article).replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
		const lineOf = lineFinder(article.text);
		for (const exported of article.claims) {
			if (exported.section !== section) {
				section = exported.section;
				out.push(`### ${escapeMarkdownInline(section)}`, '');
			}
			out.push(...claimLines(exported, options, href, lineOf), '');
		}
	}
	return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
