// `news-seed export --format FORMAT PATH... [--out DIR]`: claims to W3C, brat, ClaimReview, CSV or Markdown.
import { lstat, mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	collidingNames, EXPORT_FORMATS, EXPORT_SIGNATURE_BYTES, exportClaimPieces, FORMAT_DESCRIPTIONS, isEarlierExport, prepareExportArticle, readSidecarForExport,
	relativeHref, type ExportArticle, type ExportedFilePieces, type ExportFormat, type ExportPiecesResult,
} from '../../core/claims/exports';
import type { Verdict } from '../../core/claims';
import { displayPath, loadVerdictScale, parseCommandArgs, requireFormatAndPaths, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { findArticles, isOrphanSidecar, loadArticle, mapLimit, progressReporter, readHead, sha256Hex, sidecarPathFor, writePieces } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';

const help = `Usage: news-seed export --format FORMAT PATH... [--out DIR] [options]

Exports the claims of the articles under the PATHs (folders are searched recursively for articles that
have a claims sidecar; an article named explicitly is exported even without claims).

Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(12)} ${FORMAT_DESCRIPTIONS[f]}`).join('\n')}

Without --out the export goes to standard output (brat: only for one article, its .ann). With --out DIR the
files are written there: <stem>.w3c.jsonld, <stem>.claimreview.jsonld, <stem>.claims.csv, <stem>.claims.md for
one article, claims.w3c.jsonld, claims.claimreview.jsonld, claims.csv, claims.md for several; brat writes
<stem>.ann and a copy of <stem>.txt per article and annotation.conf. The written paths are listed on standard
output, warnings and progress on standard error. An export replaces only files an earlier export wrote (and a
brat copy of an article only when nobody tags claims in it there); any other file of the same name, and two
articles of the same name (from different folders), stop the export before anything is written.

