/**
 * Generated hostile inputs for the scaling tests and benchmarks (issue 12): many distinct names, mentions drawn
 * from a small vocabulary so that short forms and acronyms collide, a huge paragraph, a run without spaces.
 * Deterministic: the same arguments give the same text.
 */
import { createClaim, type Claim } from '../../src/core/claims/claimModel';
import { buildCodePointIndex } from '../../src/core/claims/codePoints';
import type { EntityMention, EntityType, UserLexicon } from '../../src/core/entities/types';
import { seededRandom } from './seededRandom';

const firstNames = ['Anna', 'Olav', 'Maria', 'Kim', 'José', 'Amara', 'Chen', 'Helen', 'Tomas', 'Vladimir', 'Ines', 'Yusuf'];

/** A capitalised surname made of the base-26 digits of `n`, distinct for every `n` ("Bacad"). */
export function surname(n: number): string {
	let word = '';
	let rest = n;
	do {
		word += String.fromCharCode(97 + (rest % 26));
		rest = Math.floor(rest / 26);
	} while (rest > 0);
	return `B${word}`;
}

/**
 * An article naming `count` distinct people ("Anna Bcd said ..."), each named in full and then by surname, every
 * tenth also by first name alone (a short form with many possible hosts), with the mentions the recognizer would
 * return, so that grouping can be measured on its own.
 */
export function manyNamesArticle(count: number): { text: string; mentions: EntityMention[] } {
	const parts: string[] = [];
	const mentions: EntityMention[] = [];
	let length = 0;
	const add = (before: string, name: string, after: string): void => {
		const start = length + before.length;
		mentions.push({ start, end: start + name.length, text: name, type: 'person' });
		const piece = before + name + after;
		parts.push(piece);
		length += piece.length;
	};
	for (let i = 0; i < count; i++) {
		const first = firstNames[i % firstNames.length];
		const last = surname(i);
		add('', `${first} ${last}`, ' said on Monday that ');
		add('', last, ' would stay. ');
		if (i % 10 === 0) add('Later ', first, ' left.\n\n');
	}
	return { text: parts.join(''), mentions };
}

const vocabulary = ['Kim', 'Jong', 'Un', 'Anna', 'Berg', 'Olav', 'United', 'Nations', 'of', 'the', 'Bank', 'UN', 'U.N.', 'UNB', 'BU', 'KJ', 'Vladimir', 'Putin', 'AB', 'KJU', 'X', 'Nord', 'vik', 'and'];
// Persons twice as likely: their short forms are the ones that need the nearest host.
const types: EntityType[] = ['person', 'person', 'organization', 'place'];

/**
 * A small text of 1 to 40 names from a vocabulary of colliding words (short forms, acronyms, repeated words,
 * irregular spacing), its mentions in random order and without overlaps (as the recognizer returns them), and
 * sometimes a user lexicon: the grouping's corner cases, many at once.
 */
export function collidingNames(seed: number): { text: string; mentions: EntityMention[]; lexicon?: UserLexicon } {
	const random = seededRandom(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	let text = '';
	const mentions: EntityMention[] = [];
	const count = 1 + Math.floor(random() * 40);
	for (let i = 0; i < count; i++) {
		text += pick([' ', ', ', '. ', ' said ']);
		const name = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(vocabulary)).join(pick([' ', ' ', '  ']));
		mentions.push({ start: text.length, end: text.length + name.length, text: name, type: pick(types) });
		text += name;
	}
	const lexicon = random() < 0.3 ? { entities: [{ canonical: `${pick(vocabulary)} ${pick(vocabulary)}`, type: pick(types), aliases: [pick(vocabulary)] }] } : undefined;
	for (let i = mentions.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[mentions[i], mentions[j]] = [mentions[j], mentions[i]];
	}
	return { text, mentions, lexicon };
}

