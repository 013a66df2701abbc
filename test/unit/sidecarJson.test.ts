import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSidecar, serialiseSidecar } from '../../src/core/claims';
import { parseSidecarJsonSteps } from '../../src/core/claims/sidecarJson';
import { drainSteps } from '../../src/core/text/steps';
import { manyClaimsArticle } from '../support/scaleInputs';
import { seededRandom } from '../support/seededRandom';

/** What JSON.parse says: the value, or the fact that it throws. */
function expected(json: string): { value?: unknown; throws?: true } {
	try {
		return { value: JSON.parse(json) as unknown };
	} catch {
		return { throws: true };
	}
}

function inSteps(json: string, claimsPerStep: number): { value?: unknown; throws?: true; steps: number } {
	const steps = parseSidecarJsonSteps(json, claimsPerStep, 0);
	let count = 0;
	try {
		for (;;) {
			const step = steps.next();
			if (step.done) return { value: step.value, steps: count };
			count++;
		}
	} catch {
		return { throws: true, steps: count };
	}
}

const sidecarText = (count: number): string => {
	const { claims } = manyClaimsArticle(count);
	return serialiseSidecar(createSidecar({ fileName: 'a.txt', sha256: '0'.repeat(64), date: null }, claims, ['Hint.']));
};

void test('a sidecar is read in steps of a few claims, one JSON.parse per claim,, to the same value as JSON.parse', () => {
	const text = sidecarText(40);
	const result = inSteps(text, 7);
	assert.deepEqual(result.value, JSON.parse(text));
	// The frame, then one step per 7 claims.
	assert.equal(result.steps, 1 + Math.floor(40 / 7));
	assert.deepEqual(drainSteps(parseSidecarJsonSteps(text)), JSON.parse(text));
});

void test('a 10,000-claim sidecar is read in pieces (no step parses more than a batch)', () => {
	const text = sidecarText(10_000);
	const parse = JSON.parse;
	let longest = 0;
	JSON.parse = ((json: string) => {
		longest = Math.max(longest, json.length);
		return parse(json) as unknown;
	}) as typeof JSON.parse;
	try {
		assert.deepEqual(drainSteps(parseSidecarJsonSteps(text, 500)), parse(text));
	} finally {
		JSON.parse = parse;
	}
	assert.ok(longest < text.length / 10, `longest piece ${longest} of ${text.length}`);
});

void test('hand-edited and hostile texts give exactly what JSON.parse gives, or throw as it does', () => {
	const text = sidecarText(12);
	const random = seededRandom(3);
	const inserts = [',', ']', '[', '}', '{', '"', '\n', '\n  ]', '\n    },\n    {', '\n  "claims": [\n', '"claims": 1,', '\\', ' ', '0', 'null'];
	const cases = [
		text.replace('\n  "dismissedHints"', '\n  "claims": [],\n  "dismissedHints"'),
		text.replace('{\n  "schemaVersion"', '{\n  "claims": "first",\n  "schemaVersion"'),
		text.replace('"claims": [', '"nested": {\n  "claims": [').replace(/\n {2}\]/, '\n  ]}'),
		text.replace(/\n {4}\},\n {4}\{/, '\n    }\n    ,\n    {'),
		text.replace(/\n {4}\},\n {4}\{/, '\n    },\n    \n{'),
		text.replace(/"exact": "/, '"exact": "\\n    },\\n    {'),
	];
	for (let i = 0; i < 1_500; i++) {
		const at = Math.floor(random() * text.length);
		const edit = random() < 0.5 ? inserts[Math.floor(random() * inserts.length)] : '';
		cases.push(text.slice(0, at) + edit + text.slice(at + (edit === '' || random() < 0.3 ? 1 + Math.floor(random() * 20) : 0)));
	}
	let differentValues = 0;
	for (const [i, json] of cases.entries()) {
		const want = expected(json);
		const got = inSteps(json, 1 + (i % 4));
		assert.equal(got.throws, want.throws, `case ${i}`);
		assert.deepEqual(got.value, want.value, `case ${i}`);
		if (!want.throws) differentValues++;
	}
	assert.ok(differentValues > 100, `${differentValues} texts still parsed`);
});
