// Classes of mistake found in the error analysis of wikigold and the BTC news tweets (issue 11, session 8), each on
// sentences written for this test, not taken from any evaluation set: a town named with its state or county, Irish
// and British counties, companies written in camel case, agencies named "<field> <country>" and newspapers named
// after their city.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities } from '../../src/core/entities/index';

function found(text: string): string[] {
	return recognizeEntities(text).map((m) => `${m.type}:${m.text}`);
}

void describe('places named with their state, province or county', () => {
	void it('reads a town followed by a comma and its state as a place, even one named like a family ("Ferguson, Missouri")', () => {
		assert.deepEqual(found('A storm hit Dalton, Georgia, on Friday.'), ['place:Dalton', 'place:Georgia']);
		assert.deepEqual(found('He still lives in Garrison, Kentucky.'), ['place:Garrison', 'place:Kentucky']);
		// In a sports report too, the state after a town is no club.
		assert.deepEqual(found('The hockey team plays its home games at an arena in Bramford, Ontario, since 1990.'), ['place:Bramford', 'place:Ontario']);
		// A person's full name before a comma and a place stays a person ("Lena Hollister, Texas" in a list of winners).
		assert.deepEqual(found('The prize went to Lena Hollister, Texas, and Tom Reyes, Ohio.'), ['person:Lena Hollister', 'place:Texas', 'person:Tom Reyes', 'place:Ohio']);
	});

	void it('reads a country named like the plural of its adjective as the country ("Philippines")', () => {
		assert.deepEqual(found('Relief flights reached the Philippines on Monday.'), ['place:Philippines']);
		assert.deepEqual(found('Philippine officials denied it.'), []);
	});

	void it('keeps a state or province at the start of a sentence that the word lists also hold as a word ("Texas ranchers")', () => {
		assert.deepEqual(found('Texas ranchers lost cattle in the drought.'), ['place:Texas']);
		assert.deepEqual(found('Quebec voters go to the polls in April.'), ['place:Quebec']);
		// An ordinary word is still dropped there.
		assert.deepEqual(found('Para athletes trained all week.'), []);
	});

	void it('keeps an unknown name after "in" a place before a verb of speech ("police in Varnby said")', () => {
		assert.deepEqual(found('Police in Tarvik said two men were held.'), ['place:Tarvik']);
		assert.deepEqual(found('Residents near Tarvik said the river rose.'), ['place:Tarvik']);
	});

	void it('reads "Lake X", "Mount X", "Cape X", "Fort X" as a place, at the start of a sentence too', () => {
		assert.deepEqual(found('Boats crossed Lake Tarvo at dawn.'), ['place:Lake Tarvo']);
		assert.deepEqual(found('Mount Tarvo erupted on Monday.'), ['place:Mount Tarvo']);
		assert.deepEqual(found('Cape Tarvo is windy in May.'), ['place:Cape Tarvo']);
		assert.deepEqual(found('Troops left Fort Tarvo by road.'), ['place:Fort Tarvo']);
		// A body named after the place stays the body.
		assert.deepEqual(found('The Port Tarvo Authority raised its fees.'), ['organization:Port Tarvo Authority']);
	});

	void it('reads "County X" and "Co X" as a place, even where X is a given name', () => {
		assert.deepEqual(found('Flooding closed roads across County Leitrim overnight.'), ['place:County Leitrim']);
		assert.deepEqual(found('A farmer in Co Clare lost forty sheep.'), ['place:Co Clare']);
		assert.deepEqual(found('County Tarvo voted against the plan.'), ['place:County Tarvo']);
	});
});

void describe('organizations by the form of their name', () => {
	void it('reads a camel-case word as an organization ("WestJet"), not a family name with a capital inside ("McKee")', () => {
		assert.deepEqual(found('Despite the storm, StarJet said its flights would leave on time.'), ['organization:StarJet']);
		assert.deepEqual(found('Shoppers at FreshCo saw prices rise.'), ['organization:FreshCo']);
		assert.deepEqual(found('Senator McKee said the vote would wait.'), ['person:McKee']);
		assert.deepEqual(found('The coach, DeLuca, said little.'), ['person:DeLuca']);
	});

	void it('keeps an acronym before a verb of speech an organization ("the ACCC said"), not initials ("JFK said")', () => {
		assert.deepEqual(found('Officials at the VCAT said on Monday that it would appeal.'), ['organization:VCAT']);
		assert.deepEqual(found('The NRLW says the fine stands.'), ['organization:NRLW']);
		assert.deepEqual(found('In 1962 JFK said so.'), ['person:JFK']);
	});

	void it('reads a name after what only a body has as an organization ("analysts at X", "shareholders of X")', () => {
		assert.deepEqual(found('Analysts at Tarvex expect growth to slow.'), ['organization:Tarvex']);
		assert.deepEqual(found('Shareholders of Tarvex approved the merger.'), ['organization:Tarvex']);
		assert.deepEqual(found('She bought a stake in Tarvex last year.'), ['organization:Tarvex']);
		assert.deepEqual(found('A spokesman for Tarvex declined to comment.'), ['organization:Tarvex']);
		// A person stays one: "a spokesman for Anna Berg".
		assert.deepEqual(found('A spokesman for Anna Berg declined to comment.'), ['person:Anna Berg']);
	});

	void it('reads an unknown name before ", which" as no person ("Tarvex, which makes chips, said")', () => {
		assert.deepEqual(found('Tarvex, which makes chips, said profit fell.'), ['organization:Tarvex']);
		// After "in" it stays a place.
		assert.deepEqual(found('They met in Tarvik, which lies on the coast.'), ['place:Tarvik']);
	});

	void it('reads "<field> <country>" as a government agency ("Statistics Canada", "Transport Canada")', () => {
		assert.deepEqual(found('Employers added 4,000 jobs in May, Statistics Norway says.'), ['organization:Statistics Norway']);
		assert.deepEqual(found('Transport Canada said the rule would change.'), ['organization:Transport Canada']);
		assert.deepEqual(found('The trail was closed by Parks Canada on Monday.'), ['organization:Parks Canada']);
	});

	void it('reads a city and a newspaper word as the newspaper ("Charlotte Observer"), even where the city is a given name', () => {
				assert.deepEqual(found('A reporter for the Charlotte Observer asked the question.'), ['organization:Charlotte Observer']);
	});
});

void describe('diseases', () => {
	void it('reads no name in a disease, by the list or by the noun after it, and none in the same word elsewhere', () => {
		assert.deepEqual(found('Fear of Ebola grew after an outbreak in Guinea.'), ['place:Guinea']);
		assert.deepEqual(found('Covid-19 cases rose again in Varnby.'), ['place:Varnby']);
		// An unknown word before "virus" is the virus; so is the same word later in the text.
		assert.deepEqual(found('The Tarvo virus spread quickly. By May Tarvo had reached the coast.'), []);
		// A place keeps its type: "the Wuhan outbreak".
		assert.deepEqual(found('Doctors studied the Wuhan outbreak.'), ['place:Wuhan']);
	});
});

void describe('events named after a place', () => {
	void it('reads no place in "the Battle of X" or "the Siege of X", but a country keeps its type', () => {
		assert.deepEqual(found('The Battle of Tarvik was fought in 1862.'), []);
		assert.deepEqual(found('Troops fought at the Siege of Varnby for weeks.'), []);
		assert.deepEqual(found('The Battle of Britain began in July.'), ['place:Britain']);
	});
});
