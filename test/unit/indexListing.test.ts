// The index worker's listing of a local folder, the authority of a build on the desktop: exactly what VS Code's
// findFiles('**/*.txt') lists (files.exclude with its `when` clauses, dot-folders, symbolic links without cycles).
// The same cases against the real findFiles: test/integration/indexListing.test.ts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { after, describe, it } from 'node:test';
import { FolderExcludes, globMatcher, nameWithoutExtension } from '../../src/core/entities/indexListing';
import { answerIndexJob } from '../../src/core/entities/indexWorkerProtocol';
import { EntityIndexWorkerPool } from '../../src/node/entityIndexWorkerPool';
import { listLocalTextFiles } from '../../src/node/localListing';
import { localScanIo } from '../../src/node/localScanIo';

/** VS Code's files.exclude defaults (1.139). */
const defaults = { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/.DS_Store': true, '**/Thumbs.db': true };

void describe('globMatcher (VS Code glob syntax)', () => {
	const cases: [string, string, boolean][] = [
		['**/.git', '.git', true], ['**/.git', 'a/b/.git', true], ['**/.git', 'a/.github', false],
		['**/*.txt', '.txt', true], ['**/*.txt', 'a/.b.txt', true], ['**/*.txt', 'a/b.TXT', false], ['**/*.txt', 'a.txt/b', false],
		['*', 'a', true], ['*', 'a/b', false], ['*.log', 'x/y.log', false], ['?.txt', 'a.txt', true], ['?.txt', 'ab.txt', false],
		['a/**', 'a', true], ['a/**', 'a/b/c', true], ['a/**', 'ab/c', false], ['a/**/b', 'a/b', true], ['a/**/b', 'a/x/y/b', true],
		['**', 'a/.b/c', true], ['**/x/**', 'x', true], ['**/x/**', 'q/x/y.txt', true], ['**/x', 'xx', false],
		['{**/a,b/*}', 'x/a', true], ['{**/a,b/*}', 'b/c', true], ['{**/a,b/*}', 'b/c/d', false], ['{a,b}/{c,d}', 'b/d', true],
		['[!x].txt', 'y.txt', true], ['[!x].txt', 'x.txt', false], ['[^x].txt', 'x.txt', false], ['**/[a-c]*.txt', 'q/b1.txt', true],
		['**/[a-c]*.txt', 'q/d1.txt', false], ['a[/]b', 'ab', false],
		['foo(1).txt', 'foo(1).txt', true], ['(a|b)', 'a', false], ['a+b', 'a+b', true], ['a$b^', 'a$b^', true], ['a{1..3}', 'a2', false],
		['!a', '!a', true], ['!a', 'b', false], ['@(a)', '@(a)', true], ['a.b', 'axb', false],
		['build', 'build', true], ['build', 'x/build', false], ['build/', 'build', true],
	];
	for (const [pattern, path, matches] of cases) {
		void it(`${pattern} ${matches ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatcher(pattern)(path), matches));
	}
	void it('takes a broken pattern as matching nothing', () => assert.equal(globMatcher('[z-a]')('b'), false));
});

void describe('nameWithoutExtension', () => {
	void it('splits as Node path.extname does', () => {
		for (const name of ['a.txt', '.txt', '..txt', '...', '..', 'a.', 'a.b.txt', '.a.b', 'a', '.a.']) {
			assert.equal(nameWithoutExtension(name), name.slice(0, name.length - extname(name).length), name);
		}
	});
});

void describe('FolderExcludes', () => {
	void it('skips what ripgrep gets: true keys, anchored at the folder unless they start with ** (trailing / dropped); false keys ignored', () => {
		const rules = new FolderExcludes({ ...defaults, '**/.git': false, build: true, 'docs/': true, '**/node_modules/**': true, '/abs/x': true, 'when/*.txt': { when: '$(basename).md' }, '': true }, '/w');
		assert.equal(rules.skips('.git'), false, 'a default switched off');
		assert.equal(rules.skips('.hg'), true);
		assert.equal(rules.skips('a/b/.hg'), true);
		assert.equal(rules.skips('build'), true);
		assert.equal(rules.skips('a/build'), false, 'anchored');
		assert.equal(rules.skips('docs'), true);
		assert.equal(rules.skips('x/node_modules/y.txt'), true);
		assert.equal(rules.skips('abs/x'), true, 'an absolute key is anchored at the folder for ripgrep');
		assert.equal(rules.skips('when/a.txt'), false, 'a when clause is not given to ripgrep');
		assert.equal(rules.hasSiblingClauses, true);
	});

	void it('without when clauses keeps what the walk listed', () => {
		const rules = new FolderExcludes(defaults, '/w', ['inner']);
		assert.equal(rules.hasSiblingClauses, false);
		assert.equal(rules.skips('inner'), true, 'a workspace folder inside this one');
		assert.deepEqual(rules.keepBySiblings(['a.txt', 'b/c.txt']), ['a.txt', 'b/c.txt']);
	});

	void it('with when clauses, drops an entry whose sibling among the listed ones is named by its clause', () => {
		const rules = new FolderExcludes({ '**/*.txt': { when: '$(basename).orig.txt' }, 'gen/**': { when: 'KEEP.txt' }, 'logs': {}, '/w/abs': true, '**/d': { when: '$(basename).txt' } }, '/w');
		const listed = ['a.txt', 'a.orig.txt', 'x/b.txt', 'x/b.orig.txt', 'x/c.txt', 'gen/g.txt', 'gen/KEEP.txt', 'logs/l.txt', 'abs/q.txt', 'd/e.txt', 'd.txt', 'y/d/f.txt'];
		assert.deepEqual(rules.keepBySiblings(listed).sort(), ['a.orig.txt', 'd.txt', 'x/b.orig.txt', 'x/c.txt', 'y/d/f.txt'].sort());
	});

	void it('an entry is kept when its clause names a file that was not listed (findFiles only knows the .txt files it found)', () => {
		const rules = new FolderExcludes({ '**/*.txt': { when: '$(basename).md' } }, '/w');
		assert.deepEqual(rules.keepBySiblings(['a.txt']), ['a.txt']);
	});

	void it('is linear in the listed paths', () => {
		const rules = new FolderExcludes({ ...defaults, '**/*.txt': { when: '$(basename).orig.txt' } }, '/w');
		const paths = Array.from({ length: 200_000 }, (_, i) => `d${i % 100}/f${i}.txt`);
		const started = performance.now();
		assert.equal(rules.keepBySiblings(paths).length, paths.length);
		assert.ok(performance.now() - started < 5000);
	});
});

void describe('listLocalTextFiles', () => {
	const root = mkdtempSync(join(tmpdir(), 'news-seed-listing-'));
	const outside = mkdtempSync(join(tmpdir(), 'news-seed-outside-'));
	after(() => {
		rmSync(root, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	});
	const write = (base: string, path: string) => {
		mkdirSync(join(base, path, '..'), { recursive: true });
		writeFileSync(join(base, path), ' date 2025-01-01 Geneva.');
	};
	for (const path of ['a.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'sub/notes.md', '.git/d.txt', 'sub/.hidden/e.txt', 'with space/f g.txt', 'upper.TXT', '.txt', 'build/h.txt', 'x/build/i.txt', 'n/j.txt', 'n/j.orig.txt']) write(root, path);
	write(outside, 'o.txt');
	mkdirSync(join(root, 'folder.txt'));
	symlinkSync(join(root, 'sub'), join(root, 'link'));
	symlinkSync(outside, join(root, 'sub', 'out'));
	symlinkSync(root, join(root, 'sub', 'deeper', 'loop'));
	symlinkSync(join(root, 'a.txt'), join(root, 'linked.txt'));
	symlinkSync(join(root, 'gone'), join(root, 'broken.txt'));
	symlinkSync(join(root, 'self'), join(root, 'self'));
	const excludes = { ...defaults, build: true, 'n/*.txt': { when: '$(basename).orig.txt' } };

	void it('lists the .txt files as findFiles does: dot-folders entered, files.exclude, links followed, cycles cut', () => {
		assert.deepEqual(listLocalTextFiles({ path: root, excludes, followSymlinks: true }).sort(), [
			'.txt', 'a.txt', 'link/.hidden/e.txt', 'link/b.txt', 'link/deeper/c.txt', 'link/out/o.txt', 'linked.txt', 'n/j.orig.txt',
			'sub/.hidden/e.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'sub/out/o.txt', 'with space/f g.txt', 'x/build/i.txt',
		]);
	});

	void it('leaves links out when search.followSymlinks is false, and lists .git when its default exclude is switched off', () => {
		const listed = listLocalTextFiles({ path: root, excludes: { ...excludes, '**/.git': false }, followSymlinks: false }).sort();
		assert.deepEqual(listed, ['.git/d.txt', '.txt', 'a.txt', 'n/j.orig.txt', 'sub/.hidden/e.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'with space/f g.txt', 'x/build/i.txt']);
	});

	void it('lists the claims\' sidecars the same way: another ending (case-sensitive), with an exclude of their own', () => {
		for (const path of ['a.claims.json', 'sub/b.claims.json', 'node_modules/p/c.claims.json', 'sub/node_modules/d.claims.json', 'build/e.claims.json', 'sub/F.CLAIMS.JSON', 'sub/g.claims.json.bak']) write(root, path);
		const listed = listLocalTextFiles({ path: root, excludes: { ...excludes, '**/node_modules/**': true }, followSymlinks: false, suffix: '.claims.json' }).sort();
		assert.deepEqual(listed, ['a.claims.json', 'sub/b.claims.json']);
		assert.ok(listLocalTextFiles({ path: root, excludes, followSymlinks: false }).every((path) => path.endsWith('.txt')), 'the .txt files without a suffix');
	});

	void it('lists nothing for a folder that cannot be read', () => {
		assert.deepEqual(listLocalTextFiles({ path: join(root, 'nowhere'), excludes, followSymlinks: true }), []);
	});

	void it('answers a list job where the worker can list, and an error where it cannot (a Web Worker)', async () => {
		const folders = [{ path: root, excludes, followSymlinks: false, nested: ['sub'] }, { path: join(root, 'sub'), excludes, followSymlinks: false }];
		const reply = await answerIndexJob({ kind: 'list', id: 7, folders }, localScanIo, listLocalTextFiles);
		assert.ok('lists' in reply);
		assert.equal(reply.id, 7);
		assert.deepEqual(reply.lists.map((list) => [...list].sort()), [['.txt', 'a.txt', 'n/j.orig.txt', 'with space/f g.txt', 'x/build/i.txt'], ['.hidden/e.txt', 'b.txt', 'deeper/c.txt']]);
		const web = await answerIndexJob({ kind: 'list', id: 8, folders });
		assert.ok('error' in web);
	});

	void it('a real worker thread answers a listing, then scans (its analysis loaded on the first job that needs it)', async () => {
		const work = mkdtempSync(join(tmpdir(), 'news-seed-worker-'));
		try {
			const worker = join(work, 'entityIndexWorker.js');
			await esbuild.build({ bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error', mainFields: ['module', 'main'], entryPoints: ['src/node/entityIndexWorker.ts'], outfile: worker });
			const pool = new EntityIndexWorkerPool(worker, 1);
			try {
				const lists = await pool.list([{ path: root, excludes, followSymlinks: false }]);
				assert.deepEqual(lists?.map((list) => [...list].sort()), [['.git/d.txt', '.txt', 'a.txt', 'n/j.orig.txt', 'sub/.hidden/e.txt', 'sub/b.txt', 'sub/deeper/c.txt', 'with space/f g.txt', 'x/build/i.txt'].filter((path) => !path.startsWith('.git/'))]);
				const results = await pool.scan({ files: [{ uri: pathToFileURL(join(root, 'a.txt')).href, lexicon: 0, lexiconKey: '' }], lexicons: [undefined] });
				assert.equal(results?.[0]?.outcome, 'analysed');
			} finally {
				await pool.close();
			}
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	});

	void it('reads the index cache at once on the desktop: the bytes, nothing for a missing file, an error for what is not a file', () => {
		const pool = new EntityIndexWorkerPool('unused.js', 1);
		assert.deepEqual(new TextDecoder().decode(pool.readLocalNow(join(root, 'a.txt'))), ' date 2025-01-01 Geneva.');
		assert.equal(pool.readLocalNow(join(root, 'missing.jsonl')), undefined);
		assert.throws(() => pool.readLocalNow(join(root, 'sub')), /not a file/);
		assert.equal(pool.stats.started, 0, 'no worker started for it');
	});
});
