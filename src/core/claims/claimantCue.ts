/**
 * Offers a claimant for a new claim: the speaker of a recognised attribution in the claim's sentence,
 * "<Name> said/told/announced …", "… , <Name> said", "according to <Name>".
 *
 * Deliberately simple and conservative (a suggestion the user confirms or edits, never a decision): a name is
 * a run of capitalised words (with hyphens, apostrophes, initials and accented letters), optionally preceded by
 * a title word; pronouns and sentence-initial function words are not names. The entity recognizer of
 * `src/core/entities` knows more names but costs a gazetteer load; this runs on one sentence in microseconds.
 */

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const LINK = String.raw`(?:\s+(?:de|da|del|della|van|von|der|la|le|bin|al|el|y|of)\s+|\s+)`;
const NAME = String.raw`${WORD}(?:${LINK}${WORD}){0,5}`;
const VERBS = String.raw`said|says|told|tells|announced|announces|stated|states|claimed|claims|added|adds|argued|argues|insisted|insists|warned|warns|wrote|writes|declared|declares|asserted|asserts|maintained|maintains|noted|notes|reported|reports|confirmed|confirms|denied|denies|estimated|estimates|predicted|predicts`;

const NAME_THEN_VERB = new RegExp(String.raw`(${NAME})(?:,[^,]{1,80},)?(?:\s+(?:later|also|then|again|once|\p{Ll}+ly))?\s+(?:has\s+|had\s+|have\s+)?(?:${VERBS})\b`, 'gu');
const VERB_THEN_NAME = new RegExp(String.raw`\b(?:said|says|told|wrote|added|announced)\s+(${NAME})`, 'gu');
const ACCORDING_TO = new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:the\s+|a\s+|an\s+)?(${NAME}|[\p{Ll}\p{Lu}][\p{L}\s-]{2,60}?)(?=[,.;:)]|\s+(?:who|which|that|on|in|at)\b|$)`, 'gu');

/** Words that start a capitalised run but are never the claimant themselves. */
const NOT_NAMES = new Set([
	'he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'the', 'a', 'an', 'and', 'but', 'or',
	'in', 'on', 'at', 'by', 'for', 'from', 'of', 'to', 'with', 'as', 'after', 'before', 'when', 'while', 'if', 'on', 'his', 'her',
	'their', 'its', 'our', 'my', 'who', 'which', 'what', 'however', 'meanwhile', 'also', 'then', 'later', 'earlier', 'officials',
]);

/** Title words dropped from the front of a name ("President", "Mr."): the claimant is the person. */
const TITLES = /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St)\.?|Sir|Dame|Secretary of State|Secretary of \p{Lu}\p{L}+|Minister of \p{Lu}\p{L}+|President|Prime Minister|Minister|Secretary|Chancellor|King|Queen|Prince|Princess|Pope|Judge|Justice|Senator|Governor|Mayor|Chairman|Chairwoman|Chair|Chief Executive|Director|Spokesman|Spokeswoman|Spokesperson|Professor|Foreign Minister|Finance Minister|Deputy|Assistant|Vice)\s+/u;

function cleanName(raw: string): string | null {
	let name = raw.trim().replace(/[\s,.;:’']+$/u, '');
	const words = name.split(/\s+/);
	// Drop leading function words the capitalised-run pattern swallowed at the sentence start ("The", "But").
	while (words.length > 0 && NOT_NAMES.has(words[0].toLowerCase())) {
		words.shift();
	}
	name = words.join(' ');
	for (let strip = TITLES.exec(name); strip && strip[0].length < name.length; strip = TITLES.exec(name)) {
		name = name.slice(strip[0].length);
	}
	if (name === '' || NOT_NAMES.has(name.toLowerCase())) {
		return null;
	}
	return name;
}

/**
 * The claimant suggested by the attribution in `sentence`, or null when there is none. Prefers "according
 * to X", then "X said", then "said X"; the first match of the preferred kind wins.
 */
export function suggestClaimant(sentence: string): string | null {
	for (const pattern of [ACCORDING_TO, NAME_THEN_VERB, VERB_THEN_NAME]) {
		pattern.lastIndex = 0;
		for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
			const name = cleanName(m[1]);
			if (name) {
				return name;
			}
		}
	}
	return null;
}
