// Golden files for the parser: each test/fixtures/parser/NAME.txt has NAME.json with the expected blocks,
// sentences ([start, end, first characters]), sections and problems. Regenerate on purpose with
// UPDATE_GOLDEN=1 and review the diff.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { SeedDocument } from '../../src/core/seed/seedDocument';
import { parseSeed } from '../../src/core/seed/seedParser';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parser');
const update = process.env.UPDATE_GOLDEN === '1';
const prefix = (text: string) => (text.length > 32 ? `${text.slice(0, 32)}…` : text);

/** What the golden file records: enough to see every boundary, readable in a diff. */
function golden(doc: SeedDocument): unknown {
	const { text } = doc;
	return {
		dateline: doc.dateline && { start: doc.dateline.start, end: doc.dateline.end, value: doc.dateline.value, valid: doc.dateline.valid },
		problems: doc.problems.map((p) => ({ code: p.code, severity: p.severity, start: p.start, end: p.end, message: p.message })),
		blocks: doc.blocks.map((block) => block.kind === 'heading'
			? { kind: block.kind, start: block.start, end: block.end, text: text.slice(block.start, block.end) }
			: {
				kind: block.kind,
				lead: block.lead,
				start: block.start,
				end: block.end,
				sentences: block.sentences.map((s) => [s.start, s.end, prefix(text.slice(s.start, s.end))]),
			}),
		intro: doc.intro.map((p) => doc.blocks.indexOf(p)),
		sections: doc.sections.map((s) => ({ heading: doc.blocks.indexOf(s.heading), paragraphs: s.paragraphs.map((p) => doc.blocks.indexOf(p)), start: s.start, end: s.end })),
	};
}

void describe('parser golden files', () => {
	const inputs = readdirSync(fixtures).filter((name) => name.endsWith('.txt')).sort();
	void it('has fixtures', () => {
		assert.ok(inputs.length >= 8);
	});
	for (const name of inputs) {
		void it(name, () => {
			const text = readFileSync(join(fixtures, name), 'utf8');
			const actual = golden(parseSeed(text));
			const expectedPath = join(fixtures, name.replace(/\.txt$/, '.json'));
			if (update) {
				writeFileSync(expectedPath, `${JSON.stringify(actual, null, '\t')}\n`);
			}
			const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
			assert.deepEqual(actual, expected);
		});
	}
});
