// The editor-side claims core: claimant cues, tracking through edits, navigation, hover Markdown, view groups.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClaim, DEFAULT_VERDICTS, prepareArticle, UNANCHORED, type Claim } from '../../src/core/claims';
import { suggestClaimant } from '../../src/core/claims/claimantCue';
import { adjacentClaim, claimsAt, trimSpan } from '../../src/core/claims/claimNavigation';
import { claimHoverMarkdown, claimLabel, groupClaims, verdictThemeColorId } from '../../src/core/claims/claimPresentation';
import { countClaims, refreshTargets, trackClaims, trackEdits, upsertTracked, type TrackedClaim } from '../../src/core/claims/claimTracking';
import { escapeMarkdownInline } from '../../src/core/text/markdown';
import { seededRandomBytes, spanOf } from '../fixtures/claims/claimTestKit';

const now = new Date('2024-03-17T09:00:00.000Z');
const text = [
	' date 2024-03-16 Fans 🎉🎉 cheered. Mayor Ana Ruiz said the bridge cost 5 million dollars.',
	'',
	'According to the treasurer, taxes will not rise next year. Critics said the vote was rushed.',
].join('\n');

function claimOn(source: string, needle: string, verdict = 'Unchecked', seed = 1): Claim {
	return createClaim(source, spanOf(source, needle), { verdict }, now, seededRandomBytes(seed));
}

const commands = { setVerdict: 'newsSeed.setVerdict', editNote: 'newsSeed.editNote', remove: 'newsSeed.removeClaim', accept: 'newsSeed.acceptClaimAnchor' };

void test('claimant: "X said", "said X", "according to X", titles dropped, pronouns refused', () => {
	assert.equal(suggestClaimant('Mayor Ana Ruiz said the bridge cost 5 million dollars.'), 'Ana Ruiz');
	assert.equal(suggestClaimant('Núñez told reporters on Monday that it was over.'), 'Núñez');
	assert.equal(suggestClaimant('According to the World Health Organization, cases rose.'), 'World Health Organization');
	assert.equal(suggestClaimant('"It works," said Maria Ortega-Lindqvist.'), 'Maria Ortega-Lindqvist');
	assert.equal(suggestClaimant('Deputy Assistant Secretary of State Harlan Pierce, who attended as an observer, said Washington agrees.'), 'Harlan Pierce');
	assert.equal(suggestClaimant('Mr. Pierce later told reporters that nothing changed.'), 'Pierce');
	assert.equal(suggestClaimant('He said the deal was fragile.'), null);
	assert.equal(suggestClaimant('The agreement covers 4.5 million tonnes of grain.'), null);
});

void test('tracking: claims move with edits above them; a claim whose text is replaced is searched again, else unanchored', () => {
	const claims = [claimOn(text, 'the bridge cost 5 million dollars'), claimOn(text, 'taxes will not rise next year', 'False', 2)];
	const tracked = trackClaims(prepareArticle(text), claims);
	assert.deepEqual(tracked.map((t) => t.anchor.status), ['anchored', 'anchored']);
	const inserted = 'New paragraph 🚀.\n\n';
	const at = text.indexOf('According');
	const after = text.slice(0, at) + inserted + text.slice(at);
	const moved = trackEdits(tracked, [{ start: at, end: at, text: inserted }], after);
	assert.equal(moved[0], tracked[0], 'a claim above the edit is the same object');
	assert.deepEqual(moved[1].anchor.span, { start: spanOf(text, 'taxes will not rise').start + inserted.length, end: spanOf(text, 'next year').end + inserted.length });
	// A reload replaces the whole line: the claim is found again by its quote.
	const line = after.slice(after.indexOf('According'));
	const reloaded = after.replace(line, line.replace('Critics', 'Opponents'));
	const start = after.indexOf('According');
	const again = trackEdits(moved, [{ start, end: after.length, text: reloaded.slice(start) }], reloaded);
	assert.equal(again[1].anchor.status, 'anchored');
	assert.equal(reloaded.slice(again[1].anchor.span!.start, again[1].anchor.span!.end), 'taxes will not rise next year');
	// Deleting the sentence: unanchored, kept.
	const sentence = spanOf(reloaded, 'According to the treasurer, taxes will not rise next year. ');
	const deleted = reloaded.slice(0, sentence.start) + reloaded.slice(sentence.end);
	const gone = trackEdits(again, [{ start: sentence.start, end: sentence.end, text: '' }], deleted);
	assert.equal(gone[1].anchor.status, 'unanchored');
	assert.equal(gone[1].claim, claims[1], 'the stored claim is kept as it was');
	assert.equal(trackEdits(gone, [], deleted), gone, 'no edit, same array');
	assert.equal(trackEdits(gone, [{ start: 0, end: 0, text: 'x' }], `x${deleted}`)[1].anchor.status, 'unanchored', 'typing elsewhere does not search');
	const undone = trackEdits(gone, [{ start: sentence.start, end: sentence.start, text: reloaded.slice(sentence.start, sentence.end) }], reloaded);
	assert.equal(undone[1].anchor.status, 'anchored', 'an undo brings it back');
	assert.equal(reloaded.slice(undone[1].anchor.span!.start, undone[1].anchor.span!.end), 'taxes will not rise next year');
});

