// `news-seed entities FILE [--json]`: the named entities of one seed file.
import { parseArgs } from 'node:util';
import { analyzeArticle } from '../../core/entities/articleEntities';
import type { Entity } from '../../core/entities/index';
import { lineStartsOf, positionAt } from '../../core/text/lineColumns';
import { loadLexicon, readTextFile } from '../cliFiles';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';

const help = `Usage: news-seed entities FILE [--json] [--lexicon FILE | --no-lexicon]

Lists the named entities (people, organizations, places) of a seed article: canonical name, type, the other
names used for it, and every mention with its position.

Options:
  --json           print JSON: {"file", "entities": [{"id", "canonical", "type", "aliases",
                   "mentions": [{"start", "end", "line", "column", "text"}]}]}; start/end are UTF-16
                   offsets into the text as VS Code holds it (end exclusive), line/column 1-based
  --lexicon FILE   use this news-entities.json (by default the nearest one in the file's folder or above)
  --no-lexicon     ignore news-entities.json
  -h, --help       show this help

Exit codes: 0 done, 2 bad arguments or a missing or unreadable file.
`;

interface MentionOut {
	start: number;
	end: number;
	line: number;
	column: number;
	text: string;
}

function mentionsOf(entity: Entity, lineStarts: readonly number[]): MentionOut[] {
	return entity.mentions.map((m) => {
		const at = positionAt(lineStarts, m.start);
		return { start: m.start, end: m.end, line: at.line + 1, column: at.character + 1, text: m.text };
	});
}

/** The plain-text listing: one line per entity, then its mentions indented. Pure, for tests. */
export function formatEntities(entities: readonly Entity[], text: string): string {
	if (entities.length === 0) return 'no entities found\n';
	const lineStarts = lineStartsOf(text);
	const width = Math.max(...entities.map((e) => e.type.length));
	let out = '';
	for (const entity of entities) {
		const count = entity.mentions.length === 1 ? '1 mention' : `${entity.mentions.length} mentions`;
		const aliases = entity.aliases.length > 0 ? `; also ${entity.aliases.map((a) => `"${a}"`).join(', ')}` : '';
		out += `${entity.type.padEnd(width)}  ${entity.canonical}  (${count}${aliases})\n`;
		for (const m of mentionsOf(entity, lineStarts)) {
			out += `${' '.repeat(width)}    ${m.line}:${m.column}  [${m.start}, ${m.end})  ${m.text}\n`;
		}
	}
	return out;
}

export const entitiesCommand: CliCommand = {
	name: 'entities',
	summary: 'list the named entities of a seed file',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		let parsed;
		try {
			parsed = parseArgs({
				args: [...args],
				allowPositionals: true,
				strict: true,
				options: {
					json: { type: 'boolean' },
					lexicon: { type: 'string' },
					'no-lexicon': { type: 'boolean' },
					help: { type: 'boolean', short: 'h' },
				},
			});
		} catch (error) {
			throw new UsageError(error instanceof Error ? error.message : String(error));
		}
		const { values, positionals } = parsed;
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length !== 1) {
			throw new UsageError(positionals.length === 0 ? 'entities: which file? (news-seed entities FILE)' : `entities: one file at a time, got ${positionals.length}`);
		}
		if (values.lexicon !== undefined && values['no-lexicon']) {
			throw new UsageError('entities: --lexicon and --no-lexicon exclude each other');
		}
		const file = positionals[0];
		const text = await readTextFile(io, file);
		const lexicon = await loadLexicon(io, file, values.lexicon, values['no-lexicon'] === true);
		const { entities } = analyzeArticle(text, lexicon);
		if (values.json) {
			const lineStarts = lineStartsOf(text);
			const out = {
				file,
				entities: entities.map((e) => ({ id: e.id, canonical: e.canonical, type: e.type, aliases: e.aliases, mentions: mentionsOf(e, lineStarts) })),
			};
			io.stdout(`${JSON.stringify(out, null, 2)}\n`);
		} else {
			io.stdout(formatEntities(entities, text));
		}
		return exitCodes.ok;
	},
};
