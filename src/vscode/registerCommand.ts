import * as vscode from 'vscode';
import { registeredCommands, writingCommandIds } from './commandIds';

const known = new Set(registeredCommands.map((c) => c.id));

/**
 * Registers a command of the table in src/vscode/commandIds.ts. A command that writes files does nothing in
 * Restricted Mode (an untrusted workspace) but say so: the extension only reads there (see `untrustedWorkspaces`
 * in package.json).
 */
export function registerCommand(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
	if (!known.has(id)) {
		throw new Error(`${id} is missing from the command table (src/vscode/commandIds.ts)`);
	}
	const run = handler as (...args: unknown[]) => unknown;
	if (!writingCommandIds.has(id)) {
		return vscode.commands.registerCommand(id, run);
	}
	return vscode.commands.registerCommand(id, (...args: unknown[]) => {
		if (!vscode.workspace.isTrusted) {
			warnRestricted();
			return undefined;
		}
		return run(...args);
	});
}

/** Tells the user that writing is off until the workspace is trusted, with a way to trust it. */
export function warnRestricted(): void {
	void vscode.window.showWarningMessage('News Seed only reads in Restricted Mode: trust this workspace to tag claims, edit notes, import or export.', 'Manage Workspace Trust')
		.then((choice) => (choice ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
}
