/**
 * How claims are shown: theme colour ids of verdicts, Markdown for hovers (escaped, since article and sidecar
 * text is untrusted), short labels, and the Claims view's groups. Pure; the adapters only convert.
 */
import { diffWordsWithSpace } from 'diff';
import type { ClaimAnchor } from './anchoring';
import type { TrackedClaim } from './claimTracking';
import { shortenAtWord } from '../text/shorten';
import { escapeMarkdownBlock, escapeMarkdownInline, markdownCommandLink, markdownWebLink } from '../text/markdown';
import { DEFAULT_VERDICTS, findVerdict, UNCHECKED_LABEL, type Verdict } from './verdicts';

/**
 * The theme colour id of a verdict of the default scale with its default colour (`newsSeed.claim.mostlyTrue`),
 * or null for other verdicts and for default labels the user gave another colour: those use their own colour.
 */
export function verdictThemeColorId(verdict: Verdict): string | null {
	const builtIn = DEFAULT_VERDICTS.find((v) => v.label === verdict.label);
	if (!builtIn || builtIn.color !== verdict.color) {
		return null;
	}
	const words = verdict.label.toLowerCase().split(/\s+/);
	return `newsSeed.claim.${words[0]}${words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`;
}

/** The verdict to draw a claim with: its label on the scale, else Unchecked's look with the stored label. */
export function displayVerdict(verdicts: readonly Verdict[], label: string): Verdict {
	const found = findVerdict(verdicts, label);
	if (found) {
		return found;
	}
	const unchecked = findVerdict(verdicts, UNCHECKED_LABEL) ?? DEFAULT_VERDICTS[DEFAULT_VERDICTS.length - 1];
	return { label, rating: null, color: unchecked.color };
}

/** A source shown in a hover: http(s) URLs as links, anything else as literal text. */
function sourceMarkdown(source: string): string {
	return markdownWebLink(source, source);
}

/** What the status of an anchor means to the user. */
export function anchorStatusText(anchor: ClaimAnchor): string {
	switch (anchor.status) {
		case 'anchored':
			return 'anchored';
		case 'fuzzy':
			return `changed, please confirm (${Math.round(anchor.score * 100)}% similar)`;
		default:
			return 'unanchored: its text is no longer in the article';
	}
}

/** The commands a hover links to; each receives `[claimId]`. */
export interface HoverCommands {
	readonly setVerdict: string;
	readonly editNote: string;
	readonly remove: string;
	readonly accept: string;
	/** Resolves a merge conflict kept in the claim; the link shows only on claims that carry one. */
	readonly resolveConflict?: string;
	/** Attaches a changed claim to other text (the selection). */
	readonly retag?: string;
}

/** Above this length the changed text is shown without a word diff (a diff is quadratic at worst). */
const MAX_DIFF_LENGTH = 4000;

/**
 * The saved text of a changed claim and the text found now, side by side as a two-column Markdown table: words
 * removed struck through on the left, words added in bold on the right, everything else escaped literally.
 */
export function changedTextMarkdown(saved: string, now: string): string {
	const flat = (text: string) => text.replace(/\s+/g, ' ');
	const cell = (text: string) => escapeMarkdownInline(flat(text));
	let left = '';
	let right = '';
	if (saved.length > MAX_DIFF_LENGTH || now.length > MAX_DIFF_LENGTH) {
		left = cell(saved);
		right = cell(now);
	} else {
		for (const part of diffWordsWithSpace(saved, now)) {
			const text = flat(part.value);
			if (part.removed) {
				left += text.trim() === '' ? text : `~~${cell(text.trim())}~~${/\s$/.test(text) ? ' ' : ''}`;
			} else if (part.added) {
				right += text.trim() === '' ? text : `**${cell(text.trim())}**${/\s$/.test(text) ? ' ' : ''}`;
			} else {
				left += cell(text);
				right += cell(text);
			}
		}
	}
	return ['| Saved text | Text now |', '| --- | --- |', `| ${left.trim()} | ${right.trim()} |`].join('\n');
}

/** Markdown to show with exactly the commands its links run (for `isTrusted.enabledCommands`). */
export interface CommandMarkdown {
	readonly markdown: string;
	readonly enabledCommands: readonly string[];
}

/**
 * A claim's hover: verdict, note, claimant, tags, sources, status, creator and command links. Every stored text
 * is escaped (the note keeps its lines, nothing else of its Markdown): the only links are the command links
 * built here, listed in `enabledCommands`, and http(s) sources.
 */
