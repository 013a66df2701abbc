import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_VERDICTS, findVerdict, normaliseVerdicts, UNCHECKED_LABEL } from '../../src/core/claims';

void test('the default scale runs from True (5) to False (1), then Unverifiable and Unchecked without rating', () => {
	assert.deepEqual(DEFAULT_VERDICTS.map((v) => [v.label, v.rating]), [
		['True', 5], ['Mostly true', 4], ['Half true', 3], ['Mostly false', 2], ['False', 1], ['Unverifiable', null], ['Unchecked', null],
	]);
	for (const v of DEFAULT_VERDICTS) {
		assert.match(v.color, /^#[0-9a-f]{6}$/);
	}
	assert.equal(new Set(DEFAULT_VERDICTS.map((v) => v.color)).size, DEFAULT_VERDICTS.length, 'colours tell verdicts apart');
});

void test('an unset setting gives the default scale silently; a wrong type says so', () => {
	assert.deepEqual(normaliseVerdicts(undefined), { verdicts: DEFAULT_VERDICTS, problems: [] });
	const wrong = normaliseVerdicts({ label: 'True' });
	assert.equal(wrong.verdicts, DEFAULT_VERDICTS);
	assert.equal(wrong.problems.length, 1);
	assert.equal(normaliseVerdicts([]).problems.length, 1);
});

void test('a user scale is cleaned: labels trimmed, colours normalised, repeats and blanks dropped, Unchecked appended', () => {
	const { verdicts, problems } = normaliseVerdicts([
		{ label: ' Correct ', rating: 2, color: '#0A0' },
		{ label: 'Wrong', rating: 0, color: '#CC0000' },
		{ label: 'correct', rating: 1, color: '#00aa00' },
		{ label: '   ', rating: 3, color: '#000000' },
		{ label: 'Satire', rating: 'high', color: 'red' },
		'nonsense',
	]);
	assert.deepEqual(verdicts, [
		{ label: 'Correct', rating: 2, color: '#00aa00' },
		{ label: 'Wrong', rating: 0, color: '#cc0000' },
		{ label: 'Satire', rating: null, color: '#8a8a8a' },
		{ label: UNCHECKED_LABEL, rating: null, color: '#8a8a8a' },
	]);
	assert.equal(problems.length, 5, problems.join('\n'));
	assert.ok(problems.some((p) => p.includes('[2]') && p.includes('repeats')));
});

void test('a user-defined Unchecked keeps its colour but never a rating, and is not duplicated', () => {
	const { verdicts, problems } = normaliseVerdicts([{ label: 'Yes', rating: 1, color: '#00ff00' }, { label: 'unchecked', rating: 0, color: '#123456' }]);
	assert.deepEqual(verdicts.map((v) => [v.label, v.rating, v.color]), [['Yes', 1, '#00ff00'], ['Unchecked', null, '#123456']]);
	assert.equal(problems.length, 1);
});

void test('an array without any usable entry falls back to the default scale', () => {
	const { verdicts, problems } = normaliseVerdicts([{ rating: 1 }, null]);
	assert.equal(verdicts, DEFAULT_VERDICTS);
	assert.equal(problems.length, 3);
});

void test('findVerdict matches labels case-insensitively and misses unknown ones', () => {
	assert.equal(findVerdict(DEFAULT_VERDICTS, 'mostly TRUE')?.rating, 4);
	assert.equal(findVerdict(DEFAULT_VERDICTS, 'Pants on fire'), undefined);
});
