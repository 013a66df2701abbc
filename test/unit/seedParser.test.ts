import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockMdast, toMdast } from '../../src/core/seed/mdast';
import type { Block, SeedDocument, TextEdit } from '../../src/core/seed/seedDocument';
import { applyEdits, blockAt, parseSeed, sentenceAt, updateSeed } from '../../src/core/seed/seedParser';
import { seededRandom } from '../support/seededRandom';

const joinLines = (...lines: string[]) => lines.join('\n');

const article = joinLines(
	' date 2024-05-02 The harbour authority of Valmora said on Thursday that it would close the old ferry pier. Mr. Ortega, the U.S. envoy, arrived on Jan. 5 to inspect it.',
	'',
	'The council met twice before the vote.',
	'',
	'Repairs Begin in Summer',
	'',
	'Work starts in June. “It is overdue,” the mayor said.',
	'',
	'The government had claimed tobacco firms',
	'',
	'Funding and Oversight',
	'',
	'The budget is 4.5 million euros.',
);

/** The block's text. */
const textOf = (doc: SeedDocument, block: { start: number; end: number }) => doc.text.slice(block.start, block.end);

/** A plain, comparable picture of a parse: blocks with their sentences, sections, problems. */
function picture(doc: SeedDocument): unknown {
	const plain = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
	delete plain.text;
	return plain;
}

