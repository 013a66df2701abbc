/**
 * CSV: one row per claim, with a header row, written by csv-stringify after RFC 4180: CRLF between records,
 * fields quoted when they hold a comma, a double quote, CR or LF, and double quotes doubled. Positions are code
 * points, `[start, end)`, as in the sidecar. Lists (tags, sources) are joined with " | ".
 *
 * Cells are written as they are: no `'` is prepended to text starting with `=`, `+`, `-` or `@`. A spreadsheet
 * that evaluates such a cell as a formula should be told to import text columns as text.
 */
import { stringify } from 'csv-stringify/sync';
import { findVerdict } from '../claims';
import { scaleOf, type ExportArticle, type ExportOptions } from './exportModel';

/** The columns, in order. */
export const CSV_COLUMNS = [
	'article', 'date', 'title', 'claim_id', 'section', 'start', 'end', 'anchor', 'text', 'verdict', 'rating', 'claimant', 'note', 'tags',
	'sources', 'creator', 'created', 'modified',
] as const;

/** The CSV text of the articles' claims (header row first, CRLF after every record). */
export function claimsCsv(articles: readonly ExportArticle[], options: ExportOptions = {}): string {
	const scale = scaleOf(options);
	const rows: (string | number)[][] = [];
	for (const article of articles) {
		for (const { claim, position, status, section } of article.claims) {
			const verdict = findVerdict(scale, claim.body.verdict);
			rows.push([
				article.fileName,
				article.date ?? '',
				article.title,
				claim.id,
				section,
				position.start,
				position.end,
				status,
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
			]);
		}
	}
	return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
