/**
 * Which files of a local folder count for the index: exactly the ones `vscode.workspace.findFiles('**\/*.txt')`
 * returns there, so that the index's worker can list the folder itself instead of waiting for VS Code's file search
 * (ripgrep processes that compete with the worker for the cores). What findFiles does, read in VS Code 1.139's
 * extension host (extHostWorkspace.findFiles, the query builder, the ripgrep file search):
 *  - files ending in `.txt` (case-sensitive), dot-files and dot-folders included (`rg --hidden`), no ignore files
 *    (`--no-ignore`, unless `search.experimental.useIgnoreFilesInFindFiles` is on: then the caller lists nothing);
 *  - `files.exclude` of the folder, not `search.exclude`: each key whose value is `true` is handed to ripgrep,
 *    anchored at the folder unless it starts with `**` or `/`; a folder it matches is not entered (a key valued
 *    false is ignored, which is how a user switches a default off). Keys with a `when` clause are not given to
 *    ripgrep: when there is one, the files ripgrep listed are walked again as a tree, and every truthy key excludes
 *    the entries it matches, a `when` key only if an entry of the same tree folder is named by its clause
 *    (`$(basename)` is the name without its extension). The siblings are only what ripgrep listed (other `.txt` files
 *    and folders holding some), not every file of the folder;
 *  - another workspace folder inside this one is excluded from it;
 *  - symbolic links followed when `search.followSymlinks` (default true) except one to a folder that is an ancestor
 *    of the link (ripgrep's loop check), else not listed at all.
 * The file system walk itself is Node's (src/node/localScanIo.ts); this module is the rules, pure.
 */

/** A `files.exclude` setting as VS Code gives it: glob -> true, false, or `{ when: "$(basename).ext" }`. */
export type ExcludeSetting = Readonly<Record<string, unknown>>;

/** What a worker needs to list one local folder as findFiles would. */
export interface FolderListingRequest {
	/** The folder's absolute path. */
	readonly path: string;
	/** Its `files.exclude` (merged over every settings level, as `getConfiguration('files', folder).get('exclude')` gives it). */
	readonly excludes: ExcludeSetting;
	/** Paths of other workspace folders inside this one, relative to it (VS Code leaves them to their own folder). */
	readonly nested?: readonly string[];
	/** `search.followSymlinks` of the folder. */
	readonly followSymlinks: boolean;
	/**
	 * The ending of the names listed (case-sensitive), `.txt` when absent: the claims list their sidecars
	 * (`findFiles('**\/*.claims.json', '**\/node_modules/**')`) the same way, with `.claims.json` and that exclude
	 * added to `excludes`.
	 */
	readonly suffix?: string;
}

const separator = '[/\\\\]';
const notSeparator = '[^/\\\\]';

/** Splits on `split` outside `{...}` and `[...]` (the parts of a path pattern, the choices of a brace set). */
function splitOutside(pattern: string, split: string): string[] {
	const parts: string[] = [];
	let inBraces = false;
	let inBrackets = false;
	let part = '';
	for (const char of pattern) {
		if (char === split && !inBraces && !inBrackets) {
			parts.push(part);
			part = '';
			continue;
		}
		if (char === '{') inBraces = true;
		else if (char === '}') inBraces = false;
		else if (char === '[') inBrackets = true;
		else if (char === ']') inBrackets = false;
		part += char;
	}
	if (part) parts.push(part);
	return parts;
}

