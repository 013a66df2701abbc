import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	buildCodePointIndex, codePointLength, codePointToUtf16, snapToCodePoint, stepBackCodePoints, stepForwardCodePoints, utf16ToCodePoint,
} from '../../src/core/claims';

// "a😀b\r\nc👍🏽d": 😀 is one astral code point, 👍🏽 two (thumb + skin tone), CRLF two ordinary ones.
const text = 'a😀b\r\nc👍🏽d';

void test('UTF-16 offsets convert to code points and back around emoji and CRLF', () => {
	const index = buildCodePointIndex(text);
	assert.equal(text.length, 12);
	assert.equal(index.codePointLength, 9);
	assert.equal(codePointLength(text), 9);
	assert.equal(index.codePointLength, [...text].length);
	// Every code-point boundary maps to the UTF-16 offset that [...text] implies, both ways.
	let utf16 = 0;
	[...text].forEach((ch, cp) => {
		assert.equal(codePointToUtf16(index, cp), utf16, `cp ${cp}`);
		assert.equal(utf16ToCodePoint(index, utf16), cp, `utf16 ${utf16}`);
		utf16 += ch.length;
	});
	assert.equal(codePointToUtf16(index, 9), 12);
	assert.equal(utf16ToCodePoint(index, 12), 9);
});

void test('an offset inside a surrogate pair rounds down; out-of-range offsets clamp', () => {
	const index = buildCodePointIndex(text);
	assert.equal(utf16ToCodePoint(index, 2), 1, 'between the halves of 😀');
	assert.equal(snapToCodePoint(text, 2), 1);
	assert.equal(snapToCodePoint(text, 3), 3);
	assert.equal(utf16ToCodePoint(index, -5), 0);
	assert.equal(utf16ToCodePoint(index, 99), 9);
	assert.equal(codePointToUtf16(index, 99), 12);
	assert.equal(codePointToUtf16(index, -1), 0);
});

void test('text without astral characters converts one to one, CR included', () => {
	const plain = 'Line one\r\nLine two — “quoted” café';
	const index = buildCodePointIndex(plain);
	assert.equal(index.pairUtf16.length, 0);
	for (const offset of [0, 8, 9, 10, plain.length]) {
		assert.equal(utf16ToCodePoint(index, offset), offset);
		assert.equal(codePointToUtf16(index, offset), offset);
	}
});

void test('lone surrogates count as one code point each, like string iteration', () => {
	const broken = 'x\ud83dy\ude00z😀';
	const index = buildCodePointIndex(broken);
	assert.equal(index.codePointLength, [...broken].length);
	assert.equal(codePointToUtf16(index, 6), broken.length);
	assert.equal(utf16ToCodePoint(index, 5), 5);
});

void test('stepping by code points never splits a pair', () => {
	assert.equal(stepBackCodePoints(text, 3, 1), 1, 'back over 😀');
	assert.equal(stepBackCodePoints(text, 3, 10), 0);
	assert.equal(stepForwardCodePoints(text, 1, 1), 3, 'forward over 😀');
	assert.equal(stepForwardCodePoints(text, 7, 2), 11, 'over 👍 and 🏽');
	assert.equal(stepForwardCodePoints(text, 7, 50), text.length);
});

void test('conversions agree with a naive count on a long mixed text', () => {
	const pieces = ['word ', '😀', '\r\n', 'é', '𝒳', ' ', '中文'];
	let long = '';
	for (let i = 0; i < 3000; i++) {
		long += pieces[(i * 7) % pieces.length];
	}
	const index = buildCodePointIndex(long);
	for (let offset = 0; offset <= long.length; offset += 37) {
		const snapped = snapToCodePoint(long, offset);
		const naive = [...long.slice(0, snapped)].length;
		assert.equal(utf16ToCodePoint(index, offset), naive);
		assert.equal(codePointToUtf16(index, naive), snapped);
	}
});
