import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDateline } from '../../src/core/seed/dateline';

void describe('parseDateline', () => {
	void it('reads the reference form and points the lead after it', () => {
		const text = ' date 2024-03-16 North Korean leader Kim Jong-un arrived.';
		const { dateline, leadStart, problems } = parseDateline(text);
		assert.ok(dateline);
		assert.equal(dateline.value, '2024-03-16');
		assert.equal(dateline.valid, true);
		assert.equal(text.slice(dateline.keyword.start, dateline.keyword.end), 'date');
		assert.equal(text.slice(dateline.date.start, dateline.date.end), '2024-03-16');
		assert.deepEqual([dateline.start, dateline.end], [1, 16]);
		assert.equal(text.slice(leadStart, leadStart + 5), 'North');
		assert.deepEqual(problems, []);
	});

	const tolerated: [string, string][] = [
		['no leading space', 'date 2024-03-16 Lead'],
		['several spaces', '   date    2024-03-16     Lead'],
		['tabs', '\tdate\t2024-03-16\tLead'],
		['a BOM', '\uFEFF date 2024-03-16 Lead'],
		['CRLF after the lead', ' date 2024-03-16 Lead\r\n\r\nMore'],
	];
	for (const [why, text] of tolerated) {
		void it(`tolerates ${why}`, () => {
			const { dateline, leadStart, problems } = parseDateline(text);
			assert.equal(dateline?.value, '2024-03-16');
			assert.equal(dateline?.valid, true);
			assert.equal(text.slice(leadStart, leadStart + 4), 'Lead');
			assert.deepEqual(problems, []);
		});
	}

	void it('accepts a dateline alone, with or without a line break', () => {
		for (const text of [' date 2024-03-16', ' date 2024-03-16 \r\n', 'date 2024-03-16\n\nBody']) {
			const result = parseDateline(text);
			assert.equal(result.dateline?.valid, true);
			assert.deepEqual(result.problems, []);
			const lineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
			assert.ok(result.leadStart <= lineEnd);
		}
	});

	const impossible: [string, string][] = [
		['2024-13-45', 'Impossible date 2024-13-45: month 13 does not exist.'],
		['2023-02-29', 'Impossible date 2023-02-29: February 2023 has 28 days.'],
		['2024-04-31', 'Impossible date 2024-04-31: April has 30 days.'],
		['2024-00-10', 'Impossible date 2024-00-10: month 00 does not exist.'],
		['2024-05-00', 'Impossible date 2024-05-00: day 00 does not exist.'],
		['1900-02-29', 'Impossible date 1900-02-29: February 1900 has 28 days.'],
	];
	for (const [value, message] of impossible) {
		void it(`reports ${value} as an impossible date on the date token`, () => {
			const text = ` date ${value} Lead`;
			const { dateline, problems } = parseDateline(text);
			assert.equal(dateline?.valid, false);
			assert.equal(dateline?.value, value);
			assert.equal(problems.length, 1);
			assert.equal(problems[0].code, 'invalid-date');
			assert.equal(problems[0].message, message);
			assert.equal(text.slice(problems[0].start, problems[0].end), value);
		});
	}

	void it('accepts leap days of leap years', () => {
		assert.equal(parseDateline(' date 2024-02-29 x').dateline?.valid, true);
		assert.equal(parseDateline(' date 2000-02-29 x').dateline?.valid, true);
	});

	for (const value of ['2024-3-16', '2024/03/16', '20240316', '2024-03-16T10:00', '2024-03-1x']) {
		void it(`reports date ${value} as a malformed dateline and keeps it out of the lead`, () => {
			const text = `date ${value} Kim arrived.`;
			const { dateline, leadStart, problems } = parseDateline(text);
			assert.equal(dateline?.valid, false);
			assert.equal(problems.length, 1);
			assert.equal(problems[0].code, 'malformed-dateline');
			assert.match(problems[0].message, /expected YYYY-MM-DD/);
			assert.equal(text.slice(problems[0].start, problems[0].end), value);
			assert.equal(text.slice(leadStart), 'Kim arrived.');
		});
	}

	void it('reports a missing dateline over the first line and starts the lead there', () => {
		const text = '  Kim arrived in a limousine.  \nSecond line';
		const { dateline, leadStart, problems } = parseDateline(text);
		assert.equal(dateline, null);
		assert.equal(leadStart, 2);
		assert.equal(problems.length, 1);
		assert.equal(problems[0].code, 'missing-dateline');
		assert.equal(text.slice(problems[0].start, problems[0].end), 'Kim arrived in a limousine.');
	});

	void it('does not take a lead that starts with the word "date" for a dateline', () => {
		const { dateline, problems } = parseDateline('date night was cancelled.');
		assert.equal(dateline, null);
		assert.equal(problems[0].code, 'missing-dateline');
		assert.equal(parseDateline('dated 2024-03-16 news').dateline, null);
	});

	void it('reports nothing for a blank first line (the parser reports the empty article)', () => {
		assert.deepEqual(parseDateline('').problems, []);
		assert.deepEqual(parseDateline('  \t\r\n').problems, []);
	});

	void it('shortens a huge malformed token in the message', () => {
		const text = `date ${'1'.repeat(10_000)}`;
		const { problems } = parseDateline(text);
		assert.equal(problems[0].code, 'malformed-dateline');
		assert.ok(problems[0].message.length < 200);
	});
});
