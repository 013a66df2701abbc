/**
 * Three-way merge of claim sets by claim id, for a sidecar changed on disk (another window, git pull) while the
 * editor holds unsaved changes, or for a git merge driver.
 *
 * Rules, per id (base = last common version):
 *  - added on one side: kept; added on both sides: one copy if equal, else a conflict;
 *  - deleted on one side, unchanged on the other: deleted; deleted on both: deleted;
 *  - deleted on one side, changed on the other: the changed claim is kept (no work is lost), with a conflict;
 *  - changed on one side only: that side's version;
 *  - changed on both sides: the body (assessment) and the placement (target and anchoring state) merge
 *    separately, so moving with the text on one side and a new verdict on the other combine silently; if the
 *    same part changed differently on both sides, the claim with the later `modified` is shown (ours on a tie)
 *    and carries a `conflict` record holding the other version: nothing is dropped until the user chooses
 *    (`resolveClaimConflict`). Conflict records already present on either side are carried over.
 */
import {
	compareClaims, sameAnchoring, sameBody, sameClaim, sameConflict, sameTarget, withoutConflict,
	type Claim, type ClaimAnchoring, type ClaimConflictKind, type ClaimConflictRecord, type ClaimTarget,
} from './claimModel';

export type { ClaimConflictKind } from './claimModel';

/** A claim that needed a choice; both versions stay in the merged claim's `conflict` record. */
export interface ClaimConflict {
	readonly id: string;
	readonly kind: ClaimConflictKind;
	/** The side whose version is shown (the merged claim itself); the other is in its `conflict.versions`. */
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

interface Placement {
	readonly target: ClaimTarget;
	readonly anchoring: ClaimAnchoring;
}

const placementOf = (c: Claim): Placement => ({ target: c.target, anchoring: c.anchoring });
const samePlacement = (a: Placement, b: Placement): boolean => sameTarget(a.target, b.target) && sameAnchoring(a.anchoring, b.anchoring);

interface ConflictSlot {
	readonly conflict: ClaimConflictRecord | undefined;
}

/**
 * `shown` with a conflict record of `kind` holding `others` and every version already recorded on either side,
 * without repeats and without a copy of the shown version itself.
 */
function withConflict(shown: Claim, kind: ClaimConflictKind, others: readonly Claim[]): Claim {
	const plain = withoutConflict(shown);
	const versions: Claim[] = [];
	for (const candidate of [...(shown.conflict?.versions ?? []), ...others.flatMap((o) => [withoutConflict(o), ...(o.conflict?.versions ?? [])])]) {
		if (!sameClaim(candidate, plain) && !versions.some((v) => sameClaim(v, candidate))) {
			versions.push(candidate);
		}
	}
	return { ...plain, conflict: { kind, versions } };
}

/**
 * Merges `ours` and `theirs`, both derived from `base`. Never drops a claim that either side added or changed:
 * a claim changed differently on both sides carries the other side's version in its `conflict` record. Ids are
 * the identity of claims, so each id appears at most once in the result.
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
				merged.push(withConflict(present, 'deleted-and-changed', []));
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
			const placement = pick(placementOf(bc), placementOf(oc), placementOf(tc), samePlacement);
			const slot = pick<ConflictSlot>({ conflict: bc.conflict }, { conflict: oc.conflict }, { conflict: tc.conflict }, (x, y) => sameConflict(x.conflict, y.conflict));
			const identical = oc.creator === tc.creator && oc.created === tc.created;
			if (body && placement && slot && identical) {
				const bodySide = body === oc.body ? oc : tc;
				const combined: Claim = { ...withoutConflict(bodySide), target: placement.target, anchoring: placement.anchoring };
				merged.push(slot.conflict ? { ...combined, conflict: slot.conflict } : combined);
				continue;
			}
		}
		const kept = later(oc, tc);
		const kind: ClaimConflictKind = bc ? 'changed-on-both' : 'added-on-both';
		merged.push(kept === 'ours' ? withConflict(oc, kind, [tc]) : withConflict(tc, kind, [oc]));
		conflicts.push({ id, kind, kept, ours: oc, theirs: tc });
	}
	merged.sort(compareClaims);
	conflicts.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
	return { claims: merged, conflicts };
}
