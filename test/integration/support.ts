// Helpers shared by the integration suites: workspace files, polling, editor clean-up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'news-seed.news-seed-annotator';
export const languageId = 'news-seed';

/** True in the browser's web-worker extension host (test/host/runWeb.mjs), which has no Node `process`. */
export const inBrowserHost = typeof process === 'undefined';

/** A file of the test workspace (samples/ plus test/fixtures/workspace/, copied fresh for each run). */
export function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the tests need a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

export async function openDocument(name: string): Promise<vscode.TextDocument> {
	return vscode.workspace.openTextDocument(workspaceFile(name));
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `probe` returns something other than undefined; the extension reacts to events asynchronously. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		}
		await sleep(100);
	}
}

/** The language VS Code currently holds for a document (a language switch updates the open document). */
export function currentLanguage(uri: vscode.Uri): string | undefined {
	return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.languageId;
}

/** The file's lines as on disk, split the way VS Code splits them. */
export function linesOf(document: vscode.TextDocument): string[] {
	return document.getText().split(/\r\n|\r|\n/);
}

/** The 0-based line holding exactly `text`; fails when it is not there exactly once. */
export function lineIndex(lines: readonly string[], text: string): number {
	const index = lines.indexOf(text);
	assert.ok(index >= 0 && lines.lastIndexOf(text) === index, `expected exactly one line "${text}"`);
	return index;
}

export async function closeAllEditors(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Writes `text` to a new workspace file with CRLF line endings, a UTF-8 byte-order mark and a final newline:
 * the forms docs/SEED-FORMAT.md says must read exactly like the plain one.
 */
export async function writeCrlfBomCopy(name: string, text: string): Promise<vscode.Uri> {
	const uri = workspaceFile(name);
	const body = new TextEncoder().encode(`${text.replace(/\r?\n/g, '\r\n')}\r\n`);
	await vscode.workspace.fs.writeFile(uri, new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
	return uri;
}
