// The figures of a benchmark that runs inside a real VS Code, desktop or browser host (no Node modules).
import * as vscode from 'vscode';

const lines: string[] = [];

/** One figure: to the console (the browser runner reads it there) and to the desktop runner's log file. */
export async function report(line: string): Promise<void> {
	lines.push(line);
	console.log(`  ${line}`);
	const logFile = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.NEWS_SEED_TEST_LOG;
	if (logFile) await vscode.workspace.fs.writeFile(vscode.Uri.file(logFile), new TextEncoder().encode(`${lines.join('\n')}\n`));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
