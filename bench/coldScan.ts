// What the index workers do in a cold build (for each file: stat, read, decode, seed check, hash, analysis, summary,
// cache line), run on one thread over the generated archive of issue 12 in the workers' batches of 24, without the
// pool or the host. Prints the CPU time, and with OUT writes every cache line (sorted by file) there: the cache a
// cold build makes, to compare before and after a change (`cmp`):
//   node --import tsx bench/coldScan.ts [OUT] [ARTICLES]     (BENCH_ARCHIVE_VERSION=1: the old generator's archive)
// A CPU profile of the same work without tsx in it: `npx esbuild bench/coldScan.ts --bundle --platform=node
// --format=esm --outfile=/tmp/coldScan.mjs && node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/coldScan.mjs`.
// (Not a *.bench.ts: `npm run bench` does not run it.)
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanBatch, type ScanRequest } from '../src/core/entities/indexScan';
import { localScanIo } from '../src/node/localScanIo';
import { archiveFolder, benchArchiveVersion, describeArchive, realArchive, writeArchive } from '../test/support/newsArchive';

const [out, count = String(realArchive.articles)] = process.argv.slice(2);
// A folder of its own: the other benches open theirs in VS Code, whose edits change a file's time.
const version = benchArchiveVersion();
const archive = await writeArchive(archiveFolder('coldscan', Number(count), version), Number(count), undefined, version);
console.log(describeArchive(archive));
const uris = (await readdir(archive.folder, { recursive: true })).filter((name) => name.endsWith('.txt')).sort().map((name) => pathToFileURL(join(archive.folder, name)).toString());
const lines: string[] = [];
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < uris.length; i += 24) {
	const files: ScanRequest[] = uris.slice(i, i + 24).map((uri) => ({ uri, lexicon: 0, lexiconKey: '' }));
	for (const result of (await scanBatch({ files, lexicons: [undefined] }, localScanIo)) ?? []) {
		lines.push(result.outcome === 'analysed' ? result.line : JSON.stringify(result));
	}
}
const used = process.cpuUsage(cpu);
console.log(`${uris.length} files (${(archive.bytes / 1e6).toFixed(1)} MB): CPU ${((used.user + used.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - started).toFixed(0)} ms`);
if (out) {
	lines.sort();
	await writeFile(out, `${lines.join('\n')}\n`);
	console.log(`cache lines written to ${out}`);
}
