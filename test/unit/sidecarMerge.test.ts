// The pure pieces of the git work: conflict markers taken apart, whole sidecars merged (with their article
// record), the .gitattributes line and the driver command, and sidecars paired with their renamed articles.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import {
	createClaim, createSidecar, findConflictMarker, findMovedArticles, hasMergeAttribute, mergeDriverCommand, mergeSidecarVersions,
	MERGE_ATTRIBUTE_LINE, parseSidecar, relocatedSidecarText, resolveConflictMarkers, serialiseSidecar, shellQuote, splitConflictMarkers,
	UNKNOWN_ARTICLE_SHA256, updateClaimBody, withMergeAttribute, type Claim, type SidecarArticle,
} from '../../src/core/claims';
import { referenceName, referenceText, seededRandomBytes, sha256Hex, spanOf, steppingClock } from '../fixtures/claims/claimTestKit';

const joinLines = (...lines: string[]) => `${lines.join('\n')}\n`;

void test('conflict markers: ours, theirs and the diff3 base come apart; lines outside the regions belong to all', () => {
	const text = joinLines('a', '<<<<<<< HEAD', 'ours 1', '||||||| base', 'base 1', '=======', 'theirs 1', '>>>>>>> bob', 'b', '<<<<<<< HEAD', '=======', 'theirs 2', '>>>>>>> bob', 'c');
	const split = splitConflictMarkers(text);
	assert.equal(split.status, 'split');
	if (split.status !== 'split') return;
	assert.equal(split.ours, joinLines('a', 'ours 1', 'b', 'c'));
	assert.equal(split.theirs, joinLines('a', 'theirs 1', 'b', 'theirs 2', 'c'));
	assert.equal(split.base, null, 'the second region has no base part');
	assert.equal(split.regions, 2);
	assert.equal(findConflictMarker(text), 2);

	const crlf = splitConflictMarkers('x\r\n<<<<<<< ours\r\n1\r\n||||||| base\r\n0\r\n=======\r\n2\r\n>>>>>>> theirs\r\n');
	assert.deepEqual(crlf.status === 'split' ? [crlf.ours, crlf.base, crlf.theirs] : crlf, ['x\r\n1\r\n', 'x\r\n0\r\n', 'x\r\n2\r\n']);

	assert.equal(splitConflictMarkers('{"a": "<<<<<<< not at a line start"}\n').status, 'none');
	assert.equal(splitConflictMarkers(joinLines('<<<<<<<< eight', '=======', '>>>>>>>> eight')).status, 'none', 'eight characters are no marker');
	assert.deepEqual(splitConflictMarkers(joinLines('<<<<<<< a', 'x', '>>>>>>> b')), { status: 'malformed', line: 3, message: 'a ">>>>>>>" line without its "<<<<<<<" and "=======" lines' });
	const unclosed = splitConflictMarkers(joinLines('ok', '<<<<<<< a', 'x', '=======', '>>>>>>> b', '<<<<<<< a', 'y'));
	assert.deepEqual(unclosed, { status: 'malformed', line: 6, message: 'the conflict region that starts here is not closed by a ">>>>>>>" line' });
});

const random = seededRandomBytes(7);
const clock = steppingClock();
const make = (needle: string) => createClaim(referenceText, spanOf(referenceText, needle), { creator: 'Ada' }, clock(), random);
const kim = make('North Korean leader Kim Jong-un');
const gift = make('a prestigious gift from Russian President Vladimir Putin');
const ties = make('underscoring the strengthening ties between North Korea and Russia');
const article: SidecarArticle = { fileName: referenceName, sha256: sha256Hex(referenceText), date: '2024-03-16' };
const file = (claims: readonly Claim[], record: SidecarArticle = article) => serialiseSidecar(createSidecar(record, claims));

