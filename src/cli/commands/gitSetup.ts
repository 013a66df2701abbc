// `news-seed git-setup [FOLDER]`: makes git merge claims sidecars with the claim merge (news-seed merge-driver).
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { MERGE_ATTRIBUTE_LINE, MERGE_DRIVER_NAME, mergeDriverCommand, withMergeAttribute } from '../../core/claims';
import { parseCommandArgs } from '../claimsCli';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { registerMergeDriver, repositoryRoot } from '../../node/git';
import { readTextOrNull, writeTextAtomically } from '../workspaceFiles';

const help = `Usage: news-seed git-setup [FOLDER]

Sets up the git repository that holds FOLDER (default: the current folder) so that git merges claims
sidecars claim by claim instead of line by line:
  - adds "${MERGE_ATTRIBUTE_LINE}" to .gitattributes at the repository's top (kept when there; the
    file's other lines are left as they are). Commit it: it is shared with the team.
  - registers the merge driver in the repository's own config (.git/config): merge.${MERGE_DRIVER_NAME}.driver
    runs this news-seed with the absolute paths of node and of the tool, so it works from any folder. Git does
    not share config: every clone runs git-setup once (or accepts the editor's offer).

Merges, rebases, cherry-picks and "git stash pop" then go through "news-seed merge-driver".

Exit codes: 0 done; 1 git failed; 2 bad arguments or FOLDER not in a git repository.
`;

/** The tool's own file: the bundled dist/cli.js that node runs (symbolic links such as node_modules/.bin resolved). */
function toolPath(): string {
	const script = process.argv[1];
	if (script === undefined) {
		throw new Error('cannot tell which file this tool runs from');
	}
	return realpathSync(script);
}

export const gitSetupCommand: CliCommand = {
	name: 'git-setup',
	summary: 'make git merge claims sidecars claim by claim (.gitattributes and the merge driver)',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('git-setup', args, {});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length > 1) {
			throw new UsageError('git-setup: expects at most one FOLDER');
		}
		const folder = path.resolve(io.cwd, positionals[0] ?? '.');
		const root = await repositoryRoot(folder);
		if (root === null) {
			throw new UsageError(`git-setup: ${positionals[0] ?? folder} is not in a git repository (or git is not installed)`);
		}
		const attributesFile = path.join(root, '.gitattributes');
		const attributes = withMergeAttribute(await readTextOrNull(attributesFile));
		if (attributes === null) {
			io.stderr(`news-seed: git-setup: ${attributesFile} already has "${MERGE_ATTRIBUTE_LINE}"\n`);
		} else {
			await writeTextAtomically(attributesFile, attributes);
			io.stderr(`news-seed: git-setup: added "${MERGE_ATTRIBUTE_LINE}" to ${attributesFile} (commit it to share it)\n`);
		}
		const command = mergeDriverCommand(process.execPath, toolPath());
		try {
			await registerMergeDriver(root, command);
		} catch (error) {
			io.stderr(`news-seed: git-setup: ${error instanceof Error ? error.message : String(error)}\n`);
			return exitCodes.failure;
		}
		io.stderr(`news-seed: git-setup: registered the merge driver in the config of ${root}: ${command}\n`);
		return exitCodes.ok;
	},
};
