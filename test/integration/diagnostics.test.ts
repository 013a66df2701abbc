import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor } from './support';

function diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
	return JSON.stringify(diagnostics.map((d) => `${d.range.start.line}: ${d.message}`));
}

suite('diagnostics', () => {
	suiteTeardown(async () => {
		// Leave the file on disk as it was: the edit below is never saved.
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		await closeAllEditors();
	});

	test('an impossible date is reported on line 1, and fixing it clears the report', async () => {
		const document = await openDocument('900_0123456789abcdef.txt');
		const editor = await vscode.window.showTextDocument(document);
		const reported = await waitFor('a diagnostic about 2024-13-45', () => {
			const found = diagnosticsOf(document.uri).find((d) => d.message.includes('2024-13-45'));
			return found;
		});
		assert.equal(reported.range.start.line, 0, describe(diagnosticsOf(document.uri)));

		const dateStart = document.lineAt(0).text.indexOf('2024-13-45');
		const fixed = await editor.edit((edit) => edit.replace(new vscode.Range(0, dateStart, 0, dateStart + 10), '2024-12-15'));
		assert.ok(fixed, 'the edit was not applied');
		await waitFor('the date diagnostic to go away', () =>
			diagnosticsOf(document.uri).some((d) => d.range.start.line === 0) ? undefined : true);
	});

	test('a pattern-named file without a dateline is reported as missing one', async () => {
		const document = await openDocument('901_fedcba9876543210.txt');
		const reported = await waitFor('a diagnostic about the missing dateline', () =>
			diagnosticsOf(document.uri).find((d) => /dateline/i.test(d.message)));
		assert.equal(reported.range.start.line, 0, describe(diagnosticsOf(document.uri)));
	});

	test('a valid article has no diagnostics', async () => {
		const document = await openDocument('002_668de885d4ac2427.txt');
		// The extension reports on open; give it the same chance it had above before concluding.
		await new Promise((resolve) => setTimeout(resolve, 500));
		assert.equal(diagnosticsOf(document.uri).length, 0, describe(diagnosticsOf(document.uri)));
	});
});
