/**
 * The claims sidecar, `<stem>.claims.json` beside `<stem>.txt`: naming, serialisation and tolerant parsing.
 *
 * Written for git: two-space indentation, a fixed key order, claims sorted by position then id, a final
 * newline; so `serialiseSidecar(parseSidecar(x).sidecar) === x` for every file this module wrote, and saving
 * unchanged claims rewrites the same bytes. `media/claims.schema.json` describes the format exactly; VS Code
 * validates the file against it while the user edits, and `parseSidecar` validates against the same file.
 *
 * Validator choice: @cfworker/json-schema interprets the schema at run time. Ajv would compile the schema to
 * JavaScript with `new Function`, which our rules forbid in the extension, and its standalone mode would add a
 * build step that must be re-run whenever the schema changes. Interpreting costs about 50 µs per claim (half a
 * second for 10,000 claims), so a file is first checked by `sidecarShape.ts` (plain property tests, tested to
 * agree with the schema), and only a file that fails that check goes through the interpreter, which words its
 * problems; the schema file stays the single source of truth. JSON syntax is read with jsonc-parser (VS Code's
 * own) when JSON.parse fails: it reports every syntax error with its offset and still builds a tree of what it
 * could read.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
// The ESM build on purpose: the package's default entry is a UMD file whose relative requires esbuild cannot
// follow (it bundles, then fails at run time with "Cannot find module './impl/format'").
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import claimsSchema from '../../../media/claims.schema.json';
import { baseNameOf } from './sidecarPath';
import { compareClaims, EXACT_ANCHORING, type Claim, type ClaimAnchoring, type ClaimConflictKind } from './claimModel';
import { findConflictMarker, splitConflictMarkers } from './conflictMarkers';
import { lineStartsOf, positionAt } from '../text/lineColumns';
import { parseSidecarJsonSteps } from './sidecarJson';
import { claimsNeedAnchoring, isSidecarClaim, isSidecarFrame } from './sidecarShape';
import { drainSteps, type Steps } from '../text/steps';

/**
 * The format version this module writes. Version 2 adds each claim's `anchoring` state and `conflict` record;
 * version 1 files are still read (their claims count as anchored exactly, without conflict) and the first
 * write upgrades them.
 */
export const SIDECAR_SCHEMA_VERSION = 2;

/** The versions this module reads. */
export const READABLE_SIDECAR_VERSIONS: readonly number[] = [1, 2];

/** The article the claims belong to, as it was at the last save. */
export interface SidecarArticle {
	/** File name without folders, e.g. `000_765aeddc370d2ae5.txt`. */
	readonly fileName: string;
	/** Lower-case hex SHA-256 of the article text's UTF-8 bytes, computed by the adapter (core has no crypto). */
	readonly sha256: string;
	/** The dateline's date as written (`SeedDocument.dateline?.value`), or null without a dateline. */
	readonly date: string | null;
}

/** The content of a sidecar file. */
export interface Sidecar {
	readonly article: SidecarArticle;
	/** Any order; serialisation sorts them. Ids are unique. */
	readonly claims: readonly Claim[];
	/**
	 * The exact texts of sentences whose check-worthiness hint the user dismissed; a hint stays hidden on every
	 * sentence of the article with that text. Optional: written only when there is one, so older files and
	 * files without dismissals keep their bytes.
	 */
	readonly dismissedHints?: readonly string[];
}

/** What is wrong with a sidecar file, and where. */
export interface SidecarProblem {
	readonly message: string;
	/** JSON path of the offending value, e.g. `$.claims[2].body.verdict`; `$` for the whole file. */
	readonly path: string;
	/** UTF-16 offset into the file's text, and the same place as 1-based line and column. */
	readonly offset: number;
	readonly line: number;
	readonly column: number;
}

/**
 * The result of reading a sidecar; never thrown.
 * - 'ok': `sidecar` holds everything, `problems` is empty;
 * - 'invalid': our format but broken (bad JSON, schema violations, repeated ids, a newer version): `claims`
 *   holds the claims that could still be read, for read-only display, and `article` when it was readable;
 * - 'foreign': valid JSON that is not a claims sidecar at all; nothing is read.
 */
