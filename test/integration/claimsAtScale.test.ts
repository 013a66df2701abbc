// desktop only: the 9 MB article and sidecar are written with Node (the browser host has no Node).
// 10,000 claims in one article, in a real VS Code (issue 12): the sidecar is read, every claim anchored and drawn,
// and the extension host's event loop is never held long meanwhile (a 10 ms timer's lateness, measured inside the
// host by `newsSeed.hostLatency`). The limit here is generous (NEWS_SEED_HOST_LIMIT_MS, default 1,000 ms: opening
// the 1.4 MB article runs every feature of the extension on it, and the host collects the garbage of a 9 MB file;
// measured on 2 cores at a load average of 3: 301 ms during the read, 342 ms during the open, the test's own
// snapshots included); the 50 ms target is a figure of bench/scaling.bench.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionId, inBrowserHost, waitFor, workspaceFile } from './support';

interface Latency {
	maxLatenessMs: number;
	over50Ms: number;
	ticks: number;
}
interface SnapshotClaim {
	article: string;
	status: string;
	range: number[] | null;
}
interface Snapshot {
	groups: { claims: SnapshotClaim[] }[];
}

const hostLimitMs = Number(process.env.NEWS_SEED_HOST_LIMIT_MS ?? 1_000);
const claimCount = 10_000;

/** An article of `count` paragraphs and its sidecar with one claim per paragraph, as the extension writes it. */
function articleWithClaims(name: string, count: number): { text: string; sidecar: string } {
	const paragraphs = Array.from({ length: count }, (_, i) => `Officials in Town ${i} said the vote would pass. The claim number ${i} is that prices rose ${i % 97}% in a year. Analysts were not surprised.`);
	const text = ` date 2024-03-16 ${paragraphs.join('\n\n')}\n`;
	const claims = [];
	let from = 0;
	for (let i = 0; i < count; i++) {
		// ASCII text: code points and UTF-16 offsets agree.
		const start = text.indexOf('The claim number', from);
		const end = text.indexOf('.', start) + 1;
		from = end;
		claims.push({
			id: `urn:uuid:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
			type: 'Annotation',
			motivation: 'assessing',
			creator: null,
			created: '2024-03-16T12:00:00.000Z',
			modified: '2024-03-16T12:00:00.000Z',
			body: { verdict: i % 3 === 0 ? 'False' : 'Unchecked', claimant: null, note: '', tags: [], sources: [] },
			target: {
				source: name,
				selector: [
					{ type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
					{ type: 'TextPositionSelector', start, end },
				],
			},
			anchoring: { state: 'exact' },
		});
	}
	const sidecar = `${JSON.stringify({ schemaVersion: 2, article: { fileName: name, sha256: '0'.repeat(64), date: '2024-03-16' }, claims }, null, 2)}\n`;
	return { text, sidecar };
}

suite('Claims at scale (10,000 claims in one article)', function () {
	this.timeout(600_000);

	suiteSetup(async () => {
		await vscode.extensions.getExtension(extensionId)?.activate();
	});

	teardown(async () => {
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'stop');
		await closeAllEditors();
	});

	test('an article with a 10,000-claim sidecar opens with every claim anchored and drawn, the host never held long', async function () {
		if (inBrowserHost) {
			// The browser host runs the same code, four to ten times slower on this machine: measured on the desktop.
			this.skip();
		}
		const name = '981_aaaaaaaaaaaaaaaa.txt';
		const { text, sidecar } = articleWithClaims(name, claimCount);
		const article = workspaceFile(name);
		const key = article.toString();
		// The probe runs all along, the test's looks at the claims (the test-only snapshot of 10,000 claims) included:
		// leaving them out would leave the extension's work that runs meanwhile unmeasured too. Each look is timed.
		let snapshotMs = 0;
		const claimsOfArticle = async (): Promise<SnapshotClaim[]> => {
			const t0 = Date.now();
			const snapshot = await vscode.commands.executeCommand<Snapshot>('newsSeed.claims.snapshot');
			snapshotMs = Math.max(snapshotMs, Date.now() - t0);
			return (snapshot?.groups ?? []).flatMap((g) => g.claims).filter((c) => c.article === key);
		};
		const takeMeasure = async (): Promise<Latency> => (await vscode.commands.executeCommand<Latency>('newsSeed.hostLatency', 'stop'))!;
		// Written by Node off the host's thread (a 9 MB write through the API would be the test's own stall), from bytes
		// encoded before the probe starts: encoding 9 MB on this thread held it over a second at load 8, which is the
		// test's own work, not the extension's.
		const { writeFile } = await import('node:fs/promises');
		const textBytes = new TextEncoder().encode(text);
		const sidecarBytes = new TextEncoder().encode(sidecar);
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'start');
		const started = Date.now();
		await writeFile(article.fsPath, textBytes);
		await writeFile(article.fsPath.replace(/\.txt$/, '.claims.json'), sidecarBytes);
		// What the extension does while the files are written (a watcher's event may come in meanwhile).
		const writing = await takeMeasure();
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'start');
		// The store sees the new sidecar (file watcher), reads it and anchors its claims in the article's file.
		await waitFor('every claim read and anchored', async () => {
			const claims = await claimsOfArticle();
			return claims.length === claimCount && claims.every((c) => c.status === 'anchored') ? claims : undefined;
		}, 300_000);
		const read = await takeMeasure();
		console.log(`      sidecar of 10,000 claims read and anchored in ${Date.now() - started} ms; the extension host was held at most ${read.maxLatenessMs.toFixed(0)} ms (${read.over50Ms} times over 50 ms)`);
		await vscode.commands.executeCommand('newsSeed.hostLatency', 'start');
		const opened = Date.now();
		const document = await vscode.workspace.openTextDocument(article);
		await vscode.window.showTextDocument(document);
		const drawn = await waitFor('every claim anchored in the open document', async () => {
			const claims = await claimsOfArticle();
			return claims.length === claimCount && claims.every((c) => c.status === 'anchored' && c.range !== null) ? claims : undefined;
		}, 300_000);
		const latency = await takeMeasure();
		console.log(`      article opened and its 10,000 claims anchored and drawn in ${Date.now() - opened} ms; the extension host was held at most ${latency.maxLatenessMs.toFixed(0)} ms (${latency.over50Ms} times over 50 ms); the test's snapshot of the claims took up to ${snapshotMs} ms`);
		assert.equal(drawn.length, claimCount);
		// The first claim is drawn where its text is.
		const first = drawn.find((c) => c.range?.[0] === 0) ?? drawn[0];
		const [line, character, endLine, endCharacter] = first.range as number[];
		assert.match(document.getText(new vscode.Range(line, character, endLine, endCharacter)), /^The claim number \d+ is that prices rose/);
		const figures = `the extension host was held at most ${read.maxLatenessMs.toFixed(0)} ms while the sidecar was read and anchored (${writing.maxLatenessMs.toFixed(0)} ms while it was written), ${latency.maxLatenessMs.toFixed(0)} ms while the article opened and its claims were drawn (limit ${hostLimitMs} ms)`;
		assert.ok(writing.ticks + read.ticks > 10 && latency.ticks > 10, `the probe ran: ${figures}`);
		assert.ok(writing.maxLatenessMs < hostLimitMs && read.maxLatenessMs < hostLimitMs && latency.maxLatenessMs < hostLimitMs, figures);
	});
});
