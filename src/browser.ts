// Browser entry point (vscode.dev, github.dev: VS Code's web-worker extension host). No Node: files go through
// vscode.workspace.fs, hashes through @noble/hashes; the entity index analyses on the extension host in slices.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type * as vscode from 'vscode';
import { activateOn } from './activate';

const encoder = new TextEncoder();

export function activate(context: vscode.ExtensionContext): void {
	activateOn({
		name: 'browser',
		// Web Crypto only hashes asynchronously; the claim repository hashes articles as it saves.
		sha256: (text) => bytesToHex(sha256(encoder.encode(text))),
		startIndexWorkers: () => undefined,
	}, context);
}

export function deactivate(): void {}
