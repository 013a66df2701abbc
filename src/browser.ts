// Browser entry point (vscode.dev, github.dev: VS Code's web-worker extension host). No Node: files go through
// vscode.workspace.fs, hashes through @noble/hashes; the entity index analyses in Web Workers (the bundled
// dist/web/entityIndexWorker.js), or on the extension host in slices where none can start.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as vscode from 'vscode';
import { activateOn } from './activate';
import { webIndexWorkerPool } from './web/webIndexWorkerPool';
import { startCheckworthinessWebWorker } from './web/checkworthinessWebWorkerThread';

const encoder = new TextEncoder();

export function activate(context: vscode.ExtensionContext): void {
	activateOn({
		name: 'browser',
		// Web Crypto only hashes asynchronously; the claim repository hashes articles as it saves.
		sha256: (text) => bytesToHex(sha256(encoder.encode(text))),
		startIndexWorkers: (extensionUri, log) => webIndexWorkerPool(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'entityIndexWorker.js').toString(true), log),
		startCheckworthinessWorker: (extensionUri) => startCheckworthinessWebWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'checkworthinessWorker.js').toString(true)),
		checkworthinessWorkerScript: ['dist', 'web', 'checkworthinessWorker.js'],
	}, context);
}

export function deactivate(): void {}
