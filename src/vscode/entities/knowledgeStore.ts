import * as vscode from 'vscode';
import type { UserLexicon } from '../../core/entities/index';
import {
	emptyKnowledge, knowledgeFileName, MalformedKnowledgeError, parseKnowledge, toLexicon, type EntityKnowledge, type ParsedKnowledge,
} from '../../core/entities/entityKnowledge';
import { Disposable } from '../dispose';

interface FolderKnowledge {
	readonly parsed: ParsedKnowledge;
	readonly lexicon: UserLexicon | undefined;
}

const none: FolderKnowledge = { parsed: { knowledge: emptyKnowledge, problems: [], malformed: false }, lexicon: undefined };

/**
 * The user's `news-entities.json` of each workspace folder: read through vscode.workspace.fs, re-read when it
 * changes on disk (a FileSystemWatcher per folder, no polling), its problems shown as diagnostics on the file.
 * A malformed file is reported once per change and ignored (the recognizer runs without it); edits refuse it.
 * Scenarios: activation -> every folder read; file saved in an editor -> re-read at once; file created, changed,
 * deleted on disk -> re-read, `onDidChange` fires (every open article is then analysed again: ArticleEntitiesCache);
 * folders added or removed -> watchers follow.
 */
export class EntityKnowledgeStore extends Disposable {
	private readonly folders = new Map<string, FolderKnowledge>();
	private readonly watchers = new Map<string, vscode.Disposable>();
	private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('news-entities'));
	private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
	/** Fires after the knowledge of any folder changed. */
	readonly onDidChange = this.changeEmitter.event;
	/** Resolves once every folder's file has been read the first time. */
	readonly ready: Promise<void>;

	constructor() {
		super();
		this._register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
		this._register(vscode.workspace.onDidChangeWorkspaceFolders((event) => {
			for (const folder of event.removed) {
				this.watchers.get(folder.uri.toString())?.dispose();
				this.watchers.delete(folder.uri.toString());
				this.folders.delete(folder.uri.toString());
			}
			void Promise.all(event.added.map((folder) => this.watch(folder))).then(() => this.changeEmitter.fire());
		}));
		// A save in the editor reloads at once, without waiting for the file watcher (which follows, harmlessly).
		this._register(vscode.workspace.onDidSaveTextDocument((document) => {
			const folder = vscode.workspace.getWorkspaceFolder(document.uri);
			if (folder && document.uri.toString() === EntityKnowledgeStore.fileOf(folder).toString()) void this.load(folder).then(() => this.changeEmitter.fire());
		}));
		this.ready = Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.watch(folder))).then(() => undefined);
	}

	static fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
		return vscode.Uri.joinPath(folder.uri, knowledgeFileName);
	}

	private async watch(folder: vscode.WorkspaceFolder): Promise<void> {
		const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, knowledgeFileName));
		const reload = () => void this.load(folder).then(() => this.changeEmitter.fire());
		this.watchers.set(folder.uri.toString(), vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload)));
		await this.load(folder);
	}

	private async load(folder: vscode.WorkspaceFolder): Promise<void> {
		const uri = EntityKnowledgeStore.fileOf(folder);
		let text: string | undefined;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			text = undefined;
		}
		if (text === undefined) {
			this.folders.set(folder.uri.toString(), none);
			this.diagnostics.delete(uri);
			return;
		}
		const parsed = parseKnowledge(text);
		this.folders.set(folder.uri.toString(), { parsed, lexicon: parsed.malformed ? undefined : toLexicon(parsed.knowledge) });
		const positions = lineOffsets(text);
		this.diagnostics.set(uri, parsed.problems.map((problem) => {
			const diagnostic = new vscode.Diagnostic(new vscode.Range(positions(problem.start), positions(problem.end)), problem.message,
				parsed.malformed ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
			diagnostic.source = 'News Seed';
			return diagnostic;
		}));
		if (parsed.malformed) {
			void vscode.window.showWarningMessage(`${knowledgeFileName} in ${folder.name} is malformed (${parsed.problems[0]?.message ?? 'unreadable'}): entities are recognized without it, and it will not be edited until it is fixed.`);
		}
	}

	private entry(uri: vscode.Uri): FolderKnowledge {
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		return (folder && this.folders.get(folder.uri.toString())) ?? none;
	}

	/** The recognizer's lexicon for a file of the workspace (undefined: none, or malformed). */
	lexiconFor(uri: vscode.Uri): UserLexicon | undefined {
		return this.entry(uri).lexicon;
	}

	/**
	 * {@link lexiconFor} of a URI string (as `Uri.toString()` writes it), without parsing it: the folder is the
	 * longest folder URI it starts with. The index asks for every file of the workspace at each start, where
	 * `Uri.parse` and `getWorkspaceFolder` cost more than the rest of adopting a cached summary.
	 */
	lexiconForUriString(uri: string): UserLexicon | undefined {
		let best: FolderKnowledge | undefined;
		let bestLength = -1;
		for (const [folder, knowledge] of this.folders) {
			if (folder.length > bestLength && uri.startsWith(folder) && (folder.endsWith('/') || uri.charCodeAt(folder.length) === 47 /* / */)) {
				best = knowledge;
				bestLength = folder.length;
			}
		}
		return best?.lexicon;
	}

	knowledgeFor(uri: vscode.Uri): EntityKnowledge {
		const parsed = this.entry(uri).parsed;
		return parsed.malformed ? emptyKnowledge : parsed.knowledge;
	}

	/**
	 * Applies `change` (a core edit function: old text -> new text) to the news-entities.json of `uri`'s folder and
	 * writes it back. The text edited is the open editor's when the file is open (unsaved changes included: the edit
	 * then goes through the editor and is saved); otherwise the file on disk, or a new file. A malformed file is
	 * reported and left byte-for-byte untouched. Returns whether the file was written.
	 */
	async edit(uri: vscode.Uri, change: (text: string) => string): Promise<boolean> {
		const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
		if (!folder) {
			void vscode.window.showErrorMessage(`Open a folder to keep a ${knowledgeFileName}.`);
			return false;
		}
		const file = EntityKnowledgeStore.fileOf(folder);
		const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
		let text: string;
		if (open) {
			text = open.getText();
		} else {
			try {
				text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
			} catch {
				// No file yet: the edit creates it.
				text = '';
			}
		}
		let next: string;
		try {
			next = change(text);
		} catch (error) {
			if (error instanceof MalformedKnowledgeError) {
				void vscode.window.showErrorMessage(error.message);
				return false;
			}
			throw error;
		}
		if (next === text) {
			return true;
		}
		if (open) {
			const edit = new vscode.WorkspaceEdit();
			edit.replace(file, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), next);
			if (!await vscode.workspace.applyEdit(edit)) return false;
			await open.save();
		} else {
			await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(next));
		}
		await this.load(folder);
		this.changeEmitter.fire();
		return true;
	}
}

function lineOffsets(text: string): (offset: number) => vscode.Position {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return (offset) => {
		let line = 0;
		while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
		return new vscode.Position(line, offset - starts[line]);
	};
}
