/**
 * The small file system the claim repository works on. The extension passes one over `vscode.workspace.fs`
 * (src/vscode/claims/vscodeClaimFileSystem.ts), the command line one over `node:fs`
 * (src/node/nodeClaimFileSystem.ts), the unit tests an in-memory one (test/support/memoryFileSystem.ts).
 * Watching stays in the adapters. Paths are whatever the adapter uses (file paths, URI strings); the core only
 * changes their last segment (sidecarPath.ts).
 */

/** What `stat` tells about a path (links followed). */
export interface ClaimFileStat {
	readonly kind: 'file' | 'folder' | 'other';
	readonly size: number;
	/** Permission bits (e.g. 0o600) when the file system has them; a replaced file keeps them. */
	readonly mode?: number;
	/**
	 * The path with symbolic links resolved (the path itself when there are none): a sidecar that is a link is
	 * replaced where the link points, so the link stays a link.
	 */
	readonly realPath: string;
}

/** One entry of a folder. */
export interface ClaimFolderEntry {
	readonly name: string;
	readonly kind: 'file' | 'folder' | 'other';
}

/** Releases a lock taken with `ClaimFileSystem.lock`. */
export type ReleaseLock = () => Promise<void>;

/** The operations the repository needs; every method rejects with the adapter's error on failure. */
export interface ClaimFileSystem {
	/** The file name of a path, as the user reads it (URIs percent-decoded). */
	fileName(path: string): string;
	/** The file's bytes, or null when it does not exist. */
	read(path: string): Promise<Uint8Array | null>;
	/** Creates or truncates the file with these bytes (no temporary file: the repository renames one itself). */
	write(path: string, bytes: Uint8Array, options?: { readonly mode?: number }): Promise<void>;
	/** Renames `from` to `to`, replacing `to` in one step (readers see the old file or the new one). */
	rename(from: string, to: string): Promise<void>;
	/** What is at `path` (links followed), or null when nothing is. */
	stat(path: string): Promise<ClaimFileStat | null>;
	/** Deletes a file; a missing file is not an error. */
	delete(path: string): Promise<void>;
	/** The entries of a folder (not recursive). */
	list(folder: string): Promise<ClaimFolderEntry[]>;
	/**
	 * Takes the exclusive lock of `path` (waiting for another holder, across processes where the file system
	 * allows it: a lock file created with O_EXCL beside the file, broken when stale). Resolves to its release.
	 */
	lock(path: string): Promise<ReleaseLock>;
}
