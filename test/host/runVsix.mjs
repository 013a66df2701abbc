// Packages the extension as `npm run package` does (production build, `vsce package`), installs the .vsix into
// a fresh code-server with `--install-extension`, and runs test/vsix there. The development build in dist/ is
// restored afterwards. Ends with the runner's `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './hostConfig.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'news-seed-vsix-'));
const vsix = path.join(work, 'news-seed-annotator.vsix');
/** @param {string[]} args */
const step = (command, args) => spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' }).status === 0;
let code = 1;
try {
	const packaged = step(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--production'])
		&& step(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);
	if (!packaged) {
		console.log('0 passed, 1 failed');
	} else {
		code = spawnSync(process.execPath, [path.join(repoRoot, 'test', 'host', 'runIntegration.mjs'), '--suite', path.join('test', 'vsix'), '--vsix', vsix, '--skip-build', ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' }).status ?? 1;
	}
} finally {
	step(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')]);
	rmSync(work, { recursive: true, force: true });
}
process.exitCode = code;
