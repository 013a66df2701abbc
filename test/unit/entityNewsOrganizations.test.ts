// Organizations common in news that the recognizer missed or mistyped (issue 11), each class on sentences written
// for this test: bodies named with a title word, names joined by "and", clubs and teams, and well-known names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities } from '../../src/core/entities/index';

function found(text: string): string[] {
	return recognizeEntities(text).map((m) => `${m.type}:${m.text}`);
}

void describe('bodies whose names hold a title word or "and"', () => {
	void it('keeps a title word after a body\'s "of" inside the name ("Department of Justice")', () => {
		assert.deepEqual(found('Lawyers at the Department of Justice reviewed the file on Tuesday.'), ['organization:Department of Justice']);
		assert.deepEqual(found('The Ministry of Justice in Varnby denied the report.'), ['organization:Ministry of Justice', 'place:Varnby']);
		// A title after "of" that no body leads is still a title: "the wife of President Anna Lind".
		assert.deepEqual(found('A statement by the wife of President Anna Lind was read out.'), ['person:Anna Lind']);
	});

	void it('joins "X and Y" before the kind of body into one name ("Food and Drug Administration")', () => {
		assert.deepEqual(found('The plan needs approval from the Fish and Wildlife Service before May.'), ['organization:Fish and Wildlife Service']);
		assert.deepEqual(found('Regulators at the Securities and Exchange Commission sued the fund.'), ['organization:Securities and Exchange Commission']);
		// Two names in a list stay two: a place or an organization before "and" is a name of its own.
		assert.deepEqual(found('Officials from Varnby and the Kolding Water Authority met.'), ['place:Varnby', 'organization:Kolding Water Authority']);
		assert.deepEqual(found('Shares of Tarvex and Holm Industries fell.'), ['organization:Tarvex', 'organization:Holm Industries']);
	});
});

void describe('organizations the news names often, by a list written from general knowledge', () => {
	void it('knows clubs and teams named without a town or a club word ("Schalke", "the Patriots")', () => {
		assert.deepEqual(found('On Sunday Schalke held Feyenoord to a draw in a friendly.'), ['organization:Schalke', 'organization:Feyenoord']);
		assert.deepEqual(found('After the loss the Patriots waived a rookie and the Red Sox recalled a pitcher.'), ['organization:Patriots', 'organization:Red Sox']);
	});

	void it('knows unions, parties and companies that no cue marks ("the Teamsters", "the PSOE", "Novavax")', () => {
		assert.deepEqual(found('Drivers belonging to the Teamsters voted on the offer.'), ['organization:Teamsters']);
		assert.deepEqual(found('The vote split the PSOE and the Christian Democrats alike.'), ['organization:PSOE', 'organization:Christian Democrats']);
		assert.deepEqual(found('Analysts expect Novavax said nothing new.'), ['organization:Novavax']);
	});
});

void describe('two bodies in a list stay two', () => {
	void it('does not join a body named in full before "and" to the next ("Marrow Labs and Kettle Stores")', () => {
		assert.deepEqual(found('Shares of Varn Holdings and Kettle Stores rose.'), ['organization:Varn Holdings', 'organization:Kettle Stores']);
	});
});
