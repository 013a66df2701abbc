/**
 * Git's merge conflict markers in a sidecar: recognising them and taking the file apart into the versions they
 * hold, so that the claims of both sides can be merged again (`news-seed resolve`, the editor's Resolve Claim
 * Merge Conflict).
 *
 * A conflicted region looks like this (the `|||||||` part only in diff3 and zdiff3 styles):
 * ```
 * <<<<<<< ours-label
 * ...ours...
 * ||||||| base-label
 * ...base...
 * =======
 * ...theirs...
 * >>>>>>> theirs-label
 * ```
 * Markers are seven characters at the start of a line, followed by a space or the end of the line (git's
 * default `conflict-marker-size`). A sidecar's own lines are indented JSON, so they never start that way.
 */

/** The versions held by a file with conflict markers. Line ends are kept as they were. */
export interface ConflictVersions {
	/** The text with every region replaced by its first part (git's "ours": HEAD's side). */
	readonly ours: string;
	/** The text with every region replaced by its last part (git's "theirs"). */
	readonly theirs: string;
	/** The text with every region replaced by its `|||||||` part; null unless every region has one. */
	readonly base: string | null;
	/** How many conflicted regions the file holds. */
	readonly regions: number;
}

/** The outcome of {@link splitConflictMarkers}. */
export type ConflictSplit =
	| { readonly status: 'none' }
	/** Markers that do not form complete regions (`line` is 1-based, where reading failed). */
	| { readonly status: 'malformed'; readonly line: number; readonly message: string }
	| ({ readonly status: 'split' } & ConflictVersions);

const START = /^<{7}(?:[ \t]|\r?$)/m;
const END = /^>{7}(?:[ \t]|\r?$)/m;

type Marker = '<' | '|' | '=' | '>';

function markerOf(line: string): Marker | null {
	const c = line[0];
	if (c !== '<' && c !== '|' && c !== '=' && c !== '>') {
		return null;
	}
	if (line.length < 7 || line.slice(0, 7) !== c.repeat(7)) {
		return null;
	}
	const next = line[7];
	return next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n' ? c : null;
}

/** The 1-based line of the first `<<<<<<<` marker, or null when the text has no conflict region. */
export function findConflictMarker(text: string): number | null {
	// A plain search first: the multi-line regex costs tens of milliseconds on a large sidecar read for the first time.
	if (!text.includes('<'.repeat(7))) {
		return null;
	}
	const start = START.exec(text);
	if (!start || !END.test(text)) {
		return null;
	}
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < start.index; i = text.indexOf('\n', i + 1)) {
		line++;
	}
	return line;
}

/** True when the text holds git conflict markers (a `<<<<<<<` line and a `>>>>>>>` line). */
export function hasConflictMarkers(text: string): boolean {
	return findConflictMarker(text) !== null;
}

/**
 * Takes a text with conflict markers apart into ours, theirs and (diff3 style) base. Lines outside the
 * regions belong to every version. Linear in the text's length.
 */
export function splitConflictMarkers(text: string): ConflictSplit {
	if (!hasConflictMarkers(text)) {
		return { status: 'none' };
	}
	const ours: string[] = [];
	const theirs: string[] = [];
	const base: string[] = [];
	let everyRegionHasBase = true;
	let regions = 0;
	let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
	let regionHasBase = false;
	let lineNumber = 0;
	let regionStart = 0;
	const malformed = (message: string): ConflictSplit => ({ status: 'malformed', line: lineNumber, message });
	for (let at = 0; at < text.length;) {
		const newline = text.indexOf('\n', at);
		const end = newline === -1 ? text.length : newline + 1;
		const line = text.slice(at, end);
		at = end;
		lineNumber++;
		const marker = markerOf(line);
		switch (marker) {
			case '<':
				if (state !== 'common') {
					return malformed('a new conflict region starts inside another one');
				}
				state = 'ours';
				regionHasBase = false;
				regionStart = lineNumber;
				continue;
			case '|':
				if (state === 'common') {
					break;
				}
				if (state !== 'ours') {
					return malformed('a "|||||||" line outside the first part of a conflict region');
				}
				state = 'base';
				regionHasBase = true;
				continue;
			case '=':
				if (state === 'ours' || state === 'base') {
					state = 'theirs';
					continue;
				}
				if (state === 'theirs') {
					return malformed('a second "=======" line in one conflict region');
				}
				break;
			case '>':
				if (state !== 'theirs') {
					return malformed('a ">>>>>>>" line without its "<<<<<<<" and "=======" lines');
				}
				state = 'common';
				regions++;
				everyRegionHasBase &&= regionHasBase;
				continue;
			default:
				break;
		}
		if (state === 'common' || state === 'ours') {
			ours.push(line);
		}
		if (state === 'common' || state === 'theirs') {
			theirs.push(line);
		}
		if (state === 'common' || state === 'base') {
			base.push(line);
		}
	}
	if (state !== 'common') {
		lineNumber = regionStart;
		return malformed('the conflict region that starts here is not closed by a ">>>>>>>" line');
	}
	return { status: 'split', ours: ours.join(''), theirs: theirs.join(''), base: everyRegionHasBase ? base.join('') : null, regions };
}