export interface SidecarParseResult {
	readonly status: 'ok' | 'invalid' | 'foreign';
	readonly sidecar: Sidecar | null;
	readonly article: SidecarArticle | null;
	readonly claims: readonly Claim[];
	readonly problems: readonly SidecarProblem[];
	/**
	 * True when the file holds git merge conflict markers (status 'invalid', one problem saying so): `claims`
	 * are then the readable claims of its "ours" side, and the file is resolved by merging its sides.
	 */
	readonly mergeConflict?: boolean;
}

/** The JSON Schema of the sidecar (the content of media/claims.schema.json). */
export const CLAIMS_SCHEMA: Schema = claimsSchema as unknown as Schema;

const fileValidator = new Validator(CLAIMS_SCHEMA, '7', false);
const claimValidator = new Validator(subschema('claim'), '7', false);
const articleValidator = new Validator(subschema('article'), '7', false);

/**
 * Validates without throwing: the validator refuses `undefined`, which a tree read from broken JSON can hold.
 */
function check(validator: Validator, value: unknown): { valid: boolean; errors: OutputUnit[] } {
	try {
		return validator.validate(value);
	} catch {
		return { valid: false, errors: [{ instanceLocation: '#', keyword: 'type', keywordLocation: '#', error: 'Value is missing or unreadable.' }] };
	}
}

