import * as vscode from 'vscode';

/** Base for stateful adapters: whatever they create is registered and dies with them. */
export abstract class Disposable implements vscode.Disposable {
	private readonly disposables: vscode.Disposable[] = [];
	private disposed = false;

	protected _register<T extends vscode.Disposable>(disposable: T): T {
		if (this.disposed) {
			disposable.dispose();
		} else {
			this.disposables.push(disposable);
		}
		return disposable;
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		// Dispose in reverse order of creation, so that listeners go before what they listen to.
		for (const disposable of this.disposables.reverse()) {
			disposable.dispose();
		}
		this.disposables.length = 0;
	}
}
