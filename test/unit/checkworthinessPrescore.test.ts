// Background scoring of large articles before they are opened (the scoring worker's `prescore` job,
// core/checkworthiness/scoringWorker.ts): which files it scores (size, newest first, the budget, open ones left),
// that an article it scored then opens with nothing to score and the very scores of a fresh scoring, in this
// session and the next (the remembered file), and that it yields to articles' jobs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startCheckworthinessWorker } from '../../src/node/checkworthinessWorkerThread';
import {
	ScoringWorkerState, scoringWorkerHandler,
	type PrescoreResult, type ScoringJob, type ScoringReply, type WorkerFiles,
} from '../../src/core/checkworthiness/scoringWorker';
import { warmUpArticle } from '../../src/core/checkworthiness/warmUp';
import { drainSteps } from '../../src/core/text/steps';

/** Files in memory: path -> text and modification time; `reads` lists the paths read, in order. */
function memoryFiles(files: Record<string, { text: string; mtime: number }>): WorkerFiles & { reads: string[] } {
	const reads: string[] = [];
	return {
		reads,
		stat: (path) => (files[path] ? { size: new TextEncoder().encode(files[path].text).length, mtime: files[path].mtime } : undefined),
		read: (path) => {
			reads.push(path);
			return files[path]?.text;
		},
	};
}

/** A state's answer to a whole article as plain arrays, and how many sentences it scored for it. */
function answerWhole(state: ScoringWorkerState, key: string, text: string): { encoded: Record<string, number[]>; scored: number } {
	const before = state.scoredSentences;
	const reply = state.answer({ kind: 'score', id: 1, key, version: 1, text });
	if (reply?.kind !== 'scores') throw new Error(`no scores: ${JSON.stringify(reply)}`);
	return { encoded: Object.fromEntries(Object.entries(reply.encoded).map(([name, array]) => [name, Array.from(array as ArrayLike<number>)])), scored: state.scoredSentences - before };
}

const job = (files: readonly string[], minBytes: number, maxUnits = 1e9): Extract<ScoringJob, { kind: 'prescore' }> => ({ kind: 'prescore', id: 7, files: files.map((path) => ({ key: `file://${path}`, path })), minBytes, maxUnits });

