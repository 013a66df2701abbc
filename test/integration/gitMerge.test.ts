// desktop only: git and the command line run as processes.
// Teams in a real VS Code: a sidecar holding git conflict markers resolved by command (and offered as a quick
// fix), claim merging set up for a git repository (then used by a real `git merge`), a sidecar moved beside
// its renamed article.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

let counter = 0;
function articleName(): string {
	counter++;
	return `98${counter % 10}_${counter.toString(16).padStart(16, 'd')}.txt`;
}

const articleText = [
	' date 2024-03-16 Mayor Ana Ruiz said the new bridge cost 5 million dollars.',
	'',
	'The council approved the budget by seven votes to two. According to the treasurer, taxes will not rise next year.',
].join('\n');

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

function rangeOf(document: vscode.TextDocument, needle: string): number[] {
	const at = document.getText().indexOf(needle);
	assert.ok(at >= 0, `"${needle}" is in the article`);
	const start = document.positionAt(at);
	const end = document.positionAt(at + needle.length);
	return [start.line, start.character, end.line, end.character];
}

/** An article with one tagged claim; resolves to the article, its sidecar's text and the claim's id. */
async function articleWithClaim(): Promise<{ article: vscode.Uri; sidecar: vscode.Uri; text: string; id: string }> {
	const article = workspaceFile(articleName());
	await vscode.workspace.fs.writeFile(article, encoder.encode(articleText));
	const document = await vscode.workspace.openTextDocument(article);
	const id = await vscode.commands.executeCommand<string>('newsSeed.tagClaim', { uri: article.toString(), range: rangeOf(document, 'the new bridge cost 5 million dollars'), verdict: 'Mostly false' });
	assert.ok(typeof id === 'string');
	const sidecar = sidecarOf(article);
	const text = await waitFor('the sidecar', () => readOrNull(sidecar).then((t) => (t?.includes(id) ? t : undefined)));
	return { article, sidecar, text, id };
}

interface SnapshotClaim {
	id: string;
	readOnly: boolean;
}
async function claimInView(id: string): Promise<SnapshotClaim | undefined> {
	const snapshot = await vscode.commands.executeCommand<{ groups: { claims: SnapshotClaim[] }[] }>('newsSeed.claims.snapshot');
	return snapshot?.groups.flatMap((g) => g.claims).find((c) => c.id === id);
}

function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_EDITOR: 'true' } });
}

