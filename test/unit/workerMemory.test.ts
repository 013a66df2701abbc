import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../src/core/entities/articleEntities';
import { useWorkerMemory } from '../../src/core/entities/workerMemory';
import { generateArchive } from '../support/newsArchive';

void test('an index worker\'s recognizer (whole vocabulary remembered, word lists hashed) finds exactly what the host\'s does', () => {
	const texts = [...generateArchive(150, 5, 2)].map((article) => article.text);
	const summary = (text: string): string => {
		const article = analyzeArticle(text);
		return JSON.stringify([article.entities.map((e) => [e.id, e.canonical, e.type, e.aliases, e.mentions.map((m) => [m.start, m.end, m.type, m.text])]), article.headings]);
	};
	const before = texts.map(summary);
	useWorkerMemory();
	useWorkerMemory();
	// Twice over: once filling the new tables, once answered from them.
	assert.deepEqual(texts.map(summary), before);
	assert.deepEqual(texts.map(summary), before);
});
