// Runs inside the desktop extension host (test/host/runIntegration.mjs) and inside the browser's web-worker host
// (test/host/runWeb.mjs), started by bench/browserHost.bench.mjs on the same generated archive: the extension's
// activation time and how long the workspace entity index takes to build, where it ran, and the host's longest
// stall meanwhile. No Node: the same bundle logic runs in both hosts. Prints figures; never fails on timings.
import * as vscode from 'vscode';
import { report, sleep } from '../hostReport';

interface IndexStatus {
	readonly indexing: boolean;
	readonly articles: number;
	readonly builds: number;
	readonly lastBuild?: { readonly ms: number; readonly where: string; readonly files: number; readonly host: { readonly maxLatenessMs: number; readonly over50Ms: number; readonly ticks: number } };
}

export async function run(): Promise<void> {
	const host = typeof (globalThis as { process?: unknown }).process === 'object' ? 'desktop' : 'browser';
	const extension = vscode.extensions.getExtension('news-seed.news-seed-annotator');
	if (!extension) throw new Error('the extension is not installed');
	const wasActive = extension.isActive;
	const started = performance.now();
	await extension.activate();
	const activationMs = performance.now() - started;
	let status: IndexStatus;
	for (;;) {
		status = await vscode.commands.executeCommand<IndexStatus>('newsSeed.entities.indexStatus');
		if (status.builds >= 1 && !status.indexing) break;
		await sleep(50);
	}
	const indexedMs = performance.now() - started;
	const build = status.lastBuild;
	// activate() as the extension timed it, in both hosts; the browser's workbench may have activated the extension
	// before the suite ran (then only that figure exists, and the index time counts from the suite's start).
	const { activateMs } = await vscode.commands.executeCommand<{ activateMs: number }>('newsSeed.activationTime');
	const activation = wasActive ? `activate() ${activateMs.toFixed(0)} ms (already active when the suite began)` : `${activationMs.toFixed(0)} ms (activate() ${activateMs.toFixed(0)} ms)`;
	await report(`${host} host: activation ${activation}; ${status.articles} articles indexed ${(indexedMs / 1000).toFixed(2)} s after ${wasActive ? 'the suite began' : 'activation began'} (build ${((build?.ms ?? 0) / 1000).toFixed(2)} s, analysis in ${build?.where ?? '?'}); host blocked at most ${(build?.host.maxLatenessMs ?? 0).toFixed(0)} ms (${build?.host.over50Ms ?? '?'} of ${build?.host.ticks ?? '?'} 10-ms ticks over 50 ms late)`);
	await report('1 passed, 0 failed');
}
