import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/cliTypes';

const article = ' date 2025-01-22 Swedish Foreign Minister Maria Ortega-Lindqvist arrived in Geneva.\n\nOrtega-Lindqvist\'s aides met officials of the World Health Organization. Ortega-Lindqvist left.';

/** An in-memory file system and captured output. */
function fakeIo(files: Record<string, string>): CliIo & { out: string; err: string } {
	const io = {
		out: '',
		err: '',
		cwd: '/ws',
		stdout(text: string) { io.out += text; },
		stderr(text: string) { io.err += text; },
		async readFile(path: string) {
			if (path === '/ws/dir') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
			if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
			return files[path];
		},
		async exists(path: string) { return path in files; },
	};
	return io;
}

void describe('news-seed entities', () => {
	void it('lists entities with their type, other names and mentions with line:column and offsets', async () => {
		const io = fakeIo({ '/ws/a.txt': article });
		assert.equal(await runCli(['entities', 'a.txt'], io), 0);
		assert.match(io.out, /^person +Maria Ortega-Lindqvist {2}\(3 mentions; also "Ortega-Lindqvist"\)$/m);
		const start = article.indexOf('Maria');
		assert.ok(io.out.includes(`1:${start + 1}  [${start}, ${start + 22})  Maria Ortega-Lindqvist`), io.out);
		assert.match(io.out, /^organization +World Health Organization/m);
		assert.equal(io.err, '');
	});

	void it('prints JSON with UTF-16 offsets, the BOM dropped as VS Code does', async () => {
		const io = fakeIo({ '/ws/a.txt': `\uFEFF${article}` });
		assert.equal(await runCli(['entities', '--json', 'a.txt'], io), 0);
		const out = JSON.parse(io.out) as { entities: { canonical: string; type: string; mentions: { start: number; end: number; line: number; column: number; text: string }[] }[] };
		const geneva = out.entities.find((e) => e.canonical === 'Geneva');
		assert.equal(geneva?.type, 'place');
		const mention = geneva.mentions[0];
		assert.equal(article.slice(mention.start, mention.end), 'Geneva');
		assert.equal(mention.line, 1);
		assert.equal(mention.column, mention.start + 1);
	});

	void it('counts offsets in UTF-16 units as VS Code does, also after emoji and CRLF line ends', async () => {
		const text = ' date 2025-01-22 Markets fell 📉📉 in Geneva.\r\n\r\nOfficials in Geneva said so.';
		const io = fakeIo({ '/ws/e.txt': text });
		assert.equal(await runCli(['entities', '--json', 'e.txt'], io), 0);
		const out = JSON.parse(io.out) as { entities: { canonical: string; mentions: { start: number; end: number; line: number; column: number }[] }[] };
		const mentions = out.entities.find((e) => e.canonical === 'Geneva')?.mentions ?? [];
		assert.deepEqual(mentions.map((m) => text.slice(m.start, m.end)), ['Geneva', 'Geneva']);
		assert.deepEqual(mentions.map((m) => [m.line, m.column]), [[1, text.indexOf('Geneva') + 1], [3, 'Officials in '.length + 1]]);
	});

	void it('uses the nearest news-entities.json, and reports a malformed one without failing', async () => {
		const lexicon = '{"entities": [], "corrections": [{"text": "Geneva", "notAnEntity": true}]}';
		const io = fakeIo({ '/ws/sub/a.txt': article, '/ws/news-entities.json': lexicon });
		assert.equal(await runCli(['entities', 'sub/a.txt'], io), 0);
		assert.ok(!io.out.includes('Geneva'), io.out);
		const broken = fakeIo({ '/ws/a.txt': article, '/ws/news-entities.json': '{"entities": [' });
		assert.equal(await runCli(['entities', 'a.txt'], broken), 0);
		assert.match(broken.err, /warning: .*news-entities\.json is malformed/);
		assert.ok(broken.out.includes('Geneva'));
		assert.equal(await runCli(['entities', '--no-lexicon', 'sub/a.txt'], io), 0);
	});

	void it('exits with 2 and a message on stderr for bad arguments and missing or unreadable files', async () => {
		const cases: [string[], RegExp][] = [
			[['entities'], /which file/],
			[['entities', 'missing.txt'], /cannot read file missing\.txt: no such file/],
			[['entities', '--json', '--jsonl', 'a.txt'], /--json and --jsonl exclude each other/],
			[['entities', '--frob', 'a.txt'], /Unknown option '--frob'/],
			[['entities', '--json', 'a.txt', 'a.txt'], /--json takes one file, got 2; use --jsonl/],
			[['entities', '--lexicon', 'none.json', 'a.txt'], /cannot read lexicon none\.json/],
			[['entities', '--lexicon', 'bad.json', 'a.txt'], /bad\.json is malformed/],
			[['frobnicate'], /unknown command "frobnicate"/],
			[[], /Usage: news-seed COMMAND/],
		];
		for (const [args, message] of cases) {
			const io = fakeIo({ '/ws/a.txt': article, '/ws/bad.json': '[' });
			assert.equal(await runCli(args, io), 2, args.join(' '));
			assert.match(io.err, message, args.join(' '));
			assert.equal(io.out, '', args.join(' '));
		}
	});

	void it('has help for the tool and for each command, on stdout with exit code 0', async () => {
		for (const args of [['--help'], ['help'], ['entities', '--help'], ['help', 'entities']]) {
			const io = fakeIo({});
			assert.equal(await runCli(args, io), 0, args.join(' '));
			assert.match(io.out, /Usage: news-seed/, args.join(' '));
		}
	});
});

