// `news-seed resolve FILE...`: turns a sidecar that holds git conflict markers back into a valid sidecar by
// merging the claims of both sides (the base from git when it still has one).
import * as path from 'node:path';
import { describeConflict, resolveConflictMarkers } from '../../core/claims';
import { displayPath, parseCommandArgs } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { conflictVersionsFromGit } from '../../node/git';
import { articlePathFor, readText, sidecarPathFor, writeTextAtomically } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';

const help = `Usage: news-seed resolve FILE... [--dry-run]

Resolves claims sidecars (*.claims.json; an article FILE stands for its sidecar) that hold git merge conflict
markers, written before "news-seed git-setup" or by a tool that ignored the merge driver: the claims of both
sides are merged by id, with the base version from git when it still has one (the conflicted index stages, or
the merge base of a merge in progress), else from diff3 markers, else none (every claim of both sides kept).
A claim changed differently on both sides keeps both versions in the sidecar. The result is written over the
FILE as a valid sidecar; then "git add FILE".

Options:
  --dry-run   print the merged sidecar on standard output instead of writing it
  -h, --help  show this help

Exit codes: 0 resolved (or nothing to resolve); 1 a claim conflict remains (both versions kept) or a file could
not be merged (left as it is); 2 bad arguments or a missing file.
`;

export const resolveCommand: CliCommand = {
	name: 'resolve',
	summary: 'merge the claims of a sidecar that holds git conflict markers into a valid sidecar',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('resolve', args, { 'dry-run': { type: 'boolean' } });
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length === 0) {
			throw new UsageError('resolve: which sidecar? (news-seed resolve FILE...)');
		}
		let code: number = exitCodes.ok;
		for (const given of positionals) {
			const absolute = path.resolve(io.cwd, given);
			const file = /\.txt$/i.test(absolute) ? sidecarPathFor(absolute) : absolute;
			const shown = displayPath(io, file);
			const text = await readText(file, 'sidecar');
			const stored = await conflictVersionsFromGit(file);
			const outcome = resolveConflictMarkers(text, stored, path.basename(articlePathFor(file)));
			switch (outcome.status) {
				case 'none':
					io.stderr(`news-seed: resolve: ${shown}: no merge conflict markers; left as it is\n`);
					continue;
				case 'malformed':
					io.stderr(`news-seed: resolve: ${shown}:${outcome.line}: ${outcome.message}; left as it is\n`);
					code = exitCodes.failure;
					continue;
				case 'unmergeable':
					io.stderr(`news-seed: resolve: ${shown}: cannot merge the claims (${outcome.reason}); left as it is\n`);
					code = exitCodes.failure;
					continue;
				default:
					break;
			}
			if (values['dry-run']) {
				io.stdout(outcome.text);
			} else {
				await writeTextAtomically(file, outcome.text);
			}
			const claims = outcome.sidecar.claims.length;
			io.stderr(`news-seed: resolve: ${shown}: ${values['dry-run'] ? 'would write' : 'wrote'} a valid sidecar with ${countOf(claims, 'claim')}${stored.base !== null ? ' (base from git)' : ''}\n`);
			if (outcome.status === 'conflict') {
				code = exitCodes.failure;
				for (const conflict of outcome.conflicts) {
					io.stderr(`  ${describeConflict(conflict)}\n`);
				}
			}
		}
		return code;
	},
};
