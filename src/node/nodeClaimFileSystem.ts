// The claim repository's file system on node:fs: the command line's, and the extension's for local `file:`
// workspaces (where it already renames with the operating system's own rename).
//
// The lock is a file beside the sidecar (`.<name>.lock`) created with O_EXCL ('wx'): only one process can
// create it. It holds the owner's pid and a nonce. A lock whose owner is gone (same host, pid not alive) or that
// is older than STALE_LOCK_MS is broken; before breaking, the lock's content is read again, so that a lock just
// re-taken by another process is not removed. A waiter gives up after LOCK_TIMEOUT_MS with a message naming
// the lock file.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, open, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { ClaimFileStat, ClaimFileSystem, ClaimFolderEntry, ReleaseLock } from '../core/claims/claimFileSystem';

/** A lock older than this is taken to be left over by a crash. Writes take milliseconds. */
export const STALE_LOCK_MS = 15_000;
/** How long a writer waits for a lock before giving up. */
export const LOCK_TIMEOUT_MS = 30_000;

function code(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return code(error) === 'EPERM';
	}
}

/** The lock file of a path: hidden, beside the file the path resolves to. */
export function lockPathFor(file: string): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

async function resolved(file: string): Promise<string> {
	try {
		return await realpath(file);
	} catch {
		return file;
	}
}

/** Whether the lock held in `content` (written `host pid nonce time`) is left over. */
async function isStale(lockFile: string, content: string): Promise<boolean> {
	const [host, pid] = content.split(' ');
	if (host === hostname() && Number.isInteger(Number(pid)) && !isAlive(Number(pid))) {
		return true;
	}
	try {
		return Date.now() - (await stat(lockFile)).mtimeMs > STALE_LOCK_MS;
	} catch {
		return false;
	}
}

/** Takes the lock of `file`; see the module comment. */
export async function lockFile(file: string): Promise<ReleaseLock> {
	const lock = lockPathFor(await resolved(file));
	const mine = `${hostname()} ${process.pid} ${randomBytes(8).toString('hex')} ${new Date().toISOString()}`;
	const deadline = Date.now() + LOCK_TIMEOUT_MS;
	for (let attempt = 0; ; attempt++) {
		try {
			const handle = await open(lock, 'wx');
			try {
				await handle.writeFile(mine);
			} finally {
				await handle.close();
			}
			return async () => {
				// Only our own lock is removed (a stale-lock breaker may have replaced it).
				const now = await readFile(lock, 'utf8').catch(() => '');
				if (now === mine) {
					await unlink(lock).catch(() => undefined);
				}
			};
		} catch (error) {
			if (code(error) !== 'EEXIST') {
				throw error;
			}
		}
		const held = await readFile(lock, 'utf8').catch(() => null);
		if (held !== null && await isStale(lock, held)) {
			const again = await readFile(lock, 'utf8').catch(() => null);
			if (again === held) {
				await unlink(lock).catch(() => undefined);
			}
			continue;
		}
		if (Date.now() > deadline) {
			throw new Error(`${path.basename(file)} is locked by another process (${lock}); if no news-seed or editor is writing it, delete that lock file`);
		}
		// Back off a little more each time, with jitter so that waiters do not wake together.
		await sleep(Math.min(50, 2 + attempt) * (0.5 + Math.random()));
	}
}

/**
 * node:fs for the claim repository. `syncReads`: read files in one synchronous call (the command line's choice:
 * nothing else waits on its event loop, and it costs a quarter of the CPU of an asynchronous read, which counts
 * over 10,000 files); the extension host reads asynchronously.
 */
export function nodeClaimFileSystem(options: { readonly syncReads?: boolean } = {}): ClaimFileSystem {
	return {
		...nodeOperations,
		async read(file) {
			try {
				return new Uint8Array(options.syncReads ? readFileSync(file) : await readFile(file));
			} catch (error) {
				if (code(error) === 'ENOENT') {
					return null;
				}
				throw error;
			}
		},
	};
}

const nodeOperations: Omit<ClaimFileSystem, 'read'> = {
	fileName: (file) => path.basename(file),

	async write(file, bytes, options) {
		await writeFile(file, bytes, options?.mode !== undefined ? { mode: options.mode } : {});
		if (options?.mode !== undefined) {
			// The umask may have cleared bits of the mode asked for.
			await chmod(file, options.mode);
		}
	},

	async rename(from, to) {
		await rename(from, to);
	},

	async stat(file): Promise<ClaimFileStat | null> {
		try {
			const info = await stat(file);
			return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other', size: info.size, mode: info.mode & 0o7777, realPath: await resolved(file) };
		} catch (error) {
			if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') {
				return null;
			}
			throw error;
		}
	},

	async delete(file) {
		await unlink(file).catch((error: unknown) => {
			if (code(error) !== 'ENOENT') {
				throw error;
			}
		});
	},

	async list(folder): Promise<ClaimFolderEntry[]> {
		const entries = await readdir(folder, { withFileTypes: true });
		return entries.map((e) => ({ name: e.name, kind: e.isFile() ? 'file' : e.isDirectory() ? 'folder' : 'other' }));
	},

	lock: lockFile,
};
