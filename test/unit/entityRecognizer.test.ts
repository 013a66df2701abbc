import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities } from '../../src/core/entities/index';
import type { EntityMention, EntityType } from '../../src/core/entities/index';

/** The mentions as `type:text` strings, in order, for compact assertions. */
function found(text: string, options?: Parameters<typeof recognizeEntities>[1]): string[] {
	return recognizeEntities(text, options).map((m) => `${m.type}:${m.text}`);
}

function mentionOf(mentions: readonly EntityMention[], text: string): EntityMention {
	const mention = mentions.find((m) => m.text === text);
	assert.ok(mention, `no mention "${text}" in ${JSON.stringify(mentions.map((m) => m.text))}`);
	return mention;
}

void describe('recognizeEntities', () => {
	void it('finds people, organizations and places with exact offsets', () => {
		const text = 'Officials in Brazil said Maria Santos would meet the World Bank in Geneva on Monday.';
		const mentions = recognizeEntities(text);
		assert.deepEqual(found(text), ['place:Brazil', 'person:Maria Santos', 'organization:World Bank', 'place:Geneva']);
		for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
		assert.equal(mentionOf(mentions, 'Maria Santos').start, text.indexOf('Maria'));
	});

	void it('trims titles from people', () => {
		const text = 'The visit was hosted by President Lula and by Prime Minister Olaf Berger of Norway.';
		const names = found(text);
		assert.ok(names.includes('person:Lula'), names.join());
		assert.ok(names.includes('person:Olaf Berger'), names.join());
		assert.ok(!names.some((n) => n.includes('President') || n.includes('Minister')), names.join());
	});

	void it('trims abbreviated titles and the period of a final abbreviation, but keeps that of "U.S."', () => {
		const text = 'Dr. Angela Moreau of Apple Inc. flew to the U.S. on Monday.';
		assert.deepEqual(found(text), ['person:Angela Moreau', 'organization:Apple Inc', 'place:U.S.']);
	});

	void it('drops a nationality adjective before a title and keeps the name', () => {
		const text = 'The car was a gift from Russian President Vladimir Putin to the North Korean leader.';
		assert.deepEqual(found(text), ['person:Vladimir Putin']);
	});

	void it('trims the possessive and punctuation, straight or curly, attached or spaced', () => {
		const text = "Kenya's capital, Nairobi, hosted Ghana’s team; Peru 's delegation came too.";
		const names = found(text);
		assert.deepEqual(names, ['place:Kenya', 'place:Nairobi', 'place:Ghana', 'place:Peru']);
	});

	void it('keeps hyphenated names whole', () => {
		const text = 'North Korean leader Kim Jong-un met Jean-Pierre Lefebvre in Pyongyang.';
		const names = found(text);
		assert.ok(names.includes('person:Kim Jong-un'), names.join());
		assert.ok(names.includes('person:Jean-Pierre Lefebvre'), names.join());
	});

	void it('keeps particle chains and lower-case name syllables, drops names turned adjectives', () => {
		const text = 'Scrum-half Pieter van der Merwe and former president Kim Dae-jung praised the Lisbon-based charity.';
		const names = found(text);
		assert.ok(names.includes('person:Pieter van der Merwe'), names.join());
		assert.ok(names.includes('person:Kim Dae-jung'), names.join());
		assert.ok(!names.some((n) => n.includes('Lisbon')), names.join());
	});

	void it('does not report sentence-initial common words or calendar words', () => {
		const text = 'However, the talks resumed on Tuesday in March. Negotiators from Chile met again.';
		assert.deepEqual(found(text), ['place:Chile']);
	});

	void it('types an organization by its keyword and an acronym as an organization', () => {
		const text = 'Shares of Northwind Energy Corp rose after the OECD report, analysts at Halvorsen Bank said.';
		const names = found(text);
		assert.ok(names.includes('organization:Northwind Energy Corp'), names.join());
		assert.ok(names.includes('organization:OECD'), names.join());
		assert.ok(names.includes('organization:Halvorsen Bank'), names.join());
	});

	void it('keeps a surname that is also an English word once the article shows it is a name', () => {
		const text = 'Senator Robert Fairweather spoke. Fairweather left early. The weather was fair.';
		const surnameOnly = 'Mr Jo Brook spoke. Brook said no. Later Brook agreed.';
		assert.deepEqual(found(surnameOnly), ['person:Jo Brook', 'person:Brook', 'person:Brook']);
		assert.deepEqual(found(text), ['person:Robert Fairweather', 'person:Fairweather']);
		assert.deepEqual(found('The Harbour was cold. Rivers and Lakes matter.'), []);
	});

	void it('keeps one type for a surname after the full name was seen with a title', () => {
		const text = 'Senator Tom Fulbright arrived late. Fulbright said the vote would wait.';
		const mentions = recognizeEntities(text);
		assert.deepEqual(mentions.map((m) => m.type), ['person', 'person']);
	});

	void it('finds names in an all-capitals headline only when the article or a gazetteer knows them', () => {
		const text = 'FLOODS HIT BANGLADESH AGAIN\nDHAKA 2024-06-02\nHeavy rain struck Bangladesh on Sunday.';
		assert.deepEqual(found(text), ['place:BANGLADESH', 'place:DHAKA', 'place:Bangladesh']);
	});

	void it('scans only the requested range but reports offsets into the whole text', () => {
		const text = 'Paris is far. Reporters met Angela Ruiz in Lima.';
		const from = text.indexOf('Reporters');
		const mentions = recognizeEntities(text, { start: from, end: text.length });
		assert.deepEqual(mentions.map((m) => m.text), ['Angela Ruiz', 'Lima']);
		assert.equal(mentions[1].start, text.indexOf('Lima'));
	});

	void it('counts UTF-16 code units across emoji and accents', () => {
		const text = '🎉🎉 José Álvarez visited São Paulo.';
		const mentions = recognizeEntities(text);
		const jose = mentionOf(mentions, 'José Álvarez');
		assert.equal(jose.start, 5);
		assert.equal(text.slice(jose.start, jose.end), 'José Álvarez');
	});

	void it('lets the user lexicon win: declared entities, corrections and forced types', () => {
		const text = 'Analysts at Blue Harbor praised Aurus Senat sales while Nordvik expanded.';
		const types: Record<string, EntityType> = { Nordvik: 'organization' };
		const names = found(text, {
			lexicon: {
				entities: [{ canonical: 'Blue Harbor Capital', type: 'organization', aliases: ['Blue Harbor'] }],
				notEntities: ['Aurus Senat'],
				types,
			},
		});
		assert.deepEqual(names, ['organization:Blue Harbor', 'organization:Nordvik']);
	});

	void it('never throws and keeps its invariants on arbitrary text', () => {
		const pieces = ['Kim', 'Jong-un', "'s", '’s', 'UN', 'U.S.', 'of', 'the', 'Mr', 'President', 'Bank', '\n', '\r\n', ' ', '  ', '.', ',', '-', '&', '"', '(', ')', '🎉', '東京', 'É', 'al-', 'van', '1996-08-30', '3', 'SOCCER', 'LONDON', 'said', 'in', 'Paris', '\t', '\uFEFF', "'", '’'];
		let state = 7;
		const random = (n: number): number => {
			state = (state * 1103515245 + 12345) & 0x7fffffff;
			return state % n;
		};
		for (let round = 0; round < 300; round++) {
			let text = '';
			const length = random(40);
			for (let i = 0; i < length; i++) text += pieces[random(pieces.length)] + (random(3) === 0 ? '' : ' ');
			const start = random(text.length + 1);
			const end = start + random(text.length + 1 - start);
			const mentions = recognizeEntities(text, { start, end });
			let last = start;
			for (const m of mentions) {
				assert.ok(m.start >= last && m.end > m.start && m.end <= end, JSON.stringify({ text, start, end, m }));
				assert.equal(m.text, text.slice(m.start, m.end));
				assert.equal(m.text, m.text.trim());
				last = m.end;
			}
		}
	});

	void it('returns sorted, non-overlapping mentions and nothing for empty text', () => {
		assert.deepEqual(recognizeEntities(''), []);
		const mentions = recognizeEntities('Pedro Alves of Santos FC flew from Lisbon to Rome with Ana Costa.');
		for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i - 1].end <= mentions[i].start);
	});
});
