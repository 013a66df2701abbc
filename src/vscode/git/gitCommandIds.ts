// The ids of the git commands (claim merging, conflict resolution, sidecars of renamed articles), from the one
// command table.
export { gitCommands } from '../commandIds';
