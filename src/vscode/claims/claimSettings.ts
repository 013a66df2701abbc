import * as vscode from 'vscode';
import { normaliseVerdicts, type Verdict } from '../../core/claims';

/** The verdict scale of `newsSeed.verdicts`, normalised (a bad entry never breaks the feature). */
export function readVerdicts(): readonly Verdict[] {
	return normaliseVerdicts(vscode.workspace.getConfiguration('newsSeed').get('verdicts')).verdicts;
}

/** Shows what is wrong with `newsSeed.verdicts`, if anything; called at start and when the setting changes. */
export function reportVerdictProblems(): void {
	const { problems } = normaliseVerdicts(vscode.workspace.getConfiguration('newsSeed').get('verdicts'));
	if (problems.length > 0) {
		void vscode.window.showWarningMessage(`News Seed: ${problems.join(' ')}`);
	}
}

/** The creator recorded on new claims: `newsSeed.author`, else the OS user name (none in the browser). */
export function readAuthor(): string | null {
	return readConfiguredAuthor() || systemUserName();
}

/** `newsSeed.author` as set (trimmed; empty when unset): the tagging flow asks once while it is empty. */
export function readConfiguredAuthor(): string {
	return vscode.workspace.getConfiguration('newsSeed').get<string>('author', '').trim();
}

/** The user name of this machine's account, if the environment tells it (the browser's web-worker host has no `process`). */
export function systemUserName(): string | null {
	const environment = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
	return environment?.USER || environment?.USERNAME || null;
}

/** True when a configuration change affects how claims are drawn. */
export function affectsClaims(event: vscode.ConfigurationChangeEvent): boolean {
	return event.affectsConfiguration('newsSeed.verdicts');
}
