// Generates syntaxes/news-seed.tmLanguage.json, the TextMate grammar of News Seed articles. The grammar's regexes
// are long (word lists compiled into tries, the same cue alternation repeated in four places), so they are written
// here from named, commented pieces; do not edit the JSON by hand.
//
// How to change the grammar:
//   1. Edit this file: a cue word goes into its list below (HEDGE_PHRASES, ATTRIBUTION_PHRASES, the month and
//      weekday lists, CURRENCY_NAMES, ...), a rule change into the named piece that carries it.
//   2. Run `node scripts/buildGrammar.mjs` (optionally with an output path, to write a variant elsewhere for
//      comparison; the default is syntaxes/news-seed.tmLanguage.json). Commit the regenerated JSON with this file:
//      test/unit/grammarSource.test.ts fails when the two differ.
//   3. Run `npm run test:grammar`: the assertion files under test/grammar/cases and the snapshots under
//      test/grammar/snap must still pass. Only when a snapshot change is intended (review the diff first), rewrite
//      the snapshots with `UPDATE_SNAPSHOTS=1 npm run test:grammar`.
//   Speed matters: `npm run bench` times the grammar on long prose against VS Code's Markdown grammar
//   (bench/grammar.bench.ts). Every extra cue word costs, because nearly every word start is a candidate.
//
// Only Node's standard library; the JSON is written in the layout of Python's json.dump(indent=2,
// ensure_ascii=False), which JSON.stringify(value, null, 2) matches for this content.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Regex pieces are raw strings: a backslash is a regex backslash, never a JavaScript escape. */
const raw = String.raw;

// ================================================================ shared pieces

/** A blank inside a phrase ("according to", "per cent"): a space or a no-break space, which pasted text often has. */
const SP = raw`[ \x{A0}]`;
/** ASCII digits: \d is Unicode-aware in Oniguruma and slower to scan for. */
const D = '[0-9]';
/** After a figure or date: no letter, digit or underscore may follow ("5th" is a number, "5G" no cue). */
const GLUE_AFTER = raw`(?![\p{L}\p{N}_])`;
/** After a cue word: as GLUE_AFTER, and no hyphen either ("may-be", "said-to-be" are not cues). */
const WORD_END = raw`(?![\p{L}\p{N}_-])`;

// ================================================================ word lists compiled into tries

/** Stands for "one or more blanks" inside a phrase until the trie turns it into `${SP}+`. */
const SPACE_TOKEN = '\u0000';
/** Marks, in a trie node, that a word ends there. */
const END = '';

/**
 * Expands a compact list pattern into its strings: `[Aa]` is a choice of single letters, `{x|y}` a choice of
 * strings (nestable, and each choice is itself a pattern), and a space stands for one or more blanks.
 * "[Ss]ources {say|said}" gives "Sources say", "Sources said", "sources say", "sources said".
 */
function expand(pattern) {
	let results = [''];
	let i = 0;
	while (i < pattern.length) {
		const c = pattern[i];
		let choices;
		if (c === '[') {
			const j = pattern.indexOf(']', i);
			choices = [...pattern.slice(i + 1, j)];
			i = j + 1;
		} else if (c === '{') {
			let depth = 1;
			let j = i + 1;
			while (depth) {
				depth += pattern[j] === '{' ? 1 : pattern[j] === '}' ? -1 : 0;
				j++;
			}
			choices = splitTopLevel(pattern.slice(i + 1, j - 1)).flatMap(expand);
			i = j;
		} else {
			choices = [c === ' ' ? SPACE_TOKEN : c];
			i++;
		}
		results = results.flatMap((r) => choices.map((choice) => r + choice));
	}
	return results;
}

