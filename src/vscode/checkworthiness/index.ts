import * as vscode from 'vscode';
import type { ClaimsAddOn } from '../claims';
import type { ClaimStore } from '../claims/claimStore';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { claimLinkOf } from './claimLink';
import { CheckworthyViewSection } from './claimsViewSection';
import { registerHintCodeActions } from './hintCodeActions';
import { registerHintCommands } from './hintCommands';
import { HintDecorations } from './hintDecorations';
import { registerHintHover } from './hintHover';
import { HintService, type HintServiceOptions } from './hintService';
import { HintWarmUp } from './hintWarmUp';
import { BackgroundScoring, type IndexedArticles } from './backgroundScoring';

/**
 * Check-worthiness hints (issue 10): marks, hover, code actions, commands, the Claims view's group, the scorer's
 * warm-up and the background scoring of large articles once `index` (the workspace entity index) is complete;
 * `options` give the scoring worker where the host can start one.
 */
export function registerCheckworthinessSupport(documents: SeedDocumentCache, store: ClaimStore, options?: HintServiceOptions, index: Promise<IndexedArticles | undefined> = Promise.resolve(undefined)): ClaimsAddOn {
	const hints = new HintService(documents, claimLinkOf(store), options);
	const viewSection = new CheckworthyViewSection(hints);
	// Disposed in the order given: the features first, then the service they read.
	return {
		disposable: vscode.Disposable.from(new HintWarmUp(hints, store.lister), new BackgroundScoring(hints, index), viewSection, new HintDecorations(hints), registerHintHover(hints), registerHintCodeActions(hints), registerHintCommands(hints), hints),
		viewSection,
	};
}
