/**
 * The steps of the tagging flow (verdict, claimant, note: always the same three), and the verdict step's
 * choices: numbered 1 to 9 so a digit picks one directly, starting on Unchecked (or on the last verdict used).
 */
import { findVerdict, UNCHECKED_LABEL, type Verdict } from './verdicts';

/** The steps of the tagging flow, in order; every tagging shows all of them. */
export const TAGGING_STEPS = ['verdict', 'claimant', 'note'] as const;
export type TaggingStep = typeof TAGGING_STEPS[number];

/** Where the verdict step starts: on Unchecked, or on the verdict of the previous tagging (`newsSeed.tagging.initialVerdict`). */
export type InitialVerdict = 'unchecked' | 'last';

/** One choice of the verdict step. */
export interface VerdictChoice {
	readonly verdict: Verdict;
	/** The digit that picks it (1-based position), or null past the ninth verdict. */
	readonly digit: number | null;
	/** The label shown: `"3  Half true"`. */
	readonly label: string;
}

/** The verdict step's choices in scale order, each numbered while digits last. */
export function verdictChoices(verdicts: readonly Verdict[]): VerdictChoice[] {
	return verdicts.map((verdict, i) => {
		const digit = i < 9 ? i + 1 : null;
		return { verdict, digit, label: digit === null ? verdict.label : `${digit}  ${verdict.label}` };
	});
}

/** The index of the choice the verdict step starts on: Unchecked, or the last verdict used when it is still on the scale. */
export function initialChoice(verdicts: readonly Verdict[], mode: InitialVerdict, last: string | undefined): number {
	const wanted = mode === 'last' && last !== undefined && findVerdict(verdicts, last) ? last : UNCHECKED_LABEL;
	const index = verdicts.findIndex((v) => v.label.toLowerCase() === wanted.toLowerCase());
	return Math.max(index, 0);
}

/** The verdict a typed value picks directly: a single digit naming a choice; null for anything else. */
export function verdictForDigit(verdicts: readonly Verdict[], typed: string): Verdict | null {
	if (!/^[1-9]$/.test(typed)) {
		return null;
	}
	return verdicts[Number(typed) - 1] ?? null;
}

/** Reads the setting's value, defaulting to `unchecked` for anything unknown. */
export function parseInitialVerdict(value: unknown): InitialVerdict {
	return value === 'last' ? 'last' : 'unchecked';
}
