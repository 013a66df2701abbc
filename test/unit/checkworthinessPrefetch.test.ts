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
	plainScore, ScoringWorkerState, scoringWorkerHandler,
	type ScoringJob, type ScoringReply, type WorkerFiles,
} from '../../src/core/checkworthiness/scoringWorker';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { parseSeed } from '../../src/core/seed/seedParser';
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

	void it('its first job then scores nothing, and replies exactly what a fresh scoring does', () => {
		for (const text of [article, multiByte, crlf]) {
			const state = new ScoringWorkerState();
			drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), memoryFiles({ '/a.txt': text })));
			const opened = answerWhole(state, 'file:///a.txt', text);
			assert.equal(opened.scored, 0);
			assert.equal(opened.prefetched, sentencesOf(text));
			assert.deepEqual(opened.encoded, fresh(text).encoded);
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

	void it('reads nothing for an open article, a file outside the sizes, twice for one key; keeps at most two waiting', () => {
		const files = memoryFiles({ '/a.txt': article, '/b.txt': warmUpArticle(24, 30), '/c.txt': warmUpArticle(25, 30), '/small.txt': warmUpArticle(26, 1) });
		const state = new ScoringWorkerState();
		answerWhole(state, 'file:///open.txt', article);
		drainSteps(state.prefetchSteps({ ...prefetchJob('/a.txt'), key: 'file:///open.txt' }, files));
		drainSteps(state.prefetchSteps(prefetchJob('/small.txt', 4_000), files));
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt', 1, 1_000), files));
		assert.deepEqual(files.reads, []);
		// Its paragraphs are all in the open article's cache: nothing scored, the job takes it as it is.
		const scored = state.scoredSentences;
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), files));
		drainSteps(state.prefetchSteps(prefetchJob('/a.txt'), files));
		assert.equal(state.scoredSentences, scored);
		drainSteps(state.prefetchSteps(prefetchJob('/b.txt'), files));
		drainSteps(state.prefetchSteps(prefetchJob('/c.txt'), files));
		assert.deepEqual(files.reads, ['/a.txt', '/b.txt', '/c.txt']);
		// a.txt's prefetch was the oldest of three: dropped, so its job gets no prefetch figures.
		assert.equal(answerWhole(state, 'file:///a.txt', article).prefetched, undefined);
		assert.ok(answerWhole(state, 'file:///c.txt', warmUpArticle(25, 30)).prefetched! > 0);
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
		handle({ kind: 'score', id: 4, key: 'file:///a.txt', version: 1, text: big });
		const opened = replies[1];
		assert.ok(opened.kind === 'scores' && opened.timing.scoredSentences === 0 && opened.timing.prefetch?.finishedAt !== undefined);
		const without = host();
		without(prefetchJob('/a.txt'));
		assert.equal(queue.length, 0);
		assert.equal(state!.scoredSentences, 0);
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
				client.prefetch(`file://${folder}/${name}`, join(folder, name), 1, 1e9);
				// Its slices run between messages: a warm-up, in slices too and longer, ends after it.
				await client.warmUp(0.8);
				const opened = await client.score(`file://${folder}/${name}`, 1, { text }, text);
				assert.equal(opened.timing.scoredSentences, 0, `${name}: every score known`);
				// Those of its paragraphs an open article holds already are taken from there, not scored again.
				assert.ok(opened.timing.prefetch!.sentences > 0, name);
				assert.deepEqual(opened.scores.map(plainScore), scoreDocument(parseSeed(text)), name);
			}
		} finally {
			client.dispose();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
