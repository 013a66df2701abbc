// Scores the entity recognizer on CoNLL-format files: exact-span precision, recall and F1 for PER, ORG and LOC
// (MISC ignored), with the learned type model and with the rules alone, and throughput.
// Usage: npm run eval:ner -- [FILE...] [--errors N] [--detok]
// With no FILE it scores two sets, so that tuning to one shows on the other: CoNLL-2003 dev (Reuters news, beside
// the clone in ../shared/data/conll2003, for measuring only) and wikigold (Wikipedia, CC BY 4.0, in test/fixtures).
// The type model is trained on wikigold (npm run train:ner), so wikigold is scored by cross-validation: each document
// by a model trained, as the shipped one is, on the folds it is not in.
// Each document's tokens are joined with single spaces, one sentence per line; a mention is mapped back to the
// tokens it touches, so trimming a final period ("U.S.") or a possessive does not count as a mismatch.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognizeEntities } from '../src/core/entities/index';
import { TYPE_MODEL_WEIGHTS } from '../src/core/entities/data/typeModelWeights';
import { recognizeEntitiesWith } from '../src/core/entities/recognize';
import { parseTypeModel, serializeTypeModel } from '../src/core/entities/typeModel';
import type { TypeModel } from '../src/core/entities/typeModel';
import { labelledGroups, parseConll, TAG_OF, TAGS, tokenSpan } from './nerData';
import type { Doc, Tag } from './nerData';
import { DEFAULT_TRAINING, trainTypeModel } from './nerTraining';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The weights the recognizer ships, as `recognizeEntities` uses them. */
const shippedModel = TYPE_MODEL_WEIGHTS.length > 0 ? parseTypeModel(TYPE_MODEL_WEIGHTS) : undefined;
// The shared data folder sits beside the clone (../shared); a git worktree one level deeper finds it at ../../shared.
const conllDev = [`${root}../shared/data/conll2003/dev.txt`, `${root}../../shared/data/conll2003/dev.txt`];
const DEFAULT_SETS: readonly [string, string][] = [
	['CoNLL-2003 dev', conllDev.find((path) => existsSync(path)) ?? conllDev[0]],
	['wikigold', `${root}test/fixtures/wikigold/wikigold.conll.txt`],
];

type Counts = Record<Tag, { tp: number; fp: number; fn: number }>;

/** The file the shipped type model is trained on (`npm run train:ner`): scored by cross-validation, never by those weights. */
const TRAINING_FILE = `${root}test/fixtures/wikigold/wikigold.conll.txt`;
const FOLDS = 5;

