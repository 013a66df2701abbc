// The training recipe of the check-worthiness model, shared by the training script (which fits it on all the
// data and writes weights.ts) and the evaluation (which fits it without the held-out debate or set), so that
// what is measured is what ships. The hyper-parameters were chosen with leave-one-debate-out on CheckThat
// training only (see the README), never on ClaimBuster's groundtruth set.
import { type ClaimBusterSentence, type Debate, type Example, featureCount, featureExample, type LogisticModel, predict, trainNewton } from './checkworthyData';

export const recipe = {
	/** L2 penalty (per the sum of example weights). */
	l2: Number(process.env.CW_L2 ?? 10),
	/** Weight of one CheckThat sentence relative to one ClaimBuster sentence. */
	checkThatWeight: Number(process.env.CW_CT ?? 1),
	/** Extra weight of a check-worthy CheckThat sentence (they are 3% of the sentences). */
	checkThatPositiveWeight: Number(process.env.CW_CTPOS ?? 1),
	/** Weight of a ClaimBuster sentence. */
	claimBusterWeight: Number(process.env.CW_CB ?? 1),
};

/**
 * The fitted model, its bias shifted so that a score of 0.5 is the threshold with the best F1 of the
 * check-worthy class on the ClaimBuster training sentences (the ranking is unchanged): mixing in CheckThat's
 * sentences, of which 3% are check-worthy, would otherwise put that threshold near 0.2, an odd default for users.
 */
export interface FittedModel extends LogisticModel {
	threshold: number;
}

/** The default threshold of the shipped scores (see {@link FittedModel}). */
export const DEFAULT_THRESHOLD = 0.5;

/** Fits the recipe on these debates and ClaimBuster sentences. */
export function fit(debates: readonly Debate[], claimBuster: readonly ClaimBusterSentence[]): FittedModel {
	const examples: Example[] = [];
	for (const debate of debates) {
		for (const s of debate.sentences) {
			examples.push(featureExample(s.text, s.label, recipe.checkThatWeight * (s.label === 1 ? recipe.checkThatPositiveWeight : 1)));
		}
	}
	const claimBusterExamples = claimBuster.map((s) => featureExample(s.text, s.label, recipe.claimBusterWeight));
	examples.push(...claimBusterExamples);
	const model = trainNewton(examples.filter((e) => e.weight > 0), featureCount, recipe.l2);
	const best = bestThreshold(claimBusterExamples.map((e) => predict(model, e)), claimBusterExamples.map((e) => e.label));
	model.bias -= Math.log(best / (1 - best));
	return { ...model, threshold: DEFAULT_THRESHOLD };
}

/** The threshold (on a 0.01 grid) with the best F1 of class 1. */
export function bestThreshold(scores: readonly number[], labels: readonly (0 | 1)[]): number {
	let best = { threshold: 0.5, f1: -1 };
	for (let t = 0.05; t < 0.96; t += 0.01) {
		const f1 = classScores(scores, labels, t).f1;
		if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1 };
	}
	return best.threshold;
}

/** Precision, recall and F1 of class 1 when `score >= threshold` predicts it. */
export function classScores(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number): { precision: number; recall: number; f1: number } {
	let tp = 0;
	let fp = 0;
	let fn = 0;
	scores.forEach((s, i) => {
		if (s >= threshold) {
			if (labels[i] === 1) tp++;
			else fp++;
		} else if (labels[i] === 1) fn++;
	});
	const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
	const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
	return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