suite('git', () => {
	teardown(closeAllEditors);

	test('Resolve Claim Merge Conflict: a sidecar with conflict markers becomes a valid sidecar holding both sides\' claims', async function () {
		// Tags, waits for the file watcher twice and asks for code actions: slow on a loaded machine.
		this.timeout(120_000);
		const { sidecar, text, id } = await articleWithClaim();
		// Theirs: the same claim judged differently, and a second claim.
		const theirs = JSON.parse(text);
		const second = structuredClone(theirs.claims[0]);
		second.id = 'urn:uuid:00000000-0000-4000-8000-0000000000dd';
		second.body.verdict = 'True';
		second.target.selector[0].exact = 'The council approved the budget by seven votes to two.';
		const start = articleText.indexOf(second.target.selector[0].exact);
		second.target.selector[0].prefix = articleText.slice(start - 2, start);
		second.target.selector[0].suffix = ' According to';
		second.target.selector[1] = { type: 'TextPositionSelector', start, end: start + second.target.selector[0].exact.length };
		theirs.claims.push(second);
		const marked = `<<<<<<< HEAD\n${text}=======\n${JSON.stringify(theirs, null, 2)}\n>>>>>>> bob\n`;
		await vscode.workspace.fs.writeFile(sidecar, encoder.encode(marked));

		await waitFor('the claims shown read-only', async () => ((await claimInView(id))?.readOnly ? true : undefined), 30_000);
		const diagnostics = await waitFor('the problem reported', () => {
			const found = vscode.languages.getDiagnostics(sidecar).filter((d) => /merge conflict markers/.test(d.message));
			return found.length > 0 ? found : undefined;
		}, 30_000);
		assert.equal(diagnostics.length, 1, 'one problem, not dozens of JSON errors');
		// Code actions are asked of a loaded document, as for the light bulb of an open editor.
		await vscode.workspace.openTextDocument(sidecar);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sidecar, diagnostics[0].range);
		const fix = actions?.find((a) => a.title === 'Resolve Claim Merge Conflict');
		assert.ok(fix?.command, 'the quick fix is offered');
		assert.equal(fix.command.command, 'newsSeed.resolveClaimMergeConflict');

		const result = await vscode.commands.executeCommand<{ status: string; claims: number; conflicts: number }>('newsSeed.resolveClaimMergeConflict', sidecar, { confirm: false });
		assert.deepEqual(result, { status: 'resolved', claims: 2, conflicts: 0 });
		const resolved = JSON.parse((await readOrNull(sidecar))!);
		assert.deepEqual(resolved.claims.map((c: { id: string }) => c.id).sort(), [id, second.id].sort());
		assert.ok(!(await readOrNull(sidecar))!.includes('<<<<<<<'));
		await waitFor('the claims editable again', async () => {
			const [first, other] = [await claimInView(id), await claimInView(second.id)];
			return first && other && !first.readOnly && !other.readOnly ? true : undefined;
		}, 30_000);
		assert.equal(vscode.languages.getDiagnostics(sidecar).filter((d) => /merge conflict/.test(d.message)).length, 0, 'the problem is gone');

		const again = await vscode.commands.executeCommand<{ status: string }>('newsSeed.resolveClaimMergeConflict', sidecar, { confirm: false });
		assert.equal(again?.status, 'none', 'nothing left to resolve');
	});

	test('Set Up Claim Merging: .gitattributes and the driver in the repository\'s config; git merge then uses it', async function () {
		this.timeout(60_000);
		const folder = workspaceFile(`team-${Date.now()}`);
		await vscode.workspace.fs.createDirectory(folder);
		const dir = folder.fsPath;
		git(dir, 'init', '-q', '-b', 'main');
		git(dir, 'config', 'user.name', 'Test Reviewer');
		git(dir, 'config', 'user.email', 'reviewer@example.org');
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.gitattributes'), encoder.encode('*.png binary\n'));
		const root = await vscode.commands.executeCommand<string>('newsSeed.setUpClaimMerging', folder);
		assert.equal(root, dir);
		assert.equal(await readOrNull(vscode.Uri.joinPath(folder, '.gitattributes')), '*.png binary\n*.claims.json merge=news-seed\n');
		const driver = git(dir, 'config', '--get', 'merge.news-seed.driver').trim();
		assert.match(driver, /dist\/cli\.js'? merge-driver %O %A %B %P$/);

		// Two sides each add the sidecar of one article, each with its own claim: git merges them with the driver.
		const { sidecar, text, id } = await articleWithClaim();
		const name = sidecar.path.slice(sidecar.path.lastIndexOf('/') + 1);
		const other = JSON.parse(text);
		other.claims[0].id = 'urn:uuid:00000000-0000-4000-8000-0000000000ee';
		git(dir, 'add', '.gitattributes');
		git(dir, 'commit', '-q', '-m', 'set up');
		git(dir, 'checkout', '-q', '-b', 'bob');
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), encoder.encode(`${JSON.stringify(other, null, 2)}\n`));
		git(dir, 'add', name);
		git(dir, 'commit', '-q', '-m', 'bob');
		git(dir, 'checkout', '-q', 'main');
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), encoder.encode(text));
		git(dir, 'add', name);
		git(dir, 'commit', '-q', '-m', 'ada');
		git(dir, 'merge', '-q', '--no-edit', 'bob');
		const merged = JSON.parse((await readOrNull(vscode.Uri.joinPath(folder, name)))!);
		assert.deepEqual(merged.claims.map((c: { id: string }) => c.id).sort(), [id, other.claims[0].id].sort());
	});

	test('Move Sidecar: the claims follow an article renamed without its sidecar', async function () {
		this.timeout(60_000);
		const { article, sidecar, id } = await articleWithClaim();
		await closeAllEditors();
		const renamed = workspaceFile(articleName());
		await vscode.workspace.fs.rename(article, renamed);
		const moved = await vscode.commands.executeCommand<vscode.Uri>('newsSeed.moveSidecar', sidecar, renamed);
		assert.equal(moved?.toString(), sidecarOf(renamed).toString());
		assert.equal(await readOrNull(sidecar), null, 'the old sidecar is gone');
		const record = JSON.parse((await readOrNull(sidecarOf(renamed)))!);
		assert.equal(record.article.fileName, renamed.path.slice(renamed.path.lastIndexOf('/') + 1));
		assert.equal(record.claims[0].id, id);
		await waitFor('the claim shown on the renamed article', async () => ((await claimInView(id)) ? true : undefined), 30_000);
	});
});
