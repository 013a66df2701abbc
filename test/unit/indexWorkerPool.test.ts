import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileStamp } from '../../src/core/entities/indexCacheFormat';
import { scanBatch, type ScanBatch, type ScanIo } from '../../src/core/entities/indexScan';
import { IndexWorkerPool, type IndexWorkerEvents, type StartIndexWorker } from '../../src/core/entities/indexWorkerPool';
import { analyzeForIndex, answerIndexJob, prefetchBatch, type EntityIndexJob } from '../../src/core/entities/indexWorkerProtocol';

const encoder = new TextEncoder();
const seed = (n: number) => ` date 2025-01-0${n} Maria Ortega-Lindqvist arrived in Geneva. Ortega-Lindqvist spoke (${n}).`;

/** An in-memory file system for the scan: texts with stamps; `reads` counts the files read. */
function memoryFiles(files: Record<string, { text: string; stamp: FileStamp }>): ScanIo & { reads: string[] } {
	const reads: string[] = [];
	return {
		reads,
		stat: async (uri) => files[uri]?.stamp,
		read: async (uri) => {
			reads.push(uri);
			return files[uri] && encoder.encode(files[uri].text);
		},
		analyze: analyzeForIndex,
	};
}

const files = {
	'mem:/001_0000000000000001.txt': { text: seed(1), stamp: { mtime: 1, size: 10 } },
	'mem:/002_0000000000000002.txt': { text: seed(2), stamp: { mtime: 2, size: 10 } },
	'mem:/notes.txt': { text: 'shopping list', stamp: { mtime: 3, size: 13 } },
};
const batch: ScanBatch = {
	lexicons: [undefined],
	files: [
		{ uri: 'mem:/001_0000000000000001.txt', lexicon: 0, lexiconKey: 'none' },
		// Cached with the same stamp: not read.
		{ uri: 'mem:/002_0000000000000002.txt', stamp: { mtime: 2, size: 10 }, lexicon: 0, lexiconKey: 'none' },
		{ uri: 'mem:/notes.txt', lexicon: 0, lexiconKey: 'none' },
		{ uri: 'mem:/gone.txt', lexicon: 0, lexiconKey: 'none' },
	],
};

/** Workers in this thread, answering through the shared protocol with the given file access (none: a Web Worker). */
function inMemoryWorkers(localIo?: ScanIo, started: IndexWorkerEvents[] = []): StartIndexWorker {
	return (events) => {
		started.push(events);
		return {
			post: (job: EntityIndexJob) => void answerIndexJob(structuredClone(job), localIo).then((reply) => events.onReply(structuredClone(reply))),
			terminate: () => undefined,
		};
	};
}

void describe('the entity index worker protocol', () => {
	void it('a scan of bytes the host read answers exactly what a scan of the files answers, reading only changed files', async () => {
		const direct = await scanBatch(batch, memoryFiles(files));
		const host = memoryFiles(files);
		const prefetched = await prefetchBatch(batch, host);
		assert.deepEqual(host.reads, ['mem:/001_0000000000000001.txt', 'mem:/notes.txt'], 'the unchanged file and the gone one are not read');
		const reply = await answerIndexJob({ kind: 'scan', id: 7, batch, files: prefetched });
		assert.deepEqual(reply, { id: 7, results: direct });
		assert.deepEqual(direct?.map((r) => r.outcome), ['analysed', 'unchanged', 'not-seed', 'gone']);
	});

	void it('a worker without file access refuses a scan that comes without the files, as an error reply', async () => {
		assert.deepEqual(await answerIndexJob({ kind: 'scan', id: 1, batch }), { id: 1, error: 'this worker cannot read files: the batch must come with them' });
	});
});

