// Desktop entry point (VS Code's Node extension host): local renames and worker threads.
import { rename } from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activateOn } from './activate';
import { EntityIndexWorkerPool } from './node/entityIndexWorkerPool';

export function activate(context: vscode.ExtensionContext): void {
	activateOn({
		name: 'desktop',
		renameLocalFile: rename,
		// The bundled dist/entityIndexWorker.js beside dist/extension.js.
		startIndexWorkers: (extensionUri, log) => new EntityIndexWorkerPool(path.join(extensionUri.fsPath, 'dist', 'entityIndexWorker.js'), undefined, undefined, undefined, log),
	}, context);
}

export function deactivate(): void {}
