// The index worker's listing of a local folder (node:fs), apart from the analysis so that a worker answers it before
// it has loaded the recognizer. Synchronous on purpose, as the worker's file access (see localScanIo.ts).
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FolderExcludes, isListedFile, type FolderListingRequest } from '../core/entities/indexListing';

/**
 * The `.txt` files (or those ending in `request.suffix`) of a local folder exactly as
 * `vscode.workspace.findFiles('**\/*.txt')` lists them (see
 * core/entities/indexListing.ts), as paths relative to it with `/` between the parts: `files.exclude` applied (a
 * folder it excludes is not entered), dot-folders entered, symbolic links followed when asked except to a folder
 * that is an ancestor of the link (no cycles), unreadable folders and broken links skipped.
 */
export function listLocalTextFiles(request: FolderListingRequest): string[] {
	const excludes = new FolderExcludes(request.excludes, request.path, request.nested);
	const found: string[] = [];
	const rootInfo = statOf(request.path);
	if (!rootInfo?.isDirectory()) return found;
	// Each folder to walk with the identities (device, inode) of the folders from the root down to it.
	const pending: { relative: string; ancestors: readonly string[] }[] = [{ relative: '', ancestors: [identity(rootInfo)] }];
	for (let folder = pending.pop(); folder; folder = pending.pop()) {
		let entries;
		try {
			entries = readdirSync(folder.relative ? join(request.path, folder.relative) : request.path, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const path = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			let linked: Stats | undefined;
			if (entry.isSymbolicLink()) {
				if (!request.followSymlinks) continue;
				linked = statOf(join(request.path, path));
				if (!linked) continue;
				isDirectory = linked.isDirectory();
				isFile = linked.isFile();
			}
			if (isDirectory) {
				if (excludes.skips(path)) continue;
				// ripgrep's loop check: a link to a folder on the way down to it is not followed.
				if (linked && folder.ancestors.includes(identity(linked))) continue;
				const info = linked ?? statOf(join(request.path, path));
				if (info) pending.push({ relative: path, ancestors: [...folder.ancestors, identity(info)] });
			} else if (isFile && isListedFile(entry.name, request.suffix) && !excludes.skips(path)) {
				found.push(path);
			}
		}
	}
	return excludes.keepBySiblings(found);
}

/** The stat of a path through its links; undefined when it is missing, a link loops, or it cannot be read. */
function statOf(path: string): Stats | undefined {
	try {
		return statSync(path, { throwIfNoEntry: false });
	} catch {
		return undefined;
	}
}

function identity(info: Stats): string {
	return `${info.dev}:${info.ino}`;
}
