// Reading CoNLL-format NER files for `npm run eval:ner` and `npm run train:ner`, and the labels of the spans the
// recognizer proposes. Each document's tokens are joined with single spaces, one sentence per line; a span is mapped
// back to the tokens it touches, so trimming a final period ("U.S.") or a possessive does not count as a mismatch.
import { readFileSync } from 'node:fs';
import { proposeSpans } from '../src/core/entities/recognize';
import type { EntityType } from '../src/core/entities/index';
import { MODEL_CLASSES } from '../src/core/entities/typeModel';

export type Tag = 'PER' | 'ORG' | 'LOC';
export const TAGS: readonly Tag[] = ['PER', 'ORG', 'LOC'];
export const TAG_OF: Record<EntityType, Tag> = { person: 'PER', organization: 'ORG', place: 'LOC' };

/** One document: its text, the offsets of its tokens, and the gold spans as `first:last:TAG` (MISC left out). */
export interface Doc {
	text: string;
	starts: number[];
	ends: number[];
	gold: Set<string>;
}

// With `detokenize` the tokens are rejoined as running text ("U.S.'s", "(Reuters)", "said,"), to check the recognizer
// does not depend on CoNLL's spacing.
const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%]|'s|'|n't)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/** The documents of a CoNLL-format file (`-DOCSTART-` lines separate documents; the tag is the last column). */
export function parseConll(file: string, detokenize: boolean): Doc[] {
	const docs: Doc[] = [];
	let sentences: string[][][] = [];
	const flush = (): void => {
		const rows = sentences.filter((s) => s.length > 0);
		sentences = [];
		if (rows.length === 0) return;
		const starts: number[] = [];
		const ends: number[] = [];
		const gold = new Set<string>();
		let text = '';
		let index = 0;
		for (const sentence of rows) {
			if (text.length > 0) text += '\n';
			let open: { tag: string; first: number } | undefined;
			const close = (last: number): void => {
				if (open && open.tag !== 'MISC') gold.add(`${open.first}:${last}:${open.tag}`);
				open = undefined;
			};
			sentence.forEach((row, k) => {
				if (k > 0 && !(detokenize && (NO_SPACE_BEFORE.test(row[0]) || NO_SPACE_AFTER.test(sentence[k - 1][0])))) text += ' ';
				starts.push(text.length);
				text += row[0];
				ends.push(text.length);
				const ner = row[row.length - 1];
				const tag = ner === 'O' ? '' : ner.slice(2);
				if (ner === 'O') close(index);
				else if (ner.startsWith('B-') || !open || open.tag !== tag) {
					close(index);
					open = { tag, first: index };
				}
				index++;
			});
			close(index);
		}
		docs.push({ text, starts, ends, gold });
	};
	for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
		if (line.startsWith('-DOCSTART-')) {
			flush();
			continue;
		}
		if (line.trim() === '') {
			sentences.push([]);
			continue;
		}
		if (sentences.length === 0) sentences.push([]);
		sentences[sentences.length - 1].push(line.split(' '));
	}
	flush();
	return docs;
}

/** Index of the token containing offset `at` (or the next token after a gap). */
export function tokenAt(starts: readonly number[], ends: readonly number[], at: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ends[mid] <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The `first:last` token span of the character span [start, end) in `doc`. */
export function tokenSpan(doc: Doc, start: number, end: number): string {
	return `${tokenAt(doc.starts, doc.ends, start)}:${tokenAt(doc.starts, doc.ends, end - 1) + 1}`;
}

/** The mentions of one surface form in one document, as the model sees them, and the class gold data gives most of them. */
export interface LabelledGroup {
	/** Each mention's features. */
	mentions: readonly (readonly string[])[];
	/** The rule that proposed each mention. */
	rules: readonly string[];
	/** Whether the rules settle the form (a cue, a gazetteer): the model does not decide it. */
	settled: boolean;
	/** Index in MODEL_CLASSES: the gold type of the exact span, or none (no entity, MISC, or a span with other bounds). */
	gold: number;
}

const NONE = MODEL_CLASSES.indexOf('none');

/** The spans the rules propose in `doc`, grouped by surface form, each group labelled by the majority of its spans. */
export function labelledGroups(doc: Doc): LabelledGroup[] {
	const groups = new Map<string, { mentions: (readonly string[])[]; rules: string[]; settled: boolean; votes: number[] }>();
	for (const span of proposeSpans(doc.text)) {
		const at = tokenSpan(doc, span.start, span.end);
		let label = NONE;
		for (const type of ['person', 'organization', 'place'] as const) {
			if (doc.gold.has(`${at}:${TAG_OF[type]}`)) label = MODEL_CLASSES.indexOf(type);
		}
		let group = groups.get(span.key);
		if (!group) {
			group = { mentions: [], rules: [], settled: false, votes: MODEL_CLASSES.map(() => 0) };
			groups.set(span.key, group);
		}
		group.mentions.push(span.features);
		group.rules.push(span.rule);
		group.settled ||= span.settled;
		group.votes[label]++;
	}
	return [...groups.values()].map(({ mentions, rules, settled, votes }) => {
		// Ties go to an entity type over none, then to the earlier class.
		let gold = NONE;
		votes.forEach((n, c) => {
			if (n > votes[gold] || (n === votes[gold] && gold === NONE && n > 0)) gold = c;
		});
		return { mentions, rules, settled, gold };
	});
}
