/**
 * Every command of the extension, in one table: registration uses these ids, package.json declares exactly the
 * shipped ones, and test/unit/manifest.test.ts checks both ways. Adding a command is one line here (with
 * `writes` when it changes files), its declaration in package.json, and its registration.
 *
 * Plain data (no vscode import), so that the manifest test can read it.
 */

/** A command of the table. `writes`: it writes sidecars, news-entities.json or exports (off in Restricted Mode). */
export interface CommandSpec {
	readonly id: string;
	readonly writes?: boolean;
}

export const claimCommandSpecs = {
	tagClaim: { id: 'newsSeed.tagClaim', writes: true },
	setVerdict: { id: 'newsSeed.setVerdict', writes: true },
	editNote: { id: 'newsSeed.editNote', writes: true },
	editClaimDetails: { id: 'newsSeed.editClaimDetails', writes: true },
	removeClaim: { id: 'newsSeed.removeClaim', writes: true },
	acceptClaimAnchor: { id: 'newsSeed.acceptClaimAnchor', writes: true },
	nextClaim: { id: 'newsSeed.nextClaim' },
	previousClaim: { id: 'newsSeed.previousClaim' },
	reveal: { id: 'newsSeed.claims.reveal' },
	groupByVerdict: { id: 'newsSeed.claims.groupByVerdict' },
	groupByArticle: { id: 'newsSeed.claims.groupByArticle' },
	filter: { id: 'newsSeed.claims.filter' },
	refresh: { id: 'newsSeed.claims.refresh' },
	resolveClaimConflict: { id: 'newsSeed.resolveClaimConflict', writes: true },
	search: { id: 'newsSeed.claims.search' },
	clearSearch: { id: 'newsSeed.claims.clearSearch' },
	toggleUncheckedOnly: { id: 'newsSeed.claims.toggleUncheckedOnly' },
	undoClaimChange: { id: 'newsSeed.undoClaimChange', writes: true },
	redoClaimChange: { id: 'newsSeed.redoClaimChange', writes: true },
	toggleReadOnly: { id: 'newsSeed.toggleReadOnly' },
	retagClaim: { id: 'newsSeed.retagClaim', writes: true },
} as const satisfies Record<string, CommandSpec>;

export const gitCommandSpecs = {
	setUpClaimMerging: { id: 'newsSeed.setUpClaimMerging', writes: true },
	resolveClaimMergeConflict: { id: 'newsSeed.resolveClaimMergeConflict', writes: true },
	moveSidecar: { id: 'newsSeed.moveSidecar', writes: true },
} as const satisfies Record<string, CommandSpec>;

export const checkworthinessCommandSpecs = {
	toggle: { id: 'newsSeed.checkworthiness.toggle' },
	next: { id: 'newsSeed.checkworthiness.next' },
	dismiss: { id: 'newsSeed.checkworthiness.dismiss', writes: true },
} as const satisfies Record<string, CommandSpec>;

export const entityCommandSpecs = {
	findMentions: { id: 'newsSeed.entities.findMentions' },
	editNote: { id: 'newsSeed.entities.editNote', writes: true },
	openArticle: { id: 'newsSeed.entities.openArticle' },
	addEntity: { id: 'newsSeed.entities.add', writes: true },
	markNotEntity: { id: 'newsSeed.entities.markNotEntity', writes: true },
	setType: { id: 'newsSeed.entities.setType', writes: true },
	revealMentions: { id: 'newsSeed.entities.revealMentions' },
	rebuildIndex: { id: 'newsSeed.entities.rebuildIndex' },
	showWorkspaceEntities: { id: 'newsSeed.entities.showWorkspace' },
	showArticleEntities: { id: 'newsSeed.entities.showArticle' },
	showMoreEntities: { id: 'newsSeed.entities.showMore' },
} as const satisfies Record<string, CommandSpec>;

export const exportCommandSpecs = {
	exportClaims: { id: 'newsSeed.exportClaims', writes: true },
	importClaims: { id: 'newsSeed.importClaims', writes: true },
} as const satisfies Record<string, CommandSpec>;

/**
 * Commands for the integration tests and automation only: registered, reachable with `executeCommand`, never
 * declared in package.json (so they do not ship in the palette or the manifest).
 */
export const testOnlyCommandSpecs = {
	claimsSnapshot: { id: 'newsSeed.claims.snapshot' },
	sidecarListing: { id: 'newsSeed.claims.sidecarListing' },
	taggingSnapshot: { id: 'newsSeed.tagging.snapshot' },
	checkworthinessSnapshot: { id: 'newsSeed.checkworthiness.snapshot' },
	checkworthinessWarmUp: { id: 'newsSeed.checkworthiness.warmUpStatus' },
	checkworthinessBackground: { id: 'newsSeed.checkworthiness.backgroundStatus' },
	indexStatus: { id: 'newsSeed.entities.indexStatus' },
	indexListing: { id: 'newsSeed.entities.indexListing' },
	entitiesSnapshot: { id: 'newsSeed.entities.snapshot' },
	hostLatency: { id: 'newsSeed.hostLatency' },
	activationTime: { id: 'newsSeed.activationTime' },
} as const satisfies Record<string, CommandSpec>;

type Ids<T extends Record<string, CommandSpec>> = { readonly [K in keyof T]: T[K]['id'] };

function ids<T extends Record<string, CommandSpec>>(specs: T): Ids<T> {
	return Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.id])) as Ids<T>;
}

/** The ids by name, for registration and for links built in hovers. */
export const claimCommands = ids(claimCommandSpecs);
export const entityCommands = ids(entityCommandSpecs);
export const exportCommands = ids(exportCommandSpecs);
export const checkworthinessCommands = ids(checkworthinessCommandSpecs);
export const gitCommands = ids(gitCommandSpecs);
export const testOnlyCommands = ids(testOnlyCommandSpecs);

/** Every command the extension declares in package.json. */
export const shippedCommands: readonly CommandSpec[] = [
	...Object.values(claimCommandSpecs), ...Object.values(entityCommandSpecs), ...Object.values(exportCommandSpecs),
	...Object.values(checkworthinessCommandSpecs), ...Object.values(gitCommandSpecs),
];

/** Every command the extension registers: the shipped ones and the test-only ones. */
export const registeredCommands: readonly CommandSpec[] = [...shippedCommands, ...Object.values(testOnlyCommandSpecs)];

/** Ids of the commands that write files, which Restricted Mode turns off. */
export const writingCommandIds: ReadonlySet<string> = new Set(registeredCommands.filter((c) => c.writes === true).map((c) => c.id));
