// The tagging flow in a real VS Code, driven through the workbench's own quick-input commands: the same three
// steps every time, starting on Unchecked, Back, cancel, the one-time author question, the article untouched;
// and `newsSeed.openReadOnly` protecting the article. Real keystrokes are sent by the UI check (test/host/runUi.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, sleep, waitFor, workspaceFile } from './support';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const articleText = [
	' date 2024-05-02 Interior Minister Tomas Okonkwo-Baptiste, who spoke at the opening, outlined the plan.',
	'',
	'Rail traffic fell 12% in the first quarter, and Okonkwo-Baptiste said the network had “room to recover.”',
	'',
	'Copper futures fell 2.1% on the news, according to market data, before recovering by the close.',
].join('\n');

let counter = 0;
async function createArticle(): Promise<vscode.Uri> {
	counter++;
	const uri = workspaceFile(`96${counter % 10}_${counter.toString(16).padStart(16, 'd')}.txt`);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText));
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

interface StoredClaim {
	id: string;
	creator: string | null;
	body: { verdict: string; claimant: string | null; note: string };
	target: { selector: { exact?: string }[] };
}

async function claimsOnDisk(article: vscode.Uri): Promise<StoredClaim[]> {
	const text = await waitFor('the sidecar', () => readOrNull(sidecarOf(article)).then((t) => t ?? undefined), 3000);
	return JSON.parse(text).claims;
}

/** Opens the article with the cursor inside `needle`. */
async function editorAt(uri: vscode.Uri, needle: string): Promise<vscode.TextEditor> {
	const editor = await vscode.window.showTextDocument(uri);
	const at = editor.document.positionAt(articleText.indexOf(needle) + 2);
	editor.selection = new vscode.Selection(at, at);
	return editor;
}

interface FlowSnapshot {
	step: string;
	value: string;
	active: string | undefined;
	items: string[];
}

async function flowState(): Promise<FlowSnapshot | null> {
	return (await vscode.commands.executeCommand<FlowSnapshot | null>('newsSeed.tagging.snapshot')) ?? null;
}

/** Waits until the flow shows `step` (and, when given, has `active` highlighted). */
async function onStep(step: string, active?: RegExp): Promise<FlowSnapshot> {
	let last: FlowSnapshot | null = null;
	try {
		return await waitFor(`the ${step} step${active ? ` on ${active.source}` : ''}`, async () => {
			last = await flowState();
			return last?.step === step && (!active || active.test(last.active ?? '')) ? last : undefined;
		});
	} catch (error) {
		throw new Error(`${error instanceof Error ? error.message : String(error)}; the flow shows ${JSON.stringify(last)}`, { cause: error });
	}
}

/** Runs a workbench command against the open quick input. */
async function quickInput(command: string): Promise<void> {
	await vscode.commands.executeCommand(command);
}

const accept = 'workbench.action.acceptSelectedQuickOpenItem';
const next = 'workbench.action.quickOpenSelectNext';
const back = 'workbench.action.quickInputBack';

/** Starts Tag Claim as a user does (no arguments) and waits until its input is shown. */
async function startTagging(firstStep = 'verdict'): Promise<Thenable<string | undefined>> {
	const result = vscode.commands.executeCommand<string | undefined>('newsSeed.tagClaim');
	await onStep(firstStep);
	// The workbench renders the input a moment after the extension asks for it.
	await sleep(300);
	return result;
}

/** Enter on the three steps, each once its step is shown. */
async function acceptThree(): Promise<void> {
	await onStep('verdict');
	await quickInput(accept);
	await onStep('claimant');
	await quickInput(accept);
	await onStep('note');
	await quickInput(accept);
}

