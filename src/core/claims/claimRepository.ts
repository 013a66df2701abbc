/**
 * The claim repository: the one path by which the editor and the command line read and write sidecars, over
 * an injected `ClaimFileSystem`.
 *
 * One reconcile path (`save`): under the sidecar's lock, read what is on disk; if it is no longer the version
 * the change was based on (compared by content), 3-way merge (base = that version, ours = the change, theirs =
 * the disk); anchor the claims in the article's text (recording each claim's state); write through a temporary
 * file renamed over the sidecar. Reading and writing under one lock makes the write a compare-and-swap across
 * processes; file systems without locks (remote workspaces) compare immediately before the rename.
 *
 * Rules that keep claims safe:
 *  - deletion is a recorded fact: a claim is deleted only when it is in the base and missing from one side
 *    (mergeClaimSets); a sidecar that vanished under a write is not a deletion of its claims;
 *  - a claim changed differently on both sides keeps both versions (its `conflict` record);
 *  - a sidecar that is damaged, foreign, of a newer version or not UTF-8 is never written (`ClaimsRefusedError`);
 *  - a symbolic link is written through (the link stays a link), and the file keeps its permission bits;
 *  - a failed write leaves the old file as it was (the temporary file is removed).
 */
import { anchorClaimsSteps, prepareArticle, retargetClaimsSteps } from './anchoring';
import type { ClaimFileSystem } from './claimFileSystem';
import { compareClaims, sameClaim, type Claim, type RandomBytes } from './claimModel';
import { importIntoSidecar, type ClaimDraft, type ImportEnvironment, type ImportOutcome } from './exports/importClaims';
import { mergeClaimSets, type ClaimConflict } from './mergeClaims';
import { createSidecar, describeArticle, formatSidecarProblem, mergeDismissedHints, normaliseDismissedHints, parseSidecarSteps, serialiseSidecarSteps, type Sha256Hex, type SidecarArticle, type SidecarParseResult, type SidecarProblem } from './sidecarFormat';
import { baseNameOf, besidePath, sidecarNameFor } from './sidecarPath';
import { parseDateline } from '../seed/dateline';
import { drainSteps, runStepsAtOnce, type StepRunner, type Steps } from '../text/steps';

/**
 * What a sidecar path holds: 'missing' (no file), 'ok', 'invalid' (our format, broken), 'foreign' (other JSON),
 * 'undecodable' (bytes that are not UTF-8). Only 'ok' and 'missing' sidecars are ever written.
 */
export type SidecarStatus = 'missing' | 'ok' | 'invalid' | 'foreign' | 'undecodable';

/** A sidecar as read at one moment: the base of a later compare-and-swap. */
export interface SidecarSnapshot {
	readonly articlePath: string;
	readonly sidecarPath: string;
	readonly status: SidecarStatus;
	/** The file's text as read (byte-order mark kept); null when missing or not UTF-8. */
	readonly text: string | null;
	/** The claims that could be read (read-only unless the status is 'ok'). */
	readonly claims: readonly Claim[];
	/** The check-worthiness hints dismissed in this article (sentence texts). */
	readonly dismissedHints: readonly string[];
	readonly article: SidecarArticle | null;
	readonly problems: readonly SidecarProblem[];
}

/** The snapshot of a path that holds no sidecar. */
export function missingSnapshot(articlePath: string): SidecarSnapshot {
	return { articlePath, sidecarPath: sidecarNameFor(articlePath), status: 'missing', text: null, claims: [], dismissedHints: [], article: null, problems: [] };
}

/** True when the repository may write the sidecar (it is ours and readable, or there is none). */
export function isWritable(snapshot: SidecarSnapshot): boolean {
	return snapshot.status === 'ok' || snapshot.status === 'missing';
}

/** One line saying why a sidecar is read-only. */
export function describeDamage(snapshot: SidecarSnapshot): string {
	if (snapshot.status === 'foreign') {
		return 'it is not a claims sidecar';
	}
	const first = snapshot.problems[0];
	const more = snapshot.problems.length > 1 ? ` (and ${snapshot.problems.length - 1} more)` : '';
	return first ? `${formatSidecarProblem(first)}${more}` : 'unreadable';
}

