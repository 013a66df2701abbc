// ClaimReview, CSV and Markdown exports: fields against their definitions, quoting and escaping, golden files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root, RootContent } from 'mdast';
import { createClaim, normaliseVerdicts } from '../../src/core/claims';
import { claimReviews, claimsCsv, claimantType, CSV_COLUMNS, exportClaims, exportDefaultFolder, markdownReport, prepareExportArticle, relativeHref, serialiseClaimReviews } from '../../src/core/claims/exports';
import { escapeMarkdownInline } from '../../src/core/text/markdown';
import { seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';
import { assertExportGolden, emojiClaims, emojiName, emojiText, fixtureArticles } from '../fixtures/exports/exportTestKit';

type Json = Record<string, unknown>;

/* ------------------------------------------------------------ ClaimReview */

void test('ClaimReview: one per judged claim; Unchecked claims are left out unless asked for', () => {
	const { reviews, leftOut } = claimReviews(fixtureArticles());
	assert.equal(reviews.length, 5);
	assert.equal(leftOut, 2);
	assert.equal(claimReviews(fixtureArticles(), { includeUnchecked: true }).reviews.length, 7);
});

void test('ClaimReview fields follow schema.org: claimReviewed Text, reviewRating Rating, itemReviewed Claim, author Person, datePublished', () => {
	const { reviews } = claimReviews(fixtureArticles());
	for (const review of reviews) {
		assert.equal(review['@type'], 'ClaimReview');
		assert.equal(typeof review.claimReviewed, 'string', 'claimReviewed: Text');
		const rating = review.reviewRating as Json;
		assert.equal(rating['@type'], 'Rating');
		assert.equal(typeof rating.alternateName, 'string', 'alternateName: the verdict label');
		if (rating.ratingValue !== undefined) {
			assert.ok((rating.worstRating as number) <= (rating.ratingValue as number) && (rating.ratingValue as number) <= (rating.bestRating as number));
		}
		const item = review.itemReviewed as Json;
		assert.equal(item['@type'], 'Claim');
		assert.match(item.datePublished as string, /^\d{4}-\d{2}-\d{2}$/, 'Claim.datePublished: the dateline (schema.org Date)');
		const appearance = item.appearance as Json;
		assert.equal(appearance['@type'], 'NewsArticle', 'appearance: CreativeWork');
		assert.match(appearance.url as string, /^https:\/\/example\.org\/news\//);
		assert.equal(typeof appearance.headline, 'string');
		if (item.author !== undefined) {
			assert.ok(['Person', 'Organization'].includes((item.author as Json)['@type'] as string), 'Claim.author: Person or Organization');
		}
		if (review.author !== undefined) {
			assert.deepEqual(Object.keys(review.author as Json), ['@type', 'name']);
		}
		assert.ok(!Number.isNaN(Date.parse(review.datePublished as string)), 'datePublished: Date or DateTime');
		assert.match(review.url as string, /^https:\/\/example\.org\/news\/.+#claim-/);
	}
	const cost = reviews.find((r) => r.claimReviewed === 'the metro line cost €2.1 billion') as Json;
	assert.deepEqual(cost.reviewRating, { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' });
	assert.deepEqual((cost.itemReviewed as Json).author, { '@type': 'Person', name: 'Ana Díaz' });
	assert.equal((cost.itemReviewed as Json).datePublished, '2024-05-02');
	assert.deepEqual(cost.author, { '@type': 'Person', name: 'Ada Reviewer' });
	assert.equal(cost.keywords, 'budget, transport');
	const critics = reviews.find((r) => (r.claimReviewed as string).startsWith('the figure')) as Json;
	assert.deepEqual((critics.itemReviewed as Json).author, { '@type': 'Organization', name: 'City Council' });
	assert.equal(critics.author, undefined, 'no creator, no author');
	const unverifiable = reviews.find((r) => (r.reviewRating as Json).alternateName === 'Unverifiable') as Json;
	assert.deepEqual(unverifiable.reviewRating, { '@type': 'Rating', alternateName: 'Unverifiable' }, 'no rating on the scale: alternateName only');
});

void test('ClaimReview ratings follow a custom scale', () => {
	const scale = normaliseVerdicts([{ label: 'Correct', rating: 10, color: '#00ff00' }, { label: 'Mostly false', rating: 3, color: '#ff0000' }, { label: 'Wrong', rating: 0, color: '#ff0000' }]).verdicts;
	const { reviews } = claimReviews(fixtureArticles(), { verdicts: scale });
	const cost = reviews.find((r) => r.claimReviewed === 'the metro line cost €2.1 billion') as Json;
	assert.deepEqual(cost.reviewRating, { '@type': 'Rating', ratingValue: 3, bestRating: 10, worstRating: 0, alternateName: 'Mostly false' });
});

void test('claimant types: organisations by the recognizer or their head word, people otherwise', () => {
	assert.equal(claimantType('City Council'), 'Organization');
	assert.equal(claimantType('the World Health Organization'), 'Organization');
	assert.equal(claimantType('Ana Díaz'), 'Person');
});

void test('ClaimReview golden file', () => {
	assertExportGolden('claims.claimreview.jsonld', serialiseClaimReviews(fixtureArticles()).content);
});

/* ------------------------------------------------------------ CSV */

void test('CSV: RFC 4180 (CRLF records, quoted fields with commas, quotes and line breaks) read back by csv-parse', () => {
	const csv = claimsCsv(fixtureArticles());
	assert.ok(csv.endsWith('\r\n'));
	const rows = parseCsv(csv, { columns: true, relax_column_count: false }) as Record<string, string>[];
	assert.deepEqual(Object.keys(rows[0]), [...CSV_COLUMNS]);
	assert.equal(rows.length, 7);
	const critics = rows.find((r) => r.text.startsWith('the figure')) as Record<string, string>;
	const claim = emojiClaims().find((c) => c.target.quote.exact.startsWith('the figure'));
	assert.equal(critics.note, claim?.body.note, 'a note with tabs, quotes, commas and newlines survives');
	assert.equal(critics.sources, 'https://example.org/audit?year=2024&page=2 | Council minutes, p. 4');
	assert.equal(critics.rating, '1');
	assert.equal(critics.section, 'Budget Questions Remain');
	assert.equal(critics.anchor, 'exact');
	const across = rows.find((r) => r.verdict === 'Unverifiable' && r.article === emojiName) as Record<string, string>;
	assert.equal(across.text, '[budget](x).\n\nBudget Questions');
	// Every line break that is not a record end sits inside a quoted field.
	const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
	assert.ok(!/\n(?<!\r\n)|\r(?!\n)/.test(outsideQuotes), 'records end with CRLF, and only records');
	assert.ok(/"Bo ""Quotes"" Writer"/.test(csv), 'quotes doubled inside quoted fields');
});

void test('CSV: cells a spreadsheet would run as formulas get a \' in front by default (OWASP), raw output on request', () => {
	const [article] = fixtureArticles().filter((a) => a.fileName === emojiName);
	const hostile = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'safe = text'];
	const claims = article.claims.slice(0, 1).flatMap((exported) => hostile.map((value, i) => ({
		...exported,
		claim: { ...exported.claim, id: `urn:x:${i}`, creator: value, body: { ...exported.claim.body, note: value, claimant: value, tags: [value], sources: [value] } },
	})));
	const withHostile = { ...article, claims };
	const rows = parseCsv(claimsCsv([withHostile]), { columns: true }) as Record<string, string>[];
	const expected = ['\'=HYPERLINK("https://evil.example","x")', "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", 'safe = text'];
	for (const column of ['note', 'claimant', 'tags', 'sources', 'creator'] as const) {
		assert.deepEqual(rows.map((r) => r[column]), expected, column);
	}
	const raw = parseCsv(claimsCsv([withHostile], { csvRaw: true }), { columns: true }) as Record<string, string>[];
	assert.deepEqual(raw.map((r) => r.note), hostile, 'csvRaw writes the cells as stored');
	assert.deepEqual(rows.map((r) => r.start), raw.map((r) => r.start), 'numbers are never changed');
});

void test('CSV golden file', () => {
	assertExportGolden('claims.csv', claimsCsv(fixtureArticles()));
});

/* ------------------------------------------------------------ Markdown */

function parseMarkdown(markdown: string): Root {
	return unified().use(remarkParse).parse(markdown);
}

function plainText(node: RootContent | Root): string {
	if ('value' in node && typeof node.value === 'string') {
		return node.value;
	}
	return 'children' in node ? (node.children as RootContent[]).map(plainText).join('') : '';
}

void test('Markdown escaping: literal article text renders as exactly its characters, with no links, emphasis or HTML', () => {
	const nasty = [
		'*stars* and _underscores_ and **bold**', '# not a heading', '1. not a list', '- nor this', '> nor a quote', '[link](http://x) and ![img](y)',
		'<b>html</b> &amp; entity &copy;', 'back\\slash `code` ~~strike~~ | pipe', 'emoji 👩‍👩‍👧 and 王小明', 'trailing hashes ##', 'a_b_c 2*3*4',
	];
	for (const text of nasty) {
		const tree = parseMarkdown(`- **X**: “${escapeMarkdownInline(text)}”`);
		const item = JSON.stringify(tree);
		assert.ok(!/"type":"(link|image|html|emphasis|inlineCode|delete|heading)"/.test(item.replace(/"type":"strong"[^\]]*\]/, '')), `no markup from "${text}": ${item}`);
		assert.equal(plainText(tree), `X: “${text}”`);
	}
	const heading = parseMarkdown(`## ${escapeMarkdownInline('Title ending in # ##')}`);
	assert.equal(plainText(heading), 'Title ending in # ##');
});

void test('Markdown report: summary table, one section per article, claims under their section headings, notes fenced in quotes', () => {
	const report = markdownReport(fixtureArticles());
	const tree = parseMarkdown(report);
	const headings = tree.children.filter((n) => n.type === 'heading').map((n) => `${'#'.repeat((n as { depth: number }).depth)} ${plainText(n)}`);
	assert.deepEqual(headings, [
		'# Claims report', '## Summary',
		'## North Korean leader Kim Jong-un recently made headlines by…', '### Lead', '### Symbol of Deepening Ties', '### Implications for Global Diplomacy',
		'## Mayor Ana Díaz 🚇 said the metro line cost €2.1 billion…', '### Lead', '### Budget Questions Remain',
	]);
	// The summary is a GFM table (remark-parse alone reads it as a paragraph; its rows are checked as lines).
	assert.match(report, /## Summary\n\n\| Verdict \| Claims \|\n\| --- \| ---: \|\n\| Mostly true \| 1 \|\n/);
});

void test('Markdown report: note content cannot break the structure and raw HTML is shown as text', () => {
	const report = markdownReport(fixtureArticles());
	assert.ok(!report.includes('<script>'));
	assert.ok(report.includes('\\<script\\>'));
	assert.ok(report.includes('  > \\# Not a heading'), 'a heading in a note stays text inside its block quote');
	const tree = parseMarkdown(report);
	assert.ok(!tree.children.some((n) => n.type === 'heading' && plainText(n) === 'Not a heading'));
	assert.ok(!tree.children.some((n) => n.type === 'html'));
	assert.match(report, /\| Mostly false \| 1 \|/);
	assert.match(report, /\| \*\*Total\*\* \| \*\*7\*\* \|/);
});

void test('Markdown report marks claims whose text changed or is gone', () => {
	const changed = emojiText.replace('The line opens in 2026', 'Nothing like it');
	const report = markdownReport([prepareExportArticle({ fileName: emojiName, text: changed, claims: emojiClaims() })]);
	assert.match(report, /The line opens in 2026\* \*\(unanchored: text no longer found in the article\)\*/);
});

void test('Markdown report: a text ending in its own closing quote is not given a second one; each claim links to its article and line', () => {
	const text = ' date 2024-05-02 Rail traffic fell.\n\nOkafor said the network had “room to recover.”';
	const claims = [createClaim(text, spanOf(text, 'the network had “room to recover.”'), { verdict: 'Half true' }, new Date('2024-05-03T00:00:00Z'), seededRandomBytes(9))];
	const article = prepareExportArticle({ fileName: '500_00000000000000aa.txt', text, claims, iri: 'file:///w/news/500_00000000000000aa.txt' });
	const report = markdownReport([article], { articleHref: (a) => relativeHref('/w/reports', new URL(a.iri).pathname) });
	assert.ok(!report.includes('.”””') && !report.includes('.””'), 'no doubled closing quote');
	assert.match(report, /- \*\*Half true\*\* · \[line 3\]\(\.\.\/news\/500_00000000000000aa\.txt#L3\): \*the network had “room to recover\\\.”\*/);
	const beside = markdownReport([article]);
	assert.match(beside, /\[line 3\]\(500_00000000000000aa\.txt#L3\)/, 'default: the report beside its articles');
	assert.equal(relativeHref('/w/a b', '/w/news/001 (x).txt'), '../news/001%20(x).txt');
	assert.equal(relativeHref('/w/news', '/w/news/001.txt'), '001.txt');
	assert.ok(!/\(s\)/.test(report), 'no "claim(s)"');
});

void test('Markdown golden file', () => {
	assertExportGolden('claims.md', markdownReport(fixtureArticles()));
});

void test('export file names: one article named by its stem, several as claims.*', () => {
	const [one] = fixtureArticles();
	assert.deepEqual(exportClaims('w3c', [one]).files.map((f) => f.name), ['000_765aeddc370d2ae5.w3c.jsonld']);
	assert.deepEqual(exportClaims('csv', [one]).files.map((f) => f.name), ['000_765aeddc370d2ae5.claims.csv']);
	assert.deepEqual(exportClaims('markdown', fixtureArticles()).files.map((f) => f.name), ['claims.md']);
	assert.deepEqual(exportClaims('claimreview', fixtureArticles()).files.map((f) => f.name), ['claims.claimreview.jsonld']);
	assert.deepEqual(exportClaims('claimreview', fixtureArticles()).warnings, ['2 unchecked claims left out: a ClaimReview needs a verdict.']);
});

void test('the report is offered outside the articles\' folder by default: the folder that holds it', () => {
	assert.equal(exportDefaultFolder(['file:///home/ana/work/news/001_820dad7cbcc6459d.txt']), 'file:///home/ana/work');
	assert.equal(exportDefaultFolder(['file:///home/ana/work/news', 'file:///home/ana/other']), 'file:///home/ana/work');
	assert.equal(exportDefaultFolder(['file:///home/ana/work/news/']), 'file:///home/ana/work');
	assert.equal(exportDefaultFolder([], 'vscode-vfs://github/ana/archive/news'), 'vscode-vfs://github/ana/archive');
	assert.equal(exportDefaultFolder(['file:///news']), 'file:///', 'a folder at the root: the root');
	assert.equal(exportDefaultFolder(['file:///']), 'file:///', 'the root is its own parent');
	assert.equal(exportDefaultFolder([]), undefined);
});
