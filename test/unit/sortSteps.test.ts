import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortSteps } from '../../src/core/text/sortSteps';
import { drainSteps } from '../../src/core/text/steps';
import { seededRandom } from '../support/seededRandom';

void describe('sortSteps', () => {
	void it('sorts as the engine does, stably, at every size around the run length', () => {
		const random = seededRandom(7);
		for (const n of [0, 1, 5, 16, 17, 31, 32, 33, 64, 100, 1000]) {
			const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * 10), at: i }));
			const expected = [...items].sort((a, b) => a.key - b.key);
			assert.deepEqual(drainSteps(sortSteps(items, (a, b) => a.key - b.key, 16)), expected, `n = ${n}`);
		}
	});

	void it('yields in steps of about perStep items, and sorts in place', () => {
		const items = Array.from({ length: 100_000 }, (_, i) => (i * 7_919) % 100_003);
		const steps = sortSteps(items, (a, b) => a - b, 8192);
		let yields = 0;
		for (let step = steps.next(); !step.done; step = steps.next()) yields++;
		// 13 runs, then 4 merge levels of 100,000 moves: about 13 + 4 * 12.
		assert.ok(yields >= 50 && yields <= 70, `${yields} steps`);
		for (let i = 1; i < items.length; i++) assert.ok(items[i - 1] <= items[i]);
	});
});
