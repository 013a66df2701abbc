/**
 * Offers a claimant for a new claim: the speaker of a recognised attribution whose reported content covers
 * the tagged text: "<Name> said/told/announced …" covers what follows the verb, "…, <Name> said" and
 * "…, said <Name>" cover what precedes the name, "according to <Name>" covers its whole sentence.
 *
 * Deliberately simple and conservative (a suggestion the user confirms or edits, never a decision). A name is
 * a run of capitalised words (with hyphens, apostrophes, initials, accented letters and joining particles such
 * as "de" or "of"); title words in front of it are dropped ("Indonesian Foreign Minister Sri Wahyuningsih" ->
 * "Sri Wahyuningsih"); pronouns and sentence-initial function words are not names; a lowercase source counts
 * only when it names people ("the treasurer", not "market data"). A surname alone is completed from the
 * article's earlier full mention ("Wahyuningsih said" -> "Sri Wahyuningsih").
 *
 * Linear in the text: the text is split into words once and every rule looks a bounded number of words around
 * an attribution verb (no backtracking regular expression runs over long runs of letters).
 */
import type { Span } from '../seed/seedDocument';

interface Token {
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const CAPITALISED = /^\p{Lu}/u;

/** Verbs of "X said …", in every tense the cue accepts. */
const NAME_VERBS = new Set(('said says told tells announced announces stated states claimed claims added adds argued argues insisted insists ' +
	'warned warns wrote writes declared declares asserted asserts maintained maintains noted notes reported reports confirmed confirms ' +
	'denied denies estimated estimates predicted predicts').split(' '));
/** Verbs of the inverted form "…, said X". */
const INVERTED_VERBS = new Set(['said', 'says', 'told', 'wrote', 'added', 'announced']);
/** Words allowed between the name and its verb ("Pierce later told", "Ruiz has said"). */
const BETWEEN = new Set(['later', 'also', 'then', 'again', 'once', 'has', 'had', 'have']);
/** Lowercase words joining the capitalised words of one name. */
const LINKS = new Set(['de', 'da', 'del', 'della', 'van', 'von', 'der', 'la', 'le', 'bin', 'al', 'el', 'y', 'of']);
const MAX_NAME_WORDS = 12;
const MAX_PARENTHETICAL_CHARS = 80;
/** How far back a surname's full form is looked for: a long article's introduction, never a whole corpus. */
const FULL_NAME_LOOKBACK = 50_000;

/** Words that start a capitalised run but are never the claimant themselves. */
const NOT_NAMES = new Set([
	'he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'the', 'a', 'an', 'and', 'but', 'or',
	'in', 'on', 'at', 'by', 'for', 'from', 'of', 'to', 'with', 'as', 'after', 'before', 'when', 'while', 'if', 'his', 'her',
	'their', 'its', 'our', 'my', 'who', 'which', 'what', 'however', 'meanwhile', 'also', 'then', 'later', 'earlier', 'officials',
]);

/** Title words: the name is what follows the last of them ("Deputy Assistant Secretary of State Harlan Pierce"). */
const TITLES = new Set(('mr mrs ms dr prof sen rep gov gen col lt sgt capt st sir dame president minister secretary chancellor king queen prince princess ' +
	'pope judge justice senator governor mayor chairman chairwoman chair director spokesman spokeswoman spokesperson professor deputy assistant vice ' +
	'ambassador envoy commissioner treasurer general premier').split(' '));

/** Lowercase sources that name people or bodies of people ("according to the treasurer"). */
const PEOPLE_NOUNS = new Set(('treasurer minister ministry mayor president police officials official spokesman spokeswoman spokesperson government council ' +
	'authorities prosecutors prosecutor analysts analyst economists economist experts expert researchers scientists witnesses witness residents ' +
	'organisers organizers doctors lawyers lawyer company regulator regulators agency diplomats diplomat sources source').split(' '));

function bare(word: string): string {
	return word.replace(/[.'’-]+$/u, '');
}

function isName(token: Token): boolean {
	return CAPITALISED.test(token.text);
}

function tokenize(text: string, from: number, to: number): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = from;
	for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
		const end = m.index + m[0].length;
		tokens.push(end <= to ? { text: m[0], start: m.index, end } : { text: text.slice(m.index, to), start: m.index, end: to });
	}
	return tokens;
}

/** The first index of the capitalised run (with joining particles) ending at `last`, or -1 when `last` is no name. */
function runStart(tokens: readonly Token[], last: number, text: string): number {
	if (last < 0 || !isName(tokens[last])) {
		return -1;
	}
	let first = last;
	while (first > 0 && last - first < MAX_NAME_WORDS && /^\s+$/u.test(text.slice(tokens[first - 1].end, tokens[first].start))) {
		const previous = tokens[first - 1];
		if (isName(previous)) {
			first--;
		} else if (LINKS.has(previous.text) && first > 1 && isName(tokens[first - 2]) && /^\s+$/u.test(text.slice(tokens[first - 2].end, previous.start))) {
			first -= 2;
		} else {
			break;
		}
	}
	return first;
}

/** The last index of the capitalised run (with joining particles) starting at `first`; -1 when `first` is no name. */
function runEnd(tokens: readonly Token[], first: number, text: string): number {
	if (first >= tokens.length || !isName(tokens[first])) {
		return -1;
	}
	let last = first;
	while (last + 1 < tokens.length && last - first < MAX_NAME_WORDS && /^\s+$/u.test(text.slice(tokens[last].end, tokens[last + 1].start))) {
		const next = tokens[last + 1];
		if (isName(next)) {
			last++;
		} else if (LINKS.has(next.text) && last + 2 < tokens.length && isName(tokens[last + 2])) {
			last += 2;
		} else {
			break;
		}
	}
	return last;
}

/** The name in a capitalised run: leading function words and every title before the name dropped; null when none is left. */
function cleanName(words: readonly string[]): string | null {
	let first = 0;
	while (first < words.length && NOT_NAMES.has(bare(words[first]).toLowerCase())) {
		first++;
	}
	for (let i = words.length - 2; i >= first; i--) {
		if (TITLES.has(bare(words[i]).toLowerCase())) {
			first = i + 1;
			// "Secretary of State Harlan Pierce": the title's "of <Word>" belongs to the title.
			while (first + 1 < words.length - 1 && words[first] === 'of') {
				first += 2;
			}
			break;
		}
	}
	const name = words.slice(first).map((w, i, all) => (i === all.length - 1 ? w.replace(/[’']+$/u, '').replace(/\.$/u, (dot) => (/^\p{Lu}\.?$/u.test(w) ? dot : '')) : w)).join(' ');
	if (name === '' || NOT_NAMES.has(name.toLowerCase())) {
		return null;
	}
	return name;
}

/** One attribution found in a sentence: who, where the cue itself lies, and the reported content it covers. */
interface Attribution {
	readonly name: string;
	readonly cue: Span;
	readonly covers: Span;
}

function wordsOf(tokens: readonly Token[], first: number, last: number): string[] {
	return tokens.slice(first, last + 1).map((t) => t.text);
}

/** "According to X": covers the whole sentence, wherever it stands in it. */
function accordingTo(text: string, tokens: readonly Token[], sentence: Span): Attribution[] {
	const found: Attribution[] = [];
	for (let i = 0; i + 2 < tokens.length; i++) {
		if (tokens[i].text.toLowerCase() !== 'according' || tokens[i + 1].text !== 'to') {
			continue;
		}
		let first = i + 2;
		if (['the', 'a', 'an'].includes(tokens[first].text.toLowerCase()) && first + 1 < tokens.length) {
			first++;
		}
		let name: string | null = null;
		let last = runEnd(tokens, first, text);
		if (last >= 0) {
			name = cleanName(wordsOf(tokens, first, last));
		} else {
			// A lowercase source of up to four words before punctuation: only when its head word names people.
			last = first;
			while (last + 1 < tokens.length && last - first < 3 && /^\s+$/u.test(text.slice(tokens[last].end, tokens[last + 1].start))) {
				last++;
			}
			if (PEOPLE_NOUNS.has(bare(tokens[last].text).toLowerCase())) {
				name = wordsOf(tokens, first, last).map(bare).join(' ');
			}
		}
		if (name) {
			found.push({ name, cue: { start: tokens[i].start, end: tokens[last].end }, covers: sentence });
		}
	}
	return found;
}

/** "X said …" (covers what follows) and "…, X said" (covers what precedes). */
function nameThenVerb(text: string, tokens: readonly Token[], sentence: Span): Attribution[] {
	const found: Attribution[] = [];
	for (let v = 1; v < tokens.length; v++) {
		if (!NAME_VERBS.has(bare(tokens[v].text))) {
			continue;
		}
		let last = v - 1;
		for (let skipped = 0; skipped < 2 && last >= 0 && (BETWEEN.has(tokens[last].text) || /^\p{Ll}+ly$/u.test(tokens[last].text)); skipped++) {
			last--;
		}
		if (last >= 0 && /,\s*$/u.test(text.slice(tokens[last].end, tokens[last + 1].start))) {
			// "Harlan Pierce, who attended as an observer, said": the name ends before the opening comma.
			let open = last - 1;
			while (open >= 0 && tokens[last].end - tokens[open].start <= MAX_PARENTHETICAL_CHARS && !/^\s*,/u.test(text.slice(tokens[open].end, tokens[open + 1].start))) {
				open--;
			}
			last = open >= 0 && tokens[last].end - tokens[open].start <= MAX_PARENTHETICAL_CHARS ? open : -1;
		} else if (last >= 0 && !/^\s+$/u.test(text.slice(tokens[last].end, tokens[last + 1].start))) {
			continue;
		}
		const first = runStart(tokens, last, text);
		if (first < 0) {
			continue;
		}
		const name = cleanName(wordsOf(tokens, first, last));
		if (!name) {
			continue;
		}
		const cue = { start: tokens[first].start, end: tokens[v].end };
		const before = text.slice(Math.max(sentence.start, cue.start - 16), cue.start).replace(/\b(?:the|a|an)\s+$/iu, '');
		// A name after a comma or closing quote ends its sentence's reported content: "“It was over,” Núñez said."
		const postposed = first > 0 && /[,”"’:]\s*$/u.test(before);
		found.push({ name, cue, covers: postposed ? { start: sentence.start, end: cue.start } : { start: cue.end, end: sentence.end } });
	}
	return found;
}

/** "…, said X": covers what precedes the verb. */
function verbThenName(text: string, tokens: readonly Token[], sentence: Span): Attribution[] {
	const found: Attribution[] = [];
	for (let v = 0; v + 1 < tokens.length; v++) {
		if (!INVERTED_VERBS.has(tokens[v].text) || !/^\s+$/u.test(text.slice(tokens[v].end, tokens[v + 1].start))) {
			continue;
		}
		const last = runEnd(tokens, v + 1, text);
		const name = last >= 0 ? cleanName(wordsOf(tokens, v + 1, last)) : null;
		if (name) {
			found.push({ name, cue: { start: tokens[v].start, end: tokens[last].end }, covers: { start: sentence.start, end: tokens[v].start } });
		}
	}
	return found;
}

/** The index of the first token for which `after` holds (tokens are in text order and `after` is monotonic). */
function firstIndex(tokens: readonly Token[], after: (token: Token) => boolean): number {
	let lo = 0;
	let hi = tokens.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (after(tokens[mid])) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return lo;
}

/** True when every word of `tagged` lies in the cue or the content it covers (two binary searches). */
function covers(tokens: readonly Token[], attribution: Attribution, tagged: Span): boolean {
	const start = Math.min(attribution.cue.start, attribution.covers.start);
	const end = Math.max(attribution.cue.end, attribution.covers.end);
	if (tagged.start >= end || tagged.end <= attribution.covers.start) {
		return false;
	}
	const first = firstIndex(tokens, (t) => t.end > tagged.start);
	const wordBefore = first < tokens.length && tokens[first].start < Math.min(start, tagged.end);
	const next = firstIndex(tokens, (t) => t.start >= end);
	const wordAfter = next < tokens.length && tokens[next].start < tagged.end;
	return !wordBefore && !wordAfter;
}

/**
 * The full form of a one-word name, from the last capitalised run before `before` that ends with that word
 * ("Sri Wahyuningsih" for "Wahyuningsih"); the name itself when there is none.
 */
function fullName(text: string, name: string, before: number): string {
	if (/\s/u.test(name)) {
		return name;
	}
	const tokens = tokenize(text, Math.max(0, before - FULL_NAME_LOOKBACK), before);
	let best = name;
	for (let i = 0; i < tokens.length; i++) {
		if (bare(tokens[i].text) !== name || i === 0) {
			continue;
		}
		const first = runStart(tokens, i, text);
		const cleaned = first >= 0 && first < i ? cleanName(wordsOf(tokens, first, i)) : null;
		if (cleaned && cleaned !== name && cleaned.endsWith(name)) {
			best = cleaned;
		}
	}
	return best;
}

/** Where to look: `within` (the sentence or sentences around the tagged text), `tagged` (the text being tagged). */
export interface ClaimantContext {
	/** The sentence(s) holding the tagged text; default: the whole text. */
	readonly within?: Span;
	/** The text being tagged; default: `within`. */
	readonly tagged?: Span;
}

/**
 * The claimant suggested for the tagged text, or null when no attribution covers it. Prefers "according to X",
 * then "X said", then "said X"; among those of one kind, the first in the sentence. Earlier text of `text`
 * (the article) completes a surname to the full name it was introduced with.
 */
export function suggestClaimant(text: string, context: ClaimantContext = {}): string | null {
	const within = context.within ?? { start: 0, end: text.length };
	const tagged = context.tagged ?? within;
	const tokens = tokenize(text, within.start, within.end);
	for (const find of [accordingTo, nameThenVerb, verbThenName]) {
		const found = find(text, tokens, within).find((a) => covers(tokens, a, tagged));
		if (found) {
			return fullName(text, found.name, found.cue.start);
		}
	}
	return null;
}
