import * as vscode from 'vscode';
import { runSliced, type ArticleEntities } from '../../core/entities/articleEntities';
import type { Entity, EntityMention, EntityType } from '../../core/entities/index';
import type { WorkspaceEntityTotal } from '../../core/entities/workspaceEntityIndex';
import { entityTypeIcons, entityTypeLabels } from '../../core/entities/entityHoverCard';
import { countOf } from '../../core/text/countOf';
import { shortenAtWord } from '../../core/text/shorten';
import { blockAt, sentenceAt } from '../../core/seed/seedParser';
import { isSeedDocument, toRange } from '../convert';
import { Disposable } from '../dispose';
import { testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { hostSlicer, type ArticleEntitiesCache } from './articleEntitiesCache';
import { entitiesViewId, entityCommands } from './commandIds';
import type { WorkspaceIndexService } from './workspaceIndexService';

/** What the view lists: the active article's entities, or the whole workspace's (from the workspace index). */
export type EntitiesViewMode = 'article' | 'workspace';

type Node =
	| { kind: 'type'; type: EntityType; entities: Entity[] }
	| { kind: 'entity'; entity: Entity }
	| { kind: 'mention'; entity: Entity; mention: EntityMention }
	| { kind: 'workspaceType'; type: EntityType; totals: readonly WorkspaceEntityTotal[] }
	| { kind: 'workspaceEntity'; total: WorkspaceEntityTotal }
	| { kind: 'workspaceArticle'; total: WorkspaceEntityTotal; uri: string; mentions: number }
	| { kind: 'more'; parentId: string; shown: number; total: number };

const typeOrder: readonly EntityType[] = ['person', 'organization', 'place'];

/** Where the mode is remembered (workspaceState), and the context key the view's title buttons read. */
const modeStateKey = 'newsSeed.entities.viewMode';
const modeContextKey = 'newsSeed.entities.viewMode';

/** Rows listed under one parent in workspace mode before a "more" row (an archive names tens of thousands of entities). */
const pageSize = 200;
/** Typing in the article: refreshed after this pause. */
const typingDelayMs = 500;
/** The index changed: refreshed at most this often (a build in progress reports every couple of seconds). */
const indexDelayMs = 500;
/** The workspace totals are computed in slices of about this long. */
const totalsSliceMs = 15;

/**
 * The Entities view, in one of two modes (a title button switches; the mode is remembered per workspace).
 * Article mode: the active article's entities by type, most mentioned first, with their mention counts; selecting
 * an entity selects one mention in the editor and marks the others; its children are the mentions, each with its
 * sentence. Workspace mode: every entity of the workspace index by type, most mentioned first, "N mentions in
 * M articles"; an entity's children are the articles that mention it (most first), and selecting one opens it with
 * one mention selected and the others marked (the same command as article mode). Built lazily: the totals come
 * from the index's running counts (never a pass over the files), an entity's articles are read when it is
 * expanded, and long lists come in pages. The view's description names the mode, and says when the index is still
 * being built. Scenarios: active editor changes -> article mode shows that article (or nothing for other files),
 * workspace mode stays as it is; typing -> article mode refreshed after a pause; news-entities.json changed ->
 * refreshed (workspace mode through the index's rebuild); the index changes (a build starts, progresses or ends,
 * files re-indexed) -> workspace mode refreshed, at most every half second.
 */
export class EntitiesView extends Disposable implements vscode.TreeDataProvider<Node> {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<Node | undefined>());
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly view: vscode.TreeView<Node>;
	private mode: EntitiesViewMode;
	private document: vscode.TextDocument | undefined;
	private article: ArticleEntities | undefined;
	private typingTimer: ReturnType<typeof setTimeout> | undefined;
	private indexTimer: ReturnType<typeof setTimeout> | undefined;
	private request = 0;
	/** How many rows each workspace-mode parent shows (by its tree item id); pageSize unless "more" was chosen. */
	private readonly shown = new Map<string, number>();

	constructor(
		private readonly documents: SeedDocumentCache,
		private readonly articles: ArticleEntitiesCache,
		private readonly index: WorkspaceIndexService,
		private readonly state: vscode.Memento,
	) {
		super();
		this.mode = state.get<EntitiesViewMode>(modeStateKey) === 'workspace' ? 'workspace' : 'article';
		this.view = this._register(vscode.window.createTreeView(entitiesViewId, { treeDataProvider: this, showCollapseAll: true }));
		// The workspace mode follows the index only: opening an article from it must not rebuild its rows.
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.mode === 'article' && this.refresh()));
		this._register(documents.onDidChange((document) => {
			if (document === this.document) this.scheduleTyping();
		}));
		this._register(articles.onDidChange(() => this.mode === 'article' && this.refresh()));
		this._register(index.onDidUpdate(() => {
			// A build starting or ending shows at once in the description; the rows follow after the delay.
			if (this.view.description !== this.describe()) this.view.description = this.describe();
			this.scheduleIndex();
		}));
		this._register(registerCommand(entityCommands.showWorkspaceEntities, () => this.setMode('workspace')));
		this._register(registerCommand(entityCommands.showArticleEntities, () => this.setMode('article')));
		this._register(registerCommand(entityCommands.showMoreEntities, (parentId?: unknown) => this.showMore(parentId)));
		this._register(registerCommand(testOnlyCommands.entitiesSnapshot, (options?: { expand?: unknown; wait?: unknown }) => this.snapshot(options)));
		this._register({ dispose: () => (clearTimeout(this.typingTimer), clearTimeout(this.indexTimer)) });
		this.showMode();
		this.refresh();
	}

	private async setMode(mode: EntitiesViewMode): Promise<void> {
		if (mode === this.mode) return;
		this.mode = mode;
		this.shown.clear();
		this.showMode();
		this.refresh();
		await this.state.update(modeStateKey, mode);
	}

	private showMode(): void {
		void vscode.commands.executeCommand('setContext', modeContextKey, this.mode);
		this.view.description = this.describe();
	}

	/** The view's description: the mode, and in workspace mode the articles indexed (so far, while building). */
	private describe(): string {
		if (this.mode === 'article') return 'this article';
		const articles = countOf(this.index.index.size, 'article');
		return this.index.indexing ? `workspace · indexing, ${articles} so far` : `workspace · ${articles}`;
	}

	private showMore(parentId: unknown): void {
		if (typeof parentId !== 'string') return;
		this.shown.set(parentId, (this.shown.get(parentId) ?? pageSize) + pageSize);
		this.changeEmitter.fire(undefined);
	}

	private scheduleTyping(): void {
		if (this.mode !== 'article') return;
		clearTimeout(this.typingTimer);
		this.typingTimer = setTimeout(() => this.refresh(), typingDelayMs);
	}

	/** Not reset by further changes: a build reporting steadily still shows its progress. */
	private scheduleIndex(): void {
		if (this.mode !== 'workspace' || this.indexTimer !== undefined) return;
		this.indexTimer = setTimeout(() => {
			this.indexTimer = undefined;
			this.refresh();
		}, indexDelayMs);
	}

	refresh(): void {
		this.view.description = this.describe();
		if (this.mode === 'workspace') {
			this.changeEmitter.fire(undefined);
			return;
		}
		const editor = vscode.window.activeTextEditor;
		const request = ++this.request;
		if (!editor || !isSeedDocument(editor.document)) {
			// Keep showing the last article while focus is in a view or an output panel.
			if (editor) {
				this.document = undefined;
				this.article = undefined;
				this.changeEmitter.fire(undefined);
			}
			return;
		}
		const document = editor.document;
		void this.articles.get(document).then((article) => {
			if (request !== this.request || this.mode !== 'article') return;
			this.document = document;
			this.article = article;
			this.changeEmitter.fire(undefined);
		});
	}

	async getChildren(node?: Node): Promise<Node[]> {
		if (this.mode === 'workspace') return this.workspaceChildren(node);
		if (!this.article) return [];
		if (!node) {
			return typeOrder
				.map((type) => ({ kind: 'type' as const, type, entities: this.article!.entities.filter((e) => e.type === type).sort((a, b) => b.mentions.length - a.mentions.length || a.canonical.localeCompare(b.canonical)) }))
				.filter((group) => group.entities.length > 0);
		}
		if (node.kind === 'type') return node.entities.map((entity) => ({ kind: 'entity', entity }));
		if (node.kind === 'entity') return node.entity.mentions.map((mention) => ({ kind: 'mention', entity: node.entity, mention }));
		return [];
	}

	private async workspaceChildren(node?: Node): Promise<Node[]> {
		if (!node) {
			// Sliced: the totals of a large archive take longer than the extension host may be held.
			const totals = await runSliced(this.index.index.entityTotalsSteps(), hostSlicer(), totalsSliceMs);
			if (!totals) return [];
			return typeOrder.filter((type) => totals[type].length > 0).map((type) => ({ kind: 'workspaceType', type, totals: totals[type] }));
		}
		if (node.kind === 'workspaceType') {
			return this.page(workspaceTypeId(node.type), node.totals, (total): Node => ({ kind: 'workspaceEntity', total }));
		}
		if (node.kind === 'workspaceEntity') {
			const files = this.index.index.entityArticles(node.total);
			return this.page(workspaceEntityId(node.total), files, (file): Node => ({ kind: 'workspaceArticle', total: node.total, uri: file.uri, mentions: file.mentions }));
		}
		return [];
	}

	/** The first rows of a list (as many as chosen for this parent), then a "more" row when there are others. */
	private page<T>(parentId: string, all: readonly T[], toNode: (value: T) => Node): Node[] {
		const shown = Math.min(all.length, this.shown.get(parentId) ?? pageSize);
		const nodes = all.slice(0, shown).map(toNode);
		if (shown < all.length) nodes.push({ kind: 'more', parentId, shown, total: all.length });
		return nodes;
	}

	getTreeItem(node: Node): vscode.TreeItem {
		switch (node.kind) {
			case 'type': {
				const item = new vscode.TreeItem(`${entityTypeLabels[node.type]}`, vscode.TreeItemCollapsibleState.Expanded);
				item.description = `${node.entities.length}`;
				item.iconPath = new vscode.ThemeIcon(entityTypeIcons[node.type]);
				return item;
			}
			case 'entity':
				return this.entityItem(node.entity);
			case 'mention':
				return this.mentionItem(node.mention);
			case 'workspaceType': {
				const item = new vscode.TreeItem(`${entityTypeLabels[node.type]}`, vscode.TreeItemCollapsibleState.Expanded);
				item.id = workspaceTypeId(node.type);
				item.description = `${node.totals.length}`;
				item.iconPath = new vscode.ThemeIcon(entityTypeIcons[node.type]);
				return item;
			}
			case 'workspaceEntity': {
				const { total } = node;
				const item = new vscode.TreeItem(total.name, vscode.TreeItemCollapsibleState.Collapsed);
				item.id = workspaceEntityId(total);
				item.description = `${countOf(total.mentions, 'mention')} in ${countOf(total.articles, 'article')}`;
				item.iconPath = new vscode.ThemeIcon(entityTypeIcons[total.type]);
				item.contextValue = 'newsSeedWorkspaceEntity';
				return item;
			}
			case 'workspaceArticle': {
				const uri = vscode.Uri.parse(node.uri);
				const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri, false), vscode.TreeItemCollapsibleState.None);
				item.id = `${workspaceEntityId(node.total)}:${node.uri}`;
				item.resourceUri = uri;
				item.description = countOf(node.mentions, 'mention');
				item.iconPath = vscode.ThemeIcon.File;
				// The article mode's reveal: one mention selected, the others marked; `ids` are the entity's names here.
				item.command = { title: 'Reveal mentions', command: entityCommands.revealMentions, arguments: [{ uri: node.uri, ids: node.total.keys }] };
				return item;
			}
			case 'more': {
				const item = new vscode.TreeItem(`Show ${Math.min(pageSize, node.total - node.shown)} more`, vscode.TreeItemCollapsibleState.None);
				item.id = `${node.parentId}:more`;
				item.description = `${node.shown} of ${node.total} shown`;
				item.iconPath = new vscode.ThemeIcon('ellipsis');
				item.command = { title: 'Show more', command: entityCommands.showMoreEntities, arguments: [node.parentId] };
				return item;
			}
		}
	}

	private entityItem(entity: Entity): vscode.TreeItem {
		const item = new vscode.TreeItem(entity.canonical, vscode.TreeItemCollapsibleState.Collapsed);
		item.description = countOf(entity.mentions.length, 'mention');
		item.tooltip = entity.aliases.length > 0 ? `Also: ${entity.aliases.join(', ')}` : undefined;
		item.iconPath = new vscode.ThemeIcon(entityTypeIcons[entity.type]);
		item.contextValue = 'newsSeedEntity';
		if (this.document) {
			item.command = { title: 'Reveal mentions', command: entityCommands.revealMentions, arguments: [{ uri: this.document.uri.toString(), id: entity.id }] };
		}
		return item;
	}

	private mentionItem(mention: EntityMention): vscode.TreeItem {
		const document = this.document;
		const item = new vscode.TreeItem(mention.text, vscode.TreeItemCollapsibleState.None);
		if (document) {
			const parsed = this.documents.get(document);
			const context = sentenceAt(parsed, mention.start) ?? blockAt(parsed, mention.start) ?? mention;
			const range = toRange(document, mention);
			item.description = `line ${range.start.line + 1}: ${shortenAtWord(parsed.text.slice(context.start, context.end), 80)}`;
			item.command = { title: 'Open', command: 'vscode.open', arguments: [document.uri, { selection: range }] };
		}
		return item;
	}

	/**
	 * The view as data, for the integration tests (hidden from the palette): the mode, the description, and the
	 * rows as the tree shows them (labels, descriptions, commands), walked through getChildren and getTreeItem;
	 * children of entities only for the one named `expand`. Waits for a running index build first, unless `wait` is false.
	 */
	private async snapshot(options?: { expand?: unknown; wait?: unknown }): Promise<unknown> {
		if (options?.wait !== false) await this.index.whenReady();
		if (this.mode === 'article') await this.articlesSettled();
		const row = async (node: Node, depth: number): Promise<unknown> => {
			const item = this.getTreeItem(node);
			const label = typeof item.label === 'string' ? item.label : item.label?.label;
			const expand = node.kind === 'type' || node.kind === 'workspaceType' || (depth === 1 && label === options?.expand);
			return {
				label,
				description: item.description,
				collapsible: item.collapsibleState !== vscode.TreeItemCollapsibleState.None,
				command: item.command ? { command: item.command.command, arguments: item.command.arguments } : undefined,
				children: expand ? await Promise.all((await this.getChildren(node)).map((child) => row(child, depth + 1))) : undefined,
			};
		};
		return { mode: this.mode, description: this.view.description ?? null, indexing: this.index.indexing, rows: await Promise.all((await this.getChildren()).map((node) => row(node, 0))) };
	}

	/** Resolves once the active article's entities are shown (article mode refreshes asynchronously). */
	private async articlesSettled(): Promise<void> {
		const document = vscode.window.activeTextEditor?.document;
		if (document && isSeedDocument(document)) await this.articles.get(document);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

function workspaceTypeId(type: EntityType): string {
	return `workspace:${type}`;
}

function workspaceEntityId(total: WorkspaceEntityTotal): string {
	return `workspace:${total.key}`;
}
