// The `news-seed` command-line tool: a small dispatcher over per-command modules (src/cli/commands/*).
// Output goes to stdout, messages to stderr; exit code 2 for bad arguments and missing or unreadable files.
import { access, readFile } from 'node:fs/promises';
import { type CliCommand, type CliIo, exitCodes, UsageError } from './cliTypes';
import { checkworthyCommand } from './commands/checkworthy';
import { entitiesCommand } from './commands/entities';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { indexCommand } from './commands/index';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';
import { gitSetupCommand } from './commands/gitSetup';
import { mergeDriverCommand } from './commands/mergeDriver';
import { resolveCommand } from './commands/resolve';

/** Every command; a new one (validate, export, import, stats) is one module and one entry here. */
export const commands: readonly CliCommand[] = [entitiesCommand, validateCommand, exportCommand, importCommand, statsCommand, indexCommand, gitSetupCommand, mergeDriverCommand, resolveCommand, checkworthyCommand];

function toolHelp(): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	return [
		'Usage: news-seed COMMAND [ARGS...]',
		'',
		'Commands:',
		...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
		'',
		'Run "news-seed COMMAND --help" for a command\'s options.',
		'',
	].join('\n');
}

/** Runs the tool with `args` (without node and the script); resolves to the exit code. Never rejects. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
	const [name, ...rest] = args;
	try {
		if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
			const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
			if (name === 'help' && rest[0] !== undefined && topic === undefined) {
				throw new UsageError(`unknown command "${rest[0]}"`);
			}
			(name === undefined ? io.stderr : io.stdout)(topic ? topic.help : toolHelp());
			return name === undefined ? exitCodes.usage : exitCodes.ok;
		}
		const command = commands.find((c) => c.name === name);
		if (!command) {
			throw new UsageError(`unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}`);
		}
		return await command.run(rest, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr(`news-seed: ${error.message}\n`);
			return exitCodes.usage;
		}
		io.stderr(`news-seed: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		return exitCodes.failure;
	}
}

/** The real process's I/O. */
export const processIo: CliIo = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	readFile: (path) => readFile(path, 'utf8'),
	exists: (path) => access(path).then(() => true, () => false),
	cwd: process.cwd(),
};

// Run only as the program (dist/cli.js), not when a test imports this module.
if (typeof require !== 'undefined' && require.main === module) {
	void runCli(process.argv.slice(2), processIo).then((code) => {
		process.exitCode = code;
	});
}
