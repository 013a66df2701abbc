/**
 * CSV: one row per claim, with a header row, after RFC 4180: CRLF after every record, fields quoted when they
 * hold a comma, a double quote, CR or LF, and double quotes doubled inside quoted fields.
 *
 * Written by hand rather than with csv-stringify: the rule is the four lines of `csvField` below, tests read the
 * output back with csv-parse (an independent RFC 4180 reader), and csv-stringify took five times as long
 * (7.5 s against 1.7 s for 100,000 rows of 18 fields), which alone broke the export's 10 s budget. Positions are code
 * points, `[start, end)`, as in the sidecar: where the claim's text is now (the text found for a 'changed' claim),
 * empty for an 'unanchored' claim (its stored position designates other text). `anchor` is the anchoring
 * state: exact, changed or unanchored. Lists (tags, sources) are joined with " | ".
 *
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell that begins with `=`, `+`, `-`, `@`, a tab or
 * a CR gets a `'` in front by default, so that a spreadsheet shows it as text instead of running it; `csvRaw`
 * writes every cell exactly as stored (for tools that read the CSV as data). Numbers are ours and never changed.
 */
import { findVerdict } from '..';
import { scaleOf, type ExportArticle, type ExportOptions } from './exportModel';

/** The columns, in order. */
export const CSV_COLUMNS = [
	'article', 'date', 'title', 'claim_id', 'section', 'start', 'end', 'anchor', 'text', 'verdict', 'rating', 'claimant', 'note', 'tags',
	'sources', 'creator', 'created', 'modified',
] as const;

/** One field: quoted when it holds a comma, a double quote, CR or LF (RFC 4180 §2.6), quotes doubled (§2.7). */
export function csvField(value: string | number): string {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell a spreadsheet would read as a formula, with a `'` in front; any other value as it is. */
export function neutraliseFormula(value: string | number): string | number {
	return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV text of the articles' claims (header row first, CRLF after every record). */
export function claimsCsv(articles: readonly ExportArticle[], options: ExportOptions = {}): string {
	const scale = scaleOf(options);
	const cell = options.csvRaw === true ? csvField : (value: string | number) => csvField(neutraliseFormula(value));
	let out = `${CSV_COLUMNS.join(',')}\r\n`;
	for (const article of articles) {
		for (const { claim, position, span, section } of article.claims) {
			const verdict = findVerdict(scale, claim.body.verdict);
			out += [
				article.fileName,
				article.date ?? '',
				article.title,
				claim.id,
				section,
				span ? position.start : '',
				span ? position.end : '',
				claim.anchoring.state,
				claim.target.quote.exact,
				verdict?.label ?? claim.body.verdict,
				verdict?.rating ?? '',
				claim.body.claimant ?? '',
				claim.body.note,
				claim.body.tags.join(' | '),
				claim.body.sources.join(' | '),
				claim.creator ?? '',
				claim.created,
				claim.modified,
			].map(cell).join(',') + '\r\n';
		}
	}
	return out;
}
