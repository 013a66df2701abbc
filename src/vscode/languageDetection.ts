import * as vscode from 'vscode';
import { startsWithDateline } from '../core/seedRecognition';
import { languageId } from './convert';

/**
 * VS Code gives every `.txt` file to Plain Text before a `firstLine` rule could apply, so a seed file with
 * another name is switched to News Seed when it opens, if its first line is a dateline
 * (`newsSeed.detectByContent`). Files the user switched back by hand are left alone for the session.
 */
export function registerLanguageDetection(): vscode.Disposable {
	const declined = new Set<string>();
	const consider = (document: vscode.TextDocument) => {
		if (document.languageId !== 'plaintext' || !document.uri.path.toLowerCase().endsWith('.txt')) {
			return;
		}
		const key = document.uri.toString();
		if (declined.has(key) || !vscode.workspace.getConfiguration('newsSeed', document).get<boolean>('detectByContent', true)) {
			return;
		}
		const firstLine = document.lineCount > 0 ? document.lineAt(0).text : '';
		if (startsWithDateline(firstLine)) {
			// Switch once; if the user turns it back to Plain Text, respect that.
			declined.add(key);
			void vscode.languages.setTextDocumentLanguage(document, languageId);
		}
	};
	vscode.workspace.textDocuments.forEach(consider);
	return vscode.Disposable.from(
		vscode.workspace.onDidOpenTextDocument(consider),
		vscode.workspace.onDidCloseTextDocument((document) => {
			// A language switch closes and reopens the document; only forget files that are really gone.
			if (document.isClosed && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === document.uri.toString())) {
				declined.delete(document.uri.toString());
			}
		}),
	);
}
