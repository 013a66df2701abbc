// Which article an import goes to: only a plain .txt file name of the import folder, whatever the file says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bratImportTarget, w3cImportTarget } from '../../src/core/claims/exports';

void test('W3C sources name a file of the import folder by their last segment; anything that climbs or is not a .txt article is refused', () => {
	const accepted: [string, string][] = [
		['urn:news-seed:article:950_00000000000000e0.txt', '950_00000000000000e0.txt'],
		['https://example.org/news/a%20b.txt?x=1#t', 'a b.txt'],
		['file:///etc/a.txt', 'a.txt'],
		['/abs/path/a.txt', 'a.txt'],
		['file:///C:/Users/x/a.txt', 'a.txt'],
	];
	for (const [source, fileName] of accepted) {
		assert.deepEqual(w3cImportTarget(source), { fileName }, source);
	}
	const refused = [
		'urn:x:..%2F..%2Fother%2Fa.txt', 'urn:x:..%2f..%2fa.txt', 'https://e.org/news/..%2Fa.txt', 'urn:x:..%5C..%5Cother%5Ca.txt', 'C:\\Users\\x\\a.txt',
		'https://e.org/news/..', 'https://e.org/news/%2E%2E', 'urn:x:a%00.txt', 'urn:x:a%3Ab.txt', 'https://e.org/news/', 'urn:x:', 'https://e.org/passwd',
		'file:///etc/x.claims.json',
	];
	for (const source of refused) {
		const target = w3cImportTarget(source);
		assert.equal(target.fileName, undefined, source);
		assert.match(target.refused ?? '', /its target source ".*" names/, source);
	}
});

void test('brat files name the .txt beside them; a name that is no plain file is refused', () => {
	assert.deepEqual(bratImportTarget('950_00000000000000e0.ann'), { fileName: '950_00000000000000e0.txt' });
	assert.deepEqual(bratImportTarget('A.ANN'), { fileName: 'A.txt' });
	assert.ok(bratImportTarget('..\\a.ann').refused);
	assert.ok(bratImportTarget('a:b.ann').refused);
});
