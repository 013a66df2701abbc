import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupEntities, recognizeEntities } from '../../src/core/entities/index';
import {
	addKnowledgeEntity, correctEntityType, detectFormatting, emptyKnowledgeText, findKnowledgeEntity, markNotAnEntity,
	MalformedKnowledgeError, parseKnowledge, setKnowledgeNote, toLexicon,
} from '../../src/core/entities/entityKnowledge';

const joinLines = (...lines: string[]) => lines.join('\n');

/** A hand-formatted file: comments, odd spacing, one-line entries; edits must leave all of it alone. */
const userFile = joinLines(
	'{',
	'  // people I follow',
	'  "entities": [',
	'    { "canonical": "Maria Ortega-Lindqvist", "type": "person", "aliases": ["Ortega-Lindqvist"],   "notes": "Swedish FM" },',
	'    {"canonical":"World Food Programme","type":"organization"},',
	'  ],',
	'  "corrections": [ { "text": "Palais", "notAnEntity": true } ]',
	'}',
	'',
);

void describe('parseKnowledge', () => {
	void it('reads entities with aliases, notes and links, and corrections', () => {
		const parsed = parseKnowledge(userFile);
		assert.equal(parsed.malformed, false);
		assert.deepEqual(parsed.problems, []);
		assert.deepEqual(parsed.knowledge.entities.map((e) => [e.index, e.canonical, e.type, e.aliases, e.notes]), [
			[0, 'Maria Ortega-Lindqvist', 'person', ['Ortega-Lindqvist'], 'Swedish FM'],
			[1, 'World Food Programme', 'organization', [], ''],
		]);
		assert.deepEqual(parsed.knowledge.corrections, [{ text: 'Palais', notAnEntity: true }]);
	});

	void it('reports syntax errors and a wrong root shape as malformed, never throwing', () => {
		for (const text of ['{ "entities": [ ', '[]', '{"entities": {}}', '', 'null', '{"entities": [}']) {
			const parsed = parseKnowledge(text);
			assert.equal(parsed.malformed, true, text);
			assert.ok(parsed.problems.length > 0, text);
			assert.deepEqual(parsed.knowledge.entities, []);
		}
	});

	void it('skips and reports single bad entries but keeps the rest', () => {
		const parsed = parseKnowledge('{"entities": [{"canonical": "A", "type": "alien"}, {"type": "person"}, {"canonical": "B", "type": "place"}], "corrections": [{"text": "x"}]}');
		assert.equal(parsed.malformed, false);
		assert.deepEqual(parsed.knowledge.entities.map((e) => [e.index, e.canonical]), [[2, 'B']]);
		assert.equal(parsed.problems.length, 3);
	});
});

void describe('toLexicon', () => {
	void it('turns entities and corrections into the recognizer\'s lexicon, which wins over the recognizer', () => {
		const lexicon = toLexicon(parseKnowledge(joinLines(
			'{"entities": [{"canonical": "Nimbra Technologies", "type": "organization", "aliases": ["Nimbra"]}],',
			' "corrections": [{"text": "Palais", "notAnEntity": true}, {"text": "Jakarta", "type": "place"}]}',
		)).knowledge);
		assert.deepEqual(lexicon.notEntities, ['Palais']);
		assert.deepEqual(lexicon.types, { Jakarta: 'place' });
		const text = ' date 2024-01-01 Nimbra shares rose at the Palais in Jakarta, where Nimbra Technologies met.';
		const entities = groupEntities(recognizeEntities(text, { lexicon }), text, lexicon);
		const nimbra = entities.find((e) => e.canonical === 'Nimbra Technologies');
		assert.ok(nimbra, JSON.stringify(entities));
		assert.equal(nimbra.type, 'organization');
		assert.equal(nimbra.mentions.length, 2);
		assert.ok(!entities.some((e) => e.canonical === 'Palais'));
		assert.equal(entities.find((e) => e.canonical === 'Jakarta')?.type, 'place');
	});
});

void describe('findKnowledgeEntity', () => {
	void it('finds a declared entity by any of its names, ignoring case and periods, only of the same type', () => {
		const { knowledge } = parseKnowledge(userFile);
		assert.equal(findKnowledgeEntity(knowledge, 'person', ['ortega-lindqvist'])?.canonical, 'Maria Ortega-Lindqvist');
		assert.equal(findKnowledgeEntity(knowledge, 'place', ['Ortega-Lindqvist']), undefined);
	});
});

