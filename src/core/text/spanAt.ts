import type { Span } from '../seed/seedDocument';

/**
 * The span of `spans` (sorted by start, not overlapping) that holds `offset`, with its end included so that a
 * cursor just after a span's last character still finds it; where two touch, the one starting at `offset` wins.
 * Undefined between spans. Binary search, O(log n).
 */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (spans[mid].start <= offset) {
			low = mid + 1;
		} else {
			high = mid;
		}
	}
	const found = spans[low - 1];
	return found !== undefined && offset <= found.end ? found : undefined;
}
