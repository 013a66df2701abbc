import * as vscode from 'vscode';
import type { Verdict } from '../../core/claims';
import { initialChoice, parseInitialVerdict, TAGGING_STEPS, verdictChoices, verdictForDigit, type TaggingStep } from '../../core/claims/taggingSteps';
import { Disposable } from '../dispose';
import { readConfiguredAuthor, systemUserName } from './claimSettings';
import { verdictIconUri } from './verdictIcons';
import { testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/** What the user chose in the tagging flow. */
export interface TaggingChoices {
	readonly verdict: string;
	readonly claimant: string | null;
	readonly note: string;
	/** The creator to record: the name given in the one-time question, else undefined (read the setting). */
	readonly creator?: string;
}

interface StepItem extends vscode.QuickPickItem {
	readonly verdict?: Verdict;
}

type Step = TaggingStep | 'author';

/**
 * The tagging flow: one quick input that walks through the same three steps every time (verdict, claimant,
 * note), with the step count, a Back button and `ignoreFocusOut`. The one input is reused from step to step and
 * only hidden when the flow ends, so the keyboard focus never returns to the article in between: a key pressed
 * during the flow can never change the evidence. The text being tagged stays highlighted from the first step to
 * the last.
 *
 * Scenarios:
 *  - Enter, Enter, Enter: Unchecked (or the last verdict, `newsSeed.tagging.initialVerdict`), the suggested
 *    claimant, no note;
 *  - a digit on the verdict step picks that verdict and moves on;
 *  - Back returns to the previous step with its value kept; Escape cancels the whole flow and nothing is saved;
 *  - `newsSeed.author` empty: a one-time question for the user's name comes first and is written to the user
 *    settings, so it is never asked again.
 */
export class TaggingFlow extends Disposable {
	private readonly highlight = this._register(vscode.window.createTextEditorDecorationType({
		backgroundColor: new vscode.ThemeColor('newsSeed.tagging.pendingBackground'),
		borderColor: new vscode.ThemeColor('newsSeed.tagging.pendingBorder'),
		borderStyle: 'solid',
		borderWidth: '1px',
		rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
	}));
	private lastVerdict: string | undefined;
	private running: vscode.QuickPick<StepItem> | undefined;
	private step: Step | undefined;

	constructor(private readonly extensionUri: vscode.Uri) {
		super();
		this._register({ dispose: () => this.running?.dispose() });
		// For tests and automation (hidden from the palette): the open step, its value and highlighted choice.
		this._register(registerCommand(testOnlyCommands.taggingSnapshot, () => (this.running ? {
			step: this.step,
			title: this.running.title,
			value: this.running.value,
			active: this.running.activeItems[0]?.label,
			items: this.running.items.map((i) => i.label),
		} : null)));
	}

	/** Runs the flow for `range` of `editor`; resolves with the choices, or undefined when cancelled. */
	run(editor: vscode.TextEditor, range: vscode.Range, title: string, verdicts: readonly Verdict[], suggestedClaimant: string | null): Promise<TaggingChoices | undefined> {
		// A second Tag Claim while one is open would stack inputs: the first one ends.
		this.running?.dispose();
		const pick = vscode.window.createQuickPick<StepItem>();
		this.running = pick;
		pick.ignoreFocusOut = true;
		pick.matchOnDescription = false;
		editor.setDecorations(this.highlight, [range]);
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);

		const choices = verdictChoices(verdicts);
		const mode = parseInitialVerdict(vscode.workspace.getConfiguration('newsSeed.tagging').get('initialVerdict'));
		const values: { verdict: string; claimant: string; note: string } = {
			verdict: verdicts[initialChoice(verdicts, mode, this.lastVerdict)].label,
			claimant: suggestedClaimant ?? '',
			note: '',
		};
		const listeners: vscode.Disposable[] = [];
		let creator: string | undefined;
		let step: Step = readConfiguredAuthor() === '' ? 'author' : 'verdict';

		return new Promise((resolve) => {
			let done = false;
			const finish = (result: TaggingChoices | undefined) => {
				if (done) {
					return;
				}
				done = true;
				listeners.forEach((l) => l.dispose());
				if (this.running === pick) {
					this.running = undefined;
				}
				pick.dispose();
				editor.setDecorations(this.highlight, []);
				resolve(result);
			};

			const textItem = (value: string): StepItem => {
				const empty = step === 'claimant' ? 'No claimant' : step === 'note' ? 'No note' : systemUserName() ?? 'anonymous';
				return { label: value.trim() === '' ? empty : value, description: step === 'note' ? 'Enter to save the claim' : 'Enter to go on', alwaysShow: true };
			};

			const show = (next: Step) => {
				step = next;
				this.step = next;
				const index = TAGGING_STEPS.indexOf(next as TaggingStep);
				pick.title = next === 'author' ? 'News Seed: your name, recorded as the creator of the claims you tag (asked once)' : title;
				pick.step = index >= 0 ? index + 1 : undefined;
				pick.totalSteps = index >= 0 ? TAGGING_STEPS.length : undefined;
				pick.buttons = index > 0 ? [vscode.QuickInputButtons.Back] : [];
				if (next === 'verdict') {
					pick.placeholder = 'Verdict: Enter keeps the highlighted one; type a digit to choose directly';
					pick.value = '';
					const items = choices.map((c) => ({
						label: c.label,
						description: c.verdict.rating !== null ? `rating ${c.verdict.rating}` : undefined,
						iconPath: verdictIconUri(this.extensionUri, c.verdict),
						verdict: c.verdict,
					}));
					pick.items = items;
					const current = items.find((i) => i.verdict.label === values.verdict);
					pick.activeItems = current ? [current] : [];
					return;
				}
				const value = next === 'author' ? systemUserName() ?? '' : values[next];
				pick.placeholder = next === 'author' ? 'Your name or initials' : next === 'claimant'
					? 'Claimant, who makes the claim: the suggestion from the attribution, edit it, or clear it for none'
					: 'Note (optional, Markdown; type \\n for a line break)';
				pick.value = value;
				pick.items = [textItem(value)];
			};

			listeners.push(
				pick.onDidChangeValue((value) => {
					if (step === 'verdict') {
						const direct = verdictForDigit(verdicts, value.trim());
						if (direct) {
							values.verdict = direct.label;
							show('claimant');
						}
						return;
					}
					pick.items = [textItem(value)];
				}),
				pick.onDidTriggerButton((button) => {
					if (button === vscode.QuickInputButtons.Back && (step === 'claimant' || step === 'note')) {
						values[step] = pick.value;
						show(TAGGING_STEPS[TAGGING_STEPS.indexOf(step) - 1]);
					}
				}),
				pick.onDidAccept(() => {
					switch (step) {
						case 'author': {
							const name = pick.value.trim() || systemUserName() || 'anonymous';
							creator = name;
							void vscode.workspace.getConfiguration('newsSeed').update('author', name, vscode.ConfigurationTarget.Global);
							show('verdict');
							return;
						}
						case 'verdict': {
							const chosen = pick.activeItems[0]?.verdict;
							if (chosen) {
								values.verdict = chosen.label;
								show('claimant');
							}
							return;
						}
						case 'claimant':
							values.claimant = pick.value;
							show('note');
							return;
						case 'note': {
							values.note = pick.value.replace(/\\n/g, '\n');
							this.lastVerdict = values.verdict;
							const claimant = values.claimant.trim();
							finish({ verdict: values.verdict, claimant: claimant === '' ? null : claimant, note: values.note.trim() === '' ? '' : values.note, creator });
							return;
						}
					}
				}),
				pick.onDidHide(() => finish(undefined)),
			);
			show(step);
			pick.show();
		});
	}
}
