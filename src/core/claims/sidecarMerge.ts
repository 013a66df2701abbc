/**
 * Three-way merge of whole sidecar files (texts in, text out), for the git merge driver (`news-seed
 * merge-driver`) and for resolving a sidecar that already holds conflict markers (`news-seed resolve`, the
 * editor's Resolve Claim Merge Conflict). The claims merge by id with {@link mergeClaimSets}; claims changed
 * on both sides keep both versions in their `conflict` record, so the result is always a valid sidecar.
 *
 * Nothing is lost: a side that is not a valid sidecar (foreign JSON, damaged, conflict markers, a newer format)
 * makes the merge 'unmergeable' and the caller leaves both files to git. A base that cannot be read counts as
 * empty: every claim of both sides is then kept (a claim deleted on one side comes back rather than being lost).
 */
import { sameTarget, type Claim } from './claimModel';
import { splitConflictMarkers } from './conflictMarkers';
import { mergeClaimSets, type ClaimConflict } from './mergeClaims';
import { parseSidecar, serialiseSidecar, type Sidecar, type SidecarArticle } from './sidecarFormat';

/**
 * The `article.sha256` of a merged sidecar whose claims were placed in different versions of the article: a
 * value that is the hash of no text, so that every reader finds the claims again from their quotes instead of
 * trusting stored positions.
 */
export const UNKNOWN_ARTICLE_SHA256 = '0'.repeat(64);

/** The three versions of a sidecar; `base` is null (or empty) when both sides added the file. */
export interface SidecarVersions {
	readonly base: string | null;
	readonly ours: string;
	readonly theirs: string;
}

/** The outcome of a sidecar merge. */
export type SidecarMergeOutcome =
	/** 'merged': every claim merged; 'conflict': some claims carry a `conflict` record (listed in `conflicts`). */
	| { readonly status: 'merged' | 'conflict'; readonly text: string; readonly sidecar: Sidecar; readonly conflicts: readonly ClaimConflict[] }
	/** A side is not a sidecar that can be merged; `reason` says which and why. Nothing was merged. */
	| { readonly status: 'unmergeable'; readonly side: 'ours' | 'theirs'; readonly reason: string };

function readSide(text: string, side: 'ours' | 'theirs'): Sidecar | string {
	if (splitConflictMarkers(text).status !== 'none') {
		return `${side}: the file holds merge conflict markers`;
	}
	const parsed = parseSidecar(text);
	if (parsed.status === 'ok' && parsed.sidecar) {
		return parsed.sidecar;
	}
	const first = parsed.problems[0];
	const why = parsed.status === 'foreign' ? 'not a News Seed claims file' : `not a valid claims file${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`;
	return `${side}: ${why}`;
}

function readBase(text: string | null): Sidecar | null {
	if (text === null || text.trim() === '') {
		return null;
	}
	const parsed = parseSidecar(text);
	return parsed.status === 'ok' ? parsed.sidecar : null;
}

function pick<T>(base: T | undefined, ours: T, theirs: T): T {
	if (ours === theirs || theirs === base) {
		return ours;
	}
	return ours === base ? theirs : ours;
}

/** True when every merged claim stands where `side` placed it, so that side's article hash describes them. */
function placedBy(claims: readonly Claim[], side: Sidecar): boolean {
	const byId = new Map(side.claims.map((c) => [c.id, c]));
	return claims.every((claim) => {
		const own = byId.get(claim.id);
		return own !== undefined && sameTarget(own.target, claim.target);
	});
}

/**
 * The article record of the merged sidecar. The file name: `articleFileName` when the caller knows where the
 * sidecar sits, else the side that changed it. The hash and date: the sides' when they agree; else the side
 * whose placement every merged claim has (the one that changed the article first); else {@link UNKNOWN_ARTICLE_SHA256} with the date a side changed.
 */
