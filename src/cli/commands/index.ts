// `news-seed index FOLDER`: builds the entity index cache of a folder in parallel across cores (worker threads),
// in the format and the place the extension reads it, so that editors opening the folder start warm.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { knowledgeFileName } from '../../core/entities/entityKnowledge';
import { readIndexCacheSteps, writeIndexCacheSteps, type CachedFile } from '../../core/entities/indexCacheFormat';
import { scanBatch, type ScanFiles } from '../../core/entities/indexScan';
import { WorkspaceEntityIndex } from '../../core/entities/workspaceEntityIndex';
import { WorkspaceIndexUpdater } from '../../core/entities/workspaceIndexUpdater';
import { EntityIndexWorkerPool } from '../../node/entityIndexWorkerPool';
import { localScanIo } from '../../node/localScanIo';
import { loadLexicon } from '../cliFiles';
import { type CliCommand, type CliIo, exitCodes, UsageError } from '../cliTypes';
import { expandPaths } from '../workspaceFiles';
import { parseCommandArgs } from '../claimsCli';

/** Where the extension looks for a shared cache in a workspace folder (the `newsSeed.entityIndex.sharedCache` default). */
export const sharedCachePath = path.join('.news-seed', 'entity-index.jsonl');

const help = `Usage: news-seed index FOLDER [--out FILE] [--jobs N] [--lexicon FILE | --no-lexicon]

Builds the entity index cache of every seed file under FOLDER (.txt files named NNN_<16 hex>.txt or starting
with a dateline), analysing in parallel across the machine's cores, and writes it where the editor extension
looks for a shared cache: FOLDER/${sharedCachePath.split(path.sep).join('/')} (the setting newsSeed.entityIndex.sharedCache).
An editor that opens FOLDER then reads and hashes its files but analyses only those whose text changed: every
entry is checked by content hash, so a stale one is rebuilt, never trusted. Run it again after changes: the
summaries of unchanged texts in the existing cache are reused.

Options:
  --out FILE       write the cache here instead
  --jobs N         worker threads (default: one per core; 0 analyses on the main thread)
  --lexicon FILE   analyse with this news-entities.json (default: FOLDER/${knowledgeFileName}, as the editor does)
  --no-lexicon     ignore news-entities.json
  -h, --help       show this help

Exit codes: 0 done, 2 bad arguments or a FOLDER that cannot be read.
`;

/** The path of `file` under `folder` with forward slashes: the cache is shared between machines and systems. */
function relativeKey(folder: string, file: string): string {
	return path.relative(folder, file).split(path.sep).join('/');
}

/** Builds the cache of `folder` into `out`; returns the figures printed. */
export async function buildIndexCache(io: CliIo, folder: string, out: string, jobs: number, lexiconFile: string | undefined, noLexicon: boolean): Promise<{ articles: number; analysed: number; reused: number; bytes: number; ms: number }> {
	const started = performance.now();
	const { files } = await expandPaths(io.cwd, [folder]);
	const root = path.resolve(io.cwd, folder);
	const uris = files.filter((file) => file.toLowerCase().endsWith('.txt')).map((file) => pathToFileURL(file).toString());
	const lexicon = await loadLexicon(io, path.join(root, knowledgeFileName), lexiconFile, noLexicon);
	const updater = new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
		files: { stat: () => Promise.resolve(undefined), read: () => Promise.resolve(undefined) },
		analyze: () => Promise.resolve(undefined),
		lexiconFor: () => lexicon,
		baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
	});
	// The summaries of the cache already there serve texts that did not change (by content hash only).
	const previous = await readFile(out).catch(() => undefined);
	if (previous) {
		const base = pathToFileURL(root).toString();
		updater.useSharedCache(drain(readIndexCacheSteps(previous)).values(), (relative) => `${base}/${relative}`);
	}
	const workerScript = path.join(__dirname, 'entityIndexWorker.js');
	const pool = jobs > 0 && existsSync(workerScript) ? new EntityIndexWorkerPool(workerScript, jobs) : undefined;
	const scan: ScanFiles = pool ? pool.scan : (batch) => scanBatch(batch, localScanIo);
	let reported = 0;
	const counts = await updater.scanAll(uris, scan, {
		apply: (steps) => Promise.resolve(drain(steps)),
		batchSize: 64,
		concurrency: Math.max(1, jobs) * 2,
		onProgress: (done) => {
			if (done - reported >= 10_000 || done === uris.length) {
				reported = done;
				io.stderr(`news-seed: index: ${done}/${uris.length} files\n`);
			}
		},
	});
	await pool?.close();
	const entries: CachedFile[] = [];
	for (const file of updater.cacheEntries()) entries.push({ ...file, uri: relativeKey(root, fileURLToPath(file.uri)) });
	const bytes = drain(writeIndexCacheSteps(entries));
	await mkdir(path.dirname(out), { recursive: true });
	// Written beside and renamed over: an editor reading it meanwhile sees the old cache or the new, never half.
	const temporary = `${out}.${process.pid}.tmp`;
	await writeFile(temporary, bytes);
	await rename(temporary, out);
	return { articles: updater.index.size, analysed: counts?.analysed ?? 0, reused: counts?.same ?? 0, bytes: bytes.length, ms: performance.now() - started };
}

/** The cache's path for messages: relative when under the working folder. */
function displayOut(io: CliIo, out: string): string {
	const relative = path.relative(io.cwd, out);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : out;
}

function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

export const indexCommand: CliCommand = {
	name: 'index',
	summary: 'build the entity index cache of a folder (in parallel), for editors to start warm',
	help,
	async run(args: readonly string[], io: CliIo): Promise<number> {
		const { values, positionals } = parseCommandArgs('index', args, {
			out: { type: 'string' },
			jobs: { type: 'string' },
			lexicon: { type: 'string' },
			'no-lexicon': { type: 'boolean' },
		});
		if (values.help) {
			io.stdout(help);
			return exitCodes.ok;
		}
		if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'index: which folder? (news-seed index FOLDER)' : `index: one folder, got ${positionals.length}`);
		if (values.lexicon !== undefined && values['no-lexicon']) throw new UsageError('index: --lexicon and --no-lexicon exclude each other');
		const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
		if (!Number.isInteger(jobs) || jobs < 0) throw new UsageError(`index: --jobs wants a whole number, got "${values.jobs}"`);
		const folder = positionals[0];
		const out = path.resolve(io.cwd, values.out ?? path.join(folder, sharedCachePath));
		const result = await buildIndexCache(io, folder, out, jobs, values.lexicon, values['no-lexicon'] === true);
		io.stdout(`indexed ${result.articles} articles (${result.analysed} analysed, ${result.reused} reused from the cache) in ${(result.ms / 1000).toFixed(1)} s with ${jobs || 'no'} worker thread${jobs === 1 ? '' : 's'}; cache ${displayOut(io, out)} (${(result.bytes / 1e6).toFixed(1)} MB)\n`);
		return exitCodes.ok;
	},
};