void test('tracking: a re-read keeps live anchors of unchanged targets; refreshTargets stores the moved positions', () => {
	const claim = claimOn(text, 'Critics said the vote was rushed');
	const tracked = trackClaims(prepareArticle(text), [claim]);
	const edited = `XYZ ${text}`;
	const moved = trackEdits(tracked, [{ start: 0, end: 0, text: 'XYZ ' }], edited);
	const reread = trackClaims(prepareArticle(edited), [claim], moved);
	assert.equal(reread[0].anchor, moved[0].anchor);
	const refreshed = refreshTargets(moved, prepareArticle(edited));
	assert.equal(refreshed[0].claim.target.position.start, claim.target.position.start + 4);
	assert.equal(refreshed[0].claim.modified, claim.modified, 'moving is not a change of the assessment');
	assert.throws(() => upsertTracked([], claim), RangeError);
	const counts = countClaims([...refreshed, { claim: claimOn(text, 'Fans', 'False', 3), anchor: UNANCHORED }]);
	assert.equal(counts.total, 2);
	assert.equal(counts.unanchored, 1);
	assert.equal(counts.byVerdict.get('False'), 1);
});

void test('navigation: claims at a cursor innermost first; next and previous wrap; trimmed spans', () => {
	const outer = claimOn(text, 'Mayor Ana Ruiz said the bridge cost 5 million dollars.', 'True', 1);
	const inner = claimOn(text, 'the bridge cost', 'False', 2);
	const last = claimOn(text, 'Critics said', 'Half true', 3);
	const tracked = trackClaims(prepareArticle(text), [last, outer, inner]);
	const at = text.indexOf('bridge');
	assert.deepEqual(claimsAt(tracked, at).map((t) => t.claim.id), [inner.id, outer.id]);
	assert.deepEqual(claimsAt(tracked, 0), []);
	assert.equal(adjacentClaim(tracked, 0, 1)?.claim.id, outer.id);
	assert.equal(adjacentClaim(tracked, spanOf(text, 'Mayor').start, 1)?.claim.id, inner.id);
	assert.equal(adjacentClaim(tracked, spanOf(text, 'Critics').start, 1)?.claim.id, outer.id, 'wraps to the first');
	assert.equal(adjacentClaim(tracked, 0, -1)?.claim.id, last.id, 'wraps to the last');
	assert.equal(adjacentClaim([], 0, 1), undefined);
	assert.deepEqual(trimSpan(' a b \n', { start: 0, end: 6 }), { start: 1, end: 4 });
});

