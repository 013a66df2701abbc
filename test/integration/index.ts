// Mocha entry that the extension host loads as extensionTestsPath, in code-server (test/host/runIntegration.mjs)
// or in a downloaded VS Code (test/host/runElectron.mjs). It runs every *.test.js beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { extensionId } from './support';

/**
 * A remote extension host's stdout goes nowhere and its console cannot be reassigned, so the reporter's
 * lines are also appended to the file this variable names (VSCODE_* variables would be stripped).
 */
const logVariable = 'NEWS_SEED_TEST_LOG';

function mirrorReporterOutput(): (line: string) => void {
	const logFile = process.env[logVariable];
	const base = Mocha.reporters.Base;
	const original = base.consoleLog;
	const write = (line: string) => {
		if (logFile) {
			fs.appendFileSync(logFile, `${line}\n`);
		}
	};
	base.consoleLog = (...args: unknown[]) => {
		write(format(...args));
		original(...args);
	};
	return (line) => {
		write(line);
		original(line);
	};
}

export function run(): Promise<void> {
	const print = mirrorReporterOutput();
	const mocha = new Mocha({
		ui: 'tdd',
		color: false,
		reporter: 'spec',
		timeout: 20_000,
		rootHooks: {
			// Features are checked through the public commands, which only answer once the extension is active.
			async beforeAll() {
				const extension = vscode.extensions.getExtension(extensionId);
				if (!extension) {
					throw new Error(`extension ${extensionId} is not installed in this VS Code`);
				}
				await extension.activate();
			},
		},
	});
	// NEWS_SEED_TEST_FILES=claims,entities runs only the test files whose names contain one of these words.
	const only = (process.env.NEWS_SEED_TEST_FILES ?? '').split(',').map((word) => word.trim()).filter(Boolean);
	const chosen = (name: string) => only.length === 0 || only.some((word) => name.includes(word));
	for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && chosen(name)).sort()) {
		mocha.addFile(path.join(__dirname, file));
	}
	return new Promise((resolve, reject) => {
		try {
			const runner = mocha.run((failures) => {
				print(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
				if (failures > 0) {
					reject(new Error(`${failures} tests failed`));
				} else {
					resolve();
				}
			});
		} catch (error) {
			// A test file that throws while loading never reaches the reporter.
			print(`could not load the tests: ${error instanceof Error ? error.stack : String(error)}`);
			print('0 passed, 1 failed');
			reject(error instanceof Error ? error : new Error(String(error)));
		}
	});
}
