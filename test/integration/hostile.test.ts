// Hostile files in a real VS Code: a sidecar whose note tries to run a command or load an image, and an
// import file whose target climbs out of its folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gitCommands, registeredCommands, testOnlyCommands } from '../../src/vscode/commandIds';
import { closeAllEditors, inBrowserHost, sleep, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();

const articleText = ' date 2024-03-16 Mayor Ana Ruiz said the new bridge cost 5 million dollars. Critics disagreed.';
const exact = 'the new bridge cost 5 million dollars';
const claimId = 'urn:uuid:0d1e2f30-0000-4000-8000-00000000beef';

/** A note from someone else's sidecar: escaped scheme, entity, reference link, autolink, HTML and a remote image. */
const hostileNote = [
	'[see](command\\:newsSeed.removeClaim?%5B%22urn%3Auuid%3A0d1e2f30-0000-4000-8000-00000000beef%22%5D)',
	'[a](command&#58;newsSeed.removeClaim) <command:newsSeed.removeClaim> [r]',
	'![x](https://evil.example/track.png) <img src="https://evil.example/t.png"> [j](javascript:alert(1))',
	'',
	'[r]: command:newsSeed.removeClaim',
].join('\n');

function sidecarText(fileName: string, note: string): string {
	const start = articleText.indexOf(exact);
	return JSON.stringify({
		schemaVersion: 1,
		article: { fileName, sha256: '0'.repeat(64), date: '2024-03-16' },
		claims: [{
			id: claimId, type: 'Annotation', motivation: 'assessing', creator: 'Mallory', created: '2024-03-17T09:00:00.000Z', modified: '2024-03-17T09:00:00.000Z',
			body: { verdict: 'False', claimant: '[x](command:newsSeed.removeClaim)', note, tags: ['<b>t</b>'], sources: ['javascript:alert(1)'] },
			target: { source: fileName, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
		}],
	}, null, 2);
}

function markdownOf(hovers: readonly vscode.Hover[]): vscode.MarkdownString[] {
	return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

/** Link and image targets `](target)` not preceded by a backslash-escaped bracket. */
function linkTargets(markdown: string): string[] {
	return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]);
}

suite('hostile input', () => {
	suiteTeardown(closeAllEditors);

	test('a hostile claim note yields no link but the hover\'s own command links, and only those commands are enabled', async () => {
		const name = '985_00000000000000be.txt';
		const article = workspaceFile(name);
		await vscode.workspace.fs.writeFile(workspaceFile('985_00000000000000be.claims.json'), encoder.encode(sidecarText(name, hostileNote)));
		await vscode.workspace.fs.writeFile(article, encoder.encode(articleText));
		const document = await vscode.workspace.openTextDocument(article);
		await vscode.window.showTextDocument(document);
		const inside = document.positionAt(articleText.indexOf(exact) + 5);
		const hover = await waitFor('the claim hover', async () => {
			const found = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', article, inside)).find((m) => m.value.includes('Claim: False'));
			return found;
		});
		const markdown = hover.value;
		assert.ok(markdown.includes('removeClaim'), 'the note is shown (as text)');
		assert.ok(!/!\[|<img|<a /i.test(markdown.replace(/\\[!<]/g, '')), `no image or HTML: ${markdown}`);
		const targets = linkTargets(markdown);
		const ours = ['newsSeed.setVerdict', 'newsSeed.editNote', 'newsSeed.removeClaim'];
		assert.deepEqual(targets.map((t) => t.replace(/\?.*$/, '')), ours.map((c) => `command:${c}`), markdown);
		for (const target of targets) {
			assert.deepEqual(JSON.parse(decodeURIComponent(target.slice(target.indexOf('?') + 1))), [claimId]);
		}
		assert.deepEqual(hover.isTrusted, { enabledCommands: ours });
		assert.ok(!hover.supportHtml);
	});

	test('the editor\'s import refuses a W3C target that climbs out of the import file\'s folder and writes nothing for it', async () => {
		const victim = workspaceFile('986_00000000000000be.txt');
		await vscode.workspace.fs.writeFile(victim, encoder.encode(articleText));
		const importFile = workspaceFile('hostile-import/claims.jsonld');
		const annotation = (source: string) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x' }], target: { source, selector: { type: 'TextQuoteSelector', exact } } });
		await vscode.workspace.fs.writeFile(importFile, encoder.encode(JSON.stringify([annotation('urn:x:..%2F986_00000000000000be.txt'), annotation('urn:x:..%5C986_00000000000000be.txt')])));
		const results = await vscode.commands.executeCommand<unknown[]>('newsSeed.importClaims', { format: 'w3c', files: [importFile] });
		assert.deepEqual(results, [], 'no article imported into');
		await sleep(300);
		await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceFile('986_00000000000000be.claims.json'))), 'no sidecar outside the folder');
	});

	test('the editor\'s export never overwrites a file that no earlier export wrote', async () => {
		const article = workspaceFile('985_00000000000000be.txt');
		const outDir = workspaceFile('hostile-out');
		const mine = vscode.Uri.joinPath(outDir, '985_00000000000000be.claims.csv');
		await vscode.workspace.fs.writeFile(mine, encoder.encode('name,phone\r\nAna,555\r\n'));
		await assert.rejects(Promise.resolve(vscode.commands.executeCommand('newsSeed.exportClaims', { format: 'csv', scope: [article], outDir })), /not an earlier export; nothing written/);
		assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(mine)), 'name,phone\r\nAna,555\r\n');
		await vscode.workspace.fs.delete(mine);
		await vscode.commands.executeCommand('newsSeed.exportClaims', { format: 'csv', scope: [article], outDir });
		await vscode.commands.executeCommand('newsSeed.exportClaims', { format: 'csv', scope: [article], outDir });
		assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(mine)), /^article,date,title,claim_id/, 'an earlier export is replaced');
	});

	test('every command of the table is registered, the test-only ones too (reachable with executeCommand, not declared)', async () => {
		const registered = new Set(await vscode.commands.getCommands(true));
		// Git runs as a process: its commands exist on the desktop only.
		const desktopOnly = new Set<string>(inBrowserHost ? Object.values(gitCommands) : []);
		for (const { id } of registeredCommands) {
			assert.equal(registered.has(id), !desktopOnly.has(id), `${id} is ${desktopOnly.has(id) ? 'not ' : ''}registered`);
		}
		const snapshot = await vscode.commands.executeCommand<{ groups: unknown[] }>(testOnlyCommands.claimsSnapshot);
		assert.ok(Array.isArray(snapshot.groups));
	});
});