export function claimHoverMarkdown(tracked: TrackedClaim, verdicts: readonly Verdict[], commands: HoverCommands, readOnly: boolean, currentText?: string): CommandMarkdown {
	const { claim, anchor } = tracked;
	const verdict = displayVerdict(verdicts, claim.body.verdict);
	const lines: string[] = [];
	const rating = verdict.rating !== null ? ` (${verdict.rating})` : '';
	lines.push(`**Claim: ${escapeMarkdownInline(verdict.label)}**${escapeMarkdownInline(rating)}`);
	if (claim.body.note.trim() !== '') {
		lines.push('', escapeMarkdownBlock(claim.body.note), '');
	}
	const facts: string[] = [];
	if (claim.body.claimant) {
		facts.push(`Claimant: ${escapeMarkdownInline(claim.body.claimant)}`);
	}
	if (claim.body.tags.length > 0) {
		facts.push(`Tags: ${claim.body.tags.map(escapeMarkdownInline).join(', ')}`);
	}
	if (claim.body.sources.length > 0) {
		facts.push(`Sources: ${claim.body.sources.map(sourceMarkdown).join(', ')}`);
	}
	facts.push(`Status: ${escapeMarkdownInline(anchorStatusText(anchor))}`);
	if (claim.conflict) {
		const others = claim.conflict.versions.length;
		const what = claim.conflict.kind === 'deleted-and-changed' ? 'deleted on the other side' : `${others} other version${others === 1 ? '' : 's'} kept`;
		facts.push(`**Merge conflict:** ${escapeMarkdownInline(what)}; choose one`);
	}
	const by = claim.creator ? ` by ${escapeMarkdownInline(claim.creator)}` : '';
	facts.push(`Tagged${by} ${escapeMarkdownInline(claim.created.slice(0, 10))}${claim.modified !== claim.created ? `, changed ${escapeMarkdownInline(claim.modified.slice(0, 10))}` : ''}`);
	lines.push(facts.join('\\\n'));
	const enabledCommands: string[] = [];
	if (anchor.status === 'fuzzy' && anchor.span && currentText !== undefined) {
		lines.push('', changedTextMarkdown(claim.target.quote.exact, currentText.slice(anchor.span.start, anchor.span.end)));
	}
	if (readOnly) {
		lines.push('', '_Read-only: the claims file of this article is damaged._');
	} else {
		const links: [string, string][] = [['Set verdict', commands.setVerdict], ['Edit note', commands.editNote], ['Remove', commands.remove]];
		if (anchor.status === 'fuzzy') {
			links.unshift(['Confirm', commands.accept], ...(commands.retag ? [['Re-tag', commands.retag] as [string, string]] : []));
		}
		if (claim.conflict && commands.resolveConflict) {
			links.unshift(['Resolve conflict', commands.resolveConflict]);
		}
		lines.push('', links.map(([label, command]) => markdownCommandLink(label, command, [claim.id])).join(' · '));
		enabledCommands.push(...links.map(([, command]) => command));
	}
	return { markdown: lines.join('\n'), enabledCommands };
}

/** A one-line label for a claim: its quote, whitespace collapsed, shortened at a word to `max` characters. */
export function claimLabel(tracked: TrackedClaim, max = 60): string {
	return shortenAtWord(tracked.claim.target.quote.exact, max);
}

/** The claims of one article, as the Claims view receives them. */
export interface ArticleClaimsView {
	/** A key the adapter can resolve (the article's URI). */
	readonly key: string;
	/** The article's name as shown (its path relative to the workspace). */
	readonly name: string;
	/** A problem with the sidecar (damaged file): its claims are read-only. */
	readonly problem: string | null;
	readonly tracked: readonly TrackedClaim[];
}

export type ClaimGrouping = 'article' | 'verdict';

/** One claim under a group. */
export interface ClaimGroupItem {
	readonly articleKey: string;
	readonly articleName: string;
	readonly readOnly: boolean;
	readonly tracked: TrackedClaim;
}

/** A top-level node of the Claims view. */
export interface ClaimGroup {
	readonly kind: 'article' | 'verdict' | 'unanchored';
	/** The article key, the verdict label, or `unanchored`. */
	readonly key: string;
	readonly label: string;
	/** Counts, and the problem of a damaged sidecar. */
	readonly description: string;
	readonly problem: string | null;
	readonly items: readonly ClaimGroupItem[];
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function countsText(items: readonly ClaimGroupItem[]): string {
	const unchecked = items.filter((i) => i.tracked.claim.body.verdict.toLowerCase() === UNCHECKED_LABEL.toLowerCase()).length;
	const changed = items.filter((i) => i.tracked.anchor.status === 'fuzzy').length;
	const parts = [plural(items.length, 'claim')];
	if (unchecked > 0) {
		parts.push(`${unchecked} unchecked`);
	}
	if (changed > 0) {
		parts.push(`${changed} changed`);
	}
	return parts.join(', ');
}

/** "3 of 7 checked": how far the review of these claims has come (checked: any verdict but Unchecked). */
export function progressText(items: readonly ClaimGroupItem[]): string {
	const unchecked = items.filter((i) => i.tracked.claim.body.verdict.toLowerCase() === UNCHECKED_LABEL.toLowerCase()).length;
	const changed = items.filter((i) => i.tracked.anchor.status === 'fuzzy').length;
	return [`${items.length - unchecked} of ${items.length} checked`, changed > 0 ? `${changed} changed` : ''].filter(Boolean).join(', ');
}

/** What the Claims view shows beyond the verdict filter: a search, unchecked claims only, the current article first. */
export interface ClaimViewOptions {
	/** Words that must all occur (any case) in the claim's text, note, claimant, tags or creator. */
	readonly query?: string;
	/** Only claims still Unchecked. */
	readonly uncheckedOnly?: boolean;
	/** The key of the article in the active editor: its group comes first. */
	readonly currentKey?: string;
}

/** True when every word of `query` occurs, ignoring case, in the claim's text, note, claimant, tags or creator. */
export function matchesQuery(tracked: TrackedClaim, query: string): boolean {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) {
		return true;
	}
	const { claim } = tracked;
	const haystack = [claim.target.quote.exact, claim.body.note, claim.body.claimant ?? '', ...claim.body.tags, claim.creator ?? ''].join('\n').toLowerCase();
	return words.every((w) => haystack.includes(w));
}

