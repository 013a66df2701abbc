// `news-seed merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for claims sidecars (git-setup registers it
// as `merge-driver %O %A %B %P`). Git runs it for merges, rebases, cherry-picks and `git stash pop` alike.
import * as path from 'node:path';
import { describeConflict, mergeSidecarVersions } from '../../core/claims';
import { parseCommandArgs } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { runGit } from '../../node/git';
import { articlePathFor, readTextOrNull, writeTextAtomically } from '../workspaceFiles';
import { countOf } from '../../core/text/countOf';

const help = `Usage: news-seed merge-driver BASE OURS THEIRS [PATH]

The git merge driver for claims sidecars; "news-seed git-setup" registers it, and git runs it with its
temporary files: BASE (%O, empty when both sides added the file), OURS (%A, where the result goes), THEIRS
(%B) and the file's PATH in the repository (%P).

The claims merge by id: claims added, changed or deleted on one side are taken from that side; a claim changed
differently on both sides keeps both versions in the sidecar (its "conflict" record), listed on standard
error. OURS always receives a valid sidecar, unless a side is not a valid sidecar at all: then OURS gets git's
usual conflict markers (nothing of either side is lost) and "news-seed resolve PATH" merges them once fixed.

Exit codes: 0 every claim merged; 1 a conflict remains (claims kept with both versions, or a side that could
not be read), so git reports the file as conflicted; 2 bad arguments or a missing file.
`;

/** Leaves git's own line-by-line merge with conflict markers (diff3 style, so the base is kept too) in `ours`. */
async function leaveTextConflict(io: CliIo, base: string, ours: string, theirs: string): Promise<boolean> {
	const result = await runGit(['merge-file', '--diff3', '-L', 'ours', '-L', 'base', '-L', 'theirs', ours, base, theirs], io.cwd);
	// merge-file exits with the number of conflicts (capped at 127), negative on errors.
	return result.code !== null && result.code >= 0 && result.code < 128;
}

export const mergeDriverCommand: CliCommand = {
	name: 'merge-driver',
	summary: 'git merge driver for claims sidecars (registered by git-setup; run by git)',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('merge-driver', args, {});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length < 3 || positionals.length > 4) {
			throw new UsageError('merge-driver: expects BASE OURS THEIRS [PATH] (git passes %O %A %B %P)');
		}
		const [baseFile, oursFile, theirsFile] = positionals.slice(0, 3).map((p) => path.resolve(io.cwd, p));
		const shown = positionals[3] ?? positionals[1];
		const [base, ours, theirs] = await Promise.all([readTextOrNull(baseFile), readTextOrNull(oursFile), readTextOrNull(theirsFile)]);
		if (ours === null || theirs === null) {
			throw new UsageError(`merge-driver: cannot read ${ours === null ? 'OURS' : 'THEIRS'} (${ours === null ? positionals[1] : positionals[2]}): no such file`);
		}
		const articleFileName = positionals[3] !== undefined ? path.basename(articlePathFor(positionals[3])) : undefined;
		const outcome = mergeSidecarVersions({ base, ours, theirs }, articleFileName);
		if (outcome.status === 'unmergeable') {
			const left = await leaveTextConflict(io, baseFile, oursFile, theirsFile);
			io.stderr(`news-seed: merge-driver: ${shown}: cannot merge the claims (${outcome.reason}); ${left
				? `left git's conflict markers in the file. Fix the side that is not a sidecar, then run "news-seed resolve ${shown}".`
				: 'left our side in the file; git still holds both sides (git checkout --theirs / --ours).'}\n`);
			return exitCodes.failure;
		}
		await writeTextAtomically(oursFile, outcome.text);
		if (outcome.status === 'conflict') {
			io.stderr(`news-seed: merge-driver: ${shown}: ${countOf(outcome.conflicts.length, 'claim')} changed on both sides; the sidecar is valid and keeps both versions of each:\n`);
			for (const conflict of outcome.conflicts) {
				io.stderr(`  ${describeConflict(conflict)}\n`);
			}
			io.stderr(`news-seed: choose a version of each claim in the editor (or keep the sidecar as it is), then "git add ${shown}".\n`);
			return exitCodes.failure;
		}
		return exitCodes.ok;
	},
};
