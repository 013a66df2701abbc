/**
 * Offsets to lines and columns, for every place that reports or converts positions (the seed parser's unist
 * points, sidecar problems, the entity index, the command line). Columns count UTF-16 code units, as VS Code does.
 */

/**
 * Which characters end a line: `lf` only `\n` (the seed parser's rule: CRLF lines start after the LF, a lone
 * CR is text); `any` also a lone `\r` (VS Code's and JSON editors' rule).
 */
export type LineBreaks = 'lf' | 'any';

/** The offsets at which the lines of `text` start: `[0, …]`, one per line, ascending. Linear. */
export function lineStartsOf(text: string, breaks: LineBreaks = 'any'): number[] {
	const starts = [0];
	if (breaks === 'lf') {
		for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
			starts.push(i + 1);
		}
		return starts;
	}
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 10) {
			starts.push(i + 1);
		} else if (ch === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		}
	}
	return starts;
}

/** The 0-based line and character (UTF-16 column) of `offset`, given the line starts; binary search. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
	let low = 0;
	let high = lineStarts.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (lineStarts[mid] <= offset) low = mid + 1;
		else high = mid;
	}
	const line = Math.max(0, low - 1);
	return { line, character: offset - lineStarts[line] };
}
