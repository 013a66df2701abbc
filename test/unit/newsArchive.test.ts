import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { generateArchive } from '../support/newsArchive';
import { tokenize, TokenKind } from '../../src/core/entities/tokenize';

const digest = (version: 1 | 2, count: number): string => {
	const hash = createHash('sha256');
	for (const article of generateArchive(count, 12, version)) hash.update(`${article.name}\0${article.text}\0${article.people.join('|')}\n`);
	return hash.digest('hex');
};

void describe('the generated news archive of the benches', () => {
	void it('version 1 is the archive it always was (old bench figures stay comparable)', () => {
		assert.equal(digest(1, 40), '63c5f8744a689a2a5d8632e4152157da19de334c14227b7dbc6d6e0ad1a75ac0');
	});

	void it('version 2 is deterministic and article i depends only on the seed and i', () => {
		assert.equal(digest(2, 30), digest(2, 30));
		const first = [...generateArchive(30, 12, 2)];
		const longer = [...generateArchive(60, 12, 2)];
		assert.deepEqual(longer.slice(0, 30), first);
		assert.notDeepEqual([...generateArchive(5, 13, 2)], first.slice(0, 5));
	});

	void it('version 2 has a news-like vocabulary: several times the distinct words of version 1, many met once', () => {
		const vocabulary = (version: 1 | 2) => {
			const forms = new Map<string, number>();
			for (const article of generateArchive(400, 12, version)) {
				for (const token of tokenize(article.text, 0, article.text.length)) if (token.kind === TokenKind.Word) forms.set(token.text, (forms.get(token.text) ?? 0) + 1);
			}
			return { distinct: forms.size, once: [...forms.values()].filter((n) => n === 1).length };
		};
		const old = vocabulary(1);
		const news = vocabulary(2);
		assert.ok(news.distinct > 4 * old.distinct, `${news.distinct} vs ${old.distinct} distinct word forms`);
		assert.ok(news.once > 0.4 * news.distinct, `${news.once} of ${news.distinct} met once`);
	});

	void it('version 2 starts every article with a dateline and names a person in full before by surname', () => {
		for (const article of generateArchive(200, 12, 2)) {
			assert.match(article.text, /^ date \d{4}-\d{2}-\d{2} \S/);
			for (const person of article.people) {
				const surname = person.slice(person.lastIndexOf(' ') + 1);
				assert.ok(article.text.indexOf(person) <= article.text.indexOf(surname) + person.length - surname.length, `${person} in ${article.name}`);
			}
		}
	});
});
