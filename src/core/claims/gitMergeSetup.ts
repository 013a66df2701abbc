/**
 * What `news-seed git-setup` (and the editor's offer) writes so that git merges sidecars with the claim merge:
 * a `.gitattributes` line that names the driver for `*.claims.json`, and the driver's shell command for the
 * repository's config (`merge.news-seed.driver`).
 */

/** The merge driver's name in `.gitattributes` and in git's config (`merge.<name>.driver`). */
export const MERGE_DRIVER_NAME = 'news-seed';

/** The `.gitattributes` line that sends sidecars through the driver. */
export const MERGE_ATTRIBUTE_LINE = `*.claims.json merge=${MERGE_DRIVER_NAME}`;

/** `merge.news-seed.name`: the description git shows for the driver. */
export const MERGE_DRIVER_DESCRIPTION = 'News Seed claims sidecar merge';

/** True when a `.gitattributes` text already gives `*.claims.json` our merge driver. */
export function hasMergeAttribute(gitattributes: string): boolean {
	return gitattributes.split(/\r?\n/).some((line) => {
		const [pattern, ...attributes] = line.trim().split(/\s+/);
		return pattern === '*.claims.json' && attributes.includes(`merge=${MERGE_DRIVER_NAME}`);
	});
}

/**
 * The `.gitattributes` text with our line added at the end (the user's lines kept as they are, the file's line
 * ending followed), or null when the line is already there. `existing` is null when there is no file.
 */
export function withMergeAttribute(existing: string | null): string | null {
	if (existing === null || existing === '') {
		return `${MERGE_ATTRIBUTE_LINE}\n`;
	}
	if (hasMergeAttribute(existing)) {
		return null;
	}
	const eol = existing.includes('\r\n') ? '\r\n' : '\n';
	const separator = existing.endsWith('\n') ? '' : eol;
	return `${existing}${separator}${MERGE_ATTRIBUTE_LINE}${eol}`;
}

/**
 * A word for a POSIX shell (git runs merge drivers with `sh -c`, Git for Windows included): left bare when it
 * holds only safe characters, else in single quotes with each `'` written `'\''`.
 */
export function shellQuote(word: string): string {
	return /^[A-Za-z0-9_\-./:=@+,]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The driver command for `merge.news-seed.driver`: the program (absolute paths of node and of the bundled
 * dist/cli.js, so it works from any folder) with git's placeholders for base, ours, theirs and the path.
 * `environment` assignments go first (`ELECTRON_RUN_AS_NODE=1` when the program is VS Code's own runtime).
 */
export function mergeDriverCommand(nodePath: string, cliPath: string, environment: Readonly<Record<string, string>> = {}): string {
	const assignments = Object.entries(environment).map(([name, value]) => `${name}=${shellQuote(value)}`);
	return [...assignments, shellQuote(nodePath), shellQuote(cliPath), 'merge-driver', '%O', '%A', '%B', '%P'].join(' ');
}