void test('hover Markdown: escaped fields and note, our links only, exactly their commands enabled', () => {
	const claim = { ...claimOn(text, 'the bridge cost 5 million dollars', 'Mostly false'), creator: '*Eve*' };
	const hostile: Claim = { ...claim, body: { ...claim.body, claimant: '[x](command:evil)', note: 'See [this](command:newsSeed.removeClaim?%5B%22id%22%5D) and <img src=x>', sources: ['https://example.org/a(b)', 'javascript:alert(1)'] } };
	const [tracked] = trackClaims(prepareArticle(text), [hostile]);
	const { markdown, enabledCommands } = claimHoverMarkdown(tracked, DEFAULT_VERDICTS, commands, false);
	assert.match(markdown, /\*\*Claim: Mostly false\*\* \\\(2\\\)/);
	assert.ok(!/\]\(command:newsSeed\.removeClaim\?%5B%22id/.test(markdown), 'the note cannot run a command');
	assert.ok(markdown.includes('Claimant: \\[x\\]\\(command\\:evil\\)'), markdown);
	assert.ok(markdown.includes(`[${escapeMarkdownInline('https://example.org/a(b)')}](https://example.org/a%28b%29)`), 'an http source is a link, its parentheses encoded');
	assert.ok(markdown.includes('javascript\\:alert\\(1\\)') && !markdown.includes('](javascript:'));
	assert.ok(markdown.includes(`command:newsSeed.setVerdict?${encodeURIComponent(JSON.stringify([claim.id]))}`));
	assert.ok(markdown.includes('by \\*Eve\\*'));
	assert.deepEqual(enabledCommands, [commands.setVerdict, commands.editNote, commands.remove], 'exactly the commands linked');
	const readOnly = claimHoverMarkdown(tracked, DEFAULT_VERDICTS, commands, true);
	assert.ok(!readOnly.markdown.includes('command:newsSeed'), 'no edit links on read-only claims');
	assert.deepEqual(readOnly.enabledCommands, [], 'and no command enabled');
	const fuzzy: TrackedClaim = { claim: hostile, anchor: { status: 'fuzzy', span: tracked.anchor.span, score: 0.9 } };
	const changed = claimHoverMarkdown(fuzzy, DEFAULT_VERDICTS, commands, false);
	assert.match(changed.markdown, /\[Confirm\]\(command:newsSeed\.acceptClaimAnchor/);
	assert.equal(changed.enabledCommands[0], commands.accept);
});

void test('theme colour ids for the default scale only; labels shortened on a word', () => {
	assert.deepEqual(DEFAULT_VERDICTS.map(verdictThemeColorId), ['newsSeed.claim.true', 'newsSeed.claim.mostlyTrue', 'newsSeed.claim.halfTrue', 'newsSeed.claim.mostlyFalse', 'newsSeed.claim.false', 'newsSeed.claim.unverifiable', 'newsSeed.claim.unchecked']);
	assert.equal(verdictThemeColorId({ label: 'True', rating: 5, color: '#000000' }), null, 'a recoloured default uses its own colour');
	assert.equal(verdictThemeColorId({ label: 'Pants on fire', rating: 0, color: '#ff0000' }), null);
	const [long] = trackClaims(prepareArticle(text), [claimOn(text, 'According to the treasurer, taxes will not rise next year. Critics said the vote was rushed.')]);
	assert.equal(claimLabel(long, 40), 'According to the treasurer, taxes will…');
});

void test('view groups: by article or verdict, Unanchored last, filters, damaged sidecars listed', () => {
	const a = trackClaims(prepareArticle(text), [claimOn(text, 'Critics said', 'False', 1), claimOn(text, 'Fans', 'True', 2)]);
	const gone: TrackedClaim = { claim: claimOn(text, 'taxes will not rise', 'Pants on fire', 3), anchor: UNANCHORED };
	const articles = [
		{ key: 'b', name: 'b.txt', problem: null, tracked: [...a, gone] },
		{ key: 'a', name: 'a.txt', problem: '3:5 $.claims: bad', tracked: [] },
	];
	const byArticle = groupClaims(articles, 'article', DEFAULT_VERDICTS);
	assert.deepEqual(byArticle.map((g) => [g.kind, g.label, g.items.length]), [['article', 'a.txt', 0], ['article', 'b.txt', 2], ['unanchored', 'Unanchored', 1]]);
	assert.match(byArticle[0].description, /read-only: 3:5/);
	assert.deepEqual(byArticle[1].items.map((i) => i.tracked.claim.body.verdict), ['True', 'False'], 'in text order');
	const byVerdict = groupClaims(articles, 'verdict', DEFAULT_VERDICTS);
	assert.deepEqual(byVerdict.map((g) => g.label), ['True', 'False', 'Unanchored']);
	const filtered = groupClaims(articles, 'verdict', DEFAULT_VERDICTS, new Set(['true', 'PANTS ON FIRE']));
	assert.deepEqual(filtered.map((g) => g.label), ['False']);
	assert.equal(byVerdict[0].description, '1 claim');
});
