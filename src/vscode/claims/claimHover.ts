import * as vscode from 'vscode';
import { claimsAt } from '../../core/claims/claimNavigation';
import { claimHoverMarkdown, type HoverCommands } from '../../core/claims/claimPresentation';
import { seedSelector, toRange } from '../convert';
import { readVerdicts } from './claimSettings';
import type { ClaimStore } from './claimStore';

const commands: HoverCommands = {
	setVerdict: 'newsSeed.setVerdict',
	editNote: 'newsSeed.editNote',
	remove: 'newsSeed.removeClaim',
	accept: 'newsSeed.acceptClaimAnchor',
	retag: 'newsSeed.retagClaim',
};

/**
 * Hover on a claim: verdict, note, claimant, tags, sources, status and command links. Notes and every other
 * stored text are untrusted: they are escaped or sanitised in core, HTML is off, and only our own commands
 * may run from the links (a note cannot contain a working command link, see `sanitiseNote`).
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
				const markdown = new vscode.MarkdownString(claimHoverMarkdown(tracked, verdicts, commands, article.problem !== null, text));
				markdown.isTrusted = { enabledCommands: Object.values(commands) };
				markdown.supportHtml = false;
				markdown.supportThemeIcons = false;
				return markdown;
			});
			const innermost = here[0].anchor.span;
			return new vscode.Hover(contents, innermost ? toRange(document, innermost) : undefined);
		},
	});
}
