/**
 * Which article an import file's claims go to, decided once for the command line and the editor.
 *
 * An import names its articles by file name only, resolved in one folder (the import file's, or one the user
 * gives): a W3C annotation by the last path segment of its target's `source` IRI, a brat `X.ann` as `X.txt`.
 * Nothing an import file holds can reach another folder: a name that, percent-decoded, holds a path separator
 * (`/` or `\`), is `.` or `..`, holds a colon (a drive or stream on Windows) or a control character, or is not a
 * `.txt` article is refused, and the caller writes nothing for it. Absolute paths and `file:` URIs count by
 * their last segment, like any IRI: they never lead outside the folder.
 */
import { sourceFileName } from './w3cAnnotation';

/** An import target: the article's file name inside the import folder, or why the annotation is refused. */
export type ImportTarget = { readonly fileName: string; readonly refused?: undefined } | { readonly fileName?: undefined; readonly refused: string };

/** Why `name` is no plain article file name of one folder, or null when it is one. */
export function unsafeFileNameReason(name: string): string | null {
	if (name === '' || name === '.' || name === '..') {
		return 'names no file';
	}
	if (/[/\\]/.test(name)) {
		return 'names a path, not a file of the folder';
	}
	if (name.includes(':') || [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
		return 'names a file with a colon or a control character';
	}
	if (!/\.txt$/i.test(name)) {
		return 'names no .txt article';
	}
	return null;
}

function shown(value: string): string {
	return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
}

/** The article a W3C annotation's target `source` IRI names (its last path segment, percent-decoded). */
export function w3cImportTarget(source: string): ImportTarget {
	const fileName = sourceFileName(source);
	const why = unsafeFileNameReason(fileName);
	return why === null ? { fileName } : { refused: `its target source ${shown(source)} ${why}; only articles in the import folder are imported` };
}

/** The article of a brat annotation file: `X.ann` -> `X.txt` in the same folder. */
export function bratImportTarget(annFileName: string): ImportTarget {
	const fileName = `${annFileName.replace(/\.ann$/i, '')}.txt`;
	const why = unsafeFileNameReason(fileName);
	return why === null ? { fileName } : { refused: `the brat file ${shown(annFileName)} ${why}` };
}
