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

const openers = /^[\s"'“‘«([¡¿]+/u;
const closers = /[\s"'”’»)\]]+$/u;

function hasUppercase(word: string): boolean {
	return word !== word.toLowerCase();
}

function startsUppercase(word: string): boolean {
	const first = word.charAt(0);
	return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** A sentence boundary inside the line: ". ", "! " or "? " after a word that is not an abbreviation or initial. */
function hasInnerSentenceEnd(words: readonly string[]): boolean {
	for (let i = 0; i < words.length - 1; i++) {
		const word = words[i].replace(closers, '');
		const last = word.charAt(word.length - 1);
		if (last === '!' || last === '?') {
			return true;
		}
		if (last === '.') {
			const bare = word.replace(openers, '');
			const abbreviation = neverFinalAbbreviations.has(bare) || maybeFinalAbbreviations.has(bare) || /^(\p{Lu}\.)+$/u.test(bare);
			if (!abbreviation) {
				return true;
			}
		}
	}
	return false;
}

/**
 * Whether a one-line block reads like a heading. The rule, applied to the line with surrounding blanks trimmed:
 *
 * 1. **One short line**: no line break; 1 to 12 words; at most 80 characters.
 * 2. **No final punctuation**: after dropping closing quotes and brackets, the line ends in a letter or digit;
 *    so `. ! ? : ; ,`, dashes, ellipses and slashes at the end make it a paragraph ("... the following:").
 * 3. **Capitalised start**: the first word (after opening quotes or brackets) starts with an uppercase letter,
 *    or is a number followed by at least one content word.
 * 4. **Title-like**: content words are the words with letters that are not short function words
 *    ({@link headingFunctionWords}: a, an, the, and, of, for, in, on, to, with, at, by, from, vs, ...).
 *    There must be at least one, and a word counts as capitalised when it contains an uppercase letter
 *    ("Ties", "U.S.-China", "al-Assad", "iPhone"). With up to four content words all must be capitalised;
 *    with five or more, at least two thirds.
 * 5. **Not a clause**: no lowercase finite, modal or reporting verb, pronoun or list opener
 *    ({@link headingVerbCues}: "had", "said", "will", "include", "that", "he", ...), no lowercase word ending
 *    in "-ed" (a past tense), and the last word is not a lowercase function word ("... of the").
 * 6. **Not something else**: no inner sentence end (". " after a word that is not an abbreviation or an
 *    initial, "! ", "? "); no URL or e-mail address (`://`, `www.`, `@`); not a credit or byline line
 *    ({@link headingCreditStarts}: "By ...", "Reporting by ...", "Photo ...").
 *
 * So "Symbol of Deepening Ties", "Implications for Global Diplomacy", "What Comes Next" and "Background" are
 * headings; "The government had claimed tobacco firms" (lowercase content words, "had"), "The measures include
 * the following", "He said that", "42", "https://example.com", "sanctions remain", "Officials said:" are not.
 * The caller applies it only to single-line blocks after the first line: the lead is never a heading.
 */
export function isHeadingLine(line: string): boolean {
	const trimmed = line.trim();
	if (trimmed.length === 0 || trimmed.length > maxHeadingLength || /[\r\n]/.test(trimmed)) {
		return false;
	}
	const words = trimmed.split(/\s+/);
	if (words.length > maxHeadingWords) {
		return false;
	}
	const core = trimmed.replace(closers, '');
	if (!/[\p{L}\p{N}]$/u.test(core)) {
		return false;
	}
	if (/:\/\/|^www\.|@/iu.test(trimmed)) {
		return false;
	}
	const firstWord = words[0].replace(openers, '');
	const firstIsNumber = /^\p{N}/u.test(firstWord);
	if (!firstIsNumber && !startsUppercase(firstWord)) {
		return false;
	}
	if (headingCreditStarts.has(firstWord.toLowerCase().replace(/[^\p{L}]+$/u, ''))) {
		return false;
	}
	if (hasInnerSentenceEnd(words)) {
		return false;
	}
	let content = 0;
	let capitalised = 0;
	for (const raw of words) {
		const word = raw.replace(openers, '').replace(/[\s"'”’»)\],.;:!?]+$/u, '');
		if (!/\p{L}/u.test(word)) {
			continue;
		}
		const lower = word.toLowerCase();
		const upper = hasUppercase(word);
		if (!upper && (headingVerbCues.has(lower) || (lower.length >= 4 && lower.endsWith('ed')))) {
			return false;
		}
		if (headingFunctionWords.has(lower)) {
			continue;
		}
		content++;
		if (upper) {
			capitalised++;
		}
	}
	if (content === 0 || (content <= 4 ? capitalised < content : capitalised * 3 < content * 2)) {
		return false;
	}
	const lastWord = words[words.length - 1].replace(closers, '');
	return !(lastWord === lastWord.toLowerCase() && headingFunctionWords.has(lastWord));
}
