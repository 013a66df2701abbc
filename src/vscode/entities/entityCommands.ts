import * as vscode from 'vscode';
import { entityAt } from '../../core/entities/articleEntities';
import { entityWithIds } from '../../core/entities/workspaceEntityIndex';
import type { Entity, EntityType } from '../../core/entities/index';
import {
	addKnowledgeEntity, correctEntityType, entityTypes, findKnowledgeEntity, knowledgeFileName, markNotAnEntity, setKnowledgeNote,
} from '../../core/entities/entityKnowledge';
import { entityTypeLabels } from '../../core/entities/entityHoverCard';
import { countOf } from '../../core/text/countOf';
import { isSeedDocument, toRange } from '../convert';
import type { ArticleEntitiesCache } from './articleEntitiesCache';
import { entityCommands } from './commandIds';
import { entityLocations, mentionRanges } from './entityLocations';
import type { EntityKnowledgeStore } from './knowledgeStore';
import { registerCommand } from '../registerCommand';
import type { WorkspaceIndexService } from './workspaceIndexService';

/**
 * Where a command applies: `{ uri, offset }` from a hover link or the view, else the active editor's cursor.
 * Scripts and tests may also pass `name`, `type` and `note` to skip the prompts.
 */
interface Target {
	uri?: string;
	offset?: number;
	name?: string;
	type?: EntityType;
	note?: string;
	id?: string;
	/** Entity ids of the workspace view's entity (the canonical names it gathers): every entity of the article with one. */
	ids?: string[];
	start?: number;
	end?: number;
}

async function targetDocument(target: Target | undefined): Promise<{ document: vscode.TextDocument; offset: number; selection?: string } | undefined> {
	if (target?.uri) {
		const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
		return { document, offset: target.offset ?? 0 };
	}
	const editor = vscode.window.activeTextEditor;
	if (!editor || !isSeedDocument(editor.document)) return undefined;
	const selected = editor.document.getText(editor.selection).trim();
	return { document: editor.document, offset: editor.document.offsetAt(editor.selection.active), selection: selected || undefined };
}

async function pickType(placeHolder: string, preselect?: EntityType): Promise<EntityType | undefined> {
	const items = entityTypes.map((type) => ({ label: entityTypeLabels[type], type, picked: type === preselect }));
	return (await vscode.window.showQuickPick(items, { placeHolder }))?.type;
}

