// The averaged perceptron behind the entity type model (src/core/entities/typeModel.ts): deterministic for a given
// seed. Used by `npm run train:ner` (the shipped weights) and `npm run eval:ner` (cross-validation on wikigold).
import { CLASS_COUNT } from '../src/core/entities/typeModel';
import type { TypeModel } from '../src/core/entities/typeModel';
import type { LabelledGroup } from './nerData';

/** Training settings; the defaults are what `npm run train:ner` uses. */
export interface TrainingOptions {
	epochs: number;
	seed: number;
	/** Features seen in fewer groups are left out (rare names would only be memorised). */
	minGroups: number;
	/** The model decides the spans of a rule only if the training data has at least this many of them. */
	minRuleSpans: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 10, seed: 11, minGroups: 2, minRuleSpans: 30 };

/** A small seeded generator (mulberry32), so that the order of examples, and so the weights, repeat exactly. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Trains a multi-class averaged perceptron on the groups of mentions the model is to decide: a group's score is the
 * mean of its mentions' feature weights (as in `decideTypes` of the recognizer), and a wrong decision moves the
 * weights of every feature of the group towards the gold class and away from the predicted one. The model decides
 * only forms the rules leave unsettled, and only the spans of rules with enough training examples.
 */
export function trainTypeModel(allGroups: readonly LabelledGroup[], options: TrainingOptions = DEFAULT_TRAINING): TypeModel {
	const spansOfRule = new Map<string, number>();
	for (const group of allGroups) {
		if (!group.settled) for (const rule of group.rules) spansOfRule.set(rule, (spansOfRule.get(rule) ?? 0) + 1);
	}
	const rules = new Set([...spansOfRule].filter(([, n]) => n >= options.minRuleSpans).map(([rule]) => rule));
	const groups = allGroups.filter((group) => !group.settled && group.rules.every((rule) => rules.has(rule)));
	const seen = new Map<string, number>();
	for (const group of groups) {
		for (const feature of new Set(group.mentions.flat())) seen.set(feature, (seen.get(feature) ?? 0) + 1);
	}
	const ids = new Map<string, number>();
	for (const [feature, n] of [...seen].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (n >= options.minGroups) ids.set(feature, ids.size);
	// Each group as (feature id, value) pairs: how often the feature fires per mention.
	const examples = groups.map((group) => {
		const counts = new Map<number, number>();
		for (const mention of group.mentions) {
			for (const feature of mention) {
				const id = ids.get(feature);
				if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1 / group.mentions.length);
			}
		}
		return { ids: [...counts.keys()], counts: [...counts.values()], gold: group.gold };
	});
	const size = ids.size * CLASS_COUNT;
	const weights = new Float64Array(size);
	// The averaging trick: `totals` holds the sum of each weight over all steps so far, brought up to date lazily.
	const totals = new Float64Array(size);
	const stamps = new Float64Array(size);
	let step = 0;
	const update = (index: number, delta: number): void => {
		totals[index] += (step - stamps[index]) * weights[index];
		stamps[index] = step;
		weights[index] += delta;
	};
	const next = random(options.seed);
	const order = examples.map((_, i) => i);
	const scores = new Float64Array(CLASS_COUNT);
	for (let epoch = 0; epoch < options.epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (const index of order) {
			const example = examples[index];
			step++;
			scores.fill(0);
			example.ids.forEach((id, k) => {
				for (let c = 0; c < CLASS_COUNT; c++) scores[c] += weights[id * CLASS_COUNT + c] * example.counts[k];
			});
			let predicted = 0;
			for (let c = 1; c < CLASS_COUNT; c++) if (scores[c] > scores[predicted]) predicted = c;
			if (predicted === example.gold) continue;
			example.ids.forEach((id, k) => {
				update(id * CLASS_COUNT + example.gold, example.counts[k]);
				update(id * CLASS_COUNT + predicted, -example.counts[k]);
			});
		}
	}
	const averaged = new Map<string, Float64Array>();
	for (const [feature, id] of ids) {
		const vector = new Float64Array(CLASS_COUNT);
		for (let c = 0; c < CLASS_COUNT; c++) {
			const index = id * CLASS_COUNT + c;
			vector[c] = (totals[index] + (step - stamps[index]) * weights[index]) / Math.max(1, step);
		}
		averaged.set(feature, vector);
	}
	return { rules, weights: averaged };
}
