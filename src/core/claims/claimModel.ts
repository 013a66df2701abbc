/**
 * A claim as the sidecar stores it, and the pure operations that create and change one.
 *
 * Stored positions are Unicode code points (W3C Web Annotation); the editor's UTF-16 spans are converted here,
 * with a `CodePointIndex` of the current text, and nowhere else in the claims core.
 */
import type { Span } from '../seed/seedDocument';
import { buildCodePointIndex, codePointToUtf16, stepBackCodePoints, stepForwardCodePoints, utf16ToCodePoint, type CodePointIndex } from './codePoints';
import { UNCHECKED_LABEL } from './verdicts';

/** How many code points of context a TextQuoteSelector keeps on each side of the quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector: the claim's text and up to 32 code points of text on each side. */
export interface TextQuote {
	readonly exact: string;
	readonly prefix: string;
	readonly suffix: string;
}

/** W3C TextPositionSelector: `[start, end)` in Unicode code points of the article text. */
export interface CodePointRange {
	readonly start: number;
	readonly end: number;
}

/** Where a claim sits in the article, as last saved. Anchoring turns it back into an editor span. */
export interface ClaimTarget {
	readonly quote: TextQuote;
	readonly position: CodePointRange;
}

/** The assessment of a claim: everything except where it is. */
export interface ClaimBody {
	/** A label of the verdict scale, `Unchecked` until judged. Labels outside the current scale are kept as they are. */
	readonly verdict: string;
	/** The entity who makes the claim, or null when not recorded. */
	readonly claimant: string | null;
	/** Markdown. */
	readonly note: string;
	/** Trimmed, non-empty, without repeats, in the user's order. */
	readonly tags: readonly string[];
	/** Links to sources, in the user's order, without repeats. */
	readonly sources: readonly string[];
}

/**
 * How the claim's stored target relates to the article as last saved (sidecar `anchoring`, format version 2):
 * - 'exact': the TextPositionSelector designates the quote;
 * - 'changed': the words changed; `found` (code points) and `foundText` are what anchoring found, awaiting the
 *   user's confirmation, while the target keeps the original quote and position;
 * - 'unanchored': the claim's text is gone from the article.
 */
export type ClaimAnchoring =
	| { readonly state: 'exact' }
	| { readonly state: 'changed'; readonly found: CodePointRange; readonly foundText: string }
	| { readonly state: 'unanchored' };

/** The anchoring of a claim whose stored target is its text (new claims, version 1 sidecars). */
export const EXACT_ANCHORING: ClaimAnchoring = Object.freeze({ state: 'exact' });

/** Why a claim could not be merged silently. */
export type ClaimConflictKind = 'changed-on-both' | 'added-on-both' | 'deleted-and-changed';

/**
 * A merge conflict kept in the sidecar (`conflict`): the claim carrying it is one version, `versions` holds the
 * other side's version(s), none with a conflict of its own; empty for 'deleted-and-changed' (the other side
 * deleted the claim). Nothing a user typed is dropped until the user chooses.
 */
export interface ClaimConflictRecord {
	readonly kind: ClaimConflictKind;
	readonly versions: readonly Claim[];
}

/** One claim of the article (one W3C annotation with `motivation: "assessing"`). */
export interface Claim {
	/** `urn:uuid:` + a random version-4 UUID; unique within a sidecar, the key of merges. */
	readonly id: string;
	/** Who created the claim, or null. */
	readonly creator: string | null;
	/** ISO 8601 UTC timestamps. `modified` changes with the body, not when the claim merely moves with its text. */
	readonly created: string;
	readonly modified: string;
	readonly body: ClaimBody;
	readonly target: ClaimTarget;
	/** The anchoring state as last saved. */
	readonly anchoring: ClaimAnchoring;
	/** Present while a merge conflict awaits the user's choice. */
	readonly conflict?: ClaimConflictRecord;
}

/** Fills `byteCount` random bytes; the adapter passes `crypto.getRandomValues`, tests a seeded source. */
export type RandomBytes = (byteCount: number) => Uint8Array;