/** A write refused because the sidecar on disk is damaged, foreign or not UTF-8: the file is left as it is. */
export class ClaimsRefusedError extends Error {
	constructor(readonly snapshot: SidecarSnapshot) {
		super(`${baseNameOf(snapshot.sidecarPath)} ${snapshot.status === 'foreign' ? 'is not a claims sidecar' : `is damaged (${describeDamage(snapshot)})`}; it is left as it is`);
		this.name = 'ClaimsRefusedError';
	}
}

/** What a save did. */
export interface SaveOutcome {
	/** The sidecar as it is now on disk (the base of the next save). */
	readonly snapshot: SidecarSnapshot;
	/** The claims now: merged with the disk when it had changed, anchored in the article's text. */
	readonly claims: readonly Claim[];
	/** The dismissed hints now (merged with the disk's like the claims). */
	readonly dismissedHints: readonly string[];
	/** Claims both sides changed differently (each kept with a `conflict` record). */
	readonly conflicts: readonly ClaimConflict[];
	/** True when the disk held another version than the base, and the claims were merged with it. */
	readonly merged: boolean;
	/** True when the file was written or deleted. */
	readonly written: boolean;
}

/** Options of `save`. */
export interface SaveOptions {
	/**
	 * The read path (a change seen on disk): adopt the disk's version, and write only when merging with the
	 * claims held produced something the disk lacks. A sidecar deleted on disk then counts as deleted.
	 */
	readonly onlyIfMerged?: boolean;
	/** The dismissed check-worthiness hints as the caller holds them (derived from the base's); default: the base's. */
	readonly dismissedHints?: readonly string[];
}

/** One article of an import and the drafts it receives. */
export interface ImportTarget {
	readonly articlePath: string;
	readonly drafts: readonly ClaimDraft[];
	/** The article's text as the editor holds it (an open document with unsaved edits); default: the file's. */
	readonly articleText?: string;
}

/** The outcome of an import into one article. */
export interface ArticleImportResult {
	readonly articlePath: string;
	readonly sidecarPath: string;
	readonly outcome: ImportOutcome;
	readonly written: boolean;
}

/** Why an import wrote nothing: every target that cannot be imported into, each with its reason. */
export class ImportRefusedError extends Error {
	constructor(readonly problems: readonly { readonly articlePath: string; readonly reason: 'missing-article' | 'damaged-sidecar'; readonly message: string }[]) {
		super(`nothing imported: ${problems.map((p) => p.message).join('; ')}`);
		this.name = 'ImportRefusedError';
	}
}

/** What the repository needs besides the file system. */
export interface RepositoryEnvironment {
	/** Hex SHA-256 of a text's UTF-8 bytes (the sidecar's article hash). */
	readonly sha256: Sha256Hex;
	/** Random bytes (temporary file names). */
	readonly randomBytes: RandomBytes;
	/**
	 * Runs the long computations of a read or a save (decoding, parsing, anchoring, serialising: about a second of
	 * work for 10,000 claims) given as steps; the extension host yields between slices. Default: all at once.
	 */
	readonly runSteps?: StepRunner;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * The offset of the first byte of `bytes` that does not belong to a valid UTF-8 sequence, or -1. Used only once
 * a strict decode has failed, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
		if (length === 0 || i + length > bytes.length) {
			return i;
		}
		for (let k = 1; k < length; k++) {
			if ((bytes[i + k] & 0xc0) !== 0x80) {
				return i;
			}
		}
		// Overlong 3- and 4-byte forms, surrogates and code points past U+10FFFF.
		const second = bytes[i + 1];
		if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second >= 0x90)) {
			return i;
		}
		i += length;
	}
	return -1;
}

/** The sidecar read from bytes: strict UTF-8 (a file with bad bytes is reported and never rewritten), then parsed. */
export function snapshotFromBytes(articlePath: string, bytes: Uint8Array | null, parse?: (text: string) => SidecarParseResult): SidecarSnapshot {
	return drainSteps(snapshotFromBytesSteps(articlePath, bytes, parse));
}

