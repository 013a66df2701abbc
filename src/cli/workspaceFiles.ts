// Finding and reading articles and sidecars for the export, import, validate and stats commands (Node only).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { articleNameFor, isSidecarName, parseSidecar, sidecarNameFor, type SidecarParseResult } from '../core/claims';
import { ClaimRepository } from '../core/claims/claimRepository';
import { nodeClaimFileSystem } from '../node/nodeClaimFileSystem';
import { isSeedFileName, startsWithDateline } from '../core/seed/seedRecognition';
import { UsageError } from './cliTypes';

/** An article file and the sidecar beside it (which may not exist). */
export interface ArticleFiles {
	readonly article: string;
	readonly sidecar: string;
}

/** Folders never searched: tools' caches and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.cache', '.vscode-test', 'dist', 'out']);

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : error instanceof Error ? error.message : String(error);
}

/** The article a sidecar belongs to: `<stem>.claims.json` -> `<stem>.txt` beside it (as the editor maps it). */
export function articlePathFor(sidecarPath: string): string {
	return articleNameFor(sidecarPath);
}

/** The sidecar path of an article path. */
export function sidecarPathFor(articlePath: string): string {
	return sidecarNameFor(articlePath);
}

/** The claim repository on node:fs: every sidecar the command line reads or writes goes through it. */
export function claimRepository(): ClaimRepository {
	return new ClaimRepository(nodeClaimFileSystem({ syncReads: true }), { sha256: sha256Hex, randomBytes: nodeRandomBytes });
}

async function walk(folder: string, visit: (file: string) => void): Promise<void> {
	const entries = await readdir(folder, { withFileTypes: true });
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const entry of entries) {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) {
			if (!SKIPPED_FOLDERS.has(entry.name)) {
				await walk(full, visit);
			}
		} else if (entry.isFile()) {
			visit(full);
		}
	}
}

/**
 * Every file under `paths` (folders searched recursively, sorted by name; files taken as given), as absolute
 * paths without repeats. A path that does not exist is a {@link UsageError}.
 */
export async function expandPaths(cwd: string, paths: readonly string[]): Promise<{ files: string[]; explicit: Set<string> }> {
	const files: string[] = [];
	const explicit = new Set<string>();
	const seen = new Set<string>();
	const add = (file: string) => {
		if (!seen.has(file)) {
			seen.add(file);
			files.push(file);
		}
	};
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		let info;
		try {
			info = await stat(absolute);
		} catch (error) {
			throw new UsageError(`cannot read ${given}: ${reason(error)}`);
		}
		if (info.isDirectory()) {
			await walk(absolute, add);
		} else {
			explicit.add(absolute);
			add(absolute);
		}
	}
	return { files, explicit };
}

/** The sidecars under `paths`: every `*.claims.json` found, and the sidecar of each article named explicitly (when it exists). */
export async function findSidecars(cwd: string, paths: readonly string[]): Promise<string[]> {
	const { files, explicit } = await expandPaths(cwd, paths);
	const names = new Set(files);
	const out: string[] = [];
	for (const file of files) {
		if (isSidecarName(file)) {
			out.push(file);
		} else if (explicit.has(file) && /\.txt$/i.test(file)) {
			const sidecar = sidecarPathFor(file);
			if (!names.has(sidecar) && await exists(sidecar)) {
				names.add(sidecar);
				out.push(sidecar);
			}
		}
	}
	return out;
}

/**
 * The articles under `paths` with their sidecars. `withClaimsOnly`: in folders, only articles that have a
 * sidecar (an explicitly named article is always kept). Otherwise every seed article: a `.txt` with a seed name
 * or, when `sniff` reads its start, a dateline on its first line.
 */
export async function findArticles(cwd: string, paths: readonly string[], withClaimsOnly: boolean): Promise<ArticleFiles[]> {
	const { files, explicit } = await expandPaths(cwd, paths);
	const present = new Set(files);
	const out: ArticleFiles[] = [];
	const seen = new Set<string>();
	const add = (article: string) => {
		if (!seen.has(article)) {
			seen.add(article);
			out.push({ article, sidecar: sidecarPathFor(article) });
		}
	};
	for (const file of files) {
		if (isSidecarName(file)) {
			add(articlePathFor(file));
		} else if (/\.txt$/i.test(file)) {
			if (explicit.has(file)) {
				add(file);
			} else if (withClaimsOnly) {
				if (present.has(sidecarPathFor(file))) {
					add(file);
				}
			} else if (isSeedFileName(path.basename(file)) || startsWithDateline((await readHead(file, 1024)).replace(/^\uFEFF/, '').slice(0, 200))) {
				add(file);
			}
		}
	}
	return out;
}

/**
 * The first `bytes` bytes of a file as UTF-8 text (a character cut at the end becomes U+FFFD): enough for a
 * first-line test without reading a huge file whole.
 */
