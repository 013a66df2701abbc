// Offsets to lines and columns (src/core/text/lineColumns.ts), the one copy every feature uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineStartsOf, positionAt } from '../../src/core/text/lineColumns';

void test('line starts: LF only, or any line break as VS Code counts them', () => {
	const text = 'a\nbc\r\nd\re';
	assert.deepEqual(lineStartsOf(text, 'lf'), [0, 2, 6]);
	assert.deepEqual(lineStartsOf(text), [0, 2, 6, 8]);
	assert.deepEqual(lineStartsOf(''), [0]);
	assert.deepEqual(lineStartsOf('x\n'), [0, 2]);
});

void test('positionAt: 0-based line and UTF-16 character, at line starts, ends and past the end', () => {
	const starts = lineStartsOf('ab\n🎉c\n');
	assert.deepEqual(positionAt(starts, 0), { line: 0, character: 0 });
	assert.deepEqual(positionAt(starts, 2), { line: 0, character: 2 });
	assert.deepEqual(positionAt(starts, 3), { line: 1, character: 0 });
	assert.deepEqual(positionAt(starts, 5), { line: 1, character: 2 }, 'an emoji is two UTF-16 units');
	assert.deepEqual(positionAt(starts, 7), { line: 2, character: 0 });
	assert.deepEqual(positionAt(starts, 99), { line: 2, character: 92 });
});