function subschema(name: string): Schema {
	return { $schema: CLAIMS_SCHEMA.$schema, definitions: CLAIMS_SCHEMA.definitions, $ref: `#/definitions/${name}` };
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes; injected by the adapter (Node's crypto, or a pure library). */
export type Sha256Hex = (text: string) => string;

/**
 * The sidecar's record of an article: its file name without folders (either separator), the hash of its text
 * as the editor holds it, and the dateline's date as written (`parseSeed(text).dateline?.value ?? null`).
 */
export function describeArticle(articlePathOrName: string, text: string, date: string | null, sha256: Sha256Hex): SidecarArticle {
	return { fileName: baseNameOf(articlePathOrName), sha256: sha256(text), date };
}

/** A fresh sidecar for an article (with the dismissed hints of the file it replaces, if any). */
export function createSidecar(article: SidecarArticle, claims: readonly Claim[], dismissedHints: readonly string[] = []): Sidecar {
	return dismissedHints.length > 0 ? { article, claims, dismissedHints } : { article, claims };
}

/**
 * Three-way merge of dismissed hints: a dismissal added on either side since `base` is kept, one removed on
 * either side is dropped.
 */
export function mergeDismissedHints(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
	const [inBase, inOurs, inTheirs] = [new Set(base), new Set(ours), new Set(theirs)];
	const kept = [...ours, ...theirs].filter((text) => (inOurs.has(text) && inTheirs.has(text)) || !inBase.has(text));
	return normaliseDismissedHints(kept);
}

/** Dismissed hint texts as the file stores them: unique, in code-unit order. */
export function normaliseDismissedHints(texts: readonly string[]): string[] {
	return [...new Set(texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function anchoringToJson(anchoring: ClaimAnchoring): object {
	return anchoring.state === 'changed'
		? { state: 'changed', found: { start: anchoring.found.start, end: anchoring.found.end }, foundText: anchoring.foundText }
		: { state: anchoring.state };
}

function claimToJson(claim: Claim, source: string): object {
	const json = claimVersionToJson(claim, source);
	return claim.conflict
		? { ...json, conflict: { kind: claim.conflict.kind, versions: claim.conflict.versions.map((v) => claimVersionToJson(v, source)) } }
		: json;
}

/** A claim's JSON without its conflict record, keys in the format's order (`anchoring` right after `target`). */
function claimVersionToJson(claim: Claim, source: string): object {
	const { body, target } = claim;
	return {
		id: claim.id,
		type: 'Annotation',
		motivation: 'assessing',
		creator: claim.creator,
		created: claim.created,
		modified: claim.modified,
		body: { verdict: body.verdict, claimant: body.claimant, note: body.note, tags: body.tags, sources: body.sources },
		target: {
			source,
			selector: [
				{ type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix },
				{ type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
			],
		},
		anchoring: anchoringToJson(claim.anchoring),
	};
}

/** Claims handled per step by {@link parseSidecarSteps} and {@link serialiseSidecarSteps}. */
const CLAIMS_PER_STEP = 500;

/**
 * The file content for a sidecar: deterministic bytes for the same content, whatever the order of
 * `sidecar.claims` or of the keys of the objects passed in.
 */
export function serialiseSidecar(sidecar: Sidecar): string {
	return drainSteps(serialiseSidecarSteps(sidecar));
}

/** Where the claims go in the file's frame: raw line breaks are structural (JSON strings escape theirs). */
const CLAIMS_SLOT = '\n  "claims": [\n    0\n  ]';

/**
 * {@link serialiseSidecar} in steps of a few hundred claims (see `steps.ts`). The same text as one
 * `JSON.stringify(file, null, 2)`: each claim is stringified alone and indented by the four spaces of its depth
 * in the file, then set into the frame stringified with a placeholder claim.
 */
export function* serialiseSidecarSteps(sidecar: Sidecar): Steps<string> {
	const { fileName, sha256, date } = sidecar.article;
	const dismissedHints = normaliseDismissedHints(sidecar.dismissedHints ?? []);
	const frame = (claims: unknown[]): object => ({
		schemaVersion: SIDECAR_SCHEMA_VERSION,
		article: { fileName, sha256, date },
		claims,
		...(dismissedHints.length > 0 ? { dismissedHints: dismissedHints.map((exact) => ({ exact })) } : {}),
	});
	if (sidecar.claims.length === 0) {
		return `${JSON.stringify(frame([]), null, 2)}\n`;
	}
	const sorted = [...sidecar.claims].sort(compareClaims);
	yield;
	const pieces: string[] = [];
	for (let i = 0; i < sorted.length; i += CLAIMS_PER_STEP) {
		pieces.push(sorted.slice(i, i + CLAIMS_PER_STEP).map((claim) => JSON.stringify(claimToJson(claim, fileName), null, 2).replace(/\n/g, '\n    ')).join(',\n    '));
		yield;
	}
	const framed = JSON.stringify(frame([0]), null, 2);
	const slot = framed.indexOf(CLAIMS_SLOT);
	return `${framed.slice(0, slot)}\n  "claims": [\n    ${pieces.join(',\n    ')}\n  ]${framed.slice(slot + CLAIMS_SLOT.length)}\n`;
}

/* The JSON below has passed the schema, so these shapes hold. */
interface ClaimJson {
	id: string;
	creator: string | null;
	created: string;
	modified: string;
	body: { verdict: string; claimant: string | null; note: string; tags: string[]; sources: string[] };
	target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
	/** Absent in version 1. */
	anchoring?: { state: 'exact' | 'unanchored' } | { state: 'changed'; found: { start: number; end: number }; foundText: string };
	conflict?: { kind: ClaimConflictKind; versions: ClaimJson[] };
}

function anchoringFromJson(json: ClaimJson['anchoring']): ClaimAnchoring {
	if (!json || json.state === 'exact') {
		return EXACT_ANCHORING;
	}
	return json.state === 'changed' ? { state: 'changed', found: { start: json.found.start, end: json.found.end }, foundText: json.foundText } : { state: 'unanchored' };
}

function claimFromJson(json: ClaimJson): Claim {
	const claim = claimVersionFromJson(json);
	return json.conflict ? { ...claim, conflict: { kind: json.conflict.kind, versions: json.conflict.versions.map(claimVersionFromJson) } } : claim;
}

function claimVersionFromJson(json: ClaimJson): Claim {
	const [quote, position] = json.target.selector;
	return {
		id: json.id,
		creator: json.creator,
		created: json.created,
		modified: json.modified,
		body: { verdict: json.body.verdict, claimant: json.body.claimant, note: json.body.note, tags: json.body.tags, sources: json.body.sources },
		target: { quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, position: { start: position.start, end: position.end } },
		anchoring: anchoringFromJson(json.anchoring),
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds problems located in the original text (which may start with a byte-order mark). */
class ProblemSink {
	readonly problems: SidecarProblem[] = [];
	private lineStarts: number[] | null = null;

	/** `tree` is built on demand: a valid file is read with the much faster JSON.parse and never needs it. */
	constructor(private readonly text: string, private readonly tree: () => Node | undefined, private readonly base: number) {}

	at(offset: number, path: string, message: string): void {
		const absolute = offset + this.base;
		const { line, character } = positionAt(this.lineStarts ??= lineStartsOf(this.text, 'lf'), absolute);
		this.problems.push({ message, path, offset: absolute, line: line + 1, column: character + 1 });
	}

	/** A problem at a JSON location; a missing value is reported at its nearest existing parent. */
	atLocation(location: readonly (string | number)[], message: string): void {
		const tree = this.tree();
		let node: Node | undefined;
		for (let n = location.length; n >= 0 && !node && tree; n--) {
			node = n === 0 ? tree : findNodeAtLocation(tree, location.slice(0, n) as (string | number)[]);
		}
		this.at(node?.offset ?? 0, jsonPath(location), message);
	}
}

/** `$.claims[2]["odd key"]` for `['claims', 2, 'odd key']`. */
function jsonPath(location: readonly (string | number)[]): string {
	return `$${location.map((k) => typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`).join('')}`;
}

/** `['claims', 2, 'body']` for the validator's `#/claims/2/body`. */
function locationOf(instanceLocation: string): (string | number)[] {
	return instanceLocation.split('/').slice(1).map((raw) => {
		const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
		return /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : key;
	});
}

/** Keywords that only say "something below failed"; the failure below is reported instead. */
const WRAPPER_KEYWORDS = new Set(['properties', 'items', '$ref', 'additionalProperties', 'additionalItems', 'allOf', 'if', 'then']);

function reportSchemaErrors(errors: readonly OutputUnit[], sink: ProblemSink, prefix: readonly (string | number)[] = []): void {
	for (const error of errors) {
		if (WRAPPER_KEYWORDS.has(error.keyword)) {
			continue;
		}
		const location = [...prefix, ...locationOf(error.instanceLocation)];
		const message = error.keyword === 'false'
			? 'This property or item is not part of the claims format.'
			: error.error.replace(/^Instance /, 'Value ');
		sink.atLocation(location, message);
	}
}

/** jsonc-parser's `ParseErrorCode.InvalidCharacter`; a `const enum` cannot be imported under isolatedModules. */
const INVALID_CHARACTER = 16 as ParseError['error'];

function describeSyntaxError(error: ParseError): string {
	const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
	return `JSON syntax error: ${words}.`;
}

/**
 * Reads a sidecar file's text. Never throws: a file that is not valid JSON, or breaks the schema, yields
 * 'invalid' with located problems and whatever claims are individually valid; valid JSON without our top-level
 * keys (`schemaVersion`, `claims`) yields 'foreign'. A leading byte-order mark is ignored.
 */
export function parseSidecar(text: string): SidecarParseResult {
	return drainSteps(parseSidecarSteps(text));
}

/**
 * {@link parseSidecar} in steps of a few hundred claims (see `steps.ts`), for a host that must not be held for
 * long: JSON syntax is read in pieces (`sidecarJson.ts`) and a file is checked against the schema by the fast
 * check of `sidecarShape.ts`; only a file that fails it is run through the schema interpreter, for its messages.
 */
export function* parseSidecarSteps(text: string): Steps<SidecarParseResult> {
	const markerLine = findConflictMarker(text);
	if (markerLine !== null) {
		return conflictedSidecar(text, markerLine);
	}
	const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const json = text.slice(base);
	const syntaxErrors: ParseError[] = [];
	let tree: Node | undefined;
	let treeBuilt = false;
	const buildTree = (): Node | undefined => {
		if (!treeBuilt) {
			tree = parseTree(json, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
			treeBuilt = true;
		}
		return tree;
	};
	const sink = new ProblemSink(text, buildTree, base);
	let value: unknown;
	let readable = true;
	try {
		value = yield* parseSidecarJsonSteps(json, CLAIMS_PER_STEP);
	} catch {
		// Only now pay for the tolerant parser: it locates every syntax error and keeps what it could read.
		const partial = buildTree();
		value = partial ? getNodeValue(partial) : undefined;
		readable = partial !== undefined;
		if (syntaxErrors.length === 0) {
			// The two parsers disagree (jsonc-parser is the more lenient); JSON.parse has the last word.
			syntaxErrors.push({ error: INVALID_CHARACTER, offset: 0, length: 0 });
		}
	}

	if (syntaxErrors.length === 0 && !(isRecord(value) && ('schemaVersion' in value || 'claims' in value))) {
		sink.at(0, '$', 'This JSON is not a News Seed claims file (it has neither "schemaVersion" nor "claims").');
		return { status: 'foreign', sidecar: null, article: null, claims: [], problems: sink.problems };
	}
	for (const error of syntaxErrors) {
		sink.at(error.offset, '$', describeSyntaxError(error));
	}
	if (!readable || !isRecord(value)) {
		if (syntaxErrors.length === 0 || !readable) {
			sink.at(0, '$', 'The file holds no JSON object.');
		}
		return { status: 'invalid', sidecar: null, article: null, claims: [], problems: sink.problems };
	}

	const version = value.schemaVersion;
	const newer = typeof version === 'number' && version > Math.max(...READABLE_SIDECAR_VERSIONS);
	if (newer) {
		sink.atLocation(['schemaVersion'], `Written by a newer version of the extension (schemaVersion ${version}); shown read-only.`);
	}
	let fileValid = false;
	if (syntaxErrors.length === 0) {
		fileValid = yield* passesFastCheck(value);
		if (!fileValid) {
			const result = check(fileValidator, value);
			fileValid = result.valid;
			reportSchemaErrors(newer ? result.errors.filter((e) => e.instanceLocation !== '#/schemaVersion') : result.errors, sink);
		}
	}

	const article = fileValid || check(articleValidator, value.article).valid ? value.article as unknown as SidecarArticle : null;
	const claims: Claim[] = [];
	const seen = new Map<string, number>();
	const rawClaims: unknown[] = Array.isArray(value.claims) ? value.claims : [];
	for (let i = 0; i < rawClaims.length; i++) {
		if (i % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) {
			yield;
		}
		// Claims of a valid file need no second look; otherwise each is checked alone to salvage the good ones.
		const checked = fileValid ? { valid: true, errors: [] } : check(claimValidator, rawClaims[i]);
		if (!checked.valid) {
			// The whole-file validation already reported these, unless JSON syntax errors prevented it.
			if (syntaxErrors.length > 0) {
				reportSchemaErrors(checked.errors, sink, ['claims', i]);
			}
			continue;
		}
		const claim = claimFromJson(rawClaims[i] as ClaimJson);
		const first = seen.get(claim.id);
		if (first !== undefined) {
			sink.atLocation(['claims', i, 'id'], `Repeats the id of claims[${first}]; this claim is ignored.`);
			continue;
		}
		if (claim.target.position.end < claim.target.position.start) {
			sink.atLocation(['claims', i, 'target', 'selector', 1], 'The position ends before it starts; the claim will be found by its quote.');
		}
		seen.set(claim.id, i);
		claims.push(claim);
	}

	if (sink.problems.length === 0 && article) {
		const hints = Array.isArray(value.dismissedHints) ? (value.dismissedHints as { exact: string }[]).map((h) => h.exact) : [];
		return { status: 'ok', sidecar: createSidecar(article, claims, hints), article, claims, problems: [] };
	}
	return { status: 'invalid', sidecar: null, article, claims, problems: sink.problems };
}

/** The fast schema check (`sidecarShape.ts`) of a whole file, a batch of claims per step. */
function* passesFastCheck(value: Record<string, unknown>): Steps<boolean> {
	if (!isSidecarFrame(value)) {
		return false;
	}
	const claims = value.claims as unknown[];
	const anchoringRequired = claimsNeedAnchoring(value);
	for (let i = 0; i < claims.length; i++) {
		if (i % CLAIMS_PER_STEP === CLAIMS_PER_STEP - 1) {
			yield;
		}
		if (!isSidecarClaim(claims[i], anchoringRequired)) {
			return false;
		}
	}
	return true;
}

/** A file with git conflict markers: one problem that says so, and the claims of its "ours" side, read-only. */
function conflictedSidecar(text: string, line: number): SidecarParseResult {
	const split = splitConflictMarkers(text);
	const ours = split.status === 'split' ? parseSidecar(split.ours) : null;
	const offset = /^<{7}/m.exec(text)?.index ?? 0;
	return {
		status: 'invalid',
		sidecar: null,
		article: ours?.article ?? null,
		claims: ours?.claims ?? [],
		problems: [{ message: MERGE_CONFLICT_MESSAGE, path: '$', offset, line, column: 1 }],
		mergeConflict: true,
	};
}

/** The problem reported for a sidecar with git merge conflict markers. */
export const MERGE_CONFLICT_MESSAGE = 'The file holds git merge conflict markers: resolve it with "News Seed: Resolve Claim Merge Conflict" or `news-seed resolve FILE`, which merge the claims of both sides.';

/** One line per problem, `line:column path: message`, for logs and the problems view. */
export function formatSidecarProblem(problem: SidecarProblem): string {
	return `${problem.line}:${problem.column} ${problem.path}: ${problem.message}`;
}
