// The Entities view's workspace mode on an archive shaped like the real one (test/support/newsArchive.ts,
// BENCH_ARTICLES articles, default 6,376): what one refresh after a change of the index costs (the running totals
// grouped and sorted, WorkspaceEntityIndex.entityTotals) against counting from every file's summary (the per-article
// scan the view avoids), what expanding the most mentioned entity costs, and what keeping the totals adds to filling
// the index. Ratios in one run; never fails on timings.
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../src/core/entities/articleEntities';
import { indexKey, mentionCount, summarizeArticle, type IndexedArticle } from '../src/core/entities/indexedArticle';
import { nameKeys, WorkspaceEntityIndex } from '../src/core/entities/workspaceEntityIndex';
import { generateArchive, realArchive } from '../test/support/newsArchive';

const articleCount = Number(process.env.BENCH_ARTICLES ?? realArchive.articles);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function median(run: () => void, times = 7): number {
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const started = performance.now();
		run();
		samples.push(performance.now() - started);
	}
	return samples.sort((a, b) => a - b)[times >> 1];
}

const summaries: [string, IndexedArticle][] = [];
for (const article of generateArchive(articleCount)) {
	summaries.push([`file:///archive/${article.name}`, summarizeArticle(indexKey(article.text, undefined), article.text, analyzeArticle(article.text))]);
}
const index = new WorkspaceEntityIndex();
const fillMs = median(() => {
	index.clear();
	for (const [uri, article] of summaries) index.set(uri, article);
}, 3);

/** What the view would do without running totals: one pass over every file's entities, then group and sort. */
function countFromEveryFile(): number {
	const totals = new Map<string, { mentions: number; files: Set<string> }>();
	for (const uri of index.uris()) {
		for (const entity of index.get(uri)!.entities) {
			const key = nameKeys(entity)[0];
			const entry = totals.get(key) ?? { mentions: 0, files: new Set<string>() };
			entry.mentions += mentionCount(entity);
			entry.files.add(uri);
			totals.set(key, entry);
		}
	}
	return [...totals.values()].sort((x, y) => y.mentions - x.mentions).length;
}

const [firstUri, firstArticle] = summaries[0];
// A change of one file, then the totals again: what a refresh of the view pays after the index changed.
const afterChangeMs = median(() => {
	index.delete(firstUri);
	index.set(firstUri, firstArticle);
	index.entityTotals();
});
const cachedMs = median(() => index.entityTotals());
const scanMs = median(countFromEveryFile, 3);
const totals = index.entityTotals();
const top = totals.person[0];
const expandMs = median(() => index.entityArticles(top));
const distinct = totals.person.length + totals.organization.length + totals.place.length;

console.log(`archive: ${summaries.length} articles, ${distinct} workspace entities (${totals.person.length} people, ${totals.organization.length} organizations, ${totals.place.length} places)`);
console.log(`filling the index (set of every file, totals kept as it goes), median of 3: ${fmt(fillMs)}`);
console.log(`refresh after one file changed (entityTotals: group + sort the running totals), median of 7: ${fmt(afterChangeMs)}`);
console.log(`  vs counting from every file's summary (the per-article scan avoided), median of 3: ${fmt(scanMs)}  ratio ${(scanMs / afterChangeMs).toFixed(1)}x`);
console.log(`refresh with the index unchanged (cached totals): ${fmt(cachedMs)}`);
console.log(`expanding the most mentioned person (${top.name}: ${top.mentions} mentions in ${top.articles} articles), median of 7: ${fmt(expandMs)}`);
