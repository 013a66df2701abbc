/**
 * The heading rule: when a one-line block of a seed article is a heading rather than a short paragraph.
 *
 * Seed files have no markup, so a heading can only be recognised by how it reads. The reference article's
 * headings ("Symbol of Deepening Ties", "Implications for Global Diplomacy", "Monitoring and Responses") are
 * short, Title Case and unpunctuated; the short paragraphs that real corpora also contain ("The government had
 * claimed tobacco firms", "The measures include the following", "He said that") are unpunctuated too, but
 * they read as sentence fragments: lowercase content words, a finite verb, a dangling last word.
 */
import { maybeFinalAbbreviations, neverFinalAbbreviations } from './sentences';

/** Longest heading, in UTF-16 code units after trimming. Longer single lines are paragraphs. */
export const maxHeadingLength = 80;

/** Most words a heading may have. */
export const maxHeadingWords = 12;

/**
 * Short function words that Title Case leaves in lowercase (articles, coordinating conjunctions,
 * prepositions). They neither count for nor against the title-like test.
 */
export const headingFunctionWords: ReadonlySet<string> = new Set([
	'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'so', 'yet', 'as', 'if', 'than', 'of', 'for', 'in', 'on', 'to', 'at',
	'by', 'from', 'with', 'vs', 'vs.', 'v.', 'via', 'per', 'into', 'onto', 'upon', 'over', 'off', 'up', 'out', 'down',
	'amid', 'among', 'after', 'before', 'about', 'above', 'across', 'against', 'along', 'around', 'behind', 'below',
	'beneath', 'beside', 'between', 'beyond', 'despite', 'during', 'except', 'inside', 'like', 'near', 'outside',
	'past', 'since', 'through', 'throughout', 'toward', 'towards', 'under', 'until', 'within', 'without',
	'de', 'del', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'al', 'bin', 'el', 'y',
]);

/**
 * Lowercase words that mark a clause rather than a title: finite and modal verbs, reporting verbs, and words
 * that introduce a list. In Title Case these words would be capitalised ("What Comes Next"), so only their
 * lowercase form counts against a heading.
 */
export const headingVerbCues: ReadonlySet<string> = new Set([
	'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
	'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
	'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'claimed', 'claims', 'stated', 'states', 'announced',
	'announces', 'reported', 'reports', 'noted', 'notes', 'warned', 'warns', 'argued', 'argues', 'explained',
	'met', 'made', 'makes', 'took', 'takes', 'gave', 'gives', 'went', 'goes', 'came', 'comes', 'got', 'gets',
	'include', 'includes', 'included', 'including', 'following', 'according', 'namely', 'such', 'that', 'which',
	'who', 'whom', 'whose', 'where', 'when', 'because', 'while', 'although', 'though', 'there', 'here',
	'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
]);

/** First words of credit and byline lines, which are short and capitalised but not headings. */
export const headingCreditStarts: ReadonlySet<string> = new Set([
	'by', 'reporting', 'editing', 'writing', 'written', 'source', 'sources', 'photo', 'photos', 'image', 'images',
	'credit', 'credits', 'copyright', 'updated', 'published', 'posted', 'contact', 'email', 'tel', 'phone',
	'follow', 'subscribe', 'read', 'related', 'see', 'click', 'share', 'advertisement',
]);

/** Longer lowercase words are neither function words nor verb cues, so they need no lookup. */
const lowercaseLookupMaxLength = Math.max(...[...headingFunctionWords, ...headingVerbCues].map((word) => word.length));

const creditStartMaxLength = Math.max(...[...headingCreditStarts].map((word) => word.length));

/** The credit starts as written at the start of a line: lowercase, Capitalised and UPPERCASE (no lowercasing per line). */
const creditStartForms: ReadonlySet<string> = new Set([...headingCreditStarts].flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]));

/** Whitespace between words (any Unicode space; line breaks are rejected before). */
function isSpace(code: number): boolean {
	if (code > 0x20 && code < 0xa0) {
		return false;
	}
	return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || code === 0x1680 || code === 0x202f
		|| code === 0x205f || code === 0xfeff || code === 0x0b || code === 0x0c || (code >= 0x2000 && code <= 0x200a);
}

/** Opening quotes and brackets that may precede a word. */
function isOpener(code: number): boolean {
	if (code > 0x5b && code < 0xa1) {
		return false;
	}
	return code === 0x22 || code === 0x27 || code === 0x28 || code === 0x5b || code === 0x201c || code === 0x2018
		|| code === 0xab || code === 0xa1 || code === 0xbf;
}

