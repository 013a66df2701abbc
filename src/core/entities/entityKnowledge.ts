/**
 * The user's own knowledge of entities, kept in `news-entities.json` at a workspace folder's root: entities
 * (canonical name, type, aliases, notes, links) and corrections (a span that is not an entity; a name's type).
 * It becomes the recognizer's {@link UserLexicon}, so it wins over the recognizer.
 *
 * Editing goes through jsonc-parser's `modify`/`applyEdits`: only the entry concerned changes, comments and the
 * user's layout of every other entry stay as they were. A malformed file (syntax errors, or a root that is not an
 * object of arrays) is reported and never edited: every edit function refuses it.
 */
// The ESM build: esbuild (platform node, default mainFields) would pick the UMD build, whose dynamic requires
// of './impl/*' it cannot bundle (dist/cli.js then fails with "Cannot find module './impl/format'").
import { applyEdits, modify, parseTree, printParseErrorCode, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { EntityType, UserLexicon } from './index';

export const knowledgeFileName = 'news-entities.json';

export const entityTypes: readonly EntityType[] = ['person', 'organization', 'place'];

/** One entity the user declared. `index` is its position in the file's `entities` array. */
export interface KnowledgeEntity {
	readonly index: number;
	readonly canonical: string;
	readonly type: EntityType;
	readonly aliases: readonly string[];
	readonly notes: string;
	readonly links: readonly string[];
}

/** A correction: this surface form is never an entity, or always has this type. */
export type KnowledgeCorrection =
	| { readonly text: string; readonly notAnEntity: true }
	| { readonly text: string; readonly type: EntityType };

export interface EntityKnowledge {
	readonly entities: readonly KnowledgeEntity[];
	readonly corrections: readonly KnowledgeCorrection[];
}

/** A problem found in the file, with the UTF-16 span it concerns. */
export interface KnowledgeProblem {
	readonly message: string;
	readonly start: number;
	readonly end: number;
}

export interface ParsedKnowledge {
	readonly knowledge: EntityKnowledge;
	readonly problems: readonly KnowledgeProblem[];
	/** True when the file cannot be read as a whole (syntax errors, wrong root shape): it must not be edited. */
	readonly malformed: boolean;
}

export const emptyKnowledge: EntityKnowledge = { entities: [], corrections: [] };

/** The text of a new, empty knowledge file. */
export const emptyKnowledgeText = '{\n\t"entities": [],\n\t"corrections": []\n}\n';

function isEntityType(value: unknown): value is EntityType {
	return typeof value === 'string' && (entityTypes as readonly string[]).includes(value);
}

function property(node: Node | undefined, name: string): Node | undefined {
	if (node?.type !== 'object') {
		return undefined;
	}
	for (const pair of node.children ?? []) {
		if (pair.children?.[0]?.value === name) {
			return pair.children[1];
		}
	}
	return undefined;
}

function stringArray(node: Node | undefined): string[] {
	return node?.type === 'array' ? (node.children ?? []).filter((item) => item.type === 'string' && typeof item.value === 'string' && item.value.trim() !== '').map((item) => item.value as string) : [];
}

function spanOf(node: Node): { start: number; end: number } {
	return { start: node.offset, end: node.offset + node.length };
}

/**
 * Reads a knowledge file. Never throws. Syntax errors, or a root that is not an object, or `entities` /
 * `corrections` present but not arrays, make the file malformed (knowledge empty). Single bad entries (no name,
 * unknown type) are skipped and reported; the rest is used.
 */
export function parseKnowledge(text: string): ParsedKnowledge {
	const errors: ParseError[] = [];
	const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	const problems: KnowledgeProblem[] = errors.map((error) => ({ message: `Syntax error: ${printParseErrorCode(error.error)}`, start: error.offset, end: error.offset + error.length }));
	if (errors.length > 0 || root === undefined) {
		if (problems.length === 0) {
			problems.push({ message: 'The file is empty: expected an object with "entities" and "corrections".', start: 0, end: 0 });
		}
		return { knowledge: emptyKnowledge, problems, malformed: true };
	}
	if (root.type !== 'object') {
		return { knowledge: emptyKnowledge, problems: [{ message: 'Expected an object with "entities" and "corrections".', ...spanOf(root) }], malformed: true };
	}
	const entitiesNode = property(root, 'entities');
	const correctionsNode = property(root, 'corrections');
	for (const [name, node] of [['entities', entitiesNode], ['corrections', correctionsNode]] as const) {
		if (node !== undefined && node.type !== 'array') {
			return { knowledge: emptyKnowledge, problems: [{ message: `"${name}" must be an array.`, ...spanOf(node) }], malformed: true };
		}
	}
	const entities: KnowledgeEntity[] = [];
	(entitiesNode?.children ?? []).forEach((item, index) => {
		const canonical = property(item, 'canonical')?.value;
		const type = property(item, 'type')?.value;
		if (typeof canonical !== 'string' || canonical.trim() === '') {
			problems.push({ message: 'An entity needs a non-empty "canonical" name.', ...spanOf(item) });
			return;
		}
		if (!isEntityType(type)) {
			problems.push({ message: `"${canonical}": "type" must be one of ${entityTypes.join(', ')}.`, ...spanOf(item) });
			return;
		}
		const notes = property(item, 'notes')?.value;
		entities.push({ index, canonical: canonical.trim(), type, aliases: stringArray(property(item, 'aliases')), notes: typeof notes === 'string' ? notes : '', links: stringArray(property(item, 'links')) });
	});
	const corrections: KnowledgeCorrection[] = [];
	for (const item of correctionsNode?.children ?? []) {
		const surface = property(item, 'text')?.value;
		const type = property(item, 'type')?.value;
		if (typeof surface !== 'string' || surface.trim() === '') {
			problems.push({ message: 'A correction needs a non-empty "text".', ...spanOf(item) });
		} else if (property(item, 'notAnEntity')?.value === true) {
			corrections.push({ text: surface.trim(), notAnEntity: true });
		} else if (isEntityType(type)) {
			corrections.push({ text: surface.trim(), type });
		} else {
			problems.push({ message: `"${surface}": a correction needs "notAnEntity": true or a "type" (${entityTypes.join(', ')}).`, ...spanOf(item) });
		}
	}
	return { knowledge: { entities, corrections }, problems, malformed: false };
}

/** The knowledge as the recognizer's lexicon: declared entities, spans that are not entities, forced types. */
export function toLexicon(knowledge: EntityKnowledge): UserLexicon {
	const types: Record<string, EntityType> = {};
	const notEntities: string[] = [];
	for (const correction of knowledge.corrections) {
		if ('notAnEntity' in correction) {
			notEntities.push(correction.text);
		} else {
			types[correction.text] = correction.type;
		}
	}
	return {
		entities: knowledge.entities.map((entity) => ({ canonical: entity.canonical, type: entity.type, aliases: [...entity.aliases] })),
		notEntities,
		types,
	};
}

/** Name comparison for knowledge lookups: case, spacing, curly apostrophes and abbreviation periods ignored. */
export function nameKey(name: string): string {
	return name.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\u2019/g, "'").replace(/\./g, '');
}

