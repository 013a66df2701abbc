/** The ids of the git commands (claim merging, conflict resolution, sidecars of renamed articles), as declared in package.json. */
export const gitCommands = {
	setUpClaimMerging: 'newsSeed.setUpClaimMerging',
	resolveClaimMergeConflict: 'newsSeed.resolveClaimMergeConflict',
	moveSidecar: 'newsSeed.moveSidecar',
} as const;
