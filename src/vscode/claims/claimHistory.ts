import * as vscode from 'vscode';
import type { Claim } from '../../core/claims';
import { ClaimHistory, describeChange, isCurrent, type ClaimChange, type HistoryStep } from '../../core/claims/claimHistory';
import { Disposable } from '../dispose';
import { ClaimsError, showError, type ClaimStore } from './claimStore';
import { claimCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/**
 * Undo and redo of claim changes (`newsSeed.undoClaimChange`, `newsSeed.redoClaimChange`), several levels,
 * and the message after each change with its "Undo" button. The states are put back through the store's public
 * methods (`remove`, `restoreClaim`), so the history does not depend on how the store keeps its files.
 *
 * Scenarios:
 *  - a claim command succeeds: the change is recorded, the redo side cleared, a message offers Undo;
 *  - Undo (command, keybinding or button): the claim is put back as it was before the change, if it is still as
 *    the change left it; otherwise the step is dropped and the user told why (the claim changed meanwhile);
 *  - Undo on the message of an older change: refused, since later changes would be lost in between;
 *  - nothing to undo or redo: says so.
 */
export class ClaimUndo extends Disposable {
	private readonly history = new ClaimHistory();

	constructor(private readonly store: ClaimStore) {
		super();
		this._register(registerCommand(claimCommands.undoClaimChange, () => this.step('undo')));
		this._register(registerCommand(claimCommands.redoClaimChange, () => this.step('redo')));
		this.updateContext();
	}

	/** Records a change a command has just made and shows `message` with an Undo button. */
	record(kind: ClaimChange['kind'], articleUri: vscode.Uri, before: Claim | null, after: Claim | null, message: string): void {
		const claimId = (after ?? before)?.id;
		if (!claimId) {
			return;
		}
		const change: ClaimChange = { kind, articleKey: articleUri.toString(), claimId, before, after };
		this.history.record(change);
		this.updateContext();
		void vscode.window.showInformationMessage(`News Seed: ${message}`, 'Undo').then((answer) => {
			if (answer !== 'Undo') {
				return;
			}
			if (!this.history.isLatest(change)) {
				void vscode.window.showWarningMessage(`News Seed: ${describeChange(change)} is no longer the latest claim change; use News Seed: Undo Claim Change to go back step by step.`);
				return;
			}
			void this.step('undo');
		});
	}

	/** Undoes or redoes one change; returns the claim id it touched, or undefined when there was nothing to do. */
	private async step(side: 'undo' | 'redo'): Promise<string | undefined> {
		const step = side === 'undo' ? this.history.peekUndo() : this.history.peekRedo();
		if (!step) {
			void vscode.window.showInformationMessage(`News Seed: there is no claim change to ${side}.`);
			return undefined;
		}
		try {
			await this.store.whenReady();
			await this.apply(step);
		} catch (error) {
			this.history.discard(side);
			this.updateContext();
			showError(error);
			return undefined;
		}
		if (side === 'undo') {
			this.history.commitUndo();
		} else {
			this.history.commitRedo();
		}
		this.updateContext();
		vscode.window.setStatusBarMessage(`News Seed: ${side === 'undo' ? 'undid' : 'redid'} ${describeChange(step.change)}`, 4000);
		return step.change.claimId;
	}

	private async apply(step: HistoryStep): Promise<void> {
		const { change, target, expected } = step;
		const current = this.store.find(change.claimId)?.tracked.claim ?? null;
		if (!isCurrent(expected, current)) {
			throw new ClaimsError(`cannot go back over ${describeChange(change)}: the claim has changed since (in another window, or on disk). Nothing was changed.`);
		}
		if (target === null) {
			await this.store.remove(change.claimId);
		} else {
			await this.store.restoreClaim(vscode.Uri.parse(change.articleKey), target);
		}
	}

	private updateContext(): void {
		void vscode.commands.executeCommand('setContext', 'newsSeed.canUndoClaimChange', this.history.undoCount > 0);
		void vscode.commands.executeCommand('setContext', 'newsSeed.canRedoClaimChange', this.history.redoCount > 0);
	}
}
