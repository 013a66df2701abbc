// The learned layer of the entity recognizer (src/core/entities/typeModel.ts): its weights file, the features the
// rules hand it, and its decisions, on sentences written for this test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TYPE_MODEL_WEIGHTS } from '../../src/core/entities/data/typeModelWeights';
import { recognizeEntities } from '../../src/core/entities/index';
import { proposeSpans, recognizeEntitiesWith } from '../../src/core/entities/recognize';
import { MODEL_CLASSES, parseTypeModel, serializeTypeModel, type TypeModel } from '../../src/core/entities/typeModel';

function found(mentions: readonly { type: string; text: string }[]): string[] {
	return mentions.map((m) => `${m.type}:${m.text}`);
}

/** The features of the span of `text` whose surface form is `key`, failing when the rules propose none. */
function featuresOf(text: string, key: string): { rule: string; settled: boolean; features: readonly string[] } {
	const span = proposeSpans(text).find((s) => s.key === key);
	assert.ok(span, `no span "${key}" in ${JSON.stringify(proposeSpans(text).map((s) => s.key))}`);
	return span;
}

/** A model of one rule and a few features, weights given per class in MODEL_CLASSES order. */
function model(rules: string[], weights: Record<string, number[]>): TypeModel {
	return { rules: new Set(rules), weights: new Map(Object.entries(weights)) };
}

void describe('type model weights', () => {
	void it('round-trips through the text format, rounded to hundredths, leaving out features that weigh nothing', () => {
		const text = serializeTypeModel(model(['words', 'ordinary'], { 'tail=bank': [0.123, -1, 0, 2.005], bias: [0, 0.001, 0, 0] }));
		assert.equal(text, '#rules\tordinary words\ntail=bank\t12 -100 0 201\n');
		const parsed = parseTypeModel(text);
		assert.deepEqual([...parsed.rules], ['ordinary', 'words']);
		assert.deepEqual(Array.from(parsed.weights.get('tail=bank') ?? []), [0.12, -1, 0, 2.01]);
		assert.equal(parsed.weights.has('bias'), false);
	});

	void it('fails loudly on a damaged file instead of weighing nothing', () => {
		assert.throws(() => parseTypeModel('tail=bank\t1 2 3 4\n'), /first line/);
		assert.throws(() => parseTypeModel('#rules\twords\ntail=bank\t1 2 3\n'), /bad line/);
		assert.throws(() => parseTypeModel('#rules\twords\ntail=bank\t1 2 x 4\n'), /bad weight/);
	});

	void it('ships trained weights that load, and recognizeEntities uses them', () => {
		const shipped = parseTypeModel(TYPE_MODEL_WEIGHTS);
		assert.ok(shipped.weights.size > 100, `only ${shipped.weights.size} features`);
		assert.ok(shipped.rules.has('ordinary') && shipped.rules.has('words'), [...shipped.rules].join());
		for (const vector of shipped.weights.values()) assert.equal(vector.length, MODEL_CLASSES.length);
		const text = 'He spoke in Tagalog and English to the Karlin Academy board in Brno.';
		assert.deepEqual(recognizeEntities(text), recognizeEntitiesWith(text, {}, shipped));
	});
});

