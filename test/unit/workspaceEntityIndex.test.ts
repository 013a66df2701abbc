import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/entities/articleEntities';
import type { EntityType } from '../../src/core/entities/index';
import { CacheLineBytes, encodeIndexCacheLine, indexCacheHeader, parseIndexCacheLine, parseIndexCacheLineAsBytes, readIndexCacheContentsSteps, readIndexCacheSteps, writeIndexCacheSteps, type CachedFile } from '../../src/core/entities/indexCacheFormat';
import { contentHash, indexKey, mentionCount, mentionSpans, summarizeArticle, summarizeArticleSteps, type IndexedArticle } from '../../src/core/entities/indexedArticle';
import { matchesQuery, sameEntity, WorkspaceEntityIndex } from '../../src/core/entities/workspaceEntityIndex';
import { analyzeInSlices, WorkspaceIndexUpdater } from '../../src/core/entities/workspaceIndexUpdater';
import { lineStartsOf, positionAt } from '../../src/core/text/lineColumns';
import { MemoryFiles, memoryScanner } from '../support/memoryIndexFiles';

function summary(text: string): IndexedArticle {
	return summarizeArticle(indexKey(text, undefined), text, analyzeArticle(text));
}

function names(type: EntityType, canonical: string, ...aliases: string[]) {
	return { type, canonical, aliases };
}

const a = ' date 2025-01-22 Swedish Foreign Minister Maria Ortega-Lindqvist arrived in Geneva. Ortega-Lindqvist spoke.\n\nTalks in Geneva\n\nThe World Health Organization agreed.';
const b = ' date 2025-02-01 Ortega-Lindqvist returned to Geneva on Monday, officials said.';
const c = ' date 2025-02-03 Sven Ortega-Lindqvist, a cousin, lives in Malmo.';

void describe('sameEntity', () => {
	void it('links an entity to another file\'s entity when the canonical name of one is a name of the other', () => {
		assert.ok(sameEntity(names('person', 'Maria Ortega-Lindqvist', 'Ortega-Lindqvist'), names('person', 'Ortega-Lindqvist')));
		assert.ok(sameEntity(names('person', 'Ortega-Lindqvist'), names('person', 'Maria Ortega-Lindqvist', 'Ortega-Lindqvist')));
		assert.ok(sameEntity(names('organization', 'World Health Organization', 'WHO'), names('organization', 'WHO')));
	});

	void it('does not link through a shared short name, nor across types', () => {
		assert.ok(!sameEntity(names('person', 'Maria Ortega-Lindqvist', 'Ortega-Lindqvist'), names('person', 'Sven Ortega-Lindqvist', 'Ortega-Lindqvist')));
		assert.ok(!sameEntity(names('place', 'Washington'), names('person', 'Washington')));
	});
});

void describe('WorkspaceEntityIndex', () => {
	void it('shows an entity by the same name whatever order its files came and went in: small letters over capitals only', () => {
		const dateline = summary(' date 2025-03-01\n\nGENEVA (Reuters) - Talks resumed on Monday, officials said.');
		const prose = summary(' date 2025-03-02\n\nDelegates met in Geneva on Tuesday.');
		const shown = (index: WorkspaceEntityIndex) => index.entityTotals().place.find((total) => total.key.endsWith('geneva'))?.name;
		const capitalsFirst = new WorkspaceEntityIndex();
		capitalsFirst.set('file:///1.txt', dateline);
		capitalsFirst.set('file:///2.txt', prose);
		const proseFirst = new WorkspaceEntityIndex();
		proseFirst.set('file:///2.txt', prose);
		proseFirst.set('file:///1.txt', dateline);
		assert.equal(shown(capitalsFirst), 'Geneva');
		assert.equal(shown(proseFirst), 'Geneva');
		// The file with the shown spelling leaves: the name is chosen again from the files left, as a new index would.
		proseFirst.delete('file:///2.txt');
		assert.equal(shown(proseFirst), 'GENEVA');
		capitalsFirst.deleteMany(['file:///2.txt']);
		assert.equal(shown(capitalsFirst), 'GENEVA');
		capitalsFirst.set('file:///2.txt', prose);
		assert.equal(shown(capitalsFirst), 'Geneva');
	});

	void it('finds the files that mention an entity, under any of its names, except the asking file', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(a));
		index.set('file:///b.txt', summary(b));
		index.set('file:///c.txt', summary(c));
		const maria = index.get('file:///a.txt')?.entities.find((e) => e.canonical === 'Maria Ortega-Lindqvist');
		assert.ok(maria);
		assert.deepEqual(index.occurrences(maria).map((o) => o.uri), ['file:///a.txt', 'file:///b.txt']);
		assert.deepEqual(index.occurrences(maria, 'file:///a.txt').map((o) => o.uri), ['file:///b.txt']);
		const geneva = index.occurrences(names('place', 'Geneva'));
		assert.deepEqual(geneva.map((o) => [o.uri, mentionCount(o.entity)]), [['file:///a.txt', 2], ['file:///b.txt', 1]]);
		const [[start, end]] = mentionSpans(geneva[1].entity);
		assert.equal(b.slice(start, end), 'Geneva');
	});

	void it('answers occurrences in steps, a few dozen files each, as at once; a file dropped between steps is left out', () => {
		const index = new WorkspaceEntityIndex();
		const geneva = summary(b);
		for (let i = 0; i < 300; i++) index.set(`file:///f${String(i).padStart(3, '0')}.txt`, geneva);
		const steps = index.occurrencesSteps(names('place', 'Geneva'), 'file:///f000.txt');
		let yields = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) {
			yields++;
			if (yields === 1) index.delete('file:///f299.txt');
		}
		assert.ok(yields >= 4, `${yields} steps for 300 files`);
		const uris = step.value.map((o) => o.uri);
		assert.equal(uris.length, 298);
		assert.deepEqual(uris, index.occurrences(names('place', 'Geneva'), 'file:///f000.txt').map((o) => o.uri));
		assert.deepEqual(uris, [...uris].sort());
	});

	void it('forgets a file\'s names when it is replaced or deleted', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///b.txt', summary(b));
		assert.equal(index.occurrences(names('place', 'Geneva')).length, 1);
		index.set('file:///b.txt', summary(' date 2025-02-01 Officials met in Paris.'));
		assert.equal(index.occurrences(names('place', 'Geneva')).length, 0);
		assert.equal(index.occurrences(names('place', 'Paris')).length, 1);
		index.delete('file:///b.txt');
		assert.equal(index.occurrences(names('place', 'Paris')).length, 0);
		assert.equal(index.size, 0);
	});

	void it('lists entities at their first mention and headings as workspace symbols, filtered by the query', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(a));
		const all = index.symbols('');
		assert.ok(all.some((s) => s.kind === 'heading' && s.name === 'Talks in Geneva'));
		const who = index.symbols('worldhealth');
		assert.deepEqual(who.map((s) => [s.kind, s.name, s.type]), [['entity', 'World Health Organization', 'organization']]);
		assert.equal(a.slice(who[0].start, who[0].end), 'World Health Organization');
		assert.equal(index.symbols('', 2).length, 2);
	});

	void it('builds the same summary in slices as at once', () => {
		const steps = summarizeArticleSteps(a);
		let step = steps.next();
		while (!step.done) step = steps.next();
		assert.deepEqual(step.value, summary(a));
	});
});

