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
import { HintService } from './hintService';
import { HintWarmUp } from './hintWarmUp';

/** Check-worthiness hints (issue 10): marks, hover, code actions, commands, the Claims view's group and the scorer's warm-up. */
export function registerCheckworthinessSupport(documents: SeedDocumentCache, store: ClaimStore): ClaimsAddOn {
	const hints = new HintService(documents, claimLinkOf(store));
	const viewSection = new CheckworthyViewSection(hints);
	// Disposed in the order given: the features first, then the service they read.
	return {
		disposable: vscode.Disposable.from(new HintWarmUp(hints), viewSection, new HintDecorations(hints), registerHintHover(hints), registerHintCodeActions(hints), registerHintCommands(hints), hints),
		viewSection,
	};
}
