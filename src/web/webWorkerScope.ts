// The few Web Worker types the browser pieces use (the project compiles without the DOM library, so that nothing
// browser-only slips into the core or the desktop code).

/** A message event's data. */
export interface WorkerMessage {
	readonly data: unknown;
}

/** A worker's own global scope (inside the worker). */
export interface WorkerScope {
	addEventListener(type: 'message', listener: (event: WorkerMessage) => void): void;
	postMessage(message: unknown): void;
}

/** A started Web Worker (outside it). */
export interface WebWorker {
	addEventListener(type: 'message', listener: (event: WorkerMessage) => void): void;
	addEventListener(type: 'error' | 'messageerror', listener: (event: { readonly message?: string }) => void): void;
	postMessage(message: unknown): void;
	terminate(): void;
}

export type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

/** The first message of a worker, once its script has loaded. */
export const webWorkerReady = 'news-seed-index-worker-ready';
