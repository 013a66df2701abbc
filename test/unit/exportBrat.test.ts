import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareArticle } from '../../src/core/claims';
import {
	bratAnn, bratAnnotationConf, escapeBratNote, exportClaims, importDrafts, prepareExportArticle, readBratAnn, unescapeBratNote,
} from '../../src/core/claims/exports';
import { seededRandomBytes } from '../fixtures/claims/claimTestKit';
import { assertExportGolden, emojiClaims, emojiName, emojiText, fixtureArticles, referenceText } from '../fixtures/exports/exportTestKit';

/**
 * A reader written to brat's documented standoff format (https://brat.nlplab.org/standoff.html), independent of
 * the module under test, strict where brat's own reader (annotation.py) is strict:
 *  - every line is `ID<TAB>...`; IDs are a letter prefix (T, A/M, #, R, E, N, *) and, except *, a number;
 *  - text-bound `T`: `TYPE START END[;START END]*<TAB>TEXT`, 0-based, end-exclusive offsets into the document
 *    text counted in Unicode characters (Python str indexes, i.e. code points), the span text as it appears in
 *    the document (brat writes line breaks inside spans as spaces), on one line;
 *  - attribute `A`: `NAME TARGET [VALUE]`, split on single spaces, so a value has no space; TARGET an existing ID;
 *  - note `#`: `AnnotatorNotes TARGET<TAB>TEXT`; TARGET an existing ID.
 */
interface BratDoc {
	spans: Map<string, { type: string; start: number; end: number; text: string }>;
	attributes: { id: string; name: string; target: string; value: string | true }[];
	notes: { id: string; target: string; text: string }[];
}

