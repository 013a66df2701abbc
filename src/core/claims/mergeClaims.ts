/**
 * Three-way merge of claim sets by claim id, for a sidecar changed on disk (another window, git pull) while the
 * editor holds unsaved changes, or for a git merge driver.
 *
 * Rules, per id (base = last common version):
 *  - added on one side: kept; added on both sides: one copy if equal, else a conflict;
 *  - deleted on one side, unchanged on the other: deleted; deleted on both: deleted;
 *  - deleted on one side, changed on the other: the changed claim is kept (no work is lost), with a conflict;
 *  - changed on one side only: that side's version;
 *  - changed on both sides: the body (assessment) and the target (position) merge separately, so moving with
 *    the text on one side and a new verdict on the other combine silently; if the same part changed differently
 *    on both sides, the whole claim with the later `modified` wins (ours on a tie) and a conflict is reported.
 */
import { compareClaims, sameBody, sameClaim, sameTarget, type Claim } from './claimModel';

/** Why a claim could not be merged silently. */
export type ClaimConflictKind = 'changed-on-both' | 'added-on-both' | 'deleted-and-changed';

/** A claim that needed a choice; the loser is kept here so that the adapter can offer it back. */
export interface ClaimConflict {
	readonly id: string;
	readonly kind: ClaimConflictKind;
	/** The side whose version is in the merged set. */
	readonly kept: 'ours' | 'theirs';
	/** Each side's version; undefined for the side that deleted the claim. */
	readonly ours: Claim | undefined;
	readonly theirs: Claim | undefined;
}

/** The merged claims, sorted as the sidecar stores them, and the conflicts met on the way. */
export interface ClaimMergeResult {
	readonly claims: readonly Claim[];
	readonly conflicts: readonly ClaimConflict[];
}

function byId(claims: readonly Claim[]): Map<string, Claim> {
	return new Map(claims.map((c) => [c.id, c]));
}

function later(ours: Claim, theirs: Claim): 'ours' | 'theirs' {
	const o = Date.parse(ours.modified);
	const t = Date.parse(theirs.modified);
	return t > o ? 'theirs' : 'ours';
}

/** Picks one side of a value that changed on at most one side; undefined when both changed it differently. */
function pick<T>(base: T, ours: T, theirs: T, same: (a: T, b: T) => boolean): T | undefined {
	if (same(ours, base)) {
		return theirs;
	}
	if (same(theirs, base) || same(ours, theirs)) {
		return ours;
	}
	return undefined;
}

/**
 * Merges `ours` and `theirs`, both derived from `base`. Never drops a claim that either side added or changed;
 * ids are the identity of claims, so each id appears at most once in the result.
 */
export function mergeClaimSets(base: readonly Claim[], ours: readonly Claim[], theirs: readonly Claim[]): ClaimMergeResult {
	const b = byId(base);
	const o = byId(ours);
	const t = byId(theirs);
	const ids = new Set([...o.keys(), ...t.keys(), ...b.keys()]);
	const merged: Claim[] = [];
	const conflicts: ClaimConflict[] = [];
	for (const id of ids) {
		const bc = b.get(id);
		const oc = o.get(id);
		const tc = t.get(id);
		if (!oc && !tc) {
			continue;
		}
		if (!oc || !tc) {
			const present = (oc ?? tc) as Claim;
			if (!bc) {
				merged.push(present);
			} else if (!sameClaim(present, bc)) {
				merged.push(present);
				conflicts.push({ id, kind: 'deleted-and-changed', kept: oc ? 'ours' : 'theirs', ours: oc, theirs: tc });
			}
			continue;
		}
		if (sameClaim(oc, tc)) {
			merged.push(oc);
			continue;
		}
		if (bc) {
			const whole = pick(bc, oc, tc, sameClaim);
			if (whole) {
				merged.push(whole);
				continue;
			}
			const body = pick(bc.body, oc.body, tc.body, sameBody);
			const target = pick(bc.target, oc.target, tc.target, sameTarget);
			const identical = oc.creator === tc.creator && oc.created === tc.created;
			if (body && target && identical) {
				const bodySide = body === oc.body ? oc : tc;
				merged.push({ ...bodySide, target });
				continue;
			}
		}
		const kept = later(oc, tc);
		merged.push(kept === 'ours' ? oc : tc);
		conflicts.push({ id, kind: bc ? 'changed-on-both' : 'added-on-both', kept, ours: oc, theirs: tc });
	}
	merged.sort(compareClaims);
	conflicts.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
	return { claims: merged, conflicts };
}