/** The entity commands: find mentions, edit the note, add an entity, mark a false one, correct a type, open, reveal, rebuild. */
export function registerEntityCommands(articles: ArticleEntitiesCache, index: WorkspaceIndexService, knowledge: EntityKnowledgeStore): vscode.Disposable {
	// Revealing an entity selects one mention (typing must not overwrite them all) and marks the others until
	// the selection moves on.
	const otherMentions = vscode.window.createTextEditorDecorationType({
		backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'),
		borderColor: new vscode.ThemeColor('editor.wordHighlightStrongBorder'),
		borderStyle: 'solid',
		borderWidth: '1px',
	});
	const clearMentions = vscode.window.onDidChangeTextEditorSelection((event) => {
		if (event.kind !== undefined) {
			event.textEditor.setDecorations(otherMentions, []);
		}
	});
	const entityOf = async (target: Target | undefined): Promise<{ document: vscode.TextDocument; entity?: Entity; selection?: string } | undefined> => {
		const at = await targetDocument(target);
		if (!at) return undefined;
		const article = await articles.get(at.document);
		const entity = target?.ids !== undefined ? article && entityWithIds(article.entities, target.ids)
			: target?.id !== undefined ? article?.entities.find((e) => e.id === target.id) : article && entityAt(article, at.offset);
		return { document: at.document, entity, selection: at.selection };
	};
	const noEntity = () => void vscode.window.showInformationMessage('Put the cursor on a named entity (or select a name) first.');

	return vscode.Disposable.from(
		registerCommand(entityCommands.findMentions, async (target?: Target) => {
			const found = await entityOf(target);
			if (!found?.entity) return noEntity();
			// What the index holds now: a build in progress adds files as it goes (the hover card says so).
			const locations = await entityLocations(found.document, found.entity, index);
			if (!locations) return;
			await vscode.commands.executeCommand('editor.action.showReferences', found.document.uri, locations[0].range.start, locations);
		}),
		registerCommand(entityCommands.editNote, async (target?: Target) => {
			const found = await entityOf(target);
			if (!found?.entity) return noEntity();
			const { entity, document } = found;
			const names = [entity.canonical, ...entity.aliases];
			const current = findKnowledgeEntity(knowledge.knowledgeFor(document.uri), entity.type, names)?.notes ?? '';
			const note = target?.note ?? await vscode.window.showInputBox({
				title: `Note about ${entity.canonical}`,
				prompt: `Kept in ${knowledgeFileName}; empty to remove it.`,
				value: current,
			});
			if (note === undefined) return;
			await knowledge.edit(document.uri, (text) => setKnowledgeNote(text, entity.type, names, note));
		}),
		registerCommand(entityCommands.addEntity, async (target?: Target) => {
			const found = await entityOf(target);
			if (!found) return noEntity();
			const name = target?.name ?? found.selection ?? found.entity?.canonical;
			if (!name) return noEntity();
			const type = target?.type ?? await pickType(`Type of "${name}"`, found.entity?.type);
			if (!type) return;
			const aliases = found.entity && found.entity.type === type ? [found.entity.canonical, ...found.entity.aliases].filter((a) => a !== name) : [];
			await knowledge.edit(found.document.uri, (text) => addKnowledgeEntity(text, { canonical: name, type, aliases }));
		}),
		registerCommand(entityCommands.markNotEntity, async (target?: Target) => {
			const found = await entityOf(target);
			const at = found && (target?.name ?? found.selection ?? (found.entity && mentionTextAt(found.document, found.entity, target)));
			if (!found || !at) return noEntity();
			await knowledge.edit(found.document.uri, (text) => markNotAnEntity(text, at));
		}),
		registerCommand(entityCommands.setType, async (target?: Target) => {
			const found = await entityOf(target);
			const name = found && (target?.name ?? found.selection ?? found.entity?.canonical);
			if (!found || !name) return noEntity();
			const type = target?.type ?? await pickType(`"${name}" is a…`, found.entity?.type);
			if (!type) return;
			await knowledge.edit(found.document.uri, (text) => correctEntityType(text, name, type));
		}),
		registerCommand(entityCommands.openArticle, async (target?: Target) => {
			if (!target?.uri) return;
			const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
			const selection = target.start !== undefined ? toRange(document, { start: target.start, end: target.end ?? target.start }) : undefined;
			await vscode.window.showTextDocument(document, { selection });
		}),
		registerCommand(entityCommands.revealMentions, async (target?: Target) => {
			const found = await entityOf(target);
			if (!found) return;
			if (!found.entity) {
				// The workspace view's counts come from the index, the article's entities from its current text: an
				// article edited since may no longer name the entity, and is still opened.
				if (target?.ids !== undefined) await vscode.window.showTextDocument(found.document, { preserveFocus: true });
				return 0;
			}
			const editor = await vscode.window.showTextDocument(found.document, { preserveFocus: true });
			const ranges = mentionRanges(found.document, found.entity);
			editor.selection = new vscode.Selection(ranges[0].start, ranges[0].end);
			editor.setDecorations(otherMentions, ranges.slice(1));
			editor.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
			return ranges.length;
		}),
		registerCommand(entityCommands.rebuildIndex, async () => {
			await index.rebuild(true);
			const build = index.lastBuild;
			if (build) void vscode.window.showInformationMessage(`News Seed: entity index rebuilt: ${countOf(build.articles, 'article')} in ${(build.ms / 1000).toFixed(1)} s.`);
		}),
		clearMentions,
		otherMentions,
	);
}

/** The surface text of the entity's mention at the target offset (what the reader sees), else its canonical name. */
function mentionTextAt(document: vscode.TextDocument, entity: Entity, target: Target | undefined): string {
	const offset = target?.offset ?? document.offsetAt(vscode.window.activeTextEditor?.selection.active ?? new vscode.Position(0, 0));
	return entity.mentions.find((m) => m.start <= offset && offset <= m.end)?.text ?? entity.canonical;
}

