// Check-worthiness hints in a real VS Code: the marked sentences (as the test-only snapshot command reports what
// the decorations draw), the hover with its reasons and links, the code action that tags, dismissals kept in the
// sidecar, Next Check-worthy Sentence, the toggle, and the Claims view's group.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, inBrowserHost, waitFor, workspaceFile } from './support';

interface HintSnapshot {
	enabled: boolean;
	threshold: number;
	/** Whether the whole article's scores were ready for its current version (scored by the editor itself). */
	ready: boolean;
	hints: { start: number; end: number; text: string; score: number; reasons: string[] }[];
}

interface ViewSnapshot {
	checkworthy?: { article: string; scoring: boolean; sentences: { start: number; end: number; score: number; text: string }[] }[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const figures = 'Exports rose to 4.5 million tonnes last year, more than in any year since 1990.';
const opinion = 'I think we should thank everyone here tonight.';
const unemployment = 'Unemployment fell to 4.9 percent because of the stimulus.';
const taxes = 'The minister said that taxes went up by $300 million in 2023.';
const articleText = ` date 2024-03-16 ${figures} ${opinion}\n\nTrade Figures\n\n${unemployment} Thank you very much. ${taxes}\n\nWhat a lovely day it is!`;

let counter = 0;
/** Every article this suite wrote; removed with their sidecars afterwards, so later suites see the workspace as before. */
const created: vscode.Uri[] = [];
async function openArticle(): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
	counter++;
	const uri = workspaceFile(`96${counter}_${counter.toString(16).padStart(16, 'a')}.txt`);
	created.push(uri);
	await vscode.workspace.fs.writeFile(uri, encoder.encode(articleText));
	const document = await vscode.workspace.openTextDocument(uri);
	const editor = await vscode.window.showTextDocument(document);
	return { uri, editor };
}

async function snapshot(uri: vscode.Uri): Promise<HintSnapshot> {
	return vscode.commands.executeCommand<HintSnapshot>('newsSeed.checkworthiness.snapshot', uri.toString());
}

/** The hints the editor has scored by itself, computing nothing; `ready` false until the whole article is scored. */
async function readySnapshot(uri: vscode.Uri): Promise<HintSnapshot> {
	return vscode.commands.executeCommand<HintSnapshot>('newsSeed.checkworthiness.snapshot', uri.toString(), { readyOnly: true });
}

/**
 * A generated article of about `chars` characters: paragraphs of a figure, an opinion and an unemployment
 * sentence (numbered, so that no two paragraphs are alike), a heading now and then, and a last paragraph whose
 * figure sentence is the article's last sentence. Returns the text and the sentences that must be hinted.
 */
function largeArticle(chars: number): { text: string; hinted: string[]; last: string; paragraphs: number } {
	const parts = [' date 2024-03-16 The talks opened in Brussels.'];
	const hinted: string[] = [];
	let length = parts[0].length;
	let i = 1;
	for (; length < chars; i++) {
		const figure = `Exports rose to ${i}.5 million tonnes last year, more than in any year since 1990.`;
		const jobless = `Unemployment fell to ${i % 9}.${i % 7} percent because of stimulus number ${i}.`;
		const block = i % 10 === 0 ? `Trade Figures ${i}` : `${jobless} I think we should thank everyone here tonight, ${i}. ${figure}`;
		if (i % 10 !== 0) hinted.push(jobless, figure);
		parts.push(block);
		length += block.length + 2;
	}
	return { text: parts.join('\n\n'), hinted, last: hinted[hinted.length - 1], paragraphs: i - 1 };
}

function hintTexts(s: HintSnapshot): string[] {
	return s.hints.map((h) => h.text);
}

async function readOrNull(uri: vscode.Uri): Promise<string | null> {
	try {
		return decoder.decode(await vscode.workspace.fs.readFile(uri));
	} catch {
		return null;
	}
}

/** The sidecar beside the article, on the article's own file system (a `file:` URI would miss a virtual one). */
function sidecarOf(article: vscode.Uri): vscode.Uri {
	return article.with({ path: article.path.replace(/\.txt$/, '.claims.json') });
}

suite('Check-worthiness hints', () => {
	teardown(closeAllEditors);
	suiteTeardown(async () => {
		for (const uri of created) {
			for (const file of [sidecarOf(uri), uri]) await vscode.workspace.fs.delete(file).then(() => undefined, () => undefined);
		}
	});

	test('marks the sentences above the threshold, never the opinion, the thanks, the heading or the dateline', async () => {
		const { uri } = await openArticle();
		const s = await snapshot(uri);
		assert.equal(s.enabled, true);
		assert.equal(s.threshold, 0.8);
		assert.deepEqual(hintTexts(s), [figures, unemployment, taxes]);
		for (const hint of s.hints) {
			assert.equal(articleText.slice(hint.start, hint.end), hint.text);
			assert.ok(hint.score >= 0.8 && hint.score <= 1);
		}
		assert.ok(s.hints[0].reasons.includes('a figure: 4.5 million tonnes'), s.hints[0].reasons.join('; '));
	});

	test('the hover gives the score, the reasons in words and only our two command links', async () => {
		const { uri, editor } = await openArticle();
		const inFigures = editor.document.positionAt(articleText.indexOf('million tonnes'));
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, inFigures);
		const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).find((v) => v.includes('Check-worthy'));
		assert.ok(markdown, 'a check-worthiness hover');
		assert.match(markdown, /score 0\.\d\d/);
		assert.ok(markdown.includes('a figure\\: 4\\.5 million tonnes'), markdown);
		assert.ok(markdown.includes('a comparison\\: more than'), markdown);
		const links = [...markdown.matchAll(/\]\((command:[^)?]*)/g)].map((m) => m[1]);
		assert.deepEqual(links, ['command:newsSeed.tagClaim', 'command:newsSeed.checkworthiness.dismiss']);
		const inOpinion = editor.document.positionAt(articleText.indexOf('thank everyone'));
		const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, inOpinion);
		assert.ok(!none.flatMap((h) => h.contents).some((c) => (typeof c === 'string' ? c : c.value).includes('Check-worthy')));
	});

	test('the code action tags the hinted sentence as a claim, and the hint goes away', async function () {
		const { uri, editor } = await openArticle();
		const at = editor.document.positionAt(articleText.indexOf('4.9 percent'));
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
		const tag = actions.find((a) => a.title.startsWith('Tag as claim'));
		assert.ok(tag?.command, `actions: ${actions.map((a) => a.title).join(', ')}`);
		assert.ok(actions.some((a) => a.title === 'Dismiss check-worthiness hint'));
		await vscode.commands.executeCommand(tag.command.command, ...(tag.command.arguments ?? []));
		const sidecar = await waitFor('the sidecar with the new claim', () => readOrNull(sidecarOf(uri)).then((t) => (t?.includes(unemployment) ? t : undefined)));
		assert.ok(sidecar.includes('"exact": "Unemployment fell to 4.9 percent because of the stimulus."'));
		await waitFor('the hint to go', async () => (hintTexts(await snapshot(uri)).includes(unemployment) ? undefined : true));
		assert.deepEqual(hintTexts(await snapshot(uri)), [figures, taxes]);
		const far = editor.document.positionAt(articleText.indexOf('thank everyone'));
		const noActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(far, far));
		assert.ok(!noActions.some((a) => a.title.startsWith('Tag as claim')), 'no action outside a hinted sentence');
	});

	test('a dismissal is written to the sidecar and hides the hint, also after reopening', async function () {
		const { uri } = await openArticle();
		const start = articleText.indexOf(taxes);
		const dismissed = await vscode.commands.executeCommand<string>('newsSeed.checkworthiness.dismiss', { uri: uri.toString(), start, end: start + taxes.length });
		assert.equal(dismissed, taxes);
		const sidecar = await waitFor('the sidecar with the dismissal', async () => (await readOrNull(sidecarOf(uri))) ?? undefined);
		assert.deepEqual((JSON.parse(sidecar) as { dismissedHints: unknown; claims: unknown[] }).dismissedHints, [{ exact: taxes }]);
		assert.deepEqual((JSON.parse(sidecar) as { claims: unknown[] }).claims, []);
		assert.deepEqual(hintTexts(await snapshot(uri)), [figures, unemployment]);
		await closeAllEditors();
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		assert.deepEqual(hintTexts(await snapshot(uri)), [figures, unemployment]);
	});

	test('Next Check-worthy Sentence moves the cursor to the next hint and wraps around', async () => {
		const { editor } = await openArticle();
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		await vscode.commands.executeCommand('newsSeed.checkworthiness.next');
		assert.equal(editor.document.offsetAt(editor.selection.active), articleText.indexOf(figures));
		await vscode.commands.executeCommand('newsSeed.checkworthiness.next');
		assert.equal(editor.document.offsetAt(editor.selection.active), articleText.indexOf(unemployment));
		editor.selection = new vscode.Selection(editor.document.positionAt(articleText.length), editor.document.positionAt(articleText.length));
		await vscode.commands.executeCommand('newsSeed.checkworthiness.next');
		assert.equal(editor.document.offsetAt(editor.selection.active), articleText.indexOf(figures));
	});

	test('typing rescores the edited paragraph', async () => {
		const { uri, editor } = await openArticle();
		const at = editor.document.positionAt(articleText.indexOf(opinion));
		await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, opinion.length)), 'Imports fell 30% in 2023.'));
		assert.deepEqual(hintTexts(await snapshot(uri)), [figures, 'Imports fell 30% in 2023.', unemployment, taxes]);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	test('the toggle and the threshold setting turn hints off and down', async () => {
		const { uri } = await openArticle();
		const config = vscode.workspace.getConfiguration('newsSeed.checkworthiness');
		try {
			assert.equal(await vscode.commands.executeCommand('newsSeed.checkworthiness.toggle'), false);
			assert.deepEqual(await snapshot(uri), { enabled: false, threshold: 0.8, ready: true, hints: [] });
			assert.equal(await vscode.commands.executeCommand('newsSeed.checkworthiness.toggle'), true);
			await config.update('threshold', 0.99, vscode.ConfigurationTarget.Global);
			const strict = await snapshot(uri);
			assert.ok(strict.hints.length < 3 && strict.hints.every((h) => h.score >= 0.99), JSON.stringify(strict));
		} finally {
			await config.update('threshold', undefined, vscode.ConfigurationTarget.Global);
			await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
		}
	});

	test('a 1 MB article: the hints of its last sentences are ready soon after it opens, and typing rescores only the edited paragraph', async function () {
		this.timeout(180_000);
		const { text, hinted, last, paragraphs } = largeArticle(1_000_000);
		const write = async (prefix: string, content: string): Promise<vscode.Uri> => {
			counter++;
			const uri = workspaceFile(`${prefix}${counter}_${counter.toString(16).padStart(16, 'b')}.txt`);
			created.push(uri);
			await vscode.workspace.fs.writeFile(uri, encoder.encode(content));
			return uri;
		};
		const uri = await write('97', text);
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		const opened = Date.now();
		// The editor scores the lines on screen at once, the rest in slices; nothing here asks it to score.
		const ready = await waitFor('every score of the article', async () => {
			const s = await readySnapshot(uri);
			return s.ready ? s : undefined;
		}, 60_000);
		const readyAfterMs = Date.now() - opened;
		// The limit is generous (the 100 ms target is the bench's): 2 s, or on a loaded machine 8x what scoring the
		// same text at once takes on this host now (a copy, scored on request by the full snapshot); the sliced run
		// also waits for the other features' slices on the same thread (entities, in the browser everything).
		const copy = await write('98', text);
		const atOnceStart = Date.now();
		assert.equal((await snapshot(copy)).hints.length, hinted.length);
		const atOnceMs = Date.now() - atOnceStart;
		const limitMs = Math.max(2_000, 8 * atOnceMs);
		assert.ok(readyAfterMs < limitMs, `ready after ${readyAfterMs} ms; limit ${limitMs} ms (scoring at once took ${atOnceMs} ms)`);
		assert.deepEqual(hintTexts(ready), hinted);
		const lastHint = ready.hints[ready.hints.length - 1];
		assert.equal(lastHint.text, last);
		assert.equal(lastHint.end, text.length, 'the last hint is the article\'s last sentence');
		assert.equal(editor.visibleRanges.some((r) => r.contains(editor.document.positionAt(lastHint.start))), false, 'the last sentence is off screen');

		// Type in one paragraph in the middle: its opinion becomes a figure; every other hint keeps its score.
		const opinion = `I think we should thank everyone here tonight, ${Math.floor(paragraphs / 20) * 10 + 5}.`;
		const at = text.indexOf(opinion);
		assert.ok(at > 0);
		const typed = 'Imports fell 30% in 2023.';
		const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + opinion.length));
		await editor.edit((edit) => edit.replace(range, typed));
		const version = editor.document.version;
		const after = await waitFor('every score after typing', async () => {
			const s = await readySnapshot(uri);
			return s.ready && editor.document.version === version ? s : undefined;
		}, 60_000);
		const shift = typed.length - opinion.length;
		const expected = ready.hints.map((h) => (h.start < at ? h : { ...h, start: h.start + shift, end: h.end + shift }));
		const typedStart = at;
		const index = expected.findIndex((h) => h.start > typedStart);
		expected.splice(index, 0, after.hints[index]);
		assert.equal(after.hints[index].text, typed);
		assert.deepEqual(after.hints, expected);
		{
			// The scoring worker got the article's text once; after typing, only the edits.
			const { timing } = await vscode.commands.executeCommand<{ timing?: { jobs?: { whole: number; edits: number } } }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
			assert.equal(timing?.jobs?.whole, 1, JSON.stringify(timing));
			assert.ok((timing?.jobs?.edits ?? 0) >= 1, JSON.stringify(timing));
		}
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	test('the scorer warms up once after activation, in short slices, on every feature', async function () {
		this.timeout(120_000);
		// The test workspace is a news seed one (seed-named articles, sidecars) and hints are on.
		const status = await waitFor('the warm-up to finish', async () => {
			const s = await vscode.commands.executeCommand<{ state: string; work?: { rounds: number; sentences: number }; slices: number; busyMs: number }>('newsSeed.checkworthiness.warmUpStatus');
			return s.state === 'done' ? s : undefined;
		}, 100_000);
		// 20 generated articles through the editor's path; the scoring worker adds 10 through its own (sent whole, then edited).
		assert.equal(status.work?.rounds, 30);
		assert.ok((status.work?.sentences ?? 0) > 2_000, JSON.stringify(status));
		assert.ok(status.slices > 20, `in slices: ${JSON.stringify(status)}`);
	});

	test('articles are scored in the scoring worker (a worker thread on the desktop, a Web Worker in the browser), the warm-up too', async function () {
		this.timeout(120_000);
		const { uri } = await openArticle();
		const ready = await waitFor('the article scored by the editor', async () => {
			const s = await readySnapshot(uri);
			return s.ready ? s : undefined;
		}, 60_000);
		assert.deepEqual(hintTexts(ready), [figures, unemployment, taxes]);
		const { timing } = await vscode.commands.executeCommand<{ ready: boolean; timing?: { where?: string; workerMs?: number } }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
		// A worker thread on the desktop, a Web Worker in the browser.
		const where = 'worker';
		assert.equal(timing?.where, where, JSON.stringify(timing));
		assert.ok((timing?.workerMs ?? -1) >= 0, `the worker timed its work: ${JSON.stringify(timing)}`);
		const warmUp = await waitFor('the warm-up to finish', async () => {
			const s = await vscode.commands.executeCommand<{ state: string; where?: string }>('newsSeed.checkworthiness.warmUpStatus');
			return s.state === 'done' ? s : undefined;
		}, 100_000);
		assert.equal(warmUp.where, where);
	});

	test('an article whose paragraphs were scored before (remembered for the workspace) has only its new ones scored, with the same hints', async function () {
		this.timeout(120_000);
		// Barrels, not tonnes: paragraphs no other test's article has (the worker remembers every article's).
		const barrels = (s: string): string => s.replace(/ tonnes /g, ' barrels ');
		const text = barrels(largeArticle(40_000).text);
		const hinted = largeArticle(40_000).hinted.map(barrels);
		const open = async (content: string): Promise<{ ready: HintSnapshot; timing?: { where?: string; scoredSentences?: number } }> => {
			counter++;
			const uri = workspaceFile(`95${counter}_${counter.toString(16).padStart(16, 'c')}.txt`);
			created.push(uri);
			await vscode.workspace.fs.writeFile(uri, encoder.encode(content));
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
			const ready = await waitFor('every score of the article', async () => {
				const s = await readySnapshot(uri);
				return s.ready ? s : undefined;
			}, 60_000);
			const { timing } = await vscode.commands.executeCommand<{ timing?: { where?: string; scoredSentences?: number } }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
			return { ready, timing };
		};
		const first = await open(text);
		assert.deepEqual(hintTexts(first.ready), hinted);
		assert.equal(first.timing?.where, 'worker');
		assert.ok((first.timing?.scoredSentences ?? 0) > 300, JSON.stringify(first.timing));
		// The worker's scores are remembered 2 s after the last scoring (and written to the workspace's storage).
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		// The same article under another dateline and lead: only the lead's sentence is new.
		const second = await open(text.replace('The talks opened in Brussels.', 'The talks opened in Geneva.'));
		assert.deepEqual(hintTexts(second.ready), hinted);
		assert.deepEqual(second.ready.hints.map((h) => h.score), first.ready.hints.map((h) => h.score));
		assert.equal(second.timing?.scoredSentences, 1, JSON.stringify(second.timing));
	});

	test('a large article on disk is scored in the background (after the index is complete, and again when it changes), so that it opens with every score known', async function () {
		this.timeout(180_000);
		interface Background { state: string; runs: number; articles: number; sentences: number; first?: { files: number; large: number; articles: number; paragraphs: number; sentences: number; slices: number } }
		const status = (): Thenable<Background> => vscode.commands.executeCommand<Background>('newsSeed.checkworthiness.backgroundStatus');
		// The first job, once the entity index's first build is complete: every indexed article looked at.
		const first = await waitFor('the background scoring after the index', async () => {
			const s = await status();
			return s.runs >= 1 || s.state === 'unsupported' ? s : undefined;
		}, 120_000);
		if (inBrowserHost) {
			// A Web Worker cannot read the workspace's files (nor are they local files there): nothing is scored before an article opens.
			assert.equal(first.state, 'unsupported', JSON.stringify(first));
			return;
		}
		assert.ok((first.first?.files ?? 0) > 5, `the indexed articles were looked at: ${JSON.stringify(first)}`);
		// Litres: paragraphs no other test's article has (the worker remembers every article's).
		const litres = (s: string): string => s.replace(/ tonnes /g, ' litres ');
		const { text: generated, hinted: generatedHints } = largeArticle(300_000);
		const text = litres(generated);
		counter++;
		const uri = workspaceFile(`94${counter}_${counter.toString(16).padStart(16, 'd')}.txt`);
		created.push(uri);
		const before = await status();
		await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
		// Created on disk: the index takes it, then the worker scores it (its 300 KB are over the 100 KB threshold).
		const created1 = await waitFor('the new article scored in the background', async () => {
			const s = await status();
			return s.articles > before.articles && s.state === 'idle' ? s : undefined;
		}, 120_000);
		assert.ok(created1.sentences - before.sentences > 1_000, JSON.stringify(created1));
		// Changed on disk before anyone opened it: only its changed paragraph is scored again.
		const changedText = text.replace('Exports rose to 7.5 million litres', 'Exports rose to 7.25 million litres');
		assert.notEqual(changedText, text);
		await vscode.workspace.fs.writeFile(uri, encoder.encode(changedText));
		const changed = await waitFor('the changed article scored in the background', async () => {
			const s = await status();
			return s.sentences > created1.sentences && s.state === 'idle' ? s : undefined;
		}, 120_000);
		assert.ok(changed.sentences - created1.sentences < 10, `only the changed paragraph scored again: ${JSON.stringify(changed)}`);
		// Opened now: the worker's job finds every paragraph known and scores none; the hints are the usual ones.
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		const ready = await waitFor('every score of the article', async () => {
			const s = await readySnapshot(uri);
			return s.ready ? s : undefined;
		}, 60_000);
		const { timing } = await vscode.commands.executeCommand<{ timing?: { where?: string; scoredSentences?: number; jobs?: { whole: number } } }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
		assert.equal(timing?.where, 'worker', JSON.stringify(timing));
		assert.equal(timing?.jobs?.whole, 1, JSON.stringify(timing));
		assert.equal(timing?.scoredSentences, 0, `every score was known when it opened: ${JSON.stringify(timing)}`);
		assert.deepEqual(hintTexts(ready), generatedHints.map(litres).map((h) => h.replace('Exports rose to 7.5 million litres', 'Exports rose to 7.25 million litres')));
	});

	test('a 1 MB article created now and opened as the user opens it: its file is scored when its tab opens, and every score is there', async function () {
		this.timeout(180_000);
		// After the background scoring's test: this article, created during the session, is scored in the background
		// too once closed, which would count in that test's figures.
		// Cubic metres, not tonnes: paragraphs no other test's article has (none remembered or scored in the background).
		const metres = (s: string): string => s.replace(/ tonnes /g, ' cubic metres ');
		const { text: generated, hinted, last } = largeArticle(1_000_000);
		const text = metres(generated);
		counter++;
		const uri = workspaceFile(`94${counter}_${counter.toString(16).padStart(16, 'd')}.txt`);
		created.push(uri);
		await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
		// As the Explorer and Quick Open do: the editor (its tab) first, which then loads the document.
		await vscode.commands.executeCommand('vscode.open', uri);
		const ready = await waitFor('every score of the article', async () => {
			const s = await readySnapshot(uri);
			return s.ready ? s : undefined;
		}, 120_000);
		assert.deepEqual(hintTexts(ready), hinted.map(metres));
		assert.equal(ready.hints[ready.hints.length - 1].text, metres(last));
		assert.equal(ready.hints[ready.hints.length - 1].end, text.length);
		const { timing } = await vscode.commands.executeCommand<{ timing?: { where?: string; scoredSentences?: number; prefetch?: { taken: boolean; sentences: number } } }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
		assert.equal(timing?.where, 'worker', JSON.stringify(timing));
		if (inBrowserHost) {
			// A Web Worker cannot read the workspace's files: the article is scored when its text comes.
			assert.equal(timing?.prefetch, undefined, JSON.stringify(timing));
		} else {
			// Read and scored by the worker when its tab opened; its scores came with it, or its job found them.
			assert.ok(timing?.prefetch && timing.prefetch.sentences > 1_000, JSON.stringify(timing));
			assert.ok(timing.prefetch.taken || (timing.scoredSentences ?? Infinity) < timing.prefetch.sentences, JSON.stringify(timing));
		}
		// Typing then sends the edits only, and rescores the edited paragraph.
		const editor = vscode.window.activeTextEditor!;
		assert.equal(editor.document.uri.toString(), uri.toString());
		const opinion = 'I think we should thank everyone here tonight, 15.';
		const at = text.indexOf(opinion);
		await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + opinion.length)), 'Imports fell 30% in 2023.'));
		const version = editor.document.version;
		const after = await waitFor('every score after typing', async () => {
			const s = await readySnapshot(uri);
			return s.ready && editor.document.version === version ? s : undefined;
		}, 60_000);
		assert.equal(after.hints.length, ready.hints.length + 1);
		assert.ok(after.hints.some((h) => h.text === 'Imports fell 30% in 2023.'));
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	test('the Claims view lists the open articles\' check-worthy sentences not yet tagged, best first', async () => {
		const { uri } = await openArticle();
		const entry = await waitFor('the article in the view', async () => {
			const view = await vscode.commands.executeCommand<ViewSnapshot>('newsSeed.claims.snapshot');
			return view.checkworthy?.find((a) => a.article === uri.toString() && !a.scoring);
		});
		assert.deepEqual(entry.sentences.map((s) => s.text), [taxes, figures, unemployment]);
		for (let i = 1; i < entry.sentences.length; i++) assert.ok(entry.sentences[i - 1].score >= entry.sentences[i].score);
	});
});
