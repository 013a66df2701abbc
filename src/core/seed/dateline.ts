/**
 * The dateline: ` date YYYY-MM-DD ` at the start of a seed file's first line.
 *
 * Tolerated, as docs/SEED-FORMAT.md asks: a byte-order mark, no leading space, several spaces or tabs between the
 * parts, CRLF. Everything here looks at the first line only, so an edit below line 1 never changes the result.
 */
import type { Dateline, SeedProblem } from './seedDocument';

/** What {@link parseDateline} found on the first line. */
export interface DatelineResult {
	/** The dateline, or null when the first line does not start with the word `date` and a date-like token. */
	readonly dateline: Dateline | null;
	/**
	 * Where the lead may start: after the dateline and the blanks that follow it, or after the BOM and leading
	 * blanks when there is no dateline. Always on line 1 (at most the index of the first line's end).
	 */
	readonly leadStart: number;
	/** Problems of the dateline, each with a span on line 1. Empty for a well-formed, possible date. */
	readonly problems: SeedProblem[];
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Space or tab: the only blanks allowed between the dateline's parts. */
function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09;
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`, in the proleptic Gregorian calendar that ISO 8601 uses. */
function daysInMonth(year: number, month: number): number {
	if (month === 2) {
		return isLeapYear(year) ? 29 : 28;
	}
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Checks a well-formed `YYYY-MM-DD` value against the calendar.
 * Returns undefined for a real date, else the reason, phrased to follow "Impossible date X: ".
 */
export function impossibleDateReason(value: string): string | undefined {
	const year = Number(value.slice(0, 4));
	const month = Number(value.slice(5, 7));
	const day = Number(value.slice(8, 10));
	if (month < 1 || month > 12) {
		return `month ${value.slice(5, 7)} does not exist`;
	}
	if (day < 1) {
		return `day ${value.slice(8, 10)} does not exist`;
	}
	const days = daysInMonth(year, month);
	if (day > days) {
		const when = month === 2 ? `February ${value.slice(0, 4)}` : monthNames[month - 1];
		return `${when} has ${days} days`;
	}
	return undefined;
}

/**
 * Reads the dateline at the start of `text` (only the first line is examined).
 *
 * - ` date 2024-03-16 Lead...` gives a valid dateline and `leadStart` at `Lead`.
 * - An impossible date (`2024-13-45`, `2023-02-29`) gives a dateline with `valid: false` and an `invalid-date`
 *   error on the date token.
 * - `date` followed by a token that starts with a digit but is not `YYYY-MM-DD` (`2024-3-16`, `2024/03/16`,
 *   `2024-03-16T10:00`) gives a dateline with `valid: false` and a `malformed-dateline` error; the token is
 *   still skipped, so it does not become part of the lead.
 * - Anything else (including a lead that merely starts with the word "date" followed by a non-digit) gives
 *   `dateline: null` and a `missing-dateline` warning over the first line. A blank first line gets no
 *   problem here: the caller reports an empty article instead.
 * Never throws; every span lies on line 1.
 */
export function parseDateline(text: string): DatelineResult {
	let lineEnd = text.indexOf('\n');
	if (lineEnd < 0) {
		lineEnd = text.length;
	}
	let contentEnd = lineEnd;
	while (contentEnd > 0 && (isBlank(text.charCodeAt(contentEnd - 1)) || text.charCodeAt(contentEnd - 1) === 0x0d)) {
		contentEnd--;
	}
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	while (i < lineEnd && isBlank(text.charCodeAt(i))) {
		i++;
	}
	const contentStart = i;
	const missing = (): DatelineResult => ({
		dateline: null,
		leadStart: contentStart,
		problems: contentStart >= contentEnd ? [] : [{
			code: 'missing-dateline',
			severity: 'warning',
			message: 'Missing dateline: a seed article starts with " date YYYY-MM-DD " before the lead.',
			start: contentStart,
			end: contentEnd,
		}],
	});
	if (!text.startsWith('date', i) || !isBlank(text.charCodeAt(i + 4))) {
		return missing();
	}
	const keyword = { start: i, end: i + 4 };
	i += 4;
	while (i < lineEnd && isBlank(text.charCodeAt(i))) {
		i++;
	}
	if (!isDigit(text.charCodeAt(i))) {
		return missing();
	}
	const dateStart = i;
	while (i < lineEnd && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x0d) {
		i++;
	}
	const date = { start: dateStart, end: i };
	const value = text.slice(dateStart, i);
	while (i < lineEnd && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0d)) {
		i++;
	}
	const leadStart = i;
	const wellFormed = /^\d{4}-\d{2}-\d{2}$/.test(value);
	const reason = wellFormed ? impossibleDateReason(value) : undefined;
	const dateline: Dateline = { start: keyword.start, end: date.end, keyword, date, value, valid: wellFormed && reason === undefined };
	const problems: SeedProblem[] = [];
	if (!wellFormed) {
		problems.push({
			code: 'malformed-dateline',
			severity: 'error',
			message: `Malformed dateline date "${value.length > 40 ? `${value.slice(0, 40)}…` : value}": expected YYYY-MM-DD, for example 2024-03-16.`,
			...date,
		});
	} else if (reason !== undefined) {
		problems.push({ code: 'invalid-date', severity: 'error', message: `Impossible date ${value}: ${reason}.`, ...date });
	}
	return { dateline, leadStart, problems };
}
