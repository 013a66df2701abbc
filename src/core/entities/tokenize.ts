import { SpanTable, spanHashEnd, spanHashStart, spanHashStep } from '../text/spanTable';

/** Kinds of token: a word (letters, maybe digits), a number, or one punctuation character. */
export const enum TokenKind {
	Word,
	Number,
	Punct,
}

/**
 * One token of the text. `start`/`end` are UTF-16 offsets (half-open); `lower` is the lower-cased text with
 * curly apostrophes folded to "'". `cap` says the word starts with a capital (or is a particle-prefixed name
 * such as "al-Assad"); `upper` that it has letters and none is lower-case. `lineStart` marks the first token of
 * a line; `sentenceStart` a word whose capital says nothing because a sentence or line begins there. What depends
 * on the characters alone is one {@link Word} shared by every token of the same characters: a token is small.
 */
export class Token {
	constructor(
		readonly start: number,
		readonly end: number,
		private readonly word: Word,
		readonly lineStart: boolean,
		public sentenceStart: boolean,
	) {}

	get text(): string {
		return this.word.text;
	}

	get lower(): string {
		return this.word.lower;
	}

	get kind(): TokenKind {
		return this.word.kind;
	}

	get cap(): boolean {
		return this.word.cap;
	}

	get upper(): boolean {
		return this.word.upper;
	}
}

const LETTER = /[\p{L}\p{M}]/u;
const NAME_PREFIXES = ['al-', 'el-', 'ad-', 'as-', 'ash-', 'an-', 'at-', 'az-', 'bin-', 'ben-', "d'", "o'", 'mc', 'mac', 'van-', 'de-'];
// Abbreviations that keep their final period: "Mr.", "Inc.", "St.".
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov', 'prof', 'mt', 'ft', 'vs', 'rev', 'bros', 'messrs', 'maj', 'adm', 'cmdr', 'supt']);

// Abbreviations that end a company's name, so that their period may end the sentence too.
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['inc.', 'corp.', 'ltd.']);

