import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkworthyJson, debateArticle, layouts, mapToLines } from '../../scripts/checkworthyArticles';
import type { Debate } from '../../scripts/checkworthyData';

const debate: Debate = {
	name: '20160926_1pres',
	date: '2016-09-26',
	sentences: [
		{ speaker: 'HOLT', text: 'Good evening from Hofstra University.', label: 0 },
		{ speaker: 'TRUMP', text: 'Our jobs are fleeing the country.', label: 0 },
		{ speaker: 'TRUMP', text: 'They are going to Mexico, and 7 million jobs left.', label: 1 },
		{ speaker: 'AUDIENCE', text: '(APPLAUSE)', label: 0 },
		{ speaker: 'CLINTON', text: 'Go ahead.', label: 0 },
		{ speaker: 'CLINTON', text: '30 seconds.', label: 0 },
	],
};

void describe('CheckThat debates as seed articles', () => {
	void it('writes one paragraph per utterance without speaker names, and knows where each line is', () => {
		const article = debateArticle(debate, layouts.find((l) => l.lead === 'title' && l.paragraph === 'utterance')!);
		assert.ok(article.text.startsWith(' date 2016-09-26 Transcript of 1pres\n\nGood evening'), article.text);
		assert.ok(!/HOLT|TRUMP|CLINTON|AUDIENCE/.test(article.text));
		debate.sentences.forEach((line, i) => assert.equal(article.text.slice(article.lines[i].start, article.lines[i].end), line.text));
		assert.ok(article.text.includes('Our jobs are fleeing the country. They are going to Mexico'));
		assert.equal(article.text.split('\n\n').length, 5, 'the title and four utterances');
	});

	void it('puts the first line on the dateline\'s line, one paragraph per line', () => {
		const article = debateArticle(debate, layouts.find((l) => l.lead === 'first' && l.paragraph === 'line')!);
		assert.ok(article.text.startsWith(' date 2016-09-26 Good evening from Hofstra University.\n\nOur jobs'));
		assert.equal(article.text.split('\n\n').length, 6);
	});

	void it('maps the command\'s sentences back to the lines: lost, merged and split lines counted', async () => {
		const article = debateArticle(debate, layouts[0]);
		const [sentences] = await checkworthyJson([article.text]);
		for (const s of sentences) assert.equal(article.text.slice(s.start, s.end), s.text);
		const labels = debate.sentences.map((s) => s.label);
		const mapped = mapToLines(article, labels, sentences, (s) => s.score);
		// "(APPLAUSE)" alone in a paragraph reads as a heading: no sentence; "Go ahead. 30 seconds." is one sentence.
		assert.equal(mapped.scores[3], -1);
		assert.equal(mapped.lost, 1);
		assert.equal(mapped.lostPositives, 0);
		assert.equal(mapped.scores[2], sentences.find((s) => s.text.includes('7 million'))?.score);
		assert.ok(mapped.scores[2] > mapped.scores[1]);
		assert.equal(mapped.merged, 2, 'the last two lines share a sentence');
		assert.equal(mapped.scores[4], mapped.scores[5]);
		const fake = mapToLines(article, labels, [{ start: article.lines[1].start, end: article.lines[2].end, text: '', score: 0.5 }, { start: article.lines[2].start, end: article.lines[2].start + 3, text: '', score: 0.9 }], (s) => s.score);
		assert.deepEqual(fake.scores, [-1, 0.5, 0.9, -1, -1, -1]);
		assert.deepEqual({ lost: fake.lost, merged: fake.merged, mergedPositives: fake.mergedPositives, split: fake.split }, { lost: 4, merged: 2, mergedPositives: 1, split: 1 });
	});
});
