// Runs inside a real VS Code's extension host (desktop: test/host/runIntegration.mjs; browser: runWeb.mjs), started
// by bench/hintsInVscode.bench.ts in a fresh host on a folder of two generated 1 MB seed articles: the
// first article of the session opened, then a second one, each with the time until every check-worthiness score
// is ready (as the hint service timed it), its longest step, and the host's longest stall meanwhile (a 10 ms timer
// of this suite, on the same thread). The phase (in bench-phase.json of the folder) says when the first article
// opens: with no warm-up before it (hints were off in the folder's settings; turned on, the article opens at
// once, as when opening an article activates the extension), or after the scorer's warm-up finished. No Node: the same code runs in both hosts. Prints figures; never fails on timings.
import * as vscode from 'vscode';
import { profileSeconds, startHostProfile } from '../hostProfile';
import { report, sleep } from '../hostReport';

/** What a sliced run cost on the host's thread: wall and (desktop host) the thread's CPU time, ms. */
interface SliceFigures {
	readonly slices: number;
	readonly busyMs: number;
	readonly longestSliceMs: number;
	readonly busyCpuMs?: number;
	readonly longestSliceCpuMs?: number;
}

interface Timing extends Partial<SliceFigures> {
	readonly where?: 'worker' | 'host';
	readonly workerMs?: number;
	readonly workerCpuMs?: number;
	readonly workerParts?: { readonly parseMs: number; readonly scoreMs: number; readonly encodeMs: number };
	readonly scoredSentences?: number;
	readonly toWorkerMs?: number;
	readonly backMs?: number;
	readonly decodeMs?: number;
	readonly decodeCpuMs?: number;
	readonly applyMs?: number;
	readonly applyCpuMs?: number;
	readonly startedAt: number;
	readonly onScreenMs: number;
	readonly onScreenCpuMs?: number;
	readonly readyAt?: number;
	readonly prefetch?: { readonly taken: boolean; readonly sentences: number; readonly cpuMs?: number; readonly toWorkerMs: number; readonly doneMs?: number; readonly beforeDocumentMs?: number };
}

interface WarmUpStatus extends SliceFigures {
	readonly state: string;
	readonly work?: { readonly rounds: number; readonly characters: number; readonly sentences: number };
	readonly startedAt?: number;
	readonly finishedAt?: number;
}

const ms = (x: number | undefined) => `${(x ?? NaN).toFixed(1)} ms`;

/** A stretch in which a 10 ms timer of this thread was late by more than 50 ms: from `at` ms after the probe began. */
interface Stall {
	readonly at: number;
	readonly ms: number;
	/** Where it lies in the host's CPU profile (seconds from its start), when one is taken. */
	readonly profile?: readonly [number, number];
}

/**
 * The longest lateness of a 10 ms timer on this thread (the longest time the host did nothing else), and every
 * stretch late by more than 50 ms, to look up in the host's profile.
 */
function stallProbe(): { stop: () => { worst: number; stalls: Stall[] } } {
	const began = performance.now();
	let last = began;
	let worst = 0;
	const stalls: Stall[] = [];
	const note = (now: number): void => {
		const late = now - last - 10;
		worst = Math.max(worst, late);
		if (late > 50) {
			const from = profileSeconds(last);
			const to = profileSeconds(now);
			stalls.push({ at: last - began, ms: late, ...(from !== undefined && to !== undefined ? { profile: [from, to] as const } : {}) });
		}
		last = now;
	};
	const timer = setInterval(() => note(performance.now()), 10);
	return {
		stop: () => {
			clearInterval(timer);
			note(performance.now());
			return { worst, stalls };
		},
	};
}

/** Runs a command of the extension, waiting for it to exist while the extension activates. */
async function command<T>(id: string, ...args: unknown[]): Promise<T> {
	for (let tries = 0; ; tries++) {
		try {
			return await vscode.commands.executeCommand<T>(id, ...args);
		} catch (error) {
			if (tries > 600) throw error;
			await sleep(10);
		}
	}
}