/** Closing quotes and brackets that may follow a word or the final punctuation. */
function isCloser(code: number): boolean {
	if (code > 0x5d && code < 0xbb) {
		return false;
	}
	return code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0x201d || code === 0x2019 || code === 0xbb;
}

function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

/** Letters in any script; ASCII without a regular expression. */
function isLetter(code: number, text: string, index: number): boolean {
	if (code < 0x80) {
		return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
	}
	return /\p{L}/u.test(text.slice(index, index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)));
}

function isLetterOrDigit(code: number, text: string, index: number): boolean {
	return isDigit(code) || isLetter(code, text, index) || (code >= 0x80 && /\p{N}/u.test(text.charAt(index)));
}

/** Uppercase or titlecase letters in any script. */
function isUpper(code: number, text: string, index: number): boolean {
	if (code < 0x80) {
		return code >= 0x41 && code <= 0x5a;
	}
	return /[\p{Lu}\p{Lt}]/u.test(text.slice(index, index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)));
}

/** Trailing characters dropped from a word before it is looked up: closers and punctuation. */
function isWordTrail(code: number): boolean {
	return isCloser(code) || code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f;
}

/** "U.S."-style initials: one or more uppercase letter and dot pairs. */
function isInitials(word: string): boolean {
	if (word.length < 2 || word.length % 2 !== 0) {
		return false;
	}
	for (let i = 0; i < word.length; i += 2) {
		const code = word.charCodeAt(i);
		if (!(code >= 0x41 && code <= 0x5a) || word.charCodeAt(i + 1) !== 0x2e) {
			return false;
		}
	}
	return true;
}

/** Whether `[start, end)` ends with dotted initials such as "U.S." or "U.K." (a dot that ends no sentence). */
function endsWithInitials(line: string, start: number, end: number): boolean {
	let i = end;
	while (i > start && !isSpace(line.charCodeAt(i - 1))) {
		i--;
	}
	while (i < end && isOpener(line.charCodeAt(i))) {
		i++;
	}
	return isInitials(line.slice(i, end));
}

/**
 * Whether a one-line block reads like a heading. The rule, applied to the line with surrounding blanks trimmed:
 *
 * 1. **One short line**: no line break; 1 to 12 words; at most 80 characters.
 * 2. **No final punctuation**: after dropping closing quotes and brackets, the line ends in a letter or digit
 *    (or in dotted initials such as "U.S."); so `. ! ? : ; ,`, dashes, ellipses and slashes at the end make it
 *    a paragraph ("... the following:").
 * 3. **Capitalised start**: the first word (after opening quotes or brackets) starts with an uppercase letter,
 *    or is a number followed by at least one content word.
 * 4. **Title-like**: content words are the words with letters that are not short function words
 *    ({@link headingFunctionWords}: a, an, the, and, of, for, in, on, to, with, at, by, from, vs, ...).
 *    There must be at least one, and a word counts as capitalised when it contains an uppercase letter
 *    ("Ties", "U.S.-China", "al-Assad", "iPhone"); a capitalised function word ("The", "Of") counts as a
 *    capitalised content word. With up to four content words all must be capitalised;
 *    with five or more, at least two thirds.
 * 5. **Not a clause**: no lowercase finite, modal or reporting verb, pronoun or list opener
 *    ({@link headingVerbCues}: "had", "said", "will", "include", "that", "he", ...), no lowercase word ending
 *    in "-ed" (a past tense), and the last word is not a lowercase function word ("... of the").
 * 6. **Not something else**: no inner sentence end (". " after a word that is not an abbreviation or an
 *    initial, "! ", "? "); no URL or e-mail address (`://`, `www.`, `@`); not a credit or byline line: a
 *    word of {@link headingCreditStarts} alone ("Advertisement"), before a colon ("Photo: AP") or before
 *    "by" ("Reporting by Jane Doe"), or "By" before a name ("By Jane Doe"); "Sources of Tension" and
 *    "By the Numbers" stay headings.
 *
 * So "Symbol of Deepening Ties", "Implications for Global Diplomacy", "What Comes Next" and "Background" are
 * headings; "The government had claimed tobacco firms" (lowercase content words, "had"), "The measures include
 * the following", "He said that", "42", "https://example.com", "sanctions remain", "Officials said:" are not.
 * The caller applies it only to single-line blocks after the first line: the lead is never a heading.
 */
export function isHeadingLine(line: string): boolean {
	return isHeadingSpan(line, 0, line.length);
}

/**
 * {@link isHeadingLine} for `text.slice(from, to)`, without copying it: the parser calls it on the document.
 * Reads only characters inside `[from, to)`.
 */
