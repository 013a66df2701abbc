// The CPU profile of the extension host's thread during a benchmark that runs inside a real VS Code.
import * as vscode from 'vscode';

interface InspectorSession {
	connect(): void;
	disconnect(): void;
	post(method: string, params: object | undefined, callback: (error: Error | null, result: unknown) => void): void;
}

/** When the profile started, on this thread's `performance.now()` clock (undefined while nothing is profiled). */
let profileStartedAt: number | undefined;

/** Seconds from the profile's start to `now` (a `performance.now()` time), as the summary's --from and --to read them; undefined without a profile. */
export function profileSeconds(now: number): number | undefined {
	return profileStartedAt === undefined ? undefined : (now - profileStartedAt) / 1000;
}

/**
 * With NEWS_SEED_BENCH_CPUPROF set to a folder (desktop host), the extension host's thread is profiled from this
 * call; the function it returns stops and writes `<phase>.cpuprofile` there (open it in Chrome's DevTools or read it
 * with scripts/cpuProfileSummary.mjs).
 * Node's inspector comes through `process.getBuiltinModule`, so that the suite still builds for the browser.
 */
export async function startHostProfile(phase: string): Promise<() => Promise<void>> {
	const node = (globalThis as { process?: { env: Record<string, string | undefined>; getBuiltinModule?: (id: string) => unknown } }).process;
	const folder = node?.env.NEWS_SEED_BENCH_CPUPROF;
	if (!folder || !node?.getBuiltinModule) return async () => undefined;
	const inspector = node.getBuiltinModule('node:inspector') as { Session: new () => InspectorSession };
	const session = new inspector.Session();
	session.connect();
	const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 500 });
	// Before the call: the profile's clock starts when profiling does, and starting it can take hundreds of ms (it
	// records every function already compiled).
	profileStartedAt = performance.now();
	await post('Profiler.start');
	return async () => {
		profileStartedAt = undefined;
		const { profile } = await post('Profiler.stop') as { profile: unknown };
		await vscode.workspace.fs.writeFile(vscode.Uri.file(`${folder}/${phase.replace(/\W+/g, '-')}.cpuprofile`), new TextEncoder().encode(JSON.stringify(profile)));
		session.disconnect();
	};
}
