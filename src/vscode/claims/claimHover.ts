import * as vscode from 'vscode';
import { claimsAt } from '../../core/claims/claimNavigation';
import { claimHoverMarkdown, type HoverCommands } from '../../core/claims/claimPresentation';
import { claimCommands } from '../commandIds';
import { seedSelector, toRange } from '../convert';
import { readVerdicts } from './claimSettings';
import type { ClaimStore } from './claimStore';

const commands: HoverCommands = {
	setVerdict: claimCommands.setVerdict,
	editNote: claimCommands.editNote,
	remove: claimCommands.removeClaim,
	accept: claimCommands.acceptClaimAnchor,
	resolveConflict: claimCommands.resolveClaimConflict,
	retag: claimCommands.retagClaim,
};

/**
 * Hover on a claim: verdict, note, claimant, tags, sources, status and command links. Notes and every other
 * stored text are untrusted: core escapes them (no link, image or HTML can come from them), HTML is off, and
 * only the commands of the links core built are enabled.
 */
export function registerClaimHover(store: ClaimStore): vscode.Disposable {
	return vscode.languages.registerHoverProvider(seedSelector, {
		provideHover(document, position, token) {
			const article = store.get(document.uri);
			if (!article || token.isCancellationRequested) {
				return undefined;
			}
			const here = claimsAt(article.tracked, document.offsetAt(position));
			if (here.length === 0) {
				return undefined;
			}
			const verdicts = readVerdicts();
			const text = document.getText();
			const contents = here.map((tracked) => {
				const hover = claimHoverMarkdown(tracked, verdicts, commands, article.problem !== null, text);
				const markdown = new vscode.MarkdownString(hover.markdown);
				markdown.isTrusted = { enabledCommands: [...hover.enabledCommands] };
				markdown.supportHtml = false;
				markdown.supportThemeIcons = false;
				return markdown;
			});
			const innermost = here[0].anchor.span;
			return new vscode.Hover(contents, innermost ? toRange(document, innermost) : undefined);
		},
	});
}
