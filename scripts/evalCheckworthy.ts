// `npm run eval:checkworthy`: measures the check-worthiness scorer next to a random ranking and a bag-of-words
// logistic regression, in one run.
// 1. CheckThat! 2019 training, leave-one-debate-out: the recipe (scripts/checkworthyRecipe.ts) is fitted without
//    the held-out debate (and without ClaimBuster's copy of it, when it has one), then ranks that debate's
//    sentences; MAP, R-precision and P@10 over the 19 debates. Speaker names are never used.
// 2. ClaimBuster's 1,032-sentence groundtruth set: the shipped weights (trained without those sentences) at the
//    default threshold; precision, recall and F1 of class 1 (check-worthy factual).
// 3. The same debates written as seed articles without speaker names (several layouts), run through the real
//    `news-seed checkworthy --json` (scripts/checkworthyArticles.ts), its sentences mapped back to the labelled
//    lines: MAP, R-precision and P@10 with the leave-one-debate-out weights and with the shipped ones (which saw
//    these debates in training), and the labelled lines the command lost or merged.
// 4. Throughput of scoring a seed article built from the debates' sentences, in MB/s.
// The data stay in ../shared/data (NEWS_SEED_DATA); nothing of them is written anywhere.
import { loadavg } from 'node:os';
import { parseSeed } from '../src/core/seed/seedParser';
import { scoreDocument, scoreText } from '../src/core/checkworthiness/scorer';
import { checkworthinessModel } from '../src/core/checkworthiness/weights';
import {
	averagePrecision, type Debate, featureExample, type LogisticModel, loadCheckThat, loadClaimBuster, precisionAt, predict, rPrecision, sameEvent,
	seededRandom, trainSgd, Vocabulary,
} from './checkworthyData';
import { checkworthyJson, debateArticle, layouts, mapToLines } from './checkworthyArticles';
import { classScores, fit, recipe } from './checkworthyRecipe';

interface RankingFigures {
	map: number;
	rPrecision: number;
	p10: number;
}

const debates = loadCheckThat();
const crowdsourced = loadClaimBuster('crowdsourced');
const groundtruth = loadClaimBuster('groundtruth');
const groundtruthTexts = new Set(groundtruth.map((s) => s.text));
const quick = process.argv.includes('--quick');

function rankingFigures(perDebate: readonly { scores: number[]; labels: (0 | 1)[] }[]): RankingFigures {
	const mean = (f: (x: { scores: number[]; labels: (0 | 1)[] }) => number): number => perDebate.reduce((sum, d) => sum + f(d), 0) / perDebate.length;
	return {
		map: mean((d) => averagePrecision(d.scores, d.labels)),
		rPrecision: mean((d) => rPrecision(d.scores, d.labels)),
		p10: mean((d) => precisionAt(d.scores, d.labels, 10)),
	};
}

function bagOfWordsScores(training: readonly Debate[], heldOut: Debate): number[] {
	const texts = training.flatMap((d) => d.sentences.map((s) => s.text));
	const vocabulary = new Vocabulary(texts);
	const examples = training.flatMap((d) => d.sentences.map((s) => vocabulary.example(s.text, s.label)));
	const model = trainSgd(examples, vocabulary.size, 1);
	return heldOut.sentences.map((s) => predict(model, vocabulary.example(s.text, 0)));
}

const RANDOM_RUNS = 50;
/** Each debate's leave-one-debate-out model (fitted without it), for the articles' run too. */
const heldOutModels = new Map<Debate, LogisticModel>();

