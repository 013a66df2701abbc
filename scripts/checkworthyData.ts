// Shared by trainCheckworthy.ts and evalCheckworthy.ts: the two data sets (read from ../shared/data/ beside the clone, never
// copied into the repository), logistic regression with L2 in plain TypeScript, a bag-of-words baseline and the
// ranking measures of the CLEF CheckThat! lab.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { detectFeatures, features } from '../src/core/checkworthiness/features';
import { seededRandom } from '../test/support/seededRandom';

/** Where the data sets live: shared/data beside the clone (override with NEWS_SEED_DATA). */
export const dataDir = process.env.NEWS_SEED_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');

export interface LabelledSentence {
	readonly text: string;
	/** 1 check-worthy, 0 not. */
	readonly label: 0 | 1;
}

/** A line of a CheckThat debate; the speaker only says where an utterance ends (names are never scored). */
export interface DebateLine extends LabelledSentence {
	readonly speaker: string;
}

export interface Debate {
	readonly name: string;
	/** yyyy-mm-dd, to keep ClaimBuster's copy of the same debate out of training when this debate is held out. */
	readonly date: string;
	readonly sentences: readonly DebateLine[];
}

/** CheckThat! 2019 task 1 training: 19 debates and speeches, one sentence a line. */
export function loadCheckThat(): Debate[] {
	const dir = join(dataDir, 'checkthat2019', 'training');
	return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().map((file) => {
		const sentences = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((line) => {
			const [, speaker, text, label] = line.split('\t');
			return { speaker: speaker.trim(), text: text.trim(), label: label.trim() === '1' ? 1 as const : 0 as const };
		});
		// File names are yyyymmdd (one is yyyyddmm: 20182601); only the month and year matter for the overlap check.
		const date = `${file.slice(0, 4)}-${file.slice(4, 6)}-${file.slice(6, 8)}`;
		return { name: file.replace(/\.tsv$/, ''), date, sentences };
	});
}

export interface ClaimBusterSentence extends LabelledSentence {
	readonly id: string;
	/** The debate's date, yyyy-mm-dd. */
	readonly date: string;
	/** ClaimBuster's three classes: 1 check-worthy factual, 0 unimportant factual, -1 non-factual. */
	readonly verdict: -1 | 0 | 1;
}

/** A ClaimBuster CSV (crowdsourced.csv or groundtruth.csv); label is 1 for the check-worthy factual class. */
export function loadClaimBuster(name: 'crowdsourced' | 'groundtruth'): ClaimBusterSentence[] {
	const rows = parse(readFileSync(join(dataDir, 'claimbuster', `${name}.csv`), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	return rows.map((row) => {
		const verdict = Number(row.Verdict) as -1 | 0 | 1;
		return { id: row.Sentence_id, text: row.Text.trim(), date: row.File_id.replace(/\.txt$/, ''), verdict, label: verdict === 1 ? 1 as const : 0 as const };
	});
}

/** Whether two yyyy-mm-dd dates are within three days (the CheckThat file names are the day after some debates). */
export function sameEvent(a: string, b: string): boolean {
	const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
	const [da, db] = [day(a), day(b)];
	return Number.isFinite(da) && Number.isFinite(db) && Math.abs(da - db) <= 3;
}

/** A training example: sparse binary (or valued) features, a label and a weight. */
export interface Example {
	readonly indices: Int32Array;
	readonly values: Float64Array;
	readonly label: 0 | 1;
	readonly weight: number;
}

const firedByText = new Map<string, { indices: Int32Array; values: Float64Array }>();

/** The named features of a sentence as an example (features memoised by text: the folds refit on the same sentences). */
export function featureExample(text: string, label: 0 | 1, weight = 1): Example {
	let x = firedByText.get(text);
	if (!x) {
		const fired = detectFeatures(text);
		x = { indices: Int32Array.from(fired.map((f) => f.index)), values: Float64Array.from(fired.map((f) => f.hit.value)) };
		firedByText.set(text, x);
	}
	return { ...x, label, weight };
}

export const featureCount = features.length;

export interface LogisticModel {
	readonly weights: Float64Array;
	bias: number;
}

function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}

export function predict(model: LogisticModel, example: Example): number {
	let z = model.bias;
	for (let k = 0; k < example.indices.length; k++) z += model.weights[example.indices[k]] * example.values[k];
	return sigmoid(z);
}

/**
 * Logistic regression with an L2 penalty (`l2` times half the squared weights, bias unpenalised), fitted by
 * Newton's method: exact and quick for a few dozen features. Weights of examples scale their loss.
 */
export function trainNewton(examples: readonly Example[], dimension: number, l2: number, iterations = 25): LogisticModel {
	const n = dimension + 1; // last coordinate is the bias
	const theta = new Float64Array(n);
	for (let iter = 0; iter < iterations; iter++) {
		const gradient = new Float64Array(n);
		const hessian = new Float64Array(n * n);
		for (const ex of examples) {
			let z = theta[dimension];
			for (let k = 0; k < ex.indices.length; k++) z += theta[ex.indices[k]] * ex.values[k];
			const p = sigmoid(z);
			const g = (p - ex.label) * ex.weight;
			const h = p * (1 - p) * ex.weight;
			const idx = [...ex.indices, dimension];
			const val = [...ex.values, 1];
			for (let a = 0; a < idx.length; a++) {
				gradient[idx[a]] += g * val[a];
				for (let b = 0; b < idx.length; b++) hessian[idx[a] * n + idx[b]] += h * val[a] * val[b];
			}
		}
		for (let j = 0; j < dimension; j++) {
			gradient[j] += l2 * theta[j];
			hessian[j * n + j] += l2;
		}
		hessian[dimension * n + dimension] += 1e-9;
		const step = solve(hessian, gradient, n);
		let change = 0;
		for (let j = 0; j < n; j++) {
			theta[j] -= step[j];
			change = Math.max(change, Math.abs(step[j]));
		}
		if (change < 1e-7) break;
	}
	return { weights: theta.slice(0, dimension), bias: theta[dimension] };
}

/** Solves `A x = b` for a symmetric positive definite `A` (n by n, row-major) by Gaussian elimination. */
function solve(matrix: Float64Array, vector: Float64Array, n: number): Float64Array {
	const a = Float64Array.from(matrix);
	const b = Float64Array.from(vector);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
		if (pivot !== col) {
			for (let c = 0; c < n; c++) [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c], a[col * n + c]];
			[b[col], b[pivot]] = [b[pivot], b[col]];
		}
		const d = a[col * n + col];
		for (let r = col + 1; r < n; r++) {
			const f = a[r * n + col] / d;
			if (f === 0) continue;
			for (let c = col; c < n; c++) a[r * n + c] -= f * a[col * n + c];
			b[r] -= f * b[col];
		}
	}
	const x = new Float64Array(n);
	for (let r = n - 1; r >= 0; r--) {
		let s = b[r];
		for (let c = r + 1; c < n; c++) s -= a[r * n + c] * x[c];
		x[r] = s / a[r * n + r];
	}
	return x;
}

