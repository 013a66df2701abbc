// Mocha entry for the browser (web-worker) extension host, loaded by @vscode/test-web as extensionTestsPath
// (test/host/runWeb.mjs). The web host can only require 'vscode', so the runner bundles this file with mocha's
// browser build and every *.test.ts of the suite (the virtual module 'news-seed:test-files'). The reporter's
// lines go to the console, which the runner reads from the page; the last one is `N passed, N failed`.
import * as vscode from 'vscode';
import { extensionId } from './support';

declare function require(id: 'news-seed:test-files'): { loadTestFiles(): void };
declare function require(id: 'mocha/mocha.js'): unknown;

interface RunnerEvents {
	on(event: 'pass', listener: (test: { fullTitle(): string }) => void): void;
	on(event: 'fail', listener: (test: { fullTitle(): string }, error: Error) => void): void;
	on(event: 'pending', listener: (test: { fullTitle(): string }) => void): void;
}

interface BrowserMocha {
	setup(options: { ui: string; reporter: (runner: RunnerEvents) => void; timeout: number; rootHooks: { beforeAll(): Promise<void> } }): void;
	run(done: (failures: number) => void): { stats?: { passes: number } };
}

/**
 * One console line per test: mocha's own reporters write to a DOM (html) or a terminal (spec), and a web
 * worker has neither.
 */
function consoleReporter(runner: RunnerEvents): void {
	runner.on('pass', (test) => console.log(`  ✔ ${test.fullTitle()}`));
	runner.on('pending', (test) => console.log(`  - ${test.fullTitle()} (skipped)`));
	runner.on('fail', (test, error) => console.log(`  ✖ ${test.fullTitle()}\n${error.stack ?? error.message}`));
}

export function run(): Promise<void> {
	// Required, not imported for its side effects: the UMD build would then assign this bundle's module.exports.
	// It defines the global `mocha` (the browser build's own instance).
	require('mocha/mocha.js');
	const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
	mocha.setup({
		ui: 'tdd',
		reporter: consoleReporter,
		timeout: 20_000,
		rootHooks: {
			async beforeAll() {
				const extension = vscode.extensions.getExtension(extensionId);
				if (!extension) {
					throw new Error(`extension ${extensionId} is not installed in this VS Code`);
				}
				await extension.activate();
			},
		},
	});
	require('news-seed:test-files').loadTestFiles();
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
			if (failures > 0) {
				reject(new Error(`${failures} tests failed`));
			} else {
				resolve();
			}
		});
	});
}