function leaveOneDebateOut(): void {
	const ours: { scores: number[]; labels: (0 | 1)[] }[] = [];
	const bow: { scores: number[]; labels: (0 | 1)[] }[] = [];
	const random: RankingFigures = { map: 0, rPrecision: 0, p10: 0 };
	const next = seededRandom(2019);
	for (const heldOut of debates) {
		const training = debates.filter((d) => d !== heldOut);
		const claimBuster = crowdsourced.filter((s) => !sameEvent(s.date, heldOut.date) && !groundtruthTexts.has(s.text));
		const model = fit(training, claimBuster);
		heldOutModels.set(heldOut, model);
		const labels = heldOut.sentences.map((s) => s.label);
		ours.push({ scores: heldOut.sentences.map((s) => predict(model, featureExample(s.text, 0))), labels });
		if (!quick) bow.push({ scores: bagOfWordsScores(training, heldOut), labels });
	}
	for (let run = 0; run < RANDOM_RUNS; run++) {
		const figures = rankingFigures(debates.map((d) => ({ scores: d.sentences.map(() => next()), labels: d.sentences.map((s) => s.label) })));
		random.map += figures.map / RANDOM_RUNS;
		random.rPrecision += figures.rPrecision / RANDOM_RUNS;
		random.p10 += figures.p10 / RANDOM_RUNS;
	}
	const rows: [string, RankingFigures][] = [['random ranking (mean of 50)', random]];
	if (!quick) rows.push(['bag of words + bigrams, logistic regression', rankingFigures(bow)]);
	rows.push(['news-seed features (this model)', rankingFigures(ours)]);
	console.log(`CheckThat! 2019 training, leave-one-debate-out (${debates.length} debates, ${debates.reduce((n, d) => n + d.sentences.length, 0)} sentences)`);
	console.log(`recipe: ${JSON.stringify(recipe)}`);
	console.log(`${'ranking'.padEnd(46)}    MAP  R-prec    P@10`);
	for (const [name, f] of rows) console.log(`${name.padEnd(46)} ${f.map.toFixed(3).padStart(6)}  ${f.rPrecision.toFixed(3).padStart(6)}  ${f.p10.toFixed(3).padStart(6)}`);
	if (process.argv.includes('--per-debate')) {
		debates.forEach((d, i) => console.log(`  ${d.name.padEnd(28)} AP ${averagePrecision(ours[i].scores, ours[i].labels).toFixed(3)}`));
	}
}

function groundtruthSet(): void {
	const labels = groundtruth.map((s) => s.label);
	const threshold = checkworthinessModel.threshold;
	const ours = classScores(groundtruth.map((s) => scoreText(s.text).score), labels, threshold);
	const trainingRate = crowdsourced.filter((s) => s.label === 1).length / crowdsourced.length;
	const next = seededRandom(1032);
	const random = { precision: 0, recall: 0, f1: 0 };
	for (let run = 0; run < RANDOM_RUNS; run++) {
		const figures = classScores(groundtruth.map(() => (next() < trainingRate ? 1 : 0)), labels, 0.5);
		random.precision += figures.precision / RANDOM_RUNS;
		random.recall += figures.recall / RANDOM_RUNS;
		random.f1 += figures.f1 / RANDOM_RUNS;
	}
	const training = crowdsourced.filter((s) => !groundtruthTexts.has(s.text));
	const vocabulary = new Vocabulary(training.map((s) => s.text));
	const bowModel = trainSgd(training.map((s) => vocabulary.example(s.text, s.label)), vocabulary.size, 1);
	const bow = classScores(groundtruth.map((s) => predict(bowModel, vocabulary.example(s.text, 0))), labels, 0.5);
	console.log(`\nClaimBuster groundtruth (${groundtruth.length} sentences, ${labels.filter((l) => l === 1).length} check-worthy), class 1`);
	console.log(`${'classifier'.padEnd(46)} precision  recall      F1`);
	const rows: [string, { precision: number; recall: number; f1: number }][] = [
		[`random at the training rate (${(trainingRate * 100).toFixed(0)}%, mean of 50)`, random],
		['bag of words + bigrams on crowdsourced, 0.5', bow],
		[`news-seed features, default threshold ${threshold}`, ours],
	];
	for (const [name, f] of rows) console.log(`${name.padEnd(46)} ${f.precision.toFixed(3).padStart(9)}  ${f.recall.toFixed(3).padStart(6)}  ${f.f1.toFixed(3).padStart(6)}`);
}

