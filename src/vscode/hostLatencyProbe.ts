import type * as vscode from 'vscode';

/** What a {@link HostLatencyProbe} saw: the longest lateness of its timer and how often it was late by over 50 ms. */
export interface HostLatency {
	readonly maxLatenessMs: number;
	readonly over50Ms: number;
	/** When the longest lateness ended, in ms after the start. */
	readonly worstAtMs: number;
	readonly ticks: number;
	readonly sinceMs: number;
}

/**
 * Measures how long the extension host's event loop was blocked, from inside it: a `setInterval(…, 10)` whose
 * lateness (the time between ticks beyond the 10 ms asked for) is what every other extension, hover or keystroke
 * waited. Runs only while started (index builds, tests), so an idle editor has no timer waking it.
 */
export class HostLatencyProbe implements vscode.Disposable {
	private timer: ReturnType<typeof setInterval> | undefined;
	private last = 0;
	private started = 0;
	private max = 0;
	private over50 = 0;
	private worstAt = 0;
	private ticks = 0;

	/** Starts afresh (figures reset), or keeps running. */
	start(): void {
		this.stop();
		this.started = this.last = performance.now();
		this.max = this.over50 = this.ticks = this.worstAt = 0;
		this.timer = setInterval(() => {
			const now = performance.now();
			const late = now - this.last - 10;
			this.last = now;
			this.ticks++;
			if (late > this.max) {
				this.max = late;
				this.worstAt = now - this.started;
			}
			if (late > 50) this.over50++;
		}, 10);
	}

	/** The figures so far (including the stretch since the last tick, if the loop is blocked right now it cannot be asked). */
	read(): HostLatency {
		return { maxLatenessMs: Math.max(0, this.max), over50Ms: this.over50, worstAtMs: this.worstAt, ticks: this.ticks, sinceMs: performance.now() - this.started };
	}

	stop(): HostLatency {
		clearInterval(this.timer);
		this.timer = undefined;
		return this.read();
	}

	dispose(): void {
		this.stop();
	}
}