/** Splits the inside of `{...}` at the `|` that are not inside a nested `{...}`. */
function splitTopLevel(inner) {
	const parts = [];
	let depth = 0;
	let last = 0;
	for (let k = 0; k < inner.length; k++) {
		depth += inner[k] === '{' ? 1 : inner[k] === '}' ? -1 : 0;
		if (inner[k] === '|' && depth === 0) {
			parts.push(inner.slice(last, k));
			last = k + 1;
		}
	}
	parts.push(inner.slice(last));
	return parts;
}

/** All strings of a list of expand() patterns. */
function expandAll(patterns) {
	return patterns.flatMap(expand);
}

/**
 * A regex matching exactly `words`, written as a trie ("sa(?:id|ys)" rather than "said|says"): Oniguruma then never
 * re-reads a shared prefix, which matters because these are tried at nearly every word start. Branches are sorted,
 * so the output does not depend on the order of the lists.
 */
function trie(words) {
	const root = new Map();
	for (const word of words) {
		let node = root;
		for (const ch of word) {
			if (!node.has(ch)) {
				node.set(ch, new Map());
			}
			node = node.get(ch);
		}
		node.set(END, new Map());
	}

	const atom = (ch) => (ch === SPACE_TOKEN ? `${SP}+` : '.^$|?*+()[]{}\\-'.includes(ch) ? `\\${ch}` : ch);

	function build(node) {
		const branches = [...node.keys()].filter((ch) => ch !== END).sort().map((ch) => atom(ch) + build(node.get(ch)));
		if (branches.length === 0) {
			return '';
		}
		const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
		if (node.has(END)) {
			// A word ends here and longer ones go on: the rest is optional.
			return branches.length === 1 ? `(?:${body})?` : `${body}?`;
		}
		return body;
	}

	return build(root);
}

/** The distinct first characters of `strings`, sorted: what a cue can start with. */
function initials(strings) {
	return [...new Set(strings.map((s) => s[0]))].sort().join('');
}

// ================================================================ cue word lists
// The cue lists of the issue, with their sentence-initial capitals and the obvious inflections. Every extra word
// costs: on prose nearly every word start is a candidate (see bench/grammar.bench.ts), so the lists stay short.

/** Hedges. The modal verbs are lowercase only: "May" at a sentence start is as likely the month. */
const HEDGE_PHRASES = expandAll([
	'[Aa]nalysts {speculate|speculates|speculated}',
	'[Ss]ources {say|says|said}',
	'[Ii]t is believed',
	'{[Rr]eportedly|[Aa]llegedly|[Pp]ossibly|[Aa]pparently}',
	'{likely|unconfirmed|could|may|might}',
]);

/** Reporting verbs, lowercase only (the name Said is no verb), except the sentence-initial "According to". */
const ATTRIBUTION_PHRASES = expandAll([
	'{said|says|told|[Aa]ccording to|announced|reported|stated|claimed|added|confirmed|denied|warned}',
]);

/** Months that are never anything else. May is apart: alone it is the hedge "may" at a sentence start. */
const FULL_MONTHS_NO_MAY = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ABBREVIATED_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
/** Weekdays and their plurals ("on Mondays"). */
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].flatMap((day) => [day, `${day}s`]);
/** Words before which "May" is the month: "in May", "since May", "early May". */
const MAY_CONTEXT_WORDS = ['in', 'since', 'until', 'by', 'from', 'of', 'early', 'late', 'last', 'next', 'this', 'before', 'after', 'during'];
/** Every word a date cue can start with (for its first-character test). */
const DATE_WORD_STARTS = [...FULL_MONTHS_NO_MAY, ...WEEKDAYS, 'May', ...ABBREVIATED_MONTHS];

