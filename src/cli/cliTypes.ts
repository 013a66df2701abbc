// What every command of the command-line tool gets and gives: its arguments, an I/O surface, an exit code.

/** The tool's I/O, injected so that commands can be tested without a process or a disk. */
export interface CliIo {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Reads a UTF-8 file; rejects with the Node error (code ENOENT, EISDIR, EACCES, ...) when it cannot. */
	readFile(path: string): Promise<string>;
	/** Whether a file exists (used to look for news-entities.json). */
	exists(path: string): Promise<boolean>;
	cwd: string;
}

/** Exit codes: 0 done, 1 an unexpected failure, 2 bad arguments or a file that is missing or unreadable. */
export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** A problem the user can fix (bad arguments, missing file): printed without a stack, exit code 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export interface CliCommand {
	readonly name: string;
	/** One line for the tool's own --help. */
	readonly summary: string;
	/** The command's --help text. */
	readonly help: string;
	run(args: readonly string[], io: CliIo): Promise<number>;
}
