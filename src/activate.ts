// Composition root shared by the desktop and browser entry points: builds the services and registers every
// feature for a host platform; no logic lives here.
import * as vscode from 'vscode';
import { registerFoldingSupport } from './vscode/foldingProvider';
import { registerLanguageDetection } from './vscode/languageDetection';
import { registerOutlineSupport } from './vscode/outlineProvider';
import { SeedDiagnostics } from './vscode/seedDiagnostics';
import { SeedDocumentCache } from './vscode/seedDocumentCache';
import { registerClaimsSupport } from './vscode/claims';
import { registerEntityFeatures } from './vscode/entities/index';
import type { WorkspaceIndexService } from './vscode/entities/workspaceIndexService';
import { registerCheckworthinessSupport } from './vscode/checkworthiness';
import { scoreMemoryIn } from './vscode/checkworthiness/scoreMemory';
import { ReadOnlyArticles } from './vscode/readOnlyArticles';
import type { HostPlatform } from './vscode/platform';
import { testOnlyCommands } from './vscode/commandIds';
import { registerCommand } from './vscode/registerCommand';

export function activateOn(platform: HostPlatform, context: vscode.ExtensionContext): void {
	const started = performance.now();
	const documents = new SeedDocumentCache();
	const log = vscode.window.createOutputChannel('News Seed', { log: true });
	log.info(`News Seed Annotator on the ${platform.name} extension host`);
	// The entity index's workers also list the sidecars for the claims and git support (no ripgrep spawned on the host's thread).
	const indexWorkers = platform.startIndexWorkers(context.extensionUri, (message) => log.info(message));
	// The entity index, once made below: the check-worthiness hints score large articles after its first build.
	let indexCreated: (index: WorkspaceIndexService) => void = () => undefined;
	const entityIndex = new Promise<WorkspaceIndexService>((resolve) => (indexCreated = resolve));
	context.subscriptions.push(
		documents,
		log,
		registerLanguageDetection(),
		registerOutlineSupport(documents),
		registerFoldingSupport(documents),
		new SeedDiagnostics(documents),
		registerClaimsSupport(documents, context.extensionUri, platform, (store) => registerCheckworthinessSupport(documents, store, { startWorker: platform.startCheckworthinessWorker && (() => platform.startCheckworthinessWorker!(context.extensionUri)), log: (message) => log.info(message), memory: scoreMemoryIn(context.storageUri, platform.checkworthinessWorkerScript && vscode.Uri.joinPath(context.extensionUri, ...platform.checkworthinessWorkerScript), (message) => log.info(message), platform.localClaimFiles) }, entityIndex), indexWorkers),
		registerEntityFeatures(documents, context.storageUri ?? context.globalStorageUri, indexWorkers, log, context.workspaceState, indexCreated),
		new ReadOnlyArticles(),
		platform.registerGitSupport?.(platform, indexWorkers) ?? { dispose: () => undefined },
	);
	// How long activate() took in this host (test-only command, for the benchmark that compares the two hosts).
	const activateMs = performance.now() - started;
	log.info(`activated in ${activateMs.toFixed(0)} ms`);
	context.subscriptions.push(registerCommand(testOnlyCommands.activationTime, () => ({ host: platform.name, activateMs })));
}
