// An in-memory ClaimFileSystem for the repository's unit tests: files with permission bits, symbolic links,
// per-path locks that really exclude, and hooks that let a test fail an operation or act between two of them.
import type { ClaimFileStat, ClaimFileSystem, ClaimFolderEntry, ReleaseLock } from '../../src/core/claims/claimFileSystem';

interface StoredFile {
	bytes: Uint8Array;
	mode: number;
}

type Operation = 'read' | 'write' | 'rename' | 'delete';

/** Paths are POSIX-like strings (`/ws/news/a.txt`); folders exist implicitly. */
export class MemoryFileSystem implements ClaimFileSystem {
	private readonly files = new Map<string, StoredFile>();
	private readonly links = new Map<string, string>();
	private readonly locks = new Map<string, Promise<void>>();
	/** Every operation, in order (`write /ws/a.claims.json`), for tests that check what happened. */
	readonly log: string[] = [];
	/** Called before each operation; may throw to fail it, or change files to play another writer. */
	before: (operation: Operation, path: string) => void | Promise<void> = () => undefined;

	fileName(path: string): string {
		return path.slice(path.lastIndexOf('/') + 1);
	}

	/** Puts a file (UTF-8 text or raw bytes) without going through the hooks. */
	put(path: string, content: string | Uint8Array, mode = 0o644): void {
		this.files.set(this.resolve(path), { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mode });
	}

	/** The file's text (UTF-8, lenient), or undefined when missing. */
	text(path: string): string | undefined {
		const file = this.files.get(this.resolve(path));
		return file ? new TextDecoder().decode(file.bytes) : undefined;
	}

	bytes(path: string): Uint8Array | undefined {
		return this.files.get(this.resolve(path))?.bytes;
	}

	mode(path: string): number | undefined {
		return this.files.get(this.resolve(path))?.mode;
	}

	/** Makes `path` a symbolic link to `target`. */
	symlink(path: string, target: string): void {
		this.links.set(path, target);
	}

	isLink(path: string): boolean {
		return this.links.has(path);
	}

	/** Every file path (links excluded), sorted. */
	paths(): string[] {
		return [...this.files.keys()].sort();
	}

	private resolve(path: string): string {
		let current = path;
		for (let depth = 0; this.links.has(current) && depth < 16; depth++) {
			current = this.links.get(current) as string;
		}
		return current;
	}

	async read(path: string): Promise<Uint8Array | null> {
		await this.before('read', path);
		this.log.push(`read ${path}`);
		return this.files.get(this.resolve(path))?.bytes ?? null;
	}

	async write(path: string, bytes: Uint8Array, options?: { readonly mode?: number }): Promise<void> {
		await this.before('write', path);
		this.log.push(`write ${path}`);
		const existing = this.files.get(this.resolve(path));
		this.files.set(this.resolve(path), { bytes: Uint8Array.from(bytes), mode: options?.mode ?? existing?.mode ?? 0o644 });
	}

	async rename(from: string, to: string): Promise<void> {
		await this.before('rename', to);
		this.log.push(`rename ${from} ${to}`);
		const file = this.files.get(from);
		if (!file) {
			throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
		}
		// Like rename(2): a link at `to` is replaced by the file itself.
		this.links.delete(to);
		this.files.delete(from);
		this.files.set(to, file);
	}

	async stat(path: string): Promise<ClaimFileStat | null> {
		const real = this.resolve(path);
		const file = this.files.get(real);
		if (file) {
			return { kind: 'file', size: file.bytes.length, mode: file.mode, realPath: real };
		}
		const prefix = `${real}/`;
		return [...this.files.keys()].some((p) => p.startsWith(prefix)) ? { kind: 'folder', size: 0, realPath: real } : null;
	}

	async delete(path: string): Promise<void> {
		await this.before('delete', path);
		this.log.push(`delete ${path}`);
		if (!this.links.delete(path)) {
			this.files.delete(path);
		}
	}

	async list(folder: string): Promise<ClaimFolderEntry[]> {
		const prefix = folder.endsWith('/') ? folder : `${folder}/`;
		const entries = new Map<string, ClaimFolderEntry>();
		for (const path of [...this.files.keys(), ...this.links.keys()]) {
			if (path.startsWith(prefix)) {
				const rest = path.slice(prefix.length);
				const slash = rest.indexOf('/');
				const name = slash < 0 ? rest : rest.slice(0, slash);
				entries.set(name, { name, kind: slash < 0 ? 'file' : 'folder' });
			}
		}
		return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
	}

	async lock(path: string): Promise<ReleaseLock> {
		for (let held = this.locks.get(path); held; held = this.locks.get(path)) {
			await held;
		}
		let release!: () => void;
		this.locks.set(path, new Promise<void>((resolve) => {
			release = resolve;
		}));
		this.log.push(`lock ${path}`);
		return async () => {
			this.locks.delete(path);
			this.log.push(`unlock ${path}`);
			release();
		};
	}
}
