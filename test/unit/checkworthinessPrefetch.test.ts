// An article's file read and scored by the scoring worker when its tab opens, before the editor has its text (the
// worker's `prefetch` job, core/checkworthiness/scoringWorker.ts): the article's first job then scores nothing and
// replies exactly what a fresh scoring of the editor's text replies, whatever the file holds (another version of the
// text, CRLF lines, a byte order mark, text beyond Latin), and whenever that job comes (before, during or after the
// prefetch); what it may read (sizes, open articles) and how many such articles wait.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startCheckworthinessWorker } from '../../src/node/checkworthinessWorkerThread';
import { scoreDocument } from '../../src/core/checkworthiness/scorer';
import {
	plainScore, ScoringClient, ScoringWorkerState, scoringWorkerHandler,
	type ScoringChannel, type ScoringJob, type ScoringReply, type WorkerFiles,
} from '../../src/core/checkworthiness/scoringWorker';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { applyEdits, parseSeed } from '../../src/core/seed/seedParser';
import type { TextEdit } from '../../src/core/seed/seedDocument';
import { drainSteps } from '../../src/core/text/steps';

/** Files in memory; `reads` lists the paths read, in order. */
function memoryFiles(files: Record<string, string>): WorkerFiles & { reads: string[] } {
	const reads: string[] = [];
	return {
		reads,
		stat: (path) => (files[path] === undefined ? undefined : { size: new TextEncoder().encode(files[path]).length, mtime: 1 }),
		read: (path) => {
			reads.push(path);
			return files[path];
		},
	};
}

/**
 * An editor's client of a worker in this thread that reads `files`: messages cloned and delivered later, in order.
 * `settle` waits until the worker has nothing left to do.
 */
function clientWithFiles(files: WorkerFiles): { client: ScoringClient; replies: () => ScoringReply[]; state: () => ScoringWorkerState; settle: () => Promise<void> } {
	const replies: ScoringReply[] = [];
	let listener: ((reply: ScoringReply) => void) | undefined;
	let state: ScoringWorkerState | undefined;
	const handle = scoringWorkerHandler({
		reply: (reply) => {
			const cloned = structuredClone(reply);
			replies.push(cloned);
			setImmediate(() => listener?.(cloned));
		},
		later: (task) => setImmediate(task),
		cpuMs: () => undefined,
		now: () => performance.now(),
		files,
	}, (created) => (state = created));
	const channel: ScoringChannel = {
		post: (job: ScoringJob) => {
			const copy = structuredClone(job);
			setImmediate(() => handle(copy));
		},
		onReply: (l) => void (listener = l),
		onFailure: () => undefined,
		terminate: () => undefined,
	};
	const settle = async (): Promise<void> => {
		for (let i = 0; i < 400; i++) await new Promise((resolve) => setImmediate(resolve));
	};
	return { client: new ScoringClient(channel), replies: () => replies, state: () => state!, settle };
}

const prefetchJob = (path: string, minBytes = 1, maxBytes = 1e9): Extract<ScoringJob, { kind: 'prefetch' }> => ({ kind: 'prefetch', key: `file://${path}`, path, minBytes, maxBytes });

/** A whole-text job's reply: its encoding as plain arrays, the sentences it scored, and its prefetch figures. */
function answerWhole(state: ScoringWorkerState, key: string, text: string): { encoded: Record<string, number[]>; scored: number; prefetched?: number } {
	const reply = state.answer({ kind: 'score', id: 1, key, version: 1, text });
	if (reply?.kind !== 'scores') throw new Error(`no scores: ${JSON.stringify(reply)}`);
	return {
		encoded: Object.fromEntries(Object.entries(reply.encoded).map(([name, array]) => [name, Array.from(array as ArrayLike<number>)])),
		scored: reply.timing.scoredSentences,
		...(reply.timing.prefetch ? { prefetched: reply.timing.prefetch.sentences } : {}),
	};
}

/** What a fresh worker replies for `text` (nothing prefetched). */
const fresh = (text: string) => answerWhole(new ScoringWorkerState(), 'file:///fresh', text);

const sentencesOf = (text: string): number => scoreDocument(parseSeed(text)).length;

