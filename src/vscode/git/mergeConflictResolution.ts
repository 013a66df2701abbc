import * as vscode from 'vscode';
import { hasConflictMarkers, isSidecarName, resolveConflictMarkers, sidecarNameFor, type StoredVersions } from '../../core/claims';
import { conflictVersionsFromGit } from '../../node/git';
import { baseName, besideUri, readTextFile, writeTextFileAtomically } from '../workspaceFiles';
import { gitCommands } from '../commandIds';
import type { HostPlatform } from '../platform';
import { registerCommand } from '../registerCommand';
import { countOf } from '../../core/text/countOf';

/** What the command did, for its callers (tests, other commands). */
export interface ConflictResolutionResult {
	readonly status: 'resolved' | 'cancelled' | 'none' | 'failed';
	readonly claims: number;
	/** Claims kept with both versions (the user chooses in the editor). */
	readonly conflicts: number;
}

/** Options of the command; `confirm: false` skips the confirmation (the caller has asked already). */
export interface ConflictResolutionOptions {
	readonly confirm?: boolean;
}

const NO_VERSIONS: StoredVersions = { base: null, ours: null, theirs: null };

function sidecarOf(uri: vscode.Uri): vscode.Uri {
	return isSidecarName(baseName(uri)) ? uri : besideUri(uri, sidecarNameFor(baseName(uri)));
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}

/**
 * Resolves the conflict markers of a sidecar (or of an article's sidecar): the claims of both sides merged,
 * with the base from git when it still has one; written as a valid sidecar after the user confirms.
 */
async function resolve(platform: HostPlatform, target: vscode.Uri | undefined, options: ConflictResolutionOptions = {}): Promise<ConflictResolutionResult> {
	const failed = (message: string, status: ConflictResolutionResult['status'] = 'failed'): ConflictResolutionResult => {
		void (status === 'failed' ? vscode.window.showErrorMessage(message) : vscode.window.showInformationMessage(message));
		return { status, claims: 0, conflicts: 0 };
	};
	const given = target ?? vscode.window.activeTextEditor?.document.uri;
	if (!given) {
		return failed('News Seed: open the sidecar (or its article) whose merge conflict to resolve.', 'none');
	}
	const uri = sidecarOf(given);
	const document = openDocument(uri);
	// An open but unchanged editor may still show the text from before a write on disk (it reloads later): only
	// unsaved edits make the editor's text the one to resolve.
	const text = document?.isDirty ? document.getText() : await readTextFile(uri);
	if (text === null || !hasConflictMarkers(text)) {
		return failed(`News Seed: ${baseName(uri)} holds no merge conflict markers; nothing to resolve.`, 'none');
	}
	const stored = uri.scheme === 'file' && vscode.workspace.isTrusted ? await conflictVersionsFromGit(uri.fsPath) : NO_VERSIONS;
	const outcome = resolveConflictMarkers(text, stored, baseName(uri).replace(/\.claims\.json$/i, '.txt'));
	if (outcome.status === 'none') {
		return failed(`News Seed: ${baseName(uri)} holds no merge conflict markers; nothing to resolve.`, 'none');
	}
	if (outcome.status === 'malformed') {
		return failed(`News Seed: cannot resolve ${baseName(uri)}: line ${outcome.line}: ${outcome.message}. The file was left as it is.`);
	}
	if (outcome.status === 'unmergeable') {
		return failed(`News Seed: cannot merge the claims of ${baseName(uri)} (${outcome.reason}). The file was left as it is.`);
	}
	const claims = outcome.sidecar.claims.length;
	const conflicts = outcome.conflicts.length;
	const summary = `${countOf(claims, 'claim')} from both sides${conflicts > 0 ? `; ${conflicts} changed on both sides keep both versions for you to choose` : ''}`;
	if (options.confirm !== false) {
		const answer = await vscode.window.showWarningMessage(
			`Resolve the merge conflict in ${baseName(uri)}?`,
			{ modal: true, detail: `The claims of both sides are merged (${stored.base !== null ? 'base from git' : 'without a base: every claim of both sides is kept'}): ${summary}. The conflict markers are replaced by a valid sidecar.` },
			'Resolve',
		);
		if (answer !== 'Resolve') {
			return { status: 'cancelled', claims, conflicts };
		}
	}
	if (document?.isDirty) {
		const edit = new vscode.WorkspaceEdit();
		edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), outcome.text);
		await vscode.workspace.applyEdit(edit);
		await document.save();
	} else {
		await writeTextFileAtomically(uri, outcome.text, platform);
	}
	void vscode.window.showInformationMessage(`News Seed: resolved ${baseName(uri)}: ${summary}. Stage it with git add when you are done.`);
	return { status: 'resolved', claims, conflicts };
}

/** The quick fix on a sidecar with conflict markers (the Problems view and the light bulb). */
class ResolveConflictAction implements vscode.CodeActionProvider {
	static readonly kinds = [vscode.CodeActionKind.QuickFix];

	provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
		if (!hasConflictMarkers(document.getText())) {
			return [];
		}
		const action = new vscode.CodeAction('Resolve Claim Merge Conflict', vscode.CodeActionKind.QuickFix);
		action.command = { command: gitCommands.resolveClaimMergeConflict, title: 'Resolve Claim Merge Conflict', arguments: [document.uri] };
		action.diagnostics = context.diagnostics.filter((d) => d.source === 'News Seed claims');
		action.isPreferred = true;
		return [action];
	}
}

/** The Resolve Claim Merge Conflict command and its quick fix on sidecars. */
export function registerConflictResolution(platform: HostPlatform): vscode.Disposable {
	return vscode.Disposable.from(
		registerCommand(gitCommands.resolveClaimMergeConflict, (target?: vscode.Uri, options?: ConflictResolutionOptions) => resolve(platform, target, options)),
		vscode.languages.registerCodeActionsProvider({ pattern: '**/*.claims.json' }, new ResolveConflictAction(), { providedCodeActionKinds: ResolveConflictAction.kinds }),
	);
}
