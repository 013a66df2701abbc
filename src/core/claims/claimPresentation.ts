/**
 * How claims are shown: theme colour ids of verdicts, Markdown for hovers (escaped, since article and sidecar
 * text is untrusted), short labels, and the Claims view's groups. Pure; the adapters only convert.
 */
import type { ClaimAnchor } from './anchoring';
import type { TrackedClaim } from './claimTracking';
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

/** Escapes text so that Markdown shows it literally (no emphasis, links, headings, HTML or entities). */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, (ch) => `\\${ch}`)
		.replace(/\r\n|\r|\n/g, '  \n');
}

/**
 * A user's Markdown note made safe to render in a hover that may run our own commands: every `command:` URI
 * is broken with a zero-width space, so a note (untrusted: it may come from anyone's sidecar) can never run a
 * command, even one of ours; HTML is left to the renderer, which the adapter runs with HTML disabled.
 */
export function sanitiseNote(markdown: string): string {
	return markdown.replace(/(command)(\s*):/gi, '$1\u200b$2:');
}

/** A link target that runs `command` with `args`, for hovers whose MarkdownString enables that command. */
export function commandUri(command: string, args: readonly unknown[]): string {
	return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** A source shown in a hover: http(s) URLs as links, anything else as literal text. */
function sourceMarkdown(source: string): string {
	if (/^https?:\/\/[^\s<>"]+$/i.test(source)) {
		// encodeURIComponent leaves parentheses alone, and they would end the Markdown link early.
		const target = source.replace(/\(/g, '%28').replace(/\)/g, '%29');
		return `[${escapeMarkdown(source)}](${target})`;
	}
	return escapeMarkdown(source);
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
}

/** The Markdown of a claim's hover: verdict, note, claimant, tags, sources, status, creator and command links. */
export function claimHoverMarkdown(tracked: TrackedClaim, verdicts: readonly Verdict[], commands: HoverCommands, readOnly: boolean): string {
	const { claim, anchor } = tracked;
	const verdict = displayVerdict(verdicts, claim.body.verdict);
	const lines: string[] = [];
	const rating = verdict.rating !== null ? ` (${verdict.rating})` : '';
	lines.push(`**Claim: ${escapeMarkdown(verdict.label)}**${escapeMarkdown(rating)}`);
	if (claim.body.note.trim() !== '') {
		lines.push('', sanitiseNote(claim.body.note), '');
	}
	const facts: string[] = [];
	if (claim.body.claimant) {
		facts.push(`Claimant: ${escapeMarkdown(claim.body.claimant)}`);
	}
	if (claim.body.tags.length > 0) {
		facts.push(`Tags: ${claim.body.tags.map(escapeMarkdown).join(', ')}`);
	}
	if (claim.body.sources.length > 0) {
		facts.push(`Sources: ${claim.body.sources.map(sourceMarkdown).join(', ')}`);
	}
	facts.push(`Status: ${escapeMarkdown(anchorStatusText(anchor))}`);
	const by = claim.creator ? ` by ${escapeMarkdown(claim.creator)}` : '';
	facts.push(`Tagged${by} ${escapeMarkdown(claim.created.slice(0, 10))}${claim.modified !== claim.created ? `, changed ${escapeMarkdown(claim.modified.slice(0, 10))}` : ''}`);
	lines.push(facts.join('  \n'));
	if (readOnly) {
		lines.push('', '_Read-only: the claims file of this article is damaged._');
	} else {
		const args = [claim.id];
		const links = [
			`[Set verdict](${commandUri(commands.setVerdict, args)})`,
			`[Edit note](${commandUri(commands.editNote, args)})`,
			`[Remove](${commandUri(commands.remove, args)})`,
		];
		if (anchor.status === 'fuzzy') {
			links.unshift(`[Confirm changed text](${commandUri(commands.accept, args)})`);
		}
		lines.push('', links.join(' · '));
	}
	return lines.join('\n');
}

/** A one-line label for a claim: its quote, whitespace collapsed, shortened to `max` characters with an ellipsis. */
export function claimLabel(tracked: TrackedClaim, max = 60): string {
	const text = tracked.claim.target.quote.exact.replace(/\s+/g, ' ').trim();
	if (text.length <= max) {
		return text;
	}
	let cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	if (space > max / 2) {
		cut = cut.slice(0, space);
	}
	return `${cut.replace(/[\s,;:.]+$/, '')}…`;
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

function byPosition(a: ClaimGroupItem, b: ClaimGroupItem): number {
	return (a.articleName < b.articleName ? -1 : a.articleName > b.articleName ? 1 : 0)
		|| (a.tracked.anchor.span?.start ?? a.tracked.claim.target.position.start) - (b.tracked.anchor.span?.start ?? b.tracked.claim.target.position.start)
		|| (a.tracked.claim.id < b.tracked.claim.id ? -1 : 1);
}

/**
 * The Claims view's top level. By article: one group per article with placed claims (or with a damaged
 * sidecar), by name; by verdict: one group per verdict of the scale that has claims, in scale order, then
 * labels the scale lacks, alphabetically. Both end with an `Unanchored` group (when not empty) holding every
 * claim whose text is gone, so nothing disappears silently. `hidden` lists verdict labels (any case) to leave out.
 */
export function groupClaims(articles: readonly ArticleClaimsView[], grouping: ClaimGrouping, verdicts: readonly Verdict[], hidden: ReadonlySet<string> = new Set()): ClaimGroup[] {
	const hiddenLower = new Set([...hidden].map((h) => h.toLowerCase()));
	const placed: ClaimGroupItem[] = [];
	const unanchored: ClaimGroupItem[] = [];
	for (const article of articles) {
		for (const tracked of article.tracked) {
			if (hiddenLower.has(tracked.claim.body.verdict.toLowerCase())) {
				continue;
			}
			const item = { articleKey: article.key, articleName: article.name, readOnly: article.problem !== null, tracked };
			(tracked.anchor.status === 'unanchored' ? unanchored : placed).push(item);
		}
	}
	const groups: ClaimGroup[] = [];
	if (grouping === 'article') {
		const byArticle = bucket(placed, (i) => i.articleKey);
		for (const article of [...articles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const items = [...(byArticle.get(article.key) ?? [])].sort(byPosition);
			if (items.length > 0 || article.problem !== null) {
				const description = article.problem !== null ? `${countsText(items)}, read-only: ${article.problem}` : countsText(items);
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
