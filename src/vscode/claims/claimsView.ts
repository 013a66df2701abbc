import * as vscode from 'vscode';
import { claimHoverMarkdown, claimLabel, displayVerdict, groupClaims, verdictThemeColorId, type ArticleClaimsView, type ClaimGroup, type ClaimGroupItem, type ClaimGrouping } from '../../core/claims/claimPresentation';
import type { Verdict } from '../../core/claims';
import { Disposable } from '../dispose';
import { readVerdicts } from './claimSettings';
import type { ClaimStore } from './claimStore';
import { claimCommands, testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

type Node =
	| { readonly kind: 'group'; readonly group: ClaimGroup }
	| { readonly kind: 'claim'; readonly item: ClaimGroupItem; readonly claimId: string; readonly grouping: ClaimGrouping; readonly groupKind: ClaimGroup['kind'] };

const REFRESH_DEBOUNCE_MS = 150;
const hoverCommands = { setVerdict: claimCommands.setVerdict, editNote: claimCommands.editNote, remove: claimCommands.removeClaim, accept: claimCommands.acceptClaimAnchor };

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
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly view: vscode.TreeView<Node>;
	/** The scale read once per render of the view, not once per row. */
	private verdicts = readVerdicts();

	constructor(private readonly store: ClaimStore) {
		super();
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

	private scheduleRefresh(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
	}

	private refresh(): void {
		clearTimeout(this.timer);
		this.view.description = this.hidden.size > 0 ? `${this.hidden.size} verdict(s) hidden` : undefined;
		this.changeEmitter.fire(undefined);
	}

	private groups(): ClaimGroup[] {
		const articles: ArticleClaimsView[] = this.store.articles().map((a) => ({
			key: a.articleUri.toString(),
			name: vscode.workspace.asRelativePath(a.articleUri, false),
			problem: a.problem,
			tracked: a.tracked,
		}));
		return groupClaims(articles, this.grouping, this.verdicts, this.hidden);
	}

	getChildren(node?: Node): Node[] {
		if (!node) {
			this.verdicts = readVerdicts();
			return this.groups().map((group) => ({ kind: 'group', group }));
		}
		if (node.kind === 'group') {
			return node.group.items.map((item) => ({ kind: 'claim', item, claimId: item.tracked.claim.id, grouping: this.grouping, groupKind: node.group.kind }));
		}
		return [];
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'group') {
			const { group } = node;
			const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
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
		const status = tracked.anchor.status === 'fuzzy' ? 'changed, confirm' : '';
		item.description = [node.grouping === 'article' && node.groupKind !== 'unanchored' ? verdict : articleName, node.groupKind === 'unanchored' ? verdict : '', status].filter(Boolean).join(' · ');
		item.iconPath = tracked.anchor.status === 'unanchored' ? new vscode.ThemeIcon('debug-disconnect') : tracked.anchor.status === 'fuzzy' ? new vscode.ThemeIcon('diff-modified') : verdictIcon(this.verdicts, verdict);
		item.contextValue = `claim.${tracked.anchor.status === 'fuzzy' ? 'changed' : tracked.anchor.status}.${readOnly ? 'readonly' : 'editable'}`;
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
		return {
			grouping: this.grouping,
			hidden: [...this.hidden],
			groups: this.groups().map((group) => ({
				kind: group.kind,
				label: group.label,
				description: group.description,
				problem: group.problem,
				count: group.items.length,
				claims: group.items.map(({ tracked, articleKey, readOnly }) => {
					const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === articleKey);
					const span = tracked.anchor.span;
					const range = span && document ? [document.positionAt(span.start), document.positionAt(span.end)].flatMap((p) => [p.line, p.character]) : null;
					return { id: tracked.claim.id, article: articleKey, verdict: tracked.claim.body.verdict, note: tracked.claim.body.note, status: tracked.anchor.status, readOnly, quote: tracked.claim.target.quote.exact, span, range };
				}),
			})),
		};
	}
}

function verdictIcon(verdicts: readonly Verdict[], label: string): vscode.ThemeIcon {
	const verdict = displayVerdict(verdicts, label);
	const themeId = verdictThemeColorId(verdict);
	return new vscode.ThemeIcon('circle-filled', themeId ? new vscode.ThemeColor(themeId) : undefined);
}
