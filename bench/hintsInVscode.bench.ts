// The first article of a session in the real VS Code (issue 10): a fresh extension host on a folder of two
// generated 1 MB seed articles, the first opened either with no warm-up before it (hints off in the folder's
// settings until the suite turns them on and opens it at once, as when opening an article activates the
// extension) or after the scorer's warm-up finished, then the second (background scoring off in both). Two more
// phases open articles present at start after the entity index is complete: of 32 KB to 512 KB, then the two 1 MB
// ones, with background scoring off (before), then on and finished (after). Each run is
// bench/vscodeCheckworthiness/index.ts in a fresh host; it prints its figures. Desktop host by default;
// BENCH_CHECKWORTHY_HOSTS=desktop,browser adds the browser's web-worker host; BENCH_CHECKWORTHY_PHASES=background
// runs only the last two phases (first: only the first two).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedText } from './seedCorpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join('/tmp', `nsb-checkworthy-${process.pid}`);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
// Seed names, so that VS Code gives them the News Seed language when they open (which activates the extension).
const articles = ['101_0000000000000001.txt', '102_0000000000000002.txt'];
articles.forEach((name, i) => writeFileSync(join(folder, name), generateSeedText(1_000_000, i + 1)));
// Smaller articles for the background phases: where an article opened starts to miss the 100 ms target.
const ladder = [32_000, 64_000, 128_000, 256_000, 512_000].map((size, i) => ({ name: `2${i}0_${(i + 3).toString(16).padStart(16, '0')}.txt`, size }));
ladder.forEach(({ name, size }, i) => writeFileSync(join(folder, name), generateSeedText(size, i + 3)));
const allPhases = ['at activation', 'after warm-up', 'after the index, background scoring off', 'after the index and the background scoring'];
const phases = process.env.BENCH_CHECKWORTHY_PHASES === 'background' ? allPhases.slice(2) : process.env.BENCH_CHECKWORTHY_PHASES === 'first' ? allPhases.slice(0, 2) : allPhases;
const hosts = (process.env.BENCH_CHECKWORTHY_HOSTS ?? 'desktop').split(',');
console.log(`load average before: ${loadavg().map((n) => n.toFixed(1)).join(', ')} (${availableParallelism()} cores, shared)`);
let failed = 0;
let built = false;
for (const host of hosts) {
	for (const phase of phases) {
		writeFileSync(join(folder, 'bench-phase.json'), JSON.stringify({ phase, articles, ladder }));
		// Hints off until the suite turns them on and opens the first article at once: no warm-up before it.
		mkdirSync(join(folder, '.vscode'), { recursive: true });
		const background = phase === 'after the index and the background scoring';
		writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ ...(phase === 'at activation' ? { 'newsSeed.checkworthiness.enabled': false } : {}), 'newsSeed.checkworthiness.scoreInBackground': background }));
		const runner = host === 'browser' ? 'runWeb.mjs' : 'runIntegration.mjs';
		const run = spawnSync(process.execPath, [join(root, 'test', 'host', runner), '--suite', join('bench', 'vscodeCheckworthiness'), '--workspace', folder, ...(built && host === 'desktop' ? ['--skip-build'] : [])], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, NEWS_SEED_TEST_TIMEOUT_MS: process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? '600000' },
		});
		if (host === 'desktop') built = true;
		const figures = (run.stdout ?? '').split('\n').filter((line) => / host, phase|article|the warm-up|the index|background/.test(line)).map((line) => line.trim());
		console.log(figures.length > 0 ? figures.join('\n') : `${host}, ${phase}: no figures (exit ${run.status}); ${(run.stdout ?? '').split('\n').slice(-8).join(' | ')} ${(run.stderr ?? '').slice(-500)}`);
		if (run.status !== 0) failed++;
	}
}
rmSync(folder, { recursive: true, force: true });
console.log(`load average after: ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);
process.exitCode = failed ? 1 : 0;
