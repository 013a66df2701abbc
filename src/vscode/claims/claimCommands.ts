import * as vscode from 'vscode';
import { findVerdict, type Claim, type ClaimBody, type Verdict } from '../../core/claims';
import { suggestClaimant } from '../../core/claims/claimantCue';
import { adjacentClaim, claimsAt, trimSpan } from '../../core/claims/claimNavigation';
import { claimLabel } from '../../core/claims/claimPresentation';
import type { TrackedClaim } from '../../core/claims/claimTracking';
import { sentenceAt } from '../../core/seed/seedParser';
import type { Span } from '../../core/seed/seedDocument';
import { isSeedDocument, toRange, toSpan } from '../convert';
import { confirmAnchor } from '../../core/claims/claimTracking';
import { prepareArticle } from '../../core/claims';
import type { SeedDocumentCache } from '../seedDocumentCache';
import { ClaimsError, showError, type ClaimStore } from './claimStore';
import { readAuthor, readVerdicts } from './claimSettings';
import type { TaggingFlow } from './taggingFlow';
import type { ClaimUndo } from './claimHistory';
import { claimCommands } from '../commandIds';
import { registerCommand } from '../registerCommand';

/** Arguments of `newsSeed.tagClaim` for keybindings and automation: no prompt is shown when they are given. */
export interface TagClaimArgs {
	readonly uri?: string | vscode.Uri;
	/** `[startLine, startCharacter, endLine, endCharacter]`, VS Code positions (UTF-16); default: selection or sentence. */
	readonly range?: readonly number[];
	readonly verdict?: string;
	readonly note?: string;
	readonly claimant?: string | null;
	readonly tags?: readonly string[];
	readonly sources?: readonly string[];
}

/** What the claim commands accept to name a claim: its id, `{ id }` (automation) or a Claims view node (`{ claimId }`). */
type ClaimRef = string | { readonly id?: unknown; readonly claimId?: unknown } | undefined;

