import { parseDateline } from './dateline';

/** `NNN_<16 lowercase hex>.txt`, the seed file name of docs/SEED-FORMAT.md (the manifest's filenamePatterns says the same). */
const seedFileName = /^[0-9]{3}_[0-9a-f]{16}\.txt$/;

/** True when a file's base name follows the seed naming scheme exactly (lowercase hex digits). */
export function isSeedFileName(baseName: string): boolean {
	return seedFileName.test(baseName);
}

/**
 * True when VS Code's case-insensitive match of the manifest's `filenamePatterns` gave a file the News Seed
 * language although its name breaks the scheme's case (`123_0123456789ABCDEF.txt`).
 */
export function matchesSeedNameOnlyIgnoringCase(baseName: string): boolean {
	return !seedFileName.test(baseName) && seedFileName.test(baseName.toLowerCase());
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
