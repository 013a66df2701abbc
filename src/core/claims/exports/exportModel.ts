/**
 * What every export format reads: an article (file name, text, parse, title, date, an IRI for it) and its
 * claims anchored in the current text, each with its section. Built once per article by `prepareExportArticle`
 * and shared by the format modules, which stay simple string builders.
 */
import { articleTitle } from '../../seed/articleTitle';
import {
	anchorClaims, type ClaimAnchor, type ClaimAnchoring, codePointToUtf16, compareClaims, DEFAULT_VERDICTS, EXACT_ANCHORING, parseSidecar, prepareArticle, QUOTE_CONTEXT_LENGTH, retargetClaims, SIDECAR_SCHEMA_VERSION, stepBackCodePoints, stepForwardCodePoints, utf16ToCodePoint,
	type AnchorStatus, type ArticleText, type Claim, type CodePointRange, type SidecarParseResult, type Verdict,
} from '..';
import type { SeedDocument, Span } from '../../seed/seedDocument';
import { parseSeed } from '../../seed/seedParser';

/** One claim as exported. */
export interface ExportClaim {
	/**
	 * The claim, its target refreshed from the current text when the quote was found exactly; fuzzy and
	 * unanchored claims keep their stored target (as the editor does until the user confirms them).
	 */
	readonly claim: Claim;
	readonly status: AnchorStatus;
	/** The UTF-16 span of the claim in the current text (the similar text when fuzzy); null when unanchored. */
	readonly span: Span | null;
	/** `span` in code points (what brat and the W3C model count); the stored position when unanchored. */
	readonly position: CodePointRange;
	/** Heading of the section that holds the claim, `Lead` for the first paragraph, `Introduction` before the first heading. */
	readonly section: string;
}

/** An article with its claims, ready for every format. */
export interface ExportArticle {
	/** File name without folders, e.g. `000_765aeddc370d2ae5.txt`. */
	readonly fileName: string;
	/** The article text as the editor holds it (no byte-order mark; line endings as in the file). */
	readonly text: string;
	readonly doc: SeedDocument;
	/** `articleTitle(doc)`: the first sentence of the lead, shortened (seed articles have no title line). */
	readonly title: string;
	/** The dateline's date as written, or null. */
	readonly date: string | null;
	/** An IRI naming the article: the target `source` of W3C annotations, ClaimReview's `appearance.url`. */
	readonly iri: string;
	/** In the sidecar's order (position, then id). */
	readonly claims: readonly ExportClaim[];
}

/** What a caller gives to build an `ExportArticle`. */
export interface ExportArticleInput {
	readonly fileName: string;
	readonly text: string;
	readonly claims: readonly Claim[];
	/** Defaults to `articleIri(fileName)`. The command line passes the file's `file:` URL, the editor its URI. */
	readonly iri?: string;
	/**
	 * True when the caller found the text's SHA-256 equal to the sidecar's `article.sha256`: the text is the one
	 * the claims were saved against, so each stored position is checked where it points instead of the claims
	 * being re-anchored (see {@link prepareExportArticle}). The core has no hash function; the adapter hashes.
	 */
	readonly unchanged?: boolean;
}

/** Options shared by the formats. */
export interface ExportOptions {
	/** The verdict scale (ratings for ClaimReview, order of the summaries). Default: the default scale. */
	readonly verdicts?: readonly Verdict[];
	/** IRI of the W3C AnnotationCollection; defaults to one derived from the article IRIs (stable across runs). */
	readonly collectionId?: string;
	/** ISO time of the export, written as W3C `generated` and in the Markdown header; omitted when not given. */
	readonly generated?: string;
	/** ClaimReview: also export claims still `Unchecked` (not reviewed yet). Default false. */
	readonly includeUnchecked?: boolean;
	/** CSV: write cells as stored, without the `'` that keeps spreadsheets from running them as formulas. Default false. */
	readonly csvRaw?: boolean;
	/**
	 * Markdown report: the link from the report to an article (a relative URL, see `relativeHref`). Default: the
	 * article's file name, right for a report written beside its articles.
	 */
	readonly articleHref?: (article: ExportArticle) => string;
}

/**
 * A relative URL from the folder `fromDir` to the file `toFile` (both absolute POSIX paths, as in `file:` URIs),
 * each segment percent-encoded: `relativeHref('/w/reports', '/w/news/001 a.txt')` is `../news/001%20a.txt`.
 */