/** Currency names after an amount ("5 million dollars", "20 euros"), singular and plural, and ISO codes. */
const CURRENCY_NAMES = [
	'dollars?', 'euros?', `pounds?(?:${SP}sterling)?`, 'yen', 'yuan', 'renminbi', 'rubles?', 'roubles?', 'rupees?', 'won',
	'francs?', 'pesos?', 'cents?', 'pence', 'naira', 'rand', 'shekels?', 'lira', 'dirhams?', 'riyals?',
	'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RUB', 'INR', 'CHF',
];
/** Words that may qualify a currency name: "US dollars", "Hong Kong dollars". */
const CURRENCY_QUALIFIERS = ['US', raw`U\.S\.`, `Hong${SP}Kong`, 'Australian', 'Canadian'];
/** Currency symbols before an amount ("$5", "€1.2bn"). */
const CURRENCY_SYMBOLS = ['\\$', '€', '£', '¥', '₹', '₽', '₩'];
/** Magnitude words after a number: "3 million", "$2 billion". */
const MAGNITUDE_WORDS = ['thousand', 'million', 'billion', 'trillion'];
/** Magnitude abbreviations glued or spaced after an amount: "$5bn", "€3 m", "10k". */
const MAGNITUDE_ABBREVIATIONS = ['bn', 'mn', 'tn', 'm', 'k'];

// ================================================================ figure pieces

