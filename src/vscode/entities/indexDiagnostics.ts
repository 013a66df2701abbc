import * as vscode from 'vscode';
import { HostLatencyProbe } from '../hostLatencyProbe';
import type { WorkspaceIndexService } from './workspaceIndexService';
import { testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/** Test-only commands (hidden from the palette): the index's state, and a probe of the extension host's latency. */
export const indexDiagnosticsCommands = { indexStatus: testOnlyCommands.indexStatus, indexListing: testOnlyCommands.indexListing, hostLatency: testOnlyCommands.hostLatency } as const;

/**
 * `newsSeed.entities.indexStatus` answers where and how the index was built (see `IndexBuildReport`), whether a
 * build runs, and the extension host's heap; `newsSeed.entities.indexListing` the files the worker lists now (the
 * build's authority for local folders; undefined where it cannot list); `newsSeed.hostLatency` with `'start'` starts a timer probe and with
 * `'read'` or `'stop'` answers the longest time the host's event loop was blocked since (see HostLatencyProbe).
 * For the integration tests and the benchmark, which measure from inside the host.
 */
export function registerIndexDiagnostics(index: WorkspaceIndexService): vscode.Disposable {
	const probe = new HostLatencyProbe();
	return vscode.Disposable.from(
		probe,
		registerCommand(indexDiagnosticsCommands.indexStatus, () => ({
			indexing: index.indexing,
			articles: index.index.size,
			builds: index.builds,
			lastBuild: index.lastBuild,
			cacheSaves: index.saves,
			// No `process` in the browser's web-worker host.
			heapUsed: typeof process === 'undefined' ? undefined : process.memoryUsage().heapUsed,
		})),
		registerCommand(indexDiagnosticsCommands.indexListing, () => index.listNow()),
		registerCommand(indexDiagnosticsCommands.hostLatency, (action?: 'start' | 'read' | 'stop') => {
			if (action === 'start') {
				probe.start();
				return probe.read();
			}
			return action === 'stop' ? probe.stop() : probe.read();
		}),
	);
}