/**
 * The declared entity of this type that any of `names` (an entity's canonical name and aliases) names, by its
 * canonical name or an alias. The first declared match wins.
 */
export function findKnowledgeEntity(knowledge: EntityKnowledge, type: EntityType, names: readonly string[]): KnowledgeEntity | undefined {
	const wanted = new Set(names.map(nameKey));
	return knowledge.entities.find((entity) => entity.type === type && [entity.canonical, ...entity.aliases].some((name) => wanted.has(nameKey(name))));
}

/** Thrown by the edit functions when the file must not be edited. */
export class MalformedKnowledgeError extends Error {
	constructor(readonly problems: readonly KnowledgeProblem[]) {
		super(`${knowledgeFileName} is malformed (${problems[0]?.message ?? 'unreadable'}); fix it by hand first, it was left unchanged.`);
		this.name = 'MalformedKnowledgeError';
	}
}

/** Indentation and line ends as the file already uses them, so inserted entries look like their neighbours. */
export function detectFormatting(text: string): FormattingOptions {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const indent = /^([ \t]+)\S/m.exec(text)?.[1];
	if (indent === undefined || indent.startsWith('\t')) {
		return { insertSpaces: false, tabSize: 4, eol };
	}
	return { insertSpaces: true, tabSize: indent.length, eol };
}

function edit(text: string, path: (string | number)[], value: unknown, insert = false): string {
	return applyEdits(text, modify(text, path, value, { formattingOptions: detectFormatting(text), isArrayInsertion: insert }));
}

function checked(text: string): ParsedKnowledge {
	const source = text.trim() === '' ? emptyKnowledgeText : text;
	const parsed = parseKnowledge(source);
	if (parsed.malformed) {
		throw new MalformedKnowledgeError(parsed.problems);
	}
	return parsed;
}

function base(text: string): string {
	return text.trim() === '' ? emptyKnowledgeText : text;
}

/** JSON on one line with a space after colons and commas, as people write short entries by hand. */
function oneLine(value: unknown): string {
	if (Array.isArray(value)) {
		return `[${value.map(oneLine).join(', ')}]`;
	}
	if (typeof value === 'object' && value !== null) {
		return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ')} }`;
	}
	return JSON.stringify(value);
}

