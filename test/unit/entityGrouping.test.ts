import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entitySlug, groupEntities, recognizeEntities } from '../../src/core/entities/index';
import type { Entity, EntityMention, EntityType } from '../../src/core/entities/index';
import { growthOfFourfold, linearFourfoldLimit } from '../support/growth';
import { manyNamesArticle } from '../support/scaleInputs';

/** Mentions of `names` at their first occurrences after the previous one, all of type `type` unless given. */
function mentionsIn(text: string, names: readonly (string | [string, EntityType])[]): EntityMention[] {
	let from = 0;
	return names.map((entry) => {
		const [name, type] = typeof entry === 'string' ? [entry, 'person' as EntityType] : entry;
		const start = text.indexOf(name, from);
		assert.ok(start >= 0, `"${name}" not in text`);
		from = start + name.length;
		return { start, end: start + name.length, text: name, type };
	});
}

function byCanonical(entities: readonly Entity[], canonical: string): Entity {
	const entity = entities.find((e) => e.canonical === canonical);
	assert.ok(entity, `no entity "${canonical}" in ${JSON.stringify(entities.map((e) => e.canonical))}`);
	return entity;
}

void describe('groupEntities', () => {
	void it('groups "Kim Jong-un", "Kim" and "Kim\'s" as one person with a stable id', () => {
		const text = "Kim Jong-un arrived. Later Kim waved, and Kim's car left.";
		const entities = groupEntities(recognizeEntities(text), text);
		assert.equal(entities.length, 1);
		const kim = entities[0];
		assert.equal(kim.id, 'person:kim-jong-un');
		assert.equal(kim.canonical, 'Kim Jong-un');
		assert.deepEqual(kim.aliases, ['Kim']);
		assert.equal(kim.mentions.length, 3);
		assert.deepEqual(kim.mentions.map((m) => text.slice(m.start, m.end)), ['Kim Jong-un', 'Kim', 'Kim']);
	});

	void it('groups "Putin" with "Vladimir Putin" whichever comes first', () => {
		const text = 'Putin spoke first; Vladimir Putin then left, and Putin returned.';
		const entities = groupEntities(mentionsIn(text, ['Putin', 'Vladimir Putin', 'Putin']), text);
		assert.equal(entities.length, 1);
		assert.equal(entities[0].canonical, 'Vladimir Putin');
		assert.equal(entities[0].mentions.length, 3);
	});

	void it('joins "UN" to "United Nations" but keeps "UN Security Council" apart', () => {
		const text = 'The United Nations met. The UN Security Council voted, and the UN agreed.';
		const org = (name: string): [string, EntityType] => [name, 'organization'];
		const entities = groupEntities(mentionsIn(text, [org('United Nations'), org('UN Security Council'), org('UN')]), text);
		assert.equal(entities.length, 2);
		assert.deepEqual(byCanonical(entities, 'United Nations').aliases, ['UN']);
		assert.equal(byCanonical(entities, 'UN Security Council').mentions.length, 1);
		assert.equal(byCanonical(entities, 'United Nations').id, 'organization:united-nations');
	});

	void it('attaches a surname to the nearest preceding full name when two people share it', () => {
		const text = 'Anna Berg spoke. Berg left. Then Olav Berg spoke. Berg stayed.';
		const entities = groupEntities(mentionsIn(text, ['Anna Berg', 'Berg', 'Olav Berg', 'Berg']), text);
		assert.equal(entities.length, 2);
		assert.deepEqual(byCanonical(entities, 'Anna Berg').mentions.map((m) => m.start), [0, text.indexOf('Berg left')]);
		assert.deepEqual(byCanonical(entities, 'Olav Berg').mentions.map((m) => m.start), [text.indexOf('Olav'), text.lastIndexOf('Berg')]);
	});

	void it('gives every mention of an entity the same type', () => {
		const text = 'Kim Jong-un spoke. Kim nodded.';
		for (const entity of groupEntities(recognizeEntities(text), text)) {
			for (const mention of entity.mentions) assert.equal(mention.type, entity.type);
		}
	});

	void it('gives a form typed differently in two places its most frequent type', () => {
		const text = 'Nordvik grew. Nordvik hired. Nordvik sold.';
		const entities = groupEntities(mentionsIn(text, [['Nordvik', 'place'], ['Nordvik', 'organization'], ['Nordvik', 'organization']]), text);
		assert.equal(entities.length, 1);
		assert.equal(entities[0].type, 'organization');
		assert.deepEqual(entities[0].mentions.map((m) => m.type), ['organization', 'organization', 'organization']);
	});

	void it('does not merge a place into a person who shares a word', () => {
		const text = 'George Washington was born in Virginia; Washington is the capital.';
		const entities = groupEntities(mentionsIn(text, ['George Washington', ['Virginia', 'place'], ['Washington', 'place']]), text);
		assert.equal(entities.length, 3);
	});

	void it('groups the declared aliases under the user\'s canonical name', () => {
		const text = 'Blue Harbor grew. BHC analysts agreed.';
		const lexicon = { entities: [{ canonical: 'Blue Harbor Capital', type: 'organization' as const, aliases: ['Blue Harbor', 'BHC'] }] };
		const entities = groupEntities(recognizeEntities(text, { lexicon }), text, lexicon);
		const harbor = byCanonical(entities, 'Blue Harbor Capital');
		assert.equal(harbor.id, 'organization:blue-harbor-capital');
		assert.deepEqual(harbor.aliases, ['BHC', 'Blue Harbor']);
	});

	void it('makes slugs from letters and digits only', () => {
		assert.equal(entitySlug('Kim Jong-un'), 'kim-jong-un');
		assert.equal(entitySlug('  São Paulo FC '), 'sao-paulo-fc');
		assert.equal(entitySlug('U.S.'), 'u-s');
	});

	void it('makes the same slug of ASCII names as the Unicode path does (a fast path of its own)', () => {
		const unicodeSlug = (name: string): string => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
		for (const name of ['AT&T', '--Acme, Inc.--', 'F-16 Fighting Falcon', '  x  ', '...', '', 'O\'Neill', 'A1 B2_c3', '\tTab\nNew\x7fLine', 'Zz 09 ~`!@#$%^&*()[]{}|;:"<>?/\\']) {
			assert.equal(entitySlug(name), unicodeSlug(name), JSON.stringify(name));
		}
		// Past ASCII: marks dropped, other scripts' letters kept.
		assert.equal(entitySlug('Łódź Élan'), 'łodz-elan');
		assert.equal(entitySlug('Москва-Сити'), 'москва-сити');
	});

	void it('grows linearly with the number of distinct names (it was quadratic: 50,000 names took 51 s)', () => {
		const small = manyNamesArticle(2_000);
		const large = manyNamesArticle(8_000);
		const entities = groupEntities(large.mentions, large.text);
		// Every full name is its own person, with its surname and, for every tenth, its first name joined to it.
		assert.equal(entities.length, 8_000);
		assert.deepEqual(entities[10].mentions.map((m) => m.text), ['Ines Bk', 'Bk', 'Ines']);
		const growth = growthOfFourfold(() => groupEntities(small.mentions, small.text), () => groupEntities(large.mentions, large.text));
		assert.ok(growth < linearFourfoldLimit, `4x the names cost ${growth.toFixed(1)}x the time`);
	});
});
