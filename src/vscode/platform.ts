// What differs between the desktop extension host (Node) and the browser's web-worker host: each entry point
// (src/extension.ts, src/browser.ts) passes its own, and nothing else in src/vscode imports Node.
import type * as vscode from 'vscode';
import type { ClaimFileSystem } from '../core/claims/claimFileSystem';
import type { Sha256Hex } from '../core/claims/sidecarFormat';
import type { ScoringClient } from '../core/checkworthiness/scoringWorker';
import type { OffThreadAnalyzer } from './entities/workspaceIndexService';
import type { LocalFolderLister } from './localFolderListing';

export interface HostPlatform {
	/** 'desktop' or 'browser', for the output channel and the tests. */
	readonly name: 'desktop' | 'browser';
	/**
	 * Replaces the local file `to` by `from` in one step (rename(2)). Absent in the browser, where writes go
	 * through vscode.workspace.fs only (its rename with overwrite deletes the target first).
	 */
	readonly renameLocalFile?: (from: string, to: string) => Promise<void>;
	/**
	 * Local files for the claim repository (node:fs, with the command line's lock files), used for `file:` URIs.
	 * Absent in the browser, where sidecars go through vscode.workspace.fs.
	 */
	readonly localClaimFiles?: ClaimFileSystem;
	/** The SHA-256 of a text's UTF-8 bytes in hex, synchronously (Node's crypto; a pure implementation in the browser). */
	readonly sha256: Sha256Hex;
	/**
	 * Starts the entity index's analysis off the extension host thread, or undefined where it cannot run; `log`
	 * receives where it runs (workers started, or why not).
	 */
	readonly startIndexWorkers: (extensionUri: vscode.Uri, log: (message: string) => void) => OffThreadAnalyzer | undefined;
	/** Starts the check-worthiness scoring worker (desktop: a worker thread; browser: a Web Worker); without one, articles are scored on the host in slices. */
	readonly startCheckworthinessWorker?: (extensionUri: vscode.Uri) => ScoringClient;
	/** The scoring worker's script in the extension (path segments): its bytes fingerprint the scorer whose scores are remembered across sessions. */
	readonly checkworthinessWorkerScript?: readonly string[];
	/**
	 * Git support (claim merging set up, conflict markers resolved with git's base, sidecars of moved articles); desktop
	 * only. `lister` lists the workspace's sidecars off the host's thread (the entity index's workers).
	 */
	readonly registerGitSupport?: (platform: HostPlatform, lister?: LocalFolderLister) => vscode.Disposable;
}
