import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toMdast } from '../../src/core/seed/mdast';
import type { SeedDocument, TextEdit } from '../../src/core/seed/seedDocument';
import { blockAt, parseSeed, sentenceAt, updateSeed } from '../../src/core/seed/seedParser';
import { seededRandom } from '../support/seededRandom';

const base = [
	' date 2024-03-16 Kim Jong-un arrived in an Aurus Senat. Mr. Putin sent it on Jan. 5, the U.S. said.',
	'',
	'Symbol of Deepening Ties',
	'',
	'The gift breaches “UN sanctions.” *Stars*, # hashes, > quotes, 1. lists, [a](b), <b>, &amp; and `code` stay text.',
	'',
	'The government had claimed tobacco firms',
	'',
	'Monitoring and Responses',
	'',
	'South Korea is watching 👀 closely. Dr. Lee (the envoy) agreed.',
].join('\n');

const atoms = ['a', 'B', 'word ', 'Title ', '. ', '? ', '" ', '” ', ' ', ' ', '\t', '\n', '\n', '\n\n', '\r\n', '\r', '\n \t\n', 'date ',
	'2024-03-16 ', '2024-13-45 ', '2024-3-1 ', '\uFEFF', '\u0000', '\ud800', '\udc00', '😀', '\u0007', '#', '*', '>', '1. ', '---', '    ', '<x>',
	'[a](b)', '&amp;', '\\', '`', 'Mr. ', 'U.S. ', 'Jan. ', 'Inc. ', '…', '—', 'é', '中文。'];

function randomText(random: () => number): string {
	const parts: string[] = [];
	const count = Math.floor(random() * 60);
	for (let i = 0; i < count; i++) {
		parts.push(atoms[Math.floor(random() * atoms.length)]);
	}
	return parts.join('');
}

function mutate(text: string, random: () => number): string {
	let result = text;
	const steps = 1 + Math.floor(random() * 6);
	for (let i = 0; i < steps; i++) {
		const at = Math.floor(random() * (result.length + 1));
		const to = Math.min(result.length, at + Math.floor(random() * 30));
		const choice = random();
		if (choice < 0.4) {
			result = result.slice(0, at) + atoms[Math.floor(random() * atoms.length)] + result.slice(at);
		} else if (choice < 0.7) {
			result = result.slice(0, at) + result.slice(to);
		} else if (choice < 0.85) {
			result = result.slice(0, at) + result.slice(at, to) + result.slice(at);
		} else {
			result = result.replace(/\n/g, '\r\n');
		}
	}
	return result;
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0d;
}

/** Line (1-based) and column (1-based, UTF-16) of `offset`, counted naively from the start. */
function lineColumn(text: string, offset: number): [number, number] {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		if (text.charCodeAt(i) === 0x0a) {
			line++;
			lineStart = i + 1;
		}
	}
	return [line, offset - lineStart + 1];
}

interface PositionedNode {
	type: string;
	value?: unknown;
	position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
	children?: PositionedNode[];
}