Options:
  --format FORMAT     one of ${EXPORT_FORMATS.join(', ')} (required)
  --out DIR           write files into DIR (created if needed)
  --base-iri IRI      name articles <IRI><file name> instead of their file: URL (e.g. https://example.org/news/)
  --id IRI            the W3C AnnotationCollection id (default: derived from the articles)
  --include-unchecked ClaimReview: also export claims still Unchecked
  --csv-raw           CSV: write cells as stored; by default a cell starting with =, +, -, @, tab or CR gets
                      a ' in front so that spreadsheets show it as text instead of running it as a formula
${VERDICTS_HELP}
  -h, --help          show this help

Exit codes: 0 done, 1 done but a sidecar could not be exported (its article is missing: renamed or deleted),
2 bad arguments, a missing or unreadable file, or an --out that cannot be written.
`;

function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Creates the output folder, or says in one line why it cannot be. */
async function createOutDir(outDir: string, shown: string): Promise<void> {
	try {
		await mkdir(outDir, { recursive: true });
	} catch (error) {
		const code = errorCode(error);
		const why = code === 'EEXIST' ? 'it is a file, not a folder'
			: code === 'ENOTDIR' ? 'a part of its path is a file'
				: code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied'
					: error instanceof Error ? error.message : String(error);
		throw new UsageError(`export: cannot write into --out ${shown}: ${why}`);
	}
}

/**
 * Which files of the export to write: all of them, except the brat copy of an article already there with the
 * same text. Throws a {@link UsageError} (before anything is written) for two exported files of one name and
 * for an existing file or folder an earlier export did not write.
 */
async function filesToWrite(io: CliIo, outDir: string, files: readonly ExportedFilePieces[], sources: ReadonlySet<string>): Promise<ExportedFilePieces[]> {
	const collisions = collidingNames(files.map((f) => f.name));
	if (collisions.length > 0) {
		throw new UsageError(`export: two articles give the same file ${collisions[0]} in --out; export them into separate folders`);
	}
	const byName = new Map(files.map((f) => [f.name, f]));
	const refuse = (target: string, why: string) => new UsageError(`export: ${displayPath(io, target)} ${why}; nothing written (choose another --out or move it)`);
	const out: ExportedFilePieces[] = [];
	for (const file of files) {
		const target = path.join(outDir, file.name);
		// brat's copy of an article exported into its own folder: the article is already there.
		if (sources.has(target)) {
			continue;
		}
		let info;
		try {
			info = await lstat(target);
		} catch (error) {
			if (errorCode(error) === 'ENOENT') {
				out.push(file);
				continue;
			}
			throw refuse(target, `cannot be read (${errorCode(error) ?? String(error)})`);
		}
		if (!info.isFile()) {
			throw refuse(target, info.isDirectory() ? 'is a folder where the export writes a file' : 'is not a regular file');
		}
		if (/\.txt$/i.test(file.name)) {
			const text = [...file.pieces()].join('');
			if (info.size === Buffer.byteLength(text) && await readFile(target, 'utf8') === text) {
				continue;
			}
			// An earlier copy has the earlier export's .ann beside it, and no sidecar: nobody tags claims in it there.
			const ann = byName.get(file.name.replace(/\.txt$/i, '.ann'));
			const annHead = ann ? await readHead(path.join(outDir, ann.name), EXPORT_SIGNATURE_BYTES).catch(() => null) : null;
			const earlierCopy = ann !== undefined && annHead !== null && isEarlierExport(ann.name, annHead)
				&& await lstat(sidecarPathFor(target)).then(() => false, () => true);
			if (!earlierCopy) {
				throw refuse(target, 'exists and is not an earlier export of this article');
			}
		} else if (!isEarlierExport(file.name, await readHead(target, EXPORT_SIGNATURE_BYTES))) {
			throw refuse(target, 'exists and is not an earlier export');
		}
		out.push(file);
	}
	return out;
}

/** Options of {@link exportPaths}. */
export interface ExportPathsOptions {
	readonly format: ExportFormat;
	readonly paths: readonly string[];
	readonly baseIri?: string;
	readonly collectionId?: string;
	readonly includeUnchecked?: boolean;
	readonly csvRaw?: boolean;
	readonly verdicts?: readonly Verdict[];
	/** Where the report is written (`--out`), for its links back to the articles; default: the working folder. */
	readonly reportDir?: string;
}

/** Reads the articles under the paths and exports them; warnings about damaged sidecars go to stderr. */
export async function exportPaths(io: CliIo, options: ExportPathsOptions): Promise<ExportPiecesResult & { articles: number; sources: ReadonlySet<string>; problems: number }> {
	const found = await findArticles(io.cwd, options.paths, true);
	const progress = progressReporter(io.stderr, 'read', found.length);
	let problems = 0;
	const articles = await mapLimit(found, 16, async (files): Promise<ExportArticle | null> => {
		if (await isOrphanSidecar(files)) {
			io.stderr(`news-seed: error: ${displayPath(io, files.sidecar)}: its article ${path.basename(files.article)} is missing (renamed or deleted?); its claims are not exported\n`);
			problems++;
			progress.tick();
			return null;
		}
		const loaded = await loadArticle(files, readSidecarForExport);
		progress.tick();
		const parsed = loaded.parsed;
		if (parsed?.status === 'foreign') {
			io.stderr(`news-seed: warning: ${displayPath(io, files.sidecar)} is not a claims sidecar; skipped\n`);
			return null;
		}
		if (parsed?.status === 'invalid') {
			io.stderr(`news-seed: warning: ${displayPath(io, files.sidecar)} is damaged (${parsed.problems[0]?.message ?? 'unreadable'}); exporting the ${countOf(parsed.claims.length, 'claim')} still readable\n`);
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
		csvRaw: options.csvRaw,
		// The report links back to each article from where it is written (standard output: the working folder).
		articleHref: (article) => (article.iri.startsWith('file:') ? relativeHref(pathToFileURL(options.reportDir ?? io.cwd).pathname, new URL(article.iri).pathname) : encodeURIComponent(article.fileName)),
	});
	return { ...result, articles: present.length, sources: new Set(found.map((f) => f.article)), problems };
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
			'csv-raw': { type: 'boolean' },
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
			csvRaw: values['csv-raw'] === true,
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
			await createOutDir(outDir, values.out);
			const writes = await filesToWrite(io, outDir, result.files, result.sources);
			const progress = progressReporter(io.stderr, 'written', writes.length);
			await mapLimit(writes, 16, async (file) => {
				const target = path.join(outDir, file.name);
				try {
					// Exports are regenerated, not edited: a plain write (no temporary file) halves the system calls of
					// a brat export of thousands of articles.
					await writePieces(target, file.pieces());
				} catch (error) {
					throw new UsageError(`export: cannot write ${displayPath(io, target)}: ${errorCode(error) ?? String(error)}`);
				}
				progress.tick();
			});
			progress.done();
			io.stdout(result.files.map((f) => `${displayPath(io, path.join(outDir, f.name))}\n`).join(''));
		}
		io.stderr(`news-seed: export: ${countOf(result.claimCount, 'claim')} of ${countOf(result.articles, 'article')} as ${format}${result.problems > 0 ? `; ${countOf(result.problems, 'sidecar')} without their article` : ''}\n`);
		return result.problems > 0 ? exitCodes.failure : exitCodes.ok;
	},
};
