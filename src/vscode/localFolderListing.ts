// Lists the workspace's local folders in a worker as vscode.workspace.findFiles would (core/entities/indexListing.ts),
// for the entity index (`.txt` files) and the claims (`.claims.json` sidecars): findFiles runs ripgrep, and spawning
// it holds the extension host's thread 50 to 250 ms each time (the fork of a large process), besides competing with
// the index's worker for the cores.
import * as vscode from 'vscode';
import { runSliced } from '../core/entities/articleEntities';
import type { ExcludeSetting, FolderListingRequest } from '../core/entities/indexListing';
import { hostSlicer } from './entities/articleEntitiesCache';

/** What lists local folders off the host's thread: the entity index's worker pool on the desktop. */
export interface LocalFolderLister {
	/** Whether its workers read local files (only then can they list folders). */
	readonly readsLocalFiles: boolean;
	/** Each folder's files as findFiles lists them (paths relative to it, `/` between the parts). */
	list?(folders: readonly FolderListingRequest[]): Promise<readonly (readonly string[])[] | undefined>;
}

/** What to list: names ending in `suffix` (`.txt` when absent), with these globs excluded besides `files.exclude`. */
export interface ListingQuery {
	readonly suffix?: string;
	readonly excludes?: ExcludeSetting;
}

/**
 * What the worker needs to list every workspace folder exactly as `findFiles('**\/*SUFFIX', EXCLUDE)` would (see
 * core/entities/indexListing.ts: `files.exclude` of each folder, and the query's own excludes added, as findFiles
 * adds its `exclude` argument to the setting), or undefined when it cannot: no lister whose workers read local files,
 * a folder that is not local, or ignore files in use (`search.experimental.useIgnoreFilesInFindFiles`), which the
 * worker does not read.
 */
export function localListingPlan(lister: LocalFolderLister | undefined, query: ListingQuery = {}): FolderListingRequest[] | undefined {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (!lister?.readsLocalFiles || !lister.list || folders.length === 0 || folders.some((folder) => folder.uri.scheme !== 'file')) return undefined;
	if (vscode.workspace.getConfiguration('search').get<boolean>('experimental.useIgnoreFilesInFindFiles', false) && folders.some((folder) => vscode.workspace.getConfiguration('search', folder.uri).get<boolean>('useIgnoreFiles', true))) return undefined;
	return folders.map((folder) => {
		const inside = folders.filter((other) => other !== folder && other.uri.path.startsWith(`${folder.uri.path.replace(/\/$/, '')}/`));
		// A copy: the configuration's objects are proxies, which cannot be posted to a worker.
		const excludes = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {})) as Record<string, unknown>;
		return {
			path: folder.uri.fsPath,
			excludes: { ...excludes, ...query.excludes },
			nested: inside.map((other) => other.uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1)),
			followSymlinks: vscode.workspace.getConfiguration('search', folder.uri).get<boolean>('followSymlinks', true),
			...(query.suffix ? { suffix: query.suffix } : {}),
		};
	});
}

/**
 * The files the lister lists for `plan` (one list per workspace folder, in their order), as URIs in steps (see
 * `runSliced`: formatting a URI costs microseconds, and a folder has thousands); undefined when the workspace's
 * folders changed meanwhile or the lister is closed. Rejects when the listing failed.
 */
export async function listedFiles(lister: LocalFolderLister, plan: readonly FolderListingRequest[]): Promise<(() => Generator<vscode.Uri>) | undefined> {
	const listed = await listedPaths(lister, plan);
	return listed && function* () {
		for (const [folder, paths] of listed) for (const path of paths) yield vscode.Uri.joinPath(folder.uri, ...path.split('/'));
	};
}

/**
 * {@link listedFiles} as the URIs' strings (`Uri.toString()`), for the entity index, which keeps strings: a path
 * VS Code never escapes is joined to its folder's string as text, with no Uri made (thousands of objects to collect
 * at every start); any other is formatted by a Uri.
 */
export async function listedFileUris(lister: LocalFolderLister, plan: readonly FolderListingRequest[]): Promise<(() => Generator<string>) | undefined> {
	const listed = await listedPaths(lister, plan);
	return listed && function* () {
		for (const [folder, paths] of listed) {
			const prefix = folder.uri.toString();
			for (const path of paths) yield fileUriString(folder.uri, prefix, path);
		}
	};
}

async function listedPaths(lister: LocalFolderLister, plan: readonly FolderListingRequest[]): Promise<[vscode.WorkspaceFolder, readonly string[]][] | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	const lists = await lister.list?.(plan);
	if (!lists || lists.length !== folders.length || plan.some((request, i) => request.path !== folders[i].uri.fsPath)) return undefined;
	return folders.map((folder, i) => [folder, lists[i]]);
}

/** Characters Uri.toString() leaves as they are in a path (unreserved ones and `/`). */
const unescapedPath = /^[A-Za-z0-9._~/-]+$/;
/** An empty, `.` or `..` part, which joinPath would normalise away. */
const normalisedPart = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `vscode.Uri.joinPath(folder, ...path.split('/')).toString()`, where `prefix` is `folder.toString()`: joined as text
 * when the path has only characters Uri.toString() leaves unescaped and no part joinPath would normalise.
 */
export function fileUriString(folder: vscode.Uri, prefix: string, path: string): string {
	if (unescapedPath.test(path) && !normalisedPart.test(path)) return prefix.endsWith('/') ? prefix + path : `${prefix}/${path}`;
	return vscode.Uri.joinPath(folder, ...path.split('/')).toString();
}

/**
 * The files `vscode.workspace.findFiles('**\/*SUFFIX', EXCLUDES)` finds (`excludes` as one brace set), listed by
 * `lister` where it can (see {@link localListingPlan}; the URIs made in slices), else by VS Code's file search;
 * `by` says which.
 */
export async function findFilesOffThread(lister: LocalFolderLister | undefined, suffix: string, excludes: readonly string[]): Promise<{ uris: vscode.Uri[]; by: 'worker' | 'search' }> {
	const plan = localListingPlan(lister, { suffix, excludes: Object.fromEntries(excludes.map((glob) => [glob, true])) });
	const found = plan && lister ? await listedFiles(lister, plan).catch(() => undefined) : undefined;
	const uris = found && await runSliced((function* () {
		const all: vscode.Uri[] = [];
		// Small steps: each URI made is a few microseconds (tens under load), and 500 made steps of 100 ms and more.
		for (const uri of found()) if (all.push(uri) % 50 === 0) yield;
		return all;
	})(), hostSlicer());
	if (uris) return { uris, by: 'worker' };
	const exclude = excludes.length === 1 ? excludes[0] : `{${excludes.join(',')}}`;
	return { uris: await vscode.workspace.findFiles(`**/*${suffix}`, exclude), by: 'search' };
}
