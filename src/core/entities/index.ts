export { recognizeEntities } from './recognize';
export type { Entity, EntityMention, EntityType, RecognizeOptions, UserEntity, UserLexicon } from './types';
export { entitySlug, groupEntities, groupEntitiesSteps } from './group';
