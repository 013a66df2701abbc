/**
 * brat standoff format (https://brat.nlplab.org/standoff.html): export of an article's claims as a `.ann` file
 * beside a copy of its `.txt`, with the `annotation.conf` that declares them, and import of `.ann` files.
 *
 * One claim is three kinds of line, fields separated by tabs:
 *  - `T1⇥Claim 17 72⇥North Korean leader …`: a text-bound annotation of type `Claim`, 0-based end-exclusive
 *    offsets counted in Unicode characters (code points) of the `.txt`, as brat (Python) counts them, then the
 *    span text; CR and LF inside a span are written as spaces (brat's span text is one line);
 *  - `A1⇥Verdict T1 Mostly_true`: the verdict, an attribute; brat splits attribute lines on spaces, so each run
 *    of whitespace in a label becomes `_` (`annotation.conf` lists the values the same way);
 *  - `#1⇥AnnotatorNotes T1⇥…`: the note, when there is one. A note is one line in brat: backslash, tab, CR and
 *    LF are escaped as `\\`, `\t`, `\r`, `\n` (brat shows them as written; import reverses it).
 * Claimant, tags, sources, ids and times have no place in brat's format and are not exported. Unanchored claims
 * are left out (their text is not in the article); fuzzy ones are written at the similar text found.
 */
import type { ClaimDraft } from './importClaims';
import { articleStem, canonicalVerdict, scaleOf, verdictOrder, type ExportArticle, type ExportOptions } from './exportModel';
import { countOf } from '../../text/countOf';

/** The brat entity type of claims. */
export const BRAT_CLAIM_TYPE = 'Claim';
/** The brat attribute holding the verdict. */
export const BRAT_VERDICT_ATTRIBUTE = 'Verdict';

/** A verdict label as a brat attribute value: whitespace runs become `_`. */
export function bratValue(label: string): string {
	return label.trim().replace(/\s+/g, '_');
}

/** Escapes a note for a one-line brat field. */
export function escapeBratNote(note: string): string {
	return note.replace(/[\\\t\r\n]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : '\\n'));
}

/** Reverses `escapeBratNote`; a backslash before any other character stays as written. */
export function unescapeBratNote(field: string): string {
	return field.replace(/\\([\\tnr])/g, (_, c: string) => (c === '\\' ? '\\' : c === 't' ? '\t' : c === 'r' ? '\r' : '\n'));
}

/** The `.ann` of one article and the claims it had to leave out. */
export interface BratAnn {
	readonly fileName: string;
	readonly content: string;
	readonly warnings: readonly string[];
}

/** The `.ann` file of an article (see the module comment for the lines). */
export function bratAnn(article: ExportArticle, options: ExportOptions = {}): BratAnn {
	const scale = scaleOf(options);
	const lines: string[] = [];
	const warnings: string[] = [];
	let t = 0;
	let notes = 0;
	for (const exported of article.claims) {
		const { claim, span, position } = exported;
		if (!span) {
			warnings.push(`${article.fileName}: ${claim.id} is unanchored (its text is no longer in the article); left out of the brat export.`);
			continue;
		}
		if (exported.status === 'fuzzy') {
			warnings.push(`${article.fileName}: ${claim.id} changed text and awaits confirmation; exported at the similar text found.`);
		}
		t++;
		const text = article.text.slice(span.start, span.end).replace(/[\r\n]/g, ' ');
		lines.push(`T${t}\t${BRAT_CLAIM_TYPE} ${position.start} ${position.end}\t${text}`);
		lines.push(`A${t}\t${BRAT_VERDICT_ATTRIBUTE} T${t} ${bratValue(canonicalVerdict(scale, claim.body.verdict))}`);
		if (claim.body.note !== '') {
			notes++;
			lines.push(`#${notes}\tAnnotatorNotes T${t}\t${escapeBratNote(claim.body.note)}`);
		}
	}
	return { fileName: `${articleStem(article.fileName)}.ann`, content: lines.map((l) => `${l}\n`).join(''), warnings };
}

/**
 * The `annotation.conf` declaring the `Claim` entity and the `Verdict` attribute with every value used: the
 * scale's labels and any other label found in the claims.
 */
export function bratAnnotationConf(articles: readonly ExportArticle[], options: ExportOptions = {}): string {
	const labels = verdictOrder(scaleOf(options), articles.flatMap((a) => a.claims.map((c) => c.claim.body.verdict)));
	return [
		'# News Seed Annotator: claims and their verdicts (brat annotation configuration).',
		'[entities]',
		BRAT_CLAIM_TYPE,
		'',
		'[relations]',
		'# Claims may overlap.',
		`<OVERLAP>\tArg1:${BRAT_CLAIM_TYPE}, Arg2:${BRAT_CLAIM_TYPE}, <OVL-TYPE>:<ANY>`,
		'',
		'[events]',
		'',
		'[attributes]',
		`${BRAT_VERDICT_ATTRIBUTE}\tArg:${BRAT_CLAIM_TYPE}, Value:${[...new Set(labels.map(bratValue))].join('|')}`,
		'',
	].join('\n');
}

