import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spanAt } from '../../src/core/text/spanAt';

const spans = [{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 12, end: 20 }];

void test('finds the span holding an offset, its end included', () => {
	assert.equal(spanAt(spans, 0), spans[0]);
	assert.equal(spanAt(spans, 3), spans[0]);
	assert.equal(spanAt(spans, 9), spans[1]);
	assert.equal(spanAt(spans, 20), spans[2]);
});

void test('where two spans touch, the one starting at the offset wins', () => {
	assert.equal(spanAt(spans, 5), spans[1]);
});

void test('nothing between spans, before the first or after the last', () => {
	assert.equal(spanAt(spans, 10), undefined);
	assert.equal(spanAt(spans, 21), undefined);
	assert.equal(spanAt([{ start: 2, end: 4 }], 1), undefined);
	assert.equal(spanAt([], 0), undefined);
});
