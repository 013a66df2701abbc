import * as vscode from 'vscode';
import { nextHint } from '../../core/checkworthiness/hints';
import { reasonInWords } from '../../core/checkworthiness/scorer';
import { isSeedDocument, toRange } from '../convert';
import { checkworthinessCommands, testOnlyCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';
import { hintSettings, type HintService } from './hintService';

export const toggleCommand = checkworthinessCommands.toggle;
export const nextCommand = checkworthinessCommands.next;
export const dismissCommand = checkworthinessCommands.dismiss;
/** Test-only: the hints of an article as the editor marks them, and whether the whole article's were ready. */
export const snapshotCommand = testOnlyCommands.checkworthinessSnapshot;

/** Where a hint is, as the hover and code action pass it to Dismiss. */
interface HintRef {
	readonly uri?: unknown;
	readonly start?: unknown;
	readonly end?: unknown;
}

async function documentOf(uri: unknown): Promise<vscode.TextDocument | undefined> {
	if (typeof uri === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
	const editor = vscode.window.activeTextEditor;
	return editor && isSeedDocument(editor.document) ? editor.document : undefined;
}

function report(error: unknown): void {
	void vscode.window.showErrorMessage(`News Seed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Toggle, next, dismiss, and the test snapshot. */
export function registerHintCommands(hints: HintService): vscode.Disposable {
	return vscode.Disposable.from(
		registerCommand(toggleCommand, async () => {
			const config = vscode.workspace.getConfiguration(hintSettings.section);
			const target = config.inspect(hintSettings.enabled)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
			await config.update(hintSettings.enabled, !hints.enabled, target);
			return hints.enabled;
		}),
		registerCommand(nextCommand, async () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || !isSeedDocument(editor.document)) {
				void vscode.window.showInformationMessage('News Seed: open a news seed article to go to its check-worthy sentences.');
				return undefined;
			}
			const all = await hints.hintsSoon(editor.document);
			if (vscode.window.activeTextEditor !== editor) return undefined;
			const next = nextHint(all, editor.document.offsetAt(editor.selection.active));
			if (!next) {
				void vscode.window.showInformationMessage(hints.enabled ? 'News Seed: no check-worthy sentence left that is not tagged or dismissed.' : 'News Seed: check-worthiness hints are off (Toggle Check-worthiness Hints).');
				return undefined;
			}
			const range = toRange(editor.document, next);
			editor.selection = new vscode.Selection(range.start, range.start);
			editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
			return { start: next.start, end: next.end };
		}),
		registerCommand(dismissCommand, async (ref?: HintRef) => {
			try {
				const document = await documentOf(ref?.uri);
				if (!document) throw new Error('Open a news seed article to dismiss a hint.');
				let start = typeof ref?.start === 'number' ? ref.start : undefined;
				let end = typeof ref?.end === 'number' ? ref.end : undefined;
				if (start === undefined || end === undefined) {
					const editor = vscode.window.activeTextEditor;
					const offset = editor ? document.offsetAt(editor.selection.active) : 0;
					const here = hints.hintsIn(document, [{ start: offset, end: offset + 1 }]).find((h) => h.start <= offset && offset <= h.end);
					if (!here) throw new Error('The cursor is not in a hinted sentence.');
					({ start, end } = here);
				}
				const sentence = (await hints.scoresSoon(document)).find((s) => s.start === start && s.end === end);
				if (!sentence) throw new Error('That sentence changed in the meantime; hover it again to dismiss its hint.');
				const text = document.getText().slice(start, end);
				await hints.claims.dismiss(document.uri, text);
				return text;
			} catch (error) {
				report(error);
				return undefined;
			}
		}),
		registerCommand(snapshotCommand, async (uri?: unknown, options?: unknown) => {
			const document = await documentOf(uri);
			if (!document) return undefined;
			// `readyOnly`: what the editor has scored by itself so far, computing nothing (how soon scores are ready);
			// `timingOnly`: only whether it is ready and how its first scoring went (the benchmark's polling).
			const option = (name: string): boolean => typeof options === 'object' && options !== null && (options as Record<string, unknown>)[name] === true;
			const readyOnly = option('readyOnly');
			if (option('timingOnly')) return { ready: hints.readyScores(document) !== undefined, timing: hints.timingOf(document) };
			const ready = hints.readyHints(document);
			const decorated = readyOnly ? ready ?? [] : hints.allHints(document);
			return {
				enabled: hints.enabled,
				threshold: hints.threshold,
				ready: ready !== undefined,
				hints: decorated.map((h) => ({ start: h.start, end: h.end, text: document.getText().slice(h.start, h.end), score: h.score, reasons: h.reasons.map(reasonInWords) })),
			};
		}),
	);
}
