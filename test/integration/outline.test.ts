import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, lineIndex, linesOf, openDocument, writeCrlfBomCopy } from './support';

const sample = '001_820dad7cbcc6459d.txt';

/** The sample's sections as a reader sees them: heading, then the first words of each paragraph. */
const expectedSections: ReadonlyArray<{ heading: string; paragraphs: readonly string[] }> = [
	{ heading: 'Nine Days in Geneva', paragraphs: ['Talks began on Jan. 13 at…', 'Ortega-Lindqvist, a former trade lawyer who…'] },
	{ heading: 'Washington Keeps Its Distance', paragraphs: ['The U.S. did not send a…', 'Mr. Pierce later told reporters that…'] },
	{ heading: 'Indonesia\'s Quiet Role', paragraphs: ['Indonesian Foreign Minister Sri Wahyuningsih, who…', 'In a statement posted late on…'] },
	{ heading: 'What Comes Next', paragraphs: ['The agreement still requires approval from…', 'Wheat futures on the Chicago Board…'] },
];

function lineRange(lines: readonly string[], line: number): vscode.Range {
	return new vscode.Range(line, 0, line, lines[line].length);
}

/** The last non-blank line before `end` (exclusive): where a section's last paragraph ends. */
function lastTextLine(lines: readonly string[], end: number): number {
	let line = end - 1;
	while (lines[line].trim() === '') {
		line--;
	}
	return line;
}

function describeRange(range: vscode.Range): string {
	return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

suite('outline', () => {
	let document: vscode.TextDocument;
	let lines: string[];
	let root: vscode.DocumentSymbol;

	suiteSetup(async () => {
		document = await openDocument(sample);
		lines = linesOf(document);
		const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
		assert.ok(symbols?.length, 'no document symbols');
		assert.equal(symbols.length, 1, 'one root symbol');
		root = symbols[0];
	});
	suiteTeardown(closeAllEditors);

	test('the root is the article, named by its shortened first sentence, with the date', () => {
		assert.equal(root.name, 'Foreign ministers from Sweden, Chile and Indonesia announced…');
		assert.ok(root.name.length <= 61, 'at most 60 characters plus the ellipsis');
		assert.equal(root.kind, vscode.SymbolKind.File);
		assert.equal(root.detail, '2025-01-22');
		assert.equal(root.range.start.line, 0);
		assert.equal(root.range.end.line, lines.length - 1);
	});

	test('the root\'s children are dateline, lead, then the sections in order', () => {
		assert.deepEqual(root.children.map((child) => child.name), ['Dateline', 'Lead', ...expectedSections.map((section) => section.heading)]);
	});

	test('dateline and lead sit on the first line', () => {
		const [dateline, lead] = root.children;
		assert.equal(dateline.kind, vscode.SymbolKind.Event);
		assert.equal(dateline.detail, '2025-01-22');
		assert.equal(dateline.range.start.line, 0);
		assert.equal(dateline.range.end.line, 0);
		assert.ok(document.getText(dateline.range).includes('date 2025-01-22'), `dateline range covers "${document.getText(dateline.range)}"`);
		assert.equal(lead.kind, vscode.SymbolKind.Field, 'not String: the Outline would call it "(string)"');
		assert.equal(lead.range.start.line, 0);
		assert.equal(lead.range.end.line, 0);
		assert.ok(document.getText(lead.range).startsWith('Foreign ministers from Sweden'), `lead range starts with "${document.getText(lead.range).slice(0, 30)}"`);
		assert.equal(lead.range.end.character, lines[0].length);
	});

	test('each section spans its heading to the end of its last paragraph; the heading is the selection', () => {
		const headingLines = expectedSections.map((section) => lineIndex(lines, section.heading));
		const sections = root.children.slice(2);
		sections.forEach((symbol, i) => {
			const last = lastTextLine(lines, i + 1 < headingLines.length ? headingLines[i + 1] : lines.length);
			const expected = new vscode.Range(headingLines[i], 0, last, lines[last].length);
			assert.equal(symbol.kind, vscode.SymbolKind.Namespace, symbol.name);
			assert.ok(symbol.range.isEqual(expected), `${symbol.name}: range ${describeRange(symbol.range)}, expected ${describeRange(expected)}`);
			const heading = lineRange(lines, headingLines[i]);
			assert.ok(symbol.selectionRange.isEqual(heading), `${symbol.name}: selection ${describeRange(symbol.selectionRange)}, expected ${describeRange(heading)}`);
		});
	});

	test('a CRLF copy with a byte-order mark and a final newline has the same outline', async () => {
		const copy = await vscode.workspace.openTextDocument(await writeCrlfBomCopy('903_00000000000000cf.txt', document.getText()));
		assert.equal(copy.eol, vscode.EndOfLine.CRLF);
		assert.ok(!copy.getText().startsWith('\uFEFF'), 'VS Code keeps the byte-order mark out of the text');
		const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy.uri);
		const flatten = (symbol: vscode.DocumentSymbol): string[] => [
			`${symbol.name} ${describeRange(symbol.range)} ${describeRange(symbol.selectionRange)}`,
			...symbol.children.flatMap(flatten),
		];
		assert.equal(symbols?.[0]?.name, root.name);
		assert.deepEqual(symbols[0].children.flatMap(flatten), root.children.flatMap(flatten));
	});

	test('each section lists its paragraphs by their first words, with their lines', () => {
		root.children.slice(2).forEach((symbol, i) => {
			assert.deepEqual(symbol.children.map((child) => child.name), expectedSections[i].paragraphs, symbol.name);
			for (const paragraph of symbol.children) {
				assert.equal(paragraph.kind, vscode.SymbolKind.Field, `${paragraph.name}: not String, which the Outline calls "(string)"`);
				const line = paragraph.range.start.line;
				assert.ok(paragraph.range.isEqual(lineRange(lines, line)), `${paragraph.name}: range ${describeRange(paragraph.range)}`);
				assert.ok(lines[line].startsWith(paragraph.name.replace(/…$/, '')), `${paragraph.name} names line ${line}`);
			}
		});
	});
});
