import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFeatures, features, wordCount } from '../../src/core/checkworthiness/features';
import { BlockScoreCache, checkModel, reasonInWords, reasonsInWords, scoreBlocksIn, scoreDocument, scoreDocumentSteps, scoreText, type SentenceScore } from '../../src/core/checkworthiness/scorer';
import { checkworthinessModel } from '../../src/core/checkworthiness/weights';
import { hintAt, hintHoverMarkdown, nextHint, selectHints } from '../../src/core/checkworthiness/hints';
import { parseSeed } from '../../src/core/seed/seedParser';

/** The text a feature matched in `sentence`, '' for a whole-sentence feature, or null when it does not fire. */
function matched(id: string, sentence: string): string | null {
	const index = features.findIndex((f) => f.id === id);
	assert.ok(index >= 0, `no feature ${id}`);
	const hit = detectFeatures(sentence).find((f) => f.index === index)?.hit;
	return hit ? sentence.slice(hit.start, hit.end) : null;
}

/** Per feature: sentences it fires on (with the text it names) and sentences it must stay silent on. */
const cases: Record<string, { fires: [string, string][]; silent: string[] }> = {
	quantity: {
		fires: [['Exports reached 4.5 million tonnes in March.', '4.5 million tonnes'], ['Some 300 workers lost their jobs.', '300 workers'], ['Prices rose 12% in a year.', '12%']],
		silent: ['Exports reached record levels in March.', 'He was born in 1975.'],
	},
	money: {
		fires: [['The wall costs $25 billion.', '$25 billion'], ['They paid 40 million dollars for it.', '40 million dollars']],
		silent: ['They paid a lot for it.', 'The dollar is strong.'],
	},
	percent: {
		fires: [['Turnout was 61.4 percent.', '61.4 percent'], ['Half of the voters stayed home.', 'Half of'], ['Inflation hit 9%.', '9%']],
		silent: ['Turnout was high.', 'The percentage is unknown.'],
	},
	number: {
		fires: [['We lost 12,000 jobs.', '12,000'], ['Thousands of people marched.', 'Thousands of'], ['It cost 3 billion.', '3 billion']],
		silent: ['He was elected in 2016.', 'Many people marched.'],
	},
	year: {
		fires: [['The law was passed in 1994.', 'in 1994'], ['Since 2010 the rate has halved.', 'Since 2010']],
		silent: ['The law was passed long ago.', 'Room 3000 is empty.'],
	},
	date: {
		fires: [['The talks began on March 3.', 'March 3'], ['Sales fell last year.', 'last year'], ['It happened 10 years ago.', '10 years ago']],
		silent: ['The talks began on time.', 'Sales fell in the spring.', 'Mayor Ruiz may resign.', 'Junes and Marches.'],
	},
	comparison: {
		fires: [['Crime is higher than before.', 'higher than'], ['Wages grew more than prices.', 'more than'], ['Costs doubled compared with 2019.', 'compared with']],
		silent: ['Crime is high.', 'Wages grew.'],
	},
	superlative: {
		fires: [['It is the largest deficit in decades.', 'the largest'], ['They had the worst year.', 'the worst']],
		silent: ['It is a large deficit.', 'They had a bad year.'],
	},
	record: {
		fires: [['Emissions hit a record high.', 'record high'], ['For the first time, women outnumber men.', 'For the first time'], ['It is unprecedented.', 'unprecedented']],
		silent: ['Emissions were high.', 'Women and men attended.'],
	},
	change: {
		fires: [['Unemployment fell sharply.', 'fell'], ['The deficit has doubled.', 'doubled'], ['Prices went up again.', 'went up']],
		silent: ['Unemployment is a problem.', 'The deficit matters.'],
	},
	cause: {
		fires: [['Jobs left because of the treaty.', 'because'], ['The drought led to famine.', 'led to'], ['Prices rose due to the tariffs.', 'due to']],
		silent: ['Jobs left and prices rose.', 'The drought ended.'],
	},
	attribution: {
		fires: [['According to the bureau, sales fell.', 'According to'], ['A new study found higher rates.', 'A new study'], ['Economists say growth slowed.', 'Economists say']],
		silent: ['Sales fell.', 'Growth slowed.'],
	},
	statement: {
		fires: [['She said that the plan failed.', 'She said'], ['He called it a hoax.', 'He called'], ['The minister announced that taxes would rise.', 'announced that']],
		silent: ['The plan failed.', 'Taxes would rise.'],
	},
	action: {
		fires: [['She voted for the war.', 'voted for'], ['He signed the treaty in 1994.', 'signed the'], ['The senator opposed the bill.', 'opposed']],
		silent: ['She spoke about the war.', 'He read the treaty.'],
	},
	law: {
		fires: [['The bill would raise taxes.', 'bill'], ['The trade deal hurt workers.', 'deal'], ['The policy changed.', 'policy']],
		silent: ['The weather changed.', 'Workers were hurt.'],
	},
	economy: {
		fires: [['Unemployment is falling.', 'Unemployment'], ['Taxes went up.', 'Taxes'], ['The deficit grew.', 'deficit']],
		silent: ['The team is falling apart.', 'The river went up.'],
	},
	security: {
		fires: [['Murders are up in the city.', 'Murders'], ['The troops came home.', 'troops'], ['ISIS grew in the vacuum.', 'ISIS']],
		silent: ['Flowers are up in the garden.', 'The guests came home.'],
	},
	society: {
		fires: [['Premiums rose for families.', 'Premiums'], ['Medicare will run out.', 'Medicare'], ['Emissions are falling.', 'Emissions']],
		silent: ['Prices rose for families.', 'The clock will run out.'],
	},
	place: {
		fires: [['China makes the steel.', 'China'], ['This country is strong.', 'This country'], ['Ten states sued.', 'states']],
		silent: ['Someone makes the steel.', 'The team is strong.'],
	},
	name: {
		fires: [['The report by Goldman Sachs was wrong.', 'Goldman Sachs'], ['They blamed NAFTA for it.', 'NAFTA'], ['Yesterday, John Smith resigned.', 'John Smith']],
		silent: ['The report was wrong.', 'I said so.', 'Well, OK.'],
	},
	existence: {
		fires: [['There are 12 million of them.', 'There are'], ['It has been a disaster.', 'has been']],
		silent: ['Look at them.', 'A disaster looms.'],
	},
	pastTense: {
		fires: [['The plant closed in May.', 'closed'], ['He was there.', 'was']],
		silent: ['The plant closes in May.', 'He is there.'],
	},
	absolute: {
		fires: [['Every country pays less.', 'Every'], ['Nobody saw it.', 'Nobody'], ['They never paid.', 'never']],
		silent: ['Some countries pay less.', 'A few saw it.'],
	},
	opinion: {
		fires: [['I think the plan is bad.', 'I think'], ['We need a new approach.', 'We need'], ['Frankly, it is a mess.', 'Frankly']],
		silent: ['The plan is bad.', 'A new approach was tried.'],
	},
	future: {
		fires: [['We will build it.', 'will'], ['They are going to cut taxes.', 'going to'], ['We’ll see.', '’ll']],
		silent: ['We built it.', 'They cut taxes.'],
	},
	hedge: {
		fires: [['Maybe the rate fell.', 'Maybe'], ['It could be true.', 'could'], ['The rate seems high.', 'seems']],
		silent: ['The rate fell.', 'It is true.'],
	},
	question: {
		fires: [['Did taxes go up?', '?'], ['Why did they leave?”', '?”']],
		silent: ['Taxes went up.', 'He asked why? No, he said why.'],
	},
	firstPerson: {
		fires: [['I met him in 1990.', 'I'], ['My plan cuts taxes.', 'My']],
		silent: ['She met him in 1990.', 'The plan cuts taxes.'],
	},
	address: {
		fires: [['You voted for it.', 'You'], ['Your husband signed it.', 'Your']],
		silent: ['She voted for it.', 'Her husband signed it.'],
	},
	courtesy: {
		fires: [['Thank you very much.', 'Thank you'], ['Good evening and welcome.', 'Good evening'], ['(APPLAUSE)', 'APPLAUSE']],
		silent: ['The bank rose very much.', 'It was evening.'],
	},
	exclamation: {
		fires: [['What a disaster!', '!'], ['It is over!”', '!”']],
		silent: ['What a disaster.', 'Yahoo! shares fell.'],
	},
	negation: {
		fires: [['He did not pay taxes.', 'not'], ['They didn’t vote.', 'didn’t']],
		silent: ['He paid taxes.', 'They voted knowingly.'],
	},
	short: {
		fires: [['Murders are up.', ''], ['Thank you.', '']],
		silent: ['Murders are up in almost every big city of the country this year.'],
	},
	long: {
		fires: [['In a place like Chicago, thousands of people have been killed over the last number of years, almost four thousand since the president took office.', '']],
		silent: ['Murders are up.', 'Murders are up in almost every big city of the country this year.'],
	},
};

