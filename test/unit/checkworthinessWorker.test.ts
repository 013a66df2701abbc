import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreDocument, type SentenceScore } from '../../src/core/checkworthiness/scorer';
import {
	plainScore, ScoringClient, scoringWorkerHandler, type ScoringWorkerState,
	type ScoringChannel, type ScoringJob, type ScoringReply,
} from '../../src/core/checkworthiness/scoringWorker';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { applyEdits, parseSeed } from '../../src/core/seed/seedParser';
import type { TextEdit } from '../../src/core/seed/seedDocument';

/**
 * A worker in this thread, running the workers' own handler: jobs and replies go through structuredClone (as
 * postMessage copies them) and arrive later (a macrotask), in order. `replies` records what came back.
 */
function inThreadWorker(): { channel: ScoringChannel; replies: ScoringReply[]; fail(error: Error): void; openArticles(): number } {
	const replies: ScoringReply[] = [];
	let listener: ((reply: ScoringReply) => void) | undefined;
	let failure: ((error: Error) => void) | undefined;
	let state: ScoringWorkerState | undefined;
	const handle = scoringWorkerHandler({
		reply: (reply) => {
			const cloned = structuredClone(reply);
			replies.push(cloned);
			listener?.(cloned);
		},
		later: (task) => setImmediate(task),
		cpuMs: () => undefined,
		now: () => performance.now(),
	}, (created) => (state = created));
	const channel: ScoringChannel = {
		post(job: ScoringJob) {
			const copy = structuredClone(job);
			setImmediate(() => handle(copy));
		},
		onReply: (l) => void (listener = l),
		onFailure: (l) => void (failure = l),
		terminate: () => undefined,
	};
	return { channel, replies, fail: (error) => failure?.(error), openArticles: () => state?.size ?? -1 };
}

const plain = (scores: readonly SentenceScore[]): SentenceScore[] => scores.map(plainScore);

/** A generated article of `paragraphs` paragraphs, none alike, with a heading now and then. */
const article = (paragraphs: number): string => warmUpArticle(7, paragraphs);

