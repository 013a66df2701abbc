// git, run as a program with argument arrays (never through a shell), for the claim merge set-up and for
// resolving sidecars with conflict markers. Shared by the command-line tool and the extension (local folders only).
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import * as path from 'node:path';
import { MERGE_DRIVER_DESCRIPTION, MERGE_DRIVER_NAME } from '../core/claims/gitMergeSetup';

/** What a git run gave; `code` is null when git could not be started (not installed). */
export interface GitResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs `git ARGS` in `cwd`; never rejects. */
export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
	return new Promise((resolve) => {
		execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20, windowsHide: true }, (error, stdout, stderr) => {
			const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
			resolve({ code, stdout, stderr: stderr || (code === null && error ? error.message : '') });
		});
	});
}

/**
 * Whether `folder` or a folder above it holds a `.git` (a folder, or the file of a linked work tree): where none
 * does, git would find no repository, and is not started (in the editor, starting a program holds the extension
 * host's thread tens of milliseconds: the fork of a large process). With GIT_DIR or GIT_WORK_TREE set, git decides.
 */
export async function mayBeInRepository(folder: string): Promise<boolean> {
	if (process.env.GIT_DIR || process.env.GIT_WORK_TREE) return true;
	for (let at = path.resolve(folder); ; at = path.dirname(at)) {
		if (await access(path.join(at, '.git')).then(() => true, () => false)) return true;
		if (path.dirname(at) === at) return false;
	}
}

/** The top folder of the git work tree holding `folder`, or null when it is not in one (or git is missing). */
export async function repositoryRoot(folder: string): Promise<string | null> {
	if (!(await mayBeInRepository(folder))) return null;
	const result = await runGit(['rev-parse', '--show-toplevel'], folder);
	return result.code === 0 ? path.resolve(result.stdout.trim()) : null;
}

/** How far the claim merge is set up in a repository. */
export interface MergeDriverStatus {
	/** `*.claims.json` files get `merge=news-seed` (from any attributes file git reads). */
	readonly attribute: boolean;
	/** The configured `merge.news-seed.driver` command, or null. */
	readonly driver: string | null;
}

/** Whether sidecars of the repository at `root` go through our merge driver. */
export async function mergeDriverStatus(root: string): Promise<MergeDriverStatus> {
	const [attribute, driver] = await Promise.all([
		runGit(['check-attr', 'merge', '--', 'news-seed-probe.claims.json'], root),
		runGit(['config', '--get', `merge.${MERGE_DRIVER_NAME}.driver`], root),
	]);
	return {
		attribute: attribute.code === 0 && attribute.stdout.trim().endsWith(`: merge: ${MERGE_DRIVER_NAME}`),
		driver: driver.code === 0 && driver.stdout.trim() !== '' ? driver.stdout.trim() : null,
	};
}

/** Registers the driver `command` in the repository's own config (`.git/config`); throws with git's message on failure. */
export async function registerMergeDriver(root: string, command: string): Promise<void> {
	for (const [key, value] of [[`merge.${MERGE_DRIVER_NAME}.name`, MERGE_DRIVER_DESCRIPTION], [`merge.${MERGE_DRIVER_NAME}.driver`, command]]) {
		const result = await runGit(['config', '--local', key, value], root);
		if (result.code !== 0) {
			throw new Error(`git config ${key} failed: ${result.stderr.trim() || `exit code ${String(result.code)}`}`);
		}
	}
}

/** A file's content at `revision` (`:1`, `:2`, `:3` for the index stages of a merge, or a commit), or null. */
async function show(file: string, revision: string): Promise<string | null> {
	const result = await runGit(['show', `${revision}:./${path.basename(file)}`], path.dirname(file));
	return result.code === 0 ? result.stdout : null;
}

/** What git still knows of a conflicted file: each version may be missing (null). */
export interface GitConflictVersions {
	readonly base: string | null;
	readonly ours: string | null;
	readonly theirs: string | null;
}

/**
 * The versions of a conflicted `file` from git: the index stages 1 (base), 2 (ours) and 3 (theirs) while the
 * conflict is unresolved; otherwise, during a merge, the base from `git merge-base HEAD MERGE_HEAD`.
 * Everything is null outside a repository.
 */
export async function conflictVersionsFromGit(file: string): Promise<GitConflictVersions> {
	const folder = path.dirname(file);
	const [base, ours, theirs] = await Promise.all([show(file, ':1'), show(file, ':2'), show(file, ':3')]);
	if (base !== null || ours !== null || theirs !== null) {
		return { base, ours, theirs };
	}
	const mergeHead = await runGit(['rev-parse', '-q', '--verify', 'MERGE_HEAD'], folder);
	if (mergeHead.code !== 0) {
		return { base: null, ours: null, theirs: null };
	}
	const mergeBase = await runGit(['merge-base', 'HEAD', 'MERGE_HEAD'], folder);
	return { base: mergeBase.code === 0 ? await show(file, mergeBase.stdout.trim()) : null, ours: null, theirs: null };
}
