import * as vscode from 'vscode';
import { registerClaimMergeSetup, type ToolLocation } from './claimMergeSetup';
import { registerConflictResolution } from './mergeConflictResolution';
import { MovedSidecars } from './movedSidecars';

/** Teams (issue 14): claim merging set up in git, sidecars with conflict markers resolved, sidecars of renamed articles moved. */
export function registerGitSupport(location: ToolLocation): vscode.Disposable {
	return vscode.Disposable.from(
		registerClaimMergeSetup(location),
		registerConflictResolution(location.platform),
		new MovedSidecars(location.platform),
	);
}