/** The claim commands; each is usable by keyboard alone, and without prompts when given its values. */
export function registerClaimCommands(store: ClaimStore, documents: SeedDocumentCache, flow: TaggingFlow, undo: ClaimUndo): vscode.Disposable {
	const run = <A extends unknown[], R>(task: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
		try {
			return await task(...args);
		} catch (error) {
			showError(error);
			if (!(error instanceof ClaimsError)) {
				throw error;
			}
			return undefined;
		}
	};
	return vscode.Disposable.from(
		registerCommand(claimCommands.tagClaim, run((args?: TagClaimArgs) => tagClaim(store, documents, flow, undo, args))),
		registerCommand(claimCommands.setVerdict, run(async (ref?: ClaimRef, value?: string) => {
			const tracked = await resolveClaim(store, ref);
			if (!tracked) {
				return undefined;
			}
			const verdicts = readVerdicts();
			const wanted = value ?? valueOf(ref, 'verdict') ?? await pickVerdict(verdicts, tracked.claim.body.verdict);
			if (wanted === undefined) {
				return undefined;
			}
			const changed = await store.updateBody(tracked.claim.id, { verdict: scaleLabel(verdicts, wanted) });
			undo.record('verdict', articleOf(store, changed.id), tracked.claim, changed, `verdict of "${claimLabel(tracked, 40)}": ${changed.body.verdict}.`);
			return changed.id;
		})),
		registerCommand(claimCommands.editNote, run(async (ref?: ClaimRef, value?: string) => {
			const tracked = await resolveClaim(store, ref);
			if (!tracked) {
				return undefined;
			}
			const note = value ?? valueOf(ref, 'note') ?? await vscode.window.showInputBox({
				title: `Note on "${claimLabel(tracked, 40)}"`,
				prompt: 'Markdown. Empty to clear. Type \\n for a line break.',
				value: tracked.claim.body.note.replace(/\n/g, '\\n'),
			}).then((v) => v?.replace(/\\n/g, '\n'));
			if (note === undefined) {
				return undefined;
			}
			const changed = await store.updateBody(tracked.claim.id, { note });
			undo.record('note', articleOf(store, changed.id), tracked.claim, changed, `note of "${claimLabel(tracked, 40)}" ${note.trim() === '' ? 'cleared' : 'saved'}.`);
			return changed.id;
		})),
		registerCommand(claimCommands.editClaimDetails, run(async (ref?: ClaimRef, changes?: Partial<Pick<ClaimBody, 'claimant' | 'tags' | 'sources'>>) => {
			const tracked = await resolveClaim(store, ref);
			if (!tracked) {
				return undefined;
			}
			const wanted = changes ?? await promptDetails(tracked.claim);
			if (wanted === undefined) {
				return undefined;
			}
			const changed = await store.updateBody(tracked.claim.id, wanted);
			undo.record('details', articleOf(store, changed.id), tracked.claim, changed, `details of "${claimLabel(tracked, 40)}" saved.`);
			return changed.id;
		})),
		registerCommand(claimCommands.removeClaim, run(async (ref?: ClaimRef) => {
			const tracked = await resolveClaim(store, ref);
			if (!tracked) {
				return undefined;
			}
			if (idOf(ref) === undefined) {
				const answer = await vscode.window.showWarningMessage(`Remove the claim "${claimLabel(tracked, 50)}" (${tracked.claim.body.verdict})?`, { modal: true }, 'Remove');
				if (answer !== 'Remove') {
					return undefined;
				}
			}
			const articleUri = articleOf(store, tracked.claim.id);
			const removed = await store.remove(tracked.claim.id);
			undo.record('remove', articleUri, removed, null, `removed the claim "${claimLabel(tracked, 40)}".`);
			return removed.id;
		})),
		registerCommand(claimCommands.acceptClaimAnchor, run(async (ref?: ClaimRef) => {
			const tracked = await resolveClaim(store, ref, (t) => t.anchor.status === 'fuzzy');
			if (!tracked) {
				return undefined;
			}
			const confirmed = await store.acceptAnchor(tracked.claim.id);
			undo.record('confirm', articleOf(store, confirmed.id), tracked.claim, confirmed, `confirmed the changed text of "${claimLabel(tracked, 40)}".`);
			return confirmed.id;
		})),
		registerCommand(claimCommands.resolveClaimConflict, run(async (ref?: ClaimRef, choice?: 'current' | 'delete' | number) => {
			const tracked = await resolveClaim(store, ref, (t) => t.claim.conflict !== undefined);
			if (!tracked) {
				return undefined;
			}
			const chosen = choice ?? await pickConflictVersion(tracked.claim);
			return chosen === undefined ? undefined : (await store.resolveConflict(tracked.claim.id, chosen)).id;
		})),
		registerCommand(claimCommands.retagClaim, run((ref?: ClaimRef) => retagClaim(store, undo, ref))),
		registerCommand(claimCommands.nextClaim, run((ref?: ClaimRef) => navigate(store, ref, 1))),
		registerCommand(claimCommands.previousClaim, run((ref?: ClaimRef) => navigate(store, ref, -1))),
		registerCommand(claimCommands.reveal, run(async (ref?: ClaimRef) => {
			const id = idOf(ref);
			return id ? revealClaim(store, id) : undefined;
		})),
	);
}

/**
 * Attaches a claim to the text selected in its article (a changed claim whose found text is not the right one):
 * its verdict, note and id stay. Without a selection, the text found now is selected and the user asked to
 * adjust it and re-tag again.
 */
