// The validate, export, import and stats commands, run as the real program: src/cli/cli.ts bundled the way
// scripts/build.mjs bundles it (into a temporary folder, so that a build running beside the tests is not
// disturbed), spawned with node, checked by exit code, standard output and the files written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import * as esbuild from 'esbuild';
import { createSidecar, parseSidecar, serialiseSidecar } from '../../src/core/claims';
import { fixtureDir, sha256Hex } from '../fixtures/claims/claimTestKit';
import { emojiClaims, emojiName, emojiText } from '../fixtures/exports/exportTestKit';

let work: string;
let cli: string;

before(async () => {
	work = mkdtempSync(join(tmpdir(), 'news-seed-cli-'));
	cli = join(work, 'cli.js');
	await esbuild.build({ entryPoints: ['src/cli/cli.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'error',
		// As scripts/build.mjs: jsonc-parser's UMD main cannot be bundled, its ESM build can.
		mainFields: ['module', 'main'] });
});

after(() => rmSync(work, { recursive: true, force: true }));

/** A fresh workspace: the reference article with its sidecar, the emoji article with its claims, an article without claims. */
function workspace(name: string): string {
	const dir = join(work, name);
	cpSync(join(fixtureDir, '000_765aeddc370d2ae5.txt'), join(dir, 'news', '000_765aeddc370d2ae5.txt'));
	cpSync(join(fixtureDir, '000_765aeddc370d2ae5.claims.json'), join(dir, 'news', '000_765aeddc370d2ae5.claims.json'));
	writeFileSync(join(dir, 'news', emojiName), emojiText);
	writeFileSync(join(dir, 'news', emojiName.replace('.txt', '.claims.json')), serialiseSidecar(createSidecar({ fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' }, emojiClaims())));
	writeFileSync(join(dir, 'news', '951_00000000000000e1.txt'), ' date 2024-01-01 Nothing to see here, the minister said.');
	return dir;
}

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

void test('every command has --help (exit 0, on stdout); bad options and missing arguments exit 2', () => {
	const dir = workspace('help');
	for (const command of ['validate', 'export', 'import', 'stats']) {
		const help = run(dir, command, '--help');
		assert.equal(help.code, 0, command);
		assert.match(help.stdout, new RegExp(`^Usage: news-seed ${command}`));
		assert.equal(run(dir, command, '--bogus', 'x').code, 2, `${command} --bogus`);
		const bare = run(dir, command);
		assert.equal(bare.code, 2, `${command} without arguments`);
		assert.match(bare.stderr, /^news-seed: /);
	}
	assert.match(run(dir, '--help').stdout, /validate[\s\S]*export[\s\S]*import[\s\S]*stats/);
});

void test('validate: 0 on clean sidecars; 1 with one line per problem (file, line, claim id); 2 for a missing path', () => {
	const dir = workspace('validate');
	const clean = run(dir, 'validate', 'news');
	assert.equal(clean.code, 0, clean.stderr);
	assert.equal(clean.stdout, '');
	assert.match(clean.stderr, /2 sidecars, 7 claims \(0 fuzzy, 0 unanchored\): 0 errors, 0 warnings/);

	const articlePath = join(dir, 'news', emojiName);
	writeFileSync(articlePath, emojiText.replace('The line opens in 2026', 'Nothing like it').replace('the metro line cost €2.1 billion', 'the metro line cost €2.4 billion'));
	const broken = run(dir, 'validate', 'news');
	assert.equal(broken.code, 1);
	const lines = broken.stdout.trimEnd().split('\n');
	assert.equal(lines.length, 2);
	const lost = emojiClaims().find((c) => c.target.quote.exact === 'The line opens in 2026');
	assert.match(lines[0], /^news\/950_00000000000000e0\.claims\.json:\d+:\d+: warning: urn:uuid:[0-9a-f-]+: fuzzy: /);
	assert.equal(lines[1].split(': ').slice(1, 3).join(': '), `error: ${lost?.id}`);
	assert.match(lines[1], /unanchored/);
	assert.equal(run(dir, 'validate', '--quiet', 'news').stdout.trimEnd().split('\n').length, 1, '--quiet: errors only');

	writeFileSync(articlePath, emojiText.replace('the metro line cost €2.1 billion', 'the metro line cost €2.4 billion'));
	assert.equal(run(dir, 'validate', 'news').code, 0, 'a fuzzy claim is only a warning');
	assert.equal(run(dir, 'validate', '--strict', 'news').code, 1, '--strict: warnings fail');

	writeFileSync(join(dir, 'news', '000_765aeddc370d2ae5.claims.json'), '{"schemaVersion": 1, "claims": [}');
	const damaged = run(dir, 'validate', 'news/000_765aeddc370d2ae5.txt');
	assert.equal(damaged.code, 1);
	assert.match(damaged.stdout, /^news\/000_765aeddc370d2ae5\.claims\.json:1:\d+: error: \$: JSON syntax error/);

	assert.equal(run(dir, 'validate', 'no/such/folder').code, 2);
});

void test('validate and export count in words: "1 claim", "3 claims", never "claim(s)"', () => {
	const counted = (claims: number): { validate: string; export: string } => {
		const dir = join(work, `counts-${claims}`);
		mkdirSync(join(dir, 'news'), { recursive: true });
		writeFileSync(join(dir, 'news', emojiName), emojiText);
		writeFileSync(join(dir, 'news', emojiName.replace('.txt', '.claims.json')), serialiseSidecar(createSidecar({ fileName: emojiName, sha256: sha256Hex(emojiText), date: '2024-05-02' }, emojiClaims().slice(0, claims))));
		const validate = run(dir, 'validate', 'news');
		const exported = run(dir, 'export', '--format', 'csv', 'news');
		assert.equal(validate.code, 0, validate.stderr);
		assert.equal(exported.code, 0, exported.stderr);
		return { validate: validate.stderr, export: exported.stderr };
	};
	const one = counted(1);
	assert.match(one.validate, /^news-seed: validate: 1 sidecar, 1 claim \(0 fuzzy, 0 unanchored\): 0 errors, 0 warnings$/m);
	assert.match(one.export, /^news-seed: export: 1 claim of 1 article as csv$/m);
	const three = counted(3);
	assert.match(three.validate, /^news-seed: validate: 1 sidecar, 3 claims \(0 fuzzy, 0 unanchored\): 0 errors, 0 warnings$/m);
	assert.match(three.export, /^news-seed: export: 3 claims of 1 article as csv$/m);
	for (const text of [one.validate, one.export, three.validate, three.export]) assert.doesNotMatch(text, /\(s\)/);
});

void test('export: formats to stdout (pipes), --out writes and lists the files, bad format and brat without --out exit 2', () => {
	const dir = workspace('export');
	const csv = run(dir, 'export', '--format', 'csv', 'news');
	assert.equal(csv.code, 0, csv.stderr);
	const rows = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
	assert.equal(rows.length, 7);
	assert.match(csv.stderr, /7 claims of 2 articles as csv/);

	const w3c = JSON.parse(run(dir, 'export', '--format', 'w3c', '--base-iri', 'https://example.org/n/', 'news').stdout) as { total: number; first: { items: { target: { source: string } }[] } };
	assert.equal(w3c.total, 7);
	assert.ok(w3c.first.items.every((a) => a.target.source.startsWith('https://example.org/n/')));
	const defaultIri = JSON.parse(run(dir, 'export', '--format', 'w3c', `news/${emojiName}`).stdout) as typeof w3c;
	assert.match(defaultIri.first.items[0].target.source, /^file:\/\/\/.*950_00000000000000e0\.txt$/);

	const md = run(dir, 'export', '--format', 'markdown', 'news', '--out', 'out');
	assert.equal(md.code, 0);
	assert.equal(md.stdout, 'out/claims.md\n');
	assert.match(readFileSync(join(dir, 'out', 'claims.md'), 'utf8'), /^# Claims report/);

	const brat = run(dir, 'export', '--format', 'brat', 'news', '--out', 'brat');
	assert.equal(brat.code, 0);
	assert.deepEqual(brat.stdout.trimEnd().split('\n'), ['brat/000_765aeddc370d2ae5.ann', 'brat/000_765aeddc370d2ae5.txt', 'brat/950_00000000000000e0.ann', 'brat/950_00000000000000e0.txt', 'brat/annotation.conf']);
	assert.equal(readFileSync(join(dir, 'brat', emojiName), 'utf8'), emojiText);

	assert.equal(run(dir, 'export', '--format', 'brat', 'news').code, 2, 'brat of several articles needs --out');
	assert.match(run(dir, 'export', '--format', 'brat', `news/${emojiName}`).stdout, /^T1\tClaim 39 71\t/);
	assert.equal(run(dir, 'export', '--format', 'pdf', 'news').code, 2);
	assert.equal(run(dir, 'export', 'news').code, 2);
	assert.equal(run(dir, 'export', '--format', 'csv', 'missing.txt').code, 2);
	const cr = JSON.parse(run(dir, 'export', '--format', 'claimreview', 'news').stdout) as { '@graph': unknown[] };
	assert.equal(cr['@graph'].length, 5);
});

void test('import: brat and W3C files add claims beside their articles, report duplicates, never replace; unreadable input exits 2', () => {
	const dir = workspace('import');
	assert.equal(run(dir, 'export', '--format', 'brat', 'news', '--out', 'brat').code, 0);
	assert.equal(run(dir, 'export', '--format', 'w3c', 'news', '--out', 'w3c').code, 0);
	// Articles without sidecars, to import into.
	rmSync(join(dir, 'brat', '000_765aeddc370d2ae5.claims.json'), { force: true });
	const brat = run(dir, 'import', '--format', 'brat', 'brat/000_765aeddc370d2ae5.ann', 'brat/950_00000000000000e0.ann');
	assert.equal(brat.code, 0, brat.stderr);
	assert.match(brat.stdout, /brat\/950_00000000000000e0\.txt: added 4 claims \(4 anchored, 0 fuzzy, 0 unanchored\), 0 duplicates/);
	const sidecar = parseSidecar(readFileSync(join(dir, 'brat', '950_00000000000000e0.claims.json'), 'utf8'));
	assert.equal(sidecar.status, 'ok');
	assert.deepEqual(sidecar.claims.map((c) => c.body.verdict).sort(), emojiClaims().map((c) => c.body.verdict).sort());

	const again = run(dir, 'import', '--format', 'brat', 'brat/950_00000000000000e0.ann');
	assert.match(again.stdout, /added 0 claims.*4 duplicates/);
	assert.equal(again.stdout.trimEnd().split('\n').length, 5, 'one line per duplicate');

	// W3C by source name: the reference article is not beside the file, so its annotations have no article.
	const byName = run(dir, 'import', '--format', 'w3c', 'w3c/claims.w3c.jsonld', '--dry-run');
	assert.equal(byName.code, 2);
	assert.match(byName.stderr, /does not exist/);

	// One article's export, imported beside a copy of the article without claims: the same sidecar, byte for byte.
	assert.equal(run(dir, 'export', '--format', 'w3c', `news/${emojiName}`, '--out', 'w3c-one').code, 0);
	cpSync(join(dir, 'news', emojiName), join(dir, 'w3c-one', emojiName));
	const back = run(dir, 'import', '--format', 'w3c', 'w3c-one/950_00000000000000e0.w3c.jsonld');
	assert.equal(back.code, 0, back.stderr);
	assert.equal(readFileSync(join(dir, 'w3c-one', '950_00000000000000e0.claims.json'), 'utf8'), readFileSync(join(dir, 'news', '950_00000000000000e0.claims.json'), 'utf8'));

	// Into the original article (--article): every claim is already there.
	const dup = run(dir, 'import', '--format', 'w3c', 'w3c-one/950_00000000000000e0.w3c.jsonld', '--article', `news/${emojiName}`);
	assert.equal(dup.code, 0);
	assert.match(dup.stdout, /added 0 claims.*4 duplicates, 0 conflicts/);

	writeFileSync(join(dir, 'bad.jsonld'), '{not json');
	assert.equal(run(dir, 'import', '--format', 'w3c', 'bad.jsonld').code, 2);
	assert.equal(run(dir, 'import', '--format', 'brat', 'nope.ann').code, 2);
	assert.equal(run(dir, 'import', '--format', 'csv', 'x').code, 2);
	assert.ok(!existsSync(join(dir, 'nope.claims.json')));
});

/** A W3C annotation of `exact` in the article its target source names. */
function w3cAnnotation(source: string, exact: string, note: string): unknown {
	return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'commenting', value: note }], target: { source, selector: { type: 'TextQuoteSelector', exact } } };
}

void test('import: a target source that climbs out of the folder (%2F, backslash, ..) is refused with a message, nothing written for it; --root', () => {
	const dir = workspace('import-climb');
	const article = ' date 2024-01-01 The minister said the bridge is safe.';
	writeFileSync(join(dir, 'news', 'a.txt'), article);
	mkdirSync(join(dir, 'imp', 'x'), { recursive: true });
	writeFileSync(join(dir, 'imp', 'x', 'b.txt'), article);
	writeFileSync(join(dir, 'imp', 'x', 'hostile.jsonld'), JSON.stringify([
		w3cAnnotation('urn:x:..%2F..%2Fnews%2Fa.txt', 'the bridge is safe', 'climbs'),
		w3cAnnotation('urn:x:..%5C..%5Cnews%5Ca.txt', 'the bridge is safe', 'backslashes'),
		w3cAnnotation('https://example.org/news/..%2F..%2F..%2Fnews%2Fa.txt', 'the bridge is safe', 'climbs in a URL'),
		w3cAnnotation('https://example.org/news/b.txt', 'the bridge is safe', 'fine'),
	]));
	const result = run(dir, 'import', '--format', 'w3c', 'imp/x/hostile.jsonld');
	assert.equal(result.code, 1, result.stderr);
	assert.equal(result.stderr.match(/^news-seed: error: imp\/x\/hostile\.jsonld: .* names a path, not a file of the folder; only articles in the import folder are imported; 1 claim not imported$/gm)?.length, 3, result.stderr);
	assert.ok(!existsSync(join(dir, 'news', 'a.claims.json')), 'nothing written outside the folder of the import file');
	assert.match(result.stdout, /imp\/x\/b\.txt: added 1 claim/);
	assert.equal(parseSidecar(readFileSync(join(dir, 'imp', 'x', 'b.claims.json'), 'utf8')).claims.length, 1, 'the rest is imported');

	// --root: the articles are looked up in another folder, still by file name only.
	writeFileSync(join(dir, 'imp', 'x', 'to-root.jsonld'), JSON.stringify([w3cAnnotation('file:///elsewhere/a.txt', 'the bridge is safe', 'into root')]));
	const rooted = run(dir, 'import', '--format', 'w3c', '--root', 'news', 'imp/x/to-root.jsonld');
	assert.equal(rooted.code, 0, rooted.stderr);
	assert.equal(parseSidecar(readFileSync(join(dir, 'news', 'a.claims.json'), 'utf8')).claims[0]?.body.note, 'into root');
});

void test('export --out: replaces only earlier exports, refuses other files and same-named articles, one-line errors (exit 2)', () => {
	const dir = workspace('export-overwrite');
	for (const format of ['w3c', 'claimreview', 'csv', 'markdown', 'brat']) {
		assert.equal(run(dir, 'export', '--format', format, 'news', '--out', 'out').code, 0, format);
		const again = run(dir, 'export', '--format', format, 'news', '--out', 'out');
		assert.equal(again.code, 0, `an earlier ${format} export is replaced: ${again.stderr}`);
	}
	// The article changed since: its brat copy (an earlier export, nobody tags claims in it) is replaced.
	writeFileSync(join(dir, 'news', emojiName), `${emojiText} More.`);
	assert.equal(run(dir, 'export', '--format', 'brat', 'news', '--out', 'out').code, 0);
	assert.equal(readFileSync(join(dir, 'out', emojiName), 'utf8'), `${emojiText} More.`);

	// A user's article of the same name, and a user's file named like an export: never overwritten.
	mkdirSync(join(dir, 'mine'));
	writeFileSync(join(dir, 'mine', emojiName), 'my own article');
	writeFileSync(join(dir, 'mine', 'claims.csv'), 'name,phone\r\nAna,555\r\n');
	const brat = run(dir, 'export', '--format', 'brat', 'news', '--out', 'mine');
	assert.equal(brat.code, 2);
	assert.match(brat.stderr, /^news-seed: export: mine\/950_00000000000000e0\.txt exists and is not an earlier export of this article; nothing written/m);
	assert.equal(readFileSync(join(dir, 'mine', emojiName), 'utf8'), 'my own article');
	assert.ok(!existsSync(join(dir, 'mine', '000_765aeddc370d2ae5.ann')), 'nothing written at all');
	const csv = run(dir, 'export', '--format', 'csv', 'news', '--out', 'mine');
	assert.equal(csv.code, 2);
	assert.equal(readFileSync(join(dir, 'mine', 'claims.csv'), 'utf8'), 'name,phone\r\nAna,555\r\n');

	// Two articles of one name in different folders would write the same files.
	cpSync(join(dir, 'news'), join(dir, 'news2'), { recursive: true });
	const twice = run(dir, 'export', '--format', 'brat', 'news', 'news2', '--out', 'twice');
	assert.equal(twice.code, 2);
	assert.match(twice.stderr, /two articles give the same file 000_765aeddc370d2ae5\.ann/);
	assert.ok(!existsSync(join(dir, 'twice', '000_765aeddc370d2ae5.ann')));

	// --out onto a file, under a file, and a folder where a file goes: one line each, no stack trace.
	writeFileSync(join(dir, 'afile'), 'x');
	mkdirSync(join(dir, 'dirs', 'claims.csv'), { recursive: true });
	for (const [out, message] of [['afile', /it is a file, not a folder/], ['afile/sub', /a part of its path is a file/], ['dirs', /is a folder where the export writes a file/]] as const) {
		const result = run(dir, 'export', '--format', 'csv', 'news', '--out', out);
		assert.equal(result.code, 2, out);
		assert.match(result.stderr, message);
		assert.equal(result.stderr.trimEnd().split('\n').filter((l) => !/^news-seed: (warning|read)/.test(l)).length, 1, result.stderr);
		assert.ok(!/\n\s+at /.test(result.stderr), 'no stack trace');
	}
	assert.equal(readFileSync(join(dir, 'afile'), 'utf8'), 'x');
});

void test('stats reads only the first bytes of a .txt to tell whether it is an article (a 600 MB file)', () => {
	const dir = workspace('stats-huge');
	// Sparse: 600 MB on the file system's books, nothing on disk; longer than any string Node can hold.
	const huge = join(dir, 'news', 'huge.txt');
	writeFileSync(huge, 'not an article\n');
	truncateSync(huge, 600 * 1024 * 1024);
	const result = run(dir, 'stats', 'news');
	assert.equal(result.code, 0, result.stderr);
	assert.match(result.stdout, /^articles: 3 /);
});

void test('stats: articles, claims by verdict, unanchored claims, most-mentioned entities', () => {
	const dir = workspace('stats');
	const result = run(dir, 'stats', '--json', '--top', '5', 'news');
	assert.equal(result.code, 0, result.stderr);
	const stats = JSON.parse(result.stdout) as { articles: number; articlesWithClaims: number; claims: number; unanchored: number; verdicts: { verdict: string; claims: number }[]; entities: { name: string; mentions: number }[] };
	assert.equal(stats.articles, 3);
	assert.equal(stats.articlesWithClaims, 2);
	assert.equal(stats.claims, 7);
	assert.equal(stats.unanchored, 0);
	assert.deepEqual(stats.verdicts, [
		{ verdict: 'Mostly true', claims: 1 }, { verdict: 'Mostly false', claims: 1 }, { verdict: 'False', claims: 1 }, { verdict: 'Unverifiable', claims: 2 }, { verdict: 'Unchecked', claims: 2 },
	]);
	assert.equal(stats.entities.length, 5);
	assert.ok(stats.entities.some((e) => e.name === 'Kim Jong-un'));
	const text = run(dir, 'stats', 'news');
	assert.match(text.stdout, /^articles: 3 \(2 with claims\)\nclaims: 7 \(7 anchored, 0 fuzzy, 0 unanchored\)\n/);
	assert.equal(run(dir, 'stats', '--top', 'many', 'news').code, 2);
});
