import * as vscode from 'vscode';
import { isSeedDocument } from './convert';
import { Disposable } from './dispose';
import { claimCommands } from './commandIds';
import { registerCommand } from './registerCommand';

/**
 * `newsSeed.openReadOnly`: seed articles open read-only for this session, so reading and tagging can never
 * change the evidence; `newsSeed.toggleReadOnly` makes the current article editable again (or read-only).
 * VS Code offers read-only only for the active editor (`workbench.action.files.setActiveEditorReadonlyInSession`).
 *
 * Scenarios:
 *  - an article becomes the active editor for the first time in this session, setting on: made read-only;
 *  - the user toggles it: that choice stands for the article until it is closed (it is not forced back);
 *  - the article is closed: forgotten, so opening it again applies the setting again;
 *  - the setting is off (default), or the article is not on a writable file system: nothing happens.
 */
export class ReadOnlyArticles extends Disposable {
	/** Articles already handled in this session (made read-only, or toggled by the user). */
	private readonly handled = new Set<string>();

	constructor() {
		super();
		this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.apply(editor)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.handled.delete(document.uri.toString())));
		this._register(registerCommand(claimCommands.toggleReadOnly, async () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || !isSeedDocument(editor.document)) {
				void vscode.window.showInformationMessage('News Seed: open a news seed article to make it read-only or editable.');
				return;
			}
			this.handled.add(editor.document.uri.toString());
			await vscode.commands.executeCommand('workbench.action.files.toggleActiveEditorReadonlyInSession');
		}));
		this.apply(vscode.window.activeTextEditor);
	}

	private apply(editor: vscode.TextEditor | undefined): void {
		// Any writable file system (local files, github.dev's, vscode.dev's): a read-only one needs nothing, and an
		// untitled article or a git: view has no file to protect.
		if (!editor || !isSeedDocument(editor.document) || vscode.workspace.fs.isWritableFileSystem(editor.document.uri.scheme) !== true) {
			return;
		}
		const key = editor.document.uri.toString();
		if (this.handled.has(key) || !vscode.workspace.getConfiguration('newsSeed', editor.document).get<boolean>('openReadOnly', false)) {
			return;
		}
		this.handled.add(key);
		void vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
	}
}
