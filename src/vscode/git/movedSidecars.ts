import * as vscode from 'vscode';
import { findMovedArticles, parseSidecar, relocatedSidecarText, sidecarNameFor, type ArticleWithoutSidecar, type OrphanSidecar } from '../../core/claims';
import { isSeedFileName, startsWithDateline } from '../../core/seed/seedRecognition';
import { Disposable } from '../dispose';
import { baseName, besideUri, readTextFile, sha256Hex, writeTextFileAtomically } from '../workspaceFiles';
import { gitCommands } from '../commandIds';
import type { HostPlatform } from '../platform';
import { registerCommand } from '../registerCommand';
import { findFilesOffThread, type LocalFolderLister } from '../localFolderListing';

const SCAN_DELAY_MS = 1000;
/** Left out besides `files.exclude` (as the file search's `exclude` argument, one brace set). */
const EXCLUDES = ['**/node_modules/**', '**/.git/**'];

async function exists(uri: vscode.Uri): Promise<boolean> {
	return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

function articleUriOf(sidecar: vscode.Uri): vscode.Uri {
	return besideUri(sidecar, baseName(sidecar).replace(/\.claims\.json$/i, '.txt'));
}

/**
 * Moves a sidecar beside the article it belongs to, its article record naming the new file; refuses to
 * replace an existing sidecar. Resolves to the new sidecar's URI.
 */
async function moveSidecar(platform: HostPlatform, sidecar: vscode.Uri, article: vscode.Uri): Promise<vscode.Uri | undefined> {
	const target = besideUri(article, sidecarNameFor(baseName(article)));
	if (await exists(target)) {
		void vscode.window.showErrorMessage(`News Seed: ${baseName(target)} exists already; ${baseName(sidecar)} was not moved.`);
		return undefined;
	}
	const text = await readTextFile(sidecar);
	if (text === null) {
		return undefined;
	}
	await writeTextFileAtomically(target, relocatedSidecarText(text, baseName(article)), platform);
	await vscode.workspace.fs.delete(sidecar, { useTrash: false });
	return target;
}

/**
 * Notices sidecars left behind by articles renamed or moved without them (`git mv`, another tool) and offers to
 * move each beside its article.
 *
 * Scenarios:
 *  - activation, and a `.txt` or sidecar created anywhere (a rename shows as delete + create): after a quiet
 *    second, the workspace is scanned; only when some sidecar has lost its article are the articles without
 *    sidecar read and hashed;
 *  - each pairing (sidecar, article) is offered once per session ("Move Sidecar"), whatever the answer;
 *  - the command `newsSeed.moveSidecar(sidecar, article)` moves it (new name in the record, old file deleted).
 */
export class MovedSidecars extends Disposable {
	private readonly offered = new Set<string>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private scanning: Promise<void> = Promise.resolve();

	/** `lister` lists the sidecars in a worker (see ClaimStore): no ripgrep spawned on the host's thread at each scan. */
	constructor(platform: HostPlatform, private readonly lister?: LocalFolderLister) {
		super();
		this._register(registerCommand(gitCommands.moveSidecar, (sidecar: vscode.Uri, article: vscode.Uri) => moveSidecar(platform, sidecar, article)));
		const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.{txt,claims.json}', false, true, true));
		this._register(watcher.onDidCreate(() => this.schedule()));
		this._register({ dispose: () => clearTimeout(this.timer) });
		this.schedule();
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.scanning = this.scanning.then(() => this.scan()).catch(() => undefined);
		}, SCAN_DELAY_MS);
	}

	private async scan(): Promise<void> {
		const orphans: OrphanSidecar[] = [];
		for (const sidecar of (await findFilesOffThread(this.lister, '.claims.json', EXCLUDES)).uris) {
			if (await exists(articleUriOf(sidecar))) {
				continue;
			}
			const text = await readTextFile(sidecar);
			const article = text === null ? null : parseSidecar(text).article;
			if (article) {
				orphans.push({ sidecar: sidecar.toString(), article });
			}
		}
		if (orphans.length === 0) {
			return;
		}
		const candidates: ArticleWithoutSidecar[] = [];
		for (const article of (await findFilesOffThread(this.lister, '.txt', EXCLUDES)).uris) {
			if (await exists(besideUri(article, sidecarNameFor(baseName(article))))) {
				continue;
			}
			const text = (await readTextFile(article))?.replace(/^\uFEFF/, '');
			if (text !== undefined && (isSeedFileName(baseName(article)) || startsWithDateline(text.slice(0, 200)))) {
				candidates.push({ article: article.toString(), fileName: baseName(article), sha256: await sha256Hex(text) });
			}
		}
		for (const move of findMovedArticles(orphans, candidates)) {
			const key = `${move.sidecar} ${move.article}`;
			if (!this.offered.has(key)) {
				this.offered.add(key);
				void this.offer(vscode.Uri.parse(move.sidecar), vscode.Uri.parse(move.article));
			}
		}
	}

	private async offer(sidecar: vscode.Uri, article: vscode.Uri): Promise<void> {
		const answer = await vscode.window.showInformationMessage(
			`News Seed: ${baseName(sidecar)} lost its article, which seems to have been renamed or moved to ${vscode.workspace.asRelativePath(article)}. Move the claims with it?`,
			'Move Sidecar',
		);
		if (answer === 'Move Sidecar') {
			await vscode.commands.executeCommand(gitCommands.moveSidecar, sidecar, article);
		}
	}
}
