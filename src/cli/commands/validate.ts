// `news-seed validate PATH...`: checks every claims sidecar under the paths, for CI.
import * as path from 'node:path';
import { findConflictMarker, shellQuote } from '../../core/claims';
import { checkSidecar, type SidecarCheck, type SidecarFinding } from '../../core/claims/exports';
import { displayPath, loadVerdictScale, parseCommandArgs, VERDICTS_HELP } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { findMovedSidecars, moveSidecar } from '../movedSidecars';
import { articlePathFor, claimRepository, findSidecars, mapLimit, progressReporter } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';

const help = `Usage: news-seed validate PATH... [--strict] [--quiet] [--move-sidecars] [--verdicts FILE]

Checks every claims sidecar (*.claims.json) under the PATHs (folders are searched recursively; an article
PATH stands for its sidecar): the file against the claims schema, and every claim against its article:
anchored (its text is where it was or found again), fuzzy (similar text, to be confirmed) or unanchored.

Prints one line per problem on standard output, in the form
  FILE:LINE:COLUMN: error|warning: CLAIM-ID: message
and a summary on standard error.

Errors: a sidecar that is not valid JSON or breaks the schema, a missing article, an unanchored claim.
Errors also: a sidecar whose bytes are not UTF-8 (it is never rewritten).
Warnings: a fuzzy claim, a verdict outside the scale, a sidecar naming another article, a claim whose merge
conflict is kept (both versions in the sidecar; the exit code is 1 until it is resolved).
A sidecar holding git merge conflict markers gets one line that says so (resolve it with "news-seed resolve").
A sidecar whose article was renamed or moved without it (git mv) is reported with the article it belongs to.

Options:
  --strict         warnings count as errors
  --quiet          print errors only
  --move-sidecars  first move each sidecar left behind by a renamed or moved article beside that article (the
                   one article under the PATHs without a sidecar that has the recorded text, or else the
                   recorded file name), then validate
${VERDICTS_HELP}
  -h, --help       show this help

Exit codes: 0 no error, 1 errors found or merge conflicts kept, 2 bad arguments or a missing or unreadable PATH.
`;

/** What a validation run found, for the summary and for tests. */
export interface ValidationSummary {
	sidecars: number;
	claims: number;
	fuzzy: number;
	unanchored: number;
	errors: number;
	warnings: number;
	/** Claims with a kept merge conflict: warnings, but the exit code is 1 until they are resolved. */
	conflicts: number;
}

/** `FILE:LINE:COLUMN: severity: CLAIM-ID: message` (the claim id left out when there is none). */
export function formatFinding(file: string, finding: SidecarFinding, strict = false): string {
	const severity = strict ? 'error' : finding.severity;
	return `${file}:${finding.line}:${finding.column}: ${severity}: ${finding.claimId !== null ? `${finding.claimId}: ` : ''}${finding.message}`;
}

/** The finding of a missing article, replaced by one that names where the article went and how to follow it. */
function withMoveHint<T extends { findings: readonly SidecarFinding[] }>(check: T, move: { target: string; article: string; matchedBy: 'content' | 'name' } | undefined, io: CliIo, paths: readonly string[]): T {
	if (!move) {
		return check;
	}
	const findings = check.findings.map((finding) => finding.claimId === null && finding.message.startsWith('its article ')
		? { ...finding, message: `${finding.message.replace(/: \d+ claims? cannot be anchored$/, '')}; it was renamed or moved to ${displayPath(io, move.article)} (${move.matchedBy === 'content' ? 'same text' : 'same file name'}): run \`news-seed validate --move-sidecars ${paths.map(shellQuote).join(' ')}\` to move the sidecar beside it` }
		: finding);
	return { ...check, findings };
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
			'move-sidecars': { type: 'boolean' },
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
		const moves = await findMovedSidecars(io.cwd, positionals, sidecars);
		if (values['move-sidecars']) {
			for (const move of moves) {
				await moveSidecar(move);
				io.stderr(`news-seed: validate: moved ${displayPath(io, move.sidecar)} to ${displayPath(io, move.target)}, beside its article\n`);
				sidecars[sidecars.indexOf(move.sidecar)] = move.target;
			}
			moves.length = 0;
		}
		const movedTo = new Map(moves.map((m) => [m.sidecar, m]));
		const progress = progressReporter(io.stderr, 'validated', sidecars.length);
		const summary: ValidationSummary = { sidecars: sidecars.length, claims: 0, fuzzy: 0, unanchored: 0, errors: 0, warnings: 0, conflicts: 0 };
		// Read in parallel, report in order: the output is the same on every run.
		const repository = claimRepository();
		const results = await mapLimit(sidecars, 16, async (sidecar) => {
			const article = articlePathFor(sidecar);
			const [snapshot, articleText] = await Promise.all([repository.load(article), repository.readArticle(article)]);
			const markerLine = snapshot.text !== null ? findConflictMarker(snapshot.text) : null;
			// A sidecar with conflict markers is one problem, not dozens of JSON errors; bytes that are not UTF-8 are
			// reported as they are, never decoded into replacement characters.
			const check: SidecarCheck = markerLine !== null
				? { findings: [{ severity: 'error', line: markerLine, column: 1, claimId: null, message: `merge conflict markers: run \`news-seed resolve ${shellQuote(displayPath(io, sidecar))}\`` }], claims: 0, anchored: 0, fuzzy: 0, unanchored: 0, conflicts: 0 }
				: snapshot.text !== null
					? withMoveHint(checkSidecar(snapshot.text, path.basename(article), articleText, scale), movedTo.get(sidecar), io, positionals)
					: { findings: snapshot.problems.map((p) => ({ severity: 'error', line: p.line, column: p.column, claimId: null, message: `${p.path}: ${p.message}` })), claims: snapshot.claims.length, anchored: 0, fuzzy: 0, unanchored: 0, conflicts: 0 };
			progress.tick();
			return { sidecar, check };
		});
		progress.done();
		let out = '';
		for (const { sidecar, check } of results) {
			summary.claims += check.claims;
			summary.fuzzy += check.fuzzy;
			summary.unanchored += check.unanchored;
			summary.conflicts += check.conflicts;
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
			io.stderr(`news-seed: validate: ${countOf(summary.sidecars, 'sidecar')}, ${countOf(summary.claims, 'claim')} (${summary.fuzzy} fuzzy, ${summary.unanchored} unanchored): ${countOf(summary.errors, 'error')}, ${countOf(summary.warnings, 'warning')}${summary.conflicts > 0 ? `, ${countOf(summary.conflicts, 'merge conflict')} kept` : ''}\n`);
		}
		return summary.errors > 0 || summary.conflicts > 0 ? exitCodes.failure : exitCodes.ok;
	},
};