export function relativeHref(fromDir: string, toFile: string): string {
	const from = fromDir.split('/').filter(Boolean);
	const to = toFile.split('/').filter(Boolean);
	let common = 0;
	while (common < from.length && common < to.length - 1 && from[common] === to[common]) {
		common++;
	}
	return [...from.slice(common).map(() => '..'), ...to.slice(common).map((segment) => encodeURIComponent(segment))].join('/');
}

/**
 * A stable IRI for an article known only by its file name: `urn:news-seed:article:` and the percent-encoded
 * name. Adapters that know where the file is pass a `file:` or workspace URI instead.
 */
export function articleIri(fileName: string): string {
	return `urn:news-seed:article:${encodeURIComponent(fileName)}`;
}

/** The section heading that holds `offset`. */
function sectionAt(doc: SeedDocument, offset: number): string {
	const first = doc.sections[0];
	if (!first || offset < first.start) {
		return !doc.lead || offset < doc.lead.end ? 'Lead' : 'Introduction';
	}
	let low = 0;
	let high = doc.sections.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >>> 1;
		if (doc.sections[mid].start <= offset) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}
	const heading = doc.sections[low].heading;
	return doc.text.slice(heading.start, heading.end).trim();
}

/**
 * The anchors of claims saved against this very text: each claim's stored position, when its quote and
 * context are there exactly (then `anchorClaims` would find it at once and `retargetClaims` would give the
 * stored target back). Null as soon as one claim is not where it says (a sidecar edited by hand, or written by
 * a tool with other context lengths): the caller then re-anchors them all.
 */
function storedAnchors(prepared: ArticleText, claims: readonly Claim[]): ClaimAnchor[] | null {
	const { text, index } = prepared;
	const anchors: ClaimAnchor[] = [];
	for (const { target } of claims) {
		const { exact, prefix, suffix } = target.quote;
		const start = codePointToUtf16(index, target.position.start);
		const end = codePointToUtf16(index, target.position.end);
		if (exact === '' || end - start !== exact.length || !text.startsWith(exact, start)
			|| !text.endsWith(prefix, start) || !text.startsWith(suffix, end) || !sameContext(text, start, end, prefix, suffix)) {
			return null;
		}
		anchors.push({ status: 'anchored', span: { start, end }, score: 1 });
	}
	return anchors;
}

/** Whether stored context of these lengths is what `targetFromSpan` would cut (so the export keeps its bytes). */
function sameContext(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
	return start - prefix.length === stepBackCodePoints(text, start, QUOTE_CONTEXT_LENGTH) && end + suffix.length === stepForwardCodePoints(text, end, QUOTE_CONTEXT_LENGTH);
}

/**
 * Anchors the claims in the article text and gathers what the formats need. Never throws; claims are sorted as
 * the sidecar stores them.
 */
export function prepareExportArticle(input: ExportArticleInput, prepared: ArticleText = prepareArticle(input.text)): ExportArticle {
	const doc = parseSeed(input.text);
	const sorted = [...input.claims].sort(compareClaims);
	const stored = input.unchanged === true ? storedAnchors(prepared, sorted) : null;
	const anchors = stored ?? anchorClaims(prepared, sorted.map((c) => c.target));
	const refreshed = stored ? sorted : retargetClaims(sorted, anchors, prepared);
	const claims = refreshed.map((claim, i): ExportClaim => {
		const anchor = anchors[i];
		const span = anchor.span;
		const position = span
			? { start: utf16ToCodePoint(prepared.index, span.start), end: utf16ToCodePoint(prepared.index, span.end) }
			: claim.target.position;
		const sectionOffset = span ? span.start : codePointToUtf16(prepared.index, claim.target.position.start);
		return { claim, status: anchor.status, span, position, section: sectionAt(doc, sectionOffset) };
	});
	return {
		fileName: input.fileName,
		text: input.text,
		doc,
		title: articleTitle(doc),
		date: doc.dateline?.value ?? null,
		iri: input.iri ?? articleIri(input.fileName),
		claims,
	};
}

/** The verdict scale of the options, or the default one. */
export function scaleOf(options: ExportOptions): readonly Verdict[] {
	return options.verdicts ?? DEFAULT_VERDICTS;
}

/** The file name without its `.txt` (any case): the stem that names every file exported for the article. */
export function articleStem(fileName: string): string {
	return fileName.replace(/\.txt$/i, '');
}

/**
 * Verdict labels in report order: the scale's order first, then labels found in the claims that the scale does
 * not know (a sidecar judged with another scale), in order of first appearance.
 */
