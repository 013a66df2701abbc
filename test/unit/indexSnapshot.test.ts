// The reverse index stored with the cache (layout 4): a second start loads it instead of building it, before the
// files' lines are parsed (the cache opened at its end). What it loads must answer exactly as an index filled file by
// file, before and after files change; a second start must serve it at once and the check against the files must
// leave nothing stale; a damaged one must never be loaded, or be dropped as soon as its lines are read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/entities/articleEntities';
import { openIndexCacheSteps, readIndexCacheContentsSteps, writeIndexCacheSteps, type CachedFile } from '../../src/core/entities/indexCacheFormat';
import { indexKey, summarizeArticle, type IndexedArticle } from '../../src/core/entities/indexedArticle';
import { indexSnapshotSteps, NameKeyMemo, WorkspaceEntityIndex, type EntityNames } from '../../src/core/entities/workspaceEntityIndex';
import { WorkspaceIndexUpdater } from '../../src/core/entities/workspaceIndexUpdater';
import { MemoryFiles, memoryScanner } from '../support/memoryIndexFiles';
import { generateArchive } from '../support/newsArchive';

function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

function summary(text: string, lexicon?: { notEntities?: string[] }): IndexedArticle {
	return summarizeArticle(indexKey(text, lexicon), text, analyzeArticle(text, lexicon));
}

// The news-like archive: datelines in capitals beside the same names in prose ("NORMANDY", "Normandy").
const articles = [...generateArchive(120, 7)];
const uriOf = (i: number) => `file:///w/${String(i).padStart(3, '0')}/${articles[i].name}`;

/** Every answer of the index that a feature reads, for every entity named anywhere in it. */
function answers(index: WorkspaceEntityIndex, askers: readonly EntityNames[]): unknown {
	const except = [...index.uris()].sort()[3];
	const totals = index.entityTotals();
	return {
		size: index.size,
		uris: [...index.uris()].sort(),
		occurrences: askers.map((entity) => index.occurrences(entity).map((o) => [o.uri, o.entity.canonical, [...o.entity.spans]])),
		without: askers.map((entity) => index.occurrences(entity, except).map((o) => o.uri)),
		summaries: askers.map((entity) => {
			const { count, first } = index.occurrenceSummary(entity, except, 3);
			return [count, first.map((o) => o.uri)];
		}),
		totals,
		articles: Object.values(totals).flat().map((total) => index.entityArticles(total)),
		symbols: index.symbols('', 100_000).map((s) => [s.kind, s.name, s.uri, s.start, s.end]).sort(),
	};
}

function askersOf(summaries: Iterable<IndexedArticle>): EntityNames[] {
	const seen = new Map<string, EntityNames>();
	for (const article of summaries) {
		for (const { type, canonical, aliases } of article.entities) seen.set(`${type}\u0000${canonical}\u0000${aliases.join('\u0000')}`, { type, canonical, aliases });
	}
	return [...seen.values()];
}

