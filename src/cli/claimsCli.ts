// Shared pieces of the claims commands (validate, export, import, stats): argument parsing and the verdict scale.
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { normaliseVerdicts, type Verdict } from '../core/claims';
import { UsageError, type CliIo } from './cliTypes';
import { readTextOrNull } from './workspaceFiles';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly; unknown options and missing values are usage errors. */
export function parseCommandArgs<T extends Options>(command: string, args: readonly string[], options: T) {
	try {
		return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
	} catch (error) {
		throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/**
 * The `--format` value of `command`, checked against `formats`; a missing or unknown format and a missing PATH are
 * usage errors that say what to write instead.
 */
export function requireFormatAndPaths<F extends string>(command: string, format: string | undefined, formats: readonly F[], positionals: readonly string[], pathsHint: string): F {
	if (format === undefined) {
		throw new UsageError(`${command}: which format? --format ${formats.join('|')}`);
	}
	if (!(formats as readonly string[]).includes(format)) {
		throw new UsageError(`${command}: unknown format "${format}"; formats: ${formats.join(', ')}`);
	}
	if (positionals.length === 0) {
		throw new UsageError(`${command}: which ${pathsHint}? (news-seed ${command} --format FORMAT ${pathsHint === 'files' ? 'FILE' : 'PATH'}...)`);
	}
	return format as F;
}

/** The `--verdicts FILE` option's help line. */
export const VERDICTS_HELP = `  --verdicts FILE  the verdict scale: a JSON array like the newsSeed.verdicts setting, or a settings.json
                   holding that setting (default: .vscode/settings.json of the current folder if it sets
                   newsSeed.verdicts, else the default scale True … False, Unverifiable, Unchecked)`;

/**
 * The verdict scale: from `--verdicts FILE` (which must be readable), else from `.vscode/settings.json` in the
 * current folder when it sets `newsSeed.verdicts`, else the default. Problems with the scale go to stderr.
 */
export async function loadVerdictScale(io: CliIo, explicit: string | undefined): Promise<readonly Verdict[]> {
	const file = explicit !== undefined ? path.resolve(io.cwd, explicit) : path.join(io.cwd, '.vscode', 'settings.json');
	const text = await readTextOrNull(file);
	if (text === null) {
		if (explicit !== undefined) {
			throw new UsageError(`cannot read verdict scale ${explicit}: no such file`);
		}
		return normaliseVerdicts(undefined).verdicts;
	}
	const errors: ParseError[] = [];
	const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
	if (errors.length > 0) {
		if (explicit !== undefined) {
			throw new UsageError(`cannot read verdict scale ${explicit}: not JSON`);
		}
		return normaliseVerdicts(undefined).verdicts;
	}
	const scale = Array.isArray(value) ? value : (value as Record<string, unknown> | null)?.['newsSeed.verdicts'];
	if (scale === undefined && explicit !== undefined) {
		throw new UsageError(`${explicit} holds neither an array of verdicts nor a "newsSeed.verdicts" setting`);
	}
	const { verdicts, problems } = normaliseVerdicts(scale);
	for (const problem of problems) {
		io.stderr(`news-seed: warning: ${problem}\n`);
	}
	return verdicts;
}

/** `path` relative to the current folder when inside it (shorter lines), else absolute. */
export function displayPath(io: CliIo, file: string): string {
	const relative = path.relative(io.cwd, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
