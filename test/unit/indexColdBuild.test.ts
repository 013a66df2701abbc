import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeIndexCacheLine, parseIndexCacheLine } from '../../src/core/entities/indexCacheFormat';
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
function hostSummary(uri: string, article: IndexedArticle): IndexedArticle {
	const file = parseIndexCacheLine(encodeIndexCacheLine({ uri, stamp, article }));
	assert.ok(file?.article);
	return file.article;
}

/** Everything a summary says, as plain data. */
function plain(article: IndexedArticle): unknown {
	return {
		key: article.key,
		lineStarts: [...article.lineStarts],
		headings: article.headings.map((h) => ({ ...h })),
		entities: article.entities.map((e) => ({ canonical: e.canonical, type: e.type, aliases: [...e.aliases], spans: [...e.spans], count: mentionCount(e) })),
	};
}

void describe('cold build: what the workers answer', () => {
	void it('a summary the host parses from a worker\'s line says what the analysis found', () => {
		let entities = 0;
		texts().forEach((text, i) => {
			const article = analyzeForIndex(text, undefined, `3:${i}:`);
			const parsed = hostSummary(`file:///a/${i}.txt`, article);
			// Counted first, as the index does, then the details parsed.
			const counts = parsed.entities.map((entity) => mentionCount(entity));
			assert.deepEqual(plain(parsed), plain(article), text.slice(0, 80));
			assert.deepEqual(counts, article.entities.map((entity) => entity.spans.length / 2));
			entities += counts.length;
		});
		assert.ok(entities > 500);
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

	void it('reads a file once where the file system gives its stamp with its text (loadText), with the same results', async () => {
		const all = texts().slice(0, 20);
		const files = new Map(all.map((text, i) => [`file:///a/${i}.txt`, encoder.encode(text)]));
		const calls = { stat: 0, read: 0, loadText: 0 };
		const io: ScanIo = {
			stat: async (uri) => (calls.stat++, files.has(uri) ? stamp : undefined),
			read: async (uri) => (calls.read++, files.get(uri)),
			analyze: analyzeForIndex,
		};
		const loading: ScanIo = { ...io, loadText: async (uri) => (calls.loadText++, files.has(uri) ? { stamp, text: new TextDecoder().decode(files.get(uri)) } : undefined) };
		const requests = [...files.keys(), 'file:///a/gone.txt'].map((uri) => ({ uri, lexicon: 0, lexiconKey: '' }));
		const plain = await scanBatch({ files: requests, lexicons: [undefined] }, io);
		const before = { ...calls };
		const loaded = await scanBatch({ files: requests, lexicons: [undefined] }, loading);
		assert.deepEqual(loaded, plain);
		assert.equal(loaded?.at(-1)?.outcome, 'gone');
		assert.deepEqual({ stat: calls.stat - before.stat, read: calls.read - before.read, loadText: calls.loadText }, { stat: 0, read: 0, loadText: requests.length });
		// A file with a cached stamp is only stat'ed (and not read when the stamp still holds).
		const unchanged = await scanBatch({ files: [{ uri: 'file:///a/0.txt', stamp, lexicon: 0, lexiconKey: '' }], lexicons: [undefined] }, loading);
		assert.equal(unchanged?.[0].outcome, 'unchanged');
		assert.equal(calls.loadText, requests.length);
	});
});
