// `newsSeed.exportClaims` and `newsSeed.importClaims`: the export and import of src/core/claims/exports in the editor.
// File I/O through vscode.workspace.fs only (remote and virtual workspaces work). The claim store notices the
// sidecars an import writes through its file watcher and merges them like any change made outside the editor.
import * as vscode from 'vscode';
import {
	EXPORT_FORMATS, exportClaims, FORMAT_DESCRIPTIONS, importIntoSidecar, IMPORT_FORMATS, isExportFormat, isImportFormat, prepareExportArticle,
	readBratAnn, readSidecarForExport, relativeHref, readW3CAnnotations, sourceFileName, type ClaimDraft, type ExportArticle, type ExportFormat, type ImportFormat,
} from '../core/claims/exports';
import { sidecarNameFor } from '../core/claims';
import { countOf } from '../core/text/countOf';
import { readAuthor, readVerdicts } from './claims/claimSettings';
import { baseName, besideUri, readTextFile, sha256Hex, writeTextFileAtomically } from './workspaceFiles';

/** Arguments of `newsSeed.exportClaims`; with `format` and `scope` it runs without asking anything. */
export interface ExportClaimsArgs {
	readonly format?: string;
	/** Articles (`.txt`), sidecars or folders; strings are file paths or URIs. */
	readonly scope?: vscode.Uri | string | readonly (vscode.Uri | string)[];
	/** Folder to write into; default: the first workspace folder. */
	readonly outDir?: vscode.Uri | string;
	/** Open the Markdown report in the preview (default true). */
	readonly open?: boolean;
}

/** Arguments of `newsSeed.importClaims`; with `format` and `files` it runs without asking anything. */
export interface ImportClaimsArgs {
	readonly format?: string;
	readonly files?: vscode.Uri | string | readonly (vscode.Uri | string)[];
	/** The article to add every claim to; default: beside each file (brat) or the file named by each annotation (W3C). */
	readonly article?: vscode.Uri | string;
}

