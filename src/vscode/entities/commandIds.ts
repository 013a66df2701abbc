/** The entity commands' ids, as declared in package.json. */
export const entityCommands = {
	findMentions: 'newsSeed.entities.findMentions',
	editNote: 'newsSeed.entities.editNote',
	openArticle: 'newsSeed.entities.openArticle',
	addEntity: 'newsSeed.entities.add',
	markNotEntity: 'newsSeed.entities.markNotEntity',
	setType: 'newsSeed.entities.setType',
	revealMentions: 'newsSeed.entities.revealMentions',
	rebuildIndex: 'newsSeed.entities.rebuildIndex',
} as const;

export const entitiesViewId = 'newsSeed.entities';
