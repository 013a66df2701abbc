// The editor asks at activation whether each workspace folder is in a git repository (to offer the claim merge set-up).
// Starting git holds the extension host's thread (the fork of a large process), so a folder with no `.git` above it
// is answered without git; inside a repository git still decides.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { mayBeInRepository, repositoryRoot } from '../../src/node/git';

void describe('repositoryRoot', () => {
	const work = realpathSync(mkdtempSync(join(tmpdir(), 'news-seed-root-')));
	after(() => rmSync(work, { recursive: true, force: true }));

	void it('answers null for a folder with no .git above it, without starting git', async () => {
		const plain = join(work, 'plain', 'articles');
		mkdirSync(plain, { recursive: true });
		assert.equal(await mayBeInRepository(plain), false, 'git is not started');
		assert.equal(await repositoryRoot(plain), null);
	});

	void it('asks git inside a repository (a .git folder above), and takes a linked work tree\'s .git file', async () => {
		const repository = join(work, 'repo');
		mkdirSync(join(repository, 'a', 'b'), { recursive: true });
		assert.equal(spawnSync('git', ['init', '-q', repository]).status, 0);
		assert.equal(await mayBeInRepository(join(repository, 'a', 'b')), true);
		assert.equal(await repositoryRoot(join(repository, 'a', 'b')), repository);
		const linked = join(work, 'linked');
		mkdirSync(linked);
		writeFileSync(join(linked, '.git'), 'gitdir: /nowhere\n');
		assert.equal(await mayBeInRepository(linked), true);
	});
});
