// Classes of mistake in news text (issue 11, second round), each on sentences written for this test. A class is fixed
// only where the fix also held on text no rule was written for (the held-back set of `npm run eval:ner`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities } from '../../src/core/entities/index';
import { growthOfFourfold, linearFourfoldLimit } from '../support/growth';

function found(text: string): string[] {
	return recognizeEntities(text).map((m) => `${m.type}:${m.text}`);
}

void describe('regions the word lists missed', () => {
	void it('reads a state, province or county as a place, also when it is a given name or a word', () => {
		const names = found('The family moved from Virginia to New South Wales in 1990 , then to Kent .');
		assert.deepEqual(names, ['place:Virginia', 'place:New South Wales', 'place:Kent']);
		assert.deepEqual(found('Floods in Anhui and Henan forced thousands from their homes .'), ['place:Anhui', 'place:Henan']);
	});

	void it('still reads a given name with a family name as a person', () => {
		assert.deepEqual(found('The novelist Virginia Holloway spoke to reporters .'), ['person:Virginia Holloway']);
	});
});

void describe('bodies named "X of Y" after a nationality', () => {
	void it('keeps the nationality adjective in the name of an academy, college or bank "of" something', () => {
		const names = found('The Finnish Academy of Marine Letters and the Canadian College of Bridge Surgeons signed the letter .');
		assert.deepEqual(names, ['organization:Finnish Academy of Marine Letters', 'organization:Canadian College of Bridge Surgeons']);
	});

	void it('still drops a nationality adjective before a title', () => {
		assert.deepEqual(found('The talks were led by Hungarian President Anton Varga of the ruling party .'), ['person:Anton Varga']);
	});
});

void describe('venues and buildings', () => {
	void it('reads a stadium, an arena, an oval or a racecourse as a place', () => {
		const names = found('The final moved from Ostervale Stadium to the Kolding Arena , and the races from Varnby Racecourse .');
		assert.deepEqual(names, ['place:Ostervale Stadium', 'place:Kolding Arena', 'place:Varnby Racecourse']);
	});

	void it('reads a convention, shopping or sports centre as a place, and another centre as an organization', () => {
		const names = found('Delegates moved from the Kolding Convention Center to the Varnby Shopping Centre , not the Ostervik Research Centre .');
		assert.deepEqual(names, ['place:Kolding Convention Center', 'place:Varnby Shopping Centre', 'organization:Ostervik Research Centre']);
	});

	void it('reads a prison, a jail, a courthouse or a pavilion as a place', () => {
		const names = found('He was moved from Ashgrove Prison to Tunmore Jail , then tried at the Berrow Courthouse .');
		assert.deepEqual(names, ['place:Ashgrove Prison', 'place:Tunmore Jail', 'place:Berrow Courthouse']);
	});
});

void describe('given names from beyond western Europe', () => {
	void it('reads a Portuguese, French, Hebrew or Spanish given name before a family name that is also a word as a person', () => {
		assert.deepEqual(found('Séverine Potts and Rahel Pinecone signed it .'), ['person:Séverine Potts', 'person:Rahel Pinecone']);
		assert.deepEqual(found('The letter was signed by Severine Pinecone .'), ['person:Severine Pinecone']);
		assert.deepEqual(found('The award went to Jacinto Morel .'), ['person:Jacinto Morel']);
	});

	void it('does not take an English word for a given name', () => {
		assert.deepEqual(found('Summer Rain Holdings said it would close .'), ['organization:Summer Rain Holdings']);
	});
});

void describe('a person named at the start of a sentence', () => {
	void it('keeps a given name before a family name that is also an English word', () => {
		assert.deepEqual(found('Bob Thimble told reporters the plan would pass .'), ['person:Bob Thimble']);
		assert.deepEqual(found('Sue Larder said on Monday that the vote would wait .'), ['person:Sue Larder']);
	});

	void it('does not join a given name to a title, a place or an organization word', () => {
		assert.deepEqual(found('Will Senator Ortega vote for it ?'), ['person:Ortega']);
		assert.deepEqual(found('Rose Street was closed .'), ['place:Rose Street']);
	});
});

void describe('companies named by their trade', () => {
	void it('reads a name ending in network, labs, pharma, brands or stores as an organization, also when its first word is a word', () => {
		assert.deepEqual(found('Sales at Marrow Labs and Kettle Stores rose .'), ['organization:Marrow Labs', 'organization:Kettle Stores']);
		assert.deepEqual(found('Elm Pharma and Rook Brands said they would merge .'), ['organization:Elm Pharma', 'organization:Rook Brands']);
		assert.deepEqual(found('Shares in Berrow Network fell .'), ['organization:Berrow Network']);
	});
});