const sentenceTemplates: ((pick: <T>(xs: readonly T[]) => T, n: () => number) => string)[] = [
	(p, n) => `${p(['Mr.', 'Dr.', 'Gen.', 'Sen.'])} ${p(['Smith', 'Okafor', 'Lee'])} met ${p(['the U.S.', 'the U.N.', 'Acme Corp.'])} envoy on Jan. ${n() % 28 + 1}.`,
	(p) => `“Is it over?” ${p(['she', 'Ortega', 'the minister'])} asked.`,
	(p, n) => `Shares rose ${n() % 9}.${n() % 10}% at ${p(['Apple Inc.', 'Acme Ltd.', 'Northwind Co.'])} ${p(['The company grew.', 'and fell later.', 'on Monday!'])}`,
	(p) => `John F. Kennedy and ${p(['George W. Bush', 'Anna K. Berg'])} were named, e.g. in a memo (i.e. a draft).`,
	(p, n) => `${n() % 12 + 1}. ${p(['First', 'Then', 'Finally'])}, the vote was held at 10 a.m. ${p(['It failed.', 'in Nairobi.'])}`,
	(p) => `"It is 'a turning point' for ${p(['São Paulo', 'Lagos', 'Moscow'])}," he said... ${p(['Really?', 'Yes!', 'No.'])}`,
	(p, n) => `No. ${n() % 10 + 1} on the list was ${p(['Chen Wei', 'José Álvarez'])} 📉, reportedly.`,
	(p) => `The report\n${p(['said', 'showed'])} that\nprices rose.`,
	(p) => `${p(['Why', 'How', 'When'])} now?! Nobody knows (not even ${p(['Reuters', 'the bank'])}).`,
];

/**
 * One paragraph of ordinary news prose, about `approxChars` long, made of sentences with abbreviations, initials,
 * enumerators, quotes, hard line breaks, emoji and non-ASCII names: what windowed sentence splitting must split
 * exactly as a whole-paragraph split does.
 */
export function ordinaryParagraph(approxChars: number, seed: number): string {
	const random = seededRandom(seed);
	const next = (): number => Math.floor(random() * 2 ** 32);
	const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length];
	const parts: string[] = [];
	let length = 0;
	while (length < approxChars) {
		const sentence = pick(sentenceTemplates)(pick, next);
		parts.push(sentence);
		length += sentence.length + 1;
	}
	return parts.join(next() % 5 === 0 ? '  ' : ' ');
}

/**
 * A run of `length` characters without a space: only letters (one word, capitalised now and then), or letters,
 * digits, dots, hyphens and apostrophes mixed ("Ab.c-d'E1..."), the inputs that expose backtracking regexes.
 */
export function runWithoutSpaces(length: number, kind: 'letters' | 'mixed'): string {
	const alphabet = kind === 'letters' ? 'abcdefghijklmnopqrstuvwxyzA' : "aBc.d-e'F1g.H-i'2";
	let run = '';
	const chunk = alphabet.repeat(Math.ceil(4_096 / alphabet.length)).slice(0, 4_096);
	while (run.length < length) run += chunk;
	return run.slice(0, length);
}

/**
 * An article of `count` short paragraphs with one claim on a sentence of each, every claim created as the editor
 * creates it (quote, context, position), with seeded ids: 10,000 claims in one article at `count` 10,000.
 */
export function manyClaimsArticle(count: number): { text: string; claims: Claim[] } {
	const random = seededRandom(count);
	const randomBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
	const paragraphs = Array.from({ length: count }, (_, i) => `Officials in ${surname(i)} said the vote would pass. The claim number ${i} is that prices rose ${i % 97}% in a year. Analysts were not surprised by the figures.`);
	const text = ` date 2024-03-16 ${paragraphs.join('\n\n')}\n`;
	const now = new Date('2024-03-16T12:00:00Z');
	const index = buildCodePointIndex(text);
	const claims: Claim[] = [];
	let from = 0;
	for (let i = 0; i < count; i++) {
		const start = text.indexOf('The claim number', from);
		const end = text.indexOf('.', start) + 1;
		claims.push(createClaim(text, { start, end }, { verdict: i % 3 === 0 ? 'False' : 'Unchecked' }, now, randomBytes, index));
		from = end;
	}
	return { text, claims };
}

/**
 * The text of {@link manyClaimsArticle} with a word inserted in every paragraph before its claim, outside the
 * claim's stored context: every claim moves, each by a different amount.
 */
export function insertWordInEveryParagraph(text: string): string {
	return text.replace(/Officials in /g, 'Local officials in ');
}
