// Checks what `vsce` would put in the .vsix: the bundle, grammar, media and docs, and never sources, tests or maps.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const listed = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
	.split('\n').map((line) => line.trim()).filter(Boolean);

const checks = [
	['the desktop bundle is packaged', listed.includes('dist/extension.js')],
	['the browser bundle is packaged', listed.includes('dist/web/extension.js')],
	['the entity index worker is packaged', listed.includes('dist/entityIndexWorker.js')],
	['the check-worthiness scoring worker is packaged', listed.includes('dist/checkworthinessWorker.js')],
	['the browser\'s entity index web worker is packaged', listed.includes('dist/web/entityIndexWorker.js')],
	['the browser\'s check-worthiness web worker is packaged', listed.includes('dist/web/checkworthinessWorker.js')],
	['the grammar is packaged', listed.includes('syntaxes/news-seed.tmLanguage.json')],
	['the manifest, README, CHANGELOG and LICENSE are packaged', ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].every((f) => listed.includes(f))],
	['no sources are packaged', !listed.some((f) => f.startsWith('src/') || f.endsWith('.ts'))],
	['no tests are packaged', !listed.some((f) => f.startsWith('test/') || f.startsWith('out/'))],
	['no source maps are packaged', !listed.some((f) => f.endsWith('.map'))],
	['no samples, benches or caches are packaged', !listed.some((f) => /^(samples|bench|scripts|\.cache|node_modules)\//.test(f))],
	['every packaged file exists', listed.every((f) => existsSync(join(root, f)))],
];
let failed = 0;
for (const [name, ok] of checks) {
	console.log(`${ok ? '✓' : '✗'} ${name}`);
	if (!ok) failed++;
}
if (failed) console.log(`packaged files:\n${listed.join('\n')}`);
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
