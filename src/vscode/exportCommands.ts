// `newsSeed.exportClaims` and `newsSeed.importClaims`: the export and import of src/core/claims/exports in the editor.
// Sidecars are read and written through the claim repository (the same path as the command line's: an import
// is all or nothing and merges under the sidecar's lock); the claim store is then told to read them again.
import * as vscode from 'vscode';
import {
	EXPORT_FORMATS, exportClaims, FORMAT_DESCRIPTIONS, IMPORT_FORMATS, isExportFormat, isImportFormat, prepareExportArticle,
	bratImportTarget, collidingNames, EXPORT_SIGNATURE_BYTES, exportDefaultFolder, isEarlierExport, readBratAnn, readSidecarForExport, relativeHref, readW3CAnnotations, w3cImportTarget, type ClaimDraft, type ExportArticle, type ExportFormat, type ImportFormat,
} from '../core/claims/exports';
import { articleNameFor, isSidecarName, sidecarNameFor } from '../core/claims';
import { describeDamage, ImportRefusedError, type ClaimRepository } from '../core/claims/claimRepository';
import { countOf } from '../core/text/countOf';
import { readAuthor, readVerdicts } from './claims/claimSettings';
import type { ClaimStore } from './claims/claimStore';
import { exportCommands } from './commandIds';
import type { HostPlatform } from './platform';
import { registerCommand } from './registerCommand';
import { baseName, besideUri, readTextFile, writeTextFileAtomically } from './workspaceFiles';