void describe('hashes, keys and positions', () => {
	void it('hashes content stably and distinguishes small changes', () => {
		assert.equal(contentHash('abc'), contentHash('abc'));
		assert.match(contentHash(''), /^[0-9a-f]{16}$/);
		assert.notEqual(contentHash('abc'), contentHash('abd'));
		assert.notEqual(contentHash('Geneva'), contentHash('Geneva '));
	});

	void it('changes the key with the lexicon', () => {
		assert.notEqual(indexKey(a, undefined), indexKey(a, { notEntities: ['Geneva'] }));
		assert.equal(indexKey(a, { types: { x: 'place', y: 'person' } }), indexKey(a, { types: { y: 'person', x: 'place' } }));
	});

	void it('counts lines as VS Code does (LF, CRLF, lone CR) and converts offsets, emoji counted in UTF-16 units', () => {
		const text = 'a😀b\r\nc\rd\ne';
		const starts = lineStartsOf(text);
		assert.deepEqual(starts, [0, 6, 8, 10]);
		assert.deepEqual(positionAt(starts, 3), { line: 0, character: 3 });
		assert.deepEqual(positionAt(starts, 6), { line: 1, character: 0 });
		assert.deepEqual(positionAt(starts, 11), { line: 3, character: 1 });
	});

	void it('matches queries loosely, in order, ignoring case and spaces', () => {
		assert.ok(matchesQuery('World Health Organization', 'who'));
		assert.ok(matchesQuery('World Health Organization', 'Health Org'));
		assert.ok(!matchesQuery('Geneva', 'gx'));
	});
});

void describe('occurrenceSummary', () => {
	void it('counts the files that mention an entity and lists the first ones, and follows changes of the index', () => {
		const index = new WorkspaceEntityIndex();
		for (const name of ['d', 'b', 'a', 'c']) index.set(`file:///${name}.txt`, summary(b));
		const geneva = names('place', 'Geneva');
		const first = index.occurrenceSummary(geneva, 'file:///a.txt', 2);
		assert.equal(first.count, 3);
		assert.deepEqual(first.first.map((o) => o.uri), ['file:///b.txt', 'file:///c.txt']);
		assert.deepEqual(index.occurrenceSummary(geneva, 'file:///a.txt', 2), first, 'the same answer again');
		index.delete('file:///b.txt');
		const after = index.occurrenceSummary(geneva, 'file:///a.txt', 2);
		assert.equal(after.count, 2);
		assert.deepEqual(after.first.map((o) => o.uri), ['file:///c.txt', 'file:///d.txt']);
		assert.equal(index.occurrenceSummary(names('person', 'Ortega-Lindqvist'), undefined, 5).count, 3);
		// An article that only says "Ortega-Lindqvist" may be about either full name: both find it.
		assert.equal(index.occurrenceSummary(names('person', 'Sven Ortega-Lindqvist', 'Ortega-Lindqvist'), undefined, 5).count, 3);
		assert.equal(index.occurrenceSummary(names('person', 'Sven Ortega-Lindqvist'), undefined, 5).count, 0);
	});

	void it('counts a file once when several of its entities match, and counts files reached only through an alias', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(a));
		index.set('file:///b.txt', summary(b));
		index.set('file:///c.txt', summary(c));
		const maria = names('person', 'Maria Ortega-Lindqvist', 'Ortega-Lindqvist');
		const answer = index.occurrenceSummary(maria, undefined, 5);
		assert.deepEqual(answer.first.map((o) => o.uri), ['file:///a.txt', 'file:///b.txt']);
		assert.equal(answer.count, index.occurrences(maria).length);
		assert.equal(index.occurrenceSummary(maria, 'file:///b.txt', 5).count, 1);
		assert.equal(index.occurrenceSummary(maria, undefined, 0).first.length, 0);
	});
});

