// Claims in a real VS Code: tagging by command, the sidecar on disk, anchoring through edits in the editor and
// on disk, the Unanchored group, damaged sidecars left untouched, concurrent changes merged, emoji offsets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionId, sleep, waitFor, workspaceFile } from './support';

interface SnapshotClaim {
	id: string;
	article: string;
	verdict: string;
	note: string;
	status: 'anchored' | 'fuzzy' | 'unanchored';
	readOnly: boolean;
	conflict: string | null;
	quote: string;
	span: { start: number; end: number } | null;
	range: number[] | null;
}
interface Snapshot {
	grouping: string;
	groups: { kind: string; label: string; description: string; problem: string | null; count: number; claims: SnapshotClaim[] }[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Article names of this suite: seed names, so they open as News Seed; one per test, never reused. */
let counter = 0;
function articleName(): string {
	counter++;
	return `97${counter % 10}_${counter.toString(16).padStart(16, 'c')}.txt`;
}

const paragraphs = [
	' date 2024-03-16 Fans 🎉🎉 cheered in the square on Saturday. Mayor Ana Ruiz said the new bridge cost 5 million dollars.',
	'',
	'Council Budget',
	'',
	'The council approved the budget by seven votes to two. According to the treasurer, taxes will not rise next year.',
	'',
	'Critics said the vote was rushed and that the audit 🧾 was never published.',
];
const articleText = paragraphs.join('\n');

async function createArticle(text = articleText): Promise<vscode.Uri> {
	const uri = workspaceFile(articleName());
	await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
	return uri;
}

function sidecarOf(article: vscode.Uri): vscode.Uri {
	return vscode.Uri.joinPath(article, '..', article.path.slice(article.path.lastIndexOf('/') + 1).replace(/\.txt$/, '.claims.json'));
}

async function readOrNull(uri: vscode.Uri): Promise<string | null> {
	try {
		return decoder.decode(await vscode.workspace.fs.readFile(uri));
	} catch {
		return null;
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readSidecar(article: vscode.Uri): Promise<any> {
	// VS Code's rename with overwrite deletes the target first: a sidecar being replaced is missing for a moment.
	const text = await waitFor('the sidecar on disk', () => readOrNull(sidecarOf(article)).then((t) => t ?? undefined), 2000);
	return JSON.parse(text);
}

/** The range, as the tag command takes it, of `needle` in the document. */
function rangeOf(document: vscode.TextDocument, needle: string): number[] {
	const at = document.getText().indexOf(needle);
	assert.ok(at >= 0, `"${needle}" is in the article`);
	const start = document.positionAt(at);
	const end = document.positionAt(at + needle.length);
	return [start.line, start.character, end.line, end.character];
}

async function tag(document: vscode.TextDocument, needle: string, verdict = 'Unchecked', note = ''): Promise<string> {
	const id = await vscode.commands.executeCommand<string | undefined>('newsSeed.tagClaim', { uri: document.uri.toString(), range: rangeOf(document, needle), verdict, note });
	assert.ok(typeof id === 'string' && id.startsWith('urn:uuid:'), `tagClaim returns the new id (got ${String(id)})`);
	return id;
}

async function snapshot(): Promise<Snapshot> {
	return (await vscode.commands.executeCommand<Snapshot>('newsSeed.claims.snapshot'))!;
}

async function findInSnapshot(id: string): Promise<{ group: Snapshot['groups'][number]; claim: SnapshotClaim } | undefined> {
	for (const group of (await snapshot()).groups) {
		const claim = group.claims.find((c) => c.id === id);
		if (claim) {
			return { group, claim };
		}
	}
	return undefined;
}

/** Code points before a UTF-16 offset. */
function codePointsBefore(text: string, offset: number): number {
	return [...text.slice(0, offset)].length;
}

suite('claims', () => {
	teardown(closeAllEditors);

	test('tagging by command with arguments writes the sidecar, positions in code points', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		assert.equal(await readOrNull(sidecarOf(uri)), null, 'no sidecar before the first claim');
		const needle = 'the new bridge cost 5 million dollars';
		const id = await tag(document, needle, 'Mostly false', 'Budget papers say **4.2** million.');
		const sidecar = await readSidecar(uri);
		assert.equal(sidecar.schemaVersion, 2);
		assert.equal(sidecar.article.fileName, uri.path.slice(uri.path.lastIndexOf('/') + 1));
		assert.equal(sidecar.article.date, '2024-03-16');
		assert.match(sidecar.article.sha256, /^[0-9a-f]{64}$/);
		assert.equal(sidecar.claims.length, 1);
		const claim = sidecar.claims[0];
		assert.equal(claim.id, id);
		assert.equal(claim.motivation, 'assessing');
		assert.equal(claim.body.verdict, 'Mostly false');
		assert.equal(claim.body.note, 'Budget papers say **4.2** million.');
		assert.equal(claim.body.claimant, 'Ana Ruiz', 'the claimant is offered from "Mayor Ana Ruiz said"');
		const [quote, position] = claim.target.selector;
		assert.deepEqual(claim.anchoring, { state: 'exact' }, 'the anchoring state is written with the claim');
		assert.equal(quote.exact, needle);
		assert.ok(quote.prefix.endsWith('Ruiz said '), quote.prefix);
		const utf16 = articleText.indexOf(needle);
		// Two emoji before the claim: 4 UTF-16 units but 2 code points.
		assert.equal(position.start, codePointsBefore(articleText, utf16));
		assert.equal(position.start, utf16 - 2);
		assert.equal(position.end - position.start, needle.length);
		assert.ok(claim.creator === null || typeof claim.creator === 'string');
		const seen = await waitFor('the claim in the Claims view', async () => (await findInSnapshot(id)));
		assert.equal(seen.group.kind, 'article');
		assert.equal(seen.claim.status, 'anchored');
	});

	test('tagging the sentence under the cursor, hover shows the claim with escaped note and our command links', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const inside = document.positionAt(articleText.indexOf('taxes will not rise') + 3);
		editor.selection = new vscode.Selection(inside, inside);
		const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { verdict: 'true', note: 'See [minutes](command:newsSeed.removeClaim?%5B%22x%22%5D) <b>bold</b>' });
		const sidecar = await readSidecar(uri);
		const claim = sidecar.claims.find((c: { id: string }) => c.id === id);
		assert.equal(claim.target.selector[0].exact, 'According to the treasurer, taxes will not rise next year.');
		assert.equal(claim.body.verdict, 'True', 'the label as the scale spells it');
		assert.equal(claim.body.claimant, 'treasurer');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, inside);
		const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
		assert.match(markdown, /Claim: True/);
		assert.match(markdown, /command:newsSeed\.setVerdict\?/, 'a link to set the verdict');
		assert.ok(!markdown.includes('](command:newsSeed.removeClaim?%5B%22x%22%5D)'), 'the note cannot carry a working command link');
		assert.match(markdown, /Claimant: treasurer/);
	});

	test('claims move with their text while the article is edited, and are saved with it', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const needle = 'the audit 🧾 was never published';
		const id = await tag(document, needle, 'Unverifiable');
		const before = (await readSidecar(uri)).claims[0].target.selector[1];
		const line = document.positionAt(articleText.indexOf(needle)).line;
		const edit = new vscode.WorkspaceEdit();
		const inserted = 'A new paragraph 🚀 about something else.\n\n';
		edit.insert(uri, new vscode.Position(2, 0), inserted);
		assert.ok(await vscode.workspace.applyEdit(edit));
		const moved = await waitFor('the claim to move two lines down', async () => {
			const found = await findInSnapshot(id);
			return found?.claim.range?.[0] === line + 2 ? found : undefined;
		});
		assert.equal(document.getText(new vscode.Range(moved.claim.range![0], moved.claim.range![1], moved.claim.range![2], moved.claim.range![3])), needle);
		// Not written on every keystroke: the sidecar still holds the old position until the article is saved.
		assert.deepEqual((await readSidecar(uri)).claims[0].target.selector[1], before);
		// The web workbench auto-saves after a delay; save() reports false when that already happened.
		await document.save();
		const saved = await waitFor('the saved position', async () => {
			const position = (await readSidecar(uri)).claims[0].target.selector[1];
			return position.start !== before.start ? position : undefined;
		});
		assert.equal(saved.start, before.start + [...inserted].length);
		assert.equal(saved.end - saved.start, [...needle].length);
	});

