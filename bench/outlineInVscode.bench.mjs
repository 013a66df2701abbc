// The outline benchmark that needs a real VS Code: runs bench/vscode/index.ts through the integration harness.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [join(root, 'test', 'host', 'runIntegration.mjs'), '--suite', join('bench', 'vscode')], {
	cwd: root,
	stdio: 'inherit',
	// Carrying tens of thousands of symbols takes VS Code seconds per request; give the whole run 20 minutes.
	env: { ...process.env, NEWS_SEED_TEST_TIMEOUT_MS: process.env.NEWS_SEED_TEST_TIMEOUT_MS ?? '1200000' },
});
process.exitCode = run.status ?? 1;
