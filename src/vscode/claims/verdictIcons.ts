import * as vscode from 'vscode';
import type { Verdict } from '../../core/claims';
import { verdictThemeColorId } from '../../core/claims/claimPresentation';

/**
 * The icon of a verdict in its colour: the shipped SVG of a default verdict (`media/claims/<id>.svg`), else an
 * SVG made from the user's colour. Used in the gutter and in the tagging flow's verdict step.
 */
export function verdictIconUri(extensionUri: vscode.Uri, verdict: Verdict): vscode.Uri {
	const themeId = verdictThemeColorId(verdict);
	if (themeId) {
		return vscode.Uri.joinPath(extensionUri, 'media', 'claims', `${themeId.slice('newsSeed.claim.'.length)}.svg`);
	}
	const solid = verdict.color.slice(0, 7);
	return vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="5" y="1" width="6" height="14" rx="2" fill="${solid}"/></svg>`)}`);
}