/** The tests' seeded generator, so that every run of the scripts prints the same figures. */
export { seededRandom };

/**
 * Logistic regression with L2 by AdaGrad over shuffled examples: for the bag-of-words baseline's thousands of
 * sparse features, where Newton's method would need a huge matrix.
 */
export function trainSgd(examples: readonly Example[], dimension: number, l2: number, epochs = 15, rate = 0.2): LogisticModel {
	const weights = new Float64Array(dimension);
	const squares = new Float64Array(dimension).fill(1e-8);
	let bias = 0;
	let biasSquares = 1e-8;
	const order = examples.map((_, i) => i);
	const random = seededRandom(7);
	const perExampleL2 = l2 / Math.max(1, examples.length);
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (const i of order) {
			const ex = examples[i];
			let z = bias;
			for (let k = 0; k < ex.indices.length; k++) z += weights[ex.indices[k]] * ex.values[k];
			const g = (sigmoid(z) - ex.label) * ex.weight;
			for (let k = 0; k < ex.indices.length; k++) {
				const j = ex.indices[k];
				const grad = g * ex.values[k] + perExampleL2 * weights[j] * examples.length / 100;
				squares[j] += grad * grad;
				weights[j] -= (rate * grad) / Math.sqrt(squares[j]);
			}
			biasSquares += g * g;
			bias -= (rate * g) / Math.sqrt(biasSquares);
		}
	}
	return { weights, bias };
}

/** Lower-case word unigrams and bigrams, for the bag-of-words baseline. */
export function bagOfWords(text: string): string[] {
	const words = text.toLowerCase().match(/[\p{L}\p{N}$%']+/gu) ?? [];
	const grams = [...words];
	for (let i = 1; i < words.length; i++) grams.push(`${words[i - 1]} ${words[i]}`);
	return grams;
}

/** A vocabulary built on training sentences (terms seen at least `minCount` times) and the examples over it. */
export class Vocabulary {
	private readonly ids = new Map<string, number>();

	constructor(texts: readonly string[], minCount = 2) {
		const counts = new Map<string, number>();
		for (const text of texts) for (const gram of new Set(bagOfWords(text))) counts.set(gram, (counts.get(gram) ?? 0) + 1);
		for (const [gram, count] of counts) if (count >= minCount) this.ids.set(gram, this.ids.size);
	}

	get size(): number {
		return this.ids.size;
	}

	example(text: string, label: 0 | 1, weight = 1): Example {
		const indices = [...new Set(bagOfWords(text).map((g) => this.ids.get(g)).filter((id): id is number => id !== undefined))];
		return { indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1), label, weight };
	}
}

/** Average precision of a ranking (scores, labels): the mean of the precision at each relevant item. */
export function averagePrecision(scores: readonly number[], labels: readonly (0 | 1)[]): number {
	const order = rank(scores);
	let found = 0;
	let sum = 0;
	order.forEach((i, position) => {
		if (labels[i] === 1) {
			found++;
			sum += found / (position + 1);
		}
	});
	return found === 0 ? 0 : sum / found;
}

/** Precision in the top R, R being the number of relevant items. */
export function rPrecision(scores: readonly number[], labels: readonly (0 | 1)[]): number {
	const relevant = labels.filter((l) => l === 1).length;
	return relevant === 0 ? 0 : precisionAt(scores, labels, relevant);
}

/** Precision in the top k. */
export function precisionAt(scores: readonly number[], labels: readonly (0 | 1)[], k: number): number {
	const top = rank(scores).slice(0, k);
	return top.filter((i) => labels[i] === 1).length / k;
}

/** Indexes by descending score; ties keep document order (the lab's scorer sorts stably too). */
function rank(scores: readonly number[]): number[] {
	return scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}
