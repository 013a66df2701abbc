/**
 * Generated hostile inputs for the scaling tests and benchmarks (issue 12): many distinct names, mentions drawn
 * from a small vocabulary so that short forms and acronyms collide, a huge paragraph, a run without spaces.
 * Deterministic: the same arguments give the same text.
 */
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