/** A number: "1,234,567" (groups of three) or "1234", with an optional decimal part. */
const NUMA = `(?:${D}{1,3}(?:,${D}{3})+|${D}+)(?:\\.${D}+)?`;
const MAG_WORD = `(?:${MAGNITUDE_WORDS.join('|')})`;
/** A magnitude after an amount: an abbreviation glued or after one blank ("5bn", "5 bn"), a word after one blank. */
const MAG = `(?:${SP}?(?:${MAGNITUDE_ABBREVIATIONS.join('|')})|${SP}${MAG_WORD})`;
const CUR_SYMBOL = `(?:${CURRENCY_SYMBOLS.join('|')})`;
const CURRENCY_WORDS = `(?:(?:${CURRENCY_QUALIFIERS.join('|')})${SP}+)?(?:${CURRENCY_NAMES.join('|')})`;
/** A day of the month, 1 to 31 (a leading zero allowed), with an optional ordinal suffix: "5", "05", "21st". */
const DAYA = `(?:[12]${D}|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEARA = `${D}{4}`;
const ANY_MONTH = `(?:${trie([...FULL_MONTHS_NO_MAY, 'May', ...ABBREVIATED_MONTHS])})`;
/** What follows a month name in a full date: "5", "5, 2024", "5 2024" or "2024". */
const DATE_TAIL = `${SP}+(?:${DAYA}(?:,?${SP}+${YEARA})?|${YEARA})${GLUE_AFTER}`;
/** Lookbehind alternatives that make a bare "May" the month: "\bin May|\bsince May|...". */
const MAY_CONTEXT = MAY_CONTEXT_WORDS.map((w) => raw`\b${w} May`).join('|');

/** Dates that start with a word. */
const DATE_WORDS = [
	// May 5, Jan. 5, May 2024: May and the abbreviations only count with a day or year after them.
	`(?:${trie(['May', ...ABBREVIATED_MONTHS])})${DATE_TAIL}`,
	// in May, since May: a bare May only after a word that makes it the month (alone it is the hedge "may").
	raw`May(?<=${MAY_CONTEXT})\b`,
	// March 16, 2024 / March 2024 / March: the other full months are dates even alone.
	`(?:${trie(FULL_MONTHS_NO_MAY)})(?:${DATE_TAIL}|\\b)`,
	// Monday, Mondays.
	`(?:${trie(WEEKDAYS)})\\b`,
].join('|');

const DIGITS = '0123456789';
/** What a figure cue can start with: a digit or a currency symbol. */
const FIGURE_FIRST = `${DIGITS}$€£¥₹₽₩`;

// ================================================================ cues
// Each cue: its scope, its regex, and the characters it can start with. Within a family the order is the order of
// precedence at one position (the hedge "sources said" before the reporting verb "said"; money, percentages and
// dates before plain numbers). Words and figures start with disjoint characters, so only the order within each
// family matters.

const HEDGE = {
	scope: 'markup.italic.hedge.news-seed keyword.other.hedge.news-seed',
	body: `(?:${trie(HEDGE_PHRASES)})${WORD_END}`,
	first: initials(HEDGE_PHRASES),
};
const ATTRIBUTION = {
	scope: 'support.function.attribution.news-seed',
	body: `(?:${trie(ATTRIBUTION_PHRASES)})${WORD_END}`,
	first: initials(ATTRIBUTION_PHRASES),
};
const DATE_WORD = {
	scope: 'constant.numeric.date.news-seed',
	body: `(?:${DATE_WORDS})`,
	first: initials(DATE_WORD_STARTS),
};
const MONEY = {
	scope: 'constant.numeric.money.news-seed',
	// "$5", "€1.2bn", "$3 million" | "5 million dollars", "20 US dollars".
	body: `${CUR_SYMBOL}${NUMA}(?:${MAG})?${GLUE_AFTER}|${NUMA}(?:${MAG})?${SP}${CURRENCY_WORDS}${GLUE_AFTER}`,
	first: FIGURE_FIRST,
};
const PERCENTAGE = {
	scope: 'constant.numeric.percentage.news-seed',
	// "12%", "12 %", "12 percent", "12 per cent", "2 percentage points".
	body: `${NUMA}(?:${SP}?%|${SP}(?:percent|per${SP}cent|percentage${SP}points?)${GLUE_AFTER})`,
	first: DIGITS,
};
const DATE_FIGURE = {
	scope: 'constant.numeric.date.news-seed',
	// "5 March 2024", "5th of May", "21 Jan., 2024" | "2024-03-16", "16/3/2024" (not followed by more of a path).
	body: `${DAYA}${SP}+(?:of${SP}+)?${ANY_MONTH}(?:,?${SP}+${YEARA})?${GLUE_AFTER}`
		+ raw`|(?:${D}{4}-${D}{2}-${D}{2}|${D}{1,2}/${D}{1,2}/${D}{2,4})(?![\p{L}\p{N}_/-])`,
	first: DIGITS,
};
const NUMBER = {
	scope: 'constant.numeric.news-seed',
	// "1,200", "3.5", "21st", "1990s", "3 million".
	body: `${NUMA}(?:st|nd|rd|th|s|${SP}${MAG_WORD})?${GLUE_AFTER}`,
	first: DIGITS,
};

const WORD_CUES = [HEDGE, ATTRIBUTION, DATE_WORD];
const FIGURE_CUES = [MONEY, PERCENTAGE, DATE_FIGURE, NUMBER];
/** In capture order: words first, then figures (cueAlternation() numbers them so). */
const CUES = [...WORD_CUES, ...FIGURE_CUES];

/** A character class of `chars`, sorted, with the ten digits written 0-9. */
function charClass(chars) {
	return `[${[...new Set(chars)].sort().join('').replace(DIGITS, '0-9')}]`;
}

/**
 * One capture per cue, each behind a one-character lookahead of its possible first characters, in two families
 * (words, figures) behind a lookahead of the family's first characters, so that a word start skips the figure
 * tests at once and a digit the word tests.
 */
function cueAlternation() {
	const family = (members) => `(?=${charClass(members.map((m) => m.first).join(''))})(?:`
		+ members.map((m) => `(?=${charClass(m.first)})(${m.body})`).join('|') + ')';
	return `(?:${family(WORD_CUES)}|${family(FIGURE_CUES)})`;
}

/** The captures of cueAlternation(), numbered from `firstIndex`. */
function cueCaptures(firstIndex) {
	return Object.fromEntries(CUES.map((cue, i) => [String(firstIndex + i), { name: cue.scope }]));
}

/**
 * An optional cue at the start of a line (after its indentation): the cue rule only starts after a space, so the
 * block's begin and while patterns test the line start themselves, once per line.
 */
const LINE_CUE = `(?:${cueAlternation()})?`;

// ================================================================ headings (a stricter subset of src/core/seed/headingRule.ts)

/** Function words, the lowercase words a title may hold between capitalised ones ("Symbol of Deepening Ties"). */
const FUNCTION_WORDS = [
	'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'so', 'yet', 'as', 'if', 'than', 'of', 'for', 'in', 'on', 'to', 'at',
	'by', 'from', 'with', raw`vs\.?`, raw`v\.`, 'via', 'per', 'into', 'onto', 'upon', 'over', 'off', 'up', 'out',
	'down', 'amid', 'among', 'after', 'before', 'about', 'above', 'across', 'against', 'along', 'around', 'behind',
	'below', 'beneath', 'beside', 'between', 'beyond', 'despite', 'during', 'except', 'inside', 'like', 'near',
	'outside', 'past', 'since', 'through', 'throughout', 'toward', 'towards', 'under', 'until', 'within', 'without',
	// Name particles: "Syria and the al-Assad Legacy", "Ursula von der Leyen".
	'de', 'del', 'der', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'al', 'bin', 'el', 'y',
];
/** First words of credit lines, which are never headings: "Photo: AP", "Reporting by ...", "Advertisement". */
const CREDIT_WORDS = [
	'by', 'reporting', 'editing', 'writing', 'written', 'sources?', 'photos?', 'images?', 'credits?', 'copyright',
	'updated', 'published', 'posted', 'contact', 'email', 'tel', 'phone', 'follow', 'subscribe', 'read', 'related',
	'see', 'click', 'share', 'advertisement',
];
/** Title abbreviations with their period, capitalised words although they end in a period: "Dr.", "St.". */
const TITLE_ABBREVIATIONS = [
	'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Maj', 'Adm', 'Rev',
	'Hon', 'Pres', 'Amb', 'Fr', 'St', 'Mt', 'Ft', 'Jr', 'Sr', 'Inc', 'Corp', 'Ltd', 'Co',
];

const FUNC = FUNCTION_WORDS.join('|');
const CREDIT = CREDIT_WORDS.join('|');
/** Opening quotes and brackets before a word (at most three, so the repetition stays bounded). */
const OPEN = raw`[\"'“‘«(\[¡¿]{0,3}`;
/** Closing quotes and brackets after a word. */
const CLOSE = raw`[\"”»)\]]{0,3}`;
/** A character inside a word: letters, marks, digits, apostrophes and "&" (AT&T). */
const BODY = raw`[\p{L}\p{M}\p{N}'’&]`;
const TITLE_ABBR = `(?:${TITLE_ABBREVIATIONS.join('|')})\\.`;
/** A capitalised word: initials ("U.S.", "U.S.-China"), a title abbreviation, or a capital and more ("Kim Jong-un"). */
const CAP_START = raw`(?:(?:\p{Lu}\.){2,4}(?:-${BODY}+)*|${TITLE_ABBR}|\p{Lu}${BODY}*(?:-${BODY}+)*)`;
/** A word capitalised inside: "al-Assad", "iPhone", "d'Ivoire". */
const CAP_INNER = raw`(?:\p{Ll}[\p{Ll}\p{M}]*[-'’]?\p{Lu}${BODY}*(?:-${BODY}+)*)`;
/** A number word: "2024", "$5", "3.5%", "24/7", "COVID-19" is a CAP_START. */
const NUMW = raw`[$€£¥]?\p{N}+(?:[.,:/\-]\p{N}+)*%?`;
/** The first word of a heading: capitalised or a number, never a function word. */
const FIRST = `${OPEN}(?:${CAP_START}|${NUMW})${CLOSE}[,:;]?`;
/** A middle word: capitalised, capitalised inside, a number or a function word; or a lone connector ("&", "–"). */
const MID = `(?:${OPEN}(?:${CAP_START}|${CAP_INNER}|${NUMW}|(?:${FUNC})(?![\\p{L}\\p{M}\\p{N}'’\\-]))${CLOSE}[,:;]?|[&–—\\-+/|•·])`;
/** The last word: as a middle word but not a function word ("Reactions From" is no heading). */
const LAST = `${OPEN}(?:${CAP_START}|${CAP_INNER}|${NUMW})${CLOSE}`;

/** A heading line: capture 1 is the line, capture 2 its text without the surrounding blanks. */
const HEADING = [
	// One short line: at most 80 characters (atomic, so nothing backtracks into it).
	raw`(?=[ \t]*\S(?>.{0,79})$)`,
	// Ends in a letter or digit (closing quotes allowed): no final period, colon or question mark.
	raw`(?=.*[\p{L}\p{N}][\"'”’»)\]]*[ \t]*$)`,
	// At least one capital.
	raw`(?=.*\p{Lu})`,
	// Not a credit: "Advertisement", "Photo: AP", "Reporting by ...".
	raw`(?![ \t]*(?i:${CREDIT})(?::|[ \t]*$|[ \t]+[Bb]y(?![\p{L}\p{N}])))`,
	// Nor a byline, "By Jane Doe" (but "By the Numbers" is a heading).
	raw`(?![ \t]*(?:By|BY)[ \t]+\p{Lu})`,
	// 1 to 12 words, capitalised or function words.
	raw`([ \t]*(${FIRST}(?:(?:[ \t]+${MID}){0,10}[ \t]+${LAST})?)[ \t]*$)`,
].join('');

// ================================================================ the grammar

/** A line that is not blank: a block's while pattern, so the block ends at the first blank line. */
const NON_BLANK = raw`^(?=[ \t]*\S)`;
/** A non-blank line's indentation and an optional cue at its start. */
const LINE_START = raw`(?=[ \t]*\S)[ \t]*` + LINE_CUE;
/** The dateline: "date 2024-03-16"; a token that is not a valid YYYY-MM-DD (capture 4) is marked invalid. */
const DATELINE = raw`[ \t]*((date)[ \t]+(?:((?:[0-9]{4})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))|([0-9][^ \t\n]*)))(?=[ \t]|$)`;

function grammar() {
	return {
		$schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
		name: 'News Seed',
		scopeName: 'text.news-seed',
		comment: 'News seed articles (SEED-FORMAT.md): line 1 holds the dateline and the lead, then blocks separated by blank '
			+ 'lines. Written for speed on long lines of prose (bench/grammar.bench.ts compares it with VS Code\'s Markdown '
			+ 'grammar): blocks are begin/while rules, so no end pattern is searched on every token; the block start also '
			+ 'tests for a heading and a cue at the line start, once per line; inside a block the scanner holds two '
			+ 'regexes (the quotation opening and one for every cue), and the cue regex only starts after a space, which '
			+ 'Oniguruma can skip to; digits are [0-9], not the Unicode-aware \\d. Repetitions '
			+ 'are bounded or run over classes that exclude what follows, so nothing backtracks catastrophically.',
		patterns: [
			{ include: '#lead' },
			{ include: '#block' },
		],
		repository: {
			lead: {
				comment: 'The first line: \\A matches on the first line of the document only. The dateline is optional, so that a first line without one is still the lead (never a heading). A date token that is not YYYY-MM-DD with a possible month and day is invalid.illegal (the diagnostic explains why).',
				begin: raw`\A\x{FEFF}?(?:` + DATELINE + '|' + LINE_START + ')',
				beginCaptures: {
					1: { name: 'meta.dateline.news-seed' },
					2: { name: 'keyword.control.dateline.news-seed' },
					3: { name: 'constant.numeric.date.dateline.news-seed' },
					4: { name: 'invalid.illegal.date.dateline.news-seed' },
					...cueCaptures(5),
				},
				while: NON_BLANK + raw`[ \t]*` + LINE_CUE,
				whileCaptures: cueCaptures(1),
				patterns: [{ include: '#inline' }],
			},
			block: {
				comment: 'Every later block, up to the next blank line. Its first line is a heading when the whole line reads like a title: a stricter subset of src/core/seed/headingRule.ts (every content word capitalised, at most 12 words and 80 characters, no final punctuation, not a credit or byline line, not ending on a function word). A heading followed by more lines without a blank line still shows as a heading: a TextMate grammar cannot look ahead. The continuation lines of a block are never headings.',
				begin: '^(?:' + HEADING + '|' + LINE_START + ')',
				beginCaptures: {
					1: { name: 'markup.heading.news-seed' },
					2: { name: 'entity.name.section.news-seed' },
					...cueCaptures(3),
				},
				while: NON_BLANK + raw`[ \t]*` + LINE_CUE,
				whileCaptures: cueCaptures(1),
				patterns: [{ include: '#inline' }],
			},
			inline: {
				patterns: [
					{ include: '#double' },
					{ include: '#cues' },
				],
			},
			double: {
				comment: '"..." and “...”, in one rule so that the scanner holds one opening pattern less. A straight opening quote is not glued to a word or number (12" is an inch mark). Either closing quote ends either kind, which also tolerates the mixed quotes of pasted text; the quotation also ends with its block.',
				name: 'string.quoted.double.news-seed',
				begin: raw`(")(?<![\p{L}\p{N}]")|(“)`,
				beginCaptures: { 1: { name: 'punctuation.definition.string.begin.news-seed' }, 2: { name: 'punctuation.definition.string.begin.news-seed' } },
				end: '"|”',
				endCaptures: { 0: { name: 'punctuation.definition.string.end.news-seed' } },
				patterns: [{ include: '#singleInDouble' }],
			},
			singleInDouble: {
				comment: '\'...\' or ‘...’ inside a double quotation. Opens only before a letter and not after one, so the apostrophes of Russia\'s, don\'t and the \'90s never open it; closes at a \' or ’ that no letter or digit follows (so Russia’s does not close it), or where the double quotation closes. Outside double quotes a single quote is too often an apostrophe to open a quotation.',
				name: 'string.quoted.single.news-seed',
				begin: raw`((?:'|‘))(?<![\p{L}\p{N}](?:'|‘))(?=\p{L})`,
				beginCaptures: { 1: { name: 'punctuation.definition.string.begin.news-seed' } },
				end: raw`(?:'|’)(?![\p{L}\p{N}])|(?=[\"”])`,
				endCaptures: { 0: { name: 'punctuation.definition.string.end.news-seed' } },
			},
			cues: {
				comment: 'Hedges, reporting verbs, dates, money, percentages and numbers, one capture each, in order of precedence at a position (hedge "sources said" before reporting verb "said"; money, percentages and dates before plain numbers). A cue starts after a space (or at a line start, see block): Oniguruma skips from space to space, where a test at every letter, or even a class such as [ (], costs far more on prose. So "(12%)" shows no figure, and G7, COVID-19, F-35, 3D and mp3 hold no number and value-added no cue. Modal and reporting verbs are lowercase only (except "According to"): the month May and the name Said are neither. Inside quotations cues are not marked: a quotation reads as one string.',
				// The leading space: see the comment above; Oniguruma can skip from space to space.
				match: ' ' + cueAlternation(),
				captures: cueCaptures(1),
			},
		},
	};
}

/** The grammar as the JSON text of syntaxes/news-seed.tmLanguage.json (two-space indent, final newline). */
export function buildGrammar() {
	return JSON.stringify(grammar(), null, 2) + '\n';
}

/** The committed grammar file. */
export const grammarPath = fileURLToPath(new URL('../syntaxes/news-seed.tmLanguage.json', import.meta.url));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const out = process.argv[2] ? resolve(process.argv[2]) : grammarPath;
	writeFileSync(out, buildGrammar());
	console.log(`wrote ${out}`);
}
