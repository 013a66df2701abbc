/**
 * Sorting as steps (see `steps.ts`): a sort of 100,000 items takes tens of milliseconds at once, longer than the
 * extension host may be held; this one yields between pieces of about `perStep` items.
 */
import type { Steps } from './steps';

/**
 * Sorts `items` in place, stably, and returns it: runs of `perStep` items sorted by the engine's sort, one step each,
 * then merged bottom-up, yielding after every `perStep` items moved. n log n; an array of at most `perStep` items is
 * sorted in one step.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number, perStep = 8192): Steps<T[]> {
	const n = items.length;
	if (n <= perStep) return items.sort(compare);
	for (let from = 0; from < n; from += perStep) {
		const run = items.slice(from, from + perStep).sort(compare);
		for (let i = 0; i < run.length; i++) items[from + i] = run[i];
		yield;
	}
	let source = items;
	let target = new Array<T>(n);
	let moved = 0;
	for (let width = perStep; width < n; width *= 2) {
		for (let left = 0; left < n; left += 2 * width) {
			const middle = Math.min(left + width, n);
			const right = Math.min(left + 2 * width, n);
			let i = left;
			let j = middle;
			for (let k = left; k < right; k++) {
				// Ties take the left run's item first: the sort stays stable.
				target[k] = i < middle && (j >= right || compare(source[j], source[i]) >= 0) ? source[i++] : source[j++];
				if (++moved === perStep) {
					moved = 0;
					yield;
				}
			}
		}
		[source, target] = [target, source];
	}
	if (source !== items) for (let k = 0; k < n; k++) items[k] = source[k];
	return items;
}