/** {@link snapshotFromBytes} in steps (see `steps.ts`); a custom `parse` runs as one step. */
export function* snapshotFromBytesSteps(articlePath: string, bytes: Uint8Array | null, parse?: (text: string) => SidecarParseResult): Steps<SidecarSnapshot> {
	const sidecarPath = sidecarNameFor(articlePath);
	if (bytes === null) {
		return missingSnapshot(articlePath);
	}
	let text: string;
	try {
		// One step: decoding in pieces costs more in all, since the pieces must then be joined into one string.
		text = strictDecoder.decode(bytes);
	} catch {
		const at = Math.max(0, firstInvalidUtf8(bytes));
		let line = 1;
		let lineStart = 0;
		for (let i = 0; i < at; i++) {
			if (bytes[i] === 0x0a) {
				line++;
				lineStart = i + 1;
			}
		}
		// The claims are still shown (read-only), decoded with replacement characters.
		const lenient = lenientDecoder.decode(bytes);
		const salvaged = parse ? parse(lenient) : yield* parseSidecarSteps(lenient);
		const problem: SidecarProblem = {
			message: `The file is not valid UTF-8 (byte ${at}); it is shown read-only and never rewritten. Fix its encoding.`,
			path: '$', offset: at, line, column: at - lineStart + 1,
		};
		return { articlePath, sidecarPath, status: 'undecodable', text: null, claims: salvaged.claims, dismissedHints: salvaged.sidecar?.dismissedHints ?? [], article: salvaged.article, problems: [problem] };
	}
	yield;
	const parsed = parse ? parse(text) : yield* parseSidecarSteps(text);
	return { articlePath, sidecarPath, status: parsed.status, text, claims: parsed.claims, dismissedHints: parsed.sidecar?.dismissedHints ?? [], article: parsed.article, problems: parsed.problems };
}

function sameHints(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((hint, i) => hint === b[i]);
}

/** UTF-16 units compared per step by {@link sameTextSteps}. */
const COMPARE_CHUNK = 1 << 18;

/**
 * True when `bytes` (null: no file) are the UTF-8 encoding of `text` (null: no file); in steps, each encoding a
 * piece of the text into one small buffer (a 9 MB sidecar is never copied whole for this).
 */
function* sameTextSteps(bytes: Uint8Array | null, text: string | null): Steps<boolean> {
	if (bytes === null || text === null) {
		return bytes === null && text === null;
	}
	// UTF-8 takes at least one byte per UTF-16 unit and at most three: most other texts are told apart here.
	if (bytes.length < text.length || bytes.length > 3 * text.length) {
		return false;
	}
	const buffer = new Uint8Array(3 * COMPARE_CHUNK);
	let offset = 0;
	for (let at = 0; at < text.length;) {
		let end = Math.min(text.length, at + COMPARE_CHUNK);
		// Never between the two halves of a surrogate pair.
		if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) {
			end--;
		}
		const { written } = encoder.encodeInto(text.slice(at, end), buffer);
		if (offset + written > bytes.length) {
			return false;
		}
		for (let i = 0; i < written; i++) {
			if (buffer[i] !== bytes[offset + i]) {
				return false;
			}
		}
		offset += written;
		at = end;
		yield;
	}
	return offset === bytes.length;
}