/** Exact-span counts per type, and the errors, of the recognizer with the model `modelFor` gives each document. */
function score(docs: readonly Doc[], modelFor: (index: number) => TypeModel | undefined): { counts: Counts; errors: string[] } {
	const counts = Object.fromEntries(TAGS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Counts;
	const errors: string[] = [];
	docs.forEach((doc, index) => {
		const predicted = new Set<string>();
		for (const m of recognizeEntitiesWith(doc.text, {}, modelFor(index))) predicted.add(`${tokenSpan(doc, m.start, m.end)}:${TAG_OF[m.type]}`);
		const spanText = (key: string): string => {
			const [first, last] = key.split(':').map(Number);
			return doc.text.slice(doc.starts[first], doc.ends[last - 1]);
		};
		for (const key of predicted) {
			const tag = key.split(':')[2] as Tag;
			if (doc.gold.has(key)) counts[tag].tp++;
			else {
				counts[tag].fp++;
				errors.push(`FP ${tag} ${spanText(key)}`);
			}
		}
		for (const key of doc.gold) {
			if (!predicted.has(key)) {
				const tag = key.split(':')[2] as Tag;
				counts[tag].fn++;
				const span = key.split(':').slice(0, 2).join(':');
				const typedAs = TAGS.find((t) => predicted.has(`${span}:${t}`));
				errors.push(`FN ${tag} ${spanText(key)}${typedAs ? ` (as ${typedAs})` : ''}`);
			}
		}
	});
	return { counts, errors };
}

/**
 * For the training file: document i is scored by a model trained on the other folds (i mod FOLDS), with the same
 * settings and the same rounding as the shipped weights. For any other file: the shipped weights.
 */
function crossValidatedModels(docs: readonly Doc[]): (index: number) => TypeModel {
	const groups = docs.map(labelledGroups);
	const models: TypeModel[] = [];
	for (let fold = 0; fold < FOLDS; fold++) {
		const training = groups.filter((_, i) => i % FOLDS !== fold).flat();
		models.push(parseTypeModel(serializeTypeModel(trainTypeModel(training, DEFAULT_TRAINING))));
	}
	return (index) => models[index % FOLDS];
}

/** Scores one file; prints per-type figures, overall, throughput and the most frequent errors. */
function evaluate(label: string, file: string, detokenize: boolean, showErrors: number): void {
	const docs = parseConll(file, detokenize);
	const crossValidated = file === TRAINING_FILE;
	const shipped = (): TypeModel | undefined => shippedModel;
	const { counts, errors } = score(docs, crossValidated ? crossValidatedModels(docs) : shipped);
	const rules = score(docs, () => undefined).counts;
	let chars = 0;
	let bytes = 0;
	for (const doc of docs) {
		chars += doc.text.length;
		bytes += Buffer.byteLength(doc.text, 'utf8');
	}

	// Throughput: the whole file again, after the scoring pass warmed the code up.
	// CPU time is reported beside wall time because on a shared machine the wall clock also counts waiting for a core.
	const rounds = 3;
	let best = Infinity;
	let bestCpu = Infinity;
	let rulesCpu = Infinity;
	for (let r = 0; r < rounds; r++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		for (const doc of docs) recognizeEntities(doc.text);
		best = Math.min(best, performance.now() - t0);
		const cpu = process.cpuUsage(c0);
		bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
		// The rules alone, interleaved, so that the ratio compares runs under the same load.
		const r0 = process.cpuUsage();
		for (const doc of docs) recognizeEntitiesWith(doc.text, {}, undefined);
		const rules = process.cpuUsage(r0);
		rulesCpu = Math.min(rulesCpu, (rules.user + rules.system) / 1000);
	}

	const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
	const figures = (c: { tp: number; fp: number; fn: number }): string => {
		const p = c.tp / Math.max(1, c.tp + c.fp);
		const r = c.tp / Math.max(1, c.tp + c.fn);
		const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
		return `P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
	};
	const how = crossValidated
		? `rules + type model, ${FOLDS}-fold cross-validation by document (each fold scored by a model trained on the other folds)`
		: 'rules + type model (shipped weights, trained on wikigold only)';
	console.log(`== ${label}: ${file}\n   ${how}`);
	const sum = (all: Counts): { tp: number; fp: number; fn: number } => {
		const total = { tp: 0, fp: 0, fn: 0 };
		for (const tag of TAGS) {
			total.tp += all[tag].tp;
			total.fp += all[tag].fp;
			total.fn += all[tag].fn;
		}
		return total;
	};
	for (const tag of TAGS) console.log(`${tag}      ${figures(counts[tag])}`);
	console.log(`overall  ${figures(sum(counts))}`);
	const f1 = (c: { tp: number; fp: number; fn: number }): string => pct((2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn)).trim();
	console.log(`   rules alone: F1 ${f1(sum(rules))} overall (${TAGS.map((tag) => `${tag} ${f1(rules[tag])}`).join(', ')})`);
	const mbPerSecond = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(1);
	console.log(`${docs.length} documents, ${chars} chars (${bytes} bytes), best of ${rounds}: ${best.toFixed(0)} ms wall = ${mbPerSecond(best)} MB/s; ${bestCpu.toFixed(0)} ms CPU = ${mbPerSecond(bestCpu)} MB/s (${(bestCpu / Math.max(1, rulesCpu)).toFixed(2)}x the CPU time of the rules alone)`);
	if (showErrors > 0) {
		const tally = new Map<string, number>();
		for (const e of errors) tally.set(e, (tally.get(e) ?? 0) + 1);
		for (const [e, n] of [...tally].sort((x, y) => y[1] - x[1]).slice(0, showErrors)) console.log(`${String(n).padStart(4)} ${e}`);
	}
}

const args = process.argv.slice(2);
const errorsIndex = args.indexOf('--errors');
const showErrors = errorsIndex >= 0 ? Number(args[errorsIndex + 1] ?? 50) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && !(errorsIndex >= 0 && i === errorsIndex + 1));
const sets: [string, string][] = files.length > 0 ? files.map((f) => [f, f]) : DEFAULT_SETS.filter(([label, path]) => {
	if (existsSync(path)) return true;
	console.log(`== ${label}: not found at ${path}, skipped`);
	return false;
});
if (sets.length === 0) {
	console.error('usage: npm run eval:ner -- [FILE...] [--errors N] [--detok]');
	process.exit(2);
}
for (const [label, path] of sets) evaluate(label, path, args.includes('--detok'), showErrors);
