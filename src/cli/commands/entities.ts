// `news-seed entities PATH... [--json | --jsonl]`: the named entities of seed files, one file as before, or many
// (files and folders) streamed as JSON Lines for batch use.
import * as path from 'node:path';
import { analyzeArticle } from '../../core/entities/articleEntities';
import type { Entity } from '../../core/entities/index';
import { lineStartsOf, positionAt } from '../../core/text/lineColumns';
import { isSeedFileName, startsWithDateline } from '../../core/seed/seedRecognition';
import { loadLexicon, readTextFile } from '../cliFiles';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { expandPaths } from '../workspaceFiles';
import { parseCommandArgs } from '../claimsCli';

const help = `Usage: news-seed entities PATH... [--json | --jsonl] [--lexicon FILE | --no-lexicon]

Lists the named entities (people, organizations, places) of seed articles: canonical name, type, the other
names used for it, and every mention with its position. PATH is a file or a folder (searched recursively for
seed files: .txt files named NNN_<16 hex>.txt or starting with a dateline); files given by name are always read.

Options:
  --json           print JSON for one file: {"file", "entities": [{"id", "canonical", "type", "aliases",
                   "mentions": [{"start", "end", "line", "column", "text"}]}]}; start/end are UTF-16
                   offsets into the text as VS Code holds it (end exclusive), line/column 1-based
  --jsonl          print JSON Lines: one such object per file, on one line, written as each file is done
                   (for many files and folders; a file that cannot be read is reported on stderr and skipped)
  --lexicon FILE   use this news-entities.json (by default the nearest one in each file's folder or above)
  --no-lexicon     ignore news-entities.json
  -h, --help       show this help

Without --jsonl, several files are listed one after another, each under a "==> FILE <==" line.

Exit codes: 0 done, 2 bad arguments or a missing or unreadable file (the others are still listed).
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

/**
 * The files to list, in order: each PATH that is a file as given (relative paths stay relative, for the output);
 * each folder searched recursively for seed files (by name, or by a dateline at the start). A path that cannot be
 * read is a usage error.
 */
async function entityFiles(io: CliIo, paths: readonly string[]): Promise<string[]> {
	const files: string[] = [];
	for (const given of paths) {
		try {
			// A file by name: taken as given (and read later, with the message readTextFile gives).
			await io.readFile(path.resolve(io.cwd, given)).then(() => undefined, (error: NodeJS.ErrnoException) => {
				if (error.code === 'EISDIR') throw error;
			});
			files.push(given);
		} catch {
			const { files: found } = await expandPaths(io.cwd, [given]);
			for (const file of found) {
				if (!file.toLowerCase().endsWith('.txt')) continue;
				const relative = path.relative(io.cwd, file);
				if (isSeedFileName(path.basename(file)) || startsWithDateline((await io.readFile(file).catch(() => '')).slice(0, 200))) files.push(relative);
			}
		}
	}
	return files;
}

export const entitiesCommand: CliCommand = {
	name: 'entities',
	summary: 'list the named entities of seed files (JSON Lines for many)',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('entities', args, {
			json: { type: 'boolean' },
			jsonl: { type: 'boolean' },
			lexicon: { type: 'string' },
			'no-lexicon': { type: 'boolean' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length === 0) throw new UsageError('entities: which file? (news-seed entities FILE...)');
		if (values.lexicon !== undefined && values['no-lexicon']) {
			throw new UsageError('entities: --lexicon and --no-lexicon exclude each other');
		}
		if (values.json && values.jsonl) throw new UsageError('entities: --json and --jsonl exclude each other');
		const files = await entityFiles(io, positionals);
		if (values.json && files.length !== 1) throw new UsageError(`entities: --json takes one file, got ${files.length}; use --jsonl for several`);
		// One lexicon per folder: the nearest news-entities.json is the same for every file beside it.
		const lexicons = new Map<string, ReturnType<typeof loadLexicon>>();
		const lexiconOf = (file: string) => {
			const folder = path.dirname(path.resolve(io.cwd, file));
			let lexicon = lexicons.get(folder);
			if (!lexicon) lexicons.set(folder, (lexicon = loadLexicon(io, file, values.lexicon, values['no-lexicon'] === true)));
			return lexicon;
		};
		let failed = 0;
		for (const file of files) {
			let text: string;
			try {
				text = await readTextFile(io, file);
			} catch (error) {
				// One file: the usage error as before; many: reported, and the others still listed.
				if (files.length === 1 || !(error instanceof UsageError)) throw error;
				io.stderr(`news-seed: ${error.message}\n`);
				failed++;
				continue;
			}
			const { entities } = analyzeArticle(text, await lexiconOf(file));
			if (values.json || values.jsonl) {
				const lineStarts = lineStartsOf(text);
				const out = {
					file,
					entities: entities.map((e) => ({ id: e.id, canonical: e.canonical, type: e.type, aliases: e.aliases, mentions: mentionsOf(e, lineStarts) })),
				};
				io.stdout(values.jsonl ? `${JSON.stringify(out)}\n` : `${JSON.stringify(out, null, 2)}\n`);
			} else {
				io.stdout(files.length === 1 ? formatEntities(entities, text) : `==> ${file} <==\n${formatEntities(entities, text)}`);
			}
		}
		if (failed > 0) return exitCodes.usage;
		return exitCodes.ok;
	},
};