function checkInvariants(doc: SeedDocument, label: string): void {
	const { text } = doc;
	const firstLineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
	for (const problem of doc.problems) {
		assert.ok(problem.start <= problem.end && problem.end <= firstLineEnd, `${label}: problem ${problem.code} off line 1`);
	}
	if (doc.dateline) {
		assert.ok(doc.dateline.start < doc.dateline.end && doc.dateline.end <= firstLineEnd, `${label}: dateline off line 1`);
	}
	let previousEnd = -1;
	for (const [index, block] of doc.blocks.entries()) {
		assert.ok(block.start < block.end && block.end <= text.length, `${label}: block ${index} span`);
		assert.ok(block.start > previousEnd, `${label}: block ${index} overlaps or touches the previous one`);
		if (previousEnd >= 0) {
			assert.ok(text.slice(previousEnd, block.start).includes('\n'), `${label}: blocks ${index - 1} and ${index} share a line`);
		}
		assert.ok(!isBlank(text.charCodeAt(block.start)) && !isBlank(text.charCodeAt(block.end - 1)), `${label}: block ${index} not trimmed`);
		const lines = text.slice(block.start, block.end).split('\n');
		assert.ok(lines.every((line) => [...line].some((c) => !isBlank(c.charCodeAt(0)))), `${label}: blank line inside block ${index}`);
		assert.equal(blockAt(doc, block.start), block);
		if (block.kind === 'heading') {
			assert.equal(lines.length, 1, `${label}: multi-line heading`);
			assert.ok(block.start > firstLineEnd, `${label}: heading on line 1`);
		} else {
			assert.equal(block.lead, index === 0 && block.start <= firstLineEnd, `${label}: lead flag of block ${index}`);
			let sentenceEnd = block.start;
			for (const sentence of block.sentences) {
				assert.ok(sentence.start >= sentenceEnd && sentence.start < sentence.end && sentence.end <= block.end, `${label}: sentence outside its paragraph or overlapping`);
				assert.ok(text.slice(sentenceEnd, sentence.start).trim() === '' || sentenceEnd === block.start, `${label}: text between sentences`);
				assert.ok(!/\s/.test(text[sentence.start]) && !/\s/.test(text[sentence.end - 1]), `${label}: sentence untrimmed`);
				assert.equal(sentenceAt(doc, sentence.start), sentence);
				sentenceEnd = sentence.end;
			}
		}
		previousEnd = block.end;
	}
	assert.equal(doc.lead, doc.blocks[0]?.kind === 'paragraph' && doc.blocks[0].lead ? doc.blocks[0] : null);
	const headings = doc.blocks.filter((b) => b.kind === 'heading');
	assert.deepEqual(doc.sections.map((s) => s.heading), headings);
	for (const section of doc.sections) {
		const last = section.paragraphs[section.paragraphs.length - 1];
		assert.deepEqual([section.start, section.end], [section.heading.start, last ? last.end : section.heading.end]);
	}
}

function checkMdast(doc: SeedDocument, label: string): void {
	const { text } = doc;
	const visit = (node: PositionedNode) => {
		const position = node.position;
		assert.ok(position, `${label}: ${node.type} without position`);
		const start = position.start.offset ?? -1;
		const end = position.end.offset ?? -1;
		assert.ok(start >= 0 && start <= end && end <= text.length, `${label}: ${node.type} offsets`);
		assert.deepEqual([position.start.line, position.start.column], lineColumn(text, start), `${label}: ${node.type} start point`);
		assert.deepEqual([position.end.line, position.end.column], lineColumn(text, end), `${label}: ${node.type} end point`);
		if (node.type === 'text') {
			assert.equal(node.value, text.slice(start, end), `${label}: text value is not the source`);
		}
		for (const child of node.children ?? []) {
			const childStart = child.position?.start.offset ?? -1;
			const childEnd = child.position?.end.offset ?? -1;
			assert.ok(childStart >= start && childEnd <= end, `${label}: ${child.type} outside its ${node.type}`);
			visit(child);
		}
	};
	visit(toMdast(doc) as PositionedNode);
}

function randomEdit(text: string, random: () => number): TextEdit {
	const start = Math.floor(random() * (text.length + 1));
	const end = Math.min(text.length, start + Math.floor(random() * 8));
	return { start, end, text: random() < 0.5 ? '' : atoms[Math.floor(random() * atoms.length)] };
}

void describe('parser fuzz', () => {
	void it('keeps every invariant on random and mutated texts, and updates equal fresh parses', () => {
		const random = seededRandom(2024);
		const started = performance.now();
		const cases = 3000;
		for (let i = 0; i < cases; i++) {
			const text = i % 2 === 0 ? randomText(random) : mutate(base, random);
			const label = `case ${i} ${JSON.stringify(text.slice(0, 80))}`;
			const doc = parseSeed(text);
			checkInvariants(doc, label);
			if (i % 3 === 0) {
				checkMdast(doc, label);
			}
			const edit = randomEdit(text, random);
			const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
			const updated = updateSeed(doc, [edit], edited);
			assert.equal(JSON.stringify(updated), JSON.stringify(parseSeed(edited)), `${label}: update ${JSON.stringify(edit)}`);
		}
		assert.ok(performance.now() - started < 60_000);
	});
});
