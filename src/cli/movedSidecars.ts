// Sidecars left behind by articles renamed or moved without them (git mv), for `validate` and its --move-sidecars.
import { existsSync } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { findMovedArticles, parseSidecar, relocatedSidecarText, type ArticleWithoutSidecar, type OrphanSidecar } from '../core/claims';
import { articlePathFor, exists, findArticles, readText, readTextOrNull, sha256Hex, sidecarPathFor, writeTextAtomically } from './workspaceFiles';
import { UsageError } from './cliTypes';

/** A sidecar to move beside the article it belongs to. */
export interface SidecarMove {
	readonly sidecar: string;
	/** The article's new path, and the sidecar's path beside it. */
	readonly article: string;
	readonly target: string;
	readonly matchedBy: 'content' | 'name';
}

/** The folders searched for the articles: each PATH that is a folder, the folder of each PATH that is a file. */
async function searchFolders(cwd: string, paths: readonly string[]): Promise<string[]> {
	const folders = new Set<string>();
	for (const given of paths) {
		const absolute = path.resolve(cwd, given);
		folders.add((await stat(absolute)).isDirectory() ? absolute : path.dirname(absolute));
	}
	return [...folders];
}

/**
 * The sidecars among `sidecars` whose article is missing, each paired with the one article under `paths` that
 * has no sidecar and has the text (or else the file name) the sidecar recorded. Reads articles only when a
 * sidecar has lost its own.
 */
export async function findMovedSidecars(cwd: string, paths: readonly string[], sidecars: readonly string[]): Promise<SidecarMove[]> {
	const orphans: OrphanSidecar[] = [];
	for (const sidecar of sidecars) {
		if (existsSync(articlePathFor(sidecar))) {
			continue;
		}
		const text = await readTextOrNull(sidecar);
		const article = text === null ? null : parseSidecar(text).article;
		if (article) {
			orphans.push({ sidecar, article });
		}
	}
	if (orphans.length === 0) {
		return [];
	}
	const candidates: ArticleWithoutSidecar[] = [];
	for (const files of await findArticles(cwd, await searchFolders(cwd, paths), false)) {
		if (!(await exists(files.sidecar))) {
			const text = await readText(files.article, 'article');
			candidates.push({ article: files.article, fileName: path.basename(files.article), sha256: sha256Hex(text) });
		}
	}
	return findMovedArticles(orphans, candidates).map((m) => ({ ...m, target: sidecarPathFor(m.article) }));
}

/** Moves a sidecar beside its article, its article record naming the new file; refuses to replace a sidecar. */
export async function moveSidecar(move: SidecarMove): Promise<void> {
	if (await exists(move.target)) {
		throw new UsageError(`${move.target} exists already; ${move.sidecar} was not moved`);
	}
	const text = await readText(move.sidecar, 'sidecar');
	await writeTextAtomically(move.target, relocatedSidecarText(text, path.basename(move.article)));
	await unlink(move.sidecar);
}
