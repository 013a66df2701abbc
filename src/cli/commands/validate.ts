// `news-seed validate PATH...`: checks every claims sidecar under the paths, for CI.
import * as path from 'node:path';
import { checkSidecar, type SidecarCheck, type SidecarFinding } from '../../core/claims/exports';
import { displayPath, loadVerdictScale, parseCommandArgs, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { articlePathFor, claimRepository, findSidecars, mapLimit, progressReporter } from '../workspaceFiles';

const help = `Usage: news-seed validate PATH... [--strict] [--quiet] [--verdicts FILE]

Checks every claims sidecar (*.claims.json) under the PATHs (folders are searched recursively; an article
PATH stands for its sidecar): the file against the claims schema, and every claim against its article:
anchored (its text is where it was or found again), fuzzy (similar text, to be confirmed) or unanchored.

Prints one line per problem on standard output, in the form
  FILE:LINE:COLUMN: error|warning: CLAIM-ID: message
and a summary on standard error.

Errors: a sidecar that is not valid JSON or breaks the schema, a missing article, an unanchored claim.
Errors also: a sidecar whose bytes are not UTF-8 (it is never rewritten).
Warnings: a fuzzy claim, a verdict outside the scale, a sidecar naming another article, a merge conflict kept
in the sidecar (both versions; choose one in the editor).

Options:
  --strict         warnings count as errors
  --quiet          print errors only
${VERDICTS_HELP}
  -h, --help       show this help

Exit codes: 0 no error, 1 errors found (or a merge conflict awaiting a choice), 2 bad arguments or a missing or unreadable PATH.
`;

/** What a validation run found, for the summary and for tests. */
export interface ValidationSummary {
	sidecars: number;
	claims: number;
	fuzzy: number;
	unanchored: number;
	errors: number;
	warnings: number;
	/** Claims with a merge conflict kept in the sidecar: warnings, but they make the exit code 1. */
	conflicts: number;
}

/** `FILE:LINE:COLUMN: severity: CLAIM-ID: message` (the claim id left out when there is none). */
export function formatFinding(file: string, finding: SidecarFinding, strict = false): string {
	const severity = strict ? 'error' : finding.severity;
	return `${file}:${finding.line}:${finding.column}: ${severity}: ${finding.claimId !== null ? `${finding.claimId}: ` : ''}${finding.message}`;
}

export const validateCommand: CliCommand = {
	name: 'validate',
	summary: 'check claims sidecars: schema and anchoring (exit 1 on errors, for CI)',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('validate', args, {
			strict: { type: 'boolean' },
			quiet: { type: 'boolean' },
			verdicts: { type: 'string' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length === 0) {
			throw new UsageError('validate: which files or folders? (news-seed validate PATH...)');
		}
		const strict = values.strict === true;
		const scale = await loadVerdictScale(io, values.verdicts);
		const sidecars = await findSidecars(io.cwd, positionals);
		const progress = progressReporter(io.stderr, 'validated', sidecars.length);
		const summary: ValidationSummary = { sidecars: sidecars.length, claims: 0, fuzzy: 0, unanchored: 0, errors: 0, warnings: 0, conflicts: 0 };
		// Read in parallel, report in order: the output is the same on every run.
		const repository = claimRepository();
		const results = await mapLimit(sidecars, 16, async (sidecar) => {
			const article = articlePathFor(sidecar);
			const [snapshot, articleText] = await Promise.all([repository.load(article), repository.readArticle(article)]);
			// Bytes that are not UTF-8 are reported as they are, never decoded into replacement characters.
			const check: SidecarCheck = snapshot.text !== null
				? checkSidecar(snapshot.text, path.basename(article), articleText, scale)
				: { findings: snapshot.problems.map((p) => ({ severity: 'error', line: p.line, column: p.column, claimId: null, message: `${p.path}: ${p.message}` })), claims: snapshot.claims.length, anchored: 0, fuzzy: 0, unanchored: 0 };
			progress.tick();
			return { sidecar, check };
		});
		progress.done();
		let out = '';
		for (const { sidecar, check } of results) {
			summary.claims += check.claims;
			summary.fuzzy += check.fuzzy;
			summary.unanchored += check.unanchored;
			summary.conflicts += check.conflicts ?? 0;
			for (const finding of check.findings) {
				const isError = strict || finding.severity === 'error';
				if (isError) {
					summary.errors++;
				} else {
					summary.warnings++;
				}
				if (isError || !values.quiet) {
					out += `${formatFinding(displayPath(io, sidecar), finding, strict)}\n`;
				}
			}
			if (out.length > 1 << 16) {
				io.stdout(out);
				out = '';
			}
		}
		io.stdout(out);
		if (sidecars.length === 0) {
			io.stderr('news-seed: validate: no claims sidecar (*.claims.json) found\n');
		} else {
			io.stderr(`news-seed: validate: ${summary.sidecars} sidecar(s), ${summary.claims} claim(s) (${summary.fuzzy} fuzzy, ${summary.unanchored} unanchored): ${summary.errors} error(s), ${summary.warnings} warning(s)\n`);
		}
		return summary.errors > 0 || summary.conflicts > 0 ? exitCodes.failure : exitCodes.ok;
	},
};
