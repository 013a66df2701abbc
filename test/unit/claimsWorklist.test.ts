// The Claims view as a worklist: progress per article, search by text, note, claimant, tag and creator, unchecked
// only, the current article first; the changed-claim comparison.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, DEFAULT_VERDICTS, prepareArticle, updateClaimBody, type Claim } from '../../src/core/claims';
import { changedTextMarkdown, groupClaims, matchesQuery } from '../../src/core/claims/claimPresentation';
import { trackClaims } from '../../src/core/claims/claimTracking';
import { seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';

const now = new Date('2024-03-17T09:00:00.000Z');
const text = ' date 2024-03-16 Exports rose 4% in May. The port handled 4.1 million containers. Cranes will be replaced by 2027.';

function claimOn(needle: string, verdict: string, seed: number, extra: Partial<Claim['body']> = {}, creator: string | null = null): Claim {
	const claim = createClaim(text, spanOf(text, needle), { verdict, creator }, now, seededRandomBytes(seed));
	return updateClaimBody(claim, extra, now);
}

const tracked = trackClaims(prepareArticle(text), [
	claimOn('Exports rose 4% in May.', 'True', 1, { note: 'Customs office release', tags: ['trade'] }, 'A. Reader'),
	claimOn('The port handled 4.1 million containers.', 'Unchecked', 2, { claimant: 'Harbour Authority' }),
	claimOn('Cranes will be replaced by 2027.', 'Unchecked', 3),
]);
const articles = [
	{ key: 'a', name: 'a.txt', problem: null, tracked },
	{ key: 'z', name: 'z.txt', problem: null, tracked: tracked.slice(0, 1) },
];

void test('worklist: each article shows its progress over all its claims', () => {
	const groups = groupClaims(articles, 'article', DEFAULT_VERDICTS);
	assert.deepEqual(groups.map((g) => [g.label, g.description]), [['a.txt', '1 of 3 checked'], ['z.txt', '1 of 1 checked']]);
	const filtered = groupClaims(articles, 'article', DEFAULT_VERDICTS, new Set(), { uncheckedOnly: true });
	assert.equal(filtered[0].description, '1 of 3 checked', 'progress does not shrink with the filter');
});

void test('worklist: unchecked only; search over text, note, claimant, tag and creator, all words, any case', () => {
	const unchecked = groupClaims(articles, 'article', DEFAULT_VERDICTS, new Set(), { uncheckedOnly: true });
	assert.deepEqual(unchecked.map((g) => [g.label, g.items.length]), [['a.txt', 2]], 'an article without unchecked claims disappears');
	const search = (query: string) => groupClaims(articles, 'article', DEFAULT_VERDICTS, new Set(), { query }).flatMap((g) => g.items.map((i) => `${g.label}:${i.tracked.claim.target.quote.exact.slice(0, 6)}`));
	assert.deepEqual(search('cranes'), ['a.txt:Cranes']);
	assert.deepEqual(search('customs'), ['a.txt:Export', 'z.txt:Export'], 'by note');
	assert.deepEqual(search('harbour'), ['a.txt:The po'], 'by claimant');
	assert.deepEqual(search('TRADE'), ['a.txt:Export', 'z.txt:Export'], 'by tag, any case');
	assert.deepEqual(search('reader'), ['a.txt:Export', 'z.txt:Export'], 'by creator');
	assert.deepEqual(search('port 2027'), [], 'every word must match the same claim');
	assert.ok(matchesQuery(tracked[0], '   '), 'a blank search matches everything');
});

void test('worklist: the current article comes first', () => {
	const groups = groupClaims(articles, 'article', DEFAULT_VERDICTS, new Set(), { currentKey: 'z' });
	assert.deepEqual(groups.map((g) => g.label), ['z.txt', 'a.txt']);
});

void test('changed claim: saved and current text side by side, removed words struck, added words bold, all escaped', () => {
	const table = changedTextMarkdown('the vote was rushed', 'the vote was [hurried](command:x)');
	const [head, rule, row] = table.split('\n');
	assert.equal(head, '| Saved text | Text now |');
	assert.equal(rule, '| --- | --- |');
	assert.ok(row.startsWith('| the vote was ~~rushed~~ | the vote was **'), row);
	assert.ok(row.includes('\\[hurried\\]\\(command\\:x\\)'), 'added text is escaped, no link');
	assert.ok(!row.includes('](command:'), 'no working link');
	assert.equal(changedTextMarkdown('a|b\nc', 'a|b c').split('\n')[2], '| a\\|b c | a\\|b c |', 'pipes escaped, one row');
});
