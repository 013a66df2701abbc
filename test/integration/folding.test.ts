import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, lineIndex, linesOf, openDocument } from './support';

async function foldingRanges(document: vscode.TextDocument): Promise<string[]> {
	const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
	return (ranges ?? []).map((range) => `${range.start}-${range.end}`);
}

suite('folding', () => {
	suiteTeardown(closeAllEditors);

	test('a section folds from its heading line to its last paragraph line', async () => {
		const document = await openDocument('001_820dad7cbcc6459d.txt');
		const lines = linesOf(document);
		const ranges = await foldingRanges(document);
		const washington = lineIndex(lines, 'Washington Keeps Its Distance');
		const indonesia = lineIndex(lines, 'Indonesia\'s Quiet Role');
		// The section's last paragraph ends on the line before the blank line that precedes the next heading.
		assert.ok(ranges.includes(`${washington}-${indonesia - 2}`), `no ${washington}-${indonesia - 2} in ${ranges.join(', ')}`);
		const last = lineIndex(lines, 'What Comes Next');
		assert.ok(ranges.includes(`${last}-${lines.length - 1}`), `no ${last}-${lines.length - 1} in ${ranges.join(', ')}`);
	});

	test('a multi-line paragraph folds, and so does its section', async () => {
		const document = await openDocument('902_0a1b2c3d4e5f6a7b.txt');
		const lines = linesOf(document);
		const ranges = await foldingRanges(document);
		const paragraph = lineIndex(lines, 'The busiest month was October, when ships waited');
		assert.ok(ranges.includes(`${paragraph}-${paragraph + 2}`), `no ${paragraph}-${paragraph + 2} in ${ranges.join(', ')}`);
		const heading = lineIndex(lines, 'Busier Quays');
		assert.ok(ranges.includes(`${heading}-${lines.length - 1}`), `no ${heading}-${lines.length - 1} in ${ranges.join(', ')}`);
	});

	test('one-line paragraphs do not fold', async () => {
		const document = await openDocument('902_0a1b2c3d4e5f6a7b.txt');
		const lines = linesOf(document);
		const last = lines.length - 1;
		const ranges = await foldingRanges(document);
		assert.ok(!ranges.some((range) => range.startsWith(`${last}-`)), ranges.join(', '));
	});
});
