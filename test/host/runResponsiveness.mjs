// The host-responsiveness suite (test/responsiveness) in the real VS Code, opened on a generated archive of
// NEWS_SEED_ARCHIVE_ARTICLES articles (default 1,500; test/support/newsArchive.ts), kept between runs in /tmp.
// Ends with the runner's `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './hostConfig.mjs';

const count = Number(process.env.NEWS_SEED_ARCHIVE_ARTICLES ?? 1500);
// A folder named after the generator's version (test/support/newsArchive.ts archiveFolder), written or brought up to date.
const written = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'support', 'writeNewsArchive.ts'), '--temp', 'archive', String(count)], { cwd: repoRoot, encoding: 'utf8' });
if (written.status !== 0) {
	console.log(written.stderr);
	console.log('0 passed, 1 failed');
	process.exit(1);
}
const { folder } = JSON.parse(written.stdout);
const run = spawnSync(process.execPath, [path.join(repoRoot, 'test', 'host', 'runIntegration.mjs'), '--suite', path.join('test', 'responsiveness'), '--workspace', folder, ...process.argv.slice(2)], {
	cwd: repoRoot,
	stdio: 'inherit',
	env: { ...process.env, NEWS_SEED_ARCHIVE: written.stdout.trim() },
});
process.exitCode = run.status ?? 1;
