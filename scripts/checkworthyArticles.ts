// The CheckThat! debates written as seed articles without speaker names, the way the held-out acceptance check
// feeds the lab's test debates to `news-seed checkworthy --json`: a dateline, a lead, then one paragraph per
// utterance (a speaker's consecutive lines) or per line. The sentences the command returns are mapped back to the
// labelled lines by offsets, so that what is measured includes our sentence splitting and the command's choice of
// sentences (lead and paragraphs; not headings, not the dateline). Used by evalCheckworthy.ts; in memory only.
import { runCli } from '../src/cli/cli';
import type { CliIo } from '../src/cli/cliTypes';
import type { Span } from '../src/core/seed/seedDocument';
import type { Debate } from './checkworthyData';

/** How a debate is written as an article. */
export interface Layout {
	readonly name: string;
	/** `title`: the dateline's line holds a short title, the debate starts in the next paragraph; `first`: it holds the first paragraph. */
	readonly lead: 'title' | 'first';
	/** One paragraph per utterance (a speaker's consecutive lines, joined by a space) or per labelled line. */
	readonly paragraph: 'utterance' | 'line';
}

export const layouts: readonly Layout[] = [
	{ name: 'title, a paragraph per utterance', lead: 'title', paragraph: 'utterance' },
	{ name: 'first utterance as lead, a paragraph per utterance', lead: 'first', paragraph: 'utterance' },
	{ name: 'title, a paragraph per line', lead: 'title', paragraph: 'line' },
	{ name: 'first line as lead, a paragraph per line', lead: 'first', paragraph: 'line' },
];

/** A debate as a seed article, with where each labelled line lies in it. */
export interface DebateArticle {
	readonly text: string;
	/** One span per line of the debate, in order. */
	readonly lines: readonly Span[];
}

/** A valid yyyy-mm-dd for the dateline (one file name has day and month swapped). */
function datelineDate(date: string): string {
	const [year, month, day] = date.split('-');
	return Number(month) > 12 ? `${year}-${day}-${month}` : date;
}

/** Writes `debate` as a seed article in `layout`; no speaker name appears in it. */
export function debateArticle(debate: Debate, layout: Layout): DebateArticle {
	const paragraphs: number[][] = [];
	debate.sentences.forEach((line, i) => {
		const previous = debate.sentences[i - 1];
		if (layout.paragraph === 'line' || !previous || previous.speaker !== line.speaker) paragraphs.push([i]);
		else paragraphs[paragraphs.length - 1].push(i);
	});
	let text = ` date ${datelineDate(debate.date)} `;
	if (layout.lead === 'title') text += `Transcript of ${debate.name.replace(/^\d+_/, '').replace(/_/g, ' ')}`;
	const lines: Span[] = new Array<Span>(debate.sentences.length);
	paragraphs.forEach((members, p) => {
		if (p > 0 || layout.lead === 'title') text += '\n\n';
		members.forEach((i, k) => {
			if (k > 0) text += ' ';
			lines[i] = { start: text.length, end: text.length + debate.sentences[i].text.length };
			text += debate.sentences[i].text;
		});
	});
	return { text, lines };
}

/** A sentence as `news-seed checkworthy --json` returns it. */
export interface CliSentence {
	readonly start: number;
	readonly end: number;
	readonly text: string;
	readonly score: number;
}

/** Runs the real `news-seed checkworthy --json` over the articles (an in-memory file system); sentences per article. */
export async function checkworthyJson(articles: readonly string[]): Promise<CliSentence[][]> {
	const files = new Map(articles.map((text, i) => [`/debates/${String(i).padStart(3, '0')}_debate.txt`, text]));
	let out = '';
	let err = '';
	const io: CliIo = {
		stdout: (t) => {
			out += t;
		},
		stderr: (t) => {
			err += t;
		},
		readFile: (path) => {
			const text = files.get(path);
			return text === undefined ? Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })) : Promise.resolve(text);
		},
		exists: (path) => Promise.resolve(files.has(path)),
		cwd: '/debates',
	};
	const code = await runCli(['checkworthy', '--json', ...[...files.keys()].map((f) => f.slice('/debates/'.length))], io);
	if (code !== 0) throw new Error(`news-seed checkworthy exited with ${code}: ${err}`);
	const results = JSON.parse(out) as { file: string; sentences: CliSentence[] }[];
	return results.map((r) => r.sentences);
}

/** The labelled lines' scores from the returned sentences, and what was lost or merged on the way. */
export interface MappedLines {
	/** Per line: the highest score of the returned sentences that overlap it; -1 (ranked last) when none does. */
	readonly scores: number[];
	/** Lines no returned sentence overlaps (in a heading or the dateline), and how many of them are check-worthy. */
	readonly lost: number;
	readonly lostPositives: number;
	/** Lines sharing a returned sentence with another line, and how many of them are check-worthy. */
	readonly merged: number;
	readonly mergedPositives: number;
	/** Lines cut into more than one returned sentence. */
	readonly split: number;
}

/** Maps returned sentences back to the labelled lines by offsets; `score` gives each sentence's score. */
export function mapToLines(article: DebateArticle, labels: readonly (0 | 1)[], sentences: readonly CliSentence[], score: (s: CliSentence) => number): MappedLines {
	const scores = article.lines.map(() => -1);
	const overlaps = article.lines.map(() => 0);
	const merged = new Set<number>();
	let line = 0;
	for (const sentence of sentences) {
		while (line < article.lines.length && article.lines[line].end <= sentence.start) line++;
		const covered: number[] = [];
		for (let i = line; i < article.lines.length && article.lines[i].start < sentence.end; i++) {
			if (article.lines[i].end > sentence.start) covered.push(i);
		}
		for (const i of covered) {
			scores[i] = Math.max(scores[i], score(sentence));
			overlaps[i]++;
			if (covered.length > 1) merged.add(i);
		}
	}
	const lostLines = overlaps.map((n, i) => (n === 0 ? i : -1)).filter((i) => i >= 0);
	return {
		scores,
		lost: lostLines.length,
		lostPositives: lostLines.filter((i) => labels[i] === 1).length,
		merged: merged.size,
		mergedPositives: [...merged].filter((i) => labels[i] === 1).length,
		split: overlaps.filter((n) => n > 1).length,
	};
}