export async function readHead(file: string, bytes: number): Promise<string> {
	const handle = await open(file, 'r');
	try {
		const buffer = Buffer.alloc(bytes);
		const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
		return buffer.subarray(0, bytesRead).toString('utf8');
	} finally {
		await handle.close();
	}
}

/** Whether a file exists. */
export async function exists(file: string): Promise<boolean> {
	return stat(file).then(() => true, () => false);
}

/**
 * A text file as VS Code holds it (byte-order mark dropped, line ends kept), or null when it does not exist.
 * Read synchronously: this is the command line's reader (nothing else waits on its event loop), and Node's
 * one-call UTF-8 read costs a quarter of the CPU of `fs/promises` readFile (open, fstat, read, close, each a
 * trip through the thread pool): 0.4 s instead of 1.7 s for the 10,000 files of the exports bench.
 */
export async function readTextOrNull(file: string): Promise<string | null> {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return null;
		}
		throw new UsageError(`cannot read ${file}: ${reason(error)}`);
	}
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A text file that must exist, as VS Code holds it; a missing or unreadable file is a {@link UsageError}. */
export async function readText(file: string, what = 'file'): Promise<string> {
	const text = await readTextOrNull(file);
	if (text === null) {
		throw new UsageError(`cannot read ${what} ${file}: no such file`);
	}
	return text;
}

/** An article and its parsed sidecar (null when there is none). */
export interface LoadedArticle extends ArticleFiles {
	readonly text: string;
	readonly sidecarText: string | null;
	readonly parsed: SidecarParseResult | null;
}

/**
 * Reads an article and its sidecar through the claim repository (with `read`: `parseSidecar` by default, the
 * export's fast reader for exports). A sidecar that is not UTF-8 is 'invalid', with its problem. A missing
 * article is a {@link UsageError}; callers that walk folders check for orphans first (`isOrphanSidecar`).
 */
export async function loadArticle(files: ArticleFiles, read: (text: string) => SidecarParseResult = parseSidecar): Promise<LoadedArticle> {
	const repository = claimRepository();
	const [text, snapshot] = await Promise.all([repository.readArticle(files.article), repository.load(files.article, read)]);
	if (text === null) {
		throw new UsageError(`cannot read article ${files.article}: no such file`);
	}
	const parsed: SidecarParseResult | null = snapshot.status === 'missing'
		? null
		: {
			status: snapshot.status === 'undecodable' ? 'invalid' : snapshot.status,
			sidecar: snapshot.status === 'ok' && snapshot.article ? { article: snapshot.article, claims: snapshot.claims } : null,
			article: snapshot.article,
			claims: snapshot.claims,
			problems: snapshot.problems,
		};
	return { ...files, text, sidecarText: snapshot.text, parsed };
}

/** True when the sidecar exists but its article does not (renamed or deleted): reported, then skipped. */
export async function isOrphanSidecar(files: ArticleFiles): Promise<boolean> {
	return !(await exists(files.article)) && await exists(files.sidecar);
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes (the sidecar's `article.sha256`). */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Random bytes for claim ids. */
export function nodeRandomBytes(count: number): Uint8Array {
	return new Uint8Array(randomBytes(count));
}

/**
 * Writes a file through a temporary file renamed over it, creating folders: never half a file. For the files git
 * hands the merge driver and the ones `resolve` and `--move-sidecars` replace; claim edits go through the claim
 * repository.
 */
export async function writeTextAtomically(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, text, 'utf8');
		await rename(temporary, file);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

/**
 * Writes a file from pieces of text (created or truncated; no temporary file, no fsync: exports are
 * regenerated, not edited). One piece is one synchronous write, as the command line reads (a brat export is
 * 10,000 small files: one system call each instead of three trips through the thread pool); more pieces go
 * through a write stream that waits for the disk, so a file of hundreds of megabytes is never one string nor
 * one buffer in memory.
 */
export async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
	const iterator = pieces[Symbol.iterator]();
	const first = iterator.next();
	const second = first.done === true ? first : iterator.next();
	if (second.done === true) {
		writeFileSync(file, first.done === true ? '' : first.value, 'utf8');
		return;
	}
	function* rest(): Generator<string> {
		yield first.value as string;
		yield second.value as string;
		for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
			yield next.value;
		}
	}
	await pipeline(Readable.from(rest(), { objectMode: false, highWaterMark: 1 << 20 }), createWriteStream(file));
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await task(items[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}

/** Reports progress on stderr when a run is long (at most every half second, only past `minimum` items). */
export function progressReporter(stderr: (text: string) => void, what: string, total: number, minimum = 200): { tick(): void; done(): void } {
	let count = 0;
	let last = Date.now();
	const show = total >= minimum;
	return {
		tick() {
			count++;
			if (show && Date.now() - last > 500) {
				last = Date.now();
				stderr(`news-seed: ${what} ${count}/${total}\n`);
			}
		},
		done() {
			if (show) {
				stderr(`news-seed: ${what} ${count}/${total} done\n`);
			}
		},
	};
}