export function mergedArticleRecord(base: Sidecar | null, ours: Sidecar, theirs: Sidecar, claims: readonly Claim[], articleFileName?: string): SidecarArticle {
	const fileName = articleFileName ?? pick(base?.article.fileName, ours.article.fileName, theirs.article.fileName);
	if (ours.article.sha256 === theirs.article.sha256) {
		return { fileName, sha256: ours.article.sha256, date: pick(base?.article.date, ours.article.date, theirs.article.date) };
	}
	// The side that saved a newer article first: when both placed every claim, its hash is the merged article's.
	const sides = base && ours.article.sha256 === base.article.sha256 ? [theirs, ours] : [ours, theirs];
	for (const side of sides) {
		if (placedBy(claims, side)) {
			return { fileName, sha256: side.article.sha256, date: side.article.date };
		}
	}
	return { fileName, sha256: UNKNOWN_ARTICLE_SHA256, date: pick(base?.article.date, ours.article.date, theirs.article.date) };
}

/**
 * Merges three versions of a sidecar. `articleFileName`: the name of the article the merged sidecar sits
 * beside, when known (the merge driver's path), recorded as `article.fileName`.
 */
export function mergeSidecarVersions(versions: SidecarVersions, articleFileName?: string): SidecarMergeOutcome {
	const ours = readSide(versions.ours, 'ours');
	if (typeof ours === 'string') {
		return { status: 'unmergeable', side: 'ours', reason: ours };
	}
	const theirs = readSide(versions.theirs, 'theirs');
	if (typeof theirs === 'string') {
		return { status: 'unmergeable', side: 'theirs', reason: theirs };
	}
	const base = readBase(versions.base);
	const merged = mergeClaimSets(base?.claims ?? [], ours.claims, theirs.claims);
	const sidecar: Sidecar = { article: mergedArticleRecord(base, ours, theirs, merged.claims, articleFileName), claims: merged.claims };
	return { status: merged.conflicts.length > 0 ? 'conflict' : 'merged', text: serialiseSidecar(sidecar), sidecar, conflicts: merged.conflicts };
}

/** The outcome of {@link resolveConflictMarkers}: 'none' when the text has no conflict markers to resolve. */
export type ConflictResolution =
	| SidecarMergeOutcome
	| { readonly status: 'none' }
	| { readonly status: 'malformed'; readonly line: number; readonly message: string };

/** What git still holds of a conflicted sidecar (each may be missing): the index stages or a merge base. */
export interface StoredVersions {
	readonly base: string | null;
	readonly ours: string | null;
	readonly theirs: string | null;
}

const NO_STORED_VERSIONS: StoredVersions = { base: null, ours: null, theirs: null };

/**
 * Resolves a sidecar that holds git conflict markers by merging the claims of the versions it holds.
 * The sides are the file's own (so that edits made between the markers count); when they cannot be read as
 * sidecars (a line-by-line merge can break JSON) or the markers are malformed, git's `stored` ours and theirs
 * are merged instead, when there. The base: the diff3 `|||||||` parts, else git's stored base, else none (every
 * claim of both sides is kept).
 */
export function resolveConflictMarkers(text: string, stored: StoredVersions = NO_STORED_VERSIONS, articleFileName?: string): ConflictResolution {
	const split = splitConflictMarkers(text);
	if (split.status === 'none') {
		return split;
	}
	const fromStore = (): SidecarMergeOutcome | null => stored.ours !== null && stored.theirs !== null
		? mergeSidecarVersions({ base: stored.base, ours: stored.ours, theirs: stored.theirs }, articleFileName)
		: null;
	if (split.status === 'malformed') {
		return fromStore() ?? split;
	}
	const outcome = mergeSidecarVersions({ base: split.base ?? stored.base, ours: split.ours, theirs: split.theirs }, articleFileName);
	if (outcome.status !== 'unmergeable') {
		return outcome;
	}
	const fallback = fromStore();
	return fallback && fallback.status !== 'unmergeable' ? fallback : outcome;
}

/** One line per kept conflict, for the merge driver's and resolve's standard error. */
export function describeConflict(conflict: ClaimConflict): string {
	const shown = conflict.kept === 'ours' ? conflict.ours : conflict.theirs;
	const quote = shown?.target.quote.exact.replace(/\s+/g, ' ') ?? '';
	const what = conflict.kind === 'changed-on-both' ? 'changed on both sides'
		: conflict.kind === 'added-on-both' ? 'added on both sides with different content'
			: `deleted on one side and changed on the other (the changed version from ${conflict.kept} is kept)`;
	return `claim ${conflict.id} "${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}": ${what}; both versions are kept in the sidecar`;
}
