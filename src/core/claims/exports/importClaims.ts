/**
 * Adding imported claims (from brat or W3C files) to an article's claims.
 *
 * Rules:
 *  - an import only adds: existing claims are never replaced or changed;
 *  - each imported claim is anchored like any other (`anchorTarget`: stored position, then the quote, then a
 *    fuzzy match); anchored claims get a fresh quote with context from the current text, fuzzy and unanchored
 *    ones are added with the target the file gave, to be confirmed or re-attached in the editor;
 *  - a claim whose id is already used is not added: a duplicate when it holds the same claim, a conflict when it
 *    differs (the existing one is kept); a claim on the same text with the same verdict and note as an existing
 *    one is a duplicate and not added; both are reported;
 *  - ids, times and creators are kept when the file gives usable ones, so that export then import gives the
 *    same claims back; otherwise a new id, the import time and the importing user.
 */
import {
	anchorClaims, anchoringOf, anchorTarget, codePointToUtf16, compareClaims, createSidecar, describeArticle, formatSidecarProblem, newClaimId, parseSidecar,
	prepareArticle, sameBody, sameTarget, serialiseSidecar, targetFromSpan, UNCHECKED_LABEL,
	type ArticleText, type Claim, type ClaimAnchor, type ClaimTarget, type CodePointRange, type RandomBytes, type Sha256Hex,
} from '..';
import { parseDateline } from '../../seed/dateline';

/** A claim as an import file describes it; anything missing is filled in. */
export interface ClaimDraft {
	/** Names the claim in messages: its id, or `T3` for brat. */
	readonly label: string;
	readonly id?: string;
	readonly creator?: string | null;
	readonly created?: string;
	readonly modified?: string;
	readonly verdict?: string;
	readonly claimant?: string | null;
	readonly note?: string;
	readonly tags?: readonly string[];
	readonly sources?: readonly string[];
	/** The quoted text (TextQuoteSelector `exact`, brat's span text) and its context, when known. */
	readonly exact?: string;
	readonly prefix?: string;
	readonly suffix?: string;
	/** Code points `[start, end)` of the article text. */
	readonly position?: CodePointRange;
}

/** The import's environment: what fills the gaps of a draft. */
export interface ImportEnvironment {
	readonly now: Date;
	readonly randomBytes: RandomBytes;
	/** The importing user, creator of drafts that name none. */
	readonly creator?: string | null;
}

/** One claim added, with where it anchored. */
export interface ImportedClaim {
	readonly label: string;
	readonly claim: Claim;
	readonly status: ClaimAnchor['status'];
}

/** A draft not added, and why. */
export interface SkippedDraft {
	readonly label: string;
	readonly reason: 'duplicate' | 'conflict' | 'unreadable';
	/** The existing claim it duplicates or conflicts with. */
	readonly existingId?: string;
	readonly message: string;
}