/* ---------------------------------------------------------------- import */

/** What a `.ann` file yielded. */
export interface BratReadResult {
	readonly drafts: readonly ClaimDraft[];
	/** One message per line or annotation that could not be used. */
	readonly problems: readonly string[];
}

/** Options of `readBratAnn`. */
export interface BratReadOptions {
	/** The entity type read as claims (case-insensitive). Default `Claim`. */
	readonly type?: string;
	/** The verdict scale, to turn `Mostly_true` back into `Mostly true`. */
	readonly verdicts?: ExportOptions['verdicts'];
}

/**
 * Reads a brat `.ann`: `T` lines of the claim type become drafts (offsets in code points, span text as the
 * quote), `A` lines of the `Verdict` attribute their verdicts, `#` AnnotatorNotes lines their notes (several
 * notes are joined by a blank line). Other annotation kinds (relations, events, normalisations, other
 * attributes) are ignored; malformed lines are reported by line number. Never throws.
 */
export function readBratAnn(text: string, options: BratReadOptions = {}): BratReadResult {
	const wantedType = (options.type ?? BRAT_CLAIM_TYPE).toLowerCase();
	const scale = scaleOf({ verdicts: options.verdicts });
	const problems: string[] = [];
	const spans = new Map<string, { start: number; end: number; text: string }>();
	const order: string[] = [];
	const verdicts = new Map<string, string>();
	const notes = new Map<string, string[]>();
	const otherTypes = new Map<string, number>();
	const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
	lines.forEach((line, i) => {
		const where = `line ${i + 1}`;
		if (line.trim() === '') {
			return;
		}
		const fields = line.split('\t');
		const id = fields[0];
		if (id.startsWith('T')) {
			const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
			if (!match || fields.length < 3) {
				problems.push(`${where}: malformed text-bound annotation "${line.slice(0, 60)}"`);
				return;
			}
			if (match[1].toLowerCase() !== wantedType) {
				otherTypes.set(match[1], (otherTypes.get(match[1]) ?? 0) + 1);
				return;
			}
			const numbers = match[2].split(/[ ;]/).map(Number);
			const start = numbers[0];
			const end = numbers[numbers.length - 1];
			if (numbers.length > 2) {
				problems.push(`${where}: ${id} is discontinuous; imported as one span from ${start} to ${end}.`);
			}
			if (end <= start) {
				problems.push(`${where}: ${id} is empty; skipped.`);
				return;
			}
			if (spans.has(id)) {
				problems.push(`${where}: ${id} is defined twice; the first definition is kept.`);
				return;
			}
			spans.set(id, { start, end, text: fields.slice(2).join('\t') });
			order.push(id);
		} else if (id.startsWith('A') || id.startsWith('M')) {
			const parts = (fields[1] ?? '').split(' ');
			if (parts.length < 2) {
				problems.push(`${where}: malformed attribute "${line.slice(0, 60)}"`);
			} else if (parts[0].toLowerCase() === BRAT_VERDICT_ATTRIBUTE.toLowerCase() && parts.length >= 3) {
				verdicts.set(parts[1], parts[2]);
			}
		} else if (id.startsWith('#')) {
			const parts = (fields[1] ?? '').split(' ');
			if (parts.length < 2 || fields.length < 3) {
				problems.push(`${where}: malformed note "${line.slice(0, 60)}"`);
			} else if (parts[0] === 'AnnotatorNotes') {
				const list = notes.get(parts[1]) ?? [];
				list.push(unescapeBratNote(fields.slice(2).join('\t')));
				notes.set(parts[1], list);
			}
		} else if (!/^[RE*NM]/.test(id)) {
			problems.push(`${where}: unknown annotation "${line.slice(0, 60)}"`);
		}
	});
	for (const [type, count] of otherTypes) {
		problems.push(`${countOf(count, 'annotation')} of type ${type} ${count === 1 ? 'is not a claim' : 'are not claims'} (type ${options.type ?? BRAT_CLAIM_TYPE}); ignored.`);
	}
	const drafts = order.map((id): ClaimDraft => {
		const span = spans.get(id) as { start: number; end: number; text: string };
		const value = verdicts.get(id);
		return {
			label: id,
			exact: span.text,
			position: { start: span.start, end: span.end },
			verdict: value === undefined ? undefined : verdictFromValue(scale, value),
			note: notes.get(id)?.join('\n\n') ?? '',
		};
	});
	return { drafts, problems };
}

/** `Mostly_true` back to the scale's `Mostly true`; an unknown value with `_` read as spaces. */
function verdictFromValue(scale: NonNullable<ExportOptions['verdicts']>, value: string): string {
	return scale.find((v) => bratValue(v.label) === value)?.label
		?? scale.find((v) => bratValue(v.label).toLowerCase() === value.toLowerCase())?.label
		?? value.replace(/_/g, ' ');
}