/** A fresh claim id: `urn:uuid:` and a version-4 UUID made from 16 bytes of `randomBytes`. */
export function newClaimId(randomBytes: RandomBytes): string {
	const bytes = randomBytes(16);
	if (bytes.length < 16) {
		throw new RangeError('randomBytes returned fewer than 16 bytes');
	}
	const b = Array.from(bytes.subarray(0, 16));
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
	return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The target of the UTF-16 `span` of `text`: its quote with 32 code points of context and its code-point
 * position. Pass the text's `CodePointIndex` when converting many spans of one text.
 */
export function targetFromSpan(text: string, span: Span, index: CodePointIndex = buildCodePointIndex(text)): ClaimTarget {
	const prefixStart = stepBackCodePoints(text, span.start, QUOTE_CONTEXT_LENGTH);
	const suffixEnd = stepForwardCodePoints(text, span.end, QUOTE_CONTEXT_LENGTH);
	return {
		quote: {
			exact: text.slice(span.start, span.end),
			prefix: text.slice(prefixStart, span.start),
			suffix: text.slice(span.end, suffixEnd),
		},
		position: { start: utf16ToCodePoint(index, span.start), end: utf16ToCodePoint(index, span.end) },
	};
}

/** The UTF-16 span that a target's stored position designates in a text (whether or not the quote is still there). */
export function storedSpan(target: ClaimTarget, index: CodePointIndex): Span {
	return { start: codePointToUtf16(index, target.position.start), end: codePointToUtf16(index, target.position.end) };
}

function uniqueTrimmed(values: readonly string[]): string[] {
	const out: string[] = [];
	for (const value of values) {
		const v = value.trim();
		if (v !== '' && !out.includes(v)) {
			out.push(v);
		}
	}
	return out;
}

/** What a new claim may set beyond its text; anything omitted starts empty (verdict: Unchecked). */
export interface NewClaimFields {
	readonly verdict?: string;
	readonly claimant?: string | null;
	readonly note?: string;
	readonly tags?: readonly string[];
	readonly sources?: readonly string[];
	readonly creator?: string | null;
}

/**
 * A new claim on the UTF-16 `span` of `text` (the span must not be empty), created and modified `now`, with a
 * random id. Tags and sources are trimmed and de-duplicated. Pass the text's `CodePointIndex` (for instance
 * `ArticleText.index`) when creating many claims on one text; otherwise each call scans the text once.
 */
export function createClaim(text: string, span: Span, fields: NewClaimFields, now: Date, randomBytes: RandomBytes, index?: CodePointIndex): Claim {
	if (!(span.start >= 0 && span.start < span.end && span.end <= text.length)) {
		throw new RangeError(`createClaim: invalid span [${span.start}, ${span.end}) for a text of ${text.length}`);
	}
	const time = now.toISOString();
	return {
		id: newClaimId(randomBytes),
		creator: fields.creator?.trim() || null,
		created: time,
		modified: time,
		body: {
			verdict: fields.verdict?.trim() || UNCHECKED_LABEL,
			claimant: fields.claimant?.trim() || null,
			note: fields.note ?? '',
			tags: uniqueTrimmed(fields.tags ?? []),
			sources: uniqueTrimmed(fields.sources ?? []),
		},
		target: targetFromSpan(text, span, index),
		anchoring: EXACT_ANCHORING,
	};
}

/**
 * The claim with some body fields changed and `modified` set to `now`; returns the same object when nothing
 * actually changes, so that a no-op edit leaves the sidecar byte-identical.
 */
export function updateClaimBody(claim: Claim, changes: Partial<ClaimBody>, now: Date): Claim {
	const body: ClaimBody = {
		verdict: changes.verdict !== undefined ? changes.verdict.trim() || UNCHECKED_LABEL : claim.body.verdict,
		claimant: changes.claimant !== undefined ? changes.claimant?.trim() || null : claim.body.claimant,
		note: changes.note ?? claim.body.note,
		tags: changes.tags !== undefined ? uniqueTrimmed(changes.tags) : claim.body.tags,
		sources: changes.sources !== undefined ? uniqueTrimmed(changes.sources) : claim.body.sources,
	};
	if (sameBody(body, claim.body)) {
		return claim;
	}
	return { ...claim, body, modified: now.toISOString() };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when two bodies hold the same values. */
export function sameBody(a: ClaimBody, b: ClaimBody): boolean {
	return a.verdict === b.verdict && a.claimant === b.claimant && a.note === b.note && sameList(a.tags, b.tags) && sameList(a.sources, b.sources);
}

/** True when two targets hold the same quote and position. */
export function sameTarget(a: ClaimTarget, b: ClaimTarget): boolean {
	return a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix
		&& a.position.start === b.position.start && a.position.end === b.position.end;
}

/** True when two anchoring states are equal. */
export function sameAnchoring(a: ClaimAnchoring, b: ClaimAnchoring): boolean {
	if (a.state !== 'changed' || b.state !== 'changed') {
		return a.state === b.state;
	}
	return a.found.start === b.found.start && a.found.end === b.found.end && a.foundText === b.foundText;
}

/** True when two claims have the same conflict record (or none). */
export function sameConflict(a: ClaimConflictRecord | undefined, b: ClaimConflictRecord | undefined): boolean {
	if (!a || !b) {
		return a === b;
	}
	return a.kind === b.kind && a.versions.length === b.versions.length && a.versions.every((v, i) => sameClaim(v, b.versions[i]));
}

/** True when two claims are equal in every stored field (anchoring and conflict included). */
export function sameClaim(a: Claim, b: Claim): boolean {
	return a.id === b.id && a.creator === b.creator && a.created === b.created && a.modified === b.modified
		&& sameBody(a.body, b.body) && sameTarget(a.target, b.target) && sameAnchoring(a.anchoring, b.anchoring) && sameConflict(a.conflict, b.conflict);
}

/** The claim without its conflict record (the same object when it has none). */
export function withoutConflict(claim: Claim): Claim {
	if (!claim.conflict) {
		return claim;
	}
	return { id: claim.id, creator: claim.creator, created: claim.created, modified: claim.modified, body: claim.body, target: claim.target, anchoring: claim.anchoring };
}

/**
 * Resolves a claim's merge conflict: `'current'` keeps the version shown, a number picks `conflict.versions[n]`,
 * `'delete'` removes the claim (null). The result has no conflict record. A claim without conflict is returned
 * as it is for 'current'.
 */
export function resolveClaimConflict(claim: Claim, choice: 'current' | 'delete' | number): Claim | null {
	if (choice === 'delete') {
		return null;
	}
	if (choice === 'current') {
		return withoutConflict(claim);
	}
	const version = claim.conflict?.versions[choice];
	if (!version) {
		throw new RangeError(`resolveClaimConflict: no version ${choice} of ${claim.id}`);
	}
	return withoutConflict({ ...version, id: claim.id });
}

/** The sidecar's order: by stored start, then end (code points), then id. */
export function compareClaims(a: Claim, b: Claim): number {
	return a.target.position.start - b.target.position.start
		|| a.target.position.end - b.target.position.end
		|| (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
