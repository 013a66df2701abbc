// Editor defaults News Seed sets for its language (issue 9): VS Code resolves them for articles, not other files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('reading defaults for articles', () => {
	test('sticky scroll follows folding in articles (section headings, not the long first line), and only there', () => {
		const forArticles = vscode.workspace.getConfiguration('editor', { languageId: 'news-seed' }).get<string>('stickyScroll.defaultModel');
		assert.equal(forArticles, 'foldingProviderModel');
		const forText = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get<string>('stickyScroll.defaultModel');
		assert.notEqual(forText, 'foldingProviderModel');
	});
});
