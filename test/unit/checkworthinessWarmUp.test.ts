import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFeatures, features } from '../../src/core/checkworthiness/features';
import { warmUpArticle, warmUpPlan, warmUpSteps } from '../../src/core/checkworthiness/warmUp';
import { parseSeed } from '../../src/core/seed/seedParser';

void describe('check-worthiness warm-up', () => {
	void it('writes a seed article with a dateline, paragraphs and headings, the same for the same round', () => {
		const text = warmUpArticle(3, 30);
		assert.equal(warmUpArticle(3, 30), text);
		assert.notEqual(warmUpArticle(4, 30), text);
		const doc = parseSeed(text);
		assert.ok(doc.dateline, 'a dateline');
		const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
		assert.equal(paragraphs.length, 31, 'the lead and 30 paragraphs');
		assert.ok(doc.blocks.some((b) => b.kind === 'heading'), 'a heading now and then');
		const texts = paragraphs.map((b) => text.slice(b.start, b.end));
		assert.equal(new Set(texts).size, texts.length, 'no two paragraphs alike (the score cache is per paragraph)');
	});

	void it('fires every feature, so that every pattern is compiled and run before the first article', () => {
		const text = warmUpArticle(0, warmUpPlan.paragraphs);
		const doc = parseSeed(text);
		const fired = new Set<number>();
		for (const block of doc.blocks) {
			if (block.kind !== 'paragraph') continue;
			for (const s of block.sentences) for (const f of detectFeatures(text.slice(s.start, s.end))) fired.add(f.index);
		}
		assert.deepEqual(features.filter((_, i) => !fired.has(i)).map((f) => f.id), []);
	});

	void it('scores the rounds in small steps and says how much it did', () => {
		const steps = warmUpSteps(2, 10, 0.8, 500);
		let count = 0;
		let result;
		for (;;) {
			const step = steps.next();
			if (step.done) {
				result = step.value;
				break;
			}
			count++;
		}
		const characters = warmUpArticle(0, 10).length + warmUpArticle(1, 10).length;
		assert.equal(result.rounds, 2);
		assert.equal(result.characters, characters);
		const sentences = [0, 1].reduce((n, round) => {
			const doc = parseSeed(warmUpArticle(round, 10));
			return n + doc.blocks.filter((b) => b.kind === 'paragraph').reduce((m, b) => m + (b.kind === 'paragraph' ? b.sentences.length : 0), 0);
		}, 0);
		assert.equal(result.sentences, sentences);
		// At least one step per 500 characters of paragraphs, besides the first uses (the splitter, each template).
		assert.ok(count >= Math.floor(characters / 500), `${count} steps for ${characters} characters`);
	});
});
