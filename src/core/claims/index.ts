/**
 * The claims core: verdict scales, the claim model, the sidecar format, anchoring, edit tracking and merging.
 * Pure TypeScript; the VS Code adapters import from here only.
 */
export * from './anchoring';
export * from './claimModel';
export * from './codePoints';
export * from './conflictMarkers';
export * from './editTracking';
export * from './gitMergeSetup';
export * from './mergeClaims';
export * from './movedArticles';
export * from './sidecarFormat';
export * from './sidecarMerge';
export * from './sidecarPath';
export * from './verdicts';
