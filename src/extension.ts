// Desktop entry point (VS Code's Node extension host): local files, Node's hashes, worker threads and git.
import { createHash } from 'node:crypto';
import { rename } from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activateOn } from './activate';
import { EntityIndexWorkerPool } from './node/entityIndexWorkerPool';
import { startCheckworthinessWorker } from './node/checkworthinessWorkerThread';
import { nodeClaimFileSystem } from './node/nodeClaimFileSystem';
import { registerGitSupport } from './vscode/git/index';

export function activate(context: vscode.ExtensionContext): void {
	activateOn({
		name: 'desktop',
		renameLocalFile: rename,
		localClaimFiles: nodeClaimFileSystem(),
		sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
		// The bundled dist/entityIndexWorker.js beside dist/extension.js.
		startIndexWorkers: (extensionUri, log) => new EntityIndexWorkerPool(path.join(extensionUri.fsPath, 'dist', 'entityIndexWorker.js'), undefined, undefined, undefined, log),
		// The bundled dist/checkworthinessWorker.js beside dist/extension.js.
		startCheckworthinessWorker: (extensionUri) => startCheckworthinessWorker(path.join(extensionUri.fsPath, 'dist', 'checkworthinessWorker.js')),
		checkworthinessWorkerScript: ['dist', 'checkworthinessWorker.js'],
		registerGitSupport: (platform, lister) => registerGitSupport({ extensionUri: context.extensionUri, globalState: context.globalState, platform }, lister),
	}, context);
}

export function deactivate(): void {}
