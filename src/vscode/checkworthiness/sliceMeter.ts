import type { SliceHost } from '../../core/entities/articleEntities';

type ThreadCpuUsage = () => { user: number; system: number };

/** The runtime's CPU clock of the current thread: Node 23.9+ (the desktop extension host) has one, a browser worker not. */
const threadCpuUsage = (globalThis as { process?: { threadCpuUsage?: ThreadCpuUsage } }).process?.threadCpuUsage;

/** The extension host thread's CPU time (ms), where the runtime tells it. */
function threadCpuMs(): number | undefined {
	if (!threadCpuUsage) return undefined;
	const { user, system } = threadCpuUsage();
	return (user + system) / 1000;
}

/** What a {@link SliceMeter} saw: wall and, on the desktop host, the thread's CPU time of the slices (ms). */
export interface SliceFigures {
	slices: number;
	busyMs: number;
	longestSliceMs: number;
	busyCpuMs?: number;
	longestSliceCpuMs?: number;
}

/**
 * Measures a sliced run on the extension host's thread: the time of its slices, each and in all, by the wall
 * clock and (desktop host) the thread's CPU clock, which a loaded machine's waiting does not count. For the
 * benchmark of the first article of a session and the warm-up's cost; wraps the host's yield.
 */
export class SliceMeter {
	readonly figures: SliceFigures = { slices: 0, busyMs: 0, longestSliceMs: 0 };
	private wallStart = performance.now();
	private cpuStart: number | undefined;

	/** `cpuMs`: the CPU clock (ms) to read; by default the thread's, where the runtime has one (a bench may pass the process's). */
	constructor(private readonly cpuMs: () => number | undefined = threadCpuMs) {
		this.cpuStart = cpuMs();
	}

	/** `host` with its yields measured: the slice before each yield counts, and the last one at {@link end}. */
	wrap(host: SliceHost): SliceHost {
		return {
			...host,
			yieldNow: async () => {
				this.end();
				await host.yieldNow();
				this.begin();
			},
		};
	}

	/** Starts a slice (the meter starts one when made). */
	begin(): void {
		this.wallStart = performance.now();
		this.cpuStart = this.cpuMs();
	}

	/** Ends a slice. */
	end(): void {
		const f = this.figures;
		const wall = performance.now() - this.wallStart;
		f.slices++;
		f.busyMs += wall;
		f.longestSliceMs = Math.max(f.longestSliceMs, wall);
		const cpuNow = this.cpuMs();
		if (cpuNow !== undefined && this.cpuStart !== undefined) {
			const cpu = cpuNow - this.cpuStart;
			f.busyCpuMs = (f.busyCpuMs ?? 0) + cpu;
			f.longestSliceCpuMs = Math.max(f.longestSliceCpuMs ?? 0, cpu);
		}
	}
}