/** Articles whose sentences need ICU's rules (text beyond Latin), emoji, and CRLF line ends. */
const multiByte = `${warmUpArticle(21, 6)}\n\n東京の人口は1400万人を超えた。前年より2%増えた。\n\nLe PIB a augmenté de 3,5 % en 2023 🚀. Exports rose 12% 📈 to $4.5 billion.\n\n${warmUpArticle(22, 6).split('\n').slice(2).join('\n')}`;
const crlf = warmUpArticle(23, 20).replace(/\n/g, '\r\n');

void describe('an article read and scored when its tab opens (prefetch)', () => {
	const article = warmUpArticle(20, 60);

	void it('ends with the article held as if sent whole and the very reply a fresh scoring makes; its job then scores nothing and replies the same', () => {
		for (const text of [article, multiByte, crlf]) {
			const state = new ScoringWorkerState();
			const done = drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), memoryFiles({ '/a.txt': text })));
			assert.ok(done?.kind === 'prefetched' && done.key === 'file:///a.txt' && done.text === text);
			assert.equal(done.timing.prefetch?.sentences, sentencesOf(text));
			const expected = fresh(text).encoded;
			assert.deepEqual(Object.fromEntries(Object.entries(done.encoded).map(([name, array]) => [name, Array.from(array as ArrayLike<number>)])), expected);
			assert.equal(state.size, 1);
			const opened = answerWhole(state, 'file:///a.txt', text);
			assert.equal(opened.scored, 0);
			assert.deepEqual(opened.encoded, expected);
		}
	});

	void it('where the editor\'s text differs from the file (another version, other line ends), only the differing paragraphs are scored, and the reply is that of the editor\'s text', () => {
		const paragraphs = article.split('\n\n');
		const edited = [...paragraphs.slice(0, 10), 'Imports fell 30% in 2023, the ministry said.', ...paragraphs.slice(10)].join('\n\n');
		const state = new ScoringWorkerState();
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), memoryFiles({ '/a.txt': article })));
		const opened = answerWhole(state, 'file:///a.txt', edited);
		assert.equal(opened.scored, 1);
		assert.deepEqual(opened.encoded, fresh(edited).encoded);
		// The file has CRLF lines, the editor LF: every paragraph but those of one line differs.
		const other = new ScoringWorkerState();
		const lf = crlf.replace(/\r\n/g, '\n');
		drainSteps(other.prefetchSteps(prefetchJob('/b.txt'), memoryFiles({ '/b.txt': crlf })));
		assert.deepEqual(answerWhole(other, 'file:///b.txt', lf).encoded, fresh(lf).encoded);
	});

	void it('a job that comes during the prefetch scores the rest, and the prefetch stops there', () => {
		const state = new ScoringWorkerState();
		const steps = state.prefetchSteps(prefetchJob('/a.txt'), memoryFiles({ '/a.txt': article }));
		for (let i = 0; i < 20; i++) steps.next();
		const before = state.scoredSentences;
		const opened = answerWhole(state, 'file:///a.txt', article);
		assert.ok(opened.prefetched! > 0 && opened.scored > 0);
		assert.equal(opened.prefetched! + opened.scored, sentencesOf(article));
		assert.equal(state.scoredSentences - before, opened.scored);
		assert.deepEqual(opened.encoded, fresh(article).encoded);
		assert.equal(steps.next().done, true, 'the prefetch ends at its next step');
		assert.equal(state.scoredSentences - before, opened.scored, 'and scores nothing more');
	});

	void it('reads nothing for an open article, a file outside the sizes, twice for one key; keeps at most two unfinished', () => {
		const files = memoryFiles({ '/a.txt': article, '/b.txt': warmUpArticle(24, 30), '/c.txt': warmUpArticle(25, 30), '/small.txt': warmUpArticle(26, 1) });
		const state = new ScoringWorkerState();
		answerWhole(state, 'file:///open.txt', article);
		drainSteps(state.prefetchSteps({ ...prefetchJob('/a.txt'), key: 'file:///open.txt' }, files));
		drainSteps(state.prefetchSteps(prefetchJob('/small.txt', 4_000), files));
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt', 1, 1_000), files));
		assert.deepEqual(files.reads, []);
		// No seed article (no seed name, no dateline): read, but neither scored nor held.
		const notes = memoryFiles({ '/notes.txt': 'Exports rose 30% in 2023, the ministry said.\n\nImports fell.' });
		const openScored = state.scoredSentences;
		assert.equal(drainSteps(state.prefetchSteps(prefetchJob('/notes.txt'), notes)), undefined);
		assert.equal(state.scoredSentences, openScored);
		assert.equal(state.size, 1);
		// With a seed name it is one.
		const named = memoryFiles({ '/123_0123456789abcdef.txt': 'Exports rose 30% in 2023, the ministry said.\n\nImports fell.' });
		assert.equal(drainSteps(state.prefetchSteps(prefetchJob('/123_0123456789abcdef.txt'), named))?.kind, 'prefetched');
		assert.equal(state.scoredSentences, openScored + 2);
		// Its paragraphs are all in the open article's cache: nothing scored, the job takes it as it is.
		const scored = state.scoredSentences;
		files.reads.length = 0;
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), files));
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), files));
		assert.equal(state.scoredSentences, scored);
		// Three unfinished: the oldest (b) is dropped, and its next step ends it; c's job finds c's part.
		const b = state.prefetchSteps(prefetchJob('/b.txt'), files);
		const c = state.prefetchSteps(prefetchJob('/c.txt'), files);
		const d = state.prefetchSteps({ ...prefetchJob('/a.txt'), key: 'file:///d.txt' }, files);
		for (const steps of [b, c, d]) steps.next();
		assert.deepEqual(files.reads, ['/a.txt', '/b.txt', '/c.txt', '/a.txt']);
		assert.equal(b.next().done, true);
		c.next();
		c.next();
		assert.ok(answerWhole(state, 'file:///c.txt', warmUpArticle(25, 30)).prefetched! > 0);
		assert.equal(answerWhole(state, 'file:///b.txt', warmUpArticle(24, 30)).prefetched, undefined);
	});

	void it('in the worker: runs in slices between which an article\'s job is answered; a worker without files ignores it', async () => {
		const replies: ScoringReply[] = [];
		let state: ScoringWorkerState | undefined;
		const queue: (() => void)[] = [];
		const host = (files?: WorkerFiles) => scoringWorkerHandler({
			reply: (reply) => replies.push(reply),
			later: (task) => queue.push(task),
			cpuMs: () => undefined,
			now: () => performance.now(),
			...(files ? { files } : {}),
		}, (created) => (state = created));
		const big = warmUpArticle(27, 400);
		const handle = host(memoryFiles({ '/a.txt': big, '/b.txt': article }));
		handle(prefetchJob('/a.txt'));
		assert.ok(queue.length === 1, 'a first slice ran, the next one waits for its turn');
		const afterFirstSlice = state!.scoredSentences;
		assert.ok(afterFirstSlice < sentencesOf(big));
		// Another article's job is answered between two slices.
		handle({ kind: 'score', id: 3, key: 'file:///other', version: 1, text: article });
		assert.equal(replies.length, 1);
		while (queue.length > 0) queue.shift()!();
		assert.ok(replies[1].kind === 'prefetched' && replies[1].timing.prefetch?.finishedAt !== undefined);
		handle({ kind: 'score', id: 4, key: 'file:///a.txt', version: 1, text: big });
		const opened = replies[2];
		assert.ok(opened.kind === 'scores' && opened.timing.scoredSentences === 0);
		const without = host();
		without(prefetchJob('/a.txt'));
		assert.equal(queue.length, 0);
		assert.equal(state!.scoredSentences, 0);
	});

	void it('its scores come to the editor before the document: taken when the document\'s text is the file\'s (then edits only), else the text is sent whole', async () => {
		const files = memoryFiles({ '/a.txt': article, '/b.txt': warmUpArticle(30, 40), '/c.txt': warmUpArticle(31, 40), '/d.txt': warmUpArticle(32, 40) });
		const { client, replies, state, settle } = clientWithFiles(files);
		client.prefetch('file:///a.txt', '/a.txt', 1, 1e9);
		await settle();
		assert.ok(client.hasPrefetched('file:///a.txt'));
		const taken = client.takePrefetched('file:///a.txt', 1, article);
		assert.ok(taken);
		assert.deepEqual(taken.scores.map(plainScore), scoreDocument(parseSeed(article)));
		assert.equal(replies().filter((r) => r.kind === 'scores').length, 0, 'no job was sent');
		// The worker holds the article: typing sends the edits only.
		const paragraph = parseSeed(article).blocks.filter((b) => b.kind === 'paragraph')[30];
		const edits: TextEdit[] = [{ start: paragraph.start, end: paragraph.start, text: 'Imports fell 30% in 2023. ' }];
		const edited = applyEdits(article, edits);
		const typed = await client.score('file:///a.txt', 2, { edits: [edits] }, edited);
		assert.deepEqual(typed.scores.map(plainScore), scoreDocument(parseSeed(edited)));
		assert.ok(typed.timing.scoredSentences <= 8, `only the edited paragraph: ${typed.timing.scoredSentences}`);
		// Another text (unsaved changes restored): not taken; the text is sent whole and the worker takes it.
		client.prefetch('file:///b.txt', '/b.txt', 1, 1e9);
		await settle();
		const restored = `${warmUpArticle(30, 40)}\n\nThe minister said unemployment doubled.`;
		assert.equal(client.takePrefetched('file:///b.txt', 1, restored), undefined);
		assert.equal(client.hasPrefetched('file:///b.txt'), false);
		const whole = await client.score('file:///b.txt', 1, { text: restored }, restored);
		assert.deepEqual(whole.scores.map(plainScore), scoreDocument(parseSeed(restored)));
		assert.equal(whole.timing.scoredSentences, 1);
		// At most two wait: a third drops the oldest, which the worker forgets.
		const open = state().size;
		for (const name of ['c', 'd']) {
			client.prefetch(`file:///${name}.txt`, `/${name}.txt`, 1, 1e9);
			await settle();
		}
		assert.equal(state().size, open + 2);
		client.prefetch('file:///e.txt', '/a.txt', 1, 1e9);
		await settle();
		assert.deepEqual(['c', 'd', 'e'].map((name) => client.hasPrefetched(`file:///${name}.txt`)), [false, true, true]);
		assert.equal(state().size, open + 2);
	});

	void it('a prefetched reply that comes after the article\'s job went is dropped (the worker takes the job\'s text)', async () => {
		const { client, settle } = clientWithFiles(memoryFiles({ '/a.txt': article }));
		client.prefetch('file:///a.txt', '/a.txt', 1, 1e9);
		const scored = client.score('file:///a.txt', 1, { text: article }, article);
		await settle();
		assert.equal(client.hasPrefetched('file:///a.txt'), false);
		assert.deepEqual((await scored).scores.map(plainScore), scoreDocument(parseSeed(article)));
	});

	void it('in the desktop\'s worker thread: reads the file itself (UTF-8, a byte order mark dropped, CRLF kept) and the article opens with every score known', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'ns-prefetch-'));
		const { build } = await import('esbuild');
		const script = join(folder, 'checkworthinessWorker.cjs');
		await build({ entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'node', 'checkworthinessWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
		const client = startCheckworthinessWorker(script);
		try {
			const texts = { 'plain.txt': article, 'bom.txt': multiByte, 'crlf.txt': crlf };
			for (const [name, text] of Object.entries(texts)) writeFileSync(join(folder, name), name === 'bom.txt' ? `\ufeff${text}` : text);
			for (const [name, text] of Object.entries(texts)) {
				const key = `file://${folder}/${name}`;
				client.prefetch(key, join(folder, name), 1, 1e9);
				// Its slices run between messages: a warm-up, in slices too and longer, ends after it.
				await client.warmUp(0.8);
				const taken = client.takePrefetched(key, 1, text);
				assert.ok(taken, `${name}: the file's text is the editor's`);
				assert.deepEqual(taken.scores.map(plainScore), scoreDocument(parseSeed(text)), name);
				// The worker holds it: a job with the text scores nothing.
				const opened = await client.score(key, 2, { text }, text);
				assert.equal(opened.timing.scoredSentences, 0, `${name}: every score known`);
			}
		} finally {
			client.dispose();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