void describe('type model features', () => {
	const text = 'Mr Dobrev met officials of Varna University in Sofia on Monday.';

	void it('names the rule, the cue words, the gazetteers and the context of each span', () => {
		const person = featuresOf(text, 'dobrev');
		assert.equal(person.rule, 'title');
		for (const f of ['afterTitle', 'prev=mr', 'next=met', 'shape=Xx', 'length=1']) assert.ok(person.features.includes(f), f);
		const university = featuresOf(text, 'varna university');
		for (const f of ['cue=orgKeyword', 'head=varna', 'tail=university', 'prev=of', 'length=2']) assert.ok(university.features.includes(f), f);
		assert.ok(!university.features.includes('cue=placeKeyword'));
		const city = featuresOf(text, 'sofia');
		for (const f of ['gaz=city', 'gaz=majorCity', 'prev=in', 'rule=words', 'typed=place/2', 'vote=place/2']) assert.ok(city.features.includes(f), f);
		assert.ok(!city.features.includes('gaz=organization'));
	});

	void it('settles the forms a cue or a bracketed acronym types, so that the model leaves them to the rules', () => {
		assert.equal(featuresOf(text, 'varna university').settled, true);
		assert.equal(featuresOf(text, 'dobrev').settled, true);
		assert.equal(featuresOf(text, 'sofia').settled, false);
		const defined = featuresOf('Fighters of Tahrir Front Levant (TFL) withdrew.', 'tahrir front levant');
		assert.ok(defined.features.includes('definesAcronym'));
		assert.equal(defined.settled, true);
	});

	void it('adds what the document says: a one-word form that is part of a full name, or the initials of a name', () => {
		const person = featuresOf('Chancellor Ilse Marrow spoke first. Later Marrow left.', 'marrow');
		assert.ok(person.features.includes('personPart'), person.features.join(' '));
		const acronym = featuresOf('The Nordic Grain Council met. NGC officials said prices would rise.', 'ngc');
		assert.ok(acronym.features.includes('acronymOf=organization'), acronym.features.join(' '));
	});
});

void describe('type model decisions', () => {
	void it('drops a form the model calls none, and gives a form the rules would drop the model\'s type', () => {
		const text = 'Officials in Sofia said that Human Rights mattered.';
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, undefined)), ['place:Sofia']);
		const dropsTowns = model(['words'], { 'rule=words': [0, 0, 0, 5] });
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, dropsTowns)), []);
		const promotes = model(['ordinary'], { 'rule=ordinary': [0, 5, 0, 0] });
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, promotes)), ['place:Sofia', 'organization:Human Rights']);
	});

	void it('leaves settled forms, people and the rules it was not trained on to the rules', () => {
		const dropsAll = model(['words', 'title', 'said', 'unknown'], { bias: [0, 0, 0, 50] });
		const text = 'Mr Dobrev met officials of Varna University. Kowalczyk said Orlova would go to Sofia.';
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, dropsAll)), ['person:Dobrev', 'organization:Varna University', 'person:Kowalczyk', 'person:Orlova']);
		const outsideItsRules = model(['ordinary'], { bias: [0, 0, 0, 50] });
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, outsideItsRules)), found(recognizeEntitiesWith(text, {}, undefined)));
	});

	void it('decides once for all the mentions of a form, from their mean score', () => {
		const text = 'Crowds in Sofia cheered. Sofia was calm. Sofia slept.';
		// "prev=in" fires once in three mentions: place 15 / 3 = 5 against none 4 keeps all three; 9 / 3 = 3 drops all three.
		const byContext = model(['words'], { 'prev=in': [0, 0, 15, 0], 'rule=words': [0, 0, 0, 4] });
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, byContext)), ['place:Sofia', 'place:Sofia', 'place:Sofia']);
		const weaker = model(['words'], { 'prev=in': [0, 0, 9, 0], 'rule=words': [0, 0, 0, 4] });
		assert.deepEqual(found(recognizeEntitiesWith(text, {}, weaker)), []);
	});

	void it('the shipped model: a language after "in" is no place, and people, towns and bodies stay', () => {
		assert.deepEqual(found(recognizeEntitiesWith('He spoke in Tagalog and English.', {}, undefined)), ['place:Tagalog']);
		assert.deepEqual(found(recognizeEntities('He spoke in Tagalog and English.')), []);
		assert.deepEqual(found(recognizeEntities('Union officials met Orlova in Brno on Friday.')), ['person:Orlova', 'place:Brno']);
		assert.deepEqual(found(recognizeEntities('He studied at Karlin Academy before moving to Brno.')), ['organization:Karlin Academy', 'place:Brno']);
	});
});