function byPosition(a: ClaimGroupItem, b: ClaimGroupItem): number {
	return (a.articleName < b.articleName ? -1 : a.articleName > b.articleName ? 1 : 0)
		|| (a.tracked.anchor.span?.start ?? a.tracked.claim.target.position.start) - (b.tracked.anchor.span?.start ?? b.tracked.claim.target.position.start)
		|| (a.tracked.claim.id < b.tracked.claim.id ? -1 : 1);
}

/**
 * The Claims view's top level. By article: one group per article with placed claims (or with a damaged
 * sidecar), by name; by verdict: one group per verdict of the scale that has claims, in scale order, then
 * labels the scale lacks, alphabetically. Both end with an `Unanchored` group (when not empty) holding every
 * claim whose text is gone, so nothing disappears silently. `hidden` lists verdict labels (any case) to leave out;
 * `options` filters further (search, unchecked only) and puts the current article first. An article group's
 * description is its progress over all its claims ("3 of 7 checked").
 */
export function groupClaims(articles: readonly ArticleClaimsView[], grouping: ClaimGrouping, verdicts: readonly Verdict[], hidden: ReadonlySet<string> = new Set(), options: ClaimViewOptions = {}): ClaimGroup[] {
	const hiddenLower = new Set([...hidden].map((h) => h.toLowerCase()));
	const uncheckedLower = UNCHECKED_LABEL.toLowerCase();
	const shown = (tracked: TrackedClaim) => !hiddenLower.has(tracked.claim.body.verdict.toLowerCase())
		&& (!options.uncheckedOnly || tracked.claim.body.verdict.toLowerCase() === uncheckedLower)
		&& (!options.query || matchesQuery(tracked, options.query));
	const placed: ClaimGroupItem[] = [];
	const unanchored: ClaimGroupItem[] = [];
	for (const article of articles) {
		for (const tracked of article.tracked) {
			if (!shown(tracked)) {
				continue;
			}
			const item = { articleKey: article.key, articleName: article.name, readOnly: article.problem !== null, tracked };
			(tracked.anchor.status === 'unanchored' ? unanchored : placed).push(item);
		}
	}
	const groups: ClaimGroup[] = [];
	if (grouping === 'article') {
		const byArticle = bucket(placed, (i) => i.articleKey);
		const current = (a: ArticleClaimsView) => (a.key === options.currentKey ? 0 : 1);
		for (const article of [...articles].sort((a, b) => current(a) - current(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const items = [...(byArticle.get(article.key) ?? [])].sort(byPosition);
			if (items.length > 0 || article.problem !== null) {
				// Progress counts every claim of the article, whatever the filters show.
				const all = article.tracked.map((tracked) => ({ articleKey: article.key, articleName: article.name, readOnly: false, tracked }));
				const progress = progressText(all);
				const description = article.problem !== null ? `${progress}, read-only: ${article.problem}` : progress;
				groups.push({ kind: 'article', key: article.key, label: article.name, description, problem: article.problem, items });
			}
		}
	} else {
		const labels = new Map<string, string>();
		for (const v of verdicts) {
			labels.set(v.label.toLowerCase(), v.label);
		}
		const extra = [...new Set(placed.map((i) => i.tracked.claim.body.verdict))].filter((l) => !labels.has(l.toLowerCase())).sort();
		const byLabel = bucket(placed, (i) => i.tracked.claim.body.verdict.toLowerCase());
		for (const label of [...labels.values(), ...extra]) {
			const items = [...(byLabel.get(label.toLowerCase()) ?? [])].sort(byPosition);
			if (items.length > 0) {
				groups.push({ kind: 'verdict', key: label, label, description: countsText(items), problem: null, items });
			}
		}
	}
	if (unanchored.length > 0) {
		groups.push({ kind: 'unanchored', key: 'unanchored', label: 'Unanchored', description: `${plural(unanchored.length, 'claim')} whose text is gone`, problem: null, items: unanchored.sort(byPosition) });
	}
	return groups;
}

/** The items by key, each list in the items' order: one pass instead of one filter per group. */
function bucket<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
	const buckets = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const list = buckets.get(key);
		if (list) list.push(item);
		else buckets.set(key, [item]);
	}
	return buckets;
}