/** The leading blanks of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
	const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
	return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

function onSameLine(text: string, from: number, to: number): boolean {
	return !/[\r\n]/.test(text.slice(from, to));
}

/**
 * Appends `value` to the root array `name` (created when absent) with one insertion that touches nothing else.
 * jsonc-parser's own formatting re-indents the previous element on array insertion, which would rewrite the
 * user's layout of an entry we do not own, so the new element is laid out here: on its own line with its
 * neighbours' indentation, or on the same line when the array is written on one line.
 */
function append(text: string, name: string, value: unknown): string {
	const format = detectFormatting(text);
	const unit = format.insertSpaces ? ' '.repeat(format.tabSize ?? 4) : '\t';
	const eol = format.eol ?? '\n';
	const root = parseTree(text, [], { allowTrailingComma: true });
	const array = property(root, name);
	if (array === undefined) {
		return edit(text, [name], [value]);
	}
	const items = array.children ?? [];
	const last = items[items.length - 1];
	if (last === undefined) {
		const indent = lineIndent(text, array.offset);
		const inner = JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${indent}${unit}`);
		return `${text.slice(0, array.offset)}[${eol}${indent}${unit}${inner}${eol}${indent}]${text.slice(array.offset + array.length)}`;
	}
	const at = last.offset + last.length;
	if (onSameLine(text, array.offset, last.offset)) {
		return `${text.slice(0, at)}, ${oneLine(value)}${text.slice(at)}`;
	}
	const indent = lineIndent(text, last.offset);
	const inner = JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${indent}`);
	return `${text.slice(0, at)},${eol}${indent}${inner}${text.slice(at)}`;
}

/** A new entity to declare. Empty notes and links are left out of the file. */
export interface NewKnowledgeEntity {
	readonly canonical: string;
	readonly type: EntityType;
	readonly aliases?: readonly string[];
	readonly notes?: string;
	readonly links?: readonly string[];
}

/**
 * Declares an entity (appended to `entities`); when one of the same type and name exists, its aliases are
 * extended instead. `text` may be empty (a new file). Throws {@link MalformedKnowledgeError}.
 */
export function addKnowledgeEntity(text: string, entity: NewKnowledgeEntity): string {
	const source = base(text);
	const { knowledge } = checked(source);
	const canonical = entity.canonical.trim();
	const aliases = [...new Set((entity.aliases ?? []).map((alias) => alias.trim()).filter((alias) => alias !== '' && alias !== canonical))];
	const existing = findKnowledgeEntity(knowledge, entity.type, [canonical]);
	if (existing) {
		const missing = aliases.filter((alias) => ![existing.canonical, ...existing.aliases].some((name) => nameKey(name) === nameKey(alias)));
		return missing.length === 0 ? source : edit(source, ['entities', existing.index, 'aliases'], [...existing.aliases, ...missing]);
	}
	const value: Record<string, unknown> = { canonical, type: entity.type };
	if (aliases.length > 0) value.aliases = aliases;
	if (entity.notes) value.notes = entity.notes;
	if (entity.links && entity.links.length > 0) value.links = [...entity.links];
	return append(source, 'entities', value);
}

/**
 * Sets the notes of the declared entity of this type named by any of `names`, or declares the entity (named
 * `names[0]`) with these notes. An empty note removes the `notes` property. Throws {@link MalformedKnowledgeError}.
 */
export function setKnowledgeNote(text: string, type: EntityType, names: readonly string[], notes: string): string {
	const source = base(text);
	const { knowledge } = checked(source);
	const existing = findKnowledgeEntity(knowledge, type, names);
	if (existing) {
		return edit(source, ['entities', existing.index, 'notes'], notes === '' ? undefined : notes);
	}
	return addKnowledgeEntity(source, { canonical: names[0], type, notes });
}

/** Records that `surface` is not an entity (no duplicate). Throws {@link MalformedKnowledgeError}. */
export function markNotAnEntity(text: string, surface: string): string {
	const source = base(text);
	const { knowledge } = checked(source);
	const trimmed = surface.trim();
	if (knowledge.corrections.some((c) => 'notAnEntity' in c && c.text === trimmed)) {
		return source;
	}
	return append(source, 'corrections', { text: trimmed, notAnEntity: true });
}

/** Records that `surface` always has type `type`. Throws {@link MalformedKnowledgeError}. */
export function correctEntityType(text: string, surface: string, type: EntityType): string {
	const source = base(text);
	const { knowledge } = checked(source);
	const trimmed = surface.trim();
	if (knowledge.corrections.some((c) => 'type' in c && c.text === trimmed && c.type === type)) {
		return source;
	}
	return append(source, 'corrections', { text: trimmed, type });
}