void describe('parseSeed', () => {
	void it('reads the dateline, lead, intro, headings, paragraphs and sections', () => {
		const doc = parseSeed(article);
		assert.equal(doc.dateline?.value, '2024-05-02');
		assert.deepEqual(doc.problems, []);
		assert.deepEqual(doc.blocks.map((b) => [b.kind, textOf(doc, b).slice(0, 24)]), [
			['paragraph', 'The harbour authority of'],
			['paragraph', 'The council met twice be'],
			['heading', 'Repairs Begin in Summer'],
			['paragraph', 'Work starts in June. “It'],
			['paragraph', 'The government had claime'.slice(0, 24)],
			['heading', 'Funding and Oversight'],
			['paragraph', 'The budget is 4.5 millio'],
		]);
		assert.equal(doc.lead, doc.blocks[0]);
		assert.equal(doc.lead?.lead, true);
		assert.deepEqual(doc.intro, [doc.blocks[1]]);
		assert.equal(doc.sections.length, 2);
		const [first, second] = doc.sections;
		assert.equal(first.heading, doc.blocks[2]);
		assert.deepEqual(first.paragraphs, [doc.blocks[3], doc.blocks[4]]);
		assert.deepEqual([first.start, first.end], [doc.blocks[2].start, doc.blocks[4].end]);
		assert.deepEqual([second.start, second.end], [doc.blocks[5].start, doc.blocks[6].end]);
		assert.deepEqual(doc.lead?.sentences.map((s) => textOf(doc, s)), [
			'The harbour authority of Valmora said on Thursday that it would close the old ferry pier.',
			'Mr. Ortega, the U.S. envoy, arrived on Jan. 5 to inspect it.',
		]);
		const quoted = doc.blocks[3];
		assert.equal(quoted.kind, 'paragraph');
		assert.deepEqual(quoted.kind === 'paragraph' && quoted.sentences.map((s) => textOf(doc, s)), ['Work starts in June.', '“It is overdue,” the mayor said.']);
	});

	void it('closes a section at its heading when no paragraph follows', () => {
		const doc = parseSeed(joinLines(' date 2024-05-02 Lead.', '', 'Lonely Heading'));
		assert.deepEqual(doc.sections.map((s) => [s.start, s.end, s.paragraphs.length]), [[doc.blocks[1].start, doc.blocks[1].end, 0]]);
	});

	void it('keeps every Markdown construct literal: blocks and offsets as plain lines give them', () => {
		const lines = ['# Not an ATX Heading', '> not a quote', '1. not a list', '---', '    not code', '<b>not html</b>', '[not](a-link) &amp; \\*not escaped\\*', '*not emphasis* and _this_', '`not code`  ', 'Setext', '===', '<http://not.an/autolink>'];
		const text = ` date 2024-05-02 Lead *with* stars.\n\n${lines.join('\n\n')}`;
		const doc = parseSeed(text);
		assert.deepEqual(doc.blocks.slice(1).map((b) => textOf(doc, b)), lines.map((l) => l.trim()));
		assert.deepEqual(doc.blocks.slice(1).map((b) => b.kind), lines.map((l) => (l === 'Setext' ? 'heading' : 'paragraph')));
		const mdast = toMdast(doc);
		const types = new Set<string>();
		const visit = (node: { type: string; children?: unknown[] }) => {
			types.add(node.type);
			for (const child of node.children ?? []) {
				visit(child as { type: string; children?: unknown[] });
			}
		};
		visit(mdast);
		assert.deepEqual([...types].sort(), ['dateline', 'heading', 'paragraph', 'root', 'sentence', 'text']);
	});

	void it('reads CRLF and a BOM exactly like the plain form', () => {
		const plain = parseSeed(article);
		const crlfText = `\uFEFF${article.replace(/\n/g, '\r\n')}\r\n`;
		const crlf = parseSeed(crlfText);
		assert.deepEqual(crlf.problems, []);
		assert.deepEqual(crlf.blocks.map((b) => [b.kind, textOf(crlf, b)]), plain.blocks.map((b) => [b.kind, textOf(plain, b)]));
		const sentenceTexts = (doc: SeedDocument) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences.map((s) => textOf(doc, s)) : []));
		assert.deepEqual(sentenceTexts(crlf), sentenceTexts(plain));
		assert.ok(crlf.blocks.every((b) => !textOf(crlf, b).includes('\r')));
	});

	void it('lets the lead run over several lines and treats whitespace-only lines as blank', () => {
		const doc = parseSeed(' date 2024-05-02 First line of the lead\ncontinues here.\n \t \nShort Title Line\n\nA paragraph\nover Two Lines');
		assert.deepEqual(doc.blocks.map((b) => [b.kind, textOf(doc, b)]), [
			['paragraph', 'First line of the lead\ncontinues here.'],
			['heading', 'Short Title Line'],
			['paragraph', 'A paragraph\nover Two Lines'],
		]);
	});

	void it('never makes the lead a heading, even when it reads like one', () => {
		const doc = parseSeed(' date 2024-05-02 Symbol of Deepening Ties\n\nBody text.');
		assert.equal(doc.blocks[0].kind, 'paragraph');
		assert.equal(doc.lead?.lead, true);
	});

	void it('makes the whole first line the lead when the dateline is missing', () => {
		const doc = parseSeed('Kim arrived in Pyongyang.\n\nMore Details Here\n\nText.');
		assert.equal(doc.dateline, null);
		assert.deepEqual(doc.problems.map((p) => p.code), ['missing-dateline']);
		assert.equal(doc.lead && textOf(doc, doc.lead), 'Kim arrived in Pyongyang.');
		assert.equal(doc.blocks[1].kind, 'heading');
	});

	void it('reports an impossible date but still parses the article', () => {
		const doc = parseSeed(' date 2024-13-45 Lead.\n\nBody.');
		assert.equal(doc.dateline?.valid, false);
		assert.deepEqual(doc.problems.map((p) => [p.code, p.message]), [['invalid-date', 'Impossible date 2024-13-45: month 13 does not exist.']]);
		assert.equal(doc.blocks.length, 2);
	});

	const degenerate: [string, string, string[]][] = [
		['an empty file', '', ['empty-article']],
		['only blanks', ' \n\t\r\n ', ['empty-article']],
		['only a dateline', ' date 2024-03-16', ['empty-article']],
		['only a dateline and a final newline', ' date 2024-03-16 \n', ['empty-article']],
		['a BOM alone', '\uFEFF', ['empty-article']],
	];
	for (const [why, text, codes] of degenerate) {
		void it(`parses ${why} without blocks`, () => {
			const doc = parseSeed(text);
			assert.deepEqual(doc.blocks, []);
			assert.equal(doc.lead, null);
			assert.deepEqual(doc.problems.map((p) => p.code), codes);
			assert.ok(doc.problems.every((p) => p.start <= p.end && p.end <= Math.max(text.indexOf('\n'), text.length)));
		});
	}

	void it('survives binary junk', () => {
		const junk = ' date 2024-03-16 a\u0000b\u0001\ud800\udc00\udfff\u0007\n\n\u0000\u0000\n\n\ud83d\n\n\u001b[31m';
		const doc = parseSeed(junk);
		assert.equal(doc.blocks.length, 4);
		for (const block of doc.blocks) {
			assert.ok(block.start < block.end && block.end <= junk.length);
			if (block.kind === 'paragraph') {
				assert.ok(block.sentences.every((s) => s.start >= block.start && s.end <= block.end));
			}
		}
		assert.equal(toMdast(doc).children.length, 5);
	});

	void it('parses a 5 MB single line quickly as one lead paragraph', () => {
		const text = ` date 2024-03-16 ${'word '.repeat(1_000_000)}`;
		const started = performance.now();
		const doc = parseSeed(text);
		const elapsed = performance.now() - started;
		assert.equal(doc.blocks.length, 1);
		assert.equal(doc.blocks[0].end, text.length - 1);
		assert.ok(elapsed < 2000, `took ${elapsed} ms`);
	});
});

