import * as assert from 'node:assert/strict';
import { closeAllEditors, currentLanguage, openDocument, sleep, waitFor, workspaceFile } from './support';

/** Names that look almost like `NNN_<16 lowercase hex>.txt` and must not be taken for seed files. */
const nearMisses = [
	'12_0123456789abcdef.txt',
	'1234_0123456789abcdef.txt',
	'123_0123456789ABCDEF.txt',
	'123_0123456789abcde.txt',
	'123_0123456789abcdef0.txt',
	'123_0123456789abcdeg.txt',
	'123-0123456789abcdef.txt',
];

/** Long enough for the extension to have reacted to the open events, had it wanted to switch a language. */
const settleMs = 1000;

suite('language', () => {
	suiteTeardown(closeAllEditors);

	test('a pattern-named file opens as news-seed', async () => {
		assert.equal((await openDocument('001_820dad7cbcc6459d.txt')).languageId, 'news-seed');
		assert.equal((await openDocument('900_0123456789abcdef.txt')).languageId, 'news-seed');
	});

	test('a pattern-named file without a dateline still opens as news-seed', async () => {
		assert.equal((await openDocument('901_fedcba9876543210.txt')).languageId, 'news-seed');
	});

	test('a renamed seed file whose first line is a dateline is switched to news-seed', async () => {
		const document = await openDocument('renamed-article.txt');
		await waitFor('renamed-article.txt to become news-seed', () =>
			currentLanguage(document.uri) === 'news-seed' ? true : undefined);
	});

	suite('files that are not seed files', () => {
		// Opened together, then given one settling period, instead of one wait per file.
		suiteSetup(async () => {
			await Promise.all(['notes.txt', '123_0123456789abcdef.txt.bak', ...nearMisses].map(openDocument));
			await sleep(settleMs);
		});

		test('a plain .txt without a dateline stays plaintext', () => {
			assert.equal(currentLanguage(workspaceFile('notes.txt')), 'plaintext');
		});

		for (const name of nearMisses) {
			test(`${name} stays plaintext`, () => {
				assert.equal(currentLanguage(workspaceFile(name)), 'plaintext');
			});
		}

		test('a seed-like name with another extension is not news-seed', () => {
			assert.notEqual(currentLanguage(workspaceFile('123_0123456789abcdef.txt.bak')), 'news-seed');
		});
	});
});
