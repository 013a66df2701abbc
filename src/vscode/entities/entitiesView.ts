import * as vscode from 'vscode';
import type { ArticleEntities } from '../../core/entities/articleEntities';
import type { Entity, EntityMention, EntityType } from '../../core/entities/index';
import { entityTypeIcons, entityTypeLabels } from '../../core/entities/entityHoverCard';
import { shortenAtWord } from '../../core/text/shorten';
import { blockAt, sentenceAt } from '../../core/seed/seedParser';
import { isSeedDocument, toRange } from '../convert';
import { Disposable } from '../dispose';
import type { SeedDocumentCache } from '../seedDocumentCache';
import type { ArticleEntitiesCache } from './articleEntitiesCache';
import { entitiesViewId, entityCommands } from './commandIds';

type Node =
	| { kind: 'type'; type: EntityType; entities: Entity[] }
	| { kind: 'entity'; entity: Entity }
	| { kind: 'mention'; entity: Entity; mention: EntityMention };

const typeOrder: readonly EntityType[] = ['person', 'organization', 'place'];

/**
 * The Entities view: the active article's entities by type, most mentioned first, with their mention counts;
 * selecting an entity selects all its mentions in the editor; its children are the mentions, each with its
 * sentence. Scenarios: active editor changes -> shows that article (or nothing for other files); typing ->
 * refreshed after a pause; news-entities.json changed -> refreshed.
 */
export class EntitiesView extends Disposable implements vscode.TreeDataProvider<Node> {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<Node | undefined>());
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private document: vscode.TextDocument | undefined;
	private article: ArticleEntities | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private request = 0;

	constructor(private readonly documents: SeedDocumentCache, private readonly articles: ArticleEntitiesCache) {
		super();
		const view = this._register(vscode.window.createTreeView(entitiesViewId, { treeDataProvider: this, showCollapseAll: true }));
		view.description = undefined;
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
		this._register(documents.onDidChange((document) => {
			if (document === this.document) this.schedule();
		}));
		this._register(articles.onDidChange(() => this.refresh()));
		this._register({ dispose: () => clearTimeout(this.timer) });
		this.refresh();
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.refresh(), 500);
	}

	refresh(): void {
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
			if (request !== this.request) return;
			this.document = document;
			this.article = article;
			this.changeEmitter.fire(undefined);
		});
	}

	getChildren(node?: Node): Node[] {
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

	getTreeItem(node: Node): vscode.TreeItem {
		const document = this.document;
		if (node.kind === 'type') {
			const item = new vscode.TreeItem(`${entityTypeLabels[node.type]}`, vscode.TreeItemCollapsibleState.Expanded);
			item.description = `${node.entities.length}`;
			item.iconPath = new vscode.ThemeIcon(entityTypeIcons[node.type]);
			return item;
		}
		if (node.kind === 'entity') {
			const item = new vscode.TreeItem(node.entity.canonical, vscode.TreeItemCollapsibleState.Collapsed);
			const count = node.entity.mentions.length;
			item.description = count === 1 ? '1 mention' : `${count} mentions`;
			item.tooltip = node.entity.aliases.length > 0 ? `Also: ${node.entity.aliases.join(', ')}` : undefined;
			item.iconPath = new vscode.ThemeIcon(entityTypeIcons[node.entity.type]);
			item.contextValue = 'newsSeedEntity';
			if (document) {
				item.command = { title: 'Reveal mentions', command: entityCommands.revealMentions, arguments: [{ uri: document.uri.toString(), id: node.entity.id }] };
			}
			return item;
		}
		const item = new vscode.TreeItem(node.mention.text, vscode.TreeItemCollapsibleState.None);
		if (document) {
			const parsed = this.documents.get(document);
			const context = sentenceAt(parsed, node.mention.start) ?? blockAt(parsed, node.mention.start) ?? node.mention;
			const range = toRange(document, node.mention);
			item.description = `line ${range.start.line + 1}: ${shortenAtWord(parsed.text.slice(context.start, context.end), 80)}`;
			item.command = { title: 'Open', command: 'vscode.open', arguments: [document.uri, { selection: range }] };
		}
		return item;
	}
}
