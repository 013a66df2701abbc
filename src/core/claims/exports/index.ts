/**
 * Claims leave the editor: exports to W3C Web Annotation, brat standoff, schema.org ClaimReview, CSV and a
 * Markdown report, and imports from brat and W3C. Pure: adapters read and write the files.
 */
import { countOf } from '../../text/countOf';
import { bratAnn, bratAnnotationConf } from './bratStandoff';
import { claimReviewPieces } from './claimReview';
import { claimsCsv } from './csvExport';
import { articleStem, type ExportArticle, type ExportOptions } from './exportModel';
import { markdownReport } from './markdownReport';
import { w3cChunks } from './w3cAnnotation';

export * from './bratStandoff';
export * from './claimReview';
export * from './csvExport';
export * from './exportFiles';
export * from './exportModel';
export * from './importClaims';
export * from './importTargets';
export * from './markdownReport';
export * from './sidecarCheck';
export * from './w3cAnnotation';

/** The export formats, as the command line and the editor name them. */
export const EXPORT_FORMATS = ['w3c', 'brat', 'claimreview', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The import formats. */
export const IMPORT_FORMATS = ['brat', 'w3c'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One line per format, for pickers and `--help`. */
export const FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
	w3c: 'W3C Web Annotation JSON-LD (an AnnotationCollection)',
	brat: 'brat standoff (.ann and .txt per article, annotation.conf)',
	claimreview: 'schema.org ClaimReview JSON-LD',
	csv: 'CSV, one row per claim (RFC 4180)',
	markdown: 'Markdown report',
};

const EXTENSIONS: Readonly<Record<Exclude<ExportFormat, 'brat'>, string>> = {
	w3c: 'w3c.jsonld',
	claimreview: 'claimreview.jsonld',
	csv: 'claims.csv',
	markdown: 'claims.md',
};

/** True for a known export format name. */
export function isExportFormat(value: string): value is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** True for a known import format name. */
export function isImportFormat(value: string): value is ImportFormat {
	return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** A file to write, named relative to the output folder. */
export interface ExportedFile {
	readonly name: string;
	readonly content: string;
}

/** The files of an export, and what the user should know about it (claims left out, changed text). */
export interface ExportResult {
	readonly files: readonly ExportedFile[];
	readonly warnings: readonly string[];
	/** The claims exported. */
	readonly claimCount: number;
}

/** A file of an export as pieces of text to write one after another (a large export never is one string). */
export interface ExportedFilePieces {
	readonly name: string;
	/** The file's text in pieces, computed as they are asked for; joined they are the whole file. */
	readonly pieces: () => Iterable<string>;
}

/** {@link ExportResult} with files in pieces: what a writer streaming to disk takes. */
export interface ExportPiecesResult {
	readonly files: readonly ExportedFilePieces[];
	readonly warnings: readonly string[];
	readonly claimCount: number;
}

/**
 * Exports the articles' claims. Single-document formats give one file, named after the article when there is
 * one (`<stem>.w3c.jsonld`) and `claims.<ext>` for several; brat gives a `.ann` and a copy of the `.txt` per
 * article (brat reads both; the copy is the text the offsets count in) plus `annotation.conf`.
 */
export function exportClaims(format: ExportFormat, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportResult {
	const result = exportClaimPieces(format, articles, options);
	return { ...result, files: result.files.map((f) => ({ name: f.name, content: [...f.pieces()].join('') })) };
}

/**
 * {@link exportClaims} with each file's text in pieces: the W3C collection and the ClaimReview document come one article's
 * claims at a time (about 1 KB per claim, 116 MB for 100,000 claims); the other formats are one piece. The bytes are
 * those of `exportClaims`.
 */
export function exportClaimPieces(format: ExportFormat, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportPiecesResult {
	const claimCount = articles.reduce((n, a) => n + a.claims.length, 0);
	const whole = (content: string) => () => [content];
	if (format === 'brat') {
		const files: ExportedFilePieces[] = [];
		const warnings: string[] = [];
		let written = 0;
		for (const article of articles) {
			const ann = bratAnn(article, options);
			files.push({ name: ann.fileName, pieces: whole(ann.content) }, { name: `${articleStem(article.fileName)}.txt`, pieces: whole(article.text) });
			warnings.push(...ann.warnings);
			written += article.claims.filter((c) => c.span !== null).length;
		}
		files.push({ name: 'annotation.conf', pieces: whole(bratAnnotationConf(articles, options)) });
		return { files, warnings, claimCount: written };
	}
	const name = articles.length === 1 ? `${articleStem(articles[0].fileName)}.${EXTENSIONS[format]}` : `claims.${EXTENSIONS[format].replace(/^claims\./, '')}`;
	const unanchored = articles.flatMap((a) => a.claims.filter((c) => c.status === 'unanchored').map((c) => `${a.fileName}: ${c.claim.id} is unanchored; exported with its stored text and position.`));
	switch (format) {
		case 'w3c':
			return { files: [{ name, pieces: () => w3cChunks(articles, options) }], warnings: unanchored, claimCount };
		case 'claimreview': {
			const { pieces, leftOut } = claimReviewPieces(articles, options);
			const warnings = leftOut > 0 ? [`${countOf(leftOut, 'unchecked claim')} left out: a ClaimReview needs a verdict.`] : [];
			return { files: [{ name, pieces }], warnings, claimCount: claimCount - leftOut };
		}
		case 'csv':
			return { files: [{ name, pieces: whole(claimsCsv(articles, options)) }], warnings: unanchored, claimCount };
		case 'markdown':
			return { files: [{ name, pieces: whole(markdownReport(articles, options)) }], warnings: [], claimCount };
	}
}
