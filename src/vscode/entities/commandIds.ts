/** The entity commands' ids (from the extension's one command table, src/vscode/commandIds.ts). */
export { entityCommands } from '../commandIds';

export const entitiesViewId = 'newsSeed.entities';