function throughput(): void {
	// A seed article of about 1 MB made of the debates' sentences, five to a paragraph.
	const sentences = debates.flatMap((d) => d.sentences.map((s) => s.text));
	const paragraphs: string[] = [];
	let size = 0;
	for (let i = 0; size < 1_000_000; i += 5) {
		const paragraph = Array.from({ length: 5 }, (_, k) => sentences[(i + k) % sentences.length]).join(' ');
		paragraphs.push(paragraph);
		size += paragraph.length + 2;
	}
	const text = ` date 2016-09-26 ${paragraphs.join('\n\n')}`;
	const doc = parseSeed(text);
	const bytes = Buffer.byteLength(text);
	scoreDocument(doc);
	const runs = 3;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	let count = 0;
	for (let run = 0; run < runs; run++) count = scoreDocument(doc).length;
	const seconds = (performance.now() - started) / 1000 / runs;
	const cpu = process.cpuUsage(cpuBefore);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6 / runs;
	console.log(`\nThroughput: ${(bytes / 1e6).toFixed(2)} MB article, ${count} sentences scored (split included, parsing excluded): wall ${(seconds * 1000).toFixed(0)} ms = ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, CPU ${(cpuSeconds * 1000).toFixed(0)} ms = ${(bytes / 1e6 / cpuSeconds).toFixed(1)} MB/s (target 1 MB/s; load average ${loadavg()[0].toFixed(1)})`);
}

/** As `news-seed checkworthy --json` prints a score: three decimals. */
function asPrinted(score: number): number {
	return Math.round(score * 1000) / 1000;
}

async function asSeedArticles(): Promise<void> {
	const lines = debates.reduce((n, d) => n + d.sentences.length, 0);
	const positives = debates.reduce((n, d) => n + d.sentences.filter((s) => s.label === 1).length, 0);
	console.log(`\nThe same debates as seed articles without speaker names, through \`news-seed checkworthy --json\` (${lines} labelled lines, ${positives} check-worthy)`);
	console.log(`${'layout'.padEnd(52)} lost (1s)  merged (1s)  split   LOO: MAP  R-prec    P@10   shipped: MAP`);
	for (const layout of layouts) {
		const articles = debates.map((d) => debateArticle(d, layout));
		const returned = await checkworthyJson(articles.map((a) => a.text));
		const held: { scores: number[]; labels: (0 | 1)[] }[] = [];
		const shipped: { scores: number[]; labels: (0 | 1)[] }[] = [];
		const totals = { lost: 0, lostPositives: 0, merged: 0, mergedPositives: 0, split: 0 };
		debates.forEach((debate, i) => {
			const labels = debate.sentences.map((s) => s.label);
			for (const s of returned[i]) if (articles[i].text.slice(s.start, s.end) !== s.text) throw new Error(`offsets of "${s.text}" do not match the text`);
			const model = heldOutModels.get(debate);
			if (!model) throw new Error(`no held-out model for ${debate.name}`);
			const mapped = mapToLines(articles[i], labels, returned[i], (s) => asPrinted(predict(model, featureExample(s.text, 0))));
			held.push({ scores: mapped.scores, labels });
			shipped.push({ scores: mapToLines(articles[i], labels, returned[i], (s) => s.score).scores, labels });
			for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += mapped[key];
		});
		const h = rankingFigures(held);
		const s = rankingFigures(shipped);
		console.log(`${layout.name.padEnd(52)} ${`${totals.lost} (${totals.lostPositives})`.padStart(9)}  ${`${totals.merged} (${totals.mergedPositives})`.padStart(11)}  ${String(totals.split).padStart(5)}  ${h.map.toFixed(3).padStart(8)}  ${h.rPrecision.toFixed(3).padStart(6)}  ${h.p10.toFixed(3).padStart(6)}  ${s.map.toFixed(3).padStart(13)}`);
	}
	console.log('(lost: lines in no returned sentence, ranked last; merged: lines sharing a returned sentence with another; LOO: scored with the weights fitted without the debate, printed to three decimals as the command does; shipped: the command\'s own scores, whose weights saw these debates)');
}

leaveOneDebateOut();
await asSeedArticles();
if (!quick) {
	groundtruthSet();
	throughput();
}
