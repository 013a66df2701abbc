import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle, analyzeArticleSteps, entityAt, indexMentions, mentionAt, runSliced, type ArticleEntities } from '../../src/core/entities/articleEntities';
import type { Entity } from '../../src/core/entities/index';

const joinLines = (...lines: string[]) => lines.join('\n');

const article = joinLines(
	' date 2025-01-22 Swedish Foreign Minister Maria Ortega-Lindqvist arrived in Geneva on Tuesday.',
	'',
	'Nine Days in Geneva',
	'',
	"Ortega-Lindqvist's aides said the World Health Organization had sent observers. Ortega-Lindqvist left.",
);

function entity(id: string, mentions: [number, number][]): Entity {
	return { id, canonical: id, type: 'person', aliases: [], mentions: mentions.map(([start, end]) => ({ start, end, text: 'x', type: 'person' })) };
}

void describe('analyzeArticle', () => {
	void it('groups the full name, the possessive short form and the surname alone as one person', () => {
		const result = analyzeArticle(article);
		const full = result.entities.find((e) => e.canonical === 'Maria Ortega-Lindqvist');
		assert.ok(full, JSON.stringify(result.entities.map((e) => e.canonical)));
		assert.equal(full.type, 'person');
		assert.equal(full.mentions.length, 3);
		const possessive = article.indexOf("Ortega-Lindqvist's");
		assert.equal(entityAt(result, possessive + 3)?.id, full.id);
	});

	void it('lists the headings with their text', () => {
		assert.deepEqual(analyzeArticle(article).headings.map((h) => h.name), ['Nine Days in Geneva']);
	});

	void it('gives the same entities whether the article is recognized whole or in block-aligned slices', () => {
		const long = Array.from({ length: 40 }, () => article.slice(article.indexOf('Ortega-Lindqvist\'s'))).join('\n\n');
		const text = `${article}\n\n${long}`;
		const whole = analyzeArticle(text);
		const steps = analyzeArticleSteps(text, undefined, undefined, 500);
		let yields = 0;
		let step = steps.next();
		while (!step.done) {
			yields++;
			step = steps.next();
		}
		assert.ok(yields > 5, `expected several slices, got ${yields}`);
		assert.deepEqual(step.value.mentions, whole.mentions);
		assert.deepEqual(step.value.entities.map((e) => e.id), whole.entities.map((e) => e.id));
	});

	void it('never throws on degenerate input', () => {
		for (const text of ['', ' ', '\n\n\n', ' date 2024-13-45 ', '\uFEFF date 2024-03-16 A\r\n\r\nB', '😀'.repeat(100)]) {
			const result = analyzeArticle(text);
			assert.ok(Array.isArray(result.entities));
		}
	});
});

void describe('mentionAt', () => {
	const indexed: ArticleEntities = { entities: [entity('a', [[0, 5], [20, 25]]), entity('b', [[5, 10]])], mentions: [], headings: [] };
	const withIndex: ArticleEntities = { ...indexed, mentions: indexMentions(indexed.entities) };

	void it('finds the mention under the offset, with the end included and the later of two touching mentions preferred', () => {
		assert.equal(mentionAt(withIndex, 0)?.entity, 0);
		assert.equal(mentionAt(withIndex, 4)?.entity, 0);
		assert.equal(mentionAt(withIndex, 5)?.entity, 1);
		assert.equal(mentionAt(withIndex, 10)?.entity, 1);
		assert.equal(mentionAt(withIndex, 11), undefined);
		assert.equal(mentionAt(withIndex, 25)?.entity, 0);
		assert.equal(mentionAt(withIndex, 26), undefined);
	});

	void it('drops overlapping mentions from the offset index, keeping the longer one', () => {
		const mentions = indexMentions([entity('a', [[0, 10]]), entity('b', [[3, 6]])]);
		assert.deepEqual(mentions, [{ start: 0, end: 10, entity: 0 }]);
	});
});

void describe('runSliced', () => {
	void it('yields once the budget is used up and records the longest stretch', async () => {
		let clock = 0;
		let yields = 0;
		function* work(): Generator<void, string> {
			for (let i = 0; i < 10; i++) {
				clock += 6;
				yield;
			}
			return 'done';
		}
		const stats = { longestMs: 0, slices: 0 };
		const result = await runSliced(work(), { now: () => clock, yieldNow: async () => { yields++; } }, 10, stats);
		assert.equal(result, 'done');
		assert.equal(yields, 5);
		assert.equal(stats.longestMs, 12);
	});

	void it('adds the slices up when the record starts with a total', async () => {
		let clock = 0;
		function* work(): Generator<void, void> {
			for (let i = 0; i < 10; i++) {
				clock += 6;
				yield;
			}
		}
		// The clock also moves while the thread is given back (other work): that time is not counted.
		const stats = { longestMs: 0, slices: 0, totalMs: 0 };
		await runSliced(work(), { now: () => clock, yieldNow: async () => { clock += 100; } }, 10, stats);
		assert.equal(stats.totalMs, 60);
		assert.equal(stats.slices, 6);
	});

	void it('stops when cancelled', async () => {
		let steps = 0;
		function* work(): Generator<void, string> {
			for (;;) {
				steps++;
				yield;
			}
		}
		const result = await runSliced(work(), { now: () => 0, yieldNow: async () => undefined, isCancelled: () => steps >= 3 });
		assert.equal(result, undefined);
		assert.equal(steps, 3);
	});
});
