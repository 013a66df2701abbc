import * as vscode from 'vscode';
import { hintAt, hintHoverMarkdown } from '../../core/checkworthiness/hints';
import { seedSelector, toRange } from '../convert';
import { dismissCommand } from './hintCommands';
import type { HintService } from './hintService';

/**
 * Hover on a hinted sentence: its score, the reasons in words and two links, "Tag as claim" and "Dismiss".
 * The reasons quote article text, escaped in core; HTML is off and only these two commands may run.
 */
export function registerHintHover(hints: HintService): vscode.Disposable {
	return vscode.languages.registerHoverProvider(seedSelector, {
		provideHover(document, position, token) {
			const offset = document.offsetAt(position);
			const hint = hintAt(hints.hintsIn(document, [{ start: offset, end: offset + 1 }]), offset);
			if (!hint || token.isCancellationRequested) return undefined;
			const range = toRange(document, hint);
			const tag = hints.claims.tagCommand(document.uri, range);
			const markdown = new vscode.MarkdownString(hintHoverMarkdown(hint, {
				tag: { command: tag.command, args: tag.args },
				dismiss: { command: dismissCommand, args: { uri: document.uri.toString(), start: hint.start, end: hint.end } },
			}));
			markdown.isTrusted = { enabledCommands: [tag.command, dismissCommand] };
			markdown.supportHtml = false;
			markdown.supportThemeIcons = false;
			return new vscode.Hover(markdown, range);
		},
	});
}