function escapeRegExp(char: string): string {
	return char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * A glob in VS Code's syntax as a regular expression source for a whole path: `*` and `?` within one part, `**` as a
 * part any number of parts (none too), `{a,b}` choices (each a pattern of its own; not nested, no ranges),
 * `[abc]`, `[a-z]`, `[!a]`/`[^a]` one character; everything else literal (no extglobs, no `!` negation, no escapes).
 * picomatch 2.3 was tried and differs here: `[!a]`, `{1..3}` ranges, `(a|b)` groups and a leading `!`.
 */
function globSource(pattern: string): string {
	const parts = splitOutside(pattern, '/');
	if (parts.every((part) => part === '**')) return '.*';
	let source = '';
	let previousWasGlobstar = false;
	parts.forEach((part, index) => {
		const last = index === parts.length - 1;
		if (part === '**') {
			if (previousWasGlobstar) return;
			// Any number of whole parts, with their separators; at the end also the rest of the path below.
			source += `(?:${separator}|${notSeparator}+${separator}${last ? `|${separator}${notSeparator}+` : ''})*?`;
			previousWasGlobstar = true;
			return;
		}
		let inBraces = false;
		let braces = '';
		let inBrackets = false;
		let brackets = '';
		for (const char of part) {
			if (inBraces && char !== '}') {
				braces += char;
				continue;
			}
			if (inBrackets && (char !== ']' || !brackets)) {
				if (char === '-') brackets += char;
				else if ((char === '^' || char === '!') && !brackets) brackets += '^';
				else if (char !== '/') brackets += escapeRegExp(char);
				continue;
			}
			if (char === '{') inBraces = true;
			else if (char === '[') inBrackets = true;
			else if (char === '}') {
				source += `(?:${splitOutside(braces, ',').map(globSource).join('|')})`;
				inBraces = false;
				braces = '';
			} else if (char === ']') {
				source += `[${brackets}]`;
				inBrackets = false;
				brackets = '';
			} else if (char === '?') source += notSeparator;
			else if (char === '*') source += `${notSeparator}*?`;
			else source += escapeRegExp(char);
		}
		// A separator after the part unless a final `**` follows (it brings its own).
		if (!last && (parts[index + 1] !== '**' || index + 2 < parts.length)) source += separator;
		previousWasGlobstar = false;
	});
	return source;
}

/** A glob in VS Code's syntax (see {@link globSource}) as a test of a whole path (`/` between the parts). */
export function globMatcher(pattern: string): (path: string) => boolean {
	let regExp: RegExp;
	try {
		regExp = new RegExp(`^${globSource(pattern)}$`);
	} catch {
		return () => false;
	}
	return (path) => regExp.test(path);
}

/** The name without its extension, as Node's `path.extname` splits it (`.txt` and `..` have none, `a.b.txt` is `a.b`). */
export function nameWithoutExtension(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot <= 0 || name === '..' ? name : name.slice(0, dot);
}

function isAbsolute(path: string): boolean {
	return path.startsWith('/');
}

/** Trailing `\` then `/` removed, `\` made `/` (what VS Code does to a key before handing it to ripgrep). */
function ripgrepPattern(key: string): string {
	return key.replace(/\\+$/, '').replace(/\/+$/, '').replace(/\\/g, '/');
}

interface SiblingRule {
	readonly matches: (path: string) => boolean;
	readonly absolute: boolean;
	/** The clause (`$(basename).ts`), when the rule needs a sibling. */
	readonly when?: string;
}

/**
 * The `files.exclude` rules of one folder, in the two steps findFiles applies them (see the module's comment):
 * {@link skips} while walking (ripgrep's globs), then {@link keepBySiblings} over what the walk listed.
 */
export class FolderExcludes {
	private readonly walkRules: ((path: string) => boolean)[] = [];
	private readonly siblingRules: SiblingRule[] = [];
	/** Whether some key has a `when` clause (only then are the listed files walked a second time). */
	readonly hasSiblingClauses: boolean;

	constructor(excludes: ExcludeSetting, private readonly root: string, nested: readonly string[] = []) {
		const all: Record<string, unknown> = { ...excludes };
		for (const path of nested) all[path] = true;
		let clauses = false;
		for (const [key, value] of Object.entries(all)) {
			if (!key) continue;
			if (value === true) {
				// ripgrep: anchored at the folder (a leading `/`, added unless the glob starts with `**` or `/`).
				const glob = ripgrepPattern(key);
				if (glob) this.walkRules.push(globMatcher(glob.startsWith('/') ? glob.slice(1) : glob));
			} else if (value && typeof value === 'object' && (value as { when?: unknown }).when) {
				clauses = true;
			}
			if (!value) continue;
			const trimmed = key.trim();
			const when = typeof value === 'object' ? (value as { when?: unknown }).when : undefined;
			this.siblingRules.push({ matches: globMatcher(trimmed), absolute: isAbsolute(trimmed), when: typeof when === 'string' ? when : undefined });
		}
		this.hasSiblingClauses = clauses;
	}

	/** Whether the walk leaves out this file, or this folder and all below it (path relative to the folder, `/` between parts). */
	skips(relativePath: string): boolean {
		return this.walkRules.some((matches) => matches(relativePath));
	}

	private excludedWithSiblings(relativePath: string, name: string, siblings: ReadonlySet<string>): boolean {
		for (const rule of this.siblingRules) {
			if (!rule.matches(rule.absolute ? joinPath(this.root, relativePath) : relativePath)) continue;
			if (rule.when === undefined || siblings.has(rule.when.replace('$(basename)', () => nameWithoutExtension(name)))) return true;
		}
		return false;
	}

	/**
	 * The listed paths that the `when` rules (and every other truthy key) keep, walking them as a tree: an excluded
	 * folder takes everything below it; the siblings of an entry are the files and folders listed beside it. All of
	 * them when there is no `when` clause. Linear in the paths (each tree folder's names in one Set).
	 */
	keepBySiblings(paths: readonly string[]): string[] {
		if (!this.hasSiblingClauses) return [...paths];
		const children = new Map<string, Set<string>>();
		const add = (parent: string, name: string): void => {
			let names = children.get(parent);
			if (!names) {
				names = new Set();
				children.set(parent, names);
				const slash = parent.lastIndexOf('/');
				if (parent) add(slash < 0 ? '' : parent.slice(0, slash), slash < 0 ? parent : parent.slice(slash + 1));
			}
			names.add(name);
		};
		for (const path of paths) {
			const slash = path.lastIndexOf('/');
			add(slash < 0 ? '' : path.slice(0, slash), path.slice(slash + 1));
		}
		const kept: string[] = [];
		const pending = [''];
		for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
			const names = children.get(folder) ?? new Set<string>();
			for (const name of names) {
				const path = folder ? `${folder}/${name}` : name;
				if (this.excludedWithSiblings(path, name, names)) continue;
				if (children.has(path)) pending.push(path);
				else kept.push(path);
			}
		}
		return kept;
	}
}

function joinPath(root: string, relative: string): string {
	return root.endsWith('/') ? root + relative : `${root}/${relative}`;
}

/**
 * Whether findFiles('**\/*SUFFIX') takes a file of this name: its name ends in `suffix` (case-sensitive; `*` matches
 * nothing too, so `.txt` itself is listed), `.txt` unless another is given.
 */
export function isListedFile(name: string, suffix = '.txt'): boolean {
	return name.endsWith(suffix);
}

/**
 * The answer to a `list` job (see indexWorkerProtocol): each folder listed by `list` (a worker that reads local
 * files), an `error` where there is none (a Web Worker) or when listing failed. Here, with the rules and nothing of
 * the analysis, so that a worker answers it before it has loaded the recognizer.
 */
export function answerListJob(job: { readonly id: number; readonly folders: readonly FolderListingRequest[] }, list?: (folder: FolderListingRequest) => string[]): { readonly id: number; readonly lists: readonly (readonly string[])[] } | { readonly id: number; readonly error: string } {
	if (!list) return { id: job.id, error: 'this worker cannot list folders' };
	try {
		return { id: job.id, lists: job.folders.map(list) };
	} catch (error) {
		return { id: job.id, error: String(error) };
	}
}
