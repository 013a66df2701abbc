/**
 * JSON.parse of a large sidecar in steps (10,000 claims make a 9 MB file: one JSON.parse is 20 to 40 ms).
 *
 * The file as `serialiseSidecar` writes it has its claims array at the top level, after the line
 * `  "claims": [`, each claim at an indentation of four spaces, and the array closed by a line `  ]`. Those raw
 * line breaks are structural (JSON strings cannot hold one). The array's text is cut between claims into batches;
 * the rest of the file is parsed with a random placeholder in the array's place, each batch as an array of its
 * own. The result is then exactly JSON.parse's: a placeholder found as the top-level `claims` value proves that
 * the cut-out text was that value (a later duplicate key would have replaced it), and JSON's grammar makes an
 * array of non-empty batches, each a valid list of values, the list of all those values. On any doubt (a file
 * written by hand, another layout, a batch that does not parse) the whole text goes to JSON.parse, which then
 * throws exactly as usual.
 */
import type { Steps } from '../text/steps';

const CLAIMS_OPEN = '\n  "claims": [\n';
const CLAIMS_CLOSE = '\n  ]';
/** Between two claims of a file written by `serialiseSidecar`; the comma is at offset 6. */
const BETWEEN_CLAIMS = '\n    },\n    {';
/** Below this size the file is parsed in one go (about 1 ms). */
const MIN_SPLIT_CHARS = 256 * 1024;

/**
 * Parses `json` as JSON.parse does (same value, same SyntaxError), yielding every `claimsPerStep` claims; texts
 * shorter than `minSplitChars` are parsed at once.
 */
export function* parseSidecarJsonSteps(json: string, claimsPerStep = 500, minSplitChars = MIN_SPLIT_CHARS): Steps<unknown> {
	const value = json.length < minSplitChars ? undefined : yield* parseInPieces(json, claimsPerStep);
	return value === undefined ? JSON.parse(json) as unknown : value;
}

/** The value, or undefined when the text is not laid out as expected or a piece does not parse. */
function* parseInPieces(json: string, claimsPerStep: number): Steps<unknown> {
	const head = json.indexOf(CLAIMS_OPEN);
	const close = head < 0 ? -1 : json.indexOf(CLAIMS_CLOSE, head + CLAIMS_OPEN.length - 1);
	if (close < 0) {
		return undefined;
	}
	const open = head + CLAIMS_OPEN.length - 2;
	const closeBracket = close + CLAIMS_CLOSE.length - 1;
	const placeholder = `claims placeholder ${Math.random()} ${Date.now()}`;
	let frame: unknown;
	try {
		frame = JSON.parse(json.slice(0, open) + JSON.stringify(placeholder) + json.slice(closeBracket + 1));
	} catch {
		return undefined;
	}
	if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || !Object.prototype.hasOwnProperty.call(frame, 'claims') || (frame as { claims: unknown }).claims !== placeholder) {
		return undefined;
	}
	yield;
	// One JSON.parse per claim, straight on a slice of the text (a batch in brackets would be a concatenated
	// string, which JSON.parse first copies: four times slower in all).
	const claims: unknown[] = [];
	let pieceStart = open + 1;
	while (pieceStart < closeBracket) {
		const between = json.indexOf(BETWEEN_CLAIMS, pieceStart);
		const pieceEnd = between !== -1 && between < close ? between + 6 : closeBracket;
		try {
			claims.push(JSON.parse(json.slice(pieceStart, pieceEnd)));
		} catch {
			return undefined;
		}
		pieceStart = pieceEnd + 1;
		if (claims.length % claimsPerStep === 0) {
			yield;
		}
	}
	(frame as { claims: unknown }).claims = claims;
	return frame;
}
