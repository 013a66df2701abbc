import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSpans, encodeIndexCacheLine, parseIndexCacheLine } from '../../src/core/entities/indexCacheFormat';
import { scanBatch, type ScanIo } from '../../src/core/entities/indexScan';
import { mentionCount, type IndexedArticle } from '../../src/core/entities/indexedArticle';
import { analyzeForIndex } from '../../src/core/entities/indexWorkerProtocol';
import { WorkspaceEntityIndex } from '../../src/core/entities/workspaceEntityIndex';
import { generateArchive } from '../support/newsArchive';

const stamp = { mtime: 1_700_000_000_000, size: 1 };
const encoder = new TextEncoder();

/** Articles of the generated bench archive, and a few whose headings and names hold what JSON escapes. */
function texts(): string[] {
	const all = [...generateArchive(150)].map((article) => article.text);
	all.push(
		' date 2025-01-02 Talks "in [brackets]" \\ end\n\nQuoted "Heading ] [" Here\n\nMaria Ortega-Lindqvist met Sven Berg in Geneva. Ortega-Lindqvist left.',
		' date 2025-01-02 nothing named here at all.',
		' date 2025-01-02 Zoë Ångström visited Łódź; Ångström spoke.\n\nŻółć "Ünïcode" \\u0041',
	);
	return all;
}

/** The summary as the extension's host holds it after a cold build: the worker's cache line, parsed. */
function hostSummary(uri: string, text: string): IndexedArticle {
	const line = encodeIndexCacheLine({ uri, stamp, article: analyzeForIndex(text, undefined, `3:x:`) });
	const file = parseIndexCacheLine(line);
	assert.ok(file?.article);
	return file.article;
}

void describe('cold build: mention counts without parsing the spans', () => {
	void it('reads each entity\'s count off the details text, equal to its spans once parsed', () => {
		let entities = 0;
		texts().forEach((text, i) => {
			const article = hostSummary(`file:///a/${i}.txt`, text);
			const counted = article.entities.map((entity) => mentionCount(entity));
			const parsed = article.entities.map((entity) => entity.spans.length >> 1);
			assert.deepEqual(counted, parsed, text.slice(0, 80));
			entities += counted.length;
		});
		assert.ok(entities > 500);
	});

	void it('accepts only details as they are written', () => {
		assert.deepEqual(countSpans('[[0,5],["A \\"]\\" [",1,4],[[1,2,3,4],[6,7]]]', 2), [2, 1]);
		assert.deepEqual(countSpans('[[0],[],[]]', 0), []);
		for (const damaged of ['[[0],[],[[1,2,3]]]', '[[0],[],[[1,,2,3]]]', '[[0],[],[[1,2],[3,4]]]', '[[0],[],[[1,2]]', '[[0],[],[[1.5,2]]]', '[[x],[],[[1,2]]]', '[[0],[],[[]]]', '']) {
			assert.equal(countSpans(damaged, 1), undefined, damaged);
		}
	});

	void it('keeps a damaged file\'s counts once taken, so that the index removes what it added', () => {
		const good = hostSummary('file:///a/good.txt', texts()[0]);
		const line = encodeIndexCacheLine({ uri: 'file:///a/bad.txt', stamp, article: good });
		// Damaged headings: no JSON any more (so parsed as no spans at all), but the span arrays still count.
		const damaged = parseIndexCacheLine(line.replace(/\t(\[\[[\d,]*\],\[)/, '\t$1x,'));
		assert.ok(damaged && countSpans((damaged.article as unknown as { details: string }).details, damaged.article?.entities.length ?? 0));
		assert.ok(damaged?.article);
		const index = new WorkspaceEntityIndex();
		index.set('file:///a/good.txt', good);
		const alone = index.entityTotals();
		index.set('file:///a/bad.txt', damaged.article);
		assert.notDeepEqual(index.entityTotals(), alone);
		// A feature parses the details meanwhile (find mentions); the counts stay as the index took them.
		assert.ok(damaged.article.entities.every((entity) => entity.spans.length >= 2));
		index.delete('file:///a/bad.txt');
		assert.deepEqual(index.entityTotals(), alone);
	});

	void it('a cold scan\'s summaries count as the analysis does (the index totals of parsed and of fresh summaries agree)', async () => {
		const all = texts();
		const files = new Map(all.map((text, i) => [`file:///a/${i}.txt`, encoder.encode(text)]));
		const io: ScanIo = {
			stat: async (uri) => (files.has(uri) ? stamp : undefined),
			read: async (uri) => files.get(uri),
			analyze: analyzeForIndex,
		};
		const results = await scanBatch({ files: [...files.keys()].map((uri) => ({ uri, lexicon: 0, lexiconKey: '' })), lexicons: [undefined] }, io);
		const fromLines = new WorkspaceEntityIndex();
		const fresh = new WorkspaceEntityIndex();
		for (const result of results ?? []) {
			assert.equal(result.outcome, 'analysed');
			if (result.outcome !== 'analysed') continue;
			const file = parseIndexCacheLine(result.line);
			assert.ok(file?.article);
			fromLines.set(result.uri, file.article);
			const text = all[Number(result.uri.slice(result.uri.lastIndexOf('/') + 1, -4))];
			fresh.set(result.uri, analyzeForIndex(text, undefined, file.article.key));
		}
		assert.deepEqual(fromLines.entityTotals(), fresh.entityTotals());
	});

	void it('reads a file once where the file system gives its stamp with its bytes (load), with the same results', async () => {
		const all = texts().slice(0, 20);
		const files = new Map(all.map((text, i) => [`file:///a/${i}.txt`, encoder.encode(text)]));
		const calls = { stat: 0, read: 0, load: 0 };
		const io: ScanIo = {
			stat: async (uri) => (calls.stat++, files.has(uri) ? stamp : undefined),
			read: async (uri) => (calls.read++, files.get(uri)),
			analyze: analyzeForIndex,
		};
		const loading: ScanIo = { ...io, load: async (uri) => (calls.load++, files.has(uri) ? { stamp, bytes: files.get(uri) as Uint8Array } : undefined) };
		const requests = [...files.keys(), 'file:///a/gone.txt'].map((uri) => ({ uri, lexicon: 0, lexiconKey: '' }));
		const plain = await scanBatch({ files: requests, lexicons: [undefined] }, io);
		const before = { ...calls };
		const loaded = await scanBatch({ files: requests, lexicons: [undefined] }, loading);
		assert.deepEqual(loaded, plain);
		assert.equal(loaded?.at(-1)?.outcome, 'gone');
		assert.deepEqual({ stat: calls.stat - before.stat, read: calls.read - before.read, load: calls.load }, { stat: 0, read: 0, load: requests.length });
		// A file with a cached stamp is only stat'ed (and not read when the stamp still holds).
		const unchanged = await scanBatch({ files: [{ uri: 'file:///a/0.txt', stamp, lexicon: 0, lexiconKey: '' }], lexicons: [undefined] }, loading);
		assert.equal(unchanged?.[0].outcome, 'unchanged');
		assert.equal(calls.load, requests.length);
	});
});