async function retagClaim(store: ClaimStore, undo: ClaimUndo, ref: ClaimRef): Promise<string | undefined> {
	const tracked = await resolveClaim(store, ref);
	if (!tracked) {
		return undefined;
	}
	const articleUri = articleOf(store, tracked.claim.id);
	const active = vscode.window.activeTextEditor;
	if (active && active.document.uri.toString() === articleUri.toString() && !active.selection.isEmpty) {
		const text = active.document.getText();
		const span = trimSpan(text, toSpan(active.document, active.selection));
		if (span.end <= span.start) {
			throw new ClaimsError('The selection holds no text to attach the claim to.');
		}
		const retagged = confirmAnchor(tracked, span, prepareArticle(text)).claim;
		await store.restoreClaim(articleUri, retagged);
		undo.record('confirm', articleUri, tracked.claim, retagged, `re-tagged the claim on "${claimLabel({ claim: retagged, anchor: tracked.anchor }, 40)}".`);
		return retagged.id;
	}
	const editor = await vscode.window.showTextDocument(articleUri);
	if (tracked.anchor.span) {
		select(editor, toRange(editor.document, tracked.anchor.span));
	}
	void vscode.window.showInformationMessage('News Seed: select the text the claim should cover, then choose Re-tag Claim again (editor context menu or Command Palette).');
	return undefined;
}

