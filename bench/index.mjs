// `npm run bench [-- NAME...]`: runs every bench/*.bench.{ts,mjs} in its own Node process (so that memory figures
// are not mixed), one after another, and prints their figures. Benchmarks report; they never fail on timings.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(benchDir)
	.filter((name) => name.endsWith('.bench.ts') || name.endsWith('.bench.mjs'))
	.filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
	.sort();

let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file} ===`);
	// TypeScript benches run under tsx; .mjs ones drive a real VS Code through the test harness.
	const loader = file.endsWith('.ts') ? ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192'] : [];
	const run = spawnSync(process.execPath, [...loader, join(benchDir, file)], { stdio: 'inherit' });
	if (run.status !== 0) {
		failed++;
		console.log(`!!! ${file} exited with ${run.status ?? run.signal}`);
	}
}
process.exitCode = failed ? 1 : 0;
