// Bundles the extension (and the command-line tool, once it exists) into single CommonJS files with esbuild.
// unified and remark-parse are ESM-only, so tsc alone could not emit them into a CommonJS extension.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
	{ entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
	// The entity index analyses cold files in worker threads (src/node/entityIndexWorkerPool.ts loads it by path).
	{ entryPoints: ['src/node/entityIndexWorker.ts'], outfile: 'dist/entityIndexWorker.js' },
	// Check-worthiness scores articles in a worker thread (src/node/checkworthinessWorkerThread.ts loads it by path).
	{ entryPoints: ['src/node/checkworthinessWorker.ts'], outfile: 'dist/checkworthinessWorker.js' },
	// The browser entry (vscode.dev, github.dev) runs in a web worker: platform 'browser' makes any Node built-in
	// an error at build time, so nothing Node-only can slip into it.
	// @cfworker/json-schema derives a default base URI from self.location when it loads; VS Code's web extension host
	// is a worker started from a blob: URL, for which that string is no valid URL. The sidecar schema has its own
	// $id and needs no page base, so the bundle sees no self.location.
	{
		entryPoints: ['src/browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], platform: 'browser',
		mainFields: ['browser', 'module', 'main'], define: { 'self.location': 'undefined' },
	},
	// The entity index's Web Worker in the browser (src/web/webIndexWorkerPool.ts starts it by URL): VS Code loads
	// it with importScripts, so a plain script (IIFE), not CommonJS.
	{ entryPoints: ['src/web/entityIndexWebWorker.ts'], outfile: 'dist/web/entityIndexWorker.js', platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] },
	// Check-worthiness scores articles in a Web Worker in the browser too (src/web/checkworthinessWebWorkerThread.ts).
	{ entryPoints: ['src/web/checkworthinessWebWorker.ts'], outfile: 'dist/web/checkworthinessWorker.js', platform: 'browser', format: 'iife', mainFields: ['browser', 'module', 'main'] },
];
if (existsSync('src/cli/cli.ts')) {
	targets.push({ entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
}

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node18',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
	// jsonc-parser's `main` is a UMD build that requires './impl/format' at run time, which a bundle cannot
	// resolve; its `module` build is plain ESM that esbuild bundles. (Packages with `exports` are unaffected.)
	mainFields: ['module', 'main'],
};

if (watch) {
	for (const t of targets) await (await esbuild.context({ ...common, ...t })).watch();
	console.log('esbuild: watching');
} else {
	await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
}