/** Opens an article and waits until every score is ready; reports its figures. */
async function open(label: string, uri: vscode.Uri): Promise<void> {
	const probe = stallProbe();
	const openedAt = performance.now();
	// When this extension host hears of the document: what VS Code's own opening took (reading, the renderer's work, the sync).
	let arrivedAt = NaN;
	const arrival = vscode.workspace.onDidOpenTextDocument((document) => {
		if (document.uri.toString() === uri.toString()) arrivedAt = performance.now();
	});
	// When this extension host first hears of the article's tab (the earliest event of an open the extension gets).
	let tabAt = NaN;
	const tabs = vscode.window.tabGroups.onDidChangeTabs((event) => {
		if (Number.isNaN(tabAt) && [...event.opened, ...event.changed].some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString())) tabAt = performance.now();
	});
	// Opened as the user opens a file (the Explorer, Quick Open): the editor first, which then loads the document.
	await vscode.commands.executeCommand('vscode.open', uri);
	while (Number.isNaN(arrivedAt) && performance.now() - openedAt < 60_000) await sleep(5);
	arrival.dispose();
	tabs.dispose();
	let timing: Timing | undefined;
	const deadline = performance.now() + 120_000;
	for (;;) {
		const state = await command<{ ready: boolean; timing?: Timing }>('newsSeed.checkworthiness.snapshot', uri.toString(), { timingOnly: true });
		timing = state.timing;
		if (timing?.readyAt !== undefined || performance.now() > deadline) break;
		await sleep(20);
	}
	const { worst: stall, stalls } = probe.stop();
	const cpu = (x: number | undefined) => (x === undefined ? '' : `, CPU ${ms(x)}`);
	const readyMs = (timing?.readyAt ?? NaN) - openedAt;
	// The extension's own listener runs before this suite's and may work first (decode scores that came early): the
	// host had the document by the earlier of the two.
	const hadAt = timing?.startedAt !== undefined && timing.startedAt >= openedAt ? Math.min(arrivedAt, timing.startedAt) : arrivedAt;
	const afterArrival = (timing?.readyAt ?? NaN) - hadAt;
	const arrived = `the host had the article's tab after ${ms(tabAt - openedAt)}, the document after ${ms(hadAt - openedAt)}, asked for its scores after ${ms((timing?.startedAt ?? NaN) - openedAt)}, had every score ${ms(afterArrival)} after it had the document = ${(afterArrival / 100).toFixed(2)}x`;
	const where = timing?.where === 'worker'
		? `scored in the ${typeof (globalThis as { process?: unknown }).process === 'object' ? 'worker thread' : 'Web Worker'}: ${timing.prefetch?.taken ? 'no job (the scores came with its file\'s)' : `the job reached it ${ms(timing.toWorkerMs)} after its post`}, its work ${ms(timing.workerMs)}${timing.scoredSentences === undefined ? '' : ` (${timing.scoredSentences} sentences scored)`}${cpu(timing.workerCpuMs)} (parse ${ms(timing.workerParts?.parseMs)}, score ${ms(timing.workerParts?.scoreMs)}, encode ${ms(timing.workerParts?.encodeMs)})${timing.prefetch?.taken ? '' : `, the reply reached the host ${ms(timing.backMs)} after`}${timing.prefetch ? `; its file read and scored when its tab opened: ${timing.prefetch.sentences} sentences${cpu(timing.prefetch.cpuMs)}, begun ${ms(timing.prefetch.toWorkerMs)} and ${timing.prefetch.doneMs === undefined ? 'not finished' : `finished ${ms(timing.prefetch.doneMs)}`} after its post, ${timing.prefetch.taken ? `its scores here ${ms(timing.prefetch.beforeDocumentMs)} before the document (no job sent)` : 'its scores used by the job'}` : ''}; on the host: sending ${ms(timing.onScreenMs)}${cpu(timing.onScreenCpuMs)}, decoding ${ms(timing.decodeMs)}${cpu(timing.decodeCpuMs)}, applying (marks drawn) ${ms(timing.applyMs)}${cpu(timing.applyCpuMs)}`
		: `scored on the host's thread: on-screen step ${ms(timing?.onScreenMs)}${cpu(timing?.onScreenCpuMs)}; then ${timing?.slices ?? '?'} slices, ${ms(timing?.busyMs)} of work${cpu(timing?.busyCpuMs)}, the longest ${ms(timing?.longestSliceMs)}${cpu(timing?.longestSliceCpuMs)}`;
	await report(`${label}: every score ready ${ms(readyMs)} after the open began = ${(readyMs / 100).toFixed(2)}x the 100 ms target (${arrived}); ${where}; the host's longest stall while scoring ${ms(stall)} = ${(stall / 50).toFixed(2)}x the 50 ms limit (every feature's work and the opening itself)`);
	// Each stall over 50 ms, with where it lies in the host's profile (scripts/cpuProfileSummary.mjs --from --to says what ran).
	if (stalls.length > 0) await report(`${label}: the host's stalls over 50 ms: ${stalls.map((s) => `+${s.at.toFixed(0)} ms: ${s.ms.toFixed(0)} ms${s.profile ? ` (profile ${s.profile[0].toFixed(2)}-${s.profile[1].toFixed(2)} s)` : ''}`).join('; ')}`);
}

interface IndexStatus {
	readonly indexing: boolean;
	readonly builds: number;
	readonly articles: number;
	readonly lastBuild?: { readonly ms: number };
}

interface BackgroundStatus {
	readonly state: string;
	readonly runs: number;
	readonly first?: { readonly files: number; readonly large: number; readonly articles: number; readonly skipped: number; readonly sentences: number; readonly slices: number; readonly busyMs: number; readonly longestSliceMs: number; readonly busyCpuMs?: number };
	readonly finishedAt?: number;
}

/**
 * The articles present at start, opened once the entity index is complete and the warm-up done (and, with
 * `background`, the background scoring finished): the smaller ones in ascending size, then the 1 MB ones.
 */