export function verdictOrder(scale: readonly Verdict[], labels: Iterable<string>): string[] {
	const order = scale.map((v) => v.label);
	const known = new Set(order.map((l) => l.toLowerCase()));
	for (const label of labels) {
		if (!known.has(label.toLowerCase())) {
			known.add(label.toLowerCase());
			order.push(label);
		}
	}
	return order;
}

/** The scale's label spelled as the scale spells it, or the label itself when the scale does not know it. */
export function canonicalVerdict(scale: readonly Verdict[], label: string): string {
	const wanted = label.toLowerCase();
	return scale.find((v) => v.label.toLowerCase() === wanted)?.label ?? label;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isCount(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= 0;
}

/** The anchoring of a claim's JSON (exact when absent, as in version 1), or null when not a plain one. */
function plainAnchoring(raw: unknown): ClaimAnchoring | null {
	if (raw === undefined) {
		return EXACT_ANCHORING;
	}
	if (!isObject(raw)) {
		return null;
	}
	if (raw.state === 'exact' || raw.state === 'unanchored') {
		return Object.keys(raw).length === 1 ? (raw.state === 'exact' ? EXACT_ANCHORING : { state: 'unanchored' }) : null;
	}
	const found = raw.found;
	if (raw.state !== 'changed' || !isObject(found) || !isCount(found.start) || !isCount(found.end) || typeof raw.foundText !== 'string') {
		return null;
	}
	return { state: 'changed', found: { start: found.start, end: found.end }, foundText: raw.foundText };
}

/**
 * The claim of a sidecar's JSON when it has exactly the shape the export reads, else null. A claim with a
 * conflict record is left to the full reader (rare, and its versions need the whole schema).
 */
function plainClaim(raw: unknown): Claim | null {
	if (!isObject(raw) || !isObject(raw.body) || 'conflict' in raw || !isObject(raw.target) || !Array.isArray(raw.target.selector) || raw.target.selector.length !== 2) {
		return null;
	}
	const { id, creator, created, modified, body } = raw;
	const [quote, position] = raw.target.selector as unknown[];
	if (typeof id !== 'string' || !/^\S+$/.test(id) || (creator !== null && typeof creator !== 'string') || typeof created !== 'string' || typeof modified !== 'string'
		|| typeof body.verdict !== 'string' || (body.claimant !== null && typeof body.claimant !== 'string') || typeof body.note !== 'string'
		|| !isStringList(body.tags) || !isStringList(body.sources)
		|| !isObject(quote) || quote.type !== 'TextQuoteSelector' || typeof quote.exact !== 'string' || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string'
		|| !isObject(position) || position.type !== 'TextPositionSelector' || !isCount(position.start) || !isCount(position.end) || position.end < position.start) {
		return null;
	}
	const anchoring = plainAnchoring(raw.anchoring);
	if (!anchoring) {
		return null;
	}
	return {
		id, creator, created, modified,
		body: { verdict: body.verdict, claimant: body.claimant, note: body.note, tags: body.tags, sources: body.sources },
		target: { quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, position: { start: position.start, end: position.end } },
		anchoring,
	};
}

/**
 * Reads a sidecar for export. A well-formed file takes a fast path (JSON.parse and a check of every field the
 * export reads); anything unusual (a syntax error, a wrong type, a repeated id, another version) goes through
 * `parseSidecar`, the full schema validation with located problems. Why: the schema validation costs ~1 ms per
 * sidecar, the bulk of exporting 5,000 articles, while `news-seed validate` is where files are checked in full.
 */
export function readSidecarForExport(text: string): SidecarParseResult {
	let json: unknown;
	try {
		json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return parseSidecar(text);
	}
	// Version 1 claims carry no anchoring; version 2 claims must (the schema's rule), else the full reader reports it.
	if (isObject(json) && (json.schemaVersion === SIDECAR_SCHEMA_VERSION || json.schemaVersion === 1) && isObject(json.article) && Array.isArray(json.claims)) {
		const version = json.schemaVersion;
		const { fileName, sha256, date } = json.article;
		if (typeof fileName === 'string' && typeof sha256 === 'string' && (date === null || typeof date === 'string')) {
			const claims: Claim[] = [];
			const ids = new Set<string>();
			for (const raw of json.claims) {
				const claim = plainClaim(raw);
				if (!claim || ids.has(claim.id) || (version === SIDECAR_SCHEMA_VERSION) !== (isObject(raw) && 'anchoring' in raw)) {
					return parseSidecar(text);
				}
				ids.add(claim.id);
				claims.push(claim);
			}
			const article = { fileName, sha256, date };
			return { status: 'ok', sidecar: { article, claims }, article, claims, problems: [] };
		}
	}
	return parseSidecar(text);
}
