/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in JSON-LD: export of claims as an
 * `AnnotationCollection` with one embedded `AnnotationPage`, and import of annotations written by this or
 * another tool.
 *
 * Mapping of one claim to one `Annotation` (`motivation: "assessing"`):
 *  - `id` the claim id (an IRI, `urn:uuid:`), `created`/`modified` (UTC, `Z`), `creator` a `Person` agent;
 *  - bodies, each an embedded `TextualBody` with a `purpose`: the verdict (`assessing`, `text/plain`), the note
 *    when not empty (`commenting`, `text/markdown`, the note being Markdown), the claimant (`identifying`: who
 *    is identified as making the claim), one per tag (`tagging`); each source is a `SpecificResource` body
 *    (`linking`) whose `source` is the link;
 *  - `target` a `SpecificResource` on the article IRI with a `TextQuoteSelector` and a `TextPositionSelector`
 *    (code points, `[start, end)`), and the claim's anchoring state as the extension property `anchoring` (as
 *    in the sidecar, media/claims.schema.json): 'exact' claims as stored; 'changed' claims with both selectors
 *    on the text found now (its position and words), the words originally tagged in `anchoring.taggedText`;
 *    'unanchored' claims with the quote only, never a position, since the stored one now designates other text.
 * Every annotation repeats the `@context`, so that each one stands alone when copied out of the collection.
 */
import type { ClaimDraft } from './importClaims';
import { QUOTE_CONTEXT_LENGTH, stepBackCodePoints, stepForwardCodePoints } from '..';
import { canonicalVerdict, scaleOf, type ExportArticle, type ExportClaim, type ExportOptions } from './exportModel';

const contextStart = (text: string, at: number) => stepBackCodePoints(text, at, QUOTE_CONTEXT_LENGTH);
const contextEnd = (text: string, at: number) => stepForwardCodePoints(text, at, QUOTE_CONTEXT_LENGTH);

/** The Web Annotation JSON-LD context; every document and annotation written here names it. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The context of our extension property `anchoring` (the W3C model's way to extend it, §6: a second context
 * after anno.jsonld). Every annotation names both.
 */
export const ANCHORING_CONTEXT = {
	newsSeed: 'urn:news-seed:vocab#',
	anchoring: 'newsSeed:anchoring',
	state: 'newsSeed:anchoringState',
	found: 'newsSeed:foundPosition',
	foundText: 'newsSeed:foundText',
	taggedText: 'newsSeed:taggedText',
} as const;

/** Our generator agent, named in the collection. */
export const GENERATOR = { id: 'urn:news-seed:news-seed-annotator', type: 'Software', name: 'News Seed Annotator' } as const;

/** The claim as a Web Annotation object (with its own `@context`). */
export function claimToAnnotation(article: ExportArticle, exported: ExportClaim, options: ExportOptions = {}): Record<string, unknown> {
	const { claim } = exported;
	const { body, target } = claim;
	const bodies: Record<string, unknown>[] = [
		{ type: 'TextualBody', purpose: 'assessing', value: canonicalVerdict(scaleOf(options), body.verdict), format: 'text/plain' },
	];
	if (body.note !== '') {
		bodies.push({ type: 'TextualBody', purpose: 'commenting', value: body.note, format: 'text/markdown' });
	}
	if (body.claimant !== null) {
		bodies.push({ type: 'TextualBody', purpose: 'identifying', value: body.claimant, format: 'text/plain' });
	}
	for (const tag of body.tags) {
		bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' });
	}
	for (const source of body.sources) {
		bodies.push(isAbsoluteIri(source)
			? { type: 'SpecificResource', purpose: 'linking', source }
			: { type: 'TextualBody', purpose: 'linking', value: source, format: 'text/plain' });
	}
	const annotation: Record<string, unknown> = {
		'@context': [W3C_CONTEXT, ANCHORING_CONTEXT],
		id: claim.id,
		type: 'Annotation',
		motivation: 'assessing',
		created: claim.created,
		modified: claim.modified,
	};
	if (claim.creator !== null) {
		annotation.creator = { type: 'Person', name: claim.creator };
	}
	annotation.body = bodies;
	const anchoring = claim.anchoring;
	let selector: Record<string, unknown>[];
	if (anchoring.state === 'unanchored') {
		selector = [{ type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix }];
	} else if (anchoring.state === 'changed' && exported.span) {
		const { span } = exported;
		const text = article.text;
		selector = [
			{ type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(contextStart(text, span.start), span.start), suffix: text.slice(span.end, contextEnd(text, span.end)) },
			{ type: 'TextPositionSelector', start: anchoring.found.start, end: anchoring.found.end },
		];
	} else {
		selector = [
			{ type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix },
			{ type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
		];
	}
	annotation.target = { type: 'SpecificResource', source: article.iri, selector };
	annotation.anchoring = anchoring.state === 'changed'
		? { state: 'changed', found: { start: anchoring.found.start, end: anchoring.found.end }, foundText: anchoring.foundText, taggedText: target.quote.exact }
		: { state: anchoring.state };
	return annotation;
}

/** True for an absolute IRI (`scheme:rest`), the only kind of `id` or `source` the model allows. */
export function isAbsoluteIri(value: string): boolean {
	return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value);
}