/** Arguments of `newsSeed.exportClaims`; with `format` and `scope` it runs without asking anything. */
export interface ExportClaimsArgs {
	readonly format?: string;
	/** Articles (`.txt`), sidecars or folders; strings are file paths or URIs. */
	readonly scope?: vscode.Uri | string | readonly (vscode.Uri | string)[];
	/** Folder to write into; default: the first workspace folder. */
	readonly outDir?: vscode.Uri | string;
	/** Open the Markdown report in the preview (default true). */
	readonly open?: boolean;
	/** CSV: cells as stored, without formula neutralising (default: the `newsSeed.export.csvRaw` setting). */
	readonly csvRaw?: boolean;
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

/** The text of the open document (unsaved edits included), or undefined when the article is not open. */
function openText(uri: vscode.Uri): string | undefined {
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed)?.getText();
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
				} else if (isSidecarName(name)) {
					const article = vscode.Uri.joinPath(uri, articleNameFor(name));
					found.set(article.toString(), article);
				}
			}
		} else if (isSidecarName(baseName(uri))) {
			const article = besideUri(uri, articleNameFor(baseName(uri)));
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

async function loadExportArticle(repository: ClaimRepository, article: vscode.Uri): Promise<ExportArticle | string> {
	const path = article.toString();
	const text = openText(article) ?? await repository.readArticle(path);
	const snapshot = await repository.load(path, readSidecarForExport);
	const sidecarName = baseName(vscode.Uri.parse(snapshot.sidecarPath, true));
	if (text === null) {
		return `${sidecarName}: its article ${baseName(article)} is missing (renamed or deleted?); its claims are not exported.`;
	}
	if (snapshot.status === 'foreign') {
		return `${sidecarName} is not a claims sidecar`;
	}
	const notes = snapshot.status === 'invalid' || snapshot.status === 'undecodable' ? [`${sidecarName} is damaged (${describeDamage(snapshot)}); exporting the ${countOf(snapshot.claims.length, 'claim')} still readable.`] : [];
	const prepared = prepareExportArticle({ fileName: baseName(article), text, claims: snapshot.claims, iri: path });
	return notes.length > 0 ? Object.assign(prepared, { notes }) : prepared;
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
	const outsideFolder = exportDefaultFolder(scope.map((uri) => uri.toString()), vscode.workspace.workspaceFolders?.[0]?.uri.toString());
	const outside = outsideFolder === undefined ? undefined : vscode.Uri.parse(outsideFolder);
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
export async function exportClaimsCommand(platform: HostPlatform, repository: ClaimRepository, args?: ExportClaimsArgs): Promise<vscode.Uri[] | undefined> {
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
			const result = await loadExportArticle(repository, article);
			if (typeof result === 'string') {
				problems.push(result);
			} else {
				problems.push(...((result as { notes?: string[] }).notes ?? []));
				loaded.push(result);
			}
			if (i % 50 === 0) {
				progress.report({ message: `${i + 1}/${articles.length} articles` });
			}
		}
		const csvRaw = args?.csvRaw ?? vscode.workspace.getConfiguration('newsSeed').get<boolean>('export.csvRaw', false);
		// Links from the report back to each article, relative to where the report is written.
		const articleHref = (article: ExportArticle) => relativeHref(outDir.path, vscode.Uri.parse(article.iri).path);
		const result = exportClaims(format, loaded, { verdicts: readVerdicts(), generated: undefined, csvRaw, articleHref });
		const sources = new Set(articles.map((a) => a.toString()));
		const refused = await refusedOverwrite(outDir, result.files, sources);
		if (refused !== null) {
			throw new Error(`Export claims: ${refused}; nothing written. Choose another folder.`);
		}
		const uris: vscode.Uri[] = [];
		for (const file of result.files) {
			const uri = outFile && format === 'markdown' ? outFile : vscode.Uri.joinPath(outDir, file.name);
			if (!sources.has(uri.toString())) {
				await writeTextFileAtomically(uri, file.content, platform);
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

/**
 * Why the export must not write into `outDir` (as the command line decides): two files of one name, or an
 * existing file that no earlier export wrote; null when every file may be written.
 */
async function refusedOverwrite(outDir: vscode.Uri, files: readonly { name: string; content: string }[], sources: ReadonlySet<string>): Promise<string | null> {
	const collisions = collidingNames(files.map((f) => f.name));
	if (collisions.length > 0) {
		return `two articles give the same file ${collisions[0]}`;
	}
	const heads = new Map<string, string | null>();
	const head = async (uri: vscode.Uri) => {
		if (!heads.has(uri.toString())) {
			const text = await readTextFile(uri).catch(() => null);
			heads.set(uri.toString(), text === null ? null : text.slice(0, EXPORT_SIGNATURE_BYTES));
		}
		return heads.get(uri.toString()) ?? null;
	};
	for (const file of files) {
		const uri = vscode.Uri.joinPath(outDir, file.name);
		if (sources.has(uri.toString())) {
			continue;
		}
		const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => null);
		if (stat === null) {
			continue;
		}
		if (stat.type & vscode.FileType.Directory) {
			return `${file.name} is a folder in ${baseName(outDir)}`;
		}
		if (/\.txt$/i.test(file.name)) {
			const annName = file.name.replace(/\.txt$/i, '.ann');
			const annHead = await head(vscode.Uri.joinPath(outDir, annName));
			const sidecar = await vscode.workspace.fs.stat(besideUri(uri, sidecarNameFor(file.name))).then(() => true, () => false);
			if (await readTextFile(uri) !== file.content && (annHead === null || !isEarlierExport(annName, annHead) || sidecar)) {
				return `${file.name} exists in ${baseName(outDir)} and is not an earlier export of this article`;
			}
		} else {
			const existing = await head(uri);
			if (existing !== null && !isEarlierExport(file.name, existing)) {
				return `${file.name} exists in ${baseName(outDir)} and is not an earlier export`;
			}
		}
	}
	return null;
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
export async function importClaimsCommand(repository: ClaimRepository, store: ClaimStore | undefined, args?: ImportClaimsArgs): Promise<ImportClaimsResult[] | undefined> {
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
			const target = article ?? bratImportTarget(baseName(file));
			if (target instanceof vscode.Uri) {
				addDrafts(target, read.drafts);
			} else if (target.fileName !== undefined) {
				addDrafts(besideUri(file, target.fileName), read.drafts);
			} else {
				messages.push(`${baseName(file)}: ${target.refused}; ${countOf(read.drafts.length, 'claim')} not imported.`);
			}
		} else {
			const read = readW3CAnnotations(text);
			messages.push(...read.problems.map((p) => `${baseName(file)}: ${p}`));
			for (const draft of read.drafts) {
				const target = article ?? (draft.source !== null ? w3cImportTarget(draft.source) : undefined);
				if (target instanceof vscode.Uri) {
					addDrafts(target, [draft]);
				} else if (target?.fileName !== undefined) {
					addDrafts(besideUri(file, target.fileName), [draft]);
				} else {
					messages.push(`${baseName(file)}: ${draft.label} ${target ? `refused: ${target.refused}` : 'names no article; choose one'}.`);
				}
			}
		}
	}
	const targets = [...byArticle.values()].map(({ uri, drafts }) => ({ articlePath: uri.toString(), drafts, articleText: openText(uri) }));
	let imported;
	try {
		imported = await repository.importInto(targets, {
			now: new Date(),
			randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
			creator: format === 'brat' ? readAuthor() : null,
		});
	} catch (error) {
		if (error instanceof ImportRefusedError) {
			// All or nothing: nothing was written; say why for every article that cannot take the claims.
			void vscode.window.showWarningMessage(`News Seed: nothing imported. ${error.problems.map((p) => p.message).join('; ')}.`);
			return error.problems.map((p) => ({ article: p.articlePath, added: 0, duplicates: 0, conflicts: 0, unanchored: 0, messages: [p.message] }));
		}
		throw error;
	}
	const results: ImportClaimsResult[] = imported.map(({ articlePath, outcome }) => ({
		article: articlePath,
		added: outcome.added.length,
		duplicates: outcome.skipped.filter((s) => s.reason === 'duplicate').length,
		conflicts: outcome.skipped.filter((s) => s.reason === 'conflict').length,
		unanchored: outcome.added.filter((a) => a.status === 'unanchored').length,
		messages: outcome.skipped.map((s) => s.message),
	}));
	await store?.refresh(imported.filter((r) => r.written).map((r) => vscode.Uri.parse(r.articlePath, true)));
	const added = results.reduce((n, r) => n + r.added, 0);
	const reported = [...messages, ...results.flatMap((r) => r.messages)];
	const summary = `Imported ${countOf(added, 'claim')} into ${countOf(results.length, 'article')}.`;
	if (reported.length > 0) {
		void vscode.window.showWarningMessage(`${summary} ${countOf(reported.length, 'note')}: ${reported.slice(0, 3).join(' ')}${reported.length > 3 ? ' …' : ''}`);
	} else if (args?.format === undefined) {
		void vscode.window.showInformationMessage(summary);
	}
	return results;
}

/** Registers both commands; the store, when given, reads the sidecars an import wrote at once. */
export function registerExportCommands(platform: HostPlatform, repository: ClaimRepository, store?: ClaimStore): vscode.Disposable {
	return vscode.Disposable.from(
		registerCommand(exportCommands.exportClaims, (args?: ExportClaimsArgs) => exportClaimsCommand(platform, repository, isArgs(args) ? args : undefined)),
		registerCommand(exportCommands.importClaims, (args?: ImportClaimsArgs) => importClaimsCommand(repository, store, isArgs(args) ? args : undefined)),
	);
}

/** Menus pass a URI as first argument; only a plain object is an argument record. */
function isArgs<T>(value: T | undefined): value is T {
	return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}