void describe('parts of a place named by a compass point', () => {
	void it('reads a compass point before a known place as one place, not an organization', () => {
		assert.deepEqual(found('Aid was flown to West Africa and Southeast Asia .'), ['place:West Africa', 'place:Southeast Asia']);
		assert.deepEqual(found('Northern Ireland voted on Thursday .'), ['place:Northern Ireland']);
		assert.deepEqual(found('NORTHERN IRELAND VOTES ON PEACE PLAN'), ['place:NORTHERN IRELAND']);
	});

	void it('reads "Greater", "Old" or "Upper" before a known place as part of the place', () => {
		assert.deepEqual(found('Floods hit Greater Kolding and Upper Egypt on Monday .'), ['place:Greater Kolding', 'place:Upper Egypt']);
	});

	void it('keeps a longer name and a club in a sports report', () => {
		assert.deepEqual(found('The West Africa Development Bank lent more .'), ['organization:West Africa Development Bank']);
		const names = found('SOCCER - SCOTTISH RESULTS .\nResults on Saturday :\nWest Kolding 2 Ashvale 1');
		assert.ok(names.includes('organization:West Kolding'), names.join(', '));
	});
});

void describe('coined company names', () => {
	void it('reads a one-word name ending in -tech, -corp, -tronics, -bank or -media as an organization', () => {
		assert.deepEqual(found('Shares of Varntech , Ostercorp and Telbank fell .'), ['organization:Varntech', 'organization:Ostercorp', 'organization:Telbank']);
	});

	void it('leaves a family name with another ending a person', () => {
		assert.deepEqual(found('Shares were sold by Ostergren .'), ['person:Ostergren']);
	});
});

void describe('generations and regnal numbers', () => {
	void it('keeps a title-like family name before "Jr." and a regnal "I" after a given name', () => {
		assert.deepEqual(found('The speech by Samuel Martin King Jr. was long .'), ['person:Samuel Martin King Jr']);
		assert.deepEqual(found('The statue of Queen Ingrid I stood in Oslo .'), ['person:Ingrid I', 'place:Oslo']);
	});
});

void describe('two people joined by "&"', () => {
	void it('reads two full names joined by "&" as two people', () => {
		assert.deepEqual(found('The show is hosted by Anna Berglund & Lars Holmqvist .'), ['person:Anna Berglund', 'person:Lars Holmqvist']);
	});

	void it('keeps a firm named after people whole', () => {
		assert.deepEqual(found('Shares of Marks & Spencer rose .'), ['organization:Marks & Spencer']);
		assert.deepEqual(found('The Anna Berglund & Lars Holmqvist Foundation gave more .'), ['organization:Anna Berglund & Lars Holmqvist Foundation']);
	});
});

void describe('places told by an apposition', () => {
	void it('reads "X, a town in ..." and "X is a village ..." as a place', () => {
		assert.deepEqual(found('Ostervik , a small port town in northern Norway , was hit .'), ['place:Ostervik', 'place:Norway']);
		assert.deepEqual(found('Varnby is a village near the coast .'), ['place:Varnby']);
	});

	void it('leaves an apposition of a person or a company as it was', () => {
		assert.deepEqual(found('Tanel , a city official , said the road was shut .'), ['person:Tanel']);
		assert.deepEqual(found('Kolvana , a Danish company , said it would hire .'), ['organization:Kolvana']);
	});
});

/** The least CPU time of three runs, in milliseconds (at least 0.5, so that a ratio stays finite). */
function bestCpuMs(run: () => unknown): number {
	run();
	let best = Infinity;
	for (let r = 0; r < 3; r++) {
		const before = process.cpuUsage();
		run();
		const used = process.cpuUsage(before);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return Math.max(best, 0.5);
}

void describe('the new classes on hostile input', () => {
	// [pattern, repetitions of the smaller input]: about 170 to 320 KB, then four times as much. At a quarter of that
	// the fourfold input cost 6 to 10 times as much on linear code (the small one kept in the young generation) and
	// a loaded CI machine once measured 20x.
	const patterns: Record<string, [(n: number) => string, number]> = {
		// One capitalised run of nationality words before a body "of" something: each looked at the rest of the run.
		'nationalities before a body': [(n) => `${'Finnish '.repeat(n)}Academy of Letters met .`, 40_000],
		'compass points': [(n) => `${'West '.repeat(n)}Africa .`, 40_000],
		'names joined by "&"': [(n) => `${Array.from({ length: n }, () => 'Anna Berglund').join(' & ')} spoke .`, 20_000],
		'place appositions': [(n) => 'Varnby , a small town in Kent , was hit . '.repeat(n), 4_000],
		'given names at sentence starts': [(n) => 'Bob Thimble told them . '.repeat(n), 8_000],
	};
	for (const [what, [make, n]] of Object.entries(patterns)) {
		void it(`grows linearly: ${what}`, () => {
			const growth = growthOfFourfold(() => recognizeEntities(make(n)), () => recognizeEntities(make(4 * n)), 3);
			assert.ok(growth < linearFourfoldLimit, `${what}: 4x the input cost ${growth.toFixed(1)}x the time`);
			// A quadratic scan inside one long run can stay under the growth limit at these sizes (4x cost 16x), so
			// the input is also measured against the same text in lower case, which holds no name at all: linear
			// code costs 3 to 8 times as much on the hostile text, the quadratic scan this replaced 300 times.
			const text = make(n);
			const control = text.toLowerCase();
			const ratio = bestCpuMs(() => recognizeEntities(text)) / bestCpuMs(() => recognizeEntities(control));
			assert.ok(ratio < 40, `${what}: ${ratio.toFixed(1)}x the cost of the same text in lower case`);
		});
	}
});
