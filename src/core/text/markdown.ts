/**
 * Markdown built from untrusted text (articles, sidecars, news-entities.json) for hovers, tooltips and the
 * Markdown report. One rule for all of them:
 *  - user text is inert: every ASCII punctuation character gets a backslash (CommonMark lets a backslash escape
 *    exactly these), so no link, image, autolink, reference definition, HTML, entity reference, emphasis or
 *    block syntax can form from it, whatever a renderer unescapes afterwards (`command\:` is two escaped
 *    characters of plain text, never part of a link);
 *  - links are built only here, from targets the extension vouches for: `command:` links of our own commands
 *    (the caller lists exactly those in `isTrusted.enabledCommands`) and http(s) links, each target percent-
 *    encoded so that no character can end it early or smuggle in another scheme.
 */

/**
 * ASCII punctuation (CommonMark's escapable set) except `"`, `%`, `'`, `,`, `/`, `;` and `?`, which start no
 * Markdown syntax on their own (entities need `&`, links brackets, autolinks `<`, `:`, `@` or `www.`), and stay
 * readable in the report.
 */
const ASCII_PUNCTUATION = /[!#$&()*+\-.:<=>@[\\\]^_`{|}~]/g;

function escapeLine(line: string): string {
	return line.replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}

/**
 * Text shown literally on one line of Markdown: punctuation escaped, every run of whitespace (line breaks
 * included) one space, so that it can never start a heading, list, quote or code block.
 */
export function escapeMarkdownInline(text: string): string {
	return escapeLine(text.replace(/\s+/g, ' '));
}

/**
 * Text shown literally as Markdown blocks, keeping its lines: punctuation escaped, each line's leading
 * whitespace dropped (it would make an indented code block), lines joined by hard breaks, blank lines kept
 * as paragraph breaks. The result contains no link, image or HTML whatever the text holds.
 */
export function escapeMarkdownBlock(text: string): string {
	const paragraphs = text.replace(/\r\n|\r/g, '\n').split(/\n[ \t]*\n\s*/);
	return paragraphs
		.map((paragraph) => paragraph.split('\n').map((line) => escapeLine(line.trim())).filter((line) => line !== '').join('\\\n'))
		.filter((paragraph) => paragraph !== '')
		.join('\n\n');
}

/** Percent-encodes everything `encodeURIComponent` leaves alone that could end or confuse a link: `!'()*`. */
function strictEncode(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Command ids this module links to: the extension's own, dotted names. */
const COMMAND_ID = /^[A-Za-z][\w.-]*$/;

/**
 * A `command:` link target running `command` with `args` (the command receives them spread). The JSON of the
 * arguments is encoded completely: nothing in it can end the link. Throws on a malformed command id: ids come
 * from our code, never from user text.
 */
export function commandLink(command: string, args: readonly unknown[]): string {
	if (!COMMAND_ID.test(command)) {
		throw new Error(`not a command id: ${command}`);
	}
	return `command:${command}?${strictEncode(JSON.stringify(args))}`;
}

/** A Markdown link `[label](command:…)` to one of our commands; the label is escaped. */
export function markdownCommandLink(label: string, command: string, args: readonly unknown[]): string {
	return `[${escapeMarkdownInline(label)}](${commandLink(command, args)})`;
}

/** Characters left as they are in a web link target; everything else is percent-encoded. */
const URL_SAFE = /[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/gu;

/**
 * An http(s) URL as a Markdown link target, or null when it is no plain http(s) URL: anything but the URL
 * characters is percent-encoded (parentheses, spaces, brackets, quotes, backslashes, angle brackets, non-ASCII).
 */
export function webLinkTarget(url: string): string | null {
	if (!/^https?:\/\/[^\s/?#]+/i.test(url)) {
		return null;
	}
	try {
		return url.replace(URL_SAFE, (ch) => strictEncode(ch));
	} catch {
		// A lone surrogate cannot be encoded: not a URL anyone meant.
		return null;
	}
}

/** `[label](url)` for an http(s) URL, or the label as literal text when `url` is anything else. */
export function markdownWebLink(label: string, url: string): string {
	const target = webLinkTarget(url);
	return target === null ? escapeMarkdownInline(label) : `[${escapeMarkdownInline(label)}](${target})`;
}
