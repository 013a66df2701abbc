import * as vscode from 'vscode';
import { registerExportCommands } from '../exportCommands';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { registerClaimCommands } from './claimCommands';
import { ClaimDecorations } from './claimDecorations';
import { registerClaimHover } from './claimHover';
import { ClaimStatusBar } from './claimStatusBar';
import { ClaimStore } from './claimStore';
import { ClaimsView } from './claimsView';

/** Claims (issue 4): tag while reading, the sidecar, anchoring, decorations, hover, Claims view, status bar. */
export function registerClaimsSupport(documents: SeedDocumentCache, extensionUri: vscode.Uri): vscode.Disposable {
	const store = new ClaimStore();
	// Disposed in the order given: the features first, then the store they listen to.
	return vscode.Disposable.from(
		registerClaimCommands(store, documents),
		registerExportCommands(store),
		registerClaimHover(store),
		new ClaimDecorations(store, extensionUri),
		new ClaimsView(store),
		new ClaimStatusBar(store),
		store,
	);
}
