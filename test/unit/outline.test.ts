import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleTitle, firstWords } from '../../src/core/seed/articleTitle';
import { shortenAtWord } from '../../src/core/text/shorten';
import { foldingSpans } from '../../src/core/seed/folding';
import { buildOutline, type OutlineNode } from '../../src/core/seed/outline';
import { parseSeed } from '../../src/core/seed/seedParser';

const joinLines = (...lines: string[]) => lines.join('\n');
const article = joinLines(
	' date 2024-05-02 The harbour authority of Valmora said on Thursday that it would close the old ferry pier for repairs. Traffic will move north.',
	'',
	'Repairs Begin in Summer',
	'',
	'Work starts in June and lasts three months, the authority said.',
	'',
	'Contractors have not been named yet.',
	'',
	'Ferry Operators Worried',
	'',
	'“We will lose customers,” one operator said.',
);

const names = (node: OutlineNode): unknown => node.children.length ? [node.name, node.children.map(names)] : node.name;

void test('the outline holds the article, its dateline, lead, sections and paragraphs', () => {
	const outline = buildOutline(parseSeed(article));
	assert.equal(outline.kind, 'article');
	assert.equal(outline.name, 'The harbour authority of Valmora said on Thursday that it…');
	assert.equal(outline.detail, '2024-05-02');
	assert.deepEqual(names(outline), ['The harbour authority of Valmora said on Thursday that it…', [
		'Dateline',
		'Lead',
		['Repairs Begin in Summer', ['Work starts in June and lasts…', 'Contractors have not been named yet.']],
		['Ferry Operators Worried', ['“We will lose customers,” one operator…']],
	]]);
});

void test('section ranges run from the heading to the last paragraph; selections lie inside ranges', () => {
	const outline = buildOutline(parseSeed(article));
	const repairs = outline.children[2];
	assert.equal(article.slice(repairs.selection.start, repairs.selection.end), 'Repairs Begin in Summer');
	assert.equal(repairs.range.start, article.indexOf('Repairs Begin'));
	assert.equal(repairs.range.end, article.indexOf('Contractors have not been named yet.') + 'Contractors have not been named yet.'.length);
	const check = (node: OutlineNode) => {
		assert.ok(node.range.start <= node.selection.start && node.selection.end <= node.range.end, node.name);
		node.children.forEach(check);
	};
	check(outline);
});

void test('a huge article lists sections without paragraphs', () => {
	const outline = buildOutline(parseSeed(article), { maxParagraphs: 2 });
	assert.deepEqual(outline.children.map((c) => c.children.length), [0, 0, 0, 0]);
	assert.deepEqual(outline.children.map((c) => c.name), ['Dateline', 'Lead', 'Repairs Begin in Summer', 'Ferry Operators Worried']);
});

void test('an article without dateline or text still has an outline', () => {
	assert.equal(buildOutline(parseSeed('')).name, 'Untitled article');
	const undated = buildOutline(parseSeed('Just one line of text without a date.'));
	assert.equal(undated.detail, '');
	assert.deepEqual(undated.children.map((c) => c.kind), ['lead']);
});

void test('titles are shortened at a word boundary', () => {
	assert.equal(shortenAtWord('Short title', 60), 'Short title');
	assert.equal(shortenAtWord('one two three four', 12), 'one two…');
	assert.equal(shortenAtWord('one two three four', 13), 'one two three…', 'a word ending exactly at the limit stays');
	assert.equal(shortenAtWord('a\nb   c', 60), 'a b c');
	assert.equal(firstWords('alpha beta gamma', 0, 16, 2), 'alpha beta…');
	assert.equal(articleTitle(parseSeed(' date 2024-01-01 Kim left.')), 'Kim left.');
});

void test('sections and multi-line paragraphs fold', () => {
	const doc = parseSeed(article);
	const spans = foldingSpans(doc);
	const sections = spans.filter((s) => s.kind === 'section');
	assert.deepEqual(sections.map((s) => article.slice(s.start, s.start + 7)), ['Repairs', 'Ferry O']);
	assert.equal(spans.filter((s) => s.kind === 'paragraph').length, 4);
});