void describe('blockAt and sentenceAt', () => {
	const doc = parseSeed(article);
	void it('finds the block around an offset, its end included, and nothing between blocks', () => {
		const heading = doc.blocks[2];
		assert.equal(blockAt(doc, heading.start), heading);
		assert.equal(blockAt(doc, heading.end), heading);
		assert.equal(blockAt(doc, heading.end + 1), undefined);
		assert.equal(blockAt(doc, 0), undefined);
		assert.equal(blockAt(doc, doc.text.length + 10), undefined);
		for (const block of doc.blocks) {
			assert.equal(blockAt(doc, (block.start + block.end) >> 1), block);
		}
	});

	void it('finds the sentence around an offset', () => {
		const offset = doc.text.indexOf('U.S. envoy');
		const sentence = sentenceAt(doc, offset);
		assert.ok(sentence);
		assert.equal(textOf(doc, sentence), 'Mr. Ortega, the U.S. envoy, arrived on Jan. 5 to inspect it.');
		assert.equal(sentenceAt(doc, doc.blocks[2].start), undefined);
		assert.equal(sentenceAt(doc, sentence.end)?.start, sentence.start);
	});
});

const pieces = ['\n', '\n\n', '\r\n', ' ', 'x', 'Title Case Words', '. ', 'Mr. ', '\t', '\n \n', 'date ', '2024-03-16 ', '😀', 'said.', ''];

/** Random non-overlapping edits of `text`. */
function randomEdits(text: string, random: () => number): TextEdit[] {
	const count = 1 + Math.floor(random() * 3);
	const cuts = Array.from({ length: count * 2 }, () => Math.floor(random() * (text.length + 1))).sort((a, b) => a - b);
	const edits: TextEdit[] = [];
	for (let i = 0; i < cuts.length; i += 2) {
		const end = random() < 0.6 ? cuts[i] : Math.min(cuts[i + 1], cuts[i] + 1 + Math.floor(random() * 40));
		edits.push({ start: cuts[i], end, text: pieces[Math.floor(random() * pieces.length)] });
	}
	return random() < 0.5 ? edits.reverse() : edits;
}

