// Undo and redo of claim changes: several levels, redo cleared by a new change, bounded, and no step applies
// over a claim that changed meanwhile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, updateClaimBody, type Claim } from '../../src/core/claims';
import { ClaimHistory, isCurrent, type ClaimChange } from '../../src/core/claims/claimHistory';
import { seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';

const text = ' date 2024-03-16 Mayor Ana Ruiz said the bridge cost 5 million dollars.';
const tagged = createClaim(text, spanOf(text, 'the bridge cost 5 million dollars'), { verdict: 'Unchecked' }, new Date('2024-03-17T09:00:00Z'), seededRandomBytes(1));
const judged = updateClaimBody(tagged, { verdict: 'False' }, new Date('2024-03-17T09:01:00Z'));
const noted = updateClaimBody(judged, { note: 'Budget papers say 4.2.' }, new Date('2024-03-17T09:02:00Z'));

function change(kind: ClaimChange['kind'], before: Claim | null, after: Claim | null): ClaimChange {
	return { kind, articleKey: 'file:///a.txt', claimId: tagged.id, before, after };
}

void test('history: undo walks back several levels, redo forward again; a new change clears redo', () => {
	const history = new ClaimHistory();
	history.record(change('tag', null, tagged));
	history.record(change('verdict', tagged, judged));
	history.record(change('note', judged, noted));
	const first = history.peekUndo();
	assert.equal(first?.target, judged, 'undoing the note puts the judged claim back');
	assert.equal(first?.expected, noted);
	history.commitUndo();
	assert.equal(history.peekUndo()?.target, tagged);
	history.commitUndo();
	assert.equal(history.peekUndo()?.target, null, 'undoing the tagging removes the claim');
	history.commitUndo();
	assert.equal(history.peekUndo(), undefined);
	assert.equal(history.redoCount, 3);
	assert.equal(history.peekRedo()?.target, tagged, 'redo tags it again, as it was');
	assert.equal(history.peekRedo()?.expected, null);
	history.commitRedo();
	assert.equal(history.peekRedo()?.target, judged);
	history.record(change('remove', tagged, null));
	assert.equal(history.redoCount, 0, 'a new change clears the redo side');
	assert.equal(history.undoCount, 2);
});

void test('history: bounded; the latest change is known; a failed step can be dropped', () => {
	const history = new ClaimHistory(2);
	const changes = [change('tag', null, tagged), change('verdict', tagged, judged), change('note', judged, noted)];
	changes.forEach((c) => history.record(c));
	assert.equal(history.undoCount, 2, 'the oldest change was dropped');
	assert.ok(history.isLatest(changes[2]));
	assert.ok(!history.isLatest(changes[1]));
	history.discard('undo');
	assert.ok(history.isLatest(changes[1]));
});

void test('history: a step applies only while the claim is as the change left it', () => {
	assert.ok(isCurrent(judged, judged));
	assert.ok(isCurrent(null, undefined), 'absent as expected');
	assert.ok(!isCurrent(null, tagged), 'expected absent, but it is there');
	assert.ok(!isCurrent(judged, null), 'expected, but removed meanwhile');
	assert.ok(!isCurrent(judged, noted), 'changed meanwhile');
	const moved: Claim = { ...judged, target: { ...judged.target, position: { start: judged.target.position.start + 5, end: judged.target.position.end + 5 } } };
	assert.ok(isCurrent(judged, moved), 'moving with the text is not a change');
});