/** A cache line with a summary's names and other details (damaged ones), of the right length. */
function withDetails(line: string, details: string): string {
	const head = JSON.parse(line.slice(0, line.indexOf('\t'))) as unknown[];
	head[5] = details.length;
	return `${JSON.stringify(head)}\t${details}`;
}

/** A cache line of one place named "Geneva" with `mentions` mentions and these details. */
function genevaLine(mentions: unknown, details: string, type = 2): string {
	return `${JSON.stringify(['file:///a.txt', 1, 2, 'k', ['Geneva', type, [], mentions], details.length])}\t${details}`;
}

void describe('index cache', () => {
	void it('round-trips a file through a cache line, and a file that is not a seed', () => {
		const file: CachedFile = { uri: 'file:///a.txt', stamp: { mtime: 17, size: a.length }, article: summary(a) };
		assert.deepEqual(plainFile(parseIndexCacheLine(encodeIndexCacheLine(file))), plainFile(file));
		const again = parseIndexCacheLine(encodeIndexCacheLine(file));
		assert.ok(again);
		assert.equal(encodeIndexCacheLine(again), encodeIndexCacheLine(file), 'written back as read, details unparsed');
		assert.deepEqual(plainFile(parseIndexCacheLine(encodeIndexCacheLine(again))), plainFile(file));
		const plain: CachedFile = { uri: 'file:///notes.txt', stamp: { mtime: 1, size: 2 }, article: undefined };
		const notSeed = parseIndexCacheLine(encodeIndexCacheLine(plain));
		assert.deepEqual(notSeed && { uri: notSeed.uri, stamp: notSeed.stamp, article: notSeed.article }, plain);
	});

	void it('keeps a worker\'s answer as UTF-8 bytes (non-ASCII text too): the same file, written back as it was, lines sharing a buffer', () => {
		const text = ' date 2025-02-01 Zürich talks\n\nÅsa Ørsted-Łukasik met Maria Ortega-Lindqvist in Zürich. Ørsted-Łukasik said 🙂 nothing.\n';
		const keep = new CacheLineBytes();
		const files: CachedFile[] = [
			{ uri: 'file:///a.txt', stamp: { mtime: 17.5, size: a.length }, article: summary(a) },
			{ uri: 'file:///z%C3%BCrich.txt', stamp: { mtime: 3, size: text.length }, article: summary(text) },
			{ uri: 'file:///notes.txt', stamp: { mtime: 1, size: 2 }, article: undefined },
		];
		const lines = files.map((file) => encodeIndexCacheLine(file));
		const kept = lines.map((line) => parseIndexCacheLineAsBytes(line, keep));
		kept.forEach((file, i) => {
			assert.ok(file);
			assert.deepEqual(files[i].article ? plainFile(file) : { uri: file.uri, stamp: file.stamp, article: file.article }, files[i].article ? plainFile(files[i]) : files[i]);
			assert.deepEqual(file.article?.headings, files[i].article?.headings);
			assert.deepEqual(file.article?.lineStarts, files[i].article?.lineStarts);
			assert.equal(encodeIndexCacheLine(file), lines[i], 'written back as it was');
		});
		const cached = kept.filter((file): file is CachedFile => file !== undefined);
		assert.deepEqual(drain(writeIndexCacheSteps(cached)), drain(writeIndexCacheSteps(lines.map((line) => parseIndexCacheLine(line) as CachedFile))), 'the same cache');
		const buffers = new Set(cached.flatMap((file) => ('bytes' in file ? [(file.bytes as Uint8Array).buffer] : [])));
		assert.equal(buffers.size, 1, 'the summaries\' lines in one shared buffer');
	});

	void it('reads the names of a line packed, shared with other lines, and makes the entities only when asked', () => {
		const first = parseIndexCacheLine(encodeIndexCacheLine({ uri: 'file:///a.txt', stamp: { mtime: 1, size: a.length }, article: summary(a) }));
		const second = parseIndexCacheLine(encodeIndexCacheLine({ uri: 'file:///copy.txt', stamp: { mtime: 1, size: a.length }, article: summary(a) }));
		assert.ok(first?.article && second?.article);
		const names: [string, string, readonly string[], number][] = [];
		first.article.forEachName?.((type, canonical, aliases, mentions) => names.push([type, canonical, aliases, mentions]));
		assert.deepEqual(names, summary(a).entities.map((e) => [e.type, e.canonical, e.aliases, e.spans.length / 2]));
		// The entities, made when asked, have the same names.
		const entities = first.article.entities;
		assert.deepEqual(entities.map((e) => [e.type, e.canonical, [...e.aliases], e.spans.length / 2]), names.map(([type, canonical, aliases, mentions]) => [type, canonical, [...aliases], mentions]));
		const again: string[] = [];
		first.article.forEachName?.((_type, canonical) => again.push(canonical));
		assert.deepEqual(again, names.map(([, canonical]) => canonical), 'the same names once the entities are made');
		assert.ok(second.article.entities.every((entity, i) => entity.aliases.length > 0 || entity.aliases === entities[i].aliases), 'no array for no other names');
	});

	void it('reads damaged details as no headings and empty mentions, and keeps the names', () => {
		const line = encodeIndexCacheLine({ uri: 'file:///a.txt', stamp: { mtime: 1, size: 1 }, article: summary(a) });
		const file = parseIndexCacheLine(withDetails(line, '[[0], "x'));
		assert.ok(file?.article);
		assert.ok(file.article.entities.some((e) => e.canonical === 'Maria Ortega-Lindqvist'));
		assert.deepEqual(file.article.headings, []);
		const first = file.article.entities[0];
		assert.deepEqual(first.spans, Array.from({ length: 2 * mentionCount(first) }, () => 0), 'as many empty mentions as the names say');
	});

	void it('fills the index from the names alone: mention counts are in them, the details stay unparsed', () => {
		const text = summary(a);
		const line = encodeIndexCacheLine({ uri: 'file:///a.txt', stamp: { mtime: 1, size: 1 }, article: text });
		// Details that would throw if parsed: filling the index and counting mentions must not touch them.
		const file = parseIndexCacheLine(withDetails(line, '[[0], "x'));
		assert.ok(file?.article);
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', file.article);
		const counts = (article: IndexedArticle) => article.entities.map((e) => [e.canonical, mentionCount(e)]);
		assert.deepEqual(counts(file.article), counts(text));
		assert.equal(Object.getOwnPropertyDescriptor(file.article, 'expanded')?.value, undefined, 'details not parsed');
		assert.equal(index.entityTotals().place.find((t) => t.name === 'Geneva')?.mentions, 2);
	});

	void it('rejects damaged lines', () => {
		assert.equal(parseIndexCacheLine('{"key": 1'), undefined);
		assert.equal(parseIndexCacheLine('{"key": "k"}'), undefined);
		assert.equal(parseIndexCacheLine(genevaLine(1, '[[0], [], [[1, 2]]]', 7)), undefined, 'unknown type code');
		assert.equal(parseIndexCacheLine('["file:///a.txt", 1, 2, "k", ["Geneva", 2, []]]\t[[0], [], [[1, 2]]]'), undefined, 'the layout before mention counts');
		assert.equal(parseIndexCacheLine(genevaLine(0, '[[0], [], []]')), undefined, 'an entity without mentions');
		assert.equal(parseIndexCacheLine(genevaLine(1.5, '[[0], [], [[1, 7]]]')), undefined, 'a count that is no count');
		assert.equal(parseIndexCacheLine(genevaLine(1, '[[0], [], [[1, 7]]]').slice(0, -3)), undefined, 'a line cut short');
		assert.equal(parseIndexCacheLine(`${genevaLine(1, '[[0], [], [[1, 7]]]')}]`), undefined, 'details longer than written');
		assert.deepEqual(parseIndexCacheLine(genevaLine(1, '[[0], [], [[1]]]'))?.article?.entities[0].spans, [0, 0], 'odd span count');
		assert.deepEqual(parseIndexCacheLine(genevaLine(1, '[[0], [], [[1, 7, 9, 15]]]'))?.article?.entities[0].spans, [0, 0], 'more spans than the count');
		assert.deepEqual(parseIndexCacheLine(genevaLine(2, '[[0], [], [[1, 7, 9, 15]]]'))?.article?.entities[0].spans, [1, 7, 9, 15]);
	});

	void it('reads back what it wrote, in steps, skipping damaged lines and ignoring foreign caches', () => {
		const files: CachedFile[] = [a, b, c].map((text, i) => ({ uri: `file:///${i}.txt`, stamp: { mtime: i, size: text.length }, article: summary(text) }));
		const written = new TextDecoder().decode(drain(writeIndexCacheSteps(files)));
		assert.ok(written.startsWith(`${indexCacheHeader}\n`));
		const bytes = (text: string) => new TextEncoder().encode(text);
		const read = drain(readIndexCacheSteps(bytes(written.replace('\n["file:///1.txt"', '\n["file:///1.txt" damaged'))));
		assert.deepEqual([...read.keys()], ['file:///0.txt', 'file:///2.txt']);
		assert.deepEqual(plainFile(read.get('file:///2.txt')), plainFile(files[2]));
		assert.equal(drain(readIndexCacheSteps(bytes(written.replace(indexCacheHeader, '{"format":"news-seed-entity-index","version":2}')))).size, 0);
		assert.equal(drain(readIndexCacheSteps(bytes(written.replace(indexCacheHeader, '{"format":"news-seed-entity-index","version":3}')))).size, 0, 'the layout without mention counts');
		assert.equal(drain(readIndexCacheSteps(bytes(''))).size, 0);
		assert.equal(drain(readIndexCacheSteps(bytes(indexCacheHeader))).size, 0);
	});

	void it('reads a cache of many batches (lines cut at newline bytes, never inside a character) in many steps', () => {
		const article = summary(`${a} Zoë 😀 São Paulo.`);
		const files: CachedFile[] = Array.from({ length: 400 }, (_, i) => ({ uri: `file:///${i}.txt`, stamp: { mtime: i, size: 1 }, article }));
		const written = drain(writeIndexCacheSteps(files));
		assert.ok(written.length > 100_000);
		const steps = readIndexCacheSteps(written);
		let yields = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields++;
		assert.ok(yields > 3, `${yields} steps`);
		assert.equal(step.value.size, 400);
		assert.deepEqual(plainFile(step.value.get('file:///399.txt')), plainFile(files[399]));
	});
});

