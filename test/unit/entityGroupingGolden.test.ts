// Golden file for entity grouping: test/fixtures/grouping/collidingNames.txt holds, for each seed of
// `collidingNames` (names from a small vocabulary of colliding words: short forms, acronyms, lexicon entries), the
// entities `groupEntities` returns. It was written by the quadratic grouping it replaced (issue 12), so it pins
// the rewrite to the same output. Regenerate on purpose with UPDATE_GOLDEN=1 and review the diff.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { groupEntities, type Entity } from '../../src/core/entities/index';
import { collidingNames } from '../support/scaleInputs';

const goldenPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'grouping', 'collidingNames.txt');
const seeds = 120;

/** One line per entity: id, canonical form, aliases and mention offsets, readable in a diff. */
function summary(entities: readonly Entity[]): string[] {
	return entities.map((e) => `${e.id} | ${e.canonical} | ${e.aliases.join(', ')} | ${e.mentions.map((m) => `${m.start}-${m.end}`).join(' ')}`);
}

void describe('entity grouping golden file', () => {
	void it(`groups ${seeds} generated articles of colliding names as recorded`, () => {
		const actual: string[] = [];
		for (let seed = 1; seed <= seeds; seed++) {
			const { text, mentions, lexicon } = collidingNames(seed);
			actual.push(`# seed ${seed}`, ...summary(groupEntities(mentions, text, lexicon)));
		}
		if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, `${actual.join('\n')}\n`);
		const expected = readFileSync(goldenPath, 'utf8').trimEnd().split('\n');
		assert.deepEqual(actual, expected);
	});
});