void describe('background scoring of large articles', () => {
	const big = warmUpArticle(11, 80);
	const bigger = warmUpArticle(12, 120);
	const small = warmUpArticle(13, 4);
	const minBytes = 8_000;

	void it('scores the large articles only, and an article it scored opens with nothing to score and the same scores', () => {
		assert.ok(big.length > minBytes && bigger.length > minBytes && small.length < minBytes);
		const files = memoryFiles({ '/w/big.txt': { text: big, mtime: 1 }, '/w/bigger.txt': { text: bigger, mtime: 2 }, '/w/small.txt': { text: small, mtime: 3 } });
		const state = new ScoringWorkerState();
		state.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		const result = drainSteps(state.prescoreSteps(job(['/w/big.txt', '/w/small.txt', '/w/bigger.txt', '/w/gone.txt'], minBytes), files));
		assert.deepEqual({ ...result, sentences: result.sentences > 0 }, { supported: true, files: 4, large: 2, articles: 2, skipped: 0, paragraphs: result.paragraphs, sentences: true });
		assert.deepEqual(files.reads, ['/w/bigger.txt', '/w/big.txt'], 'the newest first; the small one is not read');
		const fresh = answerWhole(new ScoringWorkerState(), 'file:///w/big.txt', big);
		const opened = answerWhole(state, 'file:///w/big.txt', big);
		assert.equal(opened.scored, 0, 'every paragraph known');
		assert.deepEqual(opened.encoded, fresh.encoded);
		assert.ok(answerWhole(state, 'file:///w/small.txt', small).scored > 0, 'the small one was not scored before');

		// Scored again (the next start finds it unchanged): read, nothing scored.
		const again = drainSteps(state.prescoreSteps(job(['/w/bigger.txt'], minBytes), files));
		assert.equal(again.articles, 1);
		assert.equal(again.paragraphs, 0);
		assert.equal(again.sentences, 0);
	});

	void it('keeps every paragraph it scores when an export runs in the middle of the job', () => {
		const files = memoryFiles({ '/w/big.txt': { text: big, mtime: 1 } });
		const state = new ScoringWorkerState();
		state.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		const steps = state.prescoreSteps(job(['/w/big.txt'], minBytes), files);
		// Read, parsed and a few paragraphs scored; then the editor's export is answered between two of the job's steps.
		for (let i = 0; i < 6; i++) assert.equal(steps.next().done, false);
		drainSteps(state.exportSteps({ kind: 'exportRemembered', id: 2 }));
		const result = drainSteps(steps);
		assert.ok(result.paragraphs > 10, `${result.paragraphs} paragraphs scored`);
		const exported = drainSteps(state.exportSteps({ kind: 'exportRemembered', id: 3 }));
		const bytes = exported.kind === 'remembered' ? exported.bytes : undefined;
		assert.ok(bytes, 'the paragraphs scored after the first export are written by the next');
		assert.equal(answerWhole(state, 'file:///w/big.txt', big).scored, 0, 'every paragraph known in this session');
		const next = new ScoringWorkerState();
		next.answer({ kind: 'remember', id: 0, fingerprint: 'scorer', bytes });
		assert.equal(answerWhole(next, 'file:///w/big.txt', big).scored, 0, 'and in the next');
	});

	void it('keeps what it scored for the next session (the remembered file)', () => {
		const files = memoryFiles({ '/w/big.txt': { text: big, mtime: 1 } });
		const state = new ScoringWorkerState();
		state.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		drainSteps(state.prescoreSteps(job(['/w/big.txt'], minBytes), files));
		const exported = state.answer({ kind: 'exportRemembered', id: 2 });
		const bytes = exported?.kind === 'remembered' ? exported.bytes : undefined;
		assert.ok(bytes, 'the prescored paragraphs are to be written');
		const next = new ScoringWorkerState();
		next.answer({ kind: 'remember', id: 0, fingerprint: 'scorer', bytes });
		const opened = answerWhole(next, 'file:///w/big.txt', big);
		assert.equal(opened.scored, 0);
		assert.deepEqual(opened.encoded, answerWhole(new ScoringWorkerState(), 'x', big).encoded);
	});

	void it('leaves open articles, unreadable files and those beyond its budget (the oldest)', () => {
		const c = warmUpArticle(14, 80);
		const files = memoryFiles({ '/w/a.txt': { text: big, mtime: 5 }, '/w/b.txt': { text: bigger, mtime: 4 }, '/w/c.txt': { text: c, mtime: 3 }, '/w/d.txt': { text: warmUpArticle(15, 80), mtime: 2 } });
		files.read = ((read) => (path: string) => (path === '/w/b.txt' ? undefined : read(path)))(files.read);
		const state = new ScoringWorkerState();
		state.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		answerWhole(state, 'file:///w/a.txt', big);
		const result = drainSteps(state.prescoreSteps(job(['/w/a.txt', '/w/b.txt', '/w/c.txt', '/w/d.txt'], minBytes, c.length + 10), files));
		assert.equal(result.large, 4);
		// a is open (its own job scores it), b cannot be read, c fits the budget, d (older) does not.
		assert.equal(result.articles, 1);
		assert.equal(result.skipped, 3);
		assert.equal(answerWhole(state, 'file:///w/c.txt', c).scored, 0);
		assert.ok(answerWhole(state, 'file:///w/d.txt', warmUpArticle(15, 80)).scored > 0);
		// A budget smaller than the article: nothing scored.
		const tight = new ScoringWorkerState();
		tight.answer({ kind: 'remember', id: 0, fingerprint: 'scorer' });
		const none = drainSteps(tight.prescoreSteps(job(['/w/c.txt'], minBytes, 1_000), files));
		assert.deepEqual([none.articles, none.skipped, none.sentences], [0, 1, 0]);
		// No remembered scores to keep them in (no workspace storage): nothing scored either.
		const nowhere = drainSteps(new ScoringWorkerState().prescoreSteps(job(['/w/c.txt'], minBytes), files));
		assert.deepEqual([nowhere.articles, nowhere.sentences], [0, 0]);
	});

	void it('in the worker: the remembered scores are exported in steps, an article\'s job answered meanwhile and taken by the next export', async () => {
		const replies: ScoringReply[] = [];
		const handle = scoringWorkerHandler({
			reply: (reply) => replies.push(reply),
			later: (task) => setImmediate(task),
			cpuMs: () => undefined,
			now: () => performance.now(),
		});
		handle({ kind: 'remember', id: 1, fingerprint: 'scorer' });
		for (let i = 0; i < 8; i++) handle({ kind: 'score', id: 10 + i, key: `a${i}`, version: 1, text: warmUpArticle(40 + i, 150) });
		replies.length = 0;
		handle({ kind: 'exportRemembered', id: 2 });
		await new Promise((resolve) => setImmediate(resolve));
		const late = warmUpArticle(60, 30);
		handle({ kind: 'score', id: 3, key: 'late', version: 1, text: late });
		const deadline = performance.now() + 30_000;
		while (!replies.some((r) => r.kind === 'remembered') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		assert.deepEqual(replies.map((r) => r.kind), ['scores', 'remembered'], 'the article was answered while the export ran');
		const first = replies[1] as Extract<ScoringReply, { kind: 'remembered' }>;
		assert.ok(first.bytes);
		// The next export takes the article scored meanwhile: a new session finds both.
		replies.length = 0;
		handle({ kind: 'exportRemembered', id: 4 });
		while (replies.length === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		const second = replies[0] as Extract<ScoringReply, { kind: 'remembered' }>;
		assert.ok(second.bytes, 'changed since the first export');
		const next = new ScoringWorkerState();
		next.answer({ kind: 'remember', id: 0, fingerprint: 'scorer', bytes: second.bytes });
		assert.equal(answerWhole(next, 'late', late).scored, 0);
		assert.equal(answerWhole(next, 'a3', warmUpArticle(43, 150)).scored, 0);
	});

	void it('in the worker: yields to an article\'s job, pauses after it, and says so where it cannot read files', async () => {
		const replies: ScoringReply[] = [];
		const host = (files?: WorkerFiles) => scoringWorkerHandler({
			reply: (reply) => replies.push(reply),
			later: (task) => setImmediate(task),
			after: (ms, task) => setTimeout(task, ms),
			cpuMs: () => undefined,
			now: () => performance.now(),
			...(files ? { files } : {}),
		});
		const texts: Record<string, { text: string; mtime: number }> = {};
		for (let i = 0; i < 6; i++) texts[`/w/${i}.txt`] = { text: warmUpArticle(20 + i, 150), mtime: i };
		const handle = host(memoryFiles(texts));
		handle({ kind: 'remember', id: 1, fingerprint: 'scorer' });
		handle(job(Object.keys(texts), minBytes));
		const opened = warmUpArticle(30, 40);
		// An article opened while it runs: answered at once, before the background job ends.
		await new Promise((resolve) => setTimeout(resolve, 5));
		handle({ kind: 'score', id: 9, key: 'file:///w/open.txt', version: 1, text: opened });
		const scoredAt = replies.findIndex((r) => r.kind === 'scores');
		assert.ok(scoredAt >= 0, 'the article is answered in the same turn');
		assert.equal(replies.some((r) => r.kind === 'prescored'), false, 'the background job is not done yet');
		const pausedFrom = performance.now();
		const deadline = performance.now() + 60_000;
		while (!replies.some((r) => r.kind === 'prescored') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
		const done = replies.find((r) => r.kind === 'prescored') as Extract<ScoringReply, { kind: 'prescored' }>;
		assert.ok(done, 'the background job ends');
		assert.ok(performance.now() - pausedFrom >= 450, 'it paused about half a second after the article\'s job');
		const result: PrescoreResult = done.result;
		assert.equal(result.articles, 6);
		assert.ok(result.slices > 3, `in slices (${result.slices})`);
		assert.ok(result.longestSliceMs < 200, `no long slice (${result.longestSliceMs.toFixed(1)} ms)`);

		replies.length = 0;
		const web = host();
		web(job(['/w/0.txt'], minBytes));
		assert.deepEqual(replies.map((r) => r.kind === 'prescored' && r.result.supported), [false]);
	});

	void it('in the desktop\'s worker thread: reads the files itself (a byte order mark dropped, as VS Code shows the text)', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'ns-prescore-'));
		// The worker thread's script bundled, as the extension ships it.
		const { build } = await import('esbuild');
		const script = join(folder, 'checkworthinessWorker.cjs');
		await build({ entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'node', 'checkworthinessWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'warning' });
		const client = startCheckworthinessWorker(script);
		try {
			writeFileSync(join(folder, 'big.txt'), big);
			writeFileSync(join(folder, 'bom.txt'), `\ufeff${bigger}`);
			writeFileSync(join(folder, 'small.txt'), small);
			await client.remember(Promise.resolve({ fingerprint: 'scorer' }), 60_000);
			const files = ['big.txt', 'bom.txt', 'small.txt', 'missing.txt'].map((name) => ({ key: `file://${folder}/${name}`, path: join(folder, name) }));
			const result = await client.prescore(files, minBytes, 1e9);
			assert.deepEqual([result.supported, result.files, result.large, result.articles], [true, 4, 2, 2]);
			assert.ok(result.sentences > 100 && result.slices > 1, JSON.stringify(result));
			for (const [name, text] of [['big.txt', big], ['bom.txt', bigger]] as const) {
				const opened = await client.score(`file://${folder}/${name}`, 1, { text }, text);
				assert.equal(opened.timing.scoredSentences, 0, `${name}: every score known`);
			}
			const smallOpened = await client.score(`file://${folder}/small.txt`, 1, { text: small }, small);
			assert.ok(smallOpened.timing.scoredSentences > 0);
		} finally {
			client.dispose();
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
