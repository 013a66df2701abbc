import * as vscode from 'vscode';
import { registerExportCommands } from '../exportCommands';
import type { HostPlatform } from '../platform';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { registerClaimCommands } from './claimCommands';
import { ClaimDecorations } from './claimDecorations';
import { registerClaimHover } from './claimHover';
import { ClaimStatusBar } from './claimStatusBar';
import { ClaimContextKeys } from './claimContextKeys';
import { ClaimStore } from './claimStore';
import { createClaimRepository } from './vscodeClaimFileSystem';
import { ClaimsView, type ClaimsViewSection } from './claimsView';
import { TaggingFlow } from './taggingFlow';
import { ClaimUndo } from './claimHistory';

/** What a feature built on the claims (check-worthiness hints) adds: its disposables and a Claims view section. */
export interface ClaimsAddOn {
	readonly disposable: vscode.Disposable;
	readonly viewSection?: ClaimsViewSection;
}

/**
 * Claims (issue 4): tag while reading, the sidecar, anchoring, decorations, hover, Claims view, status bar.
 * `addOn` builds a feature on the same store (it is disposed before the store).
 */
export function registerClaimsSupport(documents: SeedDocumentCache, extensionUri: vscode.Uri, platform: HostPlatform, addOn?: (store: ClaimStore) => ClaimsAddOn): vscode.Disposable {
	const repository = createClaimRepository(platform);
	const store = new ClaimStore(repository);
	const added = addOn?.(store);
	const flow = new TaggingFlow(extensionUri);
	const undo = new ClaimUndo(store);
	// Disposed in the order given: the features first, then the store they listen to.
	return vscode.Disposable.from(
		added?.disposable ?? { dispose: () => undefined },
		registerClaimCommands(store, documents, flow, undo),
		registerExportCommands(platform, repository, store),
		flow,
		undo,
		registerClaimHover(store),
		new ClaimDecorations(store, extensionUri),
		new ClaimsView(store, added?.viewSection),
		new ClaimStatusBar(store),
		new ClaimContextKeys(store),
		store,
	);
}
