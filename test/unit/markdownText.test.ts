// src/core/text/markdown.ts and everything built with it (claim hover, entity card, Markdown report), against
// hostile user text: the produced Markdown is parsed by a real CommonMark parser (remark-parse), and the only
// links in the tree may be our own command links (listed as enabled) and http(s) links we built on purpose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_VERDICTS, EXACT_ANCHORING, prepareArticle, type Claim } from '../../src/core/claims';
import { trackClaims } from '../../src/core/claims/claimTracking';
import { claimHoverMarkdown } from '../../src/core/claims/claimPresentation';
import { markdownReport, prepareExportArticle } from '../../src/core/claims/exports';
import { buildEntityHoverMarkdown } from '../../src/core/entities/entityHoverCard';
import { commandLink, escapeMarkdownBlock, escapeMarkdownInline, markdownWebLink, webLinkTarget } from '../../src/core/text/markdown';
import { shortenAtWord } from '../../src/core/text/shorten';

/** Notes seen or imagined from a hostile sidecar or news-entities.json. */
export const hostileNotes: readonly string[] = [
	'[see](command\\:newsSeed.removeClaim?%5B%22x%22%5D)',
	'[see](command:newsSeed.removeClaim?%5B%22x%22%5D)',
	'[see](command&#58;newsSeed.removeClaim)',
	'[see](command&colon;newsSeed.removeClaim)',
	'[see](&#99;ommand:newsSeed.removeClaim)',
	'[see](<command:newsSeed.removeClaim>)',
	'<command:newsSeed.removeClaim>',
	'<javascript:alert(1)>',
	'[a][r]\n\n[r]: command:newsSeed.removeClaim',
	'[r]\n\n[r]: javascript:alert(1)',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![x](https://evil.example/track.png)',
	'![x][img]\n\n[img]: https://evil.example/t.png',
	'<img src="https://evil.example/t.png">',
	'<a href="command:newsSeed.removeClaim">x</a>',
	'<a href="javascript:alert(1)">x</a>',
	'www.evil.example and https://evil.example/x and mail@evil.example',
	'    [indented](command:x)\n\n```\n[fenced](command:x)\n```',
	'line one\n> [quoted](command:x)\n- [listed](command:x)\n# [heading](command:x)',
	'\\[escaped\\](command:x) and \\\\[double](command:x)',
	'$(alert) &amp; &lt;script&gt; &#x5B;x&#x5D;(command:x)',
	'[nested [brackets]](command:x "title") [spaced](command:x \'t\')',
	'[see](command\\:newsSeed.removeClaim?%5B%22x%22%5D)\r\n\r\n[r]: data:image/png;base64,AAAA\r![i][r]',
];

function parse(markdown: string): Root {
	return unified().use(remarkParse).parse(markdown);
}

/** Every node of the tree, depth first. */
function* walk(node: Nodes): Generator<Nodes> {
	yield node;
	if ('children' in node) {
		for (const child of node.children) {
			yield* walk(child);
		}
	}
}

/**
 * The URLs a renderer could follow or load: links, images, definitions, and raw HTML (listed as `html:`).
 * An empty list for inert Markdown.
 */
function targets(markdown: string): string[] {
	const out: string[] = [];
	for (const node of walk(parse(markdown))) {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
			out.push(`${node.type}:${node.url}`);
		} else if (node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'html') {
			out.push(`${node.type}:${'value' in node ? node.value : node.identifier}`);
		}
	}
	return out;
}

/** The command ids of `command:` link targets. */
function commandsOf(found: readonly string[]): string[] {
	return found.filter((t) => t.startsWith('link:command:')).map((t) => t.slice('link:command:'.length).replace(/\?.*$/, ''));
}

const text = ' date 2024-05-02 The mayor said the bridge cost 5 million dollars. Critics disagreed.';
const hoverCommands = { setVerdict: 'newsSeed.setVerdict', editNote: 'newsSeed.editNote', remove: 'newsSeed.removeClaim', accept: 'newsSeed.acceptClaimAnchor' };

function claimWith(note: string, extra: Partial<Claim['body']> = {}): Claim {
	const exact = 'the bridge cost 5 million dollars';
	const start = text.indexOf(exact);
	return {
		id: 'urn:uuid:00000000-0000-4000-8000-000000000001', creator: note.slice(0, 20), created: '2024-05-02T10:00:00.000Z', modified: '2024-05-02T10:00:00.000Z',
		body: { verdict: note.slice(0, 15), claimant: note, note, tags: [note], sources: [note], ...extra },
		target: { quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } },
		anchoring: EXACT_ANCHORING,
	};
}