// Whether each code unit below latinEnd is a letter or mark (LETTER), asked once here: the Latin letters with accents
// of European names ("Zoë", "Łukasz") then cost no one-character string and regular expression each.
const latinEnd = 0x300;
const latinLetters = new Uint8Array(latinEnd);
for (let c = 0; c < latinEnd; c++) latinLetters[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;

function isLetterCode(c: number, text: string, i: number): boolean {
	if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	if (c < latinEnd) return latinLetters[c] === 1;
	if (c >= 0xd800 && c <= 0xdfff) return false;
	return LETTER.test(text[i]);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

// ASCII letters answered from the code: the case conversions of a one-character string cost an allocation or two.
function isUpperChar(ch: string): boolean {
	const c = ch.charCodeAt(0);
	if (c < 128) return c >= 65 && c <= 90;
	return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerChar(ch: string): boolean {
	const c = ch.charCodeAt(0);
	if (c < 128) return c >= 97 && c <= 122;
	return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Whether a character after the first may be a capital: an ASCII capital or anything beyond ASCII. */
function mayHoldInnerCapital(word: string): boolean {
	for (let k = 1; k < word.length; k++) {
		const c = word.charCodeAt(k);
		if ((c >= 65 && c <= 90) || c >= 128) return true;
	}
	return false;
}

/** "U.S", "U.N": single letters joined by periods, which keep the period that follows them. */
function isDottedAcronym(word: string): boolean {
	if (word.length < 3) return false;
	for (let i = 0; i < word.length; i++) {
		const dot = i % 2 === 1;
		if (dot !== (word[i] === '.')) return false;
	}
	return true;
}

/** What a token's characters alone say of it, made once per distinct token (see {@link wordAt}). */
interface Word {
	readonly text: string;
	readonly lower: string;
	readonly kind: TokenKind;
	readonly cap: boolean;
	readonly upper: boolean;
	/** A designator that may end a sentence ("Inc."). */
	readonly endsSentence: boolean;
}

// The words (and punctuation) seen lately: news repeats its words, and a repeated one then costs no new string, no
// case conversion and no new string hash in the recognizer's lookups. A word starts with a letter or a digit and a
// punctuation token never does, so their characters never meet in the table.
let words = new SpanTable<Word>();

/**
 * Replaces the table of words seen lately by an empty one of `capacity` slots (a power of two; half of them used
 * before it is emptied): an index worker, which reads a whole archive, keeps its vocabulary (100,000 word forms in
 * 13 MB of news) instead of making most words' strings and facts again after each emptying.
 */
export function rememberWords(capacity: number): void {
	words = new SpanTable<Word>(capacity);
}

/** The punctuation token `text[start, end)`: one character, or a possessive "'s" (lower-case `lower`). */
function punctuationAt(text: string, start: number, end: number, lower?: string): Word {
	let word = words.get(text, start, end);
	if (word === undefined) {
		const chars = text.slice(start, end);
		word = { text: chars, lower: lower ?? chars, kind: TokenKind.Punct, cap: false, upper: false, endsSentence: false };
		words.set(chars, word);
	}
	return word;
}

/**
 * The word `text[start, end)`, which has a letter when `hasLetter` (both depend on its characters only); `hash` is its
 * characters' span hash, taken while they were read (see SpanTable.getHashed).
 */
function wordAt(text: string, start: number, end: number, hasLetter: boolean, hash: number): Word {
	let word = words.getHashed(text, start, end, hash);
	if (word === undefined) {
		word = describeWord(text.slice(start, end), hasLetter);
		words.set(word.text, word);
	}
	return word;
}

function describeWord(word: string, hasLetter: boolean): Word {
	let lower = word.toLowerCase();
	if (lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
	const first = word[0];
	let cap = false;
	let upper = false;
	if (hasLetter) {
		cap = isUpperChar(first);
		// A prefixed name has a capital after its prefix ("al-Assad"); most lower-case words have none.
		if (!cap && isLowerChar(first) && mayHoldInnerCapital(word)) {
			for (const prefix of NAME_PREFIXES) {
				if (lower.startsWith(prefix) && word.length > prefix.length && isUpperChar(word[prefix.length])) {
					cap = true;
					break;
				}
			}
		}
		upper = true;
		for (let k = 0; k < word.length; k++) {
			if (isLowerChar(word[k])) {
				upper = false;
				break;
			}
		}
	}
	return { text: word, lower, kind: hasLetter ? TokenKind.Word : TokenKind.Number, cap, upper, endsSentence: SENTENCE_FINAL_ABBREVIATIONS.has(lower) };
}

/**
 * Whether a word keeps the period after it: an abbreviation ("Mr.", "Inc.", "St."), a dotted acronym ("U.S.") or an
 * initial. (The lower-case form differs from the word's only in case and apostrophes, which no abbreviation has.)
 */
function keepsPeriod(word: Word): boolean {
	return isDottedAcronym(word.text) || (word.text.length === 1 && isUpperChar(word.text)) || ABBREVIATIONS.has(word.lower);
}

/**
 * Splits `text[from, to)` into tokens. Hyphens, periods, apostrophes and "&" join the letters on both sides into
 * one word ("Jong-un", "U.S", "O'Neill", "AT&T"), except that a possessive "'s" is split off as its own token.
 * Commas and periods join digits ("1,000", "3.5"). Every other non-space character is a one-character token.
 */
export function tokenize(text: string, from: number, to: number): Token[] {
	const tokens: Token[] = [];
	let atLineStart = true;
	let afterStop = true;
	let i = from;
	while (i < to) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			atLineStart = true;
			afterStop = true;
			i++;
			continue;
		}
		if (c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 12 || c === 11) {
			i++;
			continue;
		}
		const letter = isLetterCode(c, text, i);
		if (letter || isDigit(c)) {
			let j = i + 1;
			let hasLetter = letter;
			// The span hash of the word's characters, taken as they are read (each one once).
			let hash = spanHashStep(spanHashStart, c);
			while (j < to) {
				const d = text.charCodeAt(j);
				if (isDigit(d)) {
					hash = spanHashStep(hash, d);
					j++;
					continue;
				}
				if (isLetterCode(d, text, j)) {
					hasLetter = true;
					hash = spanHashStep(hash, d);
					j++;
					continue;
				}
				if (j + 1 >= to) break;
				const next = text.charCodeAt(j + 1);
				const nextWord = isDigit(next) || isLetterCode(next, text, j + 1);
				if (!nextWord) break;
				if (d === 39 || d === 0x2019) {
					const after = j + 2 < to ? text.charCodeAt(j + 2) : 32;
					if ((next === 115 || next === 83) && !isDigit(after) && !isLetterCode(after, text, j + 2)) break;
					hash = spanHashStep(spanHashStep(hash, d), next);
					j += 2;
					continue;
				}
				if (d === 45 || d === 46 || d === 38 || d === 0x2010 || d === 0x2011 || (d === 44 && isDigit(text.charCodeAt(j - 1)) && isDigit(next))) {
					hash = spanHashStep(spanHashStep(hash, d), next);
					j += 2;
					continue;
				}
				break;
			}
			let word = wordAt(text, i, j, hasLetter, spanHashEnd(hash));
			if (hasLetter && j < to && text.charCodeAt(j) === 46 && keepsPeriod(word)) {
				j++;
				word = wordAt(text, i, j, hasLetter, spanHashEnd(spanHashStep(hash, 46)));
			}
			tokens.push(new Token(i, j, word, atLineStart, afterStop && hasLetter));
			atLineStart = false;
			// Nothing of a name follows "Inc." or "Ltd.": a capital after one starts a sentence ("... Acme Inc. Acme was").
			afterStop = word.endsSentence;
			i = j;
			continue;
		}
		// Possessive "'s" standing alone (pre-tokenized text writes "Kim 's").
		if ((c === 39 || c === 0x2019) && i + 1 < to && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83)) {
			const after = i + 2 < to ? text.charCodeAt(i + 2) : 32;
			if (!isDigit(after) && !isLetterCode(after, text, i + 2)) {
				tokens.push(new Token(i, i + 2, punctuationAt(text, i, i + 2, "'s"), atLineStart, false));
				atLineStart = false;
				afterStop = false;
				i += 2;
				continue;
			}
		}
		const width = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
		tokens.push(new Token(i, i + width, punctuationAt(text, i, i + width), atLineStart, false));
		atLineStart = false;
		// Capitals after these say nothing; quotes, brackets and dashes keep the state they follow.
		if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 0x2026) afterStop = true;
		else if (!(c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018 || c === 45 || c === 0x2013 || c === 0x2014)) afterStop = false;
		i += width;
	}
	return tokens;
}
