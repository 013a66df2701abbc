// `news-seed export --format FORMAT PATH... [--out DIR]`: claims to W3C, brat, ClaimReview, CSV or Markdown.
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	EXPORT_FORMATS, exportClaimPieces, FORMAT_DESCRIPTIONS, prepareExportArticle, readSidecarForExport, relativeHref, type ExportArticle, type ExportFormat, type ExportPiecesResult,
} from '../../core/claims/exports';
import type { Verdict } from '../../core/claims';
import { displayPath, loadVerdictScale, parseCommandArgs, requireFormatAndPaths, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { findArticles, loadArticle, mapLimit, progressReporter, sha256Hex, writePieces } from '../workspaceFiles';

const help = `Usage: news-seed export --format FORMAT PATH... [--out DIR] [options]

Exports the claims of the articles under the PATHs (folders are searched recursively for articles that
have a claims sidecar; an article named explicitly is exported even without claims).

Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(12)} ${FORMAT_DESCRIPTIONS[f]}`).join('\n')}

Without --out the export goes to standard output (brat: only for one article, its .ann). With --out DIR the
files are written there: <stem>.w3c.jsonld, <stem>.claimreview.jsonld, <stem>.claims.csv, <stem>.claims.md for
one article, claims.w3c.jsonld, claims.claimreview.jsonld, claims.csv, claims.md for several; brat writes
<stem>.ann and a copy of <stem>.txt per article and annotation.conf. The written paths are listed on standard
output, warnings and progress on standard error.

Options:
  --format FORMAT     one of ${EXPORT_FORMATS.join(', ')} (required)
  --out DIR           write files into DIR (created if needed)
  --base-iri IRI      name articles <IRI><file name> instead of their file: URL (e.g. https://example.org/news/)
  --id IRI            the W3C AnnotationCollection id (default: derived from the articles)
  --include-unchecked ClaimReview: also export claims still Unchecked
${VERDICTS_HELP}
  -h, --help          show this help

Exit codes: 0 done, 2 bad arguments or a missing or unreadable file.
`;

/** Options of {@link exportPaths}. */
export interface ExportPathsOptions {
	readonly format: ExportFormat;
	readonly paths: readonly string[];
	readonly baseIri?: string;
	readonly collectionId?: string;
	readonly includeUnchecked?: boolean;
	readonly verdicts?: readonly Verdict[];
	/** Where the report is written (`--out`), for its links back to the articles; default: the working folder. */
	readonly reportDir?: string;
}

/** Reads the articles under the paths and exports them; warnings about damaged sidecars go to stderr. */
export async function exportPaths(io: CliIo, options: ExportPathsOptions): Promise<ExportPiecesResult & { articles: number; sources: ReadonlySet<string> }> {
	const found = await findArticles(io.cwd, options.paths, true);
	const progress = progressReporter(io.stderr, 'read', found.length);
	const articles = await mapLimit(found, 16, async (files): Promise<ExportArticle | null> => {
		const loaded = await loadArticle(files, readSidecarForExport);
		progress.tick();
		const parsed = loaded.parsed;
		if (parsed?.status === 'foreign') {
			io.stderr(`news-seed: warning: ${displayPath(io, files.sidecar)} is not a claims sidecar; skipped\n`);
			return null;
		}
		if (parsed?.status === 'invalid') {
			io.stderr(`news-seed: warning: ${displayPath(io, files.sidecar)} is damaged (${parsed.problems[0]?.message ?? 'unreadable'}); exporting the ${parsed.claims.length} claim(s) still readable\n`);
		}
		const fileName = path.basename(files.article);
		const iri = options.baseIri !== undefined ? `${options.baseIri}${encodeURIComponent(fileName)}` : pathToFileURL(files.article).href;
		// The text the claims were saved against: their stored positions hold, no re-anchoring needed.
		const unchanged = parsed?.status === 'ok' && parsed.claims.length > 0 && sha256Hex(loaded.text) === parsed.article?.sha256;
		return prepareExportArticle({ fileName, text: loaded.text, claims: parsed?.claims ?? [], iri, unchanged });
	});
	progress.done();
	const present = articles.filter((a): a is ExportArticle => a !== null);
	const result = exportClaimPieces(options.format, present, {
		verdicts: options.verdicts,
		collectionId: options.collectionId,
		includeUnchecked: options.includeUnchecked,
		// The report links back to each article from where it is written (standard output: the working folder).
		articleHref: (article) => (article.iri.startsWith('file:') ? relativeHref(pathToFileURL(options.reportDir ?? io.cwd).pathname, new URL(article.iri).pathname) : encodeURIComponent(article.fileName)),
	});
	return { ...result, articles: present.length, sources: new Set(found.map((f) => f.article)) };
}

export const exportCommand: CliCommand = {
	name: 'export',
	summary: 'export claims as W3C Web Annotation, brat, ClaimReview, CSV or a Markdown report',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('export', args, {
			format: { type: 'string', short: 'f' },
			out: { type: 'string', short: 'o' },
			'base-iri': { type: 'string' },
			id: { type: 'string' },
			'include-unchecked': { type: 'boolean' },
			verdicts: { type: 'string' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		const format = requireFormatAndPaths('export', values.format, EXPORT_FORMATS, positionals, 'files or folders');
		const verdicts = await loadVerdictScale(io, values.verdicts);
		const result = await exportPaths(io, {
			format,
			paths: positionals,
			baseIri: values['base-iri'],
			collectionId: values.id,
			includeUnchecked: values['include-unchecked'] === true,
			verdicts,
			reportDir: values.out === undefined ? undefined : path.resolve(io.cwd, values.out),
		});
		for (const warning of result.warnings) {
			io.stderr(`news-seed: warning: ${warning}\n`);
		}
		if (values.out === undefined) {
			const documents = result.files.filter((f) => format !== 'brat' || f.name.endsWith('.ann'));
			if (documents.length !== 1) {
				throw new UsageError(`export: brat writes one .ann per article (${result.articles} here); give --out DIR`);
			}
			for (const piece of documents[0].pieces()) {
				io.stdout(piece);
			}
		} else {
			const outDir = path.resolve(io.cwd, values.out);
			const progress = progressReporter(io.stderr, 'written', result.files.length);
			await mkdir(outDir, { recursive: true });
			await mapLimit(result.files, 16, async (file) => {
				const target = path.join(outDir, file.name);
				// brat's copy of an article exported into its own folder: the article is already there.
				if (!result.sources.has(target)) {
					// Exports are regenerated, not edited: a plain write (no temporary file) halves the system calls of
					// a brat export of thousands of articles.
					await writePieces(target, file.pieces());
				}
				progress.tick();
			});
			progress.done();
			io.stdout(result.files.map((f) => `${displayPath(io, path.join(outDir, f.name))}\n`).join(''));
		}
		io.stderr(`news-seed: export: ${result.claimCount} claim(s) of ${result.articles} article(s) as ${format}\n`);
		return exitCodes.ok;
	},
};
