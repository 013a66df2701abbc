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
import type { LocalFolderLister } from '../localFolderListing';
import { testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/** What a feature built on the claims (check-worthiness hints) adds: its disposables and a Claims view section. */
export interface ClaimsAddOn {
	readonly disposable: vscode.Disposable;
	readonly viewSection?: ClaimsViewSection;
}

/**
 * Claims (issue 4): tag while reading, the sidecar, anchoring, decorations, hover, Claims view, status bar.
 * `addOn` builds a feature on the same store (it is disposed before the store); `lister` lists the workspace's
 * sidecars in a worker (see ClaimStore). The test-only `newsSeed.claims.sidecarListing` looks for the sidecars as
 * activation does, and answers how they were found then and now, and which.
 */
export function registerClaimsSupport(documents: SeedDocumentCache, extensionUri: vscode.Uri, platform: HostPlatform, addOn?: (store: ClaimStore) => ClaimsAddOn, lister?: LocalFolderLister): vscode.Disposable {
	const repository = createClaimRepository(platform);
	const store = new ClaimStore(repository, lister);
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
		registerCommand(testOnlyCommands.sidecarListing, async () => {
			await store.whenReady();
			const atActivation = store.sidecarsListedBy;
			const uris = await store.findSidecars();
			return { atActivation, listedBy: store.sidecarsListedBy, uris: uris.map(String) };
		}),
		store,
	);
}