void describe('editing news-entities.json', () => {
	void it('adds an entity without touching the formatting or comments of the other entries', () => {
		const edited = addKnowledgeEntity(userFile, { canonical: 'Harlan Pierce', type: 'person', aliases: ['Mr. Pierce'] });
		const lines = userFile.split('\n');
		for (const line of [lines[1], lines[3], lines[6]]) assert.ok(edited.includes(line), `lost: ${line}`);
		assert.ok(edited.includes('{"canonical":"World Food Programme","type":"organization"}'));
		const parsed = parseKnowledge(edited);
		assert.equal(parsed.malformed, false);
		assert.deepEqual(parsed.knowledge.entities.map((e) => e.canonical), ['Maria Ortega-Lindqvist', 'World Food Programme', 'Harlan Pierce']);
		assert.deepEqual(parsed.knowledge.entities[2].aliases, ['Mr. Pierce']);
	});

	void it('extends the aliases of an entity declared already instead of duplicating it', () => {
		const edited = addKnowledgeEntity(userFile, { canonical: 'maria ortega-lindqvist', type: 'person', aliases: ['Maria', 'Ortega-Lindqvist'] });
		const entities = parseKnowledge(edited).knowledge.entities;
		assert.equal(entities.length, 2);
		assert.deepEqual(entities[0].aliases, ['Ortega-Lindqvist', 'Maria']);
		assert.equal(addKnowledgeEntity(userFile, { canonical: 'Maria Ortega-Lindqvist', type: 'person' }), userFile, 'nothing new: unchanged');
	});

	void it('creates the file\'s content from nothing', () => {
		const edited = addKnowledgeEntity('', { canonical: 'Geneva', type: 'place', notes: 'HQ city' });
		assert.ok(edited.startsWith('{\n\t"entities": ['), edited);
		assert.deepEqual(parseKnowledge(edited).knowledge.entities.map((e) => [e.canonical, e.notes]), [['Geneva', 'HQ city']]);
	});

	void it('sets, replaces and removes a note of a declared entity found by an alias, only on that entry', () => {
		const edited = setKnowledgeNote(userFile, 'person', ['Ortega-Lindqvist'], 'Took office in 2023 "quote" \\ <b>');
		assert.equal(parseKnowledge(edited).knowledge.entities[0].notes, 'Took office in 2023 "quote" \\ <b>');
		assert.ok(edited.includes('{"canonical":"World Food Programme","type":"organization"}'));
		assert.ok(edited.includes('  // people I follow'));
		const removed = setKnowledgeNote(edited, 'person', ['Maria Ortega-Lindqvist'], '');
		assert.equal(parseKnowledge(removed).knowledge.entities[0].notes, '');
		assert.ok(!removed.includes('"notes"'));
	});

	void it('declares an undeclared entity when its note is set', () => {
		const edited = setKnowledgeNote(userFile, 'place', ['Geneva', 'Genf'], 'Seat of the talks');
		const geneva = parseKnowledge(edited).knowledge.entities[2];
		assert.deepEqual([geneva.canonical, geneva.type, geneva.notes], ['Geneva', 'place', 'Seat of the talks']);
	});

	void it('marks a false entity once, and records type corrections', () => {
		const once = markNotAnEntity(userFile, ' We ');
		assert.equal(markNotAnEntity(once, 'We'), once);
		assert.equal(markNotAnEntity(userFile, 'Palais'), userFile);
		const typed = correctEntityType(once, 'Jakarta', 'place');
		assert.deepEqual(parseKnowledge(typed).knowledge.corrections, [
			{ text: 'Palais', notAnEntity: true }, { text: 'We', notAnEntity: true }, { text: 'Jakarta', type: 'place' },
		]);
		const noCorrections = markNotAnEntity('{"entities": []}', 'Adults');
		assert.deepEqual(parseKnowledge(noCorrections).knowledge.corrections, [{ text: 'Adults', notAnEntity: true }]);
	});

	void it('refuses to edit a malformed file', () => {
		const broken = '{ "entities": [ {"canonical": "A", "type": "person"} ';
		assert.throws(() => addKnowledgeEntity(broken, { canonical: 'B', type: 'place' }), MalformedKnowledgeError);
		assert.throws(() => setKnowledgeNote(broken, 'person', ['A'], 'n'), MalformedKnowledgeError);
		assert.throws(() => markNotAnEntity('[1, 2]', 'x'), /malformed/);
		assert.throws(() => correctEntityType('{"corrections": 3}', 'x', 'place'), MalformedKnowledgeError);
	});

	void it('indents inserted entries the way the file does, with its line ends', () => {
		assert.deepEqual(detectFormatting(userFile), { insertSpaces: true, tabSize: 2, eol: '\n' });
		assert.deepEqual(detectFormatting(emptyKnowledgeText), { insertSpaces: false, tabSize: 4, eol: '\n' });
		const crlf = userFile.replace(/\n/g, '\r\n');
		const edited = addKnowledgeEntity(crlf, { canonical: 'Kyiv', type: 'place' });
		assert.ok(!/[^\r]\n/.test(edited), 'only CRLF line ends');
	});
});

void describe('appending to one-line arrays', () => {
	void it('keeps a one-line array on one line and never alters string content', () => {
		const edited = markNotAnEntity(userFile, 'odd": "text, "x');
		assert.ok(edited.includes('"corrections": [ { "text": "Palais", "notAnEntity": true }, { "text": "odd\\": \\"text, \\"x", "notAnEntity": true } ]'), edited);
		assert.deepEqual(parseKnowledge(edited).knowledge.corrections[1], { text: 'odd": "text, "x', notAnEntity: true });
	});

	void it('fills an empty array with the file\'s indentation', () => {
		const edited = addKnowledgeEntity(emptyKnowledgeText, { canonical: 'Geneva', type: 'place' });
		assert.equal(edited, '{\n\t"entities": [\n\t\t{\n\t\t\t"canonical": "Geneva",\n\t\t\t"type": "place"\n\t\t}\n\t],\n\t"corrections": []\n}\n');
	});
});