void describe('updateSeed', () => {
	void it('equals a fresh parse after random edits (property test)', () => {
		const random = seededRandom(7);
		let doc = parseSeed(article);
		for (let step = 0; step < 1500; step++) {
			if (step % 100 === 0) {
				doc = parseSeed(step % 200 === 0 ? article : `${article}\n\n${article.slice(18)}`);
			}
			if (random() < 0.5) {
				// Read some sentences first, so that moved blocks carry memoized ones.
				for (const block of doc.blocks) {
					if (block.kind === 'paragraph' && random() < 0.5) {
						void block.sentences.length;
					}
				}
			}
			const edits = randomEdits(doc.text, random);
			const newText = applyEdits(doc.text, edits);
			const updated = updateSeed(doc, edits, newText);
			assert.equal(updated.text, newText);
			assert.deepEqual(picture(updated), picture(parseSeed(newText)), `step ${step}: ${JSON.stringify(edits)}`);
			doc = updated;
		}
	});

	void it('moves the blocks after a one-character edit and rescans only around it', () => {
		const doc = parseSeed(article);
		const offset = doc.text.indexOf('Work starts');
		const newText = `${doc.text.slice(0, offset)}W${doc.text.slice(offset)}`;
		const updated = updateSeed(doc, [{ start: offset, end: offset, text: 'W' }], newText);
		assert.equal(textOf(updated, updated.blocks[3]), 'WWork starts in June. “It is overdue,” the mayor said.');
		assert.equal(updated.blocks[6].start, doc.blocks[6].start + 1);
		assert.deepEqual(picture(updated), picture(parseSeed(newText)));
	});

	void it('shifts memoized sentences of moved blocks once, however often they are read', () => {
		let doc = parseSeed(article);
		for (let step = 1; step <= 3; step++) {
			const insert = doc.text.indexOf('Work');
			const edited = `${doc.text.slice(0, insert)}Y${doc.text.slice(insert)}`;
			doc = updateSeed(doc, [{ start: insert, end: insert, text: 'Y' }], edited);
			const last = doc.blocks[doc.blocks.length - 1];
			assert.equal(last.kind, 'paragraph');
			const first = last.kind === 'paragraph' ? last.sentences.map((s) => textOf(doc, s)) : [];
			const again = last.kind === 'paragraph' ? last.sentences.map((s) => textOf(doc, s)) : [];
			assert.deepEqual(first, ['The budget is 4.5 million euros.']);
			assert.deepEqual(again, first);
		}
	});

	void it('joins and splits blocks when a blank line disappears or appears', () => {
		const doc = parseSeed(article);
		const blank = doc.text.indexOf('\n\nFunding');
		const joined = `${doc.text.slice(0, blank)}\n${doc.text.slice(blank + 2)}`;
		const afterJoin = updateSeed(doc, [{ start: blank, end: blank + 2, text: '\n' }], joined);
		assert.equal(afterJoin.sections.length, 1);
		assert.deepEqual(picture(afterJoin), picture(parseSeed(joined)));
		const split = `${joined.slice(0, blank)}\n\n${joined.slice(blank + 1)}`;
		const afterSplit = updateSeed(afterJoin, [{ start: blank, end: blank + 1, text: '\n\n' }], split);
		assert.deepEqual(picture(afterSplit), picture(doc));
	});

	void it('re-reads the dateline when line 1 changes', () => {
		const doc = parseSeed(article);
		const newText = doc.text.replace('2024-05-02', '2024-02-30');
		const updated = updateSeed(doc, [{ start: 6, end: 16, text: '2024-02-30' }], newText);
		assert.equal(updated.dateline?.valid, false);
		assert.deepEqual(updated.problems.map((p) => p.code), ['invalid-date']);
	});

	void it('falls back to a full parse when the edits do not match the texts', () => {
		const doc = parseSeed(article);
		const updated = updateSeed(doc, [{ start: 0, end: 5, text: '' }], 'Something else entirely.');
		assert.deepEqual(picture(updated), picture(parseSeed('Something else entirely.')));
		const overlapping = updateSeed(doc, [{ start: 0, end: 10, text: '' }, { start: 5, end: 12, text: '' }], 'x');
		assert.equal(overlapping.text, 'x');
	});

	void it('returns an equal document for no edits and an unchanged text', () => {
		const doc = parseSeed(article);
		assert.equal(updateSeed(doc, [], article), doc);
	});

	void it('accepts a document that another module built by hand', () => {
		const fake: SeedDocument = { text: 'x', dateline: null, lead: null, blocks: [] as Block[], intro: [], sections: [], problems: [] };
		assert.equal(updateSeed(fake, [{ start: 1, end: 1, text: '\n\nHello There' }], 'x\n\nHello There').blocks[1].kind, 'heading');
	});
});

void describe('toMdast and blockMdast', () => {
	const crlf = article.replace(/\n/g, '\r\n');

	void it('gives a dateline node, headings and paragraphs of sentences with exact points', () => {
		const doc = parseSeed(crlf);
		const root = toMdast(doc);
		assert.deepEqual(root.children.map((n) => n.type), ['dateline', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'heading', 'paragraph']);
		const dateline = root.children[0];
		assert.equal(dateline.type === 'dateline' && dateline.value, '2024-05-02');
		const heading = blockMdast(doc, doc.blocks[2]);
		assert.equal(heading.type, 'heading');
		assert.deepEqual(heading.position?.start, { line: 5, column: 1, offset: doc.blocks[2].start });
		assert.deepEqual(heading.children.map((c) => c.type === 'text' && c.value), ['Repairs Begin in Summer']);
		const lead = blockMdast(doc, doc.blocks[0]);
		assert.equal(lead.type === 'paragraph' && lead.data?.lead, true);
		assert.deepEqual(lead.children.map((c) => c.type), ['sentence', 'sentence']);
	});

	void it('keeps remark results of moved blocks and still reports their new positions', () => {
		const doc = parseSeed(article);
		const before = blockMdast(doc, doc.blocks[6]);
		const newText = `${article.slice(0, 20)}\n\nInserted Title Here${article.slice(20)}`;
		const updated = updateSeed(doc, [{ start: 20, end: 20, text: '\n\nInserted Title Here' }], newText);
		const last = updated.blocks[updated.blocks.length - 1];
		const after = blockMdast(updated, last);
		assert.equal(after.position?.start.offset, (before.position?.start.offset ?? 0) + 21);
		assert.equal(after.position?.start.line, (before.position?.start.line ?? 0) + 2);
		const text = after.children.flatMap((c) => (c.type === 'sentence' ? c.children.map((t) => t.value) : []));
		assert.deepEqual(text, ['The budget is 4.5 million euros.']);
	});
});