	test('an article rewritten on disk is re-anchored; changed text waits for confirmation', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const exactId = await tag(document, 'The council approved the budget by seven votes to two.', 'True');
		const fuzzyId = await tag(document, 'Critics said the vote was rushed', 'Half true');
		const rewritten = [
			paragraphs[0], '', 'Background', '', 'An extra paragraph written elsewhere, before the claims.', '',
			paragraphs[2], '', paragraphs[4], '', 'Critics said the vote was hurried and that the audit 🧾 was never published.',
		].join('\n');
		await vscode.workspace.fs.writeFile(uri, encoder.encode(rewritten));
		const exact = await waitFor('the exact claim at its new place', async () => {
			const found = await findInSnapshot(exactId);
			return found?.claim.span?.start === rewritten.indexOf('The council approved') ? found : undefined;
		}, 10_000);
		assert.equal(exact.claim.status, 'anchored');
		const fuzzy = await waitFor('the changed claim marked fuzzy', async () => {
			const found = await findInSnapshot(fuzzyId);
			return found?.claim.status === 'fuzzy' ? found : undefined;
		}, 10_000);
		assert.equal(fuzzy.claim.quote, 'Critics said the vote was rushed', 'the stored quote is kept until confirmed');
		assert.equal(await vscode.commands.executeCommand('newsSeed.acceptClaimAnchor', fuzzyId), fuzzyId);
		const stored = (await readSidecar(uri)).claims.find((c: { id: string }) => c.id === fuzzyId);
		assert.equal(stored.target.selector[0].exact, 'Critics said the vote was hurried');
		assert.equal((await findInSnapshot(fuzzyId))?.claim.status, 'anchored');
	});

	test('deleting a claim\'s sentence leaves the claim unanchored, in its own group, kept in the sidecar', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const sentence = 'According to the treasurer, taxes will not rise next year.';
		const id = await tag(document, sentence, 'False');
		const at = document.getText().indexOf(sentence);
		const edit = new vscode.WorkspaceEdit();
		edit.delete(uri, new vscode.Range(document.positionAt(at - 1), document.positionAt(at + sentence.length)));
		assert.ok(await vscode.workspace.applyEdit(edit));
		const found = await waitFor('the claim in the Unanchored group', async () => {
			const f = await findInSnapshot(id);
			return f?.group.kind === 'unanchored' ? f : undefined;
		});
		assert.equal(found.claim.status, 'unanchored');
		assert.equal(found.group.label, 'Unanchored');
		await document.save();
		await sleep(300);
		const claims = (await readSidecar(uri)).claims;
		assert.equal(claims.length, 1, 'never deleted silently');
		assert.equal(claims[0].target.selector[0].exact, sentence);
	});

	test('a damaged sidecar is reported, shown read-only and never overwritten', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const id = await tag(document, 'The council approved the budget by seven votes to two.', 'True');
		const sidecarUri = sidecarOf(uri);
		const good = (await readOrNull(sidecarUri))!;
		// Valid JSON that breaks the schema outside the claims: the claims stay readable, read-only.
		const schemaBroken = good.replace(/"sha256": "[0-9a-f]+"/, '"sha256": "not a hash"');
		assert.notEqual(schemaBroken, good);
		await vscode.workspace.fs.writeFile(sidecarUri, encoder.encode(schemaBroken));
		const readOnly = await waitFor('the claim shown read-only', async () => {
			const f = await findInSnapshot(id);
			return f?.claim.readOnly ? f : undefined;
		}, 10_000);
		assert.ok(readOnly.group.problem, 'the article group says what is wrong');
		assert.equal(await vscode.commands.executeCommand('newsSeed.setVerdict', id, 'False'), undefined, 'setVerdict refuses');
		assert.equal(await vscode.commands.executeCommand('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf(document, 'Critics said'), verdict: 'True' }), undefined, 'tagClaim refuses');
		assert.equal(await readOrNull(sidecarUri), schemaBroken, 'byte for byte untouched');
		// Not JSON at all, written just before a tag attempt (no time for the watcher).
		const garbage = '{ "schemaVersion": 1, "claims": [ oops';
		await vscode.workspace.fs.writeFile(sidecarUri, encoder.encode(garbage));
		assert.equal(await vscode.commands.executeCommand('newsSeed.tagClaim', { uri: uri.toString(), range: rangeOf(document, 'Critics said'), verdict: 'True' }), undefined);
		await vscode.commands.executeCommand('newsSeed.removeClaim', id);
		await sleep(500);
		assert.equal(await readOrNull(sidecarUri), garbage, 'byte for byte untouched');
		const diagnostics = vscode.languages.getDiagnostics(sidecarUri).filter((d) => d.source === 'News Seed claims');
		assert.ok(diagnostics.length > 0, 'the problem is reported where it is');
	});

	test('a sidecar changed on disk while we change claims: both sides kept (3-way merge)', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const a = await tag(document, 'The council approved the budget by seven votes to two.', 'Unchecked');
		const sidecarUri = sidecarOf(uri);
		const theirs = await readSidecar(uri);
		const b = structuredClone(theirs.claims[0]);
		b.id = 'urn:uuid:00000000-0000-4000-8000-0000000000bb';
		b.body.verdict = 'False';
		b.body.note = 'added in another window';
		const bText = 'Critics said the vote was rushed';
		const bStart = codePointsBefore(articleText, articleText.indexOf(bText));
		b.target.selector[0] = { type: 'TextQuoteSelector', exact: bText, prefix: '', suffix: '' };
		b.target.selector[1] = { type: 'TextPositionSelector', start: bStart, end: bStart + bText.length };
		theirs.claims.push(b);
		await vscode.workspace.fs.writeFile(sidecarUri, encoder.encode(`${JSON.stringify(theirs, null, 2)}\n`));
		// At once, before or after the watcher reports it: our changes must not drop theirs, nor theirs ours.
		assert.equal(await vscode.commands.executeCommand('newsSeed.setVerdict', a, 'Mostly true'), a);
		const c = await tag(document, 'taxes will not rise next year', 'Half true');
		const merged = await waitFor('all three claims on disk', async () => {
			const s = await readSidecar(uri);
			return s.claims.length === 3 ? s : undefined;
		});
		const byId = new Map(merged.claims.map((x: { id: string }) => [x.id, x]));
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const get = (id: string): any => byId.get(id);
		assert.equal(get(a).body.verdict, 'Mostly true');
		assert.equal(get(b.id).body.note, 'added in another window');
		assert.equal(get(c).body.verdict, 'Half true');
		await waitFor('claim b in the view', async () => (await findInSnapshot(b.id))?.claim.status === 'anchored' || undefined);
	});

	test('next and previous claim walk the article; removing the last claim deletes the sidecar', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const first = await tag(document, 'Fans 🎉🎉 cheered in the square on Saturday.');
		const second = await tag(document, 'The council approved the budget');
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		assert.equal(await vscode.commands.executeCommand('newsSeed.nextClaim'), first);
		assert.equal(editor.document.getText(editor.selection), 'Fans 🎉🎉 cheered in the square on Saturday.');
		assert.equal(await vscode.commands.executeCommand('newsSeed.nextClaim'), second);
		assert.equal(await vscode.commands.executeCommand('newsSeed.previousClaim'), first);
		assert.equal(await vscode.commands.executeCommand('newsSeed.previousClaim'), second, 'wraps around');
		await vscode.commands.executeCommand('newsSeed.removeClaim', first);
		assert.equal((await readSidecar(uri)).claims.length, 1);
		await vscode.commands.executeCommand('newsSeed.removeClaim', second);
		assert.equal(await readOrNull(sidecarOf(uri)), null, 'deleted with the last claim');
		assert.equal(await findInSnapshot(second), undefined);
	});

	test('a sidecar that appears on disk for an article never opened is read, and follows the article file', async () => {
		const uri = await createArticle();
		const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
		const exact = 'the new bridge cost 5 million dollars';
		const start = codePointsBefore(articleText, articleText.indexOf(exact));
		const id = 'urn:uuid:00000000-0000-4000-8000-00000000e0e0';
		const time = '2024-03-17T09:00:00.000Z';
		const sidecar = {
			schemaVersion: 1,
			article: { fileName: name, sha256: '0'.repeat(64), date: '2024-03-16' },
			claims: [{
				id, type: 'Annotation', motivation: 'assessing', creator: 'someone else', created: time, modified: time,
				body: { verdict: 'False', claimant: null, note: 'from git', tags: [], sources: [] },
				target: { source: name, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
			}],
		};
		await vscode.workspace.fs.writeFile(sidecarOf(uri), encoder.encode(`${JSON.stringify(sidecar, null, 2)}\n`));
		const found = await waitFor('the claim from disk in the view', async () => {
			const f = await findInSnapshot(id);
			return f?.claim.status === 'anchored' ? f : undefined;
		}, 10_000);
		assert.equal(found.claim.span?.start, articleText.indexOf(exact));
		assert.equal(found.claim.note, 'from git');
		const changed = articleText
			.replace('Fans 🎉🎉 cheered', 'Fans 🎉🎉🌉 loudly cheered')
			.replace('Council Budget', 'A paragraph added by a checkout.\n\nCouncil Budget')
			.replace(exact, 'the new bridge cost 5 million euros');
		// The article is not open: the change reaches us through the file watcher alone.
		assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the article is not open');
		await vscode.workspace.fs.writeFile(uri, encoder.encode(changed));
		const moved = await waitFor('the claim re-anchored after the article changed on disk', async () => {
			const f = await findInSnapshot(id);
			return f?.claim.status === 'fuzzy' ? f : undefined;
		}, 10_000);
		assert.equal(moved.claim.quote, exact, 'the stored quote is kept until confirmed');
		assert.equal(moved.claim.span?.start, changed.indexOf('the new bridge cost 5 million euros'));
	});

	test('the view groups by verdict and filters', async () => {
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const id = await tag(document, 'Critics said the vote was rushed', 'Mostly false');
		await vscode.commands.executeCommand('newsSeed.claims.groupByVerdict');
		try {
			const found = await findInSnapshot(id);
			assert.equal(found?.group.kind, 'verdict');
			assert.equal(found?.group.label, 'Mostly false');
			await vscode.commands.executeCommand('newsSeed.claims.filter', ['True', 'False']);
			assert.equal(await findInSnapshot(id), undefined, 'hidden by the filter');
		} finally {
			await vscode.commands.executeCommand('newsSeed.claims.filter', ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unverifiable', 'Unchecked']);
			await vscode.commands.executeCommand('newsSeed.claims.groupByArticle');
		}
		assert.equal((await findInSnapshot(id))?.group.kind, 'article');
	});

	test('the command line importing while the editor has a claim change in flight: both are kept', async function () {
		// The command line is a desktop program: the browser's web-worker host has no processes.
		if (typeof process === 'undefined') {
			this.skip();
		}
		const { spawn } = await import('node:child_process');
		const { hostname } = await import('node:os');
		// A child process, the file watcher and several writes: slow on a loaded machine.
		this.timeout(90_000);
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const a = await tag(document, 'The council approved the budget by seven votes to two.', 'Unchecked');
		const sidecarUri = sidecarOf(uri);
		const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
		// Hold the sidecar's lock (as a writer would) so that both writes are surely pending at the same time.
		const lockUri = vscode.Uri.joinPath(sidecarUri, '..', `.${name.replace(/\.txt$/, '.claims.json')}.lock`);
		await vscode.workspace.fs.writeFile(lockUri, encoder.encode(`${hostname()} ${process.pid} test-holder ${new Date().toISOString()}`));
		const bText = 'Critics said the vote was rushed';
		const bStart = codePointsBefore(articleText, articleText.indexOf(bText));
		const annUri = vscode.Uri.joinPath(uri, '..', `${name}.import.ann`);
		await vscode.workspace.fs.writeFile(annUri, encoder.encode(`T1\tClaim ${bStart} ${bStart + bText.length}\t${bText}\n#1\tAnnotatorNotes T1\tfrom the command line\n`));
		const change = vscode.commands.executeCommand('newsSeed.setVerdict', a, 'Mostly true');
		const cli = `${vscode.extensions.getExtension(extensionId)!.extensionPath}/dist/cli.js`;
		const imported = new Promise<{ code: number | null; output: string }>((resolve) => {
			const child = spawn(process.execPath, [cli, 'import', '--format', 'brat', '--article', uri.fsPath, annUri.fsPath], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
			let output = '';
			child.stdout.on('data', (d: Buffer) => (output += d.toString()));
			child.stderr.on('data', (d: Buffer) => (output += d.toString()));
			child.on('close', (code) => resolve({ code, output }));
		});
		await sleep(1500);
		await vscode.workspace.fs.delete(lockUri);
		assert.equal(await change, a);
		const result = await imported;
		assert.equal(result.code, 0, result.output);
		const both = await waitFor('both claims on disk', async () => {
			const s = await readSidecar(uri);
			return s.claims.length === 2 ? s : undefined;
		});
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const claims = both.claims as any[];
		assert.equal(claims.find((c) => c.id === a).body.verdict, 'Mostly true');
		const b = claims.find((c) => c.id !== a);
		assert.equal(b.target.selector[0].exact, bText);
		assert.equal(both.schemaVersion, 2);
		await waitFor('the imported claim in the view', async () => (await findInSnapshot(b.id))?.claim.status === 'anchored' || undefined);
	});

	test('a claim changed on both sides keeps both versions; the conflict is shown and resolved by choosing one', async function () {
		// A child process, the file watcher and several writes: slow on a loaded machine.
		this.timeout(90_000);
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const a = await tag(document, 'The council approved the budget by seven votes to two.', 'Unchecked');
		const sidecarUri = sidecarOf(uri);
		// As a merge in another window, the command line or the git merge driver leaves it: both versions kept.
		const kept = await readSidecar(uri);
		const other = structuredClone(kept.claims[0]);
		other.body.verdict = 'True';
		other.body.note = 'our note';
		kept.claims[0].body.verdict = 'False';
		kept.claims[0].body.note = 'their note';
		kept.claims[0].conflict = { kind: 'changed-on-both', versions: [other] };
		await vscode.workspace.fs.writeFile(sidecarUri, encoder.encode(`${JSON.stringify(kept, null, 2)}\n`));
		const shown = await waitFor('the conflict in the view', async () => {
			const f = await findInSnapshot(a);
			return f?.claim.conflict ? f : undefined;
		});
		assert.equal(shown.claim.conflict, 'changed-on-both');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf('The council') + 3));
		const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
		assert.match(hoverText, /Merge conflict/);
		assert.match(hoverText, /command:newsSeed\.resolveClaimConflict/);
		assert.equal(await vscode.commands.executeCommand('newsSeed.resolveClaimConflict', a, 0), a);
		const resolved = await waitFor('the resolved claim on disk', async () => {
			const s = await readSidecar(uri);
			return s.claims[0].conflict === undefined ? s : undefined;
		});
		assert.equal(resolved.claims[0].body.note, 'our note');
		assert.equal(resolved.claims[0].body.verdict, 'True');
	});

	test('a sidecar whose bytes are not UTF-8 is reported, shown read-only and never rewritten', async function () {
		// A child process, the file watcher and several writes: slow on a loaded machine.
		this.timeout(90_000);
		const uri = await createArticle();
		const document = await vscode.workspace.openTextDocument(uri);
		const id = await tag(document, 'The council approved the budget by seven votes to two.', 'True');
		const sidecarUri = sidecarOf(uri);
		const good = (await readOrNull(sidecarUri))!;
		const bytes = encoder.encode(good);
		bytes[encoder.encode(good.slice(0, good.indexOf('"True"') + 1)).length] = 0xff;
		await vscode.workspace.fs.writeFile(sidecarUri, bytes);
		await waitFor('the claim shown read-only', async () => (await findInSnapshot(id))?.claim.readOnly || undefined, 10_000);
		assert.equal(await vscode.commands.executeCommand('newsSeed.setVerdict', id, 'False'), undefined, 'setVerdict refuses');
		assert.deepEqual([...await vscode.workspace.fs.readFile(sidecarUri)], [...bytes], 'byte for byte untouched');
		const diagnostics = vscode.languages.getDiagnostics(sidecarUri).filter((d) => d.source === 'News Seed claims');
		assert.ok(diagnostics.some((d) => /not valid UTF-8/.test(d.message)), 'the problem is reported');
	});
});
