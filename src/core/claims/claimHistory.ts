/**
 * Undo and redo of claim changes (tag, remove, verdict, note, details, confirm): each change is recorded as the
 * claim before and after it, so undoing puts `before` back and redoing puts `after` back, whatever the store
 * behind does with them. Pure: the adapter applies the states through the claim store's public methods.
 *
 * Invariants: at most `limit` changes are kept (the oldest are dropped); a new change clears the redo side; an
 * entry is only undone while the claim is still as the change left it (`isCurrent`), so a change made meanwhile
 * elsewhere (another window, git) is never silently overwritten.
 */
import type { Claim } from './claimModel';

/** One recorded change of one claim. */
export interface ClaimChange {
	/** What the change was, for messages: "tag", "remove", "verdict", "note", "details", "confirm". */
	readonly kind: 'tag' | 'remove' | 'verdict' | 'note' | 'details' | 'confirm';
	/** The article's key (its URI as text). */
	readonly articleKey: string;
	readonly claimId: string;
	/** The claim before the change; null when the change created it. */
	readonly before: Claim | null;
	/** The claim after the change; null when the change removed it. */
	readonly after: Claim | null;
}

/** Which state a step of the history puts back, and what it says to the user. */
export interface HistoryStep {
	readonly change: ClaimChange;
	/** The state to apply: `before` when undoing, `after` when redoing (null: the claim must not exist). */
	readonly target: Claim | null;
	/** The state the claim must be in now for the step to apply. */
	readonly expected: Claim | null;
}

/** The default number of changes kept. */
export const DEFAULT_HISTORY_LIMIT = 100;

/** A bounded undo/redo history of claim changes. */
export class ClaimHistory {
	private readonly done: ClaimChange[] = [];
	private readonly undone: ClaimChange[] = [];

	constructor(private readonly limit = DEFAULT_HISTORY_LIMIT) {}

	/** Records a change just made; the redo side is cleared. */
	record(change: ClaimChange): void {
		this.done.push(change);
		if (this.done.length > this.limit) {
			this.done.shift();
		}
		this.undone.length = 0;
	}

	/** The step that would undo the latest change, without taking it. */
	peekUndo(): HistoryStep | undefined {
		const change = this.done.at(-1);
		return change && { change, target: change.before, expected: change.after };
	}

	/** The step that would redo the latest undone change, without taking it. */
	peekRedo(): HistoryStep | undefined {
		const change = this.undone.at(-1);
		return change && { change, target: change.after, expected: change.before };
	}

	/** Marks the latest change undone (call once its `before` state is applied). */
	commitUndo(): void {
		const change = this.done.pop();
		if (change) {
			this.undone.push(change);
		}
	}

	/** Marks the latest undone change redone (call once its `after` state is applied). */
	commitRedo(): void {
		const change = this.undone.pop();
		if (change) {
			this.done.push(change);
		}
	}

	/** Drops the step on top of one side: it can no longer apply (the claim changed meanwhile). */
	discard(side: 'undo' | 'redo'): void {
		(side === 'undo' ? this.done : this.undone).pop();
	}

	/** True when `change` is the latest change (the one an "Undo" button may still undo). */
	isLatest(change: ClaimChange): boolean {
		return this.done.at(-1) === change;
	}

	get undoCount(): number {
		return this.done.length;
	}

	get redoCount(): number {
		return this.undone.length;
	}
}

/**
 * True when the claim as it is now (`current`, undefined or null when absent) is the state a step expects,
 * compared on everything stored except where the text has moved to meanwhile (positions follow edits).
 */
export function isCurrent(expected: Claim | null, current: Claim | null | undefined): boolean {
	if (!expected || !current) {
		return !expected && !current;
	}
	return expected.id === current.id && expected.modified === current.modified && JSON.stringify(expected.body) === JSON.stringify(current.body)
		&& expected.target.quote.exact === current.target.quote.exact;
}

/** How a change reads in a message: "Tagged", "Removed", "Changed the verdict of" … */
export function describeChange(change: ClaimChange): string {
	switch (change.kind) {
		case 'tag':
			return 'tagging the claim';
		case 'remove':
			return 'removing the claim';
		case 'verdict':
			return 'the verdict change';
		case 'note':
			return 'the note change';
		case 'details':
			return 'the change of claimant, tags or sources';
		default:
			return 'the confirmation of the changed text';
	}
}
