import type { EntityType } from './types';

/**
 * The learned layer of the entity recognizer: a linear model (an averaged perceptron, trained by
 * `npm run train:ner`) that decides, for every surface form the rules propose in a document, whether it is a
 * person, an organization, a place or no entity of these three (an event, a work, a language, an ordinary word).
 * Its features are named strings: the rules' own cues and decisions, the gazetteer hits, the shape and context of
 * each mention, and the document-level votes. A form's mentions share one decision, the sum of their scores.
 */

/** The classes the model scores, in the order of each feature's weights: the entity types, then none. */
export const MODEL_CLASSES: readonly (EntityType | 'none')[] = ['person', 'organization', 'place', 'none'];

/** The number of classes (the length of every weight vector). */
export const CLASS_COUNT = MODEL_CLASSES.length;

/**
 * A trained model: the rules whose spans it decides (those its training data had enough examples of), and one
 * vector of `CLASS_COUNT` weights per feature; unknown features weigh nothing.
 */
export interface TypeModel {
	readonly rules: ReadonlySet<string>;
	readonly weights: ReadonlyMap<string, ArrayLike<number>>;
}

/** The first line of the weights: `#rules<TAB>` and the names of the rules the model decides. */
const RULES_LINE = '#rules\t';

/** Weights are stored as integers in units of 1 / WEIGHT_SCALE (small and deterministic to diff). */
const WEIGHT_SCALE = 100;

/**
 * Reads a model written by `serializeTypeModel`: the rules line, then one feature a line, `feature<TAB>w0 w1 w2 w3`.
 * Lines that do not have this shape are an error, so a damaged weights file fails loudly instead of silently
 * weighing nothing.
 */
export function parseTypeModel(data: string): TypeModel {
	const lines = data.split('\n');
	if (!lines[0].startsWith(RULES_LINE)) throw new Error('type model: the first line must list the rules it decides');
	const rules = new Set(lines[0].slice(RULES_LINE.length).split(' ').filter((rule) => rule.length > 0));
	const weights = new Map<string, Float64Array>();
	for (const line of lines.slice(1)) {
		if (line.length === 0) continue;
		const tab = line.lastIndexOf('\t');
		const parts = tab > 0 ? line.slice(tab + 1).split(' ') : [];
		if (parts.length !== CLASS_COUNT) throw new Error(`type model: bad line "${line.slice(0, 80)}"`);
		const vector = new Float64Array(CLASS_COUNT);
		for (let c = 0; c < CLASS_COUNT; c++) {
			const value = Number(parts[c]);
			if (!Number.isInteger(value)) throw new Error(`type model: bad weight in "${line.slice(0, 80)}"`);
			vector[c] = value / WEIGHT_SCALE;
		}
		weights.set(line.slice(0, tab), vector);
	}
	return { rules, weights };
}

/**
 * Writes weights in the format `parseTypeModel` reads, sorted by feature, rounded to 1 / WEIGHT_SCALE; features
 * whose rounded weights are all zero are left out.
 */
export function serializeTypeModel(model: TypeModel): string {
	const { rules, weights } = model;
	const lines = [RULES_LINE + [...rules].sort().join(' ')];
	for (const feature of [...weights.keys()].sort()) {
		if (/[\t\n]/.test(feature)) throw new Error(`type model: feature with a tab or newline: ${JSON.stringify(feature)}`);
		const vector = weights.get(feature) as ArrayLike<number>;
		const rounded: number[] = [];
		for (let c = 0; c < CLASS_COUNT; c++) rounded.push(Math.round(vector[c] * WEIGHT_SCALE) + 0);
		if (rounded.some((w) => w !== 0)) lines.push(`${feature}\t${rounded.join(' ')}`);
	}
	return lines.join('\n') + '\n';
}

/** Adds the weights of `features` (a feature listed twice counts twice), times `factor`, to `scores` (length `CLASS_COUNT`). */
export function addScores(model: TypeModel, features: readonly string[], scores: Float64Array, factor = 1): void {
	for (const feature of features) {
		const vector = model.weights.get(feature);
		if (vector === undefined) continue;
		for (let c = 0; c < CLASS_COUNT; c++) scores[c] += vector[c] * factor;
	}
}

/** The index of the highest score; ties go to the earlier class. */
export function bestClass(scores: ArrayLike<number>): number {
	let best = 0;
	for (let c = 1; c < CLASS_COUNT; c++) if (scores[c] > scores[best]) best = c;
	return best;
}
