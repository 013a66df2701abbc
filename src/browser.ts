// Browser entry point (vscode.dev, github.dev: VS Code's web-worker extension host). No Node: files go through
// vscode.workspace.fs, hashes through Web Crypto; the entity index analyses on the extension host in slices.
import type * as vscode from 'vscode';
import { activateOn } from './activate';

export function activate(context: vscode.ExtensionContext): void {
	activateOn({ name: 'browser', startIndexWorkers: () => undefined }, context);
}

export function deactivate(): void {}