/** A cache entry as plain data (cached summaries parse their details on first use, behind getters). */
function plainFile(file: CachedFile | undefined): unknown {
	if (!file?.article) return file;
	const { key, lineStarts, headings, entities } = file.article;
	return {
		uri: file.uri, stamp: file.stamp, key, lineStarts: [...lineStarts], headings: headings.map((h) => ({ ...h })),
		entities: entities.map((e) => ({ canonical: e.canonical, type: e.type, aliases: [...e.aliases], spans: [...e.spans] })),
	};
}

function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

function updaterOf(files: MemoryFiles, lexicon: { notEntities?: string[] } | undefined = undefined) {
	let analysed = 0;
	const updater = new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
		files,
		analyze: (text, lex, key) => {
			analysed++;
			return Promise.resolve(summarizeArticle(key, text, analyzeArticle(text, lex)));
		},
		lexiconFor: () => lexicon,
		baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
	});
	return { updater, analysed: () => analysed };
}

void describe('WorkspaceIndexUpdater', () => {
	void it('indexes seed files, skips other .txt files and forgets files no longer listed', async () => {
		const files = new MemoryFiles();
		files.write('file:///w/a.txt', a);
		files.write('file:///w/notes.txt', 'shopping list: Geneva chocolate');
		files.write('file:///w/001_0123456789abcdef.txt', 'no dateline, but a seed by its name: Geneva.');
		const { updater } = updaterOf(files);
		await updater.updateAll(['file:///w/a.txt', 'file:///w/notes.txt', 'file:///w/001_0123456789abcdef.txt']);
		assert.deepEqual([...updater.index.uris()].sort(), ['file:///w/001_0123456789abcdef.txt', 'file:///w/a.txt']);
		await updater.updateAll(['file:///w/a.txt']);
		assert.deepEqual([...updater.index.uris()], ['file:///w/a.txt']);
		assert.deepEqual([...updater.cacheEntries()].map((f) => f.uri), ['file:///w/a.txt']);
	});

	void it('serves a large cache in small steps, with the same index as serving it at once', () => {
		// 1,500 files of the same few entities: steps end by entity count, not by a hundred articles at a time.
		const summaries = [a, b].map((text) => summarizeArticle(indexKey(text, undefined), text, analyzeArticle(text)));
		const cache = new Map<string, CachedFile>();
		for (let i = 0; i < 1500; i++) {
			const uri = `file:///w/${String(i).padStart(4, '0')}.txt`;
			cache.set(uri, { uri, stamp: { mtime: 1, size: 1 }, article: summaries[i % 2] });
		}
		const stepped = updaterOf(new MemoryFiles()).updater;
		let keySteps = 0;
		for (const steps = stepped.useCacheSteps(cache); !steps.next().done;) keySteps++;
		assert.ok(keySteps >= 1, 'the key lookup filled in more than one step');
		assert.deepEqual(stepped.cachedUris(), [...cache.keys()]);
		const maxPerArticle = Math.max(...summaries.map((summary) => summary.entities.length));
		let adoptSteps = 0;
		let entitiesBefore = 0;
		const adopt = stepped.adoptCachedSteps(stepped.cachedUris());
		let served: number;
		for (;;) {
			const step = adopt.next();
			let entities = 0;
			for (const uri of stepped.index.uris()) entities += stepped.index.get(uri)?.entities.length ?? 0;
			assert.ok(entities - entitiesBefore < 200 + maxPerArticle, `a step served ${entities - entitiesBefore} entities`);
			entitiesBefore = entities;
			if (step.done) {
				served = step.value;
				break;
			}
			adoptSteps++;
		}
		assert.equal(served, 1500);
		assert.ok(adoptSteps > 10, `${adoptSteps} steps`);
		const atOnce = updaterOf(new MemoryFiles()).updater;
		atOnce.useCache(cache);
		for (const [uri, file] of cache) if (file.article) atOnce.index.set(uri, file.article);
		assert.deepEqual(stepped.index.entityTotals(), atOnce.index.entityTotals());
		assert.equal(stepped.index.occurrences(names('place', 'Geneva')).length, 1500);
	});

	void it('starts from a cache without reading unchanged files, and reads a file whose stamp changed', async () => {
		const files = new MemoryFiles();
		files.write('file:///a.txt', a);
		files.write('file:///b.txt', b);
		files.write('file:///notes.txt', 'not a seed');
		const first = updaterOf(files);
		await first.updater.updateAll(['file:///a.txt', 'file:///b.txt', 'file:///notes.txt']);
		assert.equal(first.analysed(), 2);
		const saved = drain(readIndexCacheSteps(drain(writeIndexCacheSteps(first.updater.cacheEntries()))));

		const second = updaterOf(files);
		second.updater.useCache(saved);
		files.reads = 0;
		await second.updater.updateAll(['file:///a.txt', 'file:///b.txt', 'file:///notes.txt']);
		assert.equal(files.reads, 0, 'no file read');
		assert.equal(second.analysed(), 0);
		assert.equal(second.updater.dirty, false);
		assert.equal(second.updater.index.occurrences(names('place', 'Geneva')).length, 2);

		const third = updaterOf(files, { notEntities: ['Paris'] });
		third.updater.useCache(saved);
		assert.equal(drain(third.updater.adoptCachedSteps(['file:///a.txt'])), 0, 'made with another lexicon: not adopted');
		const fourth = updaterOf(files);
		fourth.updater.useCache(saved);
		assert.equal(drain(fourth.updater.adoptCachedSteps(['file:///a.txt', 'file:///notes.txt', 'file:///gone.txt'])), 1);
		assert.deepEqual([...fourth.updater.index.uris()], ['file:///a.txt'], 'usable before any file is stat\'ed');
		// Before the folder is listed: the cache's own files serve; a file deleted meanwhile goes once the list is in.
		const fifth = updaterOf(files);
		fifth.updater.useCache(saved);
		assert.deepEqual(fifth.updater.cachedUris().sort(), ['file:///a.txt', 'file:///b.txt', 'file:///notes.txt']);
		assert.equal(drain(fifth.updater.adoptCachedSteps(fifth.updater.cachedUris())), 2);
		assert.equal(fifth.updater.index.occurrences(names('place', 'Geneva')).length, 2);
		await fifth.updater.updateAll(['file:///a.txt']);
		assert.deepEqual([...fifth.updater.index.uris()], ['file:///a.txt']);

		files.write('file:///b.txt', ' date 2025-02-01 Officials met in Paris.', 2);
		assert.equal(await second.updater.update('file:///b.txt'), 'analysed');
		assert.equal(second.updater.index.occurrences(names('place', 'Geneva')).length, 1);
		assert.equal(second.updater.dirty, true);
	});

	void it('reads a file the watcher reported even when its stamp looks unchanged, and reuses the summary of a known text', async () => {
		const files = new MemoryFiles();
		files.write('file:///a.txt', a);
		const { updater, analysed } = updaterOf(files);
		await updater.update('file:///a.txt');
		files.write('file:///a.txt', a.replace('Geneva', 'Genova'));
		assert.equal(await updater.update('file:///a.txt'), 'unchanged', 'same size and time: trusted');
		assert.equal(await updater.update('file:///a.txt', true), 'analysed');
		updater.forgetStamps();
		files.reads = 0;
		assert.equal(await updater.update('file:///a.txt'), 'cached', 'read again, summary reused');
		assert.equal(files.reads, 1);
		files.write('file:///copy.txt', a);
		assert.equal(await updater.update('file:///copy.txt'), 'cached', 'same text under another name');
		assert.equal(analysed(), 2);
		files.texts.delete('file:///copy.txt');
		assert.equal(await updater.update('file:///copy.txt'), 'gone');
		assert.equal(updater.index.get('file:///copy.txt'), undefined);
	});

	void it('forgets every file of a deleted folder, and only those', async () => {
		const files = new MemoryFiles();
		for (const uri of ['file:///w/x/a.txt', 'file:///w/x/sub/b.txt', 'file:///w/xy.txt']) files.write(uri, b);
		const { updater } = updaterOf(files);
		await updater.updateAll(['file:///w/x/a.txt', 'file:///w/x/sub/b.txt', 'file:///w/xy.txt']);
		updater.forgetTree('file:///w/x');
		assert.deepEqual([...updater.index.uris()], ['file:///w/xy.txt']);
		assert.deepEqual([...updater.cacheEntries()].map((f) => f.uri), ['file:///w/xy.txt']);
	});

	void it('forgets files and folders deleted together (one watcher event each), a deleted file never taken for a folder', async () => {
		const files = new MemoryFiles();
		const all = ['file:///w/x/a.txt', 'file:///w/x/sub/b.txt', 'file:///w/a.txt', 'file:///w/a.txt/c.txt', 'file:///w/d.txt', 'file:///w/e.txt'];
		for (const uri of all) files.write(uri, b);
		const { updater } = updaterOf(files);
		await updater.updateAll(all);
		// "a.txt" is a known file: deleting it leaves "a.txt/c.txt" (which a folder's deletion would take).
		updater.forgetTrees(['file:///w/x', 'file:///w/a.txt', 'file:///w/d.txt', 'file:///w/nothing.txt']);
		assert.deepEqual([...updater.index.uris()].sort(), ['file:///w/a.txt/c.txt', 'file:///w/e.txt']);
		assert.deepEqual([...updater.cacheEntries()].map((f) => f.uri).sort(), ['file:///w/a.txt/c.txt', 'file:///w/e.txt']);
		assert.deepEqual(updater.index.occurrences(names('place', 'Geneva')).map((o) => o.uri), ['file:///w/a.txt/c.txt', 'file:///w/e.txt']);
	});

	void it('analyses on the host one text at a time, each after a yield, with the same summaries as at once', async () => {
		const log: string[] = [];
		const host = {
			// A clock that never moves: runSliced itself never yields, so every yield logged is one analysis starting.
			now: () => 0,
			yieldNow: () => {
				log.push('yield');
				return new Promise<void>((resolve) => setImmediate(resolve));
			},
		};
		const analyze = analyzeInSlices(host, 15);
		const texts = [a, b, c];
		const results = await Promise.all(texts.map((text, i) => analyze(text, undefined, indexKey(text, undefined)).then((article) => {
			log.push(`done ${i}`);
			return article;
		})));
		assert.deepEqual(log, ['yield', 'done 0', 'yield', 'done 1', 'yield', 'done 2']);
		const plain = (article: IndexedArticle | undefined) => plainFile({ uri: 'u', stamp: { mtime: 0, size: 0 }, article });
		assert.deepEqual(results.map(plain), texts.map((t) => plain(summary(t))));
	});

	void it('analyses again when the lexicon changes, without re-reading for a lexicon seen before', async () => {
		const files = new MemoryFiles();
		files.write('file:///a.txt', a);
		let lexicon: { notEntities?: string[] } | undefined;
		let analysed = 0;
		const updater = new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
			files,
			analyze: (text, lex, key) => (analysed++, Promise.resolve(summarizeArticle(key, text, analyzeArticle(text, lex)))),
			lexiconFor: () => lexicon,
			baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
		});
		await updater.update('file:///a.txt');
		lexicon = { notEntities: ['Geneva'] };
		assert.equal(await updater.update('file:///a.txt'), 'analysed');
		assert.equal(updater.index.occurrences(names('place', 'Geneva')).length, 0);
		lexicon = undefined;
		files.reads = 0;
		assert.equal(await updater.update('file:///a.txt'), 'cached');
		assert.equal(files.reads, 0);
		assert.equal(analysed, 2);
	});
});

