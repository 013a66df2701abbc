/** The three entity types the recognizer reports (CoNLL PER, ORG, LOC). */
export type EntityType = 'person' | 'organization' | 'place';

/**
 * One occurrence of a name in the text. Offsets are UTF-16 code-unit indexes, half-open [start, end), and
 * `text === source.slice(start, end)`. The span is trimmed: no title ("President"), no surrounding punctuation,
 * no possessive "'s".
 */
export interface EntityMention {
	start: number;
	end: number;
	text: string;
	type: EntityType;
}

/**
 * The mentions of one real-world entity in an article. `canonical` is the longest full form among the mentions
 * (or the user's canonical name); every mention has `type`; `id` is `${type}:${slug(canonical)}` and so is stable
 * for the same canonical name and type. `aliases` are the other distinct surface forms, sorted.
 */
export interface Entity {
	id: string;
	canonical: string;
	type: EntityType;
	aliases: string[];
	mentions: EntityMention[];
}

/** A user-declared entity: every occurrence of `canonical` or of an alias is a mention of it, of this type. */
export interface UserEntity {
	canonical: string;
	type: EntityType;
	aliases?: string[];
}

/**
 * User knowledge that wins over the recognizer. `entities` are found wherever their names occur (whole words,
 * case-sensitive) and typed as declared; `notEntities` are surface forms the recognizer must never report
 * (compared after trimming, case-sensitive); `types` forces the type of a surface form the recognizer finds.
 */
export interface UserLexicon {
	entities?: readonly UserEntity[];
	notEntities?: readonly string[];
	types?: Readonly<Record<string, EntityType>>;
}

/** Options of `recognizeEntities`: the range to scan (offsets still refer to the whole text) and the user lexicon. */
export interface RecognizeOptions {
	start?: number;
	end?: number;
	lexicon?: UserLexicon;
}