void test('mergeSidecarVersions: an empty base for add/add; conflicts kept as records; foreign or damaged sides refused', () => {
	const added = mergeSidecarVersions({ base: '', ours: file([kim]), theirs: file([gift]) });
	assert.equal(added.status, 'merged');
	assert.deepEqual(added.status === 'merged' ? added.sidecar.claims.map((c) => c.id) : [], [kim.id, gift.id]);
	assert.equal(added.status === 'merged' ? parseSidecar(added.text).status : '', 'ok');

	const ours = updateClaimBody(kim, { verdict: 'True' }, new Date('2024-04-01T00:00:00Z'));
	const theirs = updateClaimBody(kim, { verdict: 'False' }, new Date('2024-04-02T00:00:00Z'));
	const both = mergeSidecarVersions({ base: file([kim]), ours: file([ours]), theirs: file([theirs]) });
	assert.equal(both.status, 'conflict');
	if (both.status !== 'conflict') return;
	assert.equal(both.conflicts.length, 1);
	const merged = parseSidecar(both.text).claims[0];
	assert.equal(merged.body.verdict, 'False');
	assert.deepEqual(merged.conflict?.versions.map((v) => v.body.verdict), ['True']);

	const foreign = mergeSidecarVersions({ base: null, ours: file([kim]), theirs: '{"hello": 1}\n' });
	assert.deepEqual(foreign, { status: 'unmergeable', side: 'theirs', reason: 'theirs: not a News Seed claims file' });
	const damaged = mergeSidecarVersions({ base: null, ours: '{"schemaVersion": 2, "claims": [', theirs: file([kim]) });
	assert.equal(damaged.status, 'unmergeable');
	assert.match(damaged.status === 'unmergeable' ? damaged.reason : '', /^ours: not a valid claims file \(1:\d+ JSON syntax error/);
	const unreadableBase = mergeSidecarVersions({ base: 'garbage', ours: file([kim]), theirs: file([kim, gift]) });
	assert.equal(unreadableBase.status, 'merged', 'an unreadable base counts as empty');
});

void test('the merged article record: agreed hash kept; the side that placed every claim; else a hash of no text', () => {
	const edited = `${referenceText} Updated.`;
	const moved: SidecarArticle = { ...article, sha256: sha256Hex(edited), date: '2024-03-20' };
	// Theirs saved the edited article (same positions: the text was appended), ours judged a claim.
	const judged = updateClaimBody(kim, { verdict: 'True' }, new Date('2024-04-01T00:00:00Z'));
	const same = mergeSidecarVersions({ base: file([kim]), ours: file([judged]), theirs: file([kim], moved) });
	assert.deepEqual(same.status === 'merged' ? same.sidecar.article : null, moved, 'every claim stands where theirs placed it');
	// Ours added a claim placed in the old text, theirs saved the new one with a claim moved: no side placed all.
	const shifted: Claim = { ...kim, target: { ...kim.target, position: { start: kim.target.position.start + 1, end: kim.target.position.end + 1 } } };
	const mixed = mergeSidecarVersions({ base: file([kim]), ours: file([kim, gift]), theirs: file([shifted], moved) });
	assert.equal(mixed.status === 'merged' ? mixed.sidecar.article.sha256 : '', UNKNOWN_ARTICLE_SHA256);
	assert.equal(mixed.status === 'merged' ? mixed.sidecar.article.date : '', '2024-03-20', 'the date one side changed');
	const renamed = mergeSidecarVersions({ base: file([kim]), ours: file([kim, gift]), theirs: file([kim]) }, '001_765aeddc370d2ae5.txt');
	assert.equal(renamed.status === 'merged' ? renamed.sidecar.article.fileName : '', '001_765aeddc370d2ae5.txt');
});

void test('resolveConflictMarkers: git\'s line merge of two sidecars is merged claim by claim', () => {
	const base = file([kim]);
	const ours = file([updateClaimBody(kim, { note: 'ours' }, new Date('2024-04-01T00:00:00Z')), gift]);
	const theirs = file([kim, ties]);
	const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
	const write = (name: string, text: string) => execFileSync('sh', ['-c', 'cat > "$1"', 'sh', `${dir}/${name}`], { input: text });
	write('ours', ours);
	write('base', base);
	write('theirs', theirs);
	let marked: string;
	try {
		marked = execFileSync('git', ['merge-file', '-p', '--diff3', `${dir}/ours`, `${dir}/base`, `${dir}/theirs`], { encoding: 'utf8' });
	} catch (error) {
		marked = (error as { stdout: string }).stdout;
	} finally {
		execFileSync('rm', ['-r', dir]);
	}
	assert.ok(findConflictMarker(marked) !== null, 'git merge-file wrote markers');
	assert.equal(parseSidecar(marked).mergeConflict, true, 'the parser recognises the markers');
	assert.equal(parseSidecar(marked).problems.length, 1);
	const resolved = resolveConflictMarkers(marked);
	assert.equal(resolved.status, 'merged');
	const claims = resolved.status === 'merged' ? resolved.sidecar.claims : [];
	assert.deepEqual(claims.map((c) => [c.id, c.body.note]), [[kim.id, 'ours'], [gift.id, ''], [ties.id, '']]);
	assert.deepEqual(resolveConflictMarkers(ours), { status: 'none' });
	// Sides that do not parse fall back to git's stored versions.
	const broken = joinLines('{', '<<<<<<< a', '"x": 1,', '=======', '"y": 2,', '>>>>>>> b', '}');
	assert.equal(resolveConflictMarkers(broken).status, 'unmergeable');
	assert.equal(resolveConflictMarkers(broken, { base, ours, theirs }).status, 'merged');
});

void test('.gitattributes: our line added once, the user\'s lines and line ends kept; the driver command quoted for sh', () => {
	assert.equal(withMergeAttribute(null), `${MERGE_ATTRIBUTE_LINE}\n`);
	assert.equal(withMergeAttribute('*.png binary'), `*.png binary\n${MERGE_ATTRIBUTE_LINE}\n`);
	assert.equal(withMergeAttribute('*.png binary\r\n'), `*.png binary\r\n${MERGE_ATTRIBUTE_LINE}\r\n`);
	assert.equal(withMergeAttribute(`# claims\n*.claims.json   text merge=news-seed\n`), null);
	assert.equal(hasMergeAttribute('*.claims.json merge=other'), false);
	assert.equal(shellQuote('/usr/bin/node'), '/usr/bin/node');
	assert.equal(shellQuote("/home/o'neil/my tools/cli.js"), `'/home/o'\\''neil/my tools/cli.js'`);
	const command = mergeDriverCommand('/opt/Code Insiders/code', '/ext/dist/cli.js', { ELECTRON_RUN_AS_NODE: '1' });
	assert.equal(command, "ELECTRON_RUN_AS_NODE=1 '/opt/Code Insiders/code' /ext/dist/cli.js merge-driver %O %A %B %P");
	// sh reads the quoted words back exactly.
	const words = execFileSync('sh', ['-c', `printf '%s\\n' ${shellQuote("a b'c$d`e\\f")} ${shellQuote('plain')}`], { encoding: 'utf8' });
	assert.equal(words, "a b'c$d`e\\f\nplain\n");
});

void test('findMovedArticles: same text first, then same name; ambiguous candidates and taken articles are left alone', () => {
	const record = (fileName: string, sha: string): SidecarArticle => ({ fileName, sha256: sha, date: null });
	const moves = findMovedArticles(
		[
			{ sidecar: 'a.claims.json', article: record('a.txt', 'h1') },
			{ sidecar: 'old/b.claims.json', article: record('b.txt', 'h2') },
			{ sidecar: 'c.claims.json', article: record('c.txt', 'h3') },
			{ sidecar: 'd.claims.json', article: record('d.txt', 'h1') },
		],
		[
			{ article: 'x/renamed.txt', fileName: 'renamed.txt', sha256: 'h1' },
			{ article: 'new/b.txt', fileName: 'b.txt', sha256: 'edited' },
			{ article: 'p/c.txt', fileName: 'c.txt', sha256: 'h9' },
			{ article: 'q/c.txt', fileName: 'c.txt', sha256: 'h8' },
		],
	);
	assert.deepEqual(moves, [
		{ sidecar: 'a.claims.json', article: 'x/renamed.txt', matchedBy: 'content' },
		{ sidecar: 'old/b.claims.json', article: 'new/b.txt', matchedBy: 'name' },
	]);
	const text = file([kim]);
	const relocated = parseSidecar(relocatedSidecarText(text, 'renamed.txt'));
	assert.equal(relocated.article?.fileName, 'renamed.txt');
	assert.deepEqual(relocated.claims.map((c) => c.id), [kim.id]);
	assert.equal(relocatedSidecarText('not json', 'x.txt'), 'not json', 'a damaged sidecar moves as it is');
});
