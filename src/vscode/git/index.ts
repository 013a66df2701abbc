import * as vscode from 'vscode';
import { registerClaimMergeSetup, type ToolLocation } from './claimMergeSetup';
import { registerConflictResolution } from './mergeConflictResolution';
import { MovedSidecars } from './movedSidecars';
import type { LocalFolderLister } from '../localFolderListing';

/**
 * Teams (issue 14): claim merging set up in git, sidecars with conflict markers resolved, sidecars of renamed articles
 * moved (the sidecars listed by `lister` where it can).
 */
export function registerGitSupport(location: ToolLocation, lister?: LocalFolderLister): vscode.Disposable {
	return vscode.Disposable.from(
		registerClaimMergeSetup(location),
		registerConflictResolution(location.platform),
		new MovedSidecars(location.platform, lister),
	);
}