void describe('check-worthiness features', () => {
	void it('has a case for every feature, and the weights are for this feature list', () => {
		assert.deepEqual(Object.keys(cases).sort(), features.map((f) => f.id).sort());
		assert.doesNotThrow(() => checkModel(checkworthinessModel));
		assert.throws(() => checkModel({ ...checkworthinessModel, featureIds: checkworthinessModel.featureIds.slice(1) }), /retrain|trainCheckworthy/);
	});

	for (const [id, { fires, silent }] of Object.entries(cases)) {
		void it(`${id} fires where it should, naming its text, and not elsewhere`, () => {
			for (const [sentence, text] of fires) assert.equal(matched(id, sentence), text, `${id} on "${sentence}"`);
			for (const sentence of silent) assert.equal(matched(id, sentence), null, `${id} must not fire on "${sentence}"`);
		});
	}

	void it('counts words by whitespace', () => {
		assert.equal(wordCount('  one two\tthree\nfour '), 4);
		assert.equal(wordCount(''), 0);
	});
});

void describe('check-worthiness scores', () => {
	void it('scores a figure with a comparison above an opinion, and says why in words', () => {
		const claim = scoreText('Exports rose to 4.5 million tonnes last year, more than in any year since 1990.');
		const opinion = scoreText('I think we should thank everyone here tonight.');
		assert.ok(claim.score > checkworthinessModel.threshold && claim.score <= 1, String(claim.score));
		assert.ok(opinion.score < checkworthinessModel.threshold && opinion.score >= 0, String(opinion.score));
		const words = reasonsInWords(claim.reasons);
		assert.match(words, /a figure: 4\.5 million tonnes/);
		assert.match(words, /a comparison: more than/);
		// The number inside the figure is not repeated as a reason of its own.
		assert.doesNotMatch(words, /a number: 4\.5 million(?! tonnes)/);
		assert.ok(!claim.reasons.some((r) => r.contribution <= 0), 'only features that raised the score are reasons');
		for (let i = 1; i < claim.reasons.length; i++) assert.ok(claim.reasons[i - 1].contribution >= claim.reasons[i].contribution, 'strongest first');
	});

	void it('writes a whole-sentence reason without text', () => {
		assert.equal(reasonInWords({ feature: 'long', label: 'a long sentence', contribution: 0.3 }), 'a long sentence');
		assert.equal(reasonInWords({ feature: 'quantity', label: 'a figure', text: '12%', contribution: 0.5 }), 'a figure: 12%');
	});

	void it('scores every sentence of the lead and paragraphs, not the dateline or headings, with offsets into the text', () => {
		const text = ' date 2024-03-16 Exports rose 12% in 2023. Officials were pleased.\n\nTrade and Tariffs\n\nThe deficit fell by $4 billion. Thank you.';
		const doc = parseSeed(text);
		const scores = scoreDocument(doc);
		assert.deepEqual(scores.map((s) => text.slice(s.start, s.end)), ['Exports rose 12% in 2023.', 'Officials were pleased.', 'The deficit fell by $4 billion.', 'Thank you.']);
		for (const s of scores) assert.equal(s.score, scoreText(text.slice(s.start, s.end)).score);
	});

	void it('rescores only the blocks whose text changed', () => {
		const cache = new BlockScoreCache();
		const first = ' date 2024-03-16 Exports rose 12% in 2023.\n\nThe deficit fell by $4 billion.';
		const before = scoreDocument(parseSeed(first), cache);
		const second = ' date 2024-03-16 Exports rose 12% in 2023.\n\nThe deficit fell by $5 billion. More text.';
		const after = scoreDocument(parseSeed(second), cache);
		assert.equal(after[0].reasons, before[0].reasons, 'the unchanged lead comes from the cache (same object)');
		assert.notEqual(after[1].reasons, before[1].reasons);
		assert.equal(after.length, 3);
		assert.equal(second.slice(after[2].start, after[2].end), 'More text.');
	});
});

