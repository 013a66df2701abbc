// `news-seed import --format brat|w3c FILE... [--article PATH]`: adds claims from brat or W3C files to sidecars.
import * as path from 'node:path';
import type { Verdict } from '../../core/claims';
import {
	bratImportTarget, IMPORT_FORMATS, readBratAnn, readW3CAnnotations, w3cImportTarget, type ClaimDraft, type ImportFormat, type ImportOutcome,
	type ImportTarget as ResolvedTarget,
} from '../../core/claims/exports';
import { displayPath, loadVerdictScale, parseCommandArgs, requireFormatAndPaths, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { ImportRefusedError, type ImportTarget } from '../../core/claims/claimRepository';
import { claimRepository, nodeRandomBytes, readText } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';

const help = `Usage: news-seed import --format brat|w3c FILE... [--article PATH] [options]

Adds the claims of brat .ann files or W3C Web Annotation JSON-LD files to the claims sidecars of their
articles. Imported claims are anchored like any other (position, then quote, then similar text). An import
only adds: a claim already present (same id, or same text with the same verdict and note) is reported as a
duplicate and not added; a claim whose id is taken by a different claim is reported as a conflict and not
added; existing claims are never changed.

Which article:
  brat  X.ann goes to X.txt beside it
  w3c   each annotation goes to the file its target source names (its last path segment), in the folder
        of the JSON file
  --root DIR looks the articles up in DIR instead of beside the import file; --article PATH overrides both
  (all FILEs go to that article). A source that names anything but a .txt file of that folder (a path, "..",
  "%2F", a backslash) is refused with a message and nothing is written for it.

Options:
  --format FORMAT  brat or w3c (required)
  --article PATH   the article to add the claims to
  --root DIR       the folder of the articles (default: the folder of each import file)
  --type TYPE      brat: the entity type read as claims (default Claim)
  --creator NAME   recorded as the creator of claims whose file names none (brat)
  --dry-run        report what would be added, write nothing
${VERDICTS_HELP}
  -h, --help       show this help

Prints one line per article and one per claim not added, on standard output.
An import is all or nothing: every article and sidecar is checked first, and if one cannot take the claims
(a missing article, a damaged sidecar) nothing is written. Imports running at the same time into the same
sidecar (and the editor) each keep their claims: every write merges with what is on disk, under a lock.

Exit codes: 0 done, 1 a sidecar is damaged (nothing imported) or an annotation was refused, 2 bad arguments or a
missing or unreadable file.
`;

/** The outcome of importing into one article. */
export interface ArticleImport {
	readonly article: string;
	readonly outcome: ImportOutcome;
	readonly written: boolean;
}

/** Options of {@link importFiles}. */
export interface ImportFilesOptions {
	readonly format: ImportFormat;
	readonly files: readonly string[];
	readonly article?: string;
	/** The folder the articles are looked up in (default: each import file's folder). */
	readonly root?: string;
	readonly type?: string;
	readonly creator?: string | null;
	readonly dryRun?: boolean;
	readonly verdicts?: readonly Verdict[];
	readonly now?: Date;
}

/**
 * Reads the import files, groups their drafts by article and adds them to each article's sidecar. Problems with
 * the files (lines, annotations) go to stderr; missing articles and unreadable files are usage errors.
 */
export async function importFiles(io: CliIo, options: ImportFilesOptions): Promise<{ imports: ArticleImport[]; damaged: string[]; refused: number }> {
	const byArticle = new Map<string, ClaimDraft[]>();
	const explicitArticle = options.article !== undefined ? path.resolve(io.cwd, options.article) : undefined;
	const root = options.root !== undefined ? path.resolve(io.cwd, options.root) : undefined;
	let refused = 0;
	/** The article path of a target inside the folder, or undefined (reported) when the target is refused. */
	const articleIn = (folder: string, target: ResolvedTarget, shown: string, label: string, count: number): string | undefined => {
		const article = target.fileName !== undefined ? path.join(folder, target.fileName) : undefined;
		// path.join of a checked file name stays in the folder; checked again, as this is what keeps writes inside.
		if (article === undefined || path.dirname(article) !== folder) {
			io.stderr(`news-seed: error: ${shown}: ${label}: ${target.refused ?? 'names a file outside the folder'}; ${countOf(count, 'claim')} not imported\n`);
			refused += count;
			return undefined;
		}
		return article;
	};
	for (const file of options.files) {
		const absolute = path.resolve(io.cwd, file);
		const text = await readText(absolute, `${options.format} file`);
		const shown = displayPath(io, absolute);
		const folder = root ?? path.dirname(absolute);
		if (options.format === 'brat') {
			const read = readBratAnn(text, { type: options.type, verdicts: options.verdicts });
			for (const problem of read.problems) {
				io.stderr(`news-seed: warning: ${shown}: ${problem}\n`);
			}
			const article = explicitArticle ?? articleIn(folder, bratImportTarget(path.basename(absolute)), shown, 'its article', read.drafts.length);
			if (article !== undefined) {
				byArticle.set(article, [...(byArticle.get(article) ?? []), ...read.drafts]);
			}
		} else {
			const read = readW3CAnnotations(text);
			if (read.drafts.length === 0 && read.problems.length > 0 && read.problems[0].startsWith('not JSON')) {
				throw new UsageError(`cannot read w3c file ${file}: ${read.problems[0]}`);
			}
			for (const problem of read.problems) {
				io.stderr(`news-seed: warning: ${shown}: ${problem}\n`);
			}
			for (const draft of read.drafts) {
				let article = explicitArticle;
				if (article === undefined) {
					if (draft.source === null) {
						throw new UsageError(`${shown}: ${draft.label} names no source article; give --article`);
					}
					article = articleIn(folder, w3cImportTarget(draft.source), shown, draft.label, 1);
				}
				if (article !== undefined) {
					byArticle.set(article, [...(byArticle.get(article) ?? []), draft]);
				}
			}
		}
	}
	const now = options.now ?? new Date();
	const targets: ImportTarget[] = [...byArticle].map(([articlePath, drafts]) => ({ articlePath, drafts }));
	const repository = claimRepository();
	let results;
	try {
		results = await repository.importInto(targets, { now, randomBytes: nodeRandomBytes, creator: options.creator ?? null }, options.dryRun === true);
	} catch (error) {
		if (!(error instanceof ImportRefusedError)) {
			throw error;
		}
		const damaged: string[] = [];
		for (const problem of error.problems) {
			if (problem.reason === 'missing-article') {
				io.stderr(`news-seed: error: import: the article ${displayPath(io, problem.articlePath)} does not exist${explicitArticle ? '' : ' (give --article)'}\n`);
			} else {
				const sidecar = repository.sidecarPathOf(problem.articlePath);
				io.stderr(`news-seed: error: ${displayPath(io, sidecar)}: ${problem.message}; nothing imported into it\n`);
				damaged.push(sidecar);
			}
		}
		io.stderr(`news-seed: import: nothing written (${countOf(targets.length, 'article')} checked, ${error.problems.length} cannot take claims)\n`);
		if (error.problems.some((p) => p.reason === 'missing-article')) {
			throw new UsageError('import: nothing imported; see the errors above');
		}
		return { imports: [], damaged, refused };
	}
	return { imports: results.map((r) => ({ article: r.articlePath, outcome: r.outcome, written: r.written })), damaged: [], refused };
}

/** The report lines of one article's import. */
export function formatImport(io: CliIo, result: ArticleImport, dryRun: boolean): string {
	const { outcome } = result;
	const count = (status: string) => outcome.added.filter((a) => a.status === status).length;
	const duplicates = outcome.skipped.filter((s) => s.reason === 'duplicate').length;
	const conflicts = outcome.skipped.filter((s) => s.reason === 'conflict').length;
	const shown = displayPath(io, result.article);
	let out = `${shown}: ${dryRun ? 'would add' : 'added'} ${countOf(outcome.added.length, 'claim')} (${count('anchored')} anchored, ${count('fuzzy')} fuzzy, ${count('unanchored')} unanchored), ${countOf(duplicates, 'duplicate')}, ${countOf(conflicts, 'conflict')}\n`;
	for (const skipped of outcome.skipped) {
		out += `${shown}: ${skipped.reason}: ${skipped.message}\n`;
	}
	for (const added of outcome.added.filter((a) => a.status !== 'anchored')) {
		out += `${shown}: ${added.status}: ${added.label} (${added.claim.id}) ${added.status === 'fuzzy' ? 'found at similar text; confirm it in the editor' : 'not found in the article; re-attach it in the editor'}\n`;
	}
	return out;
}

export const importCommand: CliCommand = {
	name: 'import',
	summary: 'add claims from brat .ann or W3C Web Annotation files to the sidecars',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('import', args, {
			format: { type: 'string', short: 'f' },
			article: { type: 'string' },
			root: { type: 'string' },
			type: { type: 'string' },
			creator: { type: 'string' },
			'dry-run': { type: 'boolean' },
			verdicts: { type: 'string' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		const format = requireFormatAndPaths('import', values.format, IMPORT_FORMATS, positionals, 'files');
		const verdicts = await loadVerdictScale(io, values.verdicts);
		const dryRun = values['dry-run'] === true;
		const { imports, damaged, refused } = await importFiles(io, {
			format,
			files: positionals,
			article: values.article,
			root: values.root,
			type: values.type,
			creator: values.creator,
			dryRun,
			verdicts,
		});
		io.stdout(imports.map((result) => formatImport(io, result, dryRun)).join(''));
		return damaged.length > 0 || refused > 0 ? exitCodes.failure : exitCodes.ok;
	},
};
