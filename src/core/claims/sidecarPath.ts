/**
 * The one rule that pairs an article with its claims sidecar: `<stem>.txt` beside `<stem>.claims.json`.
 * Works on file names, on paths with either separator and on URI strings (only the end of the string changes).
 */

const SIDECAR_SUFFIX = /\.claims\.json$/i;
const TEXT_SUFFIX = /\.txt$/i;

/** The glob of sidecar files, for watchers and searches. */
export const SIDECAR_GLOB = '**/*.claims.json';

/**
 * The sidecar of an article's file name, path or URI: `.txt` (any case) is replaced by `.claims.json`, any
 * other name gets `.claims.json` appended. Folders, if given, are kept.
 */
export function sidecarNameFor(articleFileName: string): string {
	return TEXT_SUFFIX.test(articleFileName) ? `${articleFileName.slice(0, -4)}.claims.json` : `${articleFileName}.claims.json`;
}

/** The article of a sidecar's file name, path or URI: `<stem>.claims.json` -> `<stem>.txt` beside it. */
export function articleNameFor(sidecarFileName: string): string {
	return sidecarFileName.replace(SIDECAR_SUFFIX, '.txt');
}

/** True for names that `sidecarNameFor` produces (`*.claims.json`, any case). */
export function isSidecarName(fileName: string): boolean {
	return SIDECAR_SUFFIX.test(fileName);
}

/** True for article file names (`*.txt`, any case). */
export function isArticleName(fileName: string): boolean {
	return TEXT_SUFFIX.test(fileName);
}

/** The last segment of a path or URI (either separator). */
export function baseNameOf(path: string): string {
	return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The file `name` in the same folder as `path` (a path or URI string), with the separator `path` uses. */
export function besidePath(path: string, name: string): string {
	const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	return cut < 0 ? name : `${path.slice(0, cut + 1)}${name}`;
}