/** The article's claims after the import (existing first, never changed, then the added ones), sorted. */
export interface ImportOutcome {
	readonly claims: readonly Claim[];
	readonly added: readonly ImportedClaim[];
	readonly skipped: readonly SkippedDraft[];
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function isoOr(value: string | undefined, fallback: string): string {
	if (value === undefined) {
		return fallback;
	}
	if (ISO_UTC.test(value)) {
		return value;
	}
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? fallback : new Date(parsed).toISOString();
}

function uniqueTrimmed(values: readonly string[] | undefined): string[] {
	const out: string[] = [];
	for (const value of values ?? []) {
		const v = value.trim();
		if (v !== '' && !out.includes(v)) {
			out.push(v);
		}
	}
	return out;
}

/** Each CR and LF as one space, as brat writes span text (the length in code points is unchanged). */
export function flattenLineBreaks(text: string): string {
	return text.replace(/[\r\n]/g, ' ');
}

/** The draft's target: its quote, or the text at its position when it gives no quote (or a flattened one). */
function draftTarget(article: ArticleText, draft: ClaimDraft): ClaimTarget | null {
	const { text, index } = article;
	const position = draft.position;
	const at = position && position.end <= index.codePointLength
		? text.slice(codePointToUtf16(index, position.start), codePointToUtf16(index, position.end))
		: undefined;
	let exact = draft.exact;
	// brat writes line breaks inside a span as spaces: the text at the position is the real quote then.
	if (at !== undefined && at !== '' && (exact === undefined || (exact !== at && flattenLineBreaks(at) === exact))) {
		exact = at;
	}
	if (exact === undefined || exact === '') {
		return null;
	}
	return {
		quote: { exact, prefix: draft.prefix ?? '', suffix: draft.suffix ?? '' },
		position: position ?? { start: 0, end: 0 },
	};
}

/**
 * Adds the drafts to `existing` in the article text (see the rules above). Never throws; drafts that select
 * no text are reported as unreadable.
 */
export function importDrafts(article: ArticleText, existing: readonly Claim[], drafts: readonly ClaimDraft[], env: ImportEnvironment): ImportOutcome {
	const now = env.now.toISOString();
	const existingAnchors = anchorClaims(article, existing.map((c) => c.target));
	// Claims already present (existing, then each one added), with their anchored span when anchored.
	const present: { claim: Claim; span: { start: number; end: number } | null }[] = existing.map((claim, i) => ({ claim, span: existingAnchors[i].span }));
	const ids = new Map(existing.map((c) => [c.id, c]));
	const added: ImportedClaim[] = [];
	const skipped: SkippedDraft[] = [];

	for (const draft of drafts) {
		const stored = draftTarget(article, draft);
		if (!stored) {
			skipped.push({ label: draft.label, reason: 'unreadable', message: `${draft.label}: selects no text of the article; not imported.` });
			continue;
		}
		const anchor = anchorTarget(article, stored);
		const target = anchor.status === 'anchored' && anchor.span ? targetFromSpan(article.text, anchor.span, article.index) : stored;
		const body = {
			verdict: draft.verdict?.trim() || UNCHECKED_LABEL,
			claimant: draft.claimant?.trim() || null,
			note: draft.note ?? '',
			tags: uniqueTrimmed(draft.tags),
			sources: uniqueTrimmed(draft.sources),
		};
		const wantedId = draft.id !== undefined && /^\S+$/.test(draft.id) ? draft.id : undefined;
		const same = wantedId !== undefined ? ids.get(wantedId) : undefined;
		if (same) {
			const identical = sameBody(same.body, body) && (sameTarget(same.target, target) || same.target.quote.exact === target.quote.exact);
			skipped.push(identical
				? { label: draft.label, reason: 'duplicate', existingId: same.id, message: `${draft.label}: already present (same id and content); not imported again.` }
				: { label: draft.label, reason: 'conflict', existingId: same.id, message: `${draft.label}: an existing claim has this id but differs; kept the existing claim, the imported one was not added.` });
			continue;
		}
		const twin = anchor.span
			? present.find((p) => p.span && p.span.start === anchor.span?.start && p.span.end === anchor.span.end
				&& p.claim.body.verdict.toLowerCase() === body.verdict.toLowerCase() && p.claim.body.note.trim() === body.note.trim())
			: undefined;
		if (twin) {
			skipped.push({ label: draft.label, reason: 'duplicate', existingId: twin.claim.id, message: `${draft.label}: duplicates ${twin.claim.id} (same text, verdict and note); not imported.` });
			continue;
		}
		let id = wantedId;
		for (let attempt = 0; id === undefined || ids.has(id); attempt++) {
			// A random source that repeats itself (a test's) must not loop forever.
			id = attempt < 8 ? newClaimId(env.randomBytes) : `${newClaimId(env.randomBytes)}-${attempt}`;
		}
		const created = isoOr(draft.created, now);
		const claim: Claim = {
			id,
			creator: draft.creator === undefined ? env.creator?.trim() || null : draft.creator?.trim() || null,
			created,
			modified: isoOr(draft.modified, created),
			body,
			target,
			anchoring: anchoringOf(anchor, article),
		};
		ids.set(id, claim);
		present.push({ claim, span: anchor.span });
		added.push({ label: draft.label, claim, status: anchor.status });
	}
	return { claims: [...existing, ...added.map((a) => a.claim)].sort(compareClaims), added, skipped };
}

/** The result of importing into one article's sidecar. */
export interface SidecarImport {
	/** The sidecar's new text, or null when nothing was added (or the sidecar is damaged): nothing to write. */
	readonly sidecarText: string | null;
	readonly outcome: ImportOutcome;
	/** Set when the existing sidecar is damaged or foreign: nothing is imported into it. */
	readonly refused: string | null;
}

/**
 * Adds drafts to the sidecar of an article (`sidecarText` null: none yet). Existing claims and the sidecar's
 * article description are kept as they are; a new sidecar describes the article's current text. A damaged or
 * foreign sidecar is refused (never overwritten). Pure; `sha256` is the adapter's hash function.
 */
export function importIntoSidecar(
	articlePathOrName: string, articleText: string, sidecarText: string | null, drafts: readonly ClaimDraft[], env: ImportEnvironment, sha256: Sha256Hex,
): SidecarImport {
	const parsed = sidecarText === null ? null : parseSidecar(sidecarText);
	if (parsed && (parsed.status !== 'ok' || !parsed.sidecar)) {
		const why = parsed.status === 'foreign' ? 'is not a claims sidecar' : `is damaged (${parsed.problems[0] ? formatSidecarProblem(parsed.problems[0]) : 'unreadable'})`;
		return { sidecarText: null, outcome: { claims: parsed.claims, added: [], skipped: [] }, refused: `the sidecar ${why}; nothing imported into it` };
	}
	const existing = parsed?.sidecar?.claims ?? [];
	const outcome = importDrafts(prepareArticle(articleText), existing, drafts, env);
	if (outcome.added.length === 0) {
		return { sidecarText: null, outcome, refused: null };
	}
	const description = parsed?.sidecar?.article ?? describeArticle(articlePathOrName, articleText, parseDateline(articleText).dateline?.value ?? null, sha256);
	return { sidecarText: serialiseSidecar(createSidecar(description, outcome.claims)), outcome, refused: null };
}