function readBratStrictly(ann: string, txt: string): BratDoc {
	const chars = Array.from(txt);
	const doc: BratDoc = { spans: new Map(), attributes: [], notes: [] };
	const lines = ann.split('\n');
	assert.equal(lines.pop(), '', 'every line ends with a newline');
	const ids = new Set<string>();
	for (const line of lines) {
		const [id, data, ...rest] = line.split('\t');
		assert.match(id, /^(?:[TAMRENT#]\d+|\*)$/, `ID of "${line}"`);
		assert.ok(!ids.has(id) || id === '*', `ID ${id} is unique`);
		ids.add(id);
		if (id.startsWith('T')) {
			assert.equal(rest.length, 1, 'T: three tab-separated fields');
			const match = /^(\S+) (\d+) (\d+)$/.exec(data);
			assert.ok(match, `T: "TYPE START END" (continuous), got "${data}"`);
			const start = Number(match[2]);
			const end = Number(match[3]);
			assert.ok(start < end && end <= chars.length, `T ${id}: ${start} < ${end} <= ${chars.length}`);
			const text = rest[0];
			assert.equal(text, chars.slice(start, end).join('').replace(/[\r\n]/g, ' '), `T ${id}: the span text is the document's text at the offsets`);
			doc.spans.set(id, { type: match[1], start, end, text });
		} else if (id.startsWith('A') || id.startsWith('M')) {
			assert.equal(rest.length, 0, 'A: two fields');
			const parts = data.split(' ');
			assert.ok(parts.length === 2 || parts.length === 3, `A: NAME TARGET [VALUE], got "${data}"`);
			assert.ok(doc.spans.has(parts[1]), `A ${id}: target ${parts[1]} is defined before`);
			doc.attributes.push({ id, name: parts[0], target: parts[1], value: parts[2] ?? true });
		} else if (id.startsWith('#')) {
			assert.equal(rest.length, 1, '#: three fields (no tab inside the note)');
			const parts = data.split(' ');
			assert.equal(parts.length, 2);
			assert.equal(parts[0], 'AnnotatorNotes');
			assert.ok(doc.spans.has(parts[1]), `# ${id}: target ${parts[1]} exists`);
			doc.notes.push({ id, target: parts[1], text: rest[0] });
		}
	}
	return doc;
}

/** brat's annotation.conf: the values of each attribute (the format is `NAME<TAB>Arg:TYPE, Value:V1|V2|...`). */
function confValues(conf: string, attribute: string): string[] {
	const line = conf.split('\n').find((l) => l.startsWith(`${attribute}\t`));
	assert.ok(line, `annotation.conf declares ${attribute}`);
	const value = /Value:([^,]+)$/.exec(line);
	assert.ok(value);
	return value[1].split('|');
}

void test('brat .ann is readable by a reader written to the standoff documentation: spans, verdicts, notes', () => {
	for (const article of fixtureArticles()) {
		const ann = bratAnn(article);
		assert.deepEqual(ann.warnings, []);
		const doc = readBratStrictly(ann.content, article.text);
		assert.equal(doc.spans.size, article.claims.length, 'one T per claim');
		assert.ok([...doc.spans.values()].every((s) => s.type === 'Claim'));
		assert.equal(doc.attributes.length, article.claims.length, 'one verdict per claim');
		assert.ok(doc.attributes.every((a) => a.name === 'Verdict' && typeof a.value === 'string'));
		const values = confValues(bratAnnotationConf([article]), 'Verdict');
		assert.ok(doc.attributes.every((a) => values.includes(a.value as string)), 'every verdict value is declared in annotation.conf');
		assert.equal(doc.notes.length, article.claims.filter((c) => c.claim.body.note !== '').length, 'one note per claim with a note');
	}
});

void test('brat offsets count code points: emoji before a span shift UTF-16 but not brat', () => {
	const article = fixtureArticles()[1];
	const doc = readBratStrictly(bratAnn(article).content, emojiText);
	const cost = [...doc.spans.values()].find((s) => s.text === 'the metro line cost €2.1 billion');
	assert.ok(cost);
	assert.equal(cost.start, emojiText.indexOf('the metro line cost') - 1);
	const family = [...doc.spans.values()].find((s) => s.text.endsWith('👩‍👩‍👧'));
	assert.ok(family, 'a span ending in a ZWJ emoji sequence is whole');
});

void test('brat: a span across a blank line is written with spaces for the line breaks', () => {
	const doc = readBratStrictly(bratAnn(fixtureArticles()[1]).content, emojiText);
	assert.ok([...doc.spans.values()].some((s) => s.text === '[budget](x).  Budget Questions'));
});

void test('brat notes: tabs, newlines and backslashes are escaped and come back', () => {
	const note = 'tab\there\nnew line\r\nCRLF and a backslash \\n that is not a newline \\';
	const escaped = escapeBratNote(note);
	assert.ok(!/[\t\r\n]/.test(escaped));
	assert.equal(unescapeBratNote(escaped), note);
});

void test('brat verdict values have no spaces (attribute lines split on spaces) and map back to the scale', () => {
	const doc = readBratStrictly(bratAnn(fixtureArticles()[1]).content, emojiText);
	assert.deepEqual(doc.attributes.map((a) => a.value), ['Mostly_false', 'Unverifiable', 'False', 'Unchecked']);
	assert.deepEqual(confValues(bratAnnotationConf(fixtureArticles()), 'Verdict'), ['True', 'Mostly_true', 'Half_true', 'Mostly_false', 'False', 'Unverifiable', 'Unchecked']);
});

void test('brat golden files', () => {
	const result = exportClaims('brat', fixtureArticles());
	assert.deepEqual(result.files.map((f) => f.name), ['000_765aeddc370d2ae5.ann', '000_765aeddc370d2ae5.txt', '950_00000000000000e0.ann', '950_00000000000000e0.txt', 'annotation.conf']);
	for (const file of result.files.filter((f) => !f.name.endsWith('.txt'))) {
		assertExportGolden(file.name, file.content);
	}
	assert.equal(result.files[3].content, emojiText, 'the .txt is the text the offsets count in');
});

void test('brat round trip: export then import gives back the same spans, verdicts and notes', () => {
	for (const article of fixtureArticles()) {
		const read = readBratAnn(bratAnn(article).content);
		assert.deepEqual(read.problems, []);
		const outcome = importDrafts(prepareArticle(article.text), [], read.drafts, { now: new Date('2030-01-01T00:00:00Z'), randomBytes: seededRandomBytes(5), creator: 'Importer' });
		assert.equal(outcome.added.length, article.claims.length);
		assert.ok(outcome.added.every((a) => a.status === 'anchored'));
		const key = (c: { target: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } }; body: { verdict: string; note: string } }) =>
			JSON.stringify([c.target.position, c.target.quote, c.body.verdict, c.body.note]);
		assert.deepEqual(outcome.claims.map(key).sort(), article.claims.map((c) => key(c.claim)).sort());
		assert.ok(outcome.claims.every((c) => c.creator === 'Importer'), 'brat has no creators: the importing user');
	}
});

void test('brat import: other types, discontinuous spans, malformed lines, unknown verdicts, several notes', () => {
	const ann = [
		'T1\tClaim 17 72\tNorth Korean leader Kim Jong-un recently made headlines',
		'T2\tPerson 37 48\tKim Jong-un',
		'T3\tClaim 17 29;33 36\tNorth Korean lea',
		'A1\tVerdict T1 Pants_on_fire',
		'A2\tNegated T1',
		'#1\tAnnotatorNotes T1\tfirst',
		'#2\tAnnotatorNotes T1\tsecond',
		'R1\tRel Arg1:T1 Arg2:T2',
		'T4 broken line',
		'',
	].join('\n');
	const read = readBratAnn(ann);
	assert.equal(read.drafts.length, 2);
	assert.equal(read.drafts[0].verdict, 'Pants on fire', 'an unknown value keeps its words');
	assert.equal(read.drafts[0].note, 'first\n\nsecond');
	assert.ok(read.problems.some((p) => /discontinuous/.test(p)));
	assert.ok(read.problems.some((p) => /line 9: malformed/.test(p)));
	assert.ok(read.problems.some((p) => /^1 annotation of type Person is not a claim \(type /.test(p)), read.problems.join(' | '));
	const persons = readBratAnn(ann, { type: 'Person' });
	assert.equal(persons.drafts.length, 1);
	assert.equal(persons.drafts[0].exact, 'Kim Jong-un');
	const outcome = importDrafts(prepareArticle(referenceText), [], persons.drafts, { now: new Date(), randomBytes: () => new Uint8Array(16) });
	assert.equal(outcome.added[0].status, 'anchored');
});

void test('brat import of an .ann whose offsets are off: the span text re-anchors the claim', () => {
	const read = readBratAnn('T1\tClaim 3 25\tThe line opens in 2026\n');
	const outcome = importDrafts(prepareArticle(emojiText), [], read.drafts, { now: new Date(), randomBytes: () => new Uint8Array(16) });
	assert.equal(outcome.added[0].status, 'anchored');
	assert.equal(outcome.added[0].claim.target.quote.exact, 'The line opens in 2026');
	assert.equal(outcome.added[0].claim.target.position.start, Array.from(emojiText.slice(0, emojiText.indexOf('The line opens'))).length);
});

void test('brat export leaves out unanchored claims and warns about fuzzy ones', () => {
	const changed = emojiText.replace('The line opens in 2026', 'Nothing like it').replace('the metro line cost €2.1 billion', 'the metro line cost €2.4 billion');
	const article = prepareExportArticle({ fileName: emojiName, text: changed, claims: emojiClaims() });
	const ann = bratAnn(article);
	const doc = readBratStrictly(ann.content, changed);
	assert.equal(doc.spans.size, 3);
	assert.ok(ann.warnings.some((w) => /unanchored/.test(w)));
	assert.ok(ann.warnings.some((w) => /awaits confirmation/.test(w)));
});

void test('brat export of a CRLF article: offsets count the CR too, in the .txt copy written beside the .ann', () => {
	const crlf = emojiText.replace(/\n/g, '\r\n');
	const claims = emojiClaims();
	const article = prepareExportArticle({ fileName: emojiName, text: crlf, claims });
	assert.ok(article.claims.every((c) => c.status !== 'unanchored'));
	const files = exportClaims('brat', [article]).files;
	const txt = files.find((f) => f.name.endsWith('.txt'))?.content ?? '';
	assert.equal(txt, crlf);
	const doc = readBratStrictly(files[0].content, txt);
	const opens = [...doc.spans.values()].find((s) => s.text === 'The line opens in 2026');
	assert.equal(opens?.start, Array.from(crlf.slice(0, crlf.indexOf('The line opens'))).length);
});
