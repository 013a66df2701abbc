// Check-worthiness scores remembered across sessions (core/checkworthiness/rememberedScores.ts and the scoring
// worker's use of them): the file's round trip, its limits and bad files, and an article scored in one session
// found without scoring in the next, with the very scores a fresh scoring gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeRemembered, encodeRemembered, fingerprintOf, type ParagraphScoreLists } from '../../src/core/checkworthiness/rememberedScores';
import { scoreDocument } from '../../src/core/checkworthiness/scorer';
import {
	plainScore, ScoringClient, ScoringWorkerState, scoringWorkerHandler,
	type ScoringChannel, type ScoringJob, type ScoringReply,
} from '../../src/core/checkworthiness/scoringWorker';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { parseSeed } from '../../src/core/seed/seedParser';

const lists = (n: number, reasons: number): ParagraphScoreLists => ({
	starts: Array.from({ length: n }, (_, i) => i * 10),
	ends: Array.from({ length: n }, (_, i) => i * 10 + 9),
	scores: Array.from({ length: n }, (_, i) => i / (n + 1)),
	reasonCounts: Array.from({ length: n }, (_, i) => (i === 0 ? reasons : 0)),
	reasonFeatures: Array.from({ length: reasons }, (_, i) => i),
	reasonStarts: Array.from({ length: reasons }, (_, i) => (i % 2 ? -1 : i)),
	reasonEnds: Array.from({ length: reasons }, (_, i) => (i % 2 ? -1 : i + 3)),
	contributions: Array.from({ length: reasons }, (_, i) => 0.25 * i),
});

const plainLists = (l: ParagraphScoreLists) => Object.fromEntries(Object.entries(l).map(([key, value]) => [key, Array.from(value as ArrayLike<number>)]));

/** A state's answer to a whole article, its encoding as plain arrays (what the editor receives). */
function answerWhole(state: ScoringWorkerState, key: string, text: string): Record<string, number[]> {
	const reply = state.answer({ kind: 'score', id: 1, key, version: 1, text });
	assert.equal(reply?.kind, 'scores');
	if (reply?.kind !== 'scores') throw new Error('no scores');
	return Object.fromEntries(Object.entries(reply.encoded).map(([name, array]) => [name, Array.from(array as ArrayLike<number>)]));
}

function exported(state: ScoringWorkerState): Uint8Array | undefined {
	const reply = state.answer({ kind: 'exportRemembered', id: 2 });
	assert.equal(reply?.kind, 'remembered');
	return reply?.kind === 'remembered' ? reply.bytes : undefined;
}