async function afterTheIndex(background: boolean, folder: vscode.Uri, articles: readonly string[], ladder: readonly { name: string; size: number }[]): Promise<void> {
	const began = performance.now();
	const deadline = began + 300_000;
	let index: IndexStatus;
	for (;;) {
		index = await command<IndexStatus>('newsSeed.entities.indexStatus');
		if ((index.builds > 0 && !index.indexing) || performance.now() > deadline) break;
		await sleep(50);
	}
	const indexedAt = performance.now();
	while ((await command<WarmUpStatus>('newsSeed.checkworthiness.warmUpStatus')).state !== 'done' && performance.now() < deadline) await sleep(50);
	let status = await command<BackgroundStatus>('newsSeed.checkworthiness.backgroundStatus');
	if (background) {
		while ((status.runs < 1 || status.state !== 'idle') && performance.now() < deadline) {
			await sleep(50);
			status = await command<BackgroundStatus>('newsSeed.checkworthiness.backgroundStatus');
		}
		const first = status.first;
		await report(`the index complete after ${ms(indexedAt - began)} (${index.articles} articles; its build ${ms(index.lastBuild?.ms)}); the background scoring finished ${ms((status.finishedAt ?? NaN) - indexedAt)} after it: ${first?.files} files looked at, ${first?.large} large, ${first?.articles} scored (${first?.skipped} left), ${first?.sentences} sentences, ${first?.slices} slices, ${ms(first?.busyMs)} of work${first?.busyCpuMs === undefined ? '' : ` (CPU ${ms(first.busyCpuMs)})`}, the longest slice ${ms(first?.longestSliceMs)}`);
	} else {
		await report(`the index complete after ${ms(indexedAt - began)} (${index.articles} articles); background scoring: ${status.state}`);
	}
	for (const { name, size } of ladder) await open(`article of ${(size / 1000).toFixed(0)} KB`, vscode.Uri.joinPath(folder, name));
	for (const name of articles) await open('1 MB article', vscode.Uri.joinPath(folder, name));
}

export async function run(): Promise<void> {
	const host = typeof (globalThis as { process?: unknown }).process === 'object' ? 'desktop' : 'browser';
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
	if (!folder) throw new Error('the benchmark needs its generated folder as workspace');
	const { phase, articles, ladder } = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'bench-phase.json')))) as { phase: 'at activation' | 'after warm-up' | 'after the index, background scoring off' | 'after the index and the background scoring'; articles: string[]; ladder: { name: string; size: number }[] };
	const stopProfile = await startHostProfile(phase);
	const extension = vscode.extensions.getExtension('news-seed.news-seed-annotator');
	if (!extension) throw new Error('the extension is not installed');
	await report(`${host} host, phase "${phase}": the extension was ${extension.isActive ? 'already active' : 'not yet active'} when the suite began`);
	await extension.activate();
	if (phase === 'after the index, background scoring off' || phase === 'after the index and the background scoring') {
		await afterTheIndex(phase === 'after the index and the background scoring', folder, articles, ladder);
		await stopProfile();
		await report('1 passed, 0 failed');
		return;
	}
	if (phase === 'after warm-up') {
		const deadline = performance.now() + 60_000;
		while ((await command<WarmUpStatus>('newsSeed.checkworthiness.warmUpStatus')).state !== 'done' && performance.now() < deadline) await sleep(50);
	} else {
		// Hints were off (the folder's settings), so nothing warmed the scorer; on now, and the article opens at once.
		await vscode.workspace.getConfiguration('newsSeed.checkworthiness').update('enabled', true, vscode.ConfigurationTarget.Workspace);
	}
	await report(`the warm-up when the first article opens: ${(await command<WarmUpStatus>('newsSeed.checkworthiness.warmUpStatus')).state}`);
	await open('first article of the session (1 MB)', vscode.Uri.joinPath(folder, articles[0]));
	await sleep(500);
	await open('second article (1 MB)', vscode.Uri.joinPath(folder, articles[1]));
	await sleep(phase === 'at activation' ? 3_000 : 0);
	const warm = await command<WarmUpStatus>('newsSeed.checkworthiness.warmUpStatus');
	const work = warm.work ? `${warm.work.rounds} generated articles, ${(warm.work.characters / 1000).toFixed(0)} KB, ${warm.work.sentences} sentences` : 'nothing';
	await stopProfile();
	await report(`the warm-up: ${warm.state}; ${work}; ${warm.slices} slices, ${ms(warm.busyMs)} of work in all${warm.busyCpuMs === undefined ? '' : ` (CPU ${ms(warm.busyCpuMs)})`}, the longest slice ${ms(warm.longestSliceMs)}${warm.longestSliceCpuMs === undefined ? '' : ` (CPU ${ms(warm.longestSliceCpuMs)})`}; ${warm.finishedAt !== undefined && warm.startedAt !== undefined ? `${ms(warm.finishedAt - warm.startedAt)} from start to end` : ''}`);
	await report('1 passed, 0 failed');
}
