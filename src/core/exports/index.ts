/**
 * Claims leave the editor: exports to W3C Web Annotation, brat standoff, schema.org ClaimReview, CSV and a
 * Markdown report, and imports from brat and W3C. Pure: adapters read and write the files.
 */
import { bratAnn, bratAnnotationConf } from './bratStandoff';
import { serialiseClaimReviews } from './claimReview';
import { claimsCsv } from './csvExport';
import { articleStem, type ExportArticle, type ExportOptions } from './exportModel';
import { markdownReport } from './markdownReport';
import { serialiseW3C } from './w3cAnnotation';

export * from './bratStandoff';
export * from './claimReview';
export * from './csvExport';
export * from './exportModel';
export * from './importClaims';
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

/**
 * Exports the articles' claims. Single-document formats give one file, named after the article when there is
 * one (`<stem>.w3c.jsonld`) and `claims.<ext>` for several; brat gives a `.ann` and a copy of the `.txt` per
 * article (brat reads both; the copy is the text the offsets count in) plus `annotation.conf`.
 */
export function exportClaims(format: ExportFormat, articles: readonly ExportArticle[], options: ExportOptions = {}): ExportResult {
	const claimCount = articles.reduce((n, a) => n + a.claims.length, 0);
	if (format === 'brat') {
		const files: ExportedFile[] = [];
		const warnings: string[] = [];
		let written = 0;
		for (const article of articles) {
			const ann = bratAnn(article, options);
			files.push({ name: ann.fileName, content: ann.content }, { name: `${articleStem(article.fileName)}.txt`, content: article.text });
			warnings.push(...ann.warnings);
			written += article.claims.filter((c) => c.span !== null).length;
		}
		files.push({ name: 'annotation.conf', content: bratAnnotationConf(articles, options) });
		return { files, warnings, claimCount: written };
	}
	const name = articles.length === 1 ? `${articleStem(articles[0].fileName)}.${EXTENSIONS[format]}` : `claims.${EXTENSIONS[format].replace(/^claims\./, '')}`;
	const unanchored = articles.flatMap((a) => a.claims.filter((c) => c.status === 'unanchored').map((c) => `${a.fileName}: ${c.claim.id} is unanchored; exported with its stored text and position.`));
	switch (format) {
		case 'w3c':
			return { files: [{ name, content: serialiseW3C(articles, options) }], warnings: unanchored, claimCount };
		case 'claimreview': {
			const { content, leftOut } = serialiseClaimReviews(articles, options);
			const warnings = leftOut > 0 ? [`${leftOut} unchecked claim(s) left out: a ClaimReview needs a verdict.`] : [];
			return { files: [{ name, content }], warnings, claimCount: claimCount - leftOut };
		}
		case 'csv':
			return { files: [{ name, content: claimsCsv(articles, options) }], warnings: unanchored, claimCount };
		case 'markdown':
			return { files: [{ name, content: markdownReport(articles, options) }], warnings: [], claimCount };
	}
}