/** A stable collection IRI when none is given: derived from the article IRIs (FNV-1a, no crypto in the core). */
function defaultCollectionId(articles: readonly ExportArticle[]): string {
	let hash = 0x811c9dc5;
	for (const article of articles) {
		for (let i = 0; i < article.iri.length; i++) {
			hash = Math.imul(hash ^ article.iri.charCodeAt(i), 0x01000193) >>> 0;
		}
		hash = Math.imul(hash ^ 0x0a, 0x01000193) >>> 0;
	}
	return `urn:news-seed:collection:${hash.toString(16).padStart(8, '0')}-${articles.length}`;
}

/** The collection's fields around its items (`first` only when there are annotations, as the model asks). */
function collectionShell(articles: readonly ExportArticle[], total: number, items: readonly unknown[], options: ExportOptions): Record<string, unknown> {
	const id = options.collectionId ?? defaultCollectionId(articles);
	const label = articles.length === 1 ? `Claims of ${articles[0].title}` : `Claims of ${articles.length} news articles`;
	const collection: Record<string, unknown> = {
		'@context': W3C_CONTEXT,
		id,
		type: 'AnnotationCollection',
		label,
		total,
		generator: GENERATOR,
	};
	if (options.generated !== undefined) {
		collection.generated = options.generated;
	}
	if (total > 0) {
		// One page: it is the first and the last, referenced by IRI as `last` (the model's SHOULD).
		collection.last = `${id}#page-1`;
		collection.first = { id: `${id}#page-1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items };
	}
	return collection;
}

/**
 * The claims of the articles as one `AnnotationCollection` whose `first` is an embedded `AnnotationPage` with
 * every annotation (`total` counts them). An empty collection has no page: the model asks for `first` only
 * when there are annotations.
 */
export function w3cCollection(articles: readonly ExportArticle[], options: ExportOptions = {}): Record<string, unknown> {
	const items = articles.flatMap((article) => article.claims.map((claim) => claimToAnnotation(article, claim, options)));
	return collectionShell(articles, items.length, items, options);
}

/** Indentation of an item of `first.items` in the collection written with two-space indentation. */
const ITEM_INDENT = '\n      ';
/** Stands for the items while the collection's wrapper is serialised; never a value of ours (see below). */
const ITEMS_PLACEHOLDER = 'news-seed:items';

/**
 * The JSON-LD file of {@link serialiseW3C} in pieces: the collection's head, then the annotations of one
 * article per piece, then its tail. Joined, the pieces are exactly `serialiseW3C`'s text; a writer that sends
 * them one at a time never holds the whole file (about 1 KB per claim) in memory.
 *
 * How the bytes stay identical: `JSON.stringify(value, null, 2)` writes a nested value as it writes it alone,
 * with every line after the first indented by its depth; JSON strings hold no raw line break, so indenting
 * each annotation's own text by the depth of `first.items` (six spaces) reproduces it. The wrapper is the
 * collection serialised with one placeholder item, cut at the placeholder's last occurrence: `items` is the
 * last member of `first`, the last member of the collection, so nothing a user wrote (label, id) comes after it.
 */
export function* w3cChunks(articles: readonly ExportArticle[], options: ExportOptions = {}): Generator<string, void, undefined> {
	const total = articles.reduce((n, a) => n + a.claims.length, 0);
	const shell = JSON.stringify(collectionShell(articles, total, [ITEMS_PLACEHOLDER], options), null, 2);
	if (total === 0) {
		yield `${shell}\n`;
		return;
	}
	const at = shell.lastIndexOf(JSON.stringify(ITEMS_PLACEHOLDER));
	yield shell.slice(0, at);
	let first = true;
	for (const article of articles) {
		if (article.claims.length === 0) {
			continue;
		}
		let piece = '';
		for (const claim of article.claims) {
			piece += `${first ? '' : `,${ITEM_INDENT}`}${JSON.stringify(claimToAnnotation(article, claim, options), null, 2).replace(/\n/g, ITEM_INDENT)}`;
			first = false;
		}
		yield piece;
	}
	yield `${shell.slice(at + JSON.stringify(ITEMS_PLACEHOLDER).length)}\n`;
}

/** The collection as a JSON-LD file: two-space indentation, final newline. */
export function serialiseW3C(articles: readonly ExportArticle[], options: ExportOptions = {}): string {
	return [...w3cChunks(articles, options)].join('');
}

/* ---------------------------------------------------------------- import */

/** An annotation read back, with the article it targets (its `source` IRI). */
export interface W3CDraft extends ClaimDraft {
	/** The target's `source` IRI, or null when the target names none. */
	readonly source: string | null;
}

/** What a W3C file yielded: claim drafts and one message per annotation or value that could not be used. */
export interface W3CReadResult {
	readonly drafts: readonly W3CDraft[];
	readonly problems: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
	return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function types(value: Record<string, unknown>): string[] {
	return [...list(value.type), ...list(value['@type'])].filter((t): t is string => typeof t === 'string');
}

function stringOf(value: unknown): string | undefined {
	if (typeof value === 'string') {
		return value;
	}
	// A JSON-LD value object, or a language-tagged one.
	if (isRecord(value) && typeof value['@value'] === 'string') {
		return value['@value'];
	}
	return undefined;
}

function agentName(value: unknown): string | undefined {
	for (const agent of list(value)) {
		if (typeof agent === 'string') {
			return agent;
		}
		if (isRecord(agent)) {
			const name = stringOf(agent.name) ?? stringOf(agent.nickname) ?? stringOf(agent.id);
			if (name !== undefined) {
				return name;
			}
		}
	}
	return undefined;
}

/** Collects annotations wherever the model allows them: alone, in an array, a page's items, a collection's first page, `@graph`. */
function collectAnnotations(value: unknown, out: Record<string, unknown>[], depth = 0): void {
	if (depth > 8) {
		return;
	}
	if (Array.isArray(value)) {
		for (const item of value) {
			collectAnnotations(item, out, depth + 1);
		}
		return;
	}
	if (!isRecord(value)) {
		return;
	}
	const kinds = types(value);
	if (kinds.includes('Annotation') || kinds.includes('oa:Annotation')) {
		out.push(value);
		return;
	}
	for (const key of ['@graph', 'items', 'first', 'next']) {
		if (key in value && typeof value[key] !== 'string') {
			collectAnnotations(value[key], out, depth + 1);
		}
	}
}

function readSelectors(target: Record<string, unknown>): { exact?: string; prefix?: string; suffix?: string; start?: number; end?: number } {
	const found: { exact?: string; prefix?: string; suffix?: string; start?: number; end?: number } = {};
	for (const selector of list(target.selector)) {
		if (!isRecord(selector)) {
			continue;
		}
		const kinds = types(selector);
		if (kinds.includes('TextQuoteSelector') && found.exact === undefined) {
			found.exact = stringOf(selector.exact);
			found.prefix = stringOf(selector.prefix);
			found.suffix = stringOf(selector.suffix);
		} else if (kinds.includes('TextPositionSelector') && found.start === undefined) {
			const start = selector.start;
			const end = selector.end;
			if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) >= (start as number)) {
				found.start = start as number;
				found.end = end as number;
			}
		}
	}
	return found;
}

function purposesOf(body: Record<string, unknown>): string[] {
	return list(body.purpose).filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^oa:/, ''));
}

/** Reads one annotation; returns a problem message instead when it has nothing to anchor. */
function readAnnotation(annotation: Record<string, unknown>, index: number): W3CDraft | string {
	const id = typeof annotation.id === 'string' ? annotation.id : typeof annotation['@id'] === 'string' ? annotation['@id'] : undefined;
	const label = id ?? `annotation ${index + 1}`;
	let target: Record<string, unknown> | undefined;
	let source: string | null = null;
	for (const candidate of list(annotation.target)) {
		if (isRecord(candidate) && candidate.selector !== undefined) {
			target = candidate;
			const s = candidate.source;
			source = typeof s === 'string' ? s : isRecord(s) && typeof s.id === 'string' ? s.id : null;
			break;
		}
		if (typeof candidate === 'string' && source === null) {
			source = candidate;
		}
	}
	if (!target) {
		return `${label}: its target selects no text (no selector); skipped.`;
	}
	const selected = readSelectors(target);
	if (selected.exact === undefined && selected.start === undefined) {
		return `${label}: its target has neither a TextQuoteSelector nor a TextPositionSelector; skipped.`;
	}
	let verdict: string | undefined;
	let claimant: string | null | undefined;
	const notes: string[] = [];
	const tags: string[] = [];
	const sources: string[] = [];
	const bodyValue = stringOf(annotation.bodyValue);
	if (bodyValue !== undefined) {
		notes.push(bodyValue);
	}
	for (const body of list(annotation.body)) {
		if (typeof body === 'string') {
			// A body given as a bare IRI is an external resource: a source.
			sources.push(body);
			continue;
		}
		if (!isRecord(body)) {
			continue;
		}
		const purposes = purposesOf(body);
		const value = stringOf(body.value) ?? stringOf(body['rdf:value']) ?? stringOf(body.chars);
		const link = typeof body.source === 'string' ? body.source : typeof body.id === 'string' && value === undefined ? body.id : undefined;
		if (purposes.includes('assessing') && value !== undefined && verdict === undefined) {
			verdict = value;
		} else if (purposes.includes('identifying') && value !== undefined && claimant === undefined) {
			claimant = value;
		} else if (purposes.includes('tagging') && value !== undefined) {
			tags.push(value);
		} else if (purposes.includes('linking')) {
			const s = link ?? value;
			if (s !== undefined) {
				sources.push(s);
			}
		} else if (value !== undefined) {
			// commenting, describing, replying, no purpose at all: the text is a note.
			notes.push(value);
		} else if (link !== undefined) {
			sources.push(link);
		}
	}
	const draft: W3CDraft = {
		label,
		source,
		id,
		// No creator in the file: nobody is recorded (the importing user did not write the annotation).
		creator: agentName(annotation.creator) ?? null,
		created: stringOf(annotation.created),
		modified: stringOf(annotation.modified),
		verdict,
		claimant,
		note: notes.join('\n\n'),
		tags,
		sources,
		exact: selected.exact,
		prefix: selected.prefix,
		suffix: selected.suffix,
		position: selected.start !== undefined && selected.end !== undefined ? { start: selected.start, end: selected.end } : undefined,
	};
	return draft;
}

/**
 * Reads Web Annotations from a JSON-LD text: a single `Annotation`, an array of them, an `AnnotationPage`, an
 * `AnnotationCollection` with embedded pages, or a `@graph`. Annotations without a text selector are skipped
 * with a problem. Never throws; a text that is not JSON yields one problem and no drafts.
 */
export function readW3CAnnotations(text: string): W3CReadResult {
	let json: unknown;
	try {
		json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		return { drafts: [], problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
	}
	const annotations: Record<string, unknown>[] = [];
	collectAnnotations(json, annotations);
	if (annotations.length === 0) {
		return { drafts: [], problems: ['no Web Annotation found (nothing with "type": "Annotation")'] };
	}
	const drafts: W3CDraft[] = [];
	const problems: string[] = [];
	annotations.forEach((annotation, i) => {
		const read = readAnnotation(annotation, i);
		if (typeof read === 'string') {
			problems.push(read);
		} else {
			drafts.push(read);
		}
	});
	return { drafts, problems };
}

/** The last path segment of an IRI, percent-decoded: the file name an annotation's `source` names. */
export function sourceFileName(iri: string): string {
	const path = iri.replace(/[?#].*$/, '');
	const last = path.slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1).replace(/\/+$/, '');
	const tail = last.includes(':') && !path.includes('/') ? last.slice(last.lastIndexOf(':') + 1) : last;
	try {
		return decodeURIComponent(tail);
	} catch {
		return tail;
	}
}
