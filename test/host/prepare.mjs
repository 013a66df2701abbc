// Builds the extension and the integration suite, and lays out a fresh workspace for one run.
import {
	cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync,
} from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, run } from './hostConfig.mjs';

/** The suite `npm run test:integration` runs; `bench/vscode` holds the measurements that need a real VS Code. */
export const defaultSuite = path.join('test', 'integration');

/**
 * Where a suite's bundle goes, and its entry (extensionTestsPath).
 * @param {string} suite a folder relative to the repository
 */
export function suiteOutput(suite) {
	const outDir = path.join(repoRoot, 'out', suite);
	return { outDir, entry: path.join(outDir, 'index.js') };
}
export const integrationEntry = suiteOutput(defaultSuite).entry;

/** `node scripts/build.mjs`: the bundle the manifest's `main` names (dist/extension.js). */
export async function buildExtension() {
	await run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
	if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('the build did not produce dist/extension.js');
}

/**
 * Bundles a suite's index.ts and every *.test.ts beside it (by default test/integration) into out/<suite>/ as
 * CommonJS, mocha included, so the extension host only has to provide `vscode`. Returns the entry's path.
 * @param {string} [suite] a folder relative to the repository
 */
export async function buildIntegrationTests(suite = defaultSuite) {
	const sourceDir = path.join(repoRoot, suite);
	const { outDir: integrationOutDir, entry } = suiteOutput(suite);
	const entryPoints = readdirSync(sourceDir)
		.filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
		.map((name) => path.join(sourceDir, name));
	// Build beside the target, then swap: a run going on in another terminal keeps a complete suite, and files
	// of deleted suites do not linger.
	const staging = `${integrationOutDir}.${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	await esbuild.build({
		entryPoints,
		outdir: staging,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['vscode'],
		sourcemap: 'inline',
		logLevel: 'warning',
		// Mocha's parallel mode (worker files found with require.resolve) is never used here.
		logOverride: { 'require-resolve-not-external': 'silent' },
	});
	rmSync(integrationOutDir, { recursive: true, force: true });
	renameSync(staging, integrationOutDir);
	return entry;
}

/** A fresh copy of samples/ and test/fixtures/workspace/ in `dir`: tests may edit files without touching the repo. */
export function makeWorkspace(dir) {
	mkdirSync(dir, { recursive: true });
	for (const source of [path.join(repoRoot, 'samples'), path.join(repoRoot, 'test', 'fixtures', 'workspace')]) {
		if (existsSync(source)) cpSync(source, dir, { recursive: true });
	}
	return dir;
}

/**
 * Installs the working tree into an extensions folder as a symbolic link named the way VS Code names installed
 * extensions, so a window reload picks up a rebuilt bundle. Links of other versions are removed.
 * Returns the link's path.
 * @param {string} extensionsDir
 */
export function linkExtension(extensionsDir) {
	const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const prefix = `${manifest.publisher}.${manifest.name}-`.toLowerCase();
	mkdirSync(extensionsDir, { recursive: true });
	for (const name of readdirSync(extensionsDir)) {
		if (!name.startsWith(prefix)) continue;
		const entry = path.join(extensionsDir, name);
		// Unlink a link itself: never walk into the working tree it points at.
		if (lstatSync(entry).isSymbolicLink()) unlinkSync(entry);
		else rmSync(entry, { recursive: true, force: true });
	}
	const link = path.join(extensionsDir, `${prefix}${manifest.version}`);
	symlinkSync(repoRoot, link);
	return link;
}
