import * as vscode from 'vscode';
import { claimHoverMarkdown, claimLabel, displayVerdict, groupClaims, verdictThemeColorId, type ArticleClaimsView, type ClaimGroup, type ClaimGroupItem, type ClaimGrouping } from '../../core/claims/claimPresentation';
import type { Verdict } from '../../core/claims';
import { Disposable } from '../dispose';
import { readVerdicts } from './claimSettings';
import type { ClaimStore } from './claimStore';
import { claimCommands, testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/** Rows another feature adds below the claims (the check-worthy sentences): it builds its own nodes and items. */
export interface ClaimsViewSection {
	readonly onDidChange: vscode.Event<void>;
	roots(): unknown[];
	children(node: unknown): unknown[];
	treeItem(node: unknown): vscode.TreeItem;
	/** The section as data for the view's test snapshot. */
	snapshot(): unknown;
}

type Node =
	| { readonly kind: 'section'; readonly node: unknown }
	| { readonly kind: 'group'; readonly group: ClaimGroup }
	| { readonly kind: 'claim'; readonly item: ClaimGroupItem; readonly claimId: string; readonly grouping: ClaimGrouping; readonly groupKind: ClaimGroup['kind'] };

const REFRESH_DEBOUNCE_MS = 150;
const hoverCommands = { setVerdict: claimCommands.setVerdict, editNote: claimCommands.editNote, remove: claimCommands.removeClaim, accept: claimCommands.acceptClaimAnchor, resolveConflict: claimCommands.resolveClaimConflict };

/**
 * The Claims view (`newsSeed.claims`): every claim of the workspace, by article or by verdict, with counts,
 * a verdict filter, and an Unanchored group for claims whose text is gone. Selecting a claim reveals it.
 * Scenarios: claims changed anywhere -> refreshed (debounced, typing moves claims on every keystroke);
 * grouping or filter changed -> refreshed at once. `newsSeed.claims.snapshot` returns the same data for tests.
 */
export class ClaimsView extends Disposable implements vscode.TreeDataProvider<Node> {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<Node | undefined>());
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private grouping: ClaimGrouping = 'article';
	private readonly hidden = new Set<string>();
	/** The active search (text, note, claimant, tags, creator); empty: none. */
	private query = '';
	private uncheckedOnly = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly view: vscode.TreeView<Node>;
	/** The scale read once per render of the view, not once per row. */
	private verdicts = readVerdicts();

	constructor(private readonly store: ClaimStore, private readonly section?: ClaimsViewSection) {
		super();
		if (section) this._register(section.onDidChange(() => this.scheduleRefresh()));
		this.view = this._register(vscode.window.createTreeView('newsSeed.claims', { treeDataProvider: this, showCollapseAll: true }));
		this._register({ dispose: () => clearTimeout(this.timer) });
		this._register(store.onDidChange(() => this.scheduleRefresh()));
		this._register(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('newsSeed.verdicts') && this.refresh()));
		this._register(registerCommand(claimCommands.groupByVerdict, () => this.setGrouping('verdict')));
		this._register(registerCommand(claimCommands.groupByArticle, () => this.setGrouping('article')));
		this._register(registerCommand(claimCommands.filter, (labels?: unknown) => this.filter(labels)));
		this._register(registerCommand(claimCommands.refresh, async () => {
			await store.reload();
			this.refresh();
		}));
		this._register(registerCommand(claimCommands.search, (query?: unknown) => this.search(query)));
		this._register(registerCommand(claimCommands.clearSearch, () => this.search('')));
		this._register(registerCommand(claimCommands.toggleUncheckedOnly, () => {
			this.uncheckedOnly = !this.uncheckedOnly;
			this.refresh();
		}));
		// The current article's claims come first.
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()));
		this._register(registerCommand(testOnlyCommands.claimsSnapshot, () => this.snapshot()));
		void vscode.commands.executeCommand('setContext', 'newsSeed.claims.groupBy', this.grouping);
	}

	private setGrouping(grouping: ClaimGrouping): void {
		this.grouping = grouping;
		void vscode.commands.executeCommand('setContext', 'newsSeed.claims.groupBy', grouping);
		this.refresh();
	}

	/** Picks the verdicts to show; automation may pass the labels to show directly. */
	private async filter(labels?: unknown): Promise<void> {
		const verdicts = readVerdicts();
		let shown: string[] | undefined;
		if (Array.isArray(labels) && labels.every((l) => typeof l === 'string')) {
			shown = labels as string[];
		} else {
			const picked = await vscode.window.showQuickPick(
				verdicts.map((v) => ({ label: v.label, picked: !this.hidden.has(v.label.toLowerCase()) })),
				{ canPickMany: true, title: 'Show claims with these verdicts' },
			);
			shown = picked?.map((p) => p.label);
		}
		if (shown === undefined) {
			return;
		}
		const show = new Set(shown.map((s) => s.toLowerCase()));
		this.hidden.clear();
		verdicts.filter((v) => !show.has(v.label.toLowerCase())).forEach((v) => this.hidden.add(v.label.toLowerCase()));
		this.refresh();
	}

	/** Sets the search; automation may pass the text directly, else an input box asks (empty clears it). */
	private async search(query?: unknown): Promise<void> {
		const wanted = typeof query === 'string' ? query : await vscode.window.showInputBox({
			title: 'Search claims',
			prompt: 'Words found in the claim\'s text, note, claimant, tags or creator (all of them, any case). Empty shows every claim.',
			value: this.query,
		});
		if (wanted === undefined) {
			return;
		}
		this.query = wanted.trim();
		this.refresh();
	}

	private scheduleRefresh(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
	}

	private refresh(): void {
		clearTimeout(this.timer);
		this.view.description = this.describeFilters();
		void vscode.commands.executeCommand('setContext', 'newsSeed.claims.searching', this.query !== '');
		void vscode.commands.executeCommand('setContext', 'newsSeed.claims.uncheckedOnly', this.uncheckedOnly);
		this.changeEmitter.fire(undefined);
	}

	/** The view's description: the active filters, so a filtered view never looks like a complete one. */
	private describeFilters(): string | undefined {
		const parts = [
			this.query !== '' ? `search: “${this.query}”` : '',
			this.uncheckedOnly ? 'unchecked only' : '',
			this.hidden.size > 0 ? `${this.hidden.size} ${this.hidden.size === 1 ? 'verdict' : 'verdicts'} hidden` : '',
		].filter(Boolean);
		return parts.length > 0 ? parts.join(' · ') : undefined;
	}

	private groups(): ClaimGroup[] {
		const articles: ArticleClaimsView[] = this.store.articles().map((a) => ({
			key: a.articleUri.toString(),
			name: vscode.workspace.asRelativePath(a.articleUri, false),
			problem: a.problem,
			tracked: a.tracked,
		}));
		const active = vscode.window.activeTextEditor?.document.uri.toString();
		return groupClaims(articles, this.grouping, this.verdicts, this.hidden, { query: this.query, uncheckedOnly: this.uncheckedOnly, currentKey: active });
	}

	getChildren(node?: Node): Node[] {
		if (!node) {
			this.verdicts = readVerdicts();
			return [...this.groups().map((group): Node => ({ kind: 'group', group })), ...(this.section?.roots() ?? []).map((n): Node => ({ kind: 'section', node: n }))];
		}
		if (node.kind === 'section') {
			return (this.section?.children(node.node) ?? []).map((n) => ({ kind: 'section', node: n }));
		}
		if (node.kind === 'group') {
			return node.group.items.map((item) => ({ kind: 'claim', item, claimId: item.tracked.claim.id, grouping: this.grouping, groupKind: node.group.kind }));
		}
		return [];
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'section') {
			return this.section!.treeItem(node.node);
		}
		if (node.kind === 'group') {
			const { group } = node;
			// A group of thousands of claims opens on request: drawn expanded, every row would be built and sent to the
			// workbench on each change (10,000 claims held the extension host for most of a second).
			const item = new vscode.TreeItem(group.label, group.items.length > expandedGroupLimit ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
			item.id = `group:${group.kind}:${group.key}`;
			item.description = group.description;
			item.contextValue = `group.${group.kind}`;
			if (group.kind === 'article') {
				item.resourceUri = vscode.Uri.parse(group.key);
				item.iconPath = group.problem ? new vscode.ThemeIcon('warning') : vscode.ThemeIcon.File;
				item.tooltip = group.problem ? `The claims file of this article is damaged and shown read-only: ${group.problem}` : undefined;
			} else if (group.kind === 'unanchored') {
				item.iconPath = new vscode.ThemeIcon('debug-disconnect');
				item.tooltip = 'Claims whose text is no longer in their article. They are kept in the sidecar; nothing is deleted.';
			} else {
				item.iconPath = verdictIcon(this.verdicts, group.label);
			}
			return item;
		}
		const { tracked, articleName, readOnly } = node.item;
		const verdict = tracked.claim.body.verdict;
		const item = new vscode.TreeItem(claimLabel(tracked), vscode.TreeItemCollapsibleState.None);
		item.id = `claim:${node.groupKind}:${tracked.claim.id}`;
		const status = [tracked.claim.conflict ? 'conflict, choose a version' : '', tracked.anchor.status === 'fuzzy' ? 'changed, confirm' : ''].filter(Boolean).join(' · ');
		const creator = tracked.claim.creator ? `by ${tracked.claim.creator}` : '';
		item.description = [node.grouping === 'article' && node.groupKind !== 'unanchored' ? verdict : articleName, node.groupKind === 'unanchored' ? verdict : '', status, creator].filter(Boolean).join(' · ');
		// The verdict first, in its colour, whatever the anchor's state (which the description tells); a kept merge
		// conflict is the one thing that needs the user before the verdict does.
		item.iconPath = tracked.claim.conflict ? new vscode.ThemeIcon('git-merge') : verdictIcon(this.verdicts, verdict);
		item.contextValue = `claim.${tracked.anchor.status === 'fuzzy' ? 'changed' : tracked.anchor.status}.${tracked.claim.conflict ? 'conflict.' : ''}${readOnly ? 'readonly' : 'editable'}`;
		item.command = { command: claimCommands.reveal, title: 'Reveal Claim', arguments: [tracked.claim.id] };
		item.accessibilityInformation = { label: `${verdict} claim: ${claimLabel(tracked, 200)}${status ? `, ${status}` : ''}` };
		return item;
	}

	/** The tooltip (the claim's hover) is built only when the user hovers the row. */
	resolveTreeItem(item: vscode.TreeItem, node: Node, token: vscode.CancellationToken): vscode.TreeItem {
		if (node.kind === 'claim' && !token.isCancellationRequested) {
			const hover = claimHoverMarkdown(node.item.tracked, readVerdicts(), hoverCommands, node.item.readOnly);
			const tooltip = new vscode.MarkdownString(hover.markdown);
			tooltip.isTrusted = { enabledCommands: [...hover.enabledCommands] };
			tooltip.supportHtml = false;
			item.tooltip = tooltip;
		}
		return item;
	}

	/** The view's content as data, for tests and automation (hidden from the palette). */
	private async snapshot(): Promise<unknown> {
		await this.store.whenReady();
		this.verdicts = readVerdicts();
		// Looked up once, not once per claim (10,000 claims took seconds).
		const documents = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
		return {
			checkworthy: this.section?.snapshot(),
			grouping: this.grouping,
			hidden: [...this.hidden],
			query: this.query,
			uncheckedOnly: this.uncheckedOnly,
			description: this.view.description ?? null,
			groups: this.groups().map((group) => ({
				kind: group.kind,
				label: group.label,
				description: group.description,
				problem: group.problem,
				count: group.items.length,
				claims: group.items.map(({ tracked, articleKey, readOnly }) => {
					const document = documents.get(articleKey);
					const span = tracked.anchor.span;
					const range = span && document ? [document.positionAt(span.start), document.positionAt(span.end)].flatMap((p) => [p.line, p.character]) : null;
					return { id: tracked.claim.id, article: articleKey, verdict: tracked.claim.body.verdict, note: tracked.claim.body.note, creator: tracked.claim.creator, status: tracked.anchor.status, conflict: tracked.claim.conflict?.kind ?? null, readOnly, quote: tracked.claim.target.quote.exact, span, range };
				}),
			})),
		};
	}
}

/** Groups with more claims than this are shown collapsed. */
const expandedGroupLimit = 500;

function verdictIcon(verdicts: readonly Verdict[], label: string): vscode.ThemeIcon {
	const verdict = displayVerdict(verdicts, label);
	const themeId = verdictThemeColorId(verdict);
	return new vscode.ThemeIcon('circle-filled', themeId ? new vscode.ThemeColor(themeId) : undefined);
}
