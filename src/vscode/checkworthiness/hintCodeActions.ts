import * as vscode from 'vscode';
import { hintAt } from '../../core/checkworthiness/hints';
import { seedSelector, toRange } from '../convert';
import { dismissCommand } from './hintCommands';
import type { HintService } from './hintService';

/** "Tag as claim" and "Dismiss check-worthiness hint" on a hinted sentence (the light bulb, Ctrl+.). */
export function registerHintCodeActions(hints: HintService): vscode.Disposable {
	return vscode.languages.registerCodeActionsProvider(seedSelector, {
		provideCodeActions(document, range, _context, token) {
			const offset = document.offsetAt(range.start);
			const hint = hintAt(hints.hintsIn(document, [{ start: offset, end: document.offsetAt(range.end) + 1 }]), offset);
			if (!hint || token.isCancellationRequested) return undefined;
			const tag = hints.claims.tagCommand(document.uri, toRange(document, hint));
			const tagAction = new vscode.CodeAction(`Tag as claim (check-worthy, ${hint.score.toFixed(2)})`, vscode.CodeActionKind.QuickFix);
			tagAction.command = { command: tag.command, title: 'Tag as claim', arguments: [tag.args] };
			const dismissAction = new vscode.CodeAction('Dismiss check-worthiness hint', vscode.CodeActionKind.QuickFix);
			dismissAction.command = { command: dismissCommand, title: 'Dismiss', arguments: [{ uri: document.uri.toString(), start: hint.start, end: hint.end }] };
			return [tagAction, dismissAction];
		},
	}, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
