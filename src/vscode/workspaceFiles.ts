// File reading and writing for the adapters, through vscode.workspace.fs so remote and virtual workspaces work.
import * as vscode from 'vscode';
import type { HostPlatform } from './platform';

// TextDecoder drops a byte-order mark, as VS Code does when it opens a file.
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function baseName(uri: vscode.Uri): string {
	return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The file called `name` in the same folder as `uri`. */
export function besideUri(uri: vscode.Uri, name: string): vscode.Uri {
	return vscode.Uri.joinPath(uri, '..', name);
}

/** A file's text, or null when it does not exist; other errors are thrown. */
export async function readTextFile(uri: vscode.Uri): Promise<string | null> {
	try {
		return decoder.decode(await vscode.workspace.fs.readFile(uri));
	} catch (error) {
		if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
			return null;
		}
		throw error;
	}
}

/**
 * Writes beside the target, then renames over it: readers see the old file or the new one, never half of one,
 * and a failed write leaves the old file as it was. VS Code's rename with overwrite deletes the target first, so
 * on local disks (desktop) the rename is the operating system's own, which replaces the file in one step.
 */
export async function writeTextFileAtomically(uri: vscode.Uri, text: string, platform: HostPlatform): Promise<void> {
	const suffix = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
	const temporary = besideUri(uri, `.${baseName(uri)}.${suffix}.tmp`);
	try {
		await vscode.workspace.fs.writeFile(temporary, encoder.encode(text));
		if (uri.scheme === 'file' && platform.renameLocalFile) {
			await platform.renameLocalFile(temporary.fsPath, uri.fsPath);
		} else {
			await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
		}
	} catch (error) {
		await vscode.workspace.fs.delete(temporary, { useTrash: false }).then(undefined, () => undefined);
		throw error;
	}
}

/** The SHA-256 of a text's UTF-8 bytes, in hex: the article hash that sidecars record (Web Crypto, no Node). */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