void describe('the reverse index stored with the cache', () => {
	const summaries = articles.map((article) => summary(article.text));
	const entries: CachedFile[] = summaries.map((article, i) => ({ uri: uriOf(i), stamp: { mtime: i, size: articles[i].text.length }, article }));
	entries.splice(5, 0, { uri: 'file:///w/notes.txt', stamp: { mtime: 1, size: 3 }, article: undefined });
	const changed = summary(' date 2025-02-01 Officials met in Geneva with Maria Ortega-Lindqvist. Ortega-Lindqvist spoke.');

	void it('loads as the same index as filling it file by file, and stays the same through changes', () => {
		const contents = drain(readIndexCacheContentsSteps(drain(writeIndexCacheSteps(entries))));
		assert.equal(contents.files.size, entries.length);
		assert.ok(contents.snapshot, 'the reverse index was read');
		assert.equal(contents.snapshot.uris.length, summaries.length, 'the files that are not seeds are not numbered');
		const loaded = new WorkspaceEntityIndex();
		loaded.load(contents.snapshot);
		const filled = new WorkspaceEntityIndex();
		for (const entry of entries) if (entry.article) filled.set(entry.uri, entry.article);
		const askers = askersOf([...summaries, changed]);
		assert.ok(askers.length > 300, `${askers.length} entities asked about`);
		assert.deepEqual(answers(loaded, askers), answers(filled, askers));
		// The same articles as the cache's (the read objects) are not a change.
		const version = loaded.version;
		for (const file of contents.files.values()) if (file.article) loaded.set(file.uri, file.article);
		assert.equal(loaded.version, version);
		// Files replaced, deleted and added, in both; and one replaced by the summary it had (a new object).
		for (const index of [loaded, filled]) {
			index.set(uriOf(1), changed);
			index.delete(uriOf(2));
			index.delete(uriOf(40));
			index.set('file:///w/new.txt', summaries[2]);
			index.set(uriOf(3), summary(articles[3].text));
			index.set(uriOf(41), summaries[0]);
		}
		assert.deepEqual(answers(loaded, askers), answers(filled, askers));
		for (let i = 0; i < summaries.length; i += 2) for (const index of [loaded, filled]) index.delete(uriOf(i));
		assert.deepEqual(answers(loaded, askers), answers(filled, askers));

		// Written again from the index itself (keys part numbers, part Sets now), read and loaded: the same answers.
		const now: CachedFile[] = [...loaded.uris()].map((uri, i) => ({ uri, stamp: { mtime: i, size: 1 }, article: loaded.get(uri) as IndexedArticle }));
		const fromIndex = new Uint8Array(drain(writeIndexCacheSteps(now, loaded)));
		const built = new Uint8Array(drain(writeIndexCacheSteps(now)));
		for (const bytes of [fromIndex, built]) {
			const again = drain(readIndexCacheContentsSteps(bytes));
			assert.ok(again.snapshot);
			const reloaded = new WorkspaceEntityIndex();
			reloaded.load(again.snapshot);
			assert.deepEqual(answers(reloaded, askers), answers(loaded, askers));
		}
		// An index that does not hold exactly these files is not copied: the reverse index is built from the summaries.
		const other = new WorkspaceEntityIndex();
		other.set(now[0].uri, changed);
		assert.deepEqual(drain(writeIndexCacheSteps(now, other)), built);
	});

	void it('removes many files at once as one by one, in a filled index and in a loaded one (frozen, shared lists)', () => {
		const contents = drain(readIndexCacheContentsSteps(drain(writeIndexCacheSteps(entries))));
		assert.ok(contents.snapshot);
		const askers = askersOf(summaries);
		const oneByOne = new WorkspaceEntityIndex();
		const filled = new WorkspaceEntityIndex();
		for (const index of [oneByOne, filled]) for (const entry of entries) if (entry.article) index.set(entry.uri, entry.article);
		const loaded = new WorkspaceEntityIndex();
		loaded.load(contents.snapshot);
		// Every third file, one not indexed and one named twice.
		const gone = [...summaries.keys()].filter((i) => i % 3 !== 1).map(uriOf);
		const asked = [...gone, 'file:///w/never.txt', gone[0]];
		for (const uri of asked) oneByOne.delete(uri);
		const version = filled.version;
		filled.deleteMany(asked);
		assert.notEqual(filled.version, version);
		loaded.deleteMany(asked);
		assert.equal(filled.size, summaries.length - gone.length);
		assert.deepEqual(answers(filled, askers), answers(oneByOne, askers));
		assert.deepEqual(answers(loaded, askers), answers(oneByOne, askers));
		// Nothing to remove is no change; the rest removed leaves an empty index.
		const unchanged = filled.version;
		filled.deleteMany(['file:///w/never.txt']);
		assert.equal(filled.version, unchanged);
		filled.deleteMany([...filled.uris()]);
		assert.equal(filled.size, 0);
		assert.deepEqual(filled.entityTotals(), { person: [], organization: [], place: [] });
	});

	void it('written from an index loaded from it whose files kept their places, shares the lists of the keys no change touched', () => {
		const contents = drain(readIndexCacheContentsSteps(drain(writeIndexCacheSteps(entries))));
		assert.ok(contents.snapshot);
		const loaded = new WorkspaceEntityIndex();
		loaded.load(contents.snapshot);
		// One file's text changed in place (a second start's check finds it): the numbering stays.
		loaded.set(uriOf(1), changed);
		const now = [...contents.files.values()].flatMap((file) => (file.article ? [{ uri: file.uri, article: loaded.get(file.uri) as IndexedArticle }] : []));
		const copied = drain(loaded.snapshotOfSteps(now));
		const built = drain(indexSnapshotSteps(now));
		assert.ok(copied);
		assert.deepEqual(new Map([...copied.named].sort()), new Map([...built.named].sort()));
		assert.deepEqual(new Map([...copied.canonical].sort()), new Map([...built.canonical].sort()));
		// The totals, copied in steps: the same as built from the summaries, and copies (the index's own change later).
		assert.deepEqual(new Map([...copied.canonicalMentions].sort()), new Map([...built.canonicalMentions].sort()));
		assert.deepEqual(new Map([...copied.canonicalNames].sort()), new Map([...built.canonicalNames].sort()));
		assert.deepEqual(new Map([...copied.aliasUsers].sort()), new Map([...built.aliasUsers].sort()));
		const memo = new NameKeyMemo();
		const touched = new Set([...summaries[1].entities, ...changed.entities].flatMap((e) => memo.keysOf(e)));
		const untouched = [...contents.snapshot.named.keys()].filter((key) => !touched.has(key));
		assert.ok(untouched.length > 100 && untouched.every((key) => copied.named.get(key) === contents.snapshot?.named.get(key)), 'shared, not copied');
		// Another numbering (a file dropped): every list numbered anew.
		const fewer = drain(loaded.snapshotOfSteps(now.filter((file) => file.uri !== uriOf(7))));
		assert.equal(fewer, undefined, 'not the files the index holds');
		loaded.delete(uriOf(7));
		const renumbered = drain(loaded.snapshotOfSteps(now.filter((file) => file.uri !== uriOf(7))));
		assert.ok(renumbered);
		const mentionsBefore = new Map(renumbered.canonicalMentions);
		loaded.set(uriOf(2), changed);
		assert.deepEqual(renumbered.canonicalMentions, mentionsBefore, 'a copy: the index changing after it leaves it as it was');
		assert.deepEqual(new Map([...renumbered.named].sort()), new Map([...drain(indexSnapshotSteps(now.filter((file) => file.uri !== uriOf(7)))).named].sort()));
	});

	void it('is the snapshot built from the summaries, numbered in line order', () => {
		const contents = drain(readIndexCacheContentsSteps(drain(writeIndexCacheSteps(entries))));
		const built = drain(indexSnapshotSteps(entries.filter((e) => e.article).map((e) => ({ uri: e.uri, article: e.article as IndexedArticle }))));
		const plain = (snapshot: typeof built) => ({
			uris: snapshot.uris,
			canonical: [...snapshot.canonical],
			named: [...snapshot.named],
			mentions: [...snapshot.canonicalMentions],
			names: [...snapshot.canonicalNames],
			aliases: [...snapshot.aliasUsers].map(([key, users]) => [key, [...users]]),
		});
		assert.ok(contents.snapshot);
		assert.deepEqual(plain(contents.snapshot), plain(built));
		assert.ok([...built.named].some(([key, ids]) => built.canonical.get(key) === ids), 'equal lists shared');
		assert.ok([...built.named].some(([key, ids]) => built.canonical.get(key) !== ids), 'other names kept apart');
	});

	void it('opened at its end, serves the same answers before any line is parsed, then reads the same files and writes them back as they were', () => {
		const bytes = drain(writeIndexCacheSteps(entries));
		const opened = drain(openIndexCacheSteps(bytes));
		assert.ok(opened);
		const full = drain(readIndexCacheContentsSteps(bytes));
		assert.ok(full.snapshot);
		const lazy = new WorkspaceEntityIndex();
		lazy.load(opened.snapshot);
		const eager = new WorkspaceEntityIndex();
		eager.load(full.snapshot);
		const askers = askersOf(summaries);
		assert.deepEqual(answers(lazy, askers), answers(eager, askers));
		const { files, intact } = drain(opened.filesSteps());
		assert.ok(intact);
		assert.deepEqual([...files.keys()], [...full.files.keys()]);
		assert.deepEqual([...files.values()].map((file) => file.stamp), [...full.files.values()].map((file) => file.stamp));
		assert.ok([...files.values()].every((file) => !file.article || opened.snapshot.articles.includes(file.article)), "the snapshot's own summaries");
		assert.deepEqual(drain(writeIndexCacheSteps(files.values())), bytes);
		assert.equal(drain(openIndexCacheSteps(bytes.subarray(0, bytes.length - 5))), undefined, 'a cut cache is not opened');
	});

	void it('writes back a cache read unchanged as it was, and a copy of an entry (another URI) anew', () => {
		const bytes = drain(writeIndexCacheSteps(entries));
		const { files } = drain(readIndexCacheContentsSteps(bytes));
		assert.deepEqual(drain(writeIndexCacheSteps(files.values())), bytes);
		const moved = [...files.values()].map((file) => ({ ...file, uri: file.uri.replace('file:///w/', 'file:///v/') }));
		const written = new TextDecoder().decode(drain(writeIndexCacheSteps(moved)));
		assert.ok(!written.includes('file:///w/'), 'the copies carry their own URIs');
		const again = drain(readIndexCacheContentsSteps(new TextEncoder().encode(written)));
		assert.deepEqual([...again.files.keys()], moved.map((file) => file.uri));
		// Entities made from the names on first use, as they were written.
		const first = [...again.files.values()][0].article;
		assert.deepEqual(first?.entities.map((e) => [e.canonical, e.type, e.aliases, e.spans]), entries[0].article?.entities.map((e) => [e.canonical, e.type, e.aliases, e.spans]));
	});

	void it('opened at its end, checks lines whose details are not ASCII (a heading "Zürich") by their length in characters, and keeps them', () => {
		const text = ' date 2025-02-01\n\nAbout Zürich\n\nÅsa Ørsted met Maria Ortega-Lindqvist in Zürich. She left.\n\nÉtats généraux\n\nMore text here about Zürich.\n';
		const article = summary(text);
		assert.ok(article.headings.some((heading) => [...heading.name].some((c) => c.charCodeAt(0) > 127)), 'a heading that is not ASCII');
		const files: CachedFile[] = [...entries.slice(0, 3), { uri: 'file:///w/z%C3%BCrich.txt', stamp: { mtime: 5, size: text.length }, article }];
		const bytes = drain(writeIndexCacheSteps(files));
		const opened = drain(openIndexCacheSteps(bytes));
		assert.ok(opened);
		const { files: read, intact } = drain(opened.filesSteps());
		assert.ok(intact, 'the stored index is kept');
		const zurich = read.get('file:///w/z%C3%BCrich.txt')?.article;
		assert.deepEqual(zurich?.headings, article.headings);
		assert.deepEqual(zurich?.entities.map((e) => [e.canonical, e.type, [...e.aliases], [...e.spans]]), article.entities.map((e) => [e.canonical, e.type, [...e.aliases], [...e.spans]]));
		assert.deepEqual(drain(writeIndexCacheSteps(read.values())), bytes);
	});

	void it('is dropped whole when any part of it is damaged, out of place or missing (the files are still read)', () => {
		const text = new TextDecoder().decode(drain(writeIndexCacheSteps(entries)));
		const lines = text.split('\n');
		const firstPart = lines.findIndex((line) => line.startsWith('{"keys"'));
		const keysLine = lines[firstPart];
		const end = lines.length - 1;
		assert.match(lines[end], /^\{"files":120,"from":\d+\}$/);
		const summariesLine = lines.findIndex((line) => line.startsWith('{"summaries"'));
		const variants: [string, string[]][] = [
			['no end', lines.slice(0, end)],
			['cut in a part', [...lines.slice(0, end - 1), lines[end - 1].slice(0, 30)]],
			['a part after the end', [...lines, keysLine]],
			['a file line after the parts', [...lines, lines[1]]],
			['a file number out of range', lines.map((line, i) => (i === firstPart ? line.replace(/\[(\d+)\]/, '[120]') : line))],
			['file numbers not ascending', lines.map((line, i) => (i === firstPart ? line.replace(/\[(\d+),(\d+)\]/, '[$2,$1]') : line))],
			['a count that is not the files read', lines.map((line, i) => (i === end ? line.replace('"files":120', '"files":119') : line))],
			['no start of the parts', lines.map((line, i) => (i === end ? '{"files":120}' : line))],
			['summaries missing', lines.filter((line) => !line.startsWith('{"summaries"'))],
			['a summary naming another file', lines.map((line, i) => (i === summariesLine ? line.replace('file:///w/000/', 'file:///w/999/') : line))],
			['a summary with another key', lines.map((line, i) => (i === summariesLine ? line.replace(/("file:\/\/\/w\/000\/[^"]*","[^"]*)"/, '$1x"') : line))],
			['a file line damaged in place', lines.map((line, i) => (i === 2 ? `(${line.slice(1)}` : line))],
			['a file line with another key, in place', lines.map((line, i) => (i === 2 ? line.replace(/"3:([0-9a-f])/, (_, c: string) => `"3:${c === '0' ? '1' : '0'}`) : line))],
			['an unknown part', lines.map((line, i) => (i === firstPart ? '{"other":[]}' : line))],
			['a damaged file line', lines.map((line, i) => (i === 3 ? line.slice(0, 20) : line))],
			['a file twice', [lines[0], lines[1], ...lines.slice(1)]],
			['totals missing', lines.filter((line) => !line.startsWith('{"totals"'))],
		];
		for (const [what, variant] of variants) {
			assert.notEqual(variant.join('\n'), text, `${what}: a variant`);
			const bytes = new TextEncoder().encode(variant.join('\n'));
			const contents = drain(readIndexCacheContentsSteps(bytes));
			assert.equal(contents.snapshot, undefined, what);
			assert.ok(contents.files.size >= entries.length - 1, `${what}: the files still read`);
			// Opened at its end: not opened, or its lines found damaged (then the stored index is not trusted).
			const opened = drain(openIndexCacheSteps(bytes));
			if (opened) assert.equal(drain(opened.filesSteps()).intact, false, `${what}: opened at its end`);
			// Damage inside a file's line leaves the end whole: it is found when the lines are read.
			if (what.includes('in place')) assert.ok(opened, `${what}: opened`);
		}
		assert.ok(drain(readIndexCacheContentsSteps(new TextEncoder().encode(text))).snapshot, 'the undamaged one loads');
		const opened = drain(openIndexCacheSteps(new TextEncoder().encode(text)));
		assert.ok(opened && drain(opened.filesSteps()).intact, 'and opens at its end');
	});
});

void describe('a second start from the stored reverse index', () => {
	const apply = (steps: Generator<void, void>) => Promise.resolve(drain(steps));
	function updaterOf(files: MemoryFiles, lexicon?: { notEntities?: string[] }) {
		const { scan, analysed } = memoryScanner(files);
		const updater = new WorkspaceIndexUpdater(new WorkspaceEntityIndex(), {
			files,
			analyze: () => Promise.resolve(undefined),
			lexiconFor: () => lexicon,
			baseName: (uri) => uri.slice(uri.lastIndexOf('/') + 1),
		});
		return { updater, scan, analysed };
	}
	const count = 60;
	// The person named in the most of these articles.
	const counts = new Map<string, number>();
	for (const article of articles.slice(0, count)) for (const person of article.people) counts.set(person, (counts.get(person) ?? 0) + 1);
	const [person] = [...counts].sort((x, y) => y[1] - x[1])[0];
	const asked: EntityNames = { type: 'person', canonical: person, aliases: [] };
	const naming = articles.slice(0, count).flatMap((article, i) => (article.people.includes(person) ? [i] : []));

	void it('serves it at once, then the check against the files leaves nothing stale: a changed, an added and a deleted article', async () => {
		assert.ok(naming.length >= 3, `"${person}" in ${naming.length} articles`);
		const files = new MemoryFiles();
		const uris = articles.slice(0, count).map((_, i) => uriOf(i));
		uris.forEach((uri, i) => files.write(uri, articles[i].text));
		const first = updaterOf(files);
		await first.updater.scanAll(uris, first.scan, { apply });
		const bytes = drain(writeIndexCacheSteps(first.updater.cacheEntries()));
		const before = first.updater.index.occurrences(asked).map((o) => o.uri);
		assert.equal(before.length, naming.length);

		// While the editor was closed: one article naming him rewritten without him, one deleted, one added naming him.
		const [rewritten, deleted] = naming;
		files.write(uris[rewritten], ' date 2025-03-01 Officials in Geneva said nothing more.', 2);
		files.texts.delete(uris[deleted]);
		const added = 'file:///w/added/new.txt';
		files.write(added, ` date 2025-03-02 ${person} spoke in Geneva. ${person.slice(person.indexOf(' ') + 1)} left.`);
		const now = [...uris.filter((uri) => uri !== uris[deleted]), added];

		const cold = updaterOf(files);
		await cold.updater.scanAll(now, cold.scan, { apply });
		const askers = askersOf([...cold.updater.index.uris()].map((uri) => cold.updater.index.get(uri) as IndexedArticle));
		// Read whole first, or opened at its end (served before its lines are parsed, which come before the check).
		for (const how of ['read', 'opened'] as const) {
			const second = updaterOf(files);
			let snapshot;
			if (how === 'read') {
				const contents = drain(readIndexCacheContentsSteps(bytes));
				second.updater.useCache(contents.files);
				snapshot = contents.snapshot;
			} else {
				const opened = drain(openIndexCacheSteps(bytes));
				snapshot = opened?.snapshot;
				assert.ok(opened && snapshot);
				assert.equal(drain(second.updater.loadSnapshotSteps(snapshot, true)), count, `${how}: served at once, before any line is parsed`);
				const { files: cached, intact } = drain(opened.filesSteps());
				assert.ok(intact);
				second.updater.useCache(cached);
			}
			assert.ok(snapshot);
			assert.equal(drain(second.updater.loadSnapshotSteps(snapshot)), count, `${how}: served at once, before any file is looked at`);
			assert.deepEqual(second.updater.index.occurrences(asked).map((o) => o.uri), before, `${how}: as the cache has it until checked`);
			const counted = await second.updater.scanAll(now, second.scan, { apply, batchSize: 256 });
			assert.deepEqual(counted, { unchanged: count - 2, same: 0, analysed: 2, notSeed: 0, gone: 0 }, how);
			assert.equal(second.analysed(), 2);
			// Exactly what a cold start on the files as they are now finds.
			assert.deepEqual(answers(second.updater.index, askers), answers(cold.updater.index, askers), how);
			const after = second.updater.index.occurrences(asked).map((o) => o.uri);
			assert.ok(after.includes(added) && !after.includes(uris[rewritten]) && !after.includes(uris[deleted]));
			assert.equal(after.length, naming.length - 1);
		}
	});

	void it('a second start with nothing changed, as the extension runs it (opened at its end, lines after, then the check), leaves nothing to save', async () => {
		const files = new MemoryFiles();
		const uris = articles.slice(0, count).map((_, i) => uriOf(i));
		uris.forEach((uri, i) => files.write(uri, articles[i].text));
		const first = updaterOf(files);
		await first.updater.scanAll(uris, first.scan, { apply });
		const opened = drain(openIndexCacheSteps(drain(writeIndexCacheSteps(first.updater.cacheEntries()))));
		assert.ok(opened?.snapshot);
		const second = updaterOf(files);
		assert.equal(drain(second.updater.loadSnapshotSteps(opened.snapshot, true)), count);
		const { files: cached, intact } = drain(opened.filesSteps());
		assert.ok(intact);
		drain(second.updater.useCacheSteps(cached));
		drain(second.updater.adoptCachedSteps(uris));
		assert.deepEqual(await second.updater.scanAll(uris, second.scan, { apply, batchSize: 256 }), { unchanged: count, same: 0, analysed: 0, notSeed: 0, gone: 0 });
		assert.equal(second.updater.dirty, false, 'nothing changed: the cache is not written again');
	});

	void it('a second start as the extension runs it decodes a few bytes of each file\'s line and makes no entity until a feature asks, and writes the same bytes back', async () => {
		const files = new MemoryFiles();
		const uris = articles.slice(0, count).map((_, i) => uriOf(i));
		uris.forEach((uri, i) => files.write(uri, articles[i].text));
		files.write('file:///w/notes.txt', 'not a seed');
		const first = updaterOf(files);
		await first.updater.scanAll([...uris, 'file:///w/notes.txt'], first.scan, { apply });
		const bytes = drain(writeIndexCacheSteps(first.updater.cacheEntries()));
		const text = new TextDecoder().decode(bytes);
		const linesBytes = new TextEncoder().encode(text.slice(0, text.indexOf('\n{"'))).length;
		const opened = drain(openIndexCacheSteps(bytes));
		assert.ok(opened);
		const second = updaterOf(files);
		// Everything decoded from here on: the files' lines read and checked, the index served and checked.
		let decoded = 0;
		const decode = TextDecoder.prototype.decode;
		TextDecoder.prototype.decode = function (this: InstanceType<typeof TextDecoder>, ...args: Parameters<typeof decode>) {
			decoded += (args[0] as { byteLength?: number } | undefined)?.byteLength ?? 0;
			return decode.apply(this, args);
		};
		try {
			assert.equal(drain(second.updater.loadSnapshotSteps(opened.snapshot, true)), count);
			const { files: cached, intact } = drain(opened.filesSteps());
			assert.ok(intact);
			assert.equal(cached.size, count + 1);
			assert.deepEqual(cached.get('file:///w/notes.txt')?.article, undefined);
			drain(second.updater.useCacheSteps(cached));
			assert.equal(drain(second.updater.adoptCachedSteps([...uris, 'file:///w/notes.txt'])), count);
			assert.deepEqual(await second.updater.scanAll([...uris, 'file:///w/notes.txt'], second.scan, { apply, batchSize: 256 }), { unchanged: count + 1, same: 0, analysed: 0, notSeed: 0, gone: 0 });
		} finally {
			TextDecoder.prototype.decode = decode;
		}
		// A line is hundreds of bytes; its two ends are a few dozen (a line parsed, or entities made, decode it whole).
		assert.ok(decoded < linesBytes / 3, `${decoded} of the lines' ${linesBytes} bytes decoded`);
		const askers = askersOf(uris.map((uri) => first.updater.index.get(uri) as IndexedArticle));
		assert.deepEqual(answers(second.updater.index, askers), answers(first.updater.index, askers), 'the same answers (each summary parsed when asked)');
		assert.deepEqual(drain(writeIndexCacheSteps(second.updater.cacheEntries())), bytes, 'written back byte for byte');
	});

	void it('keeps exactly the files of a new listing: the files it no longer lists (excluded since) leave the index and the cache', async () => {
		const files = new MemoryFiles();
		const uris = articles.slice(0, 12).map((_, i) => uriOf(i));
		uris.forEach((uri, i) => files.write(uri, articles[i].text));
		const excluded = 'file:///w/node_modules/x/excluded.txt';
		files.write(excluded, articles[20].text);
		const apply = (steps: Generator<void, void>) => Promise.resolve(drain(steps));
		const relisted = updaterOf(files);
		await relisted.updater.scanAll([...uris, excluded], relisted.scan, { apply });
		assert.deepEqual(await relisted.updater.scanAll(uris, relisted.scan, { apply }), { unchanged: 12, same: 0, analysed: 0, notSeed: 0, gone: 0 });
		assert.deepEqual([...relisted.updater.index.uris()].sort(), [...uris].sort());
		assert.deepEqual([...relisted.updater.cacheEntries()].map((file) => file.uri).sort(), [...uris].sort(), 'the excluded file is not cached either');
		const plain = updaterOf(files);
		await plain.updater.scanAll(uris, plain.scan, { apply });
		const askers = askersOf([...plain.updater.index.uris()].map((uri) => plain.updater.index.get(uri) as IndexedArticle).concat([summary(articles[20].text)]));
		assert.deepEqual(answers(relisted.updater.index, askers), answers(plain.updater.index, askers));
	});

	void it('is not loaded when a summary was made with another lexicon: the summaries of this one are served one by one', async () => {
		const files = new MemoryFiles();
		const uris = articles.slice(0, 10).map((_, i) => uriOf(i));
		uris.forEach((uri, i) => files.write(uri, articles[i].text));
		const first = updaterOf(files);
		await first.updater.scanAll(uris, first.scan, { apply });
		const bytes = drain(writeIndexCacheSteps(first.updater.cacheEntries()));
		const second = updaterOf(files, { notEntities: [person] });
		const { files: cached, snapshot } = drain(readIndexCacheContentsSteps(bytes));
		second.updater.useCache(cached);
		assert.ok(snapshot);
		assert.equal(drain(second.updater.loadSnapshotSteps(snapshot)), 0);
		assert.equal(second.updater.index.size, 0, 'nothing of another lexicon served');
	});
});

void describe('the index\'s compact parts', () => {
	void it('shares one list of keys per distinct set of names, and keeps the lists of other names apart', () => {
		const memo = new NameKeyMemo();
		const first = memo.keysOfNames('person', 'Zetta Celik', ['Celik']);
		assert.deepEqual(first, ['person:zetta-celik', 'person:celik']);
		assert.equal(memo.keysOfNames('person', 'Zetta Celik', ['Celik']), first, 'the same array');
		assert.deepEqual(memo.keysOfNames('person', 'Zetta Celik', ['Zetta']), ['person:zetta-celik', 'person:zetta']);
		assert.equal(memo.keysOfNames('person', 'Zetta Celik', ['Celik']), first);
		assert.deepEqual(memo.keysOfNames('organization', 'Zetta Celik', ['Celik']), ['organization:zetta-celik', 'organization:celik']);
	});

	void it('counts and lists a name\'s files the same however they come and go (one file, many, none, again)', () => {
		const article = (names: string[]): IndexedArticle => ({ key: names.join(), lineStarts: [0], headings: [], entities: names.map((name) => ({ canonical: name, type: 'place', aliases: [], spans: [0, 1] })) });
		const index = new WorkspaceEntityIndex();
		const geneva = { type: 'place' as const, canonical: 'Geneva', aliases: [] };
		for (const n of [5, 3, 9, 1]) index.set(`file:///${n}.txt`, article(['Geneva', `Town ${n}`]));
		assert.deepEqual(index.occurrences(geneva).map((o) => o.uri), ['file:///1.txt', 'file:///3.txt', 'file:///5.txt', 'file:///9.txt']);
		assert.equal(index.occurrenceSummary(geneva, 'file:///3.txt', 2).count, 3);
		for (const n of [3, 9, 1]) index.delete(`file:///${n}.txt`);
		assert.deepEqual(index.occurrences(geneva).map((o) => o.uri), ['file:///5.txt']);
		assert.equal(index.occurrenceSummary(geneva, 'file:///5.txt', 2).count, 0);
		index.delete('file:///5.txt');
		assert.equal(index.occurrences(geneva).length, 0);
		assert.equal(index.entityTotals().place.length, 0);
		index.set('file:///9.txt', article(['Geneva']));
		index.set('file:///2.txt', article(['Geneva', 'Geneva']));
		assert.deepEqual(index.occurrences(geneva).map((o) => o.uri), ['file:///2.txt', 'file:///9.txt']);
		assert.deepEqual(index.entityTotals().place.map((t) => [t.name, t.articles, t.mentions]), [['Geneva', 2, 3]]);
	});
});

