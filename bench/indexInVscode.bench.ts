// The entity index end to end in the real VS Code (code-server), on a generated archive shaped like the real one
// of issue 12 (test/support/newsArchive.ts, BENCH_ARCHIVE articles, default 6,376; BENCH_ARCHIVE_VERSION=1 for the old generator): the folder opened cold (no cache),
// then again warm (the same user data, so the extension's cache). Each run is bench/vscodeIndex/index.ts inside
// the extension host; it prints its figures beside their targets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveFolder, benchArchiveVersion, describeArchive, realArchive, writeArchive } from '../test/support/newsArchive';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_ARCHIVE ?? realArchive.articles);
const version = benchArchiveVersion();
const archive = archiveFolder('archive', count, version);
const stats = await writeArchive(archive, count, undefined, version);
console.log(describeArchive(stats));
console.log(`load average before: ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);

// A short run folder (Unix socket paths): kept between the cold and the warm run, removed after.
const runDir = join('/tmp', `nsb-${process.pid}`);
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const target = JSON.stringify({ file: stats.topPerson.file, offset: stats.topPerson.offset, name: stats.topPerson.name, articles: stats.topPerson.articles });
let failed = 0;
// BENCH_PHASES=cold runs the first start only (with NEWS_SEED_BENCH_PROFILE=DIR, to profile the extension host).
for (const phase of (process.env.BENCH_PHASES ?? 'cold,warm').split(',')) {
	const run = spawnSync(process.execPath, [
		join(root, 'test', 'host', 'runIntegration.mjs'), '--suite', join('bench', 'vscodeIndex'), '--workspace', archive, '--run-dir', runDir,
		...(phase === 'warm' ? ['--skip-build'] : []),
	], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, NEWS_SEED_BENCH_PHASE: phase, NEWS_SEED_BENCH_TARGET: target, NEWS_SEED_TEST_TIMEOUT_MS: process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? '900000' },
	});
	if (run.status !== 0) failed++;
}
// BENCH_KEEP_RUN=1 keeps it (the extension's log: user-data/logs/*/exthost1/output_logging_*/*News Seed.log).
if (process.env.BENCH_KEEP_RUN) console.log(`run folder kept: ${runDir}`);
else rmSync(runDir, { recursive: true, force: true });
console.log(`load average after: ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);
process.exitCode = failed ? 1 : 0;
