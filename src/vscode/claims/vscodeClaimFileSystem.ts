// The claim repository's file system in the extension. Paths are URI strings. On the desktop, local `file:` URIs
// go through the platform's local file system (node:fs: VS Code's rename with overwrite deletes the target first,
// and a sidecar must never be missing for a moment), with the same lock file as the command line, so the editor
// and `news-seed import` exclude each other. Other schemes (remote, virtual) and the browser use
// vscode.workspace.fs; their lock only orders this window's writes, and the repository compares the file's
// content immediately before renaming.
import * as vscode from 'vscode';
import { runOnHost } from './hostSteps';
import type { ClaimFileStat, ClaimFileSystem, ClaimFolderEntry, ReleaseLock } from '../../core/claims/claimFileSystem';
import { ClaimRepository } from '../../core/claims/claimRepository';
import type { HostPlatform } from '../platform';

function kindOf(type: vscode.FileType): 'file' | 'folder' | 'other' {
	return type & vscode.FileType.File ? 'file' : type & vscode.FileType.Directory ? 'folder' : 'other';
}

function isNotFound(error: unknown): boolean {
	return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/**
 * The extension's `ClaimFileSystem` (see the module comment); `local` is the platform's file system for local
 * paths (undefined in the browser).
 */
export function createVscodeClaimFileSystem(local: ClaimFileSystem | undefined): ClaimFileSystem {
	/** A path of the repository (a URI string) as a URI, and its local path when the platform has local files. */
	const parse = (path: string): { uri: vscode.Uri; file: string | null } => {
		const uri = vscode.Uri.parse(path, true);
		return { uri, file: uri.scheme === 'file' && local ? uri.fsPath : null };
	};
	/** In-window locks: one writer at a time per path in this window. */
	const windowLocks = new Map<string, Promise<void>>();
	const windowLock = async (path: string): Promise<ReleaseLock> => {
		for (let held = windowLocks.get(path); held; held = windowLocks.get(path)) {
			await held;
		}
		let release!: () => void;
		windowLocks.set(path, new Promise<void>((resolve) => {
			release = resolve;
		}));
		return async () => {
			windowLocks.delete(path);
			release();
		};
	};
	return {
	fileName(path) {
		const { uri } = parse(path);
		return uri.path.slice(uri.path.lastIndexOf('/') + 1);
	},

	async read(path) {
		const { uri, file } = parse(path);
		if (file !== null) {
			return (local as ClaimFileSystem).read(file);
		}
		try {
			return await vscode.workspace.fs.readFile(uri);
		} catch (error) {
			if (isNotFound(error)) {
				return null;
			}
			throw error;
		}
	},

	async write(path, bytes, options) {
		const { uri, file } = parse(path);
		return file !== null ? (local as ClaimFileSystem).write(file, bytes, options) : vscode.workspace.fs.writeFile(uri, bytes);
	},

	async rename(from, to) {
		const source = parse(from);
		const target = parse(to);
		if (source.file !== null && target.file !== null) {
			return (local as ClaimFileSystem).rename(source.file, target.file);
		}
		await vscode.workspace.fs.rename(source.uri, target.uri, { overwrite: true });
	},

	async stat(path): Promise<ClaimFileStat | null> {
		const { uri, file } = parse(path);
		if (file !== null) {
			const info = await (local as ClaimFileSystem).stat(file);
			return info && { ...info, realPath: vscode.Uri.file(info.realPath).toString() };
		}
		try {
			const info = await vscode.workspace.fs.stat(uri);
			return { kind: kindOf(info.type), size: info.size, realPath: path };
		} catch (error) {
			if (isNotFound(error)) {
				return null;
			}
			throw error;
		}
	},

	async delete(path) {
		const { uri, file } = parse(path);
		if (file !== null) {
			return (local as ClaimFileSystem).delete(file);
		}
		await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, (error: unknown) => {
			if (!isNotFound(error)) {
				throw error;
			}
		});
	},

	async list(folder): Promise<ClaimFolderEntry[]> {
		const entries = await vscode.workspace.fs.readDirectory(parse(folder).uri);
		return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
	},

	async lock(path) {
		const { file } = parse(path);
		// Both: the window lock orders this window's writers without touching the disk, the lock file excludes
		// other processes.
		const releaseWindow = await windowLock(path);
		if (file === null) {
			return releaseWindow;
		}
		try {
			const releaseFile = await (local as ClaimFileSystem).lock(file);
			return async () => {
				await releaseFile();
				await releaseWindow();
			};
		} catch (error) {
			await releaseWindow();
			throw error;
		}
	},
	};
}

/** The claim repository of the extension on this host platform. */
export function createClaimRepository(platform: HostPlatform): ClaimRepository {
	return new ClaimRepository(createVscodeClaimFileSystem(platform.localClaimFiles), {
		sha256: platform.sha256,
		randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
		runSteps: runOnHost,
	});
}
