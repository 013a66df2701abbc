import * as vscode from 'vscode';
import { matchesSeedNameOnlyIgnoringCase, startsWithDateline } from '../core/seed/seedRecognition';
import { languageId } from './convert';

/**
 * Gives each `.txt` file the language it deserves when it first opens:
 * - VS Code gives every `.txt` file to Plain Text before a `firstLine` rule could apply, so a seed file with
 *   another name is switched to News Seed if its first line is a dateline (`newsSeed.detectByContent`);
 * - VS Code matches `filenamePatterns` ignoring case, so `123_0123456789ABCDEF.txt` (not a seed name) would be
 *   News Seed; without a dateline it goes back to Plain Text.
 * Each file is considered once per session: a language the user then picks by hand is left alone (a language
 * change closes and reopens the document, which would otherwise look like a first open).
 */
export function registerLanguageDetection(): vscode.Disposable {
	const considered = new Set<string>();
	const consider = (document: vscode.TextDocument) => {
		const key = document.uri.toString();
		if (considered.has(key) || !document.uri.path.toLowerCase().endsWith('.txt')) {
			return;
		}
		considered.add(key);
		const firstLine = document.lineCount > 0 ? document.lineAt(0).text : '';
		const baseName = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
		if (document.languageId === 'plaintext' && detectByContent(document) && startsWithDateline(firstLine)) {
			void vscode.languages.setTextDocumentLanguage(document, languageId);
		} else if (document.languageId === languageId && matchesSeedNameOnlyIgnoringCase(baseName) && !startsWithDateline(firstLine)) {
			void vscode.languages.setTextDocumentLanguage(document, 'plaintext');
		}
	};
	const timers = new Set<ReturnType<typeof setTimeout>>();
	vscode.workspace.textDocuments.forEach(consider);
	return vscode.Disposable.from(
		vscode.workspace.onDidOpenTextDocument(consider),
		vscode.workspace.onDidCloseTextDocument((document) => {
			// Forget files that are really gone, so that reopening one later is a first open again; a language
			// change reopens the document at once, so look a moment later.
			const timer = setTimeout(() => {
				timers.delete(timer);
				if (!vscode.workspace.textDocuments.some((open) => open.uri.toString() === document.uri.toString())) {
					considered.delete(document.uri.toString());
				}
			}, 1000);
			timers.add(timer);
		}),
		{ dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
	);
}

function detectByContent(document: vscode.TextDocument): boolean {
	return vscode.workspace.getConfiguration('newsSeed', document).get<boolean>('detectByContent', true);
}
