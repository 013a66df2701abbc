import * as vscode from 'vscode';
import type { ClaimFileSystem } from '../../core/claims/claimFileSystem';
import { fingerprintOf } from '../../core/checkworthiness/rememberedScores';

/** Where the scoring worker's remembered scores (core/checkworthiness/rememberedScores.ts) are read from and written to. */
export interface ScoreMemory {
	/** The file's bytes, if there is one, and the fingerprint of the scorer now running; undefined if neither can be read. Never rejects. */
	load(): Promise<{ readonly fingerprint: string; readonly bytes?: Uint8Array } | undefined>;
	/** Replaces the file by `bytes` (written beside it, then renamed over it: a failed write leaves the old file). Never rejects. */
	save(bytes: Uint8Array): Promise<void>;
}

const FILE_NAME = 'checkworthiness-scores.bin';

/**
 * The remembered scores of a workspace: a file in its storage folder (`storageUri`; none without a folder open),
 * for the scorer of `workerScript` (the fingerprint of its bytes: scores made by another build are never reused).
 * Through vscode.workspace.fs, so that it works in every host; `localFiles` (the desktop's node:fs) reads local
 * files directly: the first article of a session waits for them, and at activation vscode.workspace.fs took seconds.
 */
export function scoreMemoryIn(storageUri: vscode.Uri | undefined, workerScript: vscode.Uri | undefined, log: (message: string) => void, localFiles?: ClaimFileSystem): ScoreMemory | undefined {
	if (!storageUri || !workerScript) return undefined;
	const file = vscode.Uri.joinPath(storageUri, FILE_NAME);
	const fs = vscode.workspace.fs;
	const read = async (uri: vscode.Uri): Promise<Uint8Array | undefined> => {
		if (localFiles && uri.scheme === 'file') return await localFiles.read(uri.fsPath) ?? undefined;
		return fs.readFile(uri);
	};
	return {
		load: async () => {
			try {
				const fingerprint = fingerprintOf((await read(workerScript)) ?? new Uint8Array());
				const bytes = await read(file).catch(() => undefined);
				return { fingerprint, ...(bytes ? { bytes } : {}) };
			} catch (error) {
				log(`check-worthiness: scores of earlier sessions not read (${error instanceof Error ? error.message : String(error)})`);
				return undefined;
			}
		},
		save: async (bytes) => {
			const temporary = vscode.Uri.joinPath(storageUri, `${FILE_NAME}.${Date.now()}.tmp`);
			try {
				await fs.createDirectory(storageUri);
				await fs.writeFile(temporary, bytes);
				await fs.rename(temporary, file, { overwrite: true });
			} catch (error) {
				log(`check-worthiness: scores not remembered (${error instanceof Error ? error.message : String(error)})`);
				await Promise.resolve(fs.delete(temporary)).catch(() => undefined);
			}
		},
	};
}
