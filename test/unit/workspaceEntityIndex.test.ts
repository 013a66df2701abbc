import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/articleEntities';
import type { EntityType } from '../../src/core/entities/index';
import {
	contentHash, indexKey, lineStartsOf, matchesQuery, parseIndexCacheLine, positionAt, readIndexCache, sameEntity, summarizeArticle,
	summarizeArticleSteps, WorkspaceEntityIndex, type IndexedArticle,
} from '../../src/core/workspaceEntityIndex';

function summary(text: string): IndexedArticle {
	return summarizeArticle(indexKey(text, undefined), text, 'title', analyzeArticle(text));
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
		assert.deepEqual(geneva.map((o) => [o.uri, o.entity.mentions.length]), [['file:///a.txt', 2], ['file:///b.txt', 1]]);
		const [start, end] = geneva[1].entity.mentions[0];
		assert.equal(b.slice(start, end), 'Geneva');
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

	void it('round-trips through its cache, and ignores damaged or foreign caches', () => {
		const index = new WorkspaceEntityIndex();
		const article = summary(a);
		index.set('file:///a.txt', article);
		const cache = readIndexCache(JSON.parse(JSON.stringify(index.toCache())));
		assert.deepEqual(cache.get(article.key), article);
		assert.equal(readIndexCache({ version: 999, articles: { [article.key]: article } }).size, 0);
		assert.equal(readIndexCache({ version: 1, articles: { wrong: article } }).size, 0);
		assert.equal(readIndexCache({ version: 1, articles: { [article.key]: { ...article, entities: 'x' } } }).size, 0);
		assert.equal(readIndexCache(null).size, 0);
	});

	void it('builds the same summary in slices as at once', () => {
		const steps = summarizeArticleSteps(a, 'title');
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
	void it('counts the files that mention an entity and lists the first ones, and forgets its answers when the index changes', () => {
		const index = new WorkspaceEntityIndex();
		for (const name of ['d', 'b', 'a', 'c']) index.set(`file:///${name}.txt`, summary(b));
		const geneva = names('place', 'Geneva');
		const first = index.occurrenceSummary(geneva, 'file:///a.txt', 2);
		assert.equal(first.count, 3);
		assert.deepEqual(first.first.map((o) => o.uri), ['file:///b.txt', 'file:///c.txt']);
		assert.equal(index.occurrenceSummary(geneva, 'file:///a.txt', 2), first, 'memoized');
		index.delete('file:///b.txt');
		const after = index.occurrenceSummary(geneva, 'file:///a.txt', 2);
		assert.equal(after.count, 2);
		assert.deepEqual(after.first.map((o) => o.uri), ['file:///c.txt', 'file:///d.txt']);
		assert.equal(index.occurrenceSummary(names('person', 'Ortega-Lindqvist'), undefined, 5).count, 3);
		// An article that only says "Ortega-Lindqvist" may be about either full name: both find it.
		assert.equal(index.occurrenceSummary(names('person', 'Sven Ortega-Lindqvist', 'Ortega-Lindqvist'), undefined, 5).count, 3);
		assert.equal(index.occurrenceSummary(names('person', 'Sven Ortega-Lindqvist'), undefined, 5).count, 0);
	});

	void it('reads cache lines and rejects damaged ones', () => {
		const article = summary(a);
		assert.deepEqual(parseIndexCacheLine(JSON.stringify(article)), article);
		assert.equal(parseIndexCacheLine('{"key": 1'), undefined);
		assert.equal(parseIndexCacheLine('{"key": "k"}'), undefined);
	});
});
