import * as vscode from 'vscode';
import type { SeedProblem } from '../core/seed/seedDocument';
import { isSeedDocument, toRange } from './convert';
import { Disposable } from './dispose';
import type { SeedDocumentCache } from './seedDocumentCache';

const severities: Record<SeedProblem['severity'], vscode.DiagnosticSeverity> = {
	error: vscode.DiagnosticSeverity.Error,
	warning: vscode.DiagnosticSeverity.Warning,
	information: vscode.DiagnosticSeverity.Information,
};

/**
 * Problems with an article's form (no dateline, an impossible date) as diagnostics on line 1.
 * Scenarios: open -> at once; typing -> debounced; language switched away or closed -> cleared.
 */
export class SeedDiagnostics extends Disposable {
	private readonly collection = this._register(vscode.languages.createDiagnosticCollection('news-seed'));
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(private readonly documents: SeedDocumentCache) {
		super();
		this._register(vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)));
		this._register(documents.onDidChange((document) => this.schedule(document)));
		this._register(vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)));
		this._register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
		vscode.workspace.textDocuments.forEach((document) => this.refresh(document));
	}

	private schedule(document: vscode.TextDocument): void {
		const key = document.uri.toString();
		clearTimeout(this.timers.get(key));
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			this.refresh(document);
		}, 250));
	}

	private refresh(document: vscode.TextDocument): void {
		if (!isSeedDocument(document) || document.isClosed) {
			this.clear(document.uri);
			return;
		}
		const diagnostics = this.documents.get(document).problems.map((problem) => {
			const diagnostic = new vscode.Diagnostic(toRange(document, problem), problem.message, severities[problem.severity]);
			diagnostic.source = 'News Seed';
			diagnostic.code = problem.code;
			return diagnostic;
		});
		this.collection.set(document.uri, diagnostics);
	}

	private clear(uri: vscode.Uri): void {
		this.collection.delete(uri);
	}
}
