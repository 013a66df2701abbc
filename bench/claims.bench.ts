// The claims core against its speed targets (issue "Claims", section 5), on a generated 1 MB article with
// 1,000 claims: moving every claim through one editor edit (< 5 ms), re-anchoring all claims after an external
// change that shifts every claim and rewords 10% of them (< 500 ms), and serialising the sidecar (< 50 ms).
// Also prints anchoring on open and parsing for context. Prints medians and verdicts; never asserts timings.
import {
	anchorClaims, createClaim, createSidecar, mapAnchorsThroughEdits, parseSidecar, prepareArticle, serialiseSidecar,
	type Claim, type RandomBytes,
} from '../src/core/claims';
import type { TextEdit } from '../src/core/seed/seedDocument';
import { generateSeedText } from './seedCorpus';

const CLAIMS = 1000;
const REWORDED = CLAIMS / 10;

/** Median wall time in ms of `runs` calls, after one warm-up call. */
function median(runs: number, run: () => unknown): number {
	run();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return times[times.length >> 1];
}

const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);
const verdict = (value: number, target: number) => (value < target ? `OK (target < ${target} ms)` : `SLOW (target < ${target} ms)`);

/** Deterministic bytes, so every run makes the same claim ids. */
function randomBytes(seed: number): RandomBytes {
	let state = seed >>> 0;
	return (count) => Uint8Array.from({ length: count }, () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state >>> 24;
	});
}

const text = generateSeedText(1_000_000);

// Claims on sentences that occur once, so that a reworded one truly needs the fuzzy search.
const sentences = [...text.matchAll(/[A-Z“"][^.!?\n]{40,}[.!?]/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
const counts = new Map<string, number>();
for (const s of sentences) {
	counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
}
const unique = sentences.filter((s) => counts.get(s.text) === 1);
if (unique.length < CLAIMS) {
	throw new Error(`only ${unique.length} unique sentences in the generated article`);
}
const chosen = Array.from({ length: CLAIMS }, (_, i) => unique[Math.floor((i * unique.length) / CLAIMS)]);
const random = randomBytes(1);
const now = new Date('2024-03-17T09:00:00.000Z');
const original = prepareArticle(text);
const claims: Claim[] = chosen.map((s) => createClaim(text, s, { creator: 'bench', tags: ['bench'] }, now, random, original.index));
const targets = claims.map((c) => c.target);

console.log(`article: ${(text.length / 1e6).toFixed(2)} M UTF-16 units, ${CLAIMS} claims (${unique.length} unique sentences to choose from)`);

// 1. One keystroke in the middle of the article, as VS Code reports it.
const anchors = anchorClaims(original, targets);
const middle = chosen[CLAIMS >> 1].start + 5;
const keystroke: TextEdit[] = [{ start: middle, end: middle, text: 'x' }];
const editMs = median(201, () => mapAnchorsThroughEdits(anchors, keystroke));
console.log(`edit tracking, one keystroke, ${CLAIMS} claims: ${ms(editMs)}  ${verdict(editMs, 5)}`);

// 2. Changed on disk: a paragraph inserted at the top (every claim moves) and 10% of the claims reworded.
let changed = text;
const reworded = new Set<number>();
for (let i = CLAIMS - 1; i >= 0; i -= CLAIMS / REWORDED) {
	const s = chosen[i];
	const sentence = s.text;
	// Replace the third word, and one more near the end, as a copy editor would.
	const words = sentence.split(' ');
	words[2] = `${words[2]}ly`;
	words[words.length - 2] = 'changed';
	changed = changed.slice(0, s.start) + words.join(' ') + changed.slice(s.end);
	reworded.add(i);
}
const firstBreak = changed.indexOf('\n\n');
changed = `${changed.slice(0, firstBreak)}\n\nEditor's note: this paragraph was added outside VS Code.${changed.slice(firstBreak)}`;
let statuses = '';
const reanchorMs = median(7, () => {
	const result = anchorClaims(prepareArticle(changed), targets);
	const tally = { anchored: 0, fuzzy: 0, unanchored: 0 };
	for (const a of result) {
		tally[a.status]++;
	}
	statuses = `${tally.anchored} anchored, ${tally.fuzzy} fuzzy, ${tally.unanchored} unanchored`;
});
console.log(`re-anchoring after an external change (${reworded.size} reworded): ${ms(reanchorMs)}  ${verdict(reanchorMs, 500)}  [${statuses}]`);

const openMs = median(7, () => anchorClaims(prepareArticle(text), targets));
console.log(`anchoring on open, unchanged article: ${ms(openMs)}`);

// 3. The sidecar.
const sidecar = createSidecar({ fileName: '000_0000000000000000.txt', sha256: '0'.repeat(64), date: '2024-03-16' }, claims);
let bytes = 0;
const serialiseMs = median(21, () => {
	bytes = serialiseSidecar(sidecar).length;
});
console.log(`serialising the sidecar (${(bytes / 1e3).toFixed(0)} kB): ${ms(serialiseMs)}  ${verdict(serialiseMs, 50)}`);
const file = serialiseSidecar(sidecar);
const parseMs = median(7, () => parseSidecar(file));
console.log(`parsing and validating the sidecar: ${ms(parseMs)}  (status ${parseSidecar(file).status})`);
