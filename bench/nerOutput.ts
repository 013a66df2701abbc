// The entity recognizer's whole output on fixed corpora, to show that a change for speed changes nothing, and its CPU
// per MB on the same corpora. The corpora: the generated archive of issue 12 (what the index workers analyse; `archive`
// by the old generator, `archive-v2` by the one with a news-like vocabulary), the
// `npm run eval:ner` sets (CoNLL-2003 dev beside the clone or at NEWS_SEED_DATA, wikigold, BTC news tweets; tokens
// joined with spaces and detokenised), the samples, and a few archive articles with a user lexicon.
//   node --import tsx bench/nerOutput.ts write OUT     every article's entities (spans, types, groups) to OUT
//   node --import tsx bench/nerOutput.ts time          CPU ms and MB/s per corpus (one pass each, as a cold worker)
// NER_CORPORA=archive,conll-dev limits either to those corpora; NER_WORKER_MEMORY=1 runs as an index worker does.
// To compare two trees in one run, bundle this file from each (`npx esbuild bench/nerOutput.ts --bundle
// --platform=node --format=esm --outfile=...`) and run the bundles alternately. (Not a *.bench.ts: `npm run bench`
// does not run it.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../src/core/entities/articleEntities';
import { recognizeEntities, type UserLexicon } from '../src/core/entities/index';
import { useWorkerMemory } from '../src/core/entities/workerMemory';
import { generateArchive } from '../test/support/newsArchive';

// Run from the repository's root (a bundle of this file lives elsewhere).
const root = process.cwd();

interface Corpus {
	readonly name: string;
	readonly texts: readonly string[];
	readonly lexicon?: UserLexicon;
}

/** CoNLL documents as `npm run eval:ner` joins them: one sentence per line, tokens by spaces (or detokenised). */
function conllTexts(file: string, detokenize: boolean, sentencePerDoc: boolean): string[] {
	const docs: string[] = [];
	let lines: string[] = [];
	let line: string[] = [];
	const noSpaceBefore = /^(?:[,.;:!?)\]}%]|'s|'|n't)$/;
	const noSpaceAfter = /^[([{$]$/;
	const endSentence = (): void => {
		if (line.length === 0) return;
		let text = '';
		line.forEach((token, k) => {
			if (k > 0 && !(detokenize && (noSpaceBefore.test(token) || noSpaceAfter.test(line[k - 1])))) text += ' ';
			text += token;
		});
		lines.push(text);
		line = [];
	};
	const endDoc = (): void => {
		endSentence();
		if (lines.length > 0) docs.push(lines.join('\n'));
		lines = [];
	};
	for (const row of readFileSync(file, 'utf8').split(/\r?\n/)) {
		if (row.startsWith('-DOCSTART-')) endDoc();
		else if (row.trim() === '') {
			if (sentencePerDoc) endDoc();
			else endSentence();
		} else line.push(row.split(/[ \t]/)[0]);
	}
	endDoc();
	return docs;
}

function corpora(): Corpus[] {
	const archive = [...generateArchive(6376, 12, 1)].map((article) => article.text);
	const archiveV2 = [...generateArchive(6376, 12, 2)].map((article) => article.text);
	const data = process.env.NEWS_SEED_DATA ?? [join(root, '../shared/data'), join(root, '../../shared/data')].find((path) => existsSync(path)) ?? '';
	const conll = join(data, 'conll2003/dev.txt');
	const sets: [string, string, boolean][] = [
		['conll-dev', conll, false],
		['wikigold', join(root, 'test/fixtures/wikigold/wikigold.conll.txt'), false],
		['btc-news', join(root, 'test/fixtures/btc-news/btc-g.conll'), true],
	];
	const result: Corpus[] = [{ name: 'archive', texts: archive }, { name: 'archive-v2', texts: archiveV2 }];
	for (const [name, file, tweets] of sets) {
		if (!existsSync(file)) throw new Error(`missing ${file} (set NEWS_SEED_DATA)`);
		result.push({ name, texts: conllTexts(file, false, tweets) });
		result.push({ name: `${name}-detok`, texts: conllTexts(file, true, tweets) });
	}
	const samples = readdirSync(join(root, 'samples')).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(root, 'samples', name), 'utf8'));
	result.push({ name: 'samples', texts: samples });
	const lexicon: UserLexicon = {
		entities: [{ canonical: 'Ministry of Finance', type: 'organization', aliases: ['the ministry'] }, { canonical: 'Reuters', type: 'organization' }, { canonical: 'Paris', type: 'person' }],
		notEntities: ['Background', 'U.S.'],
		types: { Germany: 'organization', 'european union': 'place' },
	};
	result.push({ name: 'lexicon', texts: [...archive.slice(0, 300), ...result[2].texts.slice(0, 100)], lexicon });
	return result;
}

const [mode = 'time', out] = process.argv.slice(2);
// NER_WORKER_MEMORY=1: as in an index worker (its start included in the first corpus' time; see workerMemory.ts).
if (process.env.NER_WORKER_MEMORY) useWorkerMemory();
// NER_CORPORA=archive,conll-dev: only those (for a profile of one).
const only = process.env.NER_CORPORA ? process.env.NER_CORPORA.split(',') : undefined;
const all = corpora().filter((corpus) => !only || only.includes(corpus.name));
if (mode === 'write') {
	const lines: string[] = [];
	for (const corpus of all) {
		corpus.texts.forEach((text, index) => {
			const article = analyzeArticle(text, corpus.lexicon);
			const entities = article.entities.map((e) => [e.id, e.canonical, e.type, e.aliases, e.mentions.map((m) => [m.start, m.end, m.type, m.text])]);
			const whole = recognizeEntities(text, { lexicon: corpus.lexicon }).map((m) => [m.start, m.end, m.type]);
			lines.push(JSON.stringify([corpus.name, index, entities, article.mentions.map((m) => [m.start, m.end, m.entity]), article.headings, whole]));
		});
	}
	writeFileSync(out ?? '/dev/stdout', `${lines.join('\n')}\n`);
} else {
	// The thread's own CPU (Node 22.? and later) leaves out the compiler's and the garbage collector's helper threads,
	// which the process's CPU counts.
	const threadCpu = (process as { threadCpuUsage?: (since?: NodeJS.CpuUsage) => NodeJS.CpuUsage }).threadCpuUsage?.bind(process);
	for (const corpus of all) {
		const bytes = corpus.texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
		const cpu = process.cpuUsage();
		const thread = threadCpu?.();
		let mentions = 0;
		for (const text of corpus.texts) mentions += analyzeArticle(text, corpus.lexicon).mentions.length;
		const used = process.cpuUsage(cpu);
		const ms = (used.user + used.system) / 1000;
		const threadUsed = thread && threadCpu?.(thread);
		const threadMs = threadUsed ? `  thread ${(((threadUsed.user + threadUsed.system) / 1000) / (bytes / 1e6)).toFixed(0).padStart(5)} ms/MB` : '';
		console.log(`${corpus.name.padEnd(18)} ${(bytes / 1e6).toFixed(2).padStart(6)} MB  CPU ${ms.toFixed(0).padStart(6)} ms  ${(ms / (bytes / 1e6)).toFixed(0).padStart(5)} ms/MB  ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s${threadMs}  (${mentions} mentions)`);
	}
}