/** What `newsSeed.importClaims` returns: per article, the claims added and those reported. */
export interface ImportClaimsResult {
	readonly article: string;
	readonly added: number;
	readonly duplicates: number;
	readonly conflicts: number;
	readonly unanchored: number;
	readonly messages: readonly string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', '.vscode-test', 'dist', 'out']);

function toUri(value: vscode.Uri | string): vscode.Uri {
	if (typeof value !== 'string') {
		return value;
	}
	return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

function toUris(value: vscode.Uri | string | readonly (vscode.Uri | string)[] | undefined): vscode.Uri[] {
	return value === undefined ? [] : (Array.isArray(value) ? value : [value as vscode.Uri | string]).map(toUri);
}

/** The text as the editor holds it: the open document's (unsaved edits included), else the file's without BOM. */
async function readText(uri: vscode.Uri): Promise<string | null> {
	const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
	if (open) {
		return open.getText();
	}
	return readTextFile(uri);
}

/** The articles with claims under the scope: sidecars found in folders, articles named directly. */
async function articlesIn(scope: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
	const found = new Map<string, vscode.Uri>();
	const visit = async (uri: vscode.Uri, explicit: boolean): Promise<void> => {
		if (token?.isCancellationRequested) {
			return;
		}
		const stat = await vscode.workspace.fs.stat(uri);
		if (stat.type & vscode.FileType.Directory) {
			const entries = (await vscode.workspace.fs.readDirectory(uri)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
			for (const [name, type] of entries) {
				if (type & vscode.FileType.Directory) {
					if (!SKIPPED_FOLDERS.has(name)) {
						await visit(vscode.Uri.joinPath(uri, name), false);
					}
				} else if (/\.claims\.json$/i.test(name)) {
					const article = vscode.Uri.joinPath(uri, name.replace(/\.claims\.json$/i, '.txt'));
					found.set(article.toString(), article);
				}
			}
		} else if (/\.claims\.json$/i.test(baseName(uri))) {
			const article = besideUri(uri, baseName(uri).replace(/\.claims\.json$/i, '.txt'));
			found.set(article.toString(), article);
		} else if (explicit) {
			found.set(uri.toString(), uri);
		}
	};
	for (const uri of scope) {
		await visit(uri, true);
	}
	return [...found.values()];
}

async function loadExportArticle(article: vscode.Uri): Promise<ExportArticle | string> {
	const text = await readText(article);
	if (text === null) {
		return `${baseName(article)}: the article is missing`;
	}
	const sidecarText = await readTextFile(besideUri(article, sidecarNameFor(baseName(article))));
	const parsed = sidecarText === null ? null : readSidecarForExport(sidecarText);
	if (parsed?.status === 'foreign') {
		return `${sidecarNameFor(baseName(article))} is not a claims sidecar`;
	}
	return prepareExportArticle({ fileName: baseName(article), text, claims: parsed?.claims ?? [], iri: article.toString() });
}

/** What the export writes: the format, the articles, the folder, and for the Markdown report the file chosen. */
interface ExportRequest {
	readonly format: ExportFormat;
	readonly scope: vscode.Uri[];
	readonly outDir: vscode.Uri;
	/** The report's file (Markdown only, chosen in a save dialog); default: `claims.md` in `outDir`. */
	readonly outFile?: vscode.Uri;
}

async function pickExportArgs(): Promise<ExportRequest | undefined> {
	const format = await vscode.window.showQuickPick(EXPORT_FORMATS.map((f) => ({ label: f, description: FORMAT_DESCRIPTIONS[f] })), { title: 'Export claims: format' });
	if (!format) {
		return undefined;
	}
	const active = vscode.window.activeTextEditor?.document;
	const choices: (vscode.QuickPickItem & { id: 'article' | 'folder' | 'workspace' })[] = [];
	if (active && active.languageId === 'news-seed') {
		choices.push({ id: 'article', label: 'Active article', description: baseName(active.uri) });
	}
	choices.push({ id: 'folder', label: 'A folder…' }, { id: 'workspace', label: 'The whole workspace' });
	const scopeChoice = await vscode.window.showQuickPick(choices, { title: 'Export claims: which articles' });
	if (!scopeChoice) {
		return undefined;
	}
	let scope: vscode.Uri[];
	if (scopeChoice.id === 'article' && active) {
		scope = [active.uri];
	} else if (scopeChoice.id === 'folder') {
		const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Export claims of this folder' });
		if (!picked?.length) {
			return undefined;
		}
		scope = picked;
	} else {
		scope = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
	}
	// Outside the articles' folder by default: a report is not evidence, and does not belong among the articles.
	const articlesFolder = scope.length === 1 && scope[0].path.endsWith('.txt') ? vscode.Uri.joinPath(scope[0], '..') : scope[0] ?? vscode.workspace.workspaceFolders?.[0]?.uri;
	const outside = articlesFolder ? vscode.Uri.joinPath(articlesFolder, '..') : undefined;
	if (format.label === 'markdown') {
		const file = await vscode.window.showSaveDialog({
			title: 'Write the claims report to',
			saveLabel: 'Write report',
			filters: { Markdown: ['md'] },
			defaultUri: outside ? vscode.Uri.joinPath(outside, 'claims-report.md') : undefined,
		});
		return file ? { format: 'markdown', scope, outDir: vscode.Uri.joinPath(file, '..'), outFile: file } : undefined;
	}
	const out = await vscode.window.showOpenDialog({
		canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export here', defaultUri: outside,
	});
	if (!out?.length) {
		return undefined;
	}
	return { format: format.label as ExportFormat, scope, outDir: out[0] };
}

/** Runs the export; returns the URIs written (undefined when the user cancelled). */
export async function exportClaimsCommand(args?: ExportClaimsArgs): Promise<vscode.Uri[] | undefined> {
	let request: ExportRequest | undefined;
	if (args?.format !== undefined) {
		if (!isExportFormat(args.format)) {
			throw new Error(`Unknown export format "${args.format}"; formats: ${EXPORT_FORMATS.join(', ')}`);
		}
		const active = vscode.window.activeTextEditor?.document;
		const scope = args.scope !== undefined ? toUris(args.scope) : active?.languageId === 'news-seed' ? [active.uri] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
		const outDir = args.outDir !== undefined ? toUri(args.outDir) : vscode.workspace.workspaceFolders?.[0]?.uri;
		if (!outDir) {
			throw new Error('Export claims: no output folder (pass outDir or open a folder).');
		}
		request = { format: args.format, scope, outDir };
	} else {
		request = await pickExportArgs();
	}
	if (!request) {
		return undefined;
	}
	const { format, scope, outDir, outFile } = request;
	const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting claims (${format})`, cancellable: true }, async (progress, token) => {
		const articles = await articlesIn(scope, token);
		const loaded: ExportArticle[] = [];
		const problems: string[] = [];
		for (const [i, article] of articles.entries()) {
			if (token.isCancellationRequested) {
				return undefined;
			}
			const result = await loadExportArticle(article);
			if (typeof result === 'string') {
				problems.push(result);
			} else {
				loaded.push(result);
			}
			if (i % 50 === 0) {
				progress.report({ message: `${i + 1}/${articles.length} articles` });
			}
		}
		// Links from the report back to each article, relative to where the report is written.
		const articleHref = (article: ExportArticle) => relativeHref(outDir.path, vscode.Uri.parse(article.iri).path);
		const result = exportClaims(format, loaded, { verdicts: readVerdicts(), generated: undefined, articleHref });
		const sources = new Set(articles.map((a) => a.toString()));
		const uris: vscode.Uri[] = [];
		for (const file of result.files) {
			const uri = outFile && format === 'markdown' ? outFile : vscode.Uri.joinPath(outDir, file.name);
			if (!sources.has(uri.toString())) {
				await writeTextFileAtomically(uri, file.content);
			}
			uris.push(uri);
		}
		const notes = [...problems, ...result.warnings];
		const summary = `Exported ${countOf(result.claimCount, 'claim')} of ${countOf(loaded.length, 'article')} as ${format} to ${vscode.workspace.asRelativePath(outFile ?? outDir)}.`;
		if (notes.length > 0) {
			void vscode.window.showWarningMessage(`${summary} ${countOf(notes.length, 'note')}: ${notes.slice(0, 3).join(' ')}${notes.length > 3 ? ' …' : ''}`);
		} else if (args?.format === undefined) {
			void vscode.window.showInformationMessage(summary);
		}
		return uris;
	});
	if (written && format === 'markdown' && args?.open !== false) {
		await vscode.commands.executeCommand('markdown.showPreview', written[0]);
	}
	return written;
}

async function pickImportArgs(): Promise<{ format: ImportFormat; files: vscode.Uri[]; article?: vscode.Uri } | undefined> {
	const format = await vscode.window.showQuickPick(IMPORT_FORMATS.map((f) => ({ label: f, description: f === 'brat' ? 'brat standoff .ann (beside its .txt)' : 'W3C Web Annotation JSON-LD' })), { title: 'Import claims: format' });
	if (!format) {
		return undefined;
	}
	const filters: Record<string, string[]> = format.label === 'brat' ? { 'brat standoff': ['ann'] } : { 'Web Annotation JSON-LD': ['jsonld', 'json'] };
	const files = await vscode.window.showOpenDialog({ canSelectMany: true, filters, openLabel: 'Import claims', defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
	if (!files?.length) {
		return undefined;
	}
	const active = vscode.window.activeTextEditor?.document;
	let article: vscode.Uri | undefined;
	if (active?.languageId === 'news-seed') {
		const choice = await vscode.window.showQuickPick([
			{ label: `Into ${baseName(active.uri)}`, into: true },
			{ label: format.label === 'brat' ? 'Into the .txt beside each .ann' : 'Into the articles the annotations name', into: false },
		], { title: 'Import claims: into which article' });
		if (!choice) {
			return undefined;
		}
		article = choice.into ? active.uri : undefined;
	}
	return { format: format.label as ImportFormat, files, article };
}

/** Runs the import; returns per article what was added and reported (undefined when the user cancelled). */
export async function importClaimsCommand(args?: ImportClaimsArgs): Promise<ImportClaimsResult[] | undefined> {
	let request: { format: ImportFormat; files: vscode.Uri[]; article?: vscode.Uri } | undefined;
	if (args?.format !== undefined) {
		if (!isImportFormat(args.format)) {
			throw new Error(`Unknown import format "${args.format}"; formats: ${IMPORT_FORMATS.join(', ')}`);
		}
		request = { format: args.format, files: toUris(args.files), article: args.article !== undefined ? toUri(args.article) : undefined };
	} else {
		request = await pickImportArgs();
	}
	if (!request) {
		return undefined;
	}
	const { format, files, article } = request;
	const verdicts = readVerdicts();
	const byArticle = new Map<string, { uri: vscode.Uri; drafts: ClaimDraft[] }>();
	const messages: string[] = [];
	const addDrafts = (uri: vscode.Uri, drafts: readonly ClaimDraft[]) => {
		const entry = byArticle.get(uri.toString()) ?? { uri, drafts: [] };
		entry.drafts.push(...drafts);
		byArticle.set(uri.toString(), entry);
	};
	for (const file of files) {
		const text = await readTextFile(file);
		if (text === null) {
			throw new Error(`Import claims: ${file.fsPath} does not exist.`);
		}
		if (format === 'brat') {
			const read = readBratAnn(text, { verdicts });
			messages.push(...read.problems.map((p) => `${baseName(file)}: ${p}`));
			addDrafts(article ?? besideUri(file, baseName(file).replace(/\.ann$/i, '') + '.txt'), read.drafts);
		} else {
			const read = readW3CAnnotations(text);
			messages.push(...read.problems.map((p) => `${baseName(file)}: ${p}`));
			for (const draft of read.drafts) {
				const target = article ?? (draft.source !== null ? besideUri(file, sourceFileName(draft.source)) : undefined);
				if (target) {
					addDrafts(target, [draft]);
				} else {
					messages.push(`${baseName(file)}: ${draft.label} names no article; choose one.`);
				}
			}
		}
	}
	const results: ImportClaimsResult[] = [];
	for (const { uri, drafts } of byArticle.values()) {
		const text = await readText(uri);
		if (text === null) {
			results.push({ article: uri.toString(), added: 0, duplicates: 0, conflicts: 0, unanchored: 0, messages: [`${baseName(uri)} does not exist; ${countOf(drafts.length, 'claim')} not imported.`] });
			continue;
		}
		const sidecarUri = besideUri(uri, sidecarNameFor(baseName(uri)));
		const hash = await sha256Hex(text);
		const imported = importIntoSidecar(baseName(uri), text, await readTextFile(sidecarUri), drafts, {
			now: new Date(),
			randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
			creator: format === 'brat' ? readAuthor() : null,
		}, () => hash);
		if (imported.sidecarText !== null) {
			await writeTextFileAtomically(sidecarUri, imported.sidecarText);
		}
		const { outcome } = imported;
		results.push({
			article: uri.toString(),
			added: outcome.added.length,
			duplicates: outcome.skipped.filter((s) => s.reason === 'duplicate').length,
			conflicts: outcome.skipped.filter((s) => s.reason === 'conflict').length,
			unanchored: outcome.added.filter((a) => a.status === 'unanchored').length,
			messages: [...(imported.refused ? [`${baseName(sidecarUri)}: ${imported.refused}`] : []), ...outcome.skipped.map((s) => s.message)],
		});
	}
	const added = results.reduce((n, r) => n + r.added, 0);
	const reported = [...messages, ...results.flatMap((r) => r.messages)];
	const summary = `Imported ${countOf(added, 'claim')} into ${countOf(results.length, 'article')}.`;
	if (reported.length > 0) {
		void vscode.window.showWarningMessage(`${summary} ${reported.length} note(s): ${reported.slice(0, 3).join(' ')}${reported.length > 3 ? ' …' : ''}`);
	} else if (args?.format === undefined) {
		void vscode.window.showInformationMessage(summary);
	}
	return results;
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes (Web Crypto, available in every extension host). */

/** Registers both commands. */
export function registerExportCommands(): vscode.Disposable {
	return vscode.Disposable.from(
		vscode.commands.registerCommand('newsSeed.exportClaims', (args?: ExportClaimsArgs) => exportClaimsCommand(isArgs(args) ? args : undefined)),
		vscode.commands.registerCommand('newsSeed.importClaims', (args?: ImportClaimsArgs) => importClaimsCommand(isArgs(args) ? args : undefined)),
	);
}

/** Menus pass a URI as first argument; only a plain object is an argument record. */
function isArgs<T>(value: T | undefined): value is T {
	return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}