/** True when both hold the same claims (by id, every stored field), whatever their order. */
export function sameClaimSet(a: readonly Claim[], b: readonly Claim[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	const byId = new Map(b.map((c) => [c.id, c]));
	return a.every((c) => {
		const other = byId.get(c.id);
		return other !== undefined && sameClaim(c, other);
	});
}

/** Reads and writes claims sidecars; see the module comment. */
export class ClaimRepository {
	private readonly run: StepRunner;

	constructor(private readonly fs: ClaimFileSystem, private readonly env: RepositoryEnvironment) {
		this.run = env.runSteps ?? runStepsAtOnce;
	}

	/** The sidecar path of an article path. */
	sidecarPathOf(articlePath: string): string {
		return sidecarNameFor(articlePath);
	}

	/**
	 * The article's text as an editor holds it (byte-order mark dropped; bytes that are not UTF-8 become U+FFFD,
	 * as VS Code shows them), or null when there is no such file.
	 */
	async readArticle(articlePath: string): Promise<string | null> {
		const bytes = await this.fs.read(articlePath);
		if (bytes === null) {
			return null;
		}
		const text = lenientDecoder.decode(bytes);
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	}

	/** Reads an article's sidecar (with `parse`, `parseSidecar` by default). Never throws for bad content. */
	async load(articlePath: string, parse?: (text: string) => SidecarParseResult): Promise<SidecarSnapshot> {
		const bytes = await this.fs.read(sidecarNameFor(articlePath));
		return this.run(snapshotFromBytesSteps(articlePath, bytes, parse));
	}

	/**
	 * Saves `ours` (the claims as the caller holds them, derived from `base`) for the article whose current text
	 * is `articleText` (null: unknown, the claims are kept as they are and the article description as stored).
	 * See the module comment; rejects with `ClaimsRefusedError` when the disk holds a damaged sidecar.
	 */
	async save(base: SidecarSnapshot, ours: readonly Claim[], articleText: string | null, options: SaveOptions = {}): Promise<SaveOutcome> {
		const release = await this.fs.lock(base.sidecarPath);
		try {
			return await this.saveLocked(base, ours, articleText, options);
		} finally {
			await release();
		}
	}

	private async saveLocked(base: SidecarSnapshot, ours: readonly Claim[], articleText: string | null, options: SaveOptions): Promise<SaveOutcome> {
		const bytes = await this.fs.read(base.sidecarPath);
		// The common case, nobody else wrote: the bytes are the base's, and a large sidecar is not parsed again.
		const disk = isWritable(base) && await this.run(sameTextSteps(bytes, base.text)) ? base : await this.run(snapshotFromBytesSteps(base.articlePath, bytes));
		if (!isWritable(disk)) {
			throw new ClaimsRefusedError(disk);
		}
		const unchanged = disk === base || (disk.status === base.status && disk.text === base.text);
		let claims: readonly Claim[] = ours;
		let conflicts: readonly ClaimConflict[] = [];
		const ourHints = options.dismissedHints ?? base.dismissedHints;
		let hints: readonly string[] = unchanged ? ourHints : mergeDismissedHints(isWritable(base) ? base.dismissedHints : [], ourHints, disk.dismissedHints);
		if (!unchanged) {
			// A sidecar that vanished is not a deletion of its claims, except on the read path, where the user's
			// deletion of the file is what we adopt.
			const theirs = disk.status === 'missing' && !options.onlyIfMerged ? base.claims : disk.claims;
			const merged = mergeClaimSets(isWritable(base) ? base.claims : [], ours, theirs);
			claims = merged.claims;
			conflicts = merged.conflicts;
		}
		if (options.onlyIfMerged && sameClaimSet(claims, disk.claims) && sameHints(hints, disk.dismissedHints)) {
			return { snapshot: disk, claims: disk.claims, dismissedHints: disk.dismissedHints, conflicts, merged: !unchanged, written: false };
		}
		if (articleText !== null) {
			const article = prepareArticle(articleText);
			const placed = claims;
			claims = await this.run((function* () {
				return yield* retargetClaimsSteps(placed, yield* anchorClaimsSteps(article, placed.map((c) => c.target)), article);
			})());
		}
		if (claims.length === 0 && hints.length === 0) {
			if (disk.status !== 'missing') {
				await this.fs.delete(disk.sidecarPath);
			}
			return { snapshot: missingSnapshot(base.articlePath), claims, dismissedHints: hints, conflicts, merged: !unchanged, written: disk.status !== 'missing' };
		}
		const description = articleText !== null
			? describeArticle(this.fs.fileName(base.articlePath), articleText, parseDateline(articleText).dateline?.value ?? null, this.env.sha256)
			: disk.article ?? base.article ?? describeArticle(this.fs.fileName(base.articlePath), '', null, this.env.sha256);
		hints = normaliseDismissedHints(hints);
		const text = await this.run(serialiseSidecarSteps(createSidecar(description, claims, hints)));
		const written = text !== disk.text;
		if (written) {
			await this.replaceFile(disk.sidecarPath, encoder.encode(text));
		}
		const snapshot: SidecarSnapshot = { ...disk, status: 'ok', text, claims: [...claims].sort(compareClaims), dismissedHints: hints, article: description, problems: [] };
		return { snapshot, claims: snapshot.claims, dismissedHints: hints, conflicts, merged: !unchanged, written };
	}

	/**
	 * Imports drafts into the sidecars of several articles, all or nothing: every target is checked first (its
	 * article exists, its sidecar is ours and readable), and if one fails nothing is written
	 * (`ImportRefusedError` lists them all). Each sidecar is then read, extended and written under its lock, so
	 * imports running at once into one sidecar keep every claim. `dryRun`: check and compute, write nothing.
	 */
	async importInto(targets: readonly ImportTarget[], env: ImportEnvironment, dryRun = false): Promise<ArticleImportResult[]> {
		const problems: ConstructorParameters<typeof ImportRefusedError>[0][number][] = [];
		for (const target of targets) {
			const stat = target.articleText !== undefined ? null : await this.fs.stat(target.articlePath);
			if (target.articleText === undefined && (stat === null || stat.kind !== 'file')) {
				problems.push({ articlePath: target.articlePath, reason: 'missing-article', message: `the article ${this.fs.fileName(target.articlePath)} does not exist` });
				continue;
			}
			const snapshot = await this.load(target.articlePath);
			if (!isWritable(snapshot)) {
				problems.push({ articlePath: target.articlePath, reason: 'damaged-sidecar', message: new ClaimsRefusedError(snapshot).message });
			}
		}
		if (problems.length > 0) {
			throw new ImportRefusedError(problems);
		}
		const results: ArticleImportResult[] = [];
		for (const target of targets) {
			const sidecarPath = sidecarNameFor(target.articlePath);
			const release = dryRun ? async () => undefined : await this.fs.lock(sidecarPath);
			try {
				const text = target.articleText ?? await this.readArticle(target.articlePath);
				const disk = await this.load(target.articlePath);
				if (text === null || !isWritable(disk)) {
					// Changed between the check and now (another process): refused like any damaged target.
					throw text === null ? new ImportRefusedError([{ articlePath: target.articlePath, reason: 'missing-article', message: `the article ${this.fs.fileName(target.articlePath)} disappeared` }]) : new ClaimsRefusedError(disk);
				}
				const imported = importIntoSidecar(this.fs.fileName(target.articlePath), text, disk.text, target.drafts, env, this.env.sha256);
				const write = imported.sidecarText !== null && !dryRun;
				if (write) {
					await this.replaceFile(sidecarPath, encoder.encode(imported.sidecarText as string));
				}
				results.push({ articlePath: target.articlePath, sidecarPath, outcome: imported.outcome, written: write });
			} finally {
				await release();
			}
		}
		return results;
	}

	/**
	 * Replaces a file's content in one step: a temporary file beside the real file (links followed), with the
	 * same permission bits, renamed over it. On failure the old file is left as it was.
	 */
	private async replaceFile(path: string, bytes: Uint8Array): Promise<void> {
		const stat = await this.fs.stat(path);
		const target = stat?.kind === 'file' ? stat.realPath : path;
		const suffix = Array.from(this.env.randomBytes(4), (b) => b.toString(16).padStart(2, '0')).join('');
		const temporary = besidePath(target, `.${baseNameOf(target)}.${suffix}.tmp`);
		try {
			await this.fs.write(temporary, bytes, stat?.mode !== undefined ? { mode: stat.mode } : undefined);
			await this.fs.rename(temporary, target);
		} catch (error) {
			await this.fs.delete(temporary).catch(() => undefined);
			throw error;
		}
	}
}
