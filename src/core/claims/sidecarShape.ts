/**
 * A fast yes/no check of a parsed sidecar against media/claims.schema.json, for large files.
 *
 * Why: the schema interpreter (@cfworker/json-schema) takes about 50 µs per claim, half a second for an article
 * with 10,000 claims, all of it on the extension host. This module answers the same question with plain property
 * tests (under 1 µs per claim) and can be run a batch of claims at a time. It only says valid or not: when it says
 * not, the caller runs the schema interpreter, which remains the judge and words every problem. The schema stays
 * the single source of truth for messages and for VS Code's own validation of the file; test/unit/sidecarShape.test.ts
 * checks on thousands of altered files that both always agree, so a change to the schema that this module misses
 * fails there.
 *
 * Each check below names the schema definition it mirrors.
 */
import { format } from '@cfworker/json-schema';

type Json = Record<string, unknown>;

const isDateTime = format['date-time'];
const FILE_NAME = /^[^/\\]+$/u;
const SHA256 = /^[0-9a-f]{64}$/u;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/u;
const ID = /^\S+$/u;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these own keys among `allowed` (`additionalProperties: false`), all of `required` present. */
function hasKeys(value: Json, allowed: ReadonlySet<string>, required: readonly string[]): boolean {
	for (const key in value) {
		if (!allowed.has(key)) {
			return false;
		}
	}
	return required.every((key) => Object.prototype.hasOwnProperty.call(value, key));
}

function isNonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0;
}

function isCount(value: unknown): boolean {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** `body.tags` and `body.sources`: unique non-empty strings. */
function isStringSet(value: unknown): boolean {
	return Array.isArray(value) && value.every(isNonEmptyString) && new Set(value).size === value.length;
}

const ARTICLE_KEYS = new Set(['fileName', 'sha256', 'date']);

/** `definitions.article`. */
export function isSidecarArticle(value: unknown): boolean {
	return isObject(value) && hasKeys(value, ARTICLE_KEYS, [...ARTICLE_KEYS])
		&& isNonEmptyString(value.fileName) && FILE_NAME.test(value.fileName)
		&& typeof value.sha256 === 'string' && SHA256.test(value.sha256)
		&& (value.date === null || (typeof value.date === 'string' && DATE.test(value.date)));
}

const BODY_KEYS = new Set(['verdict', 'claimant', 'note', 'tags', 'sources']);

/** `definitions.body`. */
function isBody(value: unknown): boolean {
	return isObject(value) && hasKeys(value, BODY_KEYS, [...BODY_KEYS])
		&& isNonEmptyString(value.verdict)
		&& (value.claimant === null || isNonEmptyString(value.claimant))
		&& typeof value.note === 'string'
		&& isStringSet(value.tags) && isStringSet(value.sources);
}

const TARGET_KEYS = new Set(['source', 'selector']);
const QUOTE_KEYS = new Set(['type', 'exact', 'prefix', 'suffix']);
const POSITION_KEYS = new Set(['type', 'start', 'end']);

/** `definitions.target` with its `textQuoteSelector` and `textPositionSelector`. */
function isTarget(value: unknown): boolean {
	if (!isObject(value) || !hasKeys(value, TARGET_KEYS, [...TARGET_KEYS]) || !isNonEmptyString(value.source)) {
		return false;
	}
	const selector = value.selector;
	if (!Array.isArray(selector) || selector.length !== 2) {
		return false;
	}
	const [quote, position] = selector as unknown[];
	return isObject(quote) && hasKeys(quote, QUOTE_KEYS, [...QUOTE_KEYS]) && quote.type === 'TextQuoteSelector'
		&& isNonEmptyString(quote.exact) && typeof quote.prefix === 'string' && typeof quote.suffix === 'string'
		&& isObject(position) && hasKeys(position, POSITION_KEYS, [...POSITION_KEYS]) && position.type === 'TextPositionSelector'
		&& isCount(position.start) && isCount(position.end);
}

const STATE_KEYS = new Set(['state']);
const CHANGED_KEYS = new Set(['state', 'found', 'foundText']);
const FOUND_KEYS = new Set(['start', 'end']);

/** `definitions.anchoring`: one of its two forms (they exclude each other by `state`). */
function isAnchoring(value: unknown): boolean {
	if (!isObject(value)) {
		return false;
	}
	if (value.state === 'exact' || value.state === 'unanchored') {
		return hasKeys(value, STATE_KEYS, ['state']);
	}
	const found = value.found;
	return value.state === 'changed' && hasKeys(value, CHANGED_KEYS, [...CHANGED_KEYS]) && typeof value.foundText === 'string'
		&& isObject(found) && hasKeys(found, FOUND_KEYS, [...FOUND_KEYS]) && isCount(found.start) && isCount(found.end);
}

const CONFLICT_KEYS = new Set(['kind', 'versions']);
const CONFLICT_KINDS = new Set(['changed-on-both', 'added-on-both', 'deleted-and-changed']);

/** `definitions.conflict`; its versions are `definitions.claimVersion` (a claim without a conflict of its own). */
function isConflict(value: unknown): boolean {
	return isObject(value) && hasKeys(value, CONFLICT_KEYS, [...CONFLICT_KEYS])
		&& typeof value.kind === 'string' && CONFLICT_KINDS.has(value.kind)
		&& Array.isArray(value.versions)
		&& value.versions.every((version) => isObject(version) && !Object.prototype.hasOwnProperty.call(version, 'conflict') && isSidecarClaim(version, false));
}

const CLAIM_KEYS = new Set(['id', 'type', 'motivation', 'creator', 'created', 'modified', 'body', 'target', 'anchoring', 'conflict']);
const CLAIM_REQUIRED = ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'body', 'target'];