async function tagClaim(store: ClaimStore, documents: SeedDocumentCache, flow: TaggingFlow, undo: ClaimUndo, args: TagClaimArgs | undefined): Promise<string | undefined> {
	// The editor's context menu passes the article's URI: that is an interactive call too.
	const prompts = args === undefined || args === null || typeof args !== 'object' || args instanceof vscode.Uri;
	const given: TagClaimArgs = prompts ? {} : args as TagClaimArgs;
	let document: vscode.TextDocument;
	let range: vscode.Range | undefined;
	if (given.uri !== undefined) {
		document = await vscode.workspace.openTextDocument(typeof given.uri === 'string' ? vscode.Uri.parse(given.uri) : given.uri);
	} else {
		const editor = vscode.window.activeTextEditor;
		if (!editor || !isSeedDocument(editor.document)) {
			throw new ClaimsError('Open a news seed article to tag a claim.');
		}
		document = editor.document;
		range = editor.selection.isEmpty ? undefined : editor.selection;
		if (!range && given.range === undefined) {
			const sentence = sentenceAt(documents.get(document), document.offsetAt(editor.selection.active));
			if (!sentence) {
				throw new ClaimsError('Put the cursor in a sentence, or select the text of the claim.');
			}
			range = toRange(document, sentence);
		}
	}
	if (given.range !== undefined) {
		const r = given.range;
		if (!Array.isArray(r) || r.length !== 4 || !r.every((n) => Number.isInteger(n) && n >= 0)) {
			throw new ClaimsError('range must be [startLine, startCharacter, endLine, endCharacter] (non-negative integers).');
		}
		range = document.validateRange(new vscode.Range(r[0], r[1], r[2], r[3]));
	}
	if (!range) {
		throw new ClaimsError('Give a range to tag in that article.');
	}
	const span = trimSpan(document.getText(), { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
	if (span.end <= span.start) {
		throw new ClaimsError('The selection holds no text to tag.');
	}
	const verdicts = readVerdicts();
	let fields: { verdict: string | undefined; note: string; claimant: string | null; creator: string | null };
	const suggested = given.claimant !== undefined ? given.claimant : suggestClaimant(document.getText(), { within: sentenceSpan(documents, document, span), tagged: span });
	if (prompts) {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.document !== document) {
			throw new ClaimsError('Open a news seed article to tag a claim.');
		}
		const quote = document.getText().slice(span.start, span.end).replace(/\s+/g, ' ');
		const title = `Tag claim: “${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}”`;
		const chosen = await flow.run(editor, toRange(document, span), title, verdicts, suggested);
		if (!chosen) {
			return undefined;
		}
		fields = { verdict: chosen.verdict, note: chosen.note, claimant: chosen.claimant, creator: chosen.creator ?? readAuthor() };
	} else {
		fields = { verdict: given.verdict !== undefined ? scaleLabel(verdicts, given.verdict) : undefined, note: given.note ?? '', claimant: suggested, creator: readAuthor() };
	}
	const claim = await store.addClaim(document, span, { ...fields, tags: given.tags, sources: given.sources });
	const quote = claim.target.quote.exact.replace(/\s+/g, ' ');
	undo.record('tag', document.uri, null, claim, `tagged "${quote.length > 40 ? `${quote.slice(0, 39)}…` : quote}" as ${claim.body.verdict}.`);
	return claim.id;
}

/** The sentence(s) around the span, where attribution cues are looked for. */
function sentenceSpan(documents: SeedDocumentCache, document: vscode.TextDocument, span: Span): Span {
	const parsed = documents.get(document);
	const first = sentenceAt(parsed, span.start);
	const last = sentenceAt(parsed, Math.max(span.start, span.end - 1));
	return { start: Math.min(first?.start ?? span.start, span.start), end: Math.max(last?.end ?? span.end, span.end) };
}

/** The article holding a claim (it exists: the caller has just changed or found it). */
function articleOf(store: ClaimStore, id: string): vscode.Uri {
	const found = store.find(id);
	if (!found) {
		throw new ClaimsError(`No claim with the id ${id}.`);
	}
	return found.article.articleUri;
}

/** The label as the scale spells it; an unknown label from automation is refused with the scale. */
function scaleLabel(verdicts: readonly Verdict[], wanted: string): string {
	const found = findVerdict(verdicts, wanted.trim());
	if (!found) {
		throw new ClaimsError(`"${wanted}" is not a verdict of the scale (newsSeed.verdicts): ${verdicts.map((v) => v.label).join(', ')}.`);
	}
	return found.label;
}

async function pickVerdict(verdicts: readonly Verdict[], current?: string): Promise<string | undefined> {
	const items = verdicts.map((v) => ({
		label: v.label,
		description: [v.rating !== null ? `rating ${v.rating}` : '', current !== undefined && v.label.toLowerCase() === current.toLowerCase() ? 'current' : ''].filter(Boolean).join(' · '),
	}));
	const picked = await vscode.window.showQuickPick(items, { title: 'Verdict', placeHolder: 'How true is the claim?' });
	return picked?.label;
}

async function promptDetails(claim: Claim): Promise<Partial<ClaimBody> | undefined> {
	const field = await vscode.window.showQuickPick([
		{ label: 'Claimant', description: claim.body.claimant ?? '(none)', key: 'claimant' as const },
		{ label: 'Tags', description: claim.body.tags.join(', ') || '(none)', key: 'tags' as const },
		{ label: 'Sources', description: claim.body.sources.join(' ') || '(none)', key: 'sources' as const },
	], { title: 'Edit which detail of the claim?' });
	if (!field) {
		return undefined;
	}
	if (field.key === 'claimant') {
		const value = await vscode.window.showInputBox({ title: 'Claimant', prompt: 'Who makes the claim; empty for none.', value: claim.body.claimant ?? '' });
		return value === undefined ? undefined : { claimant: value };
	}
	if (field.key === 'tags') {
		const value = await vscode.window.showInputBox({ title: 'Tags', prompt: 'Separated by commas.', value: claim.body.tags.join(', ') });
		return value === undefined ? undefined : { tags: value.split(',') };
	}
	const value = await vscode.window.showInputBox({ title: 'Sources', prompt: 'Links, separated by spaces.', value: claim.body.sources.join(' ') });
	return value === undefined ? undefined : { sources: value.split(/\s+/) };
}

/** One line describing a version of a claim in the conflict picker. */
function versionItem(claim: Claim): { label: string; description: string; detail: string } {
	const { body } = claim;
	return {
		label: body.verdict,
		description: `changed ${claim.modified.slice(0, 16).replace('T', ' ')}${claim.creator ? ` by ${claim.creator}` : ''}`,
		detail: [body.note.trim() ? `Note: ${body.note.replace(/\s+/g, ' ').slice(0, 120)}` : 'No note', body.claimant ? `Claimant: ${body.claimant}` : '', `Text: "${claim.target.quote.exact.slice(0, 80)}"`].filter(Boolean).join(' · '),
	};
}

async function pickConflictVersion(claim: Claim): Promise<'current' | 'delete' | number | undefined> {
	const conflict = claim.conflict;
	if (!conflict) {
		return undefined;
	}
	type Item = vscode.QuickPickItem & { choice: 'current' | 'delete' | number };
	const items: Item[] = [
		{ ...versionItem(claim), choice: 'current', label: `$(check) ${versionItem(claim).label}`, description: `shown now · ${versionItem(claim).description}` },
		...conflict.versions.map((v, i): Item => ({ ...versionItem(v), choice: i })),
		{ label: '$(trash) Delete the claim', description: conflict.kind === 'deleted-and-changed' ? 'as the other side did' : '', choice: 'delete' },
	];
	const picked = await vscode.window.showQuickPick(items, { title: `Resolve claim conflict (${conflict.kind.replace(/-/g, ' ')}): keep which version?`, matchOnDetail: true });
	return picked?.choice;
}

function idOf(ref: ClaimRef): string | undefined {
	if (typeof ref === 'string') {
		return ref;
	}
	if (ref && typeof ref === 'object') {
		if (typeof ref.id === 'string') {
			return ref.id;
		}
		if (typeof ref.claimId === 'string') {
			return ref.claimId;
		}
	}
	return undefined;
}

function valueOf(ref: ClaimRef, key: 'verdict' | 'note'): string | undefined {
	const value = ref && typeof ref === 'object' ? (ref as Record<string, unknown>)[key] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/**
 * The claim a command acts on: the one named by `ref`, else the innermost claim under the cursor of the active
 * article (among those `accept` allows). Says why when there is none.
 */
async function resolveClaim(store: ClaimStore, ref: ClaimRef, accept: (t: TrackedClaim) => boolean = () => true): Promise<TrackedClaim | undefined> {
	await store.whenReady();
	const id = idOf(ref);
	if (id !== undefined) {
		const found = store.find(id);
		if (!found) {
			throw new ClaimsError(`No claim with the id ${id}.`);
		}
		return found.tracked;
	}
	const editor = vscode.window.activeTextEditor;
	if (!editor || !isSeedDocument(editor.document)) {
		throw new ClaimsError('Put the cursor on a claim in a news seed article, or pick one in the Claims view.');
	}
	const article = await store.load(editor.document.uri);
	const here = claimsAt(article.tracked, editor.document.offsetAt(editor.selection.active)).filter(accept);
	if (here.length === 0) {
		void vscode.window.showInformationMessage('News Seed: there is no claim at the cursor.');
		return undefined;
	}
	return here[0];
}

async function navigate(store: ClaimStore, ref: ClaimRef, direction: 1 | -1): Promise<string | undefined> {
	const id = idOf(ref);
	if (id !== undefined) {
		return revealClaim(store, id);
	}
	const editor = vscode.window.activeTextEditor;
	if (!editor || !isSeedDocument(editor.document)) {
		throw new ClaimsError('Open a news seed article to move between its claims.');
	}
	const article = await store.load(editor.document.uri);
	// From the selection's start: after a jump the selection is the claim, and the walk goes on from it.
	const target = adjacentClaim(article.tracked, editor.document.offsetAt(editor.selection.start), direction);
	if (!target?.anchor.span) {
		void vscode.window.showInformationMessage('News Seed: this article has no claim in its text.');
		return undefined;
	}
	select(editor, toRange(editor.document, target.anchor.span));
	return target.claim.id;
}

function select(editor: vscode.TextEditor, range: vscode.Range): void {
	editor.selection = new vscode.Selection(range.start, range.end);
	editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens the claim's article and selects the claim; an unanchored claim opens its article and says so. */
export async function revealClaim(store: ClaimStore, id: string): Promise<string | undefined> {
	await store.whenReady();
	const found = store.find(id);
	if (!found) {
		throw new ClaimsError(`No claim with the id ${id}.`);
	}
	const editor = await vscode.window.showTextDocument(found.article.articleUri, { preserveFocus: false });
	const current = store.find(id)?.tracked ?? found.tracked;
	if (!current.anchor.span) {
		void vscode.window.showWarningMessage(`News Seed: the text of this claim is no longer in the article (it was: "${claimLabel(current, 80)}"). The claim is kept in the sidecar.`);
		return id;
	}
	select(editor, toRange(editor.document, current.anchor.span));
	return id;
}