void describe('check-worthiness scores in slices and ranges', () => {
	const text = ` date 2024-03-16 ${Array.from({ length: 40 }, (_, i) => `Exports rose ${i}% in 2023. Officials were pleased.`).join('\n\n')}`;

	void it('gives the same scores in slices as at once', () => {
		const doc = parseSeed(text);
		const steps = scoreDocumentSteps(doc, new BlockScoreCache(), 200);
		let yields = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) yields++;
		assert.ok(yields > 5, `yielded ${yields} times`);
		assert.deepEqual(step.value, scoreDocument(doc));
	});

	void it('scores only the blocks overlapping a range, as the whole document would', () => {
		const doc = parseSeed(text);
		const whole = scoreDocument(doc);
		const from = text.indexOf('Exports rose 10%');
		const to = text.indexOf('Exports rose 12%');
		const part = scoreBlocksIn(doc, { start: from, end: to }, new BlockScoreCache());
		assert.deepEqual(part.map((s) => text.slice(s.start, s.end)), ['Exports rose 10% in 2023.', 'Officials were pleased.', 'Exports rose 11% in 2023.', 'Officials were pleased.']);
		assert.deepEqual(part, whole.filter((s) => part.some((p) => p.start === s.start)));
	});
});

void describe('check-worthiness hints', () => {
	const s = (start: number, end: number, score: number): SentenceScore => ({ start, end, score, reasons: [] });
	const text = 'aaaa bbbb cccc dddd';
	const scores = [s(0, 4, 0.9), s(5, 9, 0.4), s(10, 14, 0.8), s(15, 19, 0.7)];

	void it('keeps sentences at or above the threshold, not overlapping a claim, not dismissed', () => {
		assert.deepEqual(selectHints(text, scores, 0.5, [], new Set()).map((h) => h.start), [0, 10, 15]);
		assert.deepEqual(selectHints(text, scores, 0.8, [], new Set()).map((h) => h.start), [0, 10]);
		assert.deepEqual(selectHints(text, scores, 0.5, [{ start: 12, end: 13 }], new Set()).map((h) => h.start), [0, 15], 'a claim inside a sentence');
		assert.deepEqual(selectHints(text, scores, 0.5, [{ start: 2, end: 16 }, { start: 0, end: 1 }], new Set()).map((h) => h.start), [], 'a claim across sentences, claims unsorted');
		assert.deepEqual(selectHints(text, scores, 0.5, [{ start: 4, end: 5 }], new Set()).map((h) => h.start), [0, 10, 15], 'touching is not overlapping');
		assert.deepEqual(selectHints(text, scores, 0.5, [], new Set(['cccc'])).map((h) => h.start), [0, 15]);
	});

	void it('goes to the next hint after the cursor, wrapping around, and finds the hint under the cursor', () => {
		const hints = selectHints(text, scores, 0.5, [], new Set());
		assert.equal(nextHint(hints, 0)?.start, 10);
		assert.equal(nextHint(hints, 16)?.start, 0);
		assert.equal(nextHint([], 3), undefined);
		assert.equal(hintAt(hints, 14)?.start, 10);
		assert.equal(hintAt(hints, 7), undefined);
	});

	void it('writes the hover with score, escaped reasons and our two command links only', () => {
		const hostile = { start: 0, end: 10, score: 0.734, reasons: [{ feature: 'name', label: 'a name', text: '[x](command:evil) <b>*Bold*</b>', contribution: 1 }] };
		const markdown = hintHoverMarkdown(hostile, { tag: { command: 'newsSeed.tagClaim', args: { uri: 'file:///a.txt' } }, dismiss: { command: 'newsSeed.checkworthiness.dismiss', args: { start: 0, end: 10 } } });
		assert.match(markdown, /score 0\.73/);
		assert.ok(markdown.includes('a name\\: \\[x\\]\\(command\\:evil\\) \\<b\\>\\*Bold\\*\\</b\\>'), markdown);
		const links = [...markdown.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => m[1].split('?')[0]);
		assert.deepEqual(links, ['command:newsSeed.tagClaim', 'command:newsSeed.checkworthiness.dismiss']);
	});
});