void describe('check-worthiness scoring in a worker', () => {
	void it('gives every sentence the score and reasons the editor computes itself, reasons included (decoded when read)', async () => {
		// Over 512 new sentences: their reasons are decoded when first read, not with the reply.
		const text = article(150);
		const { channel } = inThreadWorker();
		const client = new ScoringClient(channel);
		const result = await client.score('a', 1, { text }, text);
		const expected = scoreDocument(parseSeed(text));
		assert.ok(expected.length > 600 && expected.some((s) => s.reasons.some((r) => r.text !== undefined)));
		assert.equal(result.version, 1);
		assert.equal(result.length, text.length);
		assert.deepEqual(plain(result.scores), expected);
	});

	void it('while typing, sends only the edits and gets back only the edited paragraph\'s reasons; unmoved sentences stay the same objects', async () => {
		let text = article(40);
		const { channel, replies } = inThreadWorker();
		const client = new ScoringClient(channel);
		const first = await client.score('a', 1, { text }, text);
		const doc = parseSeed(text);
		const paragraph = doc.blocks.filter((b) => b.kind === 'paragraph')[20];
		const at = paragraph.start + text.slice(paragraph.start).indexOf('. ') + 2;
		const edits: TextEdit[] = [{ start: at, end: at, text: 'Imports fell 30% in 2023. ' }];
		text = applyEdits(text, edits);
		const second = await client.score('a', 2, { edits: [edits] }, text);
		assert.deepEqual(plain(second.scores), scoreDocument(parseSeed(text)));
		const job = replies[1];
		assert.equal(job.kind, 'scores');
		if (job.kind !== 'scores') return;
		const newSentences = [...job.encoded.reuse].filter((i) => i < 0).length;
		const sentencesOfParagraph = second.scores.filter((s) => s.start >= paragraph.start && s.end <= paragraph.end + edits[0].text.length).length;
		assert.ok(sentencesOfParagraph >= 5);
		assert.equal(newSentences, sentencesOfParagraph, 'only the edited paragraph\'s sentences are sent with their reasons');
		const before = first.scores.filter((s) => s.end <= paragraph.start);
		assert.ok(before.length > 50);
		before.forEach((s, i) => assert.equal(second.scores[i], s, 'a sentence before the edit is the very object of before'));
		const moved = second.scores.filter((s) => s.start > paragraph.end + edits[0].text.length);
		assert.ok(moved.length > 50 && moved.every((s) => first.scores.some((f) => f.start + edits[0].text.length === s.start && f.reasons === s.reasons)), 'moved sentences share their reasons');
	});

	void it('applies the edits of several change events in order, each as VS Code reports them (any order within an event)', async () => {
		let text = article(12);
		const { channel } = inThreadWorker();
		const client = new ScoringClient(channel);
		await client.score('a', 1, { text }, text);
		const batches: TextEdit[][] = [];
		for (const word of ['Exports', 'Crime', 'Senator']) {
			const first = text.indexOf(word);
			const second = text.indexOf(word, first + 1);
			const batch = [{ start: second, end: second + word.length, text: 'Half of 40 million' }, { start: first, end: first + word.length, text: 'Nothing' }];
			batches.push(batch);
			text = applyEdits(text, batch);
		}
		const result = await client.score('a', 4, { edits: batches }, text);
		assert.deepEqual(plain(result.scores), scoreDocument(parseSeed(text)));
	});

	void it('an editor out of step with the worker is told (the lengths differ), and sending the text again recovers', async () => {
		const text = article(10);
		const { channel } = inThreadWorker();
		const client = new ScoringClient(channel);
		await client.score('a', 1, { text }, text);
		const edited = `${text} More.`;
		// The edit never reached the worker: its text is shorter than the editor's.
		await assert.rejects(client.score('a', 2, { edits: [] }, edited), /length is \d+ there, \d+ here/);
		const again = await client.score('a', 2, { text: edited }, edited);
		assert.deepEqual(plain(again.scores), scoreDocument(parseSeed(edited)));
	});

	void it('edits for an article the worker does not hold are an error, and a closed article is forgotten', async () => {
		const text = article(3);
		const { channel, openArticles } = inThreadWorker();
		const client = new ScoringClient(channel);
		await assert.rejects(client.score('b', 2, { edits: [[{ start: 0, end: 0, text: 'x' }]] }, `x${text}`), /must send it whole first/);
		await client.score('b', 3, { text }, text);
		assert.equal(openArticles(), 1);
		client.close('b');
		await new Promise((resolve) => setImmediate(resolve));
		assert.equal(openArticles(), 0);
	});

	void it('the warm-up runs in the worker and reports what it did; a failed worker fails every job at once', async () => {
		const { channel, fail } = inThreadWorker();
		const client = new ScoringClient(channel);
		const warm = await client.warmUp(0.8);
		assert.equal(warm.rounds, 30, "the editor's 20 rounds and 10 of the worker's own path");
		assert.ok(warm.slices > 10, `in slices between which jobs go first: ${JSON.stringify(warm)}`);
		assert.ok(warm.sentences > 2_000);
		const text = article(3);
		const pending = client.score('a', 1, { text }, text);
		fail(new Error('worker exited'));
		await assert.rejects(pending, /worker exited/);
		await assert.rejects(client.score('a', 2, { text }, text), /worker exited/);
		assert.match(String(client.failed), /worker exited/);
	});

	void it('a paragraph repeated in the article, then one copy edited, keeps every score and reason, and only the edited copy is sent anew', async () => {
		// The same paragraph three times: one cache entry of the worker serves all three.
		const repeated = 'The word tonnes came first, then exports fell to 4.5 million tonnes in 2023, the ministry said. Mr. Ortega said 40% of 300 workers left.';
		let text = ` date 2024-03-16 ${repeated}\n\n${article(6).split('\n\n').slice(1, 4).join('\n\n')}\n\n${repeated}\n\nA Heading\n\n${repeated}`;
		const { channel, replies } = inThreadWorker();
		const client = new ScoringClient(channel);
		const first = await client.score('a', 1, { text }, text);
		assert.deepEqual(plain(first.scores), scoreDocument(parseSeed(text)));
		assert.ok(first.scores.flatMap((s) => s.reasons).some((r) => r.text === '4.5 million tonnes'), 'the figure is a reason');
		const second = text.indexOf(repeated, text.indexOf(repeated) + 1);
		const edits: TextEdit[] = [{ start: second, end: second, text: 'Imports rose 12% in 2022. ' }];
		text = applyEdits(text, edits);
		const edited = await client.score('a', 2, { edits: [edits] }, text);
		assert.deepEqual(plain(edited.scores), scoreDocument(parseSeed(text)));
		const reply = replies[1];
		assert.ok(reply.kind === 'scores' && [...reply.encoded.reuse].filter((i) => i < 0).length === 3, 'only the edited copy\'s three sentences are new');
	});

	void it('applyEdits applies non-overlapping edits given in any order', () => {
		assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, text: 'X' }, { start: 0, end: 2, text: '' }, { start: 3, end: 3, text: '-' }]), 'c-dXf');
	});
});
