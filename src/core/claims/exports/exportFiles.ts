/**
 * Writing exports into a folder that may hold other files: an export replaces only files that an earlier export
 * wrote, recognised by their first bytes, and never a user's file of the same name.
 *
 * Signatures (each export writes its own at the start of the file):
 *  - W3C: the anno.jsonld context and our generator `urn:news-seed:news-seed-annotator`;
 *  - ClaimReview: the schema.org context followed by a graph of `ClaimReview` items, as we lay it out;
 *  - CSV: our header row; Markdown: our `# Claims report` title; brat: our `annotation.conf` comment, and `.ann`
 *    files holding only claim, verdict and note lines.
 * The brat copy of an article (`<stem>.txt`) is the adapter's to judge: the same text, or an earlier export's
 * `.ann` beside it and no sidecar (nobody works on that copy).
 */
import { CSV_COLUMNS } from './csvExport';

/** How many bytes of an existing file {@link isEarlierExport} needs. */
export const EXPORT_SIGNATURE_BYTES = 16 * 1024;

const W3C_GENERATOR = 'urn:news-seed:news-seed-annotator';

/** Complete lines of a file's head (the last one may be cut). */
function headLines(head: string): string[] {
	const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines.length > 1) {
		lines.pop();
	}
	return lines;
}

/**
 * Whether an existing file named `fileName` whose first {@link EXPORT_SIGNATURE_BYTES} bytes are `head` was written
 * by an export of ours (so an export of the same name may replace it). False for names no export writes.
 */
export function isEarlierExport(fileName: string, head: string): boolean {
	const name = fileName.toLowerCase();
	const text = head.replace(/^\uFEFF/, '');
	if (name.endsWith('.w3c.jsonld')) {
		return /^\{\s*"@context": "http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/.test(text) && text.includes(`"${W3C_GENERATOR}"`);
	}
	if (name.endsWith('.claimreview.jsonld')) {
		return /^\{\s*"@context": "https:\/\/schema\.org",\s*"@graph": \[\s*(\]|\{\s*"@type": "ClaimReview")/.test(text);
	}
	if (name.endsWith('.csv')) {
		return text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`);
	}
	if (name.endsWith('.md')) {
		return text.startsWith('# Claims report\n');
	}
	if (name === 'annotation.conf') {
		return text.startsWith('# News Seed Annotator: claims and their verdicts');
	}
	if (name.endsWith('.ann')) {
		return headLines(text).every((line) => line === '' || /^(T\d+\tClaim \d+ \d+(;\d+ \d+)*\t|A\d+\tVerdict T\d+ \S+$|#\d+\tAnnotatorNotes T\d+\t)/.test(line));
	}
	return false;
}

/** File names that two or more exported files share (two articles with the same name in different folders). */
export function collidingNames(names: readonly string[]): string[] {
	const seen = new Set<string>();
	const twice = new Set<string>();
	for (const name of names) {
		// Case-insensitive file systems (macOS, Windows) would make `A.ann` and `a.ann` one file.
		const key = name.toLowerCase();
		if (seen.has(key)) {
			twice.add(name);
		}
		seen.add(key);
	}
	return [...twice];
}

/** The folder holding `uri` (a URI string with an authority part, `scheme://authority/path`); a root is its own. */
function parentFolder(uri: string): string {
	const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?$/i.exec(uri);
	if (!match) return uri;
	const path = (match[2] ?? '').replace(/\/+$/, '');
	return `${match[1]}${path.slice(0, path.lastIndexOf('/')) || '/'}`;
}

/**
 * Where an export asks to be written by default: the folder that holds the articles' folder, so that a report
 * (which is not evidence) never lands among the articles. `scope` holds the URIs (as strings) being exported:
 * one article (its folder is the articles' folder) or folders (the first one is). `fallback`, the workspace
 * folder, stands for an empty scope. The root folder is its own parent. Undefined when nothing is known.
 */
export function exportDefaultFolder(scope: readonly string[], fallback?: string): string | undefined {
	const articlesFolder = scope.length === 1 && scope[0].endsWith('.txt') ? parentFolder(scope[0]) : scope[0] ?? fallback;
	return articlesFolder === undefined ? undefined : parentFolder(articlesFolder);
}