void describe('batch scans (scanAll over scanFile, as the worker pool runs them)', () => {
	const apply = (steps: Generator<void, void>) => Promise.resolve(drain(steps));
	const uris = ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/notes.txt', 'file:///w/c.txt'];

	void it('indexes like the per-file path, answers unchanged files without reading them, and reuses summaries on a forced scan', async () => {
		const files = new MemoryFiles();
		files.write(uris[0], a);
		files.write(uris[1], b);
		files.write(uris[2], 'shopping list: Geneva chocolate');
		files.write(uris[3], c);
		const scanner = memoryScanner(files);
		const { updater } = updaterOf(files);
		const counts = await updater.scanAll(uris, scanner.scan, { apply, batchSize: 3, concurrency: 2 });
		assert.deepEqual(counts, { unchanged: 0, same: 0, analysed: 3, notSeed: 1, gone: 0 });
		const reference = updaterOf(files).updater;
		await reference.updateAll(uris);
		assert.deepEqual([...updater.cacheEntries()].map(plainFile).sort((x, y) => String((x as CachedFile).uri).localeCompare((y as CachedFile).uri)),
			[...reference.cacheEntries()].map(plainFile).sort((x, y) => String((x as CachedFile).uri).localeCompare((y as CachedFile).uri)), 'the same summaries as the per-file path');
		assert.equal(updater.index.occurrences(names('place', 'Geneva')).length, 2);

		const saved = drain(readIndexCacheSteps(drain(writeIndexCacheSteps(updater.cacheEntries()))));
		const warm = updaterOf(files).updater;
		warm.useCache(saved);
		files.reads = 0;
		assert.deepEqual(await warm.scanAll(uris, scanner.scan, { apply }), { unchanged: 4, same: 0, analysed: 0, notSeed: 0, gone: 0 });
		assert.equal(files.reads, 0, 'a warm start only stats');
		assert.equal(warm.index.occurrences(names('place', 'Geneva')).length, 2);
		assert.equal(warm.dirty, false);
		assert.equal(warm.dirtyReason, undefined);

		// A file written again with the same text (an editor's auto save): read again, not analysed, and the cache is
		// to be written for its new stamp, the log says which.
		files.write(uris[0], a, 5);
		assert.deepEqual(await warm.scanAll(uris, scanner.scan, { apply }), { unchanged: 3, same: 1, analysed: 0, notSeed: 0, gone: 0 });
		assert.equal(warm.dirty, true);
		assert.equal(warm.dirtyReason, `${uris[0]}: stamp 1/${a.length} -> 5/${a.length}`);
		warm.markSaved();
		assert.equal(warm.dirtyReason, undefined);

		files.reads = 0;
		assert.deepEqual(await warm.scanAll(uris, scanner.scan, { apply, force: true }), { unchanged: 0, same: 3, analysed: 0, notSeed: 1, gone: 0 });
		assert.equal(files.reads, 4, 'a forced scan reads every file');
		assert.equal(scanner.analysed(), 3, 'and analyses none again');

		files.write(uris[1], ' date 2025-02-01 Officials met in Paris.', 2);
		files.texts.delete(uris[3]);
		assert.deepEqual(await warm.scanAll(uris, scanner.scan, { apply }), { unchanged: 2, same: 0, analysed: 1, notSeed: 0, gone: 1 });
		assert.equal(warm.index.occurrences(names('place', 'Geneva')).length, 1);
		assert.deepEqual([...warm.index.uris()].sort(), [uris[0], uris[1]]);
		assert.equal(warm.dirty, true);
	});

	void it('a second start as the extension runs it: cached summaries served at once, then every file confirmed; stale ones analysed again', async () => {
		const files = new MemoryFiles();
		files.write(uris[0], a);
		files.write(uris[1], b);
		files.write(uris[2], 'shopping list: Geneva chocolate');
		files.write(uris[3], c);
		const { updater } = updaterOf(files);
		await updater.scanAll(uris, memoryScanner(files).scan, { apply });
		const bytes = drain(writeIndexCacheSteps(updater.cacheEntries()));

		// Changed while the editor was closed: b.txt (same size, new time), c.txt deleted.
		files.write(uris[1], b.replace('Geneva', 'Lisbon'), 2);
		files.texts.delete(uris[3]);
		const scanner = memoryScanner(files);
		const warm = updaterOf(files).updater;
		warm.useCache(drain(readIndexCacheSteps(bytes)));
		assert.equal(drain(warm.adoptCachedSteps(warm.cachedUris())), 3, 'every cached summary served before any file is stat\'ed');
		assert.equal(warm.index.occurrences(names('place', 'Geneva')).length, 2, 'the stale entry serves until it is checked');
		assert.deepEqual(await warm.scanAll([uris[0], uris[1], uris[2]], scanner.scan, { apply }), { unchanged: 2, same: 0, analysed: 1, notSeed: 0, gone: 0 });
		assert.equal(scanner.analysed(), 1, 'the stale entry analysed again');
		assert.deepEqual(warm.index.occurrences(names('place', 'Geneva')).map((o) => o.uri), [uris[0]]);
		assert.deepEqual(warm.index.occurrences(names('place', 'Lisbon')).map((o) => o.uri), [uris[1]]);
		assert.deepEqual([...warm.index.uris()].sort(), [uris[0], uris[1]], 'the deleted file gone');

		// news-entities.json changed while the editor was closed: nothing is served, every seed is analysed again.
		const lexicon = { notEntities: ['Geneva'] };
		const relearn = updaterOf(files, lexicon).updater;
		relearn.useCache(drain(readIndexCacheSteps(bytes)));
		assert.equal(drain(relearn.adoptCachedSteps(relearn.cachedUris())), 0, 'summaries of another lexicon are not served');
		assert.equal(relearn.index.size, 0);
		const rescanner = memoryScanner(files);
		assert.deepEqual(await relearn.scanAll([uris[0], uris[1], uris[2]], rescanner.scan, { apply }), { unchanged: 1, same: 0, analysed: 2, notSeed: 0, gone: 0 });
		assert.equal(rescanner.analysed(), 2);
		assert.equal(relearn.index.occurrences(names('place', 'Geneva')).length, 0, 'the new lexicon respected');
		assert.deepEqual([...relearn.index.uris()].sort(), [uris[0], uris[1]]);
	});

	void it('starts cold from a damaged or truncated cache: what is unreadable is never served', async () => {
		const files = new MemoryFiles();
		files.write(uris[0], a);
		files.write(uris[1], b);
		const { updater } = updaterOf(files);
		await updater.scanAll(uris.slice(0, 2), memoryScanner(files).scan, { apply });
		const bytes = drain(writeIndexCacheSteps(updater.cacheEntries()));
		const garbage = new Uint8Array(bytes.length).map((_, i) => (i * 7919) % 251);
		// The files' lines end where the stored reverse index begins (its lines are JSON objects).
		const filesEnd = new TextDecoder().decode(bytes).indexOf('\n{');
		const cut = bytes.subarray(0, filesEnd - 20);
		const cutInReverse = bytes.subarray(0, bytes.length - 5);
		for (const [what, damaged, served] of [['garbage', garbage, 0], ['no header', bytes.subarray(bytes.indexOf(10) + 1), 0], ['cut inside the last line', cut, 1], ['cut inside the reverse index', cutInReverse, 2]] as const) {
			const warm = updaterOf(files).updater;
			const contents = drain(readIndexCacheContentsSteps(damaged));
			assert.equal(contents.snapshot, undefined, `${what}: no reverse index loaded`);
			warm.useCache(contents.files);
			assert.equal(drain(warm.adoptCachedSteps(uris.slice(0, 2))), served, what);
			const scanner = memoryScanner(files);
			await warm.scanAll(uris.slice(0, 2), scanner.scan, { apply });
			assert.equal(scanner.analysed(), 2 - served, `${what}: the rest analysed`);
			assert.equal(warm.index.occurrences(names('place', 'Geneva')).length, 2, what);
		}
	});

	void it('stops when the scan is cancelled, and drops files no longer listed when it completes', async () => {
		const files = new MemoryFiles();
		for (const uri of uris) files.write(uri, b);
		const { updater } = updaterOf(files);
		assert.equal(await updater.scanAll(uris, () => Promise.resolve(undefined), { apply }), undefined);
		await updater.scanAll(uris, memoryScanner(files).scan, { apply, batchSize: 1 });
		assert.equal(updater.index.size, 4);
		await updater.scanAll(uris.slice(0, 1), memoryScanner(files).scan, { apply });
		assert.deepEqual([...updater.index.uris()], [uris[0]]);
	});

	void it('takes a shared cache\'s summaries only for files whose text has the same content hash, and rescans only listed files when partial', async () => {
		const files = new MemoryFiles();
		files.write(uris[0], a);
		files.write(uris[1], b);
		const built = updaterOf(files).updater;
		await built.scanAll(uris.slice(0, 2), memoryScanner(files).scan, { apply });
		// Shared: paths relative to the folder, stamps of another machine.
		const shared = [...built.cacheEntries()].map((file) => ({ ...file, uri: file.uri.replace('file:///w/', ''), stamp: { mtime: 99, size: 1 } }));
		files.write(uris[1], c, 5);
		const fresh = updaterOf(files).updater;
		assert.equal(fresh.useSharedCache(shared, (relative) => `file:///w/${relative}`), 2);
		assert.equal(fresh.index.size, 0, 'nothing trusted before its file is read');
		const scanner = memoryScanner(files);
		assert.deepEqual(await fresh.scanAll(uris.slice(0, 2), scanner.scan, { apply }), { unchanged: 0, same: 1, analysed: 1, notSeed: 0, gone: 0 });
		assert.equal(scanner.analysed(), 1, 'only the file whose text changed is analysed');
		assert.equal(fresh.index.get(uris[1])?.key, indexKey(c, undefined), 'the stale entry rebuilt');
		assert.equal(fresh.index.get(uris[0])?.key, indexKey(a, undefined));

		files.write(uris[0], b, 7);
		assert.deepEqual(await fresh.scanAll([uris[0]], scanner.scan, { apply, partial: true, force: true }), { unchanged: 0, same: 0, analysed: 1, notSeed: 0, gone: 0 });
		assert.deepEqual([...fresh.index.uris()].sort(), [uris[0], uris[1]], 'a partial scan keeps the files it was not given');
	});

	void it('strips a byte-order mark and recognises seeds by name or dateline', async () => {
		const files = new MemoryFiles();
		files.write('file:///w/001_0123456789abcdef.txt', 'no dateline, but a seed by its name: Geneva.');
		files.write('file:///w/bom.txt', `\ufeff${b}`);
		files.write('file:///w/other.txt', 'Geneva, no dateline');
		const { updater } = updaterOf(files);
		const counts = await updater.scanAll(['file:///w/001_0123456789abcdef.txt', 'file:///w/bom.txt', 'file:///w/other.txt'], memoryScanner(files).scan, { apply });
		assert.deepEqual(counts, { unchanged: 0, same: 0, analysed: 2, notSeed: 1, gone: 0 });
		assert.equal(updater.index.get('file:///w/bom.txt')?.key, indexKey(b, undefined));
	});
});
