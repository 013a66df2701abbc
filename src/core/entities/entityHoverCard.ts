/**
 * The hover card of an entity mention, as Markdown text for a hover that renders no HTML and runs only our own
 * commands. Everything that comes from an article or from the user's notes is escaped (src/core/text/markdown.ts);
 * links are only the command links the caller builds with `commandLink` and http(s) links of the user's notes,
 * their targets percent-encoded so that no character can end them early.
 */
import { escapeMarkdownInline, markdownWebLink } from '../text/markdown';
import { shortenAtWord } from '../text/shorten';
import type { EntityType } from './index';

/** Codicon per type, rendered by VS Code's theme-icon syntax `$(name)`. */
export const entityTypeIcons: Readonly<Record<EntityType, string>> = { person: 'person', organization: 'organization', place: 'location' };

export const entityTypeLabels: Readonly<Record<EntityType, string>> = { person: 'Person', organization: 'Organization', place: 'Place' };

/** Another article that mentions the entity. `link` is a command link built by the caller with `commandLink`. */
export interface HoverArticleRef {
	readonly label: string;
	readonly link: string;
	readonly mentions: number;
}

/** What the card shows; strings are raw (unescaped) unless they are link targets. */
export interface EntityHoverInput {
	readonly canonical: string;
	readonly type: EntityType;
	/** Other names used for it in this article (aliases), raw. */
	readonly otherNames: readonly string[];
	readonly mentionCount: number;
	/** 1-based line of the first mention and the sentence (or block) that holds it. */
	readonly firstLine: number;
	readonly firstSentence: string;
	/** Other articles of the workspace that mention it; `otherArticleCount` may exceed the list shown. */
	readonly otherArticles: readonly HoverArticleRef[];
	readonly otherArticleCount: number;
	/** Whether the workspace index is still being built (counts may grow). */
	readonly indexing: boolean;
	/** The user's notes and links from news-entities.json ('' / none when there are none). */
	readonly notes: string;
	readonly links: readonly string[];
	/** Whether the user declared this entity in news-entities.json. */
	readonly declared: boolean;
	readonly findMentionsLink: string;
	readonly editNoteLink: string;
	/** Links that correct the recognizer in news-entities.json: another type, or not an entity at all. */
	readonly wrongTypeLink?: string;
	readonly notEntityLink?: string;
}

/** The longest sentence quoted, and the most other articles listed, before "…". */
export const hoverLimits = { sentence: 240, articles: 5, notes: 1000, names: 12 } as const;

/**
 * The card, as Markdown lines joined by blank-line-free hard breaks: a title line with the type icon, the other
 * names, mentions and first sentence, other articles, notes and links, and the two command links.
 */
export function buildEntityHoverMarkdown(input: EntityHoverInput): string {
	const lines: string[] = [];
	lines.push(`$(${entityTypeIcons[input.type]}) **${escapeMarkdownInline(input.canonical)}** \u2014 ${entityTypeLabels[input.type]}${input.declared ? ' (from news\\-entities\\.json)' : ''}`);
	if (input.otherNames.length > 0) {
		const names = input.otherNames.slice(0, hoverLimits.names).map((name) => `*${escapeMarkdownInline(name)}*`).join(', ');
		lines.push(`Also written: ${names}${input.otherNames.length > hoverLimits.names ? ', …' : ''}`);
	}
	const times = input.mentionCount === 1 ? '1 mention' : `${input.mentionCount} mentions`;
	lines.push(`${times} in this article; first on line ${input.firstLine}: \u201c${escapeMarkdownInline(shortenAtWord(input.firstSentence, hoverLimits.sentence))}\u201d`);
	if (input.otherArticleCount === 0) {
		lines.push(input.indexing ? 'No other article of the workspace mentions it so far (still indexing).' : 'No other article of the workspace mentions it.');
	} else {
		const shown = input.otherArticles.slice(0, hoverLimits.articles).map((article) => `[${escapeMarkdownInline(article.label)}](${article.link}) (${article.mentions})`);
		const more = input.otherArticleCount > shown.length ? `, and ${input.otherArticleCount - shown.length} more` : '';
		const count = input.otherArticleCount === 1 ? '1 other article' : `${input.otherArticleCount} other articles`;
		lines.push(`Mentioned in ${count}${input.indexing ? ' so far' : ''}: ${shown.join(', ')}${more}`);
	}
	if (input.notes.trim() !== '') {
		lines.push(`Notes: ${escapeMarkdownInline(shortenAtWord(input.notes, hoverLimits.notes))}`);
	}
	for (const link of input.links.slice(0, 5)) {
		lines.push(`Link: ${markdownWebLink(shortenAtWord(link, 80), link)}`);
	}
	const corrections = [input.wrongTypeLink ? `[Wrong type\u2026](${input.wrongTypeLink})` : '', input.notEntityLink ? `[Not an entity](${input.notEntityLink})` : ''].filter(Boolean);
	lines.push([`[Find all mentions](${input.findMentionsLink})`, `[${input.notes.trim() === '' ? 'Add a note' : 'Edit the note'}](${input.editNoteLink})`, ...corrections].join(' \u00b7 '));
	// Two trailing spaces would be eaten by editors; a backslash before the line end is CommonMark's hard break.
	return lines.join('\\\n');
}
