import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareArticle, sameClaim, type Claim } from '../../src/core/claims';
import { ANCHORING_CONTEXT, importDrafts, prepareExportArticle, readW3CAnnotations, serialiseW3C, sourceFileName, w3cCollection, W3C_CONTEXT } from '../../src/core/claims/exports';
import { assertExportGolden, codePointSlice, emojiClaims, emojiName, emojiText, fixtureArticles, referenceText } from '../fixtures/exports/exportTestKit';

type Json = Record<string, unknown>;

/** The Motivation instances of the model (§3.3.5): the only values of `motivation` and `purpose`. */
const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);
/** Terms of http://www.w3.org/ns/anno.jsonld that our documents may use; anything else would not be in the vocabulary. */
const ANNO_TERMS = new Set(['@context', 'id', 'type', 'motivation', 'purpose', 'created', 'modified', 'generated', 'creator', 'generator', 'name', 'body', 'target',
	'value', 'format', 'language', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end', 'label', 'total', 'first', 'last', 'partOf', 'startIndex', 'items']);
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
/** xsd:dateTime in UTC with "Z" (§3.3.5: created, modified, generated). */
const XSD_DATETIME_Z = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

function list(value: unknown): unknown[] {
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function walkKeys(value: unknown, visit: (key: string) => void): void {
	if (Array.isArray(value)) {
		value.forEach((v) => walkKeys(v, visit));
	} else if (typeof value === 'object' && value !== null) {
		for (const [k, v] of Object.entries(value)) {
			visit(k);
			walkKeys(v, visit);
		}
	}
}

const collection = w3cCollection(fixtureArticles(), { collectionId: 'https://example.org/claims/collection-1', generated: '2024-06-01T12:00:00.000Z' });
const page = collection.first as Json;
const annotations = page.items as Json[];
const texts = new Map(fixtureArticles().map((a) => [a.iri, a.text]));

void test('W3C collection: @context, IRI id, type AnnotationCollection, label, total, first and last page (§5.1)', () => {
	assert.equal(collection['@context'], W3C_CONTEXT, 'a single context is given as a string');
	assert.match(collection.id as string, IRI);
	assert.ok(list(collection.type).includes('AnnotationCollection'));
	assert.equal(typeof collection.label, 'string');
	assert.ok(Number.isInteger(collection.total) && (collection.total as number) >= 0);
	assert.equal(collection.total, 7, 'total counts every annotation');
	assert.ok(collection.first, 'a collection with annotations MUST have a first page');
	assert.equal(collection.last, page.id, 'one page: first and last');
	assert.match(collection.generated as string, XSD_DATETIME_Z);
});

void test('W3C page: IRI id, type AnnotationPage, partOf the collection, items, startIndex (§5.2)', () => {
	assert.match(page.id as string, IRI);
	assert.ok(list(page.type).includes('AnnotationPage'));
	assert.equal(page.partOf, collection.id);
	assert.ok(Array.isArray(page.items) && annotations.length > 0, 'items MUST list 1 or more annotations');
	assert.equal(page.startIndex, 0);
	assert.equal(annotations.length, collection.total);
});

void test('W3C annotations: every MUST of §3.1 (context, one IRI id, type Annotation, 1+ targets) and unique ids', () => {
	const ids = new Set<string>();
	for (const a of annotations) {
		assert.ok(list(a['@context']).includes(W3C_CONTEXT), 'the anno.jsonld context');
		assert.equal(typeof a.id, 'string');
		assert.match(a.id as string, IRI, 'exactly one IRI id');
		ids.add(a.id as string);
		assert.ok(list(a.type).includes('Annotation'));
		assert.ok(list(a.target).length >= 1, 'one or more targets');
		assert.deepEqual(list(a.motivation), ['assessing']);
		for (const m of list(a.motivation)) {
			assert.ok(MOTIVATIONS.has(m as string), `motivation ${String(m)} is a Motivation instance`);
		}
	}
	assert.equal(ids.size, annotations.length);
});

void test('W3C created and modified are xsd:dateTime with Z; creator is an Agent with a name (§3.3.5, §3.3.6)', () => {
	for (const a of annotations) {
		assert.match(a.created as string, XSD_DATETIME_Z);
		assert.match(a.modified as string, XSD_DATETIME_Z);
		assert.ok(Date.parse(a.modified as string) >= Date.parse(a.created as string));
		for (const creator of list(a.creator)) {
			const agent = creator as Json;
			assert.ok(['Person', 'Organization', 'Software'].includes(agent.type as string));
			assert.equal(typeof agent.name, 'string');
		}
	}
	assert.ok(annotations.some((a) => a.creator === undefined), 'a claim without creator has none (0 or more)');
});

void test('W3C bodies: TextualBody with exactly one value, a format media type, purposes from Motivation; linked sources are SpecificResources with an IRI source (§3.2.4, §4.1)', () => {
	for (const a of annotations) {
		const bodies = list(a.body) as Json[];
		assert.equal(bodies.filter((b) => list(b.purpose).includes('assessing')).length, 1, 'one verdict body');
		for (const body of bodies) {
			for (const p of list(body.purpose)) {
				assert.ok(MOTIVATIONS.has(p as string), `purpose ${String(p)}`);
			}
			if (body.type === 'TextualBody') {
				assert.equal(typeof body.value, 'string', 'exactly one value');
				assert.ok(!Array.isArray(body.value));
				if (body.format !== undefined) {
					assert.match(body.format as string, MEDIA_TYPE);
				}
			} else {
				assert.equal(body.type, 'SpecificResource');
				assert.match(body.source as string, IRI, 'a SpecificResource has exactly one source IRI');
			}
		}
	}
	const critics = annotations.find((a) => JSON.stringify(a).includes('City Council')) as Json;
	const bodies = critics.body as Json[];
	assert.deepEqual(bodies.map((b) => list(b.purpose)[0]), ['assessing', 'commenting', 'identifying', 'linking', 'linking']);
	assert.equal(bodies[1].format, 'text/markdown', 'the note is Markdown');
	assert.deepEqual(bodies[3], { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/audit?year=2024&page=2' });
	assert.equal(bodies[4].type, 'TextualBody', 'a source that is not an IRI stays text');
});

void test('W3C targets: SpecificResource with one source IRI; TextQuoteSelector and TextPositionSelector in code points match the text (§4.2.4, §4.2.5)', () => {
	for (const a of annotations) {
		const target = list(a.target)[0] as Json;
		assert.equal(target.type, 'SpecificResource');
		assert.match(target.source as string, IRI);
		const text = texts.get(target.source as string);
		assert.ok(text !== undefined, 'the source names an exported article');
		const selectors = list(target.selector) as Json[];
		const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as Json;
		const position = selectors.find((s) => s.type === 'TextPositionSelector') as Json;
		assert.ok(quote && position);
		assert.equal(typeof quote.exact, 'string', 'exactly one exact');
		assert.ok(Number.isInteger(position.start) && Number.isInteger(position.end), 'exactly one start and end, integers');
		const start = position.start as number;
		const end = position.end as number;
		assert.ok(start >= 0 && end >= start, 'non-negative, start before end');
		assert.equal(codePointSlice(text, start, end), quote.exact, 'the position counts code points');
		assert.ok(codePointSlice(text, 0, start).endsWith(quote.prefix as string), 'prefix immediately before');
		assert.ok(codePointSlice(text, end, Infinity).startsWith(quote.suffix as string), 'suffix immediately after');
	}
	const cost = annotations.find((a) => JSON.stringify(a).includes('metro line cost')) as Json;
	const position = ((cost.target as Json).selector as Json[])[1];
	const utf16 = emojiText.indexOf('the metro line cost');
	assert.equal(position.start, utf16 - 1, 'after one emoji, code points run one behind UTF-16 units');
});

void test('W3C documents use only terms of the anno.jsonld context, and the anchoring extension defined in its own context', () => {
	const extension = new Set(Object.keys(ANCHORING_CONTEXT));
	walkKeys(collection, (key) => assert.ok(ANNO_TERMS.has(key) || extension.has(key), `"${key}" is not a Web Annotation term nor defined by our context`));
	const items = (collection.first as { items: Record<string, unknown>[] }).items;
	assert.ok(items.every((a) => Array.isArray(a['@context']) && (a['@context'] as unknown[])[1] === ANCHORING_CONTEXT && 'anchoring' in a));
});

void test('W3C: an empty export is a collection of total 0 without pages', () => {
	const empty = w3cCollection([], { collectionId: 'https://example.org/c' });
	assert.equal(empty.total, 0);
	assert.equal(empty.first, undefined);
});

void test('W3C golden file', () => {
	assertExportGolden('claims.w3c.jsonld', serialiseW3C(fixtureArticles(), { collectionId: 'https://example.org/claims/collection-1' }));
});

void test('W3C round trip: export then import into an empty article gives back the same claims', () => {
	for (const [name, text, claims] of [[emojiName, emojiText, emojiClaims()], ['000_765aeddc370d2ae5.txt', referenceText, null]] as const) {
		const article = fixtureArticles().find((a) => a.fileName === name);
		assert.ok(article);
		const original: Claim[] = claims ?? article.claims.map((c) => c.claim);
		const read = readW3CAnnotations(serialiseW3C([article]));
		assert.deepEqual(read.problems, []);
		assert.ok(read.drafts.every((d) => d.source !== null && sourceFileName(d.source) === name));
		const outcome = importDrafts(prepareArticle(text), [], read.drafts, { now: new Date('2030-01-01T00:00:00Z'), randomBytes: () => new Uint8Array(16), creator: 'Importer' });
		assert.equal(outcome.added.length, original.length);
		assert.ok(outcome.added.every((a) => a.status === 'anchored'));
		const byId = new Map(outcome.claims.map((c) => [c.id, c]));
		for (const claim of original) {
			const back = byId.get(claim.id);
			assert.ok(back, `claim ${claim.id} came back`);
			assert.ok(sameClaim(back, claim), `claim ${claim.id} is the same:\n${JSON.stringify(back)}\n${JSON.stringify(claim)}`);
		}
		// Importing the same file again adds nothing and reports every claim as a duplicate.
		const again = importDrafts(prepareArticle(text), outcome.claims, read.drafts, { now: new Date(), randomBytes: () => new Uint8Array(16) });
		assert.equal(again.added.length, 0);
		assert.equal(again.skipped.filter((s) => s.reason === 'duplicate').length, original.length);
	}
});

void test('W3C import reads annotations of other tools: single annotation, bodyValue, string target, oa: purposes', () => {
	const foreign = {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		id: 'http://example.org/anno1',
		type: 'Annotation',
		bodyValue: 'A comment from elsewhere',
		target: { source: 'http://example.org/news/950_00000000000000e0.txt', selector: { type: 'TextQuoteSelector', exact: 'The line opens in 2026' } },
	};
	const read = readW3CAnnotations(JSON.stringify(foreign));
	assert.equal(read.drafts.length, 1);
	assert.equal(read.drafts[0].note, 'A comment from elsewhere');
	assert.equal(read.drafts[0].creator, null);
	assert.equal(sourceFileName(read.drafts[0].source ?? ''), emojiName);
	const outcome = importDrafts(prepareArticle(emojiText), [], read.drafts, { now: new Date('2030-01-01T00:00:00Z'), randomBytes: () => new Uint8Array(16).fill(7) });
	assert.equal(outcome.added[0].status, 'anchored');
	assert.equal(outcome.added[0].claim.id, 'http://example.org/anno1');
	assert.equal(outcome.added[0].claim.body.verdict, 'Unchecked');
	assert.equal(outcome.added[0].claim.target.quote.suffix, ', officials said.');

	const wholeDoc = readW3CAnnotations(JSON.stringify({ ...foreign, target: 'http://example.org/doc' }));
	assert.equal(wholeDoc.drafts.length, 0);
	assert.match(wholeDoc.problems[0], /no selector/);
	assert.match(readW3CAnnotations('{nope').problems[0], /^not JSON/);
	assert.match(readW3CAnnotations('{"a": 1}').problems[0], /no Web Annotation/);
});

void test('W3C export of a claim whose text is gone keeps its stored target', () => {
	const changed = emojiText.replace('The line opens in 2026, officials said.', 'Completely different words now.');
	const article = prepareExportArticle({ fileName: emojiName, text: changed, claims: emojiClaims(), iri: 'https://example.org/x' });
	const lost = article.claims.find((c) => c.claim.target.quote.exact === 'The line opens in 2026');
	assert.equal(lost?.status, 'unanchored');
	const annotation = (w3cCollection([article]).first as Json).items as Json[];
	assert.ok(JSON.stringify(annotation).includes('The line opens in 2026'));
});
