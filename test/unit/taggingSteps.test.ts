// The verdict step of the tagging flow: numbered choices, the starting choice, digits that pick directly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VERDICTS, normaliseVerdicts } from '../../src/core/claims';
import { initialChoice, parseInitialVerdict, TAGGING_STEPS, verdictChoices, verdictForDigit } from '../../src/core/claims/taggingSteps';

void test('tagging steps: always verdict, claimant, note', () => {
	assert.deepEqual([...TAGGING_STEPS], ['verdict', 'claimant', 'note']);
});

void test('verdict choices are numbered in scale order; past the ninth there is no digit', () => {
	assert.deepEqual(verdictChoices(DEFAULT_VERDICTS).map((c) => c.label), ['1  True', '2  Mostly true', '3  Half true', '4  Mostly false', '5  False', '6  Unverifiable', '7  Unchecked']);
	const long = normaliseVerdicts(Array.from({ length: 11 }, (_, i) => ({ label: `V${i}`, color: '#123456' }))).verdicts;
	const choices = verdictChoices(long);
	assert.equal(choices[8].digit, 9);
	assert.equal(choices[9].digit, null);
	assert.equal(choices[9].label, 'V9');
});

void test('the pick starts on Unchecked, or on the last verdict when asked and still on the scale', () => {
	assert.equal(DEFAULT_VERDICTS[initialChoice(DEFAULT_VERDICTS, 'unchecked', 'False')].label, 'Unchecked');
	assert.equal(DEFAULT_VERDICTS[initialChoice(DEFAULT_VERDICTS, 'last', 'false')].label, 'False');
	assert.equal(DEFAULT_VERDICTS[initialChoice(DEFAULT_VERDICTS, 'last', undefined)].label, 'Unchecked');
	assert.equal(DEFAULT_VERDICTS[initialChoice(DEFAULT_VERDICTS, 'last', 'Pants on fire')].label, 'Unchecked', 'a label gone from the scale');
	assert.equal(parseInitialVerdict('last'), 'last');
	assert.equal(parseInitialVerdict('LAST?'), 'unchecked');
	assert.equal(parseInitialVerdict(undefined), 'unchecked');
});

void test('a single digit picks a verdict directly; anything else filters', () => {
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, '1')?.label, 'True');
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, '7')?.label, 'Unchecked');
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, '8'), null, 'no eighth verdict');
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, '0'), null);
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, '12'), null);
	assert.equal(verdictForDigit(DEFAULT_VERDICTS, 'tr'), null);
});
