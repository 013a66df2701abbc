// Composition root: builds the services and registers every feature; no logic lives here.
import type * as vscode from 'vscode';
import { registerFoldingSupport } from './vscode/foldingProvider';
import { registerLanguageDetection } from './vscode/languageDetection';
import { registerOutlineSupport } from './vscode/outlineProvider';
import { SeedDiagnostics } from './vscode/seedDiagnostics';
import { SeedDocumentCache } from './vscode/seedDocumentCache';
import { registerClaimsSupport } from './vscode/claims';
import { registerExportCommands } from './vscode/exportCommands';
import { registerEntityFeatures } from './vscode/entities/index';
import { registerGitSupport } from './vscode/git/index';

export function activate(context: vscode.ExtensionContext): void {
	const documents = new SeedDocumentCache();
	context.subscriptions.push(
		documents,
		registerLanguageDetection(),
		registerOutlineSupport(documents),
		registerFoldingSupport(documents),
		new SeedDiagnostics(documents),
		registerClaimsSupport(documents, context.extensionUri),
		registerExportCommands(),
		registerEntityFeatures(documents, context.storageUri ?? context.globalStorageUri),
		registerGitSupport({ extensionUri: context.extensionUri, globalState: context.globalState }),
	);
}

export function deactivate(): void {}