void describe('IndexWorkerPool', () => {
	void it('scans batches with the bytes sent along, in up to `size` workers, and counts them', async () => {
		const started: IndexWorkerEvents[] = [];
		const pool = new IndexWorkerPool(inMemoryWorkers(undefined, started), { size: 2, kind: 'web worker', readsLocalFiles: false, idleMs: 10 });
		const host = memoryFiles(files);
		const answers = await Promise.all([1, 2, 3].map(async () => pool.scan(batch, await prefetchBatch(batch, host))));
		for (const answer of answers) assert.deepEqual(answer, await scanBatch(batch, memoryFiles(files)));
		assert.equal(started.length, 2);
		assert.deepEqual(pool.stats, { started: 2, jobs: 3, files: 12 });
		await pool.close();
		assert.equal(await pool.scan(batch, []), undefined, 'a closed pool answers nothing');
	});

	void it('posts a second job to a busy worker (it waits in the worker\'s queue, no idle gap), never a third; each answer goes to its job', async () => {
		const posted: EntityIndexJob[] = [];
		let events: IndexWorkerEvents | undefined;
		const pool = new IndexWorkerPool((e) => {
			events = e;
			return { post: (job) => void posted.push(job), terminate: () => undefined };
		}, { size: 1, kind: 'worker thread', readsLocalFiles: true, idleMs: 10 });
		const keys = ['a', 'b', 'c'];
		const answers = keys.map((key) => pool.analyze(seed(1), undefined, key));
		assert.deepEqual(posted.map((job) => job.id), [0, 1], 'two posted to the one worker, the third queued');
		const article = await analyzeForIndex(seed(1), undefined, 'x');
		assert.ok(article && events);
		// Answered out of order: each caller still gets its own job's answer.
		events.onReply({ id: 1, article: { ...article, key: 'b' } });
		assert.deepEqual(posted.map((job) => job.id), [0, 1, 2], 'the third posted once a job was answered');
		events.onReply({ id: 0, article: { ...article, key: 'a' } });
		events.onReply({ id: 2, article: { ...article, key: 'c' } });
		assert.deepEqual((await Promise.all(answers)).map((answer) => answer?.key), keys);
		assert.equal(pool.stats.jobs, 3);
		await pool.close();
	});

	void it('held until a promise settles, it queues jobs and starts no worker; then they run', async () => {
		const started: IndexWorkerEvents[] = [];
		const pool = new IndexWorkerPool(inMemoryWorkers(undefined, started), { size: 1, kind: 'web worker', readsLocalFiles: false, idleMs: 10 });
		let release: () => void = () => undefined;
		pool.holdUntil(new Promise<void>((resolve) => (release = resolve)));
		let answered = false;
		const answer = pool.analyze(seed(1), undefined, 'k').then((article) => {
			answered = true;
			return article;
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		assert.equal(started.length, 0, 'no worker started while held');
		assert.equal(answered, false);
		release();
		assert.equal((await answer)?.key, 'k');
		assert.equal(started.length, 1);
		await pool.close();
	});

	void it('prestart starts every worker before a job; the jobs then go to them, and idle workers end', async () => {
		const started: IndexWorkerEvents[] = [];
		const logged: string[] = [];
		const pool = new IndexWorkerPool(inMemoryWorkers(undefined, started), { size: 2, kind: 'web worker', readsLocalFiles: false, idleMs: 20, log: (line) => logged.push(line) });
		pool.prestart();
		pool.prestart();
		assert.equal(started.length, 2, 'started once, up to the size');
		assert.deepEqual(logged, ['entity index: worker pool starting (up to 2 web workers)']);
		const host = memoryFiles(files);
		const answers = await Promise.all([1, 2, 3].map(async () => pool.scan(batch, await prefetchBatch(batch, host))));
		for (const answer of answers) assert.deepEqual(answer, await scanBatch(batch, memoryFiles(files)));
		assert.deepEqual(pool.stats, { started: 2, jobs: 3, files: 12 });
		// Without jobs, the prestarted workers end after idleMs; a later job starts one again.
		await new Promise((resolve) => setTimeout(resolve, 60));
		await pool.scan(batch, await prefetchBatch(batch, host));
		assert.equal(pool.stats.started, 3);
		await pool.close();
		pool.prestart();
		assert.equal(pool.stats.started, 3, 'a closed pool starts nothing');
	});

	void it('a worker that fails to start or dies fails its job and the queued ones, so that the caller falls back', async () => {
		const logged: string[] = [];
		const failing = new IndexWorkerPool(() => {
			throw new Error('no Worker here');
		}, { size: 1, kind: 'web worker', readsLocalFiles: false, log: (m) => logged.push(m) });
		await assert.rejects(failing.analyze(seed(1), undefined, 'k'), /no Worker here/);
		assert.ok(logged.some((m) => m.includes('a web worker failed: no Worker here')), logged.join('\n'));
		const started: IndexWorkerEvents[] = [];
		const dying = new IndexWorkerPool((events) => {
			started.push(events);
			return { post: () => undefined, terminate: () => undefined };
		}, { size: 1, kind: 'web worker', readsLocalFiles: false });
		const first = dying.analyze(seed(1), undefined, 'a');
		const queued = dying.analyze(seed(2), undefined, 'b');
		started[0].onFailure(new Error('the web worker did not start within 20 s'));
		await assert.rejects(first, /did not start/);
		await assert.rejects(queued, /did not start/);
		await dying.close();
	});
});