/**
 * `definitions.claim`; `anchoringRequired` adds what the file's `if`/`then` demands of the claims of a version 2
 * file.
 */
export function isSidecarClaim(value: unknown, anchoringRequired: boolean): boolean {
	if (!isObject(value) || !hasKeys(value, CLAIM_KEYS, CLAIM_REQUIRED)) {
		return false;
	}
	const hasAnchoring = Object.prototype.hasOwnProperty.call(value, 'anchoring');
	return isNonEmptyString(value.id) && ID.test(value.id)
		&& value.type === 'Annotation' && value.motivation === 'assessing'
		&& (value.creator === null || isNonEmptyString(value.creator))
		&& typeof value.created === 'string' && isDateTime(value.created)
		&& typeof value.modified === 'string' && isDateTime(value.modified)
		&& isBody(value.body) && isTarget(value.target)
		&& (hasAnchoring ? isAnchoring(value.anchoring) : !anchoringRequired)
		&& (!Object.prototype.hasOwnProperty.call(value, 'conflict') || isConflict(value.conflict));
}

const FILE_KEYS = new Set(['schemaVersion', 'article', 'claims', 'dismissedHints']);
const HINT_KEYS = new Set(['exact']);

/**
 * The schema's checks of the whole file except its claims' items: the caller checks those with
 * {@link isSidecarClaim} (a batch at a time), passing `anchoringRequired` from {@link claimsNeedAnchoring}.
 */
export function isSidecarFrame(value: unknown): boolean {
	return isObject(value) && hasKeys(value, FILE_KEYS, ['schemaVersion', 'article', 'claims'])
		&& (value.schemaVersion === 1 || value.schemaVersion === 2)
		&& isSidecarArticle(value.article)
		&& Array.isArray(value.claims)
		&& (!Object.prototype.hasOwnProperty.call(value, 'dismissedHints') || (Array.isArray(value.dismissedHints)
			&& value.dismissedHints.every((hint) => isObject(hint) && hasKeys(hint, HINT_KEYS, ['exact']) && isNonEmptyString(hint.exact))));
}

/** The schema's `if`/`then`: the claims of a version 2 file must each have `anchoring`. */
export function claimsNeedAnchoring(file: Json): boolean {
	return file.schemaVersion === 2;
}

/** The whole check at once: true exactly when the schema accepts `value`. */
export function isSidecarValue(value: unknown): boolean {
	return isSidecarFrame(value) && (value as { claims: unknown[] }).claims.every((claim) => isSidecarClaim(claim, claimsNeedAnchoring(value as Json)));
}
