// Claims export and import in a real VS Code: newsSeed.importClaims with arguments writes the sidecar,
// newsSeed.exportClaims with arguments writes the files and returns their URIs, which are read back from disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const articleName = '960_00000000000000e9.txt';
const articleText = [
	' date 2024-05-02 Mayor Ana Díaz 🚇 said the metro line cost €2.1 billion, far less than *planned*.',
	'',
	'Budget Questions Remain',
	'',
	'Critics 😡 say the figure omits interest and fees.',
].join('\n');

/** Code-point offsets of `needle` in the article, as brat counts them. */
function codePoints(needle: string): [number, number] {
	const at = articleText.indexOf(needle);
	assert.ok(at >= 0);
	const start = Array.from(articleText.slice(0, at)).length;
	return [start, start + Array.from(needle).length];
}

async function read(uri: vscode.Uri): Promise<string> {
	return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

interface ImportResult {
	article: string;
	added: number;
	duplicates: number;
	conflicts: number;
	unanchored: number;
	messages: string[];
}

suite('claims export and import', () => {
	const article = workspaceFile(articleName);
	const outDir = workspaceFile('exports-out');

	suiteSetup(async () => {
		await vscode.workspace.fs.writeFile(article, encoder.encode(articleText));
		const [costStart, costEnd] = codePoints('the metro line cost €2.1 billion');
		const [omitStart, omitEnd] = codePoints('the figure omits interest and fees');
		const ann = [
			`T1\tClaim ${costStart} ${costEnd}\tthe metro line cost €2.1 billion`,
			'A1\tVerdict T1 Mostly_false',
			'#1\tAnnotatorNotes T1\tThe audit says €2.9 billion.\\nSee page 4.',
			`T2\tClaim ${omitStart} ${omitEnd}\tthe figure omits interest and fees`,
			'A2\tVerdict T2 True',
			'',
		].join('\n');
		await vscode.workspace.fs.writeFile(workspaceFile('960_00000000000000e9.ann'), encoder.encode(ann));
	});
	suiteTeardown(closeAllEditors);

	test('importClaims with arguments adds the brat claims to the sidecar and reports duplicates on a second run', async () => {
		const results = await vscode.commands.executeCommand<ImportResult[]>('newsSeed.importClaims', { format: 'brat', files: [workspaceFile('960_00000000000000e9.ann')] });
		assert.equal(results.length, 1);
		assert.equal(results[0].added, 2);
		assert.equal(results[0].unanchored, 0);
		const sidecar = JSON.parse(await read(workspaceFile('960_00000000000000e9.claims.json'))) as { claims: { body: { verdict: string; note: string } }[] };
		assert.deepEqual(sidecar.claims.map((c) => c.body.verdict), ['Mostly false', 'True']);
		assert.equal(sidecar.claims[0].body.note, 'The audit says €2.9 billion.\nSee page 4.');

		const again = await vscode.commands.executeCommand<ImportResult[]>('newsSeed.importClaims', { format: 'brat', files: [workspaceFile('960_00000000000000e9.ann')] });
		assert.equal(again[0].added, 0);
		assert.equal(again[0].duplicates, 2);
	});

	test('exportClaims with arguments writes W3C, CSV and brat files without prompts and returns their URIs', async () => {
		const w3c = await vscode.commands.executeCommand<vscode.Uri[]>('newsSeed.exportClaims', { format: 'w3c', scope: [article], outDir });
		assert.deepEqual(w3c.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1)), ['960_00000000000000e9.w3c.jsonld']);
		const collection = JSON.parse(await read(w3c[0])) as { type: string; total: number; first: { items: { target: { source: string; selector: { start?: number; exact?: string }[] } }[] } };
		assert.equal(collection.type, 'AnnotationCollection');
		assert.equal(collection.total, 2);
		const target = collection.first.items[0].target;
		assert.equal(target.source, article.toString(), 'the target source is the article URI');
		assert.equal(target.selector[0].exact, 'the metro line cost €2.1 billion');
		assert.equal(target.selector[1].start, codePoints('the metro line cost')[0], 'positions in code points');

		const csv = await vscode.commands.executeCommand<vscode.Uri[]>('newsSeed.exportClaims', { format: 'csv', scope: article.toString(), outDir: outDir.toString() });
		const lines = (await read(csv[0])).split('\r\n');
		assert.match(lines[0], /^article,date,title,claim_id/);
		assert.equal(lines.filter((l) => l.startsWith(articleName)).length, 2);

		const brat = await vscode.commands.executeCommand<vscode.Uri[]>('newsSeed.exportClaims', { format: 'brat', scope: [article], outDir });
		assert.deepEqual(brat.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1)), ['960_00000000000000e9.ann', '960_00000000000000e9.txt', 'annotation.conf']);
		assert.match(await read(brat[0]), /^T1\tClaim \d+ \d+\tthe metro line cost €2\.1 billion\nA1\tVerdict T1 Mostly_false\n/);
	});

	test('the Markdown report is written and opened in the Markdown preview', async () => {
		const md = await vscode.commands.executeCommand<vscode.Uri[]>('newsSeed.exportClaims', { format: 'markdown', scope: [article], outDir });
		const report = await read(md[0]);
		assert.match(report, /^# Claims report/);
		assert.match(report, /### Budget Questions Remain\n\n- \*\*True\*\* · \[line \d+\]\(\.\.\/960_00000000000000e9\.txt#L\d+\): \*the figure omits interest and fees\*/);
		await waitFor('the Markdown preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /Preview/.test(t.label) && t.label.includes('960_00000000000000e9')) ?? undefined);
	});

	test('an unknown format is refused', async () => {
		await assert.rejects(Promise.resolve(vscode.commands.executeCommand('newsSeed.exportClaims', { format: 'pdf', scope: [article], outDir })), /Unknown export format/);
	});
});