void describe('hostile notes render inert (remark-parse, CommonMark)', () => {
	void it('the hostile list itself does produce links and images when rendered raw (the test can fail)', () => {
		const live = hostileNotes.filter((note) => targets(note).length > 0);
		assert.ok(live.length >= 15, `${live.length} of ${hostileNotes.length} notes are live Markdown`);
	});

	void it('escaped inline or as blocks, no note produces a link, image, definition or HTML, and reads back as its text', () => {
		for (const note of hostileNotes) {
			assert.deepEqual(targets(escapeMarkdownInline(note)), [], `inline: ${note}`);
			assert.deepEqual(targets(escapeMarkdownBlock(note)), [], `block: ${note}`);
			assert.deepEqual(targets(`- **X**: ${escapeMarkdownInline(note)}`), [], `in a list item: ${note}`);
			assert.deepEqual(targets(`> ${escapeMarkdownBlock(note).split('\n').join('\n> ')}`), [], `in a quote: ${note}`);
		}
		assert.equal(escapeMarkdownInline('a_b <c>').replace(/\\(.)/g, '$1'), 'a_b <c>');
	});

	void it('claim hover: every field hostile, only our command links, and exactly those commands enabled', () => {
		for (const note of hostileNotes) {
			const [tracked] = trackClaims(prepareArticle(text), [claimWith(note)]);
			for (const status of ['anchored', 'fuzzy'] as const) {
				const hover = claimHoverMarkdown({ ...tracked, anchor: status === 'fuzzy' ? { status, span: tracked.anchor.span, score: 0.9 } : tracked.anchor }, DEFAULT_VERDICTS, hoverCommands, false);
				const found = targets(hover.markdown);
				assert.deepEqual(found.filter((t) => !t.startsWith('link:command:')), [], `${note}\n${hover.markdown}`);
				assert.deepEqual(commandsOf(found), [...hover.enabledCommands], note);
				assert.ok(hover.enabledCommands.every((c) => Object.values(hoverCommands).includes(c)));
			}
			const readOnly = claimHoverMarkdown(tracked, DEFAULT_VERDICTS, hoverCommands, true);
			assert.deepEqual(targets(readOnly.markdown), [], note);
			assert.deepEqual(readOnly.enabledCommands, []);
		}
	});

	void it('claim hover: an http(s) source is a link with its target fully encoded, anything else text', () => {
		const [tracked] = trackClaims(prepareArticle(text), [claimWith('n', { sources: ['https://example.org/a(b) c"d\'e<f>', 'javascript:alert(1)', 'data:text/html,x', 'HTTPS://EXAMPLE.ORG/'] })]);
		const found = targets(claimHoverMarkdown(tracked, DEFAULT_VERDICTS, hoverCommands, false).markdown).filter((t) => !t.startsWith('link:command:'));
		assert.deepEqual(found, ['link:https://example.org/a%28b%29%20c%22d%27e%3Cf%3E', 'link:HTTPS://EXAMPLE.ORG/']);
	});

	void it('entity card: hostile names, sentence, notes and links give no link but our commands and http(s) links', () => {
		for (const note of hostileNotes) {
			const markdown = buildEntityHoverMarkdown({
				canonical: note, type: 'person', otherNames: [note], mentionCount: 2, firstLine: 1, firstSentence: note,
				otherArticles: [{ label: note, link: commandLink('newsSeed.entities.openArticle', [{ uri: note }]), mentions: 1 }], otherArticleCount: 1, indexing: false,
				notes: note, links: [note, 'javascript:alert(1)', 'https://example.org/ok'], declared: true,
				findMentionsLink: commandLink('newsSeed.entities.findMentions', [{ note }]), editNoteLink: commandLink('newsSeed.entities.editNote', [{ note }]),
			});
			const found = targets(markdown);
			assert.deepEqual(found.filter((t) => !t.startsWith('link:command:')), ['link:https://example.org/ok'], `${note}\n${markdown}`);
			assert.deepEqual(commandsOf(found), ['newsSeed.entities.openArticle', 'newsSeed.entities.findMentions', 'newsSeed.entities.editNote'], note);
		}
	});

	void it('Markdown report: hostile notes, claimants, tags, sources and article text stay text', () => {
		for (const note of hostileNotes) {
			const hostileText = ` date 2024-05-02 ${note.replace(/\s+/g, ' ')} and the bridge cost 5 million dollars.`;
			const claim = claimWith(note);
			const start = hostileText.indexOf(claim.target.quote.exact);
			const article = prepareExportArticle({ fileName: 'a.txt', text: hostileText, iri: 'urn:x:a', claims: [{ ...claim, target: { ...claim.target, position: { start, end: start + claim.target.quote.exact.length } } }] });
			// The report's own link back to the article and line is the only one.
			assert.deepEqual(targets(markdownReport([article])).filter((t) => !/^link:a\.txt(?:#L\d+)?$/.test(t)), [], note);
		}
	});
});

void describe('link builders', () => {
	void it('command links encode their arguments completely: no character of the JSON can end or break the link', () => {
		const args = [{ name: "O'Brien (the) [x] <y> *z* !w\\ \"q\"" }];
		const link = commandLink('newsSeed.x', args);
		assert.match(link, /^command:newsSeed\.x\?[A-Za-z0-9%._~-]+$/);
		assert.deepEqual(JSON.parse(decodeURIComponent(link.slice('command:newsSeed.x?'.length))), args);
		assert.deepEqual(targets(`[go](${link})`), [`link:${link}`]);
		assert.throws(() => commandLink('javascript:alert(1)//', []), /not a command id/);
	});

	void it('web links: http(s) only, every character that could end the target encoded', () => {
		assert.equal(webLinkTarget('https://e.org/a (b)'), 'https://e.org/a%20%28b%29');
		assert.equal(webLinkTarget('javascript:alert(1)'), null);
		assert.equal(webLinkTarget('https:/x'), null);
		assert.equal(webLinkTarget('https://e.org/\ud800'), null);
		assert.equal(markdownWebLink('a](evil)', 'https://e.org/a (b)'), '[a\\]\\(evil\\)](https://e.org/a%20%28b%29)');
		assert.equal(markdownWebLink('data:x', 'data:x'), 'data\\:x');
	});
});

void describe('shortenAtWord', () => {
	void it('cuts at a word with an ellipsis, inside a word when no space is near', () => {
		assert.equal(shortenAtWord('one two three four', 14), 'one two three…');
		assert.equal(shortenAtWord('one twothreefour', 12), 'one twothree…');
		assert.equal(shortenAtWord('short', 12), 'short');
		assert.equal(shortenAtWord('According to the treasurer, taxes will not rise', 27), 'According to the treasurer…');
	});
});
