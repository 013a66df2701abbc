import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	CLAIMS_SCHEMA, createClaim, createSidecar, describeArticle, formatSidecarProblem, isSidecarName, parseSidecar, serialiseSidecar, sidecarNameFor,
	updateClaimBody, type Claim, type Sidecar,
} from '../../src/core/claims';
import { assertGolden, readFixture, referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf, steppingClock } from '../fixtures/claims/claimTestKit';

/** Three claims on the reference article, made the way the editor makes them, in a deliberately unsorted order. */
function referenceSidecar(): Sidecar {
	const random = seededRandomBytes(7);
	const clock = steppingClock();
	const make = (needle: string, fields: Parameters<typeof createClaim>[2]): Claim =>
		createClaim(referenceText, spanOf(referenceText, needle), fields, clock(), random);
	const breach = make('Despite the clear breach of United Nations Security Council resolutions that prohibit the sale or transfer of luxury goods to North Korea', {
		creator: 'Ada Reviewer', claimant: 'The article', tags: ['sanctions', 'UN'],
	});
	const judged = updateClaimBody(breach, {
		verdict: 'Mostly true',
		note: 'Resolution 2397 bans luxury goods; *"clear"* is the author\'s word.\n\nSee the panel report.',
		sources: ['https://www.un.org/securitycouncil/sanctions/1718'],
	}, clock());
	const lead = make('North Korean leader Kim Jong-un recently made headlines', { creator: 'Ada Reviewer' });
	const analysts = make('Analysts speculate that the burgeoning friendship between Pyongyang and Moscow could lead to increased military cooperation', {
		creator: 'Bo "Quotes" Writer', claimant: 'Analysts', verdict: 'Unverifiable', tags: ['speculation'],
	});
	return createSidecar({ fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' }, [judged, analysts, lead]);
}

void test('sidecar names sit beside the article', () => {
	assert.equal(sidecarNameFor('000_765aeddc370d2ae5.txt'), '000_765aeddc370d2ae5.claims.json');
	assert.equal(sidecarNameFor('news/Report.TXT'), 'news/Report.claims.json');
	assert.equal(sidecarNameFor('notes.md'), 'notes.md.claims.json');
	assert.ok(isSidecarName('000_765aeddc370d2ae5.claims.json'));
	assert.ok(!isSidecarName('package.json'));
});

void test('the article record keeps the bare file name, the injected hash and the date', () => {
	const article = describeArticle('/work/news/000_765aeddc370d2ae5.txt', referenceText, '2024-03-16', sha256Hex);
	assert.deepEqual(article, { fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' });
	assert.equal(describeArticle('C:\\news\\a.txt', '', null, sha256Hex).fileName, 'a.txt');
	assert.equal(describeArticle('a.txt', '', null, sha256Hex).sha256, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

void test('serialising the reference sidecar matches the golden file', () => {
	assertGolden('000_765aeddc370d2ae5.claims.json', serialiseSidecar(referenceSidecar()));
});

void test('the golden file reads back as ok and re-serialises byte for byte', () => {
	const golden = readFixture('000_765aeddc370d2ae5.claims.json');
	const parsed = parseSidecar(golden);
	assert.equal(parsed.status, 'ok', parsed.problems.map(formatSidecarProblem).join('\n'));
	assert.ok(parsed.sidecar);
	assert.equal(parsed.claims.length, 3);
	assert.equal(serialiseSidecar(parsed.sidecar), golden);
	assert.deepEqual(parsed.sidecar.claims, [...referenceSidecar().claims].sort((a, b) => a.target.position.start - b.target.position.start));
});

void test('the file is pretty-printed with two spaces, a stable key order, sorted claims and a final newline', () => {
	const text = serialiseSidecar(referenceSidecar());
	assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
	assert.match(text, /^\{\n {2}"schemaVersion": 2,\n {2}"article": \{\n {4}"fileName": "000_765aeddc370d2ae5\.txt",/);
	const json = JSON.parse(text);
	assert.deepEqual(Object.keys(json), ['schemaVersion', 'article', 'claims']);
	assert.deepEqual(Object.keys(json.claims[0]), ['id', 'type', 'motivation', 'creator', 'created', 'modified', 'body', 'target', 'anchoring']);
	assert.deepEqual(Object.keys(json.claims[0].body), ['verdict', 'claimant', 'note', 'tags', 'sources']);
	assert.equal(json.claims[0].motivation, 'assessing');
	assert.deepEqual(json.claims[0].target.selector.map((s: { type: string }) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
	const starts = json.claims.map((c: { target: { selector: [unknown, { start: number }] } }) => c.target.selector[1].start);
	assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
	assert.equal(json.article.sha256, sha256Hex(referenceText));
});

void test('the order of claims in memory does not change the bytes', () => {
	const sidecar = referenceSidecar();
	const reversed = createSidecar(sidecar.article, [...sidecar.claims].reverse());
	assert.equal(serialiseSidecar(reversed), serialiseSidecar(sidecar));
});

void test('emoji and CRLF survive a round trip, and positions are written in code points', () => {
	const text = ' date 2024-03-16 Fans 🎉 cheered.\r\n\r\nThe minister 👍🏽 said taxes fall by 5%.';
	const claim = createClaim(text, spanOf(text, 'said taxes fall by 5%'), { note: 'Line\r\nbreak 😀' }, new Date(0), seededRandomBytes());
	const file = serialiseSidecar(createSidecar({ fileName: 'x.txt', sha256: sha256Hex(text), date: '2024-03-16' }, [claim]));
	const json = JSON.parse(file);
	assert.equal(json.claims[0].target.selector[1].start, [...text.slice(0, text.indexOf('said'))].length);
	assert.equal(json.claims[0].target.selector[0].prefix, 's 🎉 cheered.\r\n\r\nThe minister 👍🏽 ', '32 code points, CRLF kept');
	const parsed = parseSidecar(file);
	assert.equal(parsed.status, 'ok');
	assert.equal(serialiseSidecar(parsed.sidecar as Sidecar), file);
});

void test('a byte-order mark is ignored', () => {
	const golden = readFixture('000_765aeddc370d2ae5.claims.json');
	assert.equal(parseSidecar(`\ufeff${golden}`).status, 'ok');
});

void test('broken JSON is reported with line and column, and the complete claims before the break are still read', () => {
	const golden = readFixture('000_765aeddc370d2ae5.claims.json');
	// Cut the file inside the third claim, as an interrupted write would.
	const cut = golden.slice(0, golden.lastIndexOf('"TextQuoteSelector"'));
	const parsed = parseSidecar(cut);
	assert.equal(parsed.status, 'invalid');
	assert.equal(parsed.sidecar, null);
	assert.equal(parsed.claims.length, 2);
	assert.ok(parsed.article);
	const syntax = parsed.problems.find((p) => p.message.startsWith('JSON syntax error'));
	assert.ok(syntax, parsed.problems.map(formatSidecarProblem).join('\n'));
	assert.equal(syntax.line, cut.split('\n').length);
	// A missing comma: the problem points at the line of the next property.
	const noComma = golden.replace('"schemaVersion": 2,', '"schemaVersion": 2');
	const second = parseSidecar(noComma);
	assert.equal(second.status, 'invalid');
	assert.equal(second.claims.length, 3);
	assert.deepEqual([second.problems[0].line, second.problems[0].column], [3, 3]);
	assert.match(formatSidecarProblem(second.problems[0]), /^3:3 \$: JSON syntax error: comma expected\.$/);
});

void test('schema violations name the JSON path and place of each bad field; the valid claims are still read', () => {
	const json = JSON.parse(readFixture('000_765aeddc370d2ae5.claims.json'));
	json.claims[1].body.verdict = 3;
	json.claims[2].target.selector[1].end = 'far';
	delete json.claims[2].body.note;
	json.claims[0].extra = true;
	const text = JSON.stringify(json, null, 2);
	const parsed = parseSidecar(text);
	assert.equal(parsed.status, 'invalid');
	assert.equal(parsed.claims.length, 0, 'every claim has a fault');
	const byPath = new Map(parsed.problems.map((p) => [p.path, p]));
	assert.deepEqual([...byPath.keys()].sort(), ['$.claims[0].extra', '$.claims[1].body.verdict', '$.claims[2].body', '$.claims[2].target.selector[1].end'].sort());
	const verdict = byPath.get('$.claims[1].body.verdict');
	assert.ok(verdict);
	assert.match(verdict.message, /number.*string/);
	assert.equal(text.split('\n')[verdict.line - 1].trimStart().slice(0, 11), '"verdict": ');
	assert.match(byPath.get('$.claims[2].body')?.message ?? '', /required property "note"/);
	json.claims[1].body.verdict = 'True';
	const fewer = parseSidecar(JSON.stringify(json, null, 2));
	assert.deepEqual(fewer.claims.map((c) => c.body.verdict), ['True']);
});

void test('repeated ids are reported and only the first claim with an id is kept', () => {
	const json = JSON.parse(readFixture('000_765aeddc370d2ae5.claims.json'));
	json.claims[2].id = json.claims[0].id;
	const parsed = parseSidecar(JSON.stringify(json, null, 2));
	assert.equal(parsed.status, 'invalid');
	assert.equal(parsed.claims.length, 2);
	assert.equal(parsed.problems.length, 1);
	assert.equal(parsed.problems[0].path, '$.claims[2].id');
});

void test('a file from a newer version is invalid (read-only) but its claims are shown', () => {
	const json = JSON.parse(readFixture('000_765aeddc370d2ae5.claims.json'));
	json.schemaVersion = 3;
	const parsed = parseSidecar(JSON.stringify(json, null, 2));
	assert.equal(parsed.status, 'invalid');
	assert.equal(parsed.claims.length, 3);
	assert.equal(parsed.problems.length, 1);
	assert.match(parsed.problems[0].message, /newer version/);
	assert.equal(parsed.problems[0].path, '$.schemaVersion');
});

void test('a version 1 sidecar is still read (claims exact, no conflict) and the next write upgrades it to version 2', () => {
	const v1 = readFixture('000_765aeddc370d2ae5.v1.claims.json');
	assert.match(v1, /"schemaVersion": 1,/);
	const parsed = parseSidecar(v1);
	assert.equal(parsed.status, 'ok');
	assert.equal(parsed.claims.length, 3);
	for (const claim of parsed.claims) {
		assert.deepEqual(claim.anchoring, { state: 'exact' });
		assert.equal(claim.conflict, undefined);
	}
	assert.equal(serialiseSidecar(parsed.sidecar as Sidecar), readFixture('000_765aeddc370d2ae5.claims.json'));
	// A version 2 file must say each claim's state.
	const missing = JSON.parse(readFixture('000_765aeddc370d2ae5.claims.json'));
	delete missing.claims[1].anchoring;
	const broken = parseSidecar(JSON.stringify(missing, null, 2));
	assert.equal(broken.status, 'invalid');
	assert.match(broken.problems[0].path, /^\$\.claims\[1\]/);
});

void test('anchoring states and conflict records are written after the target and read back byte for byte', () => {
	const sidecar = referenceSidecar();
	const [first, second, third] = sidecar.claims;
	const changed: Claim = { ...second, anchoring: { state: 'changed', found: { start: 10, end: 42 }, foundText: 'words that changed "here"' } };
	const lost: Claim = { ...third, anchoring: { state: 'unanchored' } };
	const conflicted: Claim = {
		...first,
		conflict: { kind: 'changed-on-both', versions: [updateClaimBody(first, { verdict: 'False', note: 'their note' }, new Date('2024-03-18T00:00:00.000Z'))] },
	};
	const text = serialiseSidecar(createSidecar(sidecar.article, [changed, lost, conflicted]));
	const json = JSON.parse(text);
	for (const claim of json.claims) {
		const keys = Object.keys(claim);
		assert.equal(keys[keys.indexOf('target') + 1], 'anchoring');
	}
	const withConflict = json.claims.find((c: { conflict?: unknown }) => c.conflict);
	assert.equal(Object.keys(withConflict).at(-1), 'conflict');
	assert.equal(withConflict.conflict.versions[0].conflict, undefined);
	assert.equal(withConflict.conflict.versions[0].body.note, 'their note');
	const parsed = parseSidecar(text);
	assert.equal(parsed.status, 'ok', parsed.problems.map(formatSidecarProblem).join('\n'));
	assert.equal(serialiseSidecar(parsed.sidecar as Sidecar), text);
	assert.deepEqual(parsed.claims.find((c) => c.id === changed.id)?.anchoring, changed.anchoring);
	assert.deepEqual(parsed.claims.find((c) => c.id === first.id)?.conflict, conflicted.conflict);
	// A version inside a conflict record may not carry a conflict of its own.
	withConflict.conflict.versions[0].conflict = { kind: 'added-on-both', versions: [] };
	assert.equal(parseSidecar(JSON.stringify(json, null, 2)).status, 'invalid');
});

void test('JSON that is not a claims file is recognised as foreign', () => {
	for (const foreign of ['{"name": "news-seed-annotator", "version": "0.1.0"}', '[1, 2, 3]', '"claims"', 'null']) {
		const parsed = parseSidecar(foreign);
		assert.equal(parsed.status, 'foreign', foreign);
		assert.equal(parsed.claims.length, 0);
		assert.match(parsed.problems[0].message, /not a News Seed claims file/);
	}
});

void test('an empty file or plain text is invalid, never a throw', () => {
	for (const text of ['', '   \n', 'hello', '{"claims": [}']) {
		const parsed = parseSidecar(text);
		assert.equal(parsed.status, 'invalid', JSON.stringify(text));
		assert.ok(parsed.problems.length > 0);
	}
});

void test('the schema requires what the serialiser writes, and forbids anything else', () => {
	const schema = CLAIMS_SCHEMA as { required: string[]; additionalProperties: boolean; definitions: Record<string, { required: string[]; additionalProperties: boolean }> };
	assert.deepEqual(schema.required, ['schemaVersion', 'article', 'claims']);
	assert.equal(schema.additionalProperties, false);
	const json = JSON.parse(serialiseSidecar(referenceSidecar()));
	assert.deepEqual([...schema.definitions.claim.required, 'anchoring'], Object.keys(json.claims[0]));
	assert.deepEqual(schema.definitions.body.required, Object.keys(json.claims[0].body));
	assert.deepEqual(schema.definitions.article.required, Object.keys(json.article));
	for (const [name, def] of Object.entries(schema.definitions)) {
		if (name === 'claimVersion' || name === 'anchoring') {
			continue; // built of the others (allOf, oneOf): each part forbids extra properties
		}
		assert.equal(def.additionalProperties, false, name);
	}
});

void test('no truncation or corruption of a sidecar makes parsing throw', () => {
	const golden = readFixture('000_765aeddc370d2ae5.claims.json');
	for (let cut = 0; cut < golden.length - 2; cut += 7) {
		const truncated = parseSidecar(golden.slice(0, cut));
		assert.equal(truncated.status, 'invalid', `cut at ${cut}`);
		// A stray character may land inside a string and keep the file valid; the result must stay coherent.
		const corrupted = parseSidecar(`${golden.slice(0, cut)}@${golden.slice(cut + 1)}`);
		assert.equal(corrupted.status === 'ok', corrupted.problems.length === 0, `corrupted at ${cut}`);
		assert.equal(corrupted.status === 'ok', corrupted.sidecar !== null, `corrupted at ${cut}`);
	}
});
