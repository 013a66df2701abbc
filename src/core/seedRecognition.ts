import { parseDateline } from './dateline';

/**
 * `NNN_<16 hex>.txt`, the seed file name of SEED-FORMAT.md. VS Code lowercases both the name and the manifest's
 * `filenamePatterns` before matching, so upper-case hex digits match there; this check agrees with it.
 */
const seedFileName = /^[0-9]{3}_[0-9a-f]{16}\.txt$/i;

/** True when a file's base name follows the seed naming scheme (as VS Code matches it: ignoring case). */
export function isSeedFileName(baseName: string): boolean {
	return seedFileName.test(baseName);
}

/**
 * True when a text starts with a dateline, which makes a `.txt` file a seed file whatever its name. Only the
 * first line is read. A dateline with an impossible date still counts: the file is a seed file with a problem.
 */
export function startsWithDateline(text: string): boolean {
	const firstLineEnd = text.indexOf('\n');
	const firstLine = firstLineEnd < 0 ? text.slice(0, 400) : text.slice(0, Math.min(firstLineEnd, 400));
	return parseDateline(firstLine).dateline !== null;
}
