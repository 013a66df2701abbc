/**
 * How a computation's cost grows with its input, for the scaling tests (issue 12), without an absolute timing:
 * the ratio of CPU times on an input and on one four times larger. Linear work gives about 4 (up to 13 measured
 * when garbage collection falls into the larger run), quadratic 16 and more (the quadratic code these tests
 * replaced measured 40 to 75); tests allow 20. Each sample runs the small input four times in a row, so that
 * both samples take about as long and a busy machine's stalls weigh on both alike; the best of a few samples counts.
 * A ratio over the limit is measured again, up to twice (the lowest counts): on a loaded machine one measurement
 * reached 21 for linear code, while quadratic code stays over the limit every time.
 */
export function growthOfFourfold(small: () => unknown, large: () => unknown, runs = 5): number {
	const smallFourTimes = (): void => {
		for (let i = 0; i < 4; i++) small();
	};
	// One untimed run of each first: the small input would otherwise pay for compiling the code it shares.
	smallFourTimes();
	large();
	let growth = Infinity;
	for (let attempt = 0; attempt < 3 && growth >= linearFourfoldLimit; attempt++) {
		growth = Math.min(growth, (4 * bestCpuMs(large, runs)) / bestCpuMs(smallFourTimes, runs));
	}
	return growth;
}

/** The limit a fourfold input's cost ratio must stay under: above linear with noise, below the quadratic code measured. */
export const linearFourfoldLimit = 20;

function bestCpuMs(run: () => unknown, runs: number): number {
	let best = Infinity;
	for (let r = 0; r < runs; r++) {
		const before = process.cpuUsage();
		run();
		const used = process.cpuUsage(before);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return Math.max(best, 0.5);
}
