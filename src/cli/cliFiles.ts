// File access for the command-line tool: seed files and the news-entities.json that applies to them.
import * as path from 'node:path';
import { knowledgeFileName, parseKnowledge, toLexicon } from '../core/entities/entityKnowledge';
import type { UserLexicon } from '../core/entities/index';
import { type CliIo, UsageError } from './cliTypes';

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': return 'no such file';
		case 'EISDIR': return 'it is a folder, not a file';
		case 'EACCES':
		case 'EPERM': return 'permission denied';
		default: return error instanceof Error ? error.message : String(error);
	}
}

/**
 * Reads a text file as VS Code would hold it: UTF-8, a byte-order mark dropped (VS Code does not show it), line
 * ends kept. A missing or unreadable file is a {@link UsageError}.
 */
export async function readTextFile(io: CliIo, file: string, what = 'file'): Promise<string> {
	const absolute = path.resolve(io.cwd, file);
	let text: string;
	try {
		text = await io.readFile(absolute);
	} catch (error) {
		throw new UsageError(`cannot read ${what} ${file}: ${reason(error)}`);
	}
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The news-entities.json nearest to `file`: in its folder or the closest ancestor that has one. */
export async function findKnowledgeFile(io: CliIo, file: string): Promise<string | undefined> {
	let dir = path.dirname(path.resolve(io.cwd, file));
	for (;;) {
		const candidate = path.join(dir, knowledgeFileName);
		if (await io.exists(candidate)) return candidate;
		const parent = path.dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}

/**
 * The user lexicon to use: the file given with --lexicon (which must be readable and well-formed), else the
 * nearest news-entities.json (a malformed one is reported on stderr and ignored), else none.
 */
export async function loadLexicon(io: CliIo, seedFile: string, explicit: string | undefined, disabled: boolean): Promise<UserLexicon | undefined> {
	if (disabled) return undefined;
	const file = explicit ?? await findKnowledgeFile(io, seedFile);
	if (file === undefined) return undefined;
	const parsed = parseKnowledge(await readTextFile(io, file, 'lexicon'));
	if (parsed.malformed) {
		const message = `${file} is malformed (${parsed.problems[0]?.message ?? 'unreadable'})`;
		if (explicit !== undefined) throw new UsageError(message);
		io.stderr(`news-seed: warning: ${message}; recognizing without it\n`);
		return undefined;
	}
	for (const problem of parsed.problems) io.stderr(`news-seed: warning: ${file}: ${problem.message}\n`);
	return toLexicon(parsed.knowledge);
}