void describe('remembered check-worthiness scores', () => {
	void it('reads back what it wrote: texts unit for unit (a lone surrogate too), lists, the most recent first', () => {
		const paragraphs: [string, ParagraphScoreLists][] = [['First paragraph. Two.', lists(2, 3)], ['Lone \ud800 surrogate.', lists(1, 0)], ['“Quoted” 📉 text.', lists(3, 5)]];
		const bytes = encodeRemembered('abc', paragraphs, 1_000);
		const decoded = decodeRemembered(bytes, 'abc');
		assert.ok(decoded);
		assert.deepEqual([...decoded.keys()], paragraphs.map(([text]) => text));
		for (const [text, expected] of paragraphs) assert.deepEqual(plainLists(decoded.get(text)!), plainLists(expected));
		// Read from a buffer at an odd offset (a file read into a larger buffer).
		const shifted = new Uint8Array(bytes.length + 3);
		shifted.set(bytes, 3);
		assert.deepEqual([...decodeRemembered(shifted.subarray(3), 'abc')!.keys()], paragraphs.map(([text]) => text));
	});

	void it('keeps the most recent paragraphs up to its limit of text', () => {
		const paragraphs: [string, ParagraphScoreLists][] = Array.from({ length: 10 }, (_, i) => [`Paragraph ${i} of ten.`.padEnd(100, '.'), lists(1, 1)]);
		const decoded = decodeRemembered(encodeRemembered('f', paragraphs, 350), 'f');
		assert.deepEqual([...decoded!.keys()], paragraphs.slice(0, 3).map(([text]) => text));
	});

	void it('ignores another scorer\'s file, a cut one, a corrupt one and other bytes', () => {
		const bytes = encodeRemembered('scorer-1', [['A paragraph.', lists(2, 2)]], 1_000);
		assert.ok(decodeRemembered(bytes, 'scorer-1'));
		assert.equal(decodeRemembered(bytes, 'scorer-2'), undefined);
		assert.equal(decodeRemembered(bytes.subarray(0, bytes.length - 8), 'scorer-1'), undefined);
		assert.equal(decodeRemembered(new TextEncoder().encode('{"not": "scores"}'), 'scorer-1'), undefined);
		assert.equal(decodeRemembered(new Uint8Array(0), 'scorer-1'), undefined);
		const corrupt = bytes.slice();
		// The first paragraph's sentence count (after the 28-byte header, the 16-byte fingerprint and the
		// paragraph lengths, each part 8-byte aligned: at 56), made larger than the file's.
		new Int32Array(corrupt.buffer, 56, 1)[0] = 1_000;
		assert.equal(decodeRemembered(corrupt, 'scorer-1'), undefined);
	});

	void it('fingerprints bytes: equal bytes alike, any change not', () => {
		const script = new TextEncoder().encode('function score() { return 1; }');
		const changed = script.slice();
		changed[20] ^= 1;
		assert.equal(fingerprintOf(script), fingerprintOf(script.slice()));
		assert.notEqual(fingerprintOf(script), fingerprintOf(changed));
		assert.match(fingerprintOf(script), /^[0-9a-f]{16}$/);
	});

	void it('scores nothing for an article of an earlier session, with the very scores of a fresh scoring', () => {
		const text = warmUpArticle(3, 60);
		const first = new ScoringWorkerState();
		first.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		const fresh = answerWhole(first, 'a', text);
		assert.ok(first.scoredSentences > 200);
		const bytes = exported(first);
		assert.ok(bytes);
		assert.equal(exported(first), undefined, 'nothing changed since');

		const next = new ScoringWorkerState();
		const remembered = next.answer({ kind: 'remember', id: 0, fingerprint: 'scorer', bytes });
		const paragraphTexts = new Set(parseSeed(text).blocks.filter((b) => b.kind === 'paragraph').map((b) => text.slice(b.start, b.end)));
		assert.equal(remembered?.kind === 'remembered' && remembered.paragraphs, paragraphTexts.size);
		assert.deepEqual(answerWhole(next, 'a', text), fresh);
		assert.equal(next.scoredSentences, 0);

		// Another scorer (its script changed): the file is not used.
		const other = new ScoringWorkerState();
		other.answer({ kind: 'remember', id: 0, fingerprint: 'scorer 2', bytes });
		assert.deepEqual(answerWhole(other, 'a', text), fresh);
		assert.equal(other.scoredSentences, first.scoredSentences);
	});

	void it('scores only the paragraphs it has not seen, and keeps a closed article\'s', () => {
		const text = warmUpArticle(4, 40);
		const first = new ScoringWorkerState();
		first.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		answerWhole(first, 'a', text);
		first.answer({ kind: 'close', key: 'a' });
		const bytes = exported(first);
		assert.ok(bytes, 'the closed article\'s paragraphs are remembered');

		const edited = text.replace('Exports rose to', 'Exports climbed to');
		assert.notEqual(edited, text);
		const next = new ScoringWorkerState();
		next.answer({ kind: 'remember', id: 0, fingerprint: 'scorer', bytes });
		const scores = answerWhole(next, 'b', edited);
		const changedParagraph = edited.split('\n\n').find((p) => p.includes('Exports climbed to'))!;
		assert.equal(next.scoredSentences, parseSeed(changedParagraph).blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : [])).length);
		assert.deepEqual(scores, answerWhole(new ScoringWorkerState(), 'b', edited));
		assert.deepEqual(scoreDocument(parseSeed(edited)).map(plainScore).length, scores.starts.length);
	});

	void it('makes the editor\'s first job wait for the remembered scores being read, then go in order', async () => {
		const posted: ScoringJob['kind'][] = [];
		let listener: ((reply: ScoringReply) => void) | undefined;
		const handle = scoringWorkerHandler({
			reply: (reply) => setImmediate(() => listener?.(structuredClone(reply))),
			later: (task) => setImmediate(task),
			cpuMs: () => undefined,
			now: () => performance.now(),
		});
		const channel: ScoringChannel = {
			post: (job) => {
				posted.push(job.kind);
				const copy = structuredClone(job);
				setImmediate(() => handle(copy));
			},
			onReply: (l) => void (listener = l),
			onFailure: () => undefined,
			terminate: () => undefined,
		};
		const client = new ScoringClient(channel);
		const text = warmUpArticle(5, 20);
		const earlier = new ScoringWorkerState();
		earlier.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		answerWhole(earlier, 'a', text);
		const bytes = exported(earlier)!;
		let read!: (loaded: { fingerprint: string; bytes: Uint8Array }) => void;
		const paragraphs = client.remember(new Promise((resolve) => (read = resolve)), 60_000);
		const scored = client.score('a', 1, { text }, text);
		await new Promise((resolve) => setTimeout(resolve, 20));
		assert.deepEqual(posted, [], 'nothing posted while the file is being read');
		read({ fingerprint: 'scorer', bytes });
		assert.ok(await paragraphs > 10);
		const result = await scored;
		assert.deepEqual(posted, ['remember', 'score']);
		assert.deepEqual(result.scores.map(plainScore), scoreDocument(parseSeed(text)).map(plainScore));
		const saved = await client.exportRemembered();
		assert.equal(saved, undefined, 'nothing new to write: every paragraph came from the file');

		// A read slower than the wait: the article goes first; the scores come later and serve the next article.
		const slowPosted: ScoringJob['kind'][] = [];
		const slow = new ScoringClient({ ...channel, post: (job) => { slowPosted.push(job.kind); channel.post(job); } });
		let readLate!: (loaded: { fingerprint: string; bytes: Uint8Array }) => void;
		const lateParagraphs = slow.remember(new Promise((resolve) => (readLate = resolve)), 30);
		await slow.score('b', 1, { text }, text);
		assert.deepEqual(slowPosted, ['score']);
		readLate({ fingerprint: 'scorer', bytes });
		assert.ok(await lateParagraphs > 10);
		assert.deepEqual(slowPosted, ['score', 'remember']);
	});
});
