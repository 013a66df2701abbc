import * as vscode from 'vscode';
import type { Span } from '../../core/seed/seedDocument';
import type { ClaimStore } from '../claims/claimStore';

/**
 * Everything the check-worthiness hints need from the claims, in one place (the claim store is being rewritten:
 * this file is the only one that knows its API): the spans of the tagged claims, the dismissed hints kept in
 * the sidecar, and how to tag or dismiss.
 */
export interface ClaimLink {
	/** Fires with an article's URI when its claims or dismissals changed (undefined: many articles). */
	readonly onDidChange: vscode.Event<vscode.Uri | undefined>;
	/** Where the article's claims sit now (UTF-16 spans of the open document's text). */
	taggedSpans(articleUri: vscode.Uri): Span[];
	/** The texts of the sentences whose hint was dismissed. */
	dismissedHints(articleUri: vscode.Uri): ReadonlySet<string>;
	/** Remembers a dismissal in the article's sidecar. */
	dismiss(articleUri: vscode.Uri, sentenceText: string): Promise<void>;
	/** The command (and its arguments) that tags `range` of the article as a claim without prompting. */
	tagCommand(articleUri: vscode.Uri, range: vscode.Range): { command: string; args: unknown };
}

/** The link over the editor's claim store. */
export function claimLinkOf(store: ClaimStore): ClaimLink {
	return {
		onDidChange: store.onDidChange,
		taggedSpans: (uri) => (store.get(uri)?.tracked ?? []).flatMap((t) => (t.anchor.span ? [t.anchor.span] : [])),
		dismissedHints: (uri) => new Set(store.get(uri)?.dismissedHints ?? []),
		dismiss: (uri, text) => store.dismissHint(uri, text),
		tagCommand: (uri, range) => ({
			command: 'newsSeed.tagClaim',
			args: { uri: uri.toString(), range: [range.start.line, range.start.character, range.end.line, range.end.character] },
		}),
	};
}