void describe('news-seed checkworthy', () => {
	const text = ' date 2025-01-22 Exports rose to 4.5 million tonnes last year, more than in any year since 1990. I think we should thank everyone. 📉 Prices fell 12% after the tariffs.\r\n\r\nTrade and Tariffs\r\n\r\nThank you.';

	void it('prints JSON per file: every sentence of lead and paragraphs with UTF-16 offsets, score and reasons', async () => {
		const io = fakeIo({ '/ws/a.txt': `\uFEFF${text}`, '/ws/b.txt': ' date 2025-01-23 Nothing here.' });
		assert.equal(await runCli(['checkworthy', '--json', 'a.txt', 'b.txt'], io), 0);
		const out = JSON.parse(io.out) as { file: string; sentences: { start: number; end: number; text: string; score: number; reasons: string[] }[] }[];
		assert.deepEqual(out.map((f) => f.file), ['a.txt', 'b.txt']);
		const sentences = out[0].sentences;
		assert.deepEqual(sentences.map((s) => s.text), [
			'Exports rose to 4.5 million tonnes last year, more than in any year since 1990.', 'I think we should thank everyone.',
			'📉 Prices fell 12% after the tariffs.', 'Thank you.',
		]);
		for (const s of sentences) {
			assert.equal(text.slice(s.start, s.end), s.text, 'offsets count UTF-16 units of the text without BOM');
			assert.ok(s.score >= 0 && s.score <= 1);
		}
		assert.ok(sentences[0].reasons.includes('a figure: 4.5 million tonnes'), sentences[0].reasons.join('; '));
		assert.ok(sentences[0].score > sentences[1].score);
		assert.deepEqual(out[1].sentences.map((s) => s.text), ['Nothing here.']);
	});

	void it('lists the best sentences first with score and reasons, honouring --top and --threshold', async () => {
		const io = fakeIo({ '/ws/a.txt': text });
		assert.equal(await runCli(['checkworthy', 'a.txt', '--top', '1'], io), 0);
		assert.match(io.out, /^a\.txt: 1 of 4 sentences\n {2}0\.\d\d {2}\[\d+, \d+\) {2}Exports rose/);
		assert.match(io.out, /because: .*a figure: 4\.5 million tonnes/);
		assert.ok(!io.out.includes('Thank you.'));
		const strict = fakeIo({ '/ws/a.txt': text });
		assert.equal(await runCli(['checkworthy', 'a.txt', '--threshold', '1'], strict), 0);
		assert.equal(strict.out, 'a.txt: no sentence scores 1 or more\n');
	});

	void it('refuses bad options and missing files with exit code 2', async () => {
		for (const args of [['checkworthy'], ['checkworthy', 'a.txt', '--top', '0'], ['checkworthy', 'a.txt', '--threshold', '2'], ['checkworthy', 'a.txt', '--threshold', 'x'], ['checkworthy', 'missing.txt']]) {
			const io = fakeIo({ '/ws/a.txt': text });
			assert.equal(await runCli(args, io), 2, args.join(' '));
			assert.match(io.err, /^news-seed: /);
			assert.equal(io.out, '');
		}
	});
});