export function isHeadingSpan(text: string, from: number, to: number): boolean {
	const line = text;
	let start = from;
	let end = to;
	while (start < end && isSpace(line.charCodeAt(start))) {
		start++;
	}
	while (end > start && isSpace(line.charCodeAt(end - 1))) {
		end--;
	}
	if (start === end || end - start > maxHeadingLength) {
		return false;
	}
	let last = end;
	while (last > start && isCloser(line.charCodeAt(last - 1))) {
		last--;
	}
	if (last === start || (!isLetterOrDigit(line.charCodeAt(last - 1), line, last - 1) && !endsWithInitials(line, start, last))) {
		return false;
	}
	if (end - start > 4 && line.charCodeAt(start + 3) === 0x2e && (line.charCodeAt(start) | 0x20) === 0x77
		&& (line.charCodeAt(start + 1) | 0x20) === 0x77 && (line.charCodeAt(start + 2) | 0x20) === 0x77) {
		return false;
	}
	let words = 0;
	let content = 0;
	let capitalised = 0;
	let lastBare = '';
	// Credit lines: "Photo: AP", "Reporting by ...", "By Jane Doe", "Advertisement"; but "Sources of Tension".
	let creditStart = false;
	let creditFollows = false;
	let byStart = false;
	let i = start;
	while (i < end) {
		const wordStart = i;
		while (i < end && !isSpace(line.charCodeAt(i))) {
			const code = line.charCodeAt(i);
			// Line breaks, e-mail addresses and URLs ("://") are never in a heading.
			if (code === 0x0a || code === 0x0d || code === 0x40 || (code === 0x3a && i + 2 < end && line.charCodeAt(i + 1) === 0x2f && line.charCodeAt(i + 2) === 0x2f)) {
				return false;
			}
			i++;
		}
		const wordEnd = i;
		while (i < end && isSpace(line.charCodeAt(i))) {
			i++;
		}
		if (++words > maxHeadingWords) {
			return false;
		}
		let s = wordStart;
		while (s < wordEnd && isOpener(line.charCodeAt(s))) {
			s++;
		}
		let e = wordEnd;
		while (e > s && isCloser(line.charCodeAt(e - 1))) {
			e--;
		}
		// A sentence end inside the line: "!", "?" or "." after a word that is no abbreviation or initial.
		if (wordEnd < end && e > s) {
			const final = line.charCodeAt(e - 1);
			if (final === 0x21 || final === 0x3f) {
				return false;
			}
			if (final === 0x2e) {
				const token = line.slice(s, e);
				if (!neverFinalAbbreviations.has(token) && !maybeFinalAbbreviations.has(token) && !isInitials(token)) {
					return false;
				}
			}
		}
		while (e > s && isWordTrail(line.charCodeAt(e - 1))) {
			e--;
		}
		if (words === 1) {
			const first = line.charCodeAt(s);
			if (!isDigit(first) && !isUpper(first, line, s)) {
				return false;
			}
			if (e - s <= creditStartMaxLength) {
				const word = line.slice(s, e);
				creditStart = creditStartForms.has(word);
				creditFollows = line.charCodeAt(wordEnd - 1) === 0x3a;
				byStart = word === 'By' || word === 'BY';
			}
		} else if (words === 2 && creditStart && !creditFollows) {
			const second = line.slice(s, e);
			creditFollows = second === 'by' || second === 'By' || (byStart && isUpper(line.charCodeAt(s), line, s));
		}
		let letters = false;
		let upper = false;
		for (let k = s; k < e; k++) {
			const code = line.charCodeAt(k);
			if (!letters && isLetter(code, line, k)) {
				letters = true;
			}
			if (isUpper(code, line, k)) {
				upper = true;
				letters = true;
				break;
			}
		}
		if (!letters) {
			lastBare = '';
			continue;
		}
		if (upper) {
			// A capitalised function word ("The", "Of") counts as a capitalised word: same verdict, no lookup.
			lastBare = '';
			content++;
			capitalised++;
			continue;
		}
		// A lowercase past tense ("-ed", four letters or more) reads as a clause.
		if (e - s >= 4 && line.charCodeAt(e - 1) === 0x64 && line.charCodeAt(e - 2) === 0x65) {
			return false;
		}
		if (e - s > lowercaseLookupMaxLength) {
			lastBare = '';
			content++;
			continue;
		}
		const lower = line.slice(s, e);
		lastBare = lower;
		if (headingVerbCues.has(lower)) {
			return false;
		}
		if (!headingFunctionWords.has(lower)) {
			content++;
		}
	}
	if (creditStart && (words === 1 || creditFollows)) {
		return false;
	}
	if (content === 0 || (content <= 4 ? capitalised < content : capitalised * 3 < content * 2)) {
		return false;
	}
	return !headingFunctionWords.has(lastBare);
}