async function setConfig(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('newsSeed').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('tagging flow', function () {
	// Several round trips through the workbench per test: on a loaded machine they take seconds each.
	this.timeout(90_000);
	suiteSetup(() => setConfig('author', 'Flow Tester'));
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		await closeAllEditors();
	});
	suiteTeardown(async () => {
		await setConfig('author', undefined);
		await setConfig('tagging.initialVerdict', undefined);
		await setConfig('openReadOnly', undefined);
	});

	test('Enter, Enter, Enter: Unchecked, the whole name of the claimant, no note; the article is untouched', async () => {
		const uri = await createArticle();
		const editor = await editorAt(uri, 'the network had');
		const version = editor.document.version;
		const result = await startTagging();
		const verdictStep = await onStep('verdict');
		assert.match(verdictStep.active ?? '', /^7\s+Unchecked$/, 'the pick starts on Unchecked, numbered 7');
		assert.deepEqual(verdictStep.items.map((i) => i.replace(/\s+/g, ' ')), ['1 True', '2 Mostly true', '3 Half true', '4 Mostly false', '5 False', '6 Unverifiable', '7 Unchecked']);
		await acceptThree();
		const id = await result;
		assert.ok(typeof id === 'string', 'the flow ends with a claim');
		const [claim] = await claimsOnDisk(uri);
		assert.equal(claim.id, id);
		assert.equal(claim.body.verdict, 'Unchecked', 'the pick starts on Unchecked, not on True');
		assert.equal(claim.body.claimant, null, 'the sentence\'s attribution does not cover the text before it');
		assert.equal(claim.body.note, '');
		assert.equal(claim.creator, 'Flow Tester');
		assert.equal(editor.document.version, version, 'the article was not edited');
		assert.equal(editor.document.isDirty, false);
	});

	test('the claimant is offered when the attribution covers the tagged text, with the whole name', async () => {
		const uri = await createArticle();
		const editor = await vscode.window.showTextDocument(uri);
		const start = articleText.indexOf('the network had');
		editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(articleText.indexOf('.”', start) + 2));
		const result = await startTagging();
		await quickInput(accept);
		assert.equal((await onStep('claimant')).value, 'Tomas Okonkwo-Baptiste', 'the claimant step is prefilled');
		await quickInput(accept);
		await onStep('note');
		await quickInput(accept);
		assert.ok(await result);
		const [claim] = await claimsOnDisk(uri);
		assert.equal(claim.body.claimant, 'Tomas Okonkwo-Baptiste');
	});

	test('"according to market data" suggests no claimant', async () => {
		const uri = await createArticle();
		await editorAt(uri, 'Copper futures');
		const result = await startTagging();
		await quickInput(accept);
		assert.equal((await onStep('claimant')).value, '', 'the claimant step is there, empty');
		await quickInput(accept);
		await onStep('note');
		await quickInput(accept);
		assert.ok(await result);
		const [claim] = await claimsOnDisk(uri);
		assert.equal(claim.body.claimant, null);
	});

	test('Back returns to the verdict step; the chosen verdict is kept; the same three steps every time', async () => {
		const uri = await createArticle();
		await editorAt(uri, 'outlined the plan');
		const result = await startTagging();
		await quickInput(next);
		await onStep('verdict', /True$/);
		await quickInput(accept);
		await onStep('claimant');
		await quickInput(back);
		await onStep('verdict', /^1\s+True$/);
		await sleep(300);
		await quickInput(next);
		await onStep('verdict', /Mostly true$/);
		await acceptThree();
		assert.ok(await result);
		const [claim] = await claimsOnDisk(uri);
		assert.equal(claim.body.verdict, 'Mostly true');
	});

	test('newsSeed.tagging.initialVerdict "last" starts on the previous verdict', async () => {
		await setConfig('tagging.initialVerdict', 'last');
		try {
			const uri = await createArticle();
			await editorAt(uri, 'outlined the plan');
			const first = await startTagging();
			await quickInput(next);
			await onStep('verdict', /True$/);
			await quickInput(next);
			await onStep('verdict', /Mostly true$/);
			await quickInput(next);
			await onStep('verdict', /Half true$/);
			await acceptThree();
			assert.ok(await first);
			await editorAt(uri, 'Copper futures');
			const second = await startTagging();
			await onStep('verdict', /Half true$/);
			await acceptThree();
			assert.ok(await second);
			const verdicts = (await claimsOnDisk(uri)).map((c) => c.body.verdict);
			assert.deepEqual(verdicts.sort(), ['Half true', 'Half true']);
		} finally {
			await setConfig('tagging.initialVerdict', undefined);
		}
	});

	test('Escape on any step cancels: nothing is saved', async () => {
		const uri = await createArticle();
		await editorAt(uri, 'outlined the plan');
		const result = await startTagging();
		await quickInput(accept);
		await onStep('claimant');
		await quickInput('workbench.action.closeQuickOpen');
		assert.equal(await result, undefined);
		assert.equal(await readOrNull(sidecarOf(uri)), null, 'no sidecar written');
	});

	test('newsSeed.author unset: the first tagging asks for the name once, stores it, records it as creator', async () => {
		await setConfig('author', undefined);
		try {
			const uri = await createArticle();
			await editorAt(uri, 'outlined the plan');
			const first = await startTagging('author');
			await quickInput(accept); // the name, prefilled with this machine's user name
			await acceptThree();
			assert.ok(await first);
			const stored = await waitFor('newsSeed.author to be stored', () => vscode.workspace.getConfiguration('newsSeed').get<string>('author') || undefined);
			const [claim] = await claimsOnDisk(uri);
			assert.equal(claim.creator, stored);
			await editorAt(uri, 'Copper futures');
			const second = await startTagging();
			await acceptThree();
			assert.ok(await second, 'asked once: the second tagging has the three steps only');
		} finally {
			await setConfig('author', 'Flow Tester');
		}
	});

	test('newsSeed.openReadOnly opens articles read-only; the toggle command makes one editable', async () => {
		await setConfig('openReadOnly', true);
		try {
			const uri = await createArticle();
			const editor = await editorAt(uri, 'outlined the plan');
			await sleep(300);
			const text = editor.document.getText();
			await vscode.commands.executeCommand('type', { text: 'x' });
			await sleep(200);
			assert.equal(editor.document.getText(), text, 'typing does not change a read-only article');
			await vscode.commands.executeCommand('newsSeed.toggleReadOnly');
			await sleep(200);
			await vscode.commands.executeCommand('type', { text: 'x' });
			await waitFor('the typed letter', () => (editor.document.getText() !== text ? true : undefined), 3000);
			await vscode.commands.executeCommand('undo');
		} finally {
			await setConfig('openReadOnly', undefined);
		}
	});
});
