import * as vscode from 'vscode';
import { MERGE_ATTRIBUTE_LINE, mergeDriverCommand, withMergeAttribute } from '../../core/claims';
import { mergeDriverStatus, registerMergeDriver, repositoryRoot } from '../../node/git';
import { readTextFile, writeTextFileAtomically } from '../workspaceFiles';
import { gitCommands } from '../commandIds';
import type { HostPlatform } from '../platform';
import { registerCommand } from '../registerCommand';

/** globalState key prefix: the repositories (by top folder) that were offered the set-up once. */
const OFFERED_KEY = 'newsSeed.claimMergeOffered:';

/** Where the extension's own command-line tool is, and how to run it as node (for the driver command). */
export interface ToolLocation {
	readonly extensionUri: vscode.Uri;
	readonly globalState: vscode.Memento;
	readonly platform: HostPlatform;
}

/**
 * The driver command for this installation: the extension's bundled dist/cli.js run by the runtime of the
 * extension host. In desktop VS Code that runtime is Electron, which acts as node with ELECTRON_RUN_AS_NODE=1.
 */
function driverCommand(extensionUri: vscode.Uri): string {
	const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
	return mergeDriverCommand(process.execPath, cli, process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {});
}

/**
 * Sets up the repository at `root`: our line in its `.gitattributes` (other lines kept) and the driver in its
 * local config. Returns what was done, for the message.
 */
async function setUp(root: string, location: ToolLocation): Promise<string> {
	const attributesUri = vscode.Uri.joinPath(vscode.Uri.file(root), '.gitattributes');
	const attributes = withMergeAttribute(await readTextFile(attributesUri));
	if (attributes !== null) {
		await writeTextFileAtomically(attributesUri, attributes, location.platform);
	}
	await registerMergeDriver(root, driverCommand(location.extensionUri));
	return attributes !== null
		? `added "${MERGE_ATTRIBUTE_LINE}" to .gitattributes (commit it to share it with your team) and registered the merge driver in this clone's git config`
		: 'registered the merge driver in this clone\'s git config (.gitattributes already had the line)';
}

/** The git repository of a local folder, or null (not local, not a repository, git missing). */
async function rootOf(folder: vscode.Uri): Promise<string | null> {
	return folder.scheme === 'file' ? repositoryRoot(folder.fsPath) : null;
}

/**
 * Scenarios:
 *  - activation in a trusted workspace, and trust granted later: each local workspace folder in a git repository
 *    whose sidecars do not yet go through the driver is offered the set-up once per repository (remembered in
 *    globalState by the repository's top folder, whatever the answer);
 *  - Restricted Mode: nothing is offered and the command refuses (it writes git config that runs a program);
 *  - the command (palette, or with a folder URI): sets up the repository of that folder, else of the active
 *    editor's file, else of the first workspace folder; resolves to the repository's top folder, or undefined.
 */
export function registerClaimMergeSetup(location: ToolLocation): vscode.Disposable {
	const run = async (folder?: vscode.Uri): Promise<string | undefined> => {
		if (!vscode.workspace.isTrusted) {
			void vscode.window.showWarningMessage('News Seed: claim merging can only be set up in a trusted workspace.');
			return undefined;
		}
		const target = folder ?? (vscode.window.activeTextEditor ? vscode.Uri.joinPath(vscode.window.activeTextEditor.document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri);
		const root = target ? await rootOf(target) : null;
		if (root === null) {
			void vscode.window.showWarningMessage('News Seed: this folder is not in a local git repository (or git is not installed).');
			return undefined;
		}
		try {
			const done = await setUp(root, location);
			await location.globalState.update(OFFERED_KEY + root, true);
			void vscode.window.showInformationMessage(`News Seed: claim merging is set up for ${root}: ${done}.`);
			return root;
		} catch (error) {
			void vscode.window.showErrorMessage(`News Seed: could not set up claim merging: ${error instanceof Error ? error.message : String(error)}`);
			return undefined;
		}
	};

	const offer = async (): Promise<void> => {
		if (!vscode.workspace.isTrusted) {
			return;
		}
		const roots = new Set<string>();
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const root = await rootOf(folder.uri);
			if (root !== null) {
				roots.add(root);
			}
		}
		for (const root of roots) {
			if (location.globalState.get(OFFERED_KEY + root)) {
				continue;
			}
			const status = await mergeDriverStatus(root);
			if (status.attribute && status.driver !== null) {
				continue;
			}
			await location.globalState.update(OFFERED_KEY + root, true);
			const answer = await vscode.window.showInformationMessage(
				`Set up claim merging for this repository? (${root}) Git will then merge claims sidecars claim by claim, keeping both versions of a claim changed on both sides.`,
				'Set Up', 'Not Now',
			);
			if (answer === 'Set Up') {
				await run(vscode.Uri.file(root));
			}
		}
	};

	void offer();
	return vscode.Disposable.from(
		registerCommand(gitCommands.setUpClaimMerging, run),
		vscode.workspace.onDidGrantWorkspaceTrust(() => void offer()),
	);
}
