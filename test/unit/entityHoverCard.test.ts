import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEntityHoverMarkdown, clip, commandLink, escapeMarkdownText, markdownLink, type EntityHoverInput } from '../../src/core/entities/entityHoverCard';

const base: EntityHoverInput = {
	canonical: 'Maria Ortega-Lindqvist',
	type: 'person',
	otherNames: ['Ortega-Lindqvist'],
	mentionCount: 4,
	firstLine: 1,
	firstSentence: 'A deal that Swedish Foreign Minister Maria Ortega-Lindqvist described as "fragile but real."',
	otherArticles: [{ label: '003_18d37b13e9231876.txt', link: commandLink('newsSeed.entities.openArticle', { uri: 'file:///w/003.txt' }), mentions: 2 }],
	otherArticleCount: 1,
	indexing: false,
	notes: '',
	links: [],
	declared: false,
	findMentionsLink: commandLink('newsSeed.entities.findMentions', { id: 'person:maria-ortega-lindqvist' }),
	editNoteLink: commandLink('newsSeed.entities.editNote', { canonical: 'Maria Ortega-Lindqvist' }),
};

/** The Markdown links of a card, as [label, target] pairs (labels unescaped only of backslashes). */
function links(markdown: string): string[] {
	return [...markdown.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g)].map((m) => m[2]);
}

void describe('escapeMarkdownText', () => {
	void it('makes Markdown, HTML, entities, theme icons and links literal', () => {
		const nasty = '*bold* _it_ [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> &amp; $(alert) `code` # h';
		const escaped = escapeMarkdownText(nasty);
		for (const ch of ['*', '_', '[', ']', '(', ')', '<', '>', '&', '$', '`', '#']) {
			assert.ok(!new RegExp(`(^|[^\\\\])\\${ch}`).test(escaped), `unescaped ${ch} in ${escaped}`);
		}
		assert.equal(escaped.replace(/\\(.)/g, '$1'), nasty, 'removing the escapes gives the text back');
	});

	void it('turns line breaks into spaces so a line never starts a heading, list or quote', () => {
		assert.equal(escapeMarkdownText('a\n# b\n> c\n1. d'), 'a \\# b \\> c 1\\. d');
	});

	void it('breaks bare URLs so they are not auto-linked', () => {
		assert.ok(!escapeMarkdownText('see https://example.com/x').includes('https://'));
	});
});

void describe('links', () => {
	void it('percent-encodes command arguments, including parentheses and quotes', () => {
		const link = commandLink('newsSeed.x', { name: "O'Brien (the) [x]" });
		assert.match(link, /^command:newsSeed\.x\?[^()'[\]\s]+$/);
		assert.deepEqual(JSON.parse(decodeURIComponent(link.slice('command:newsSeed.x?'.length))), [{ name: "O'Brien (the) [x]" }]);
	});

	void it('escapes the label and encodes the target of a link', () => {
		assert.equal(markdownLink('a](evil)', 'https://e.org/a (b)'), '[a\\]\\(evil\\)](https://e.org/a%20%28b%29)');
	});

	void it('clips long text at a space with an ellipsis', () => {
		assert.equal(clip('one two three four', 14), 'one two three…');
		assert.equal(clip('one twothreefour', 12), 'one twothree…');
		assert.equal(clip('short', 12), 'short');
	});
});

void describe('buildEntityHoverMarkdown', () => {
	void it('shows name, type icon, other names, mentions, first sentence, other articles and command links', () => {
		const md = buildEntityHoverMarkdown(base);
		assert.ok(md.startsWith('$(person) **Maria Ortega\\-Lindqvist** \u2014 Person'), md);
		assert.match(md, /Also written: \*Ortega\\-Lindqvist\*/);
		assert.match(md, /4 mentions in this article; first on line 1: \u201cA deal that Swedish/);
		assert.match(md, /Mentioned in 1 other article: \[003\\_18d37b13e9231876\\\.txt\]\(command:newsSeed\.entities\.openArticle\?/);
		assert.match(md, /\[Find all mentions\]\(command:newsSeed\.entities\.findMentions\?/);
		assert.match(md, /\[Add a note\]\(command:newsSeed\.entities\.editNote\?/);
	});

	void it('uses the organization and location icons', () => {
		assert.ok(buildEntityHoverMarkdown({ ...base, type: 'organization' }).startsWith('$(organization) '));
		assert.ok(buildEntityHoverMarkdown({ ...base, type: 'place' }).startsWith('$(location) '));
	});

	void it('escapes article text and notes so that they add no link, markup or icon of their own', () => {
		const md = buildEntityHoverMarkdown({
			...base,
			canonical: '[Click](command:evil)',
			otherNames: ['<script>alert(1)</script>'],
			firstSentence: '**Loud** $(bug) text\n# heading\n[x](https://evil.example)',
			notes: 'Note with [link](command:workbench.action.openSettings) and <b>html</b>',
		});
		const targets = links(md);
		assert.equal(targets.length, 3, targets.join('\n'));
		assert.ok(targets.every((t) => t.startsWith('command:newsSeed.entities.')), targets.join('\n'));
		assert.ok(!/(^|[^\\])<|(^|[^\\])\$\(bug/.test(md.split('\n').slice(1).join('\n')), md);
		assert.match(md, /Notes: Note with \\\[link\\\]/);
		assert.match(md, /\[Edit the note\]/);
	});

	void it('says when no other article mentions it, and when the index is still being built', () => {
		assert.match(buildEntityHoverMarkdown({ ...base, otherArticles: [], otherArticleCount: 0 }), /No other article of the workspace mentions it\./);
		assert.match(buildEntityHoverMarkdown({ ...base, otherArticles: [], otherArticleCount: 0, indexing: true }), /still indexing/);
	});

	void it('lists at most five other articles and counts the rest', () => {
		const many = Array.from({ length: 8 }, (_, i) => ({ label: `a${i}.txt`, link: 'command:newsSeed.entities.openArticle', mentions: 1 }));
		const md = buildEntityHoverMarkdown({ ...base, otherArticles: many, otherArticleCount: 8 });
		assert.match(md, /8 other articles: .*, and 3 more/);
	});

	void it('links only http(s) links from the notes', () => {
		const md = buildEntityHoverMarkdown({ ...base, links: ['https://example.org/p', 'javascript:alert(1)'] });
		assert.ok(links(md).includes('https://example.org/p'));
		assert.ok(!links(md).some((t) => t.startsWith('javascript')));
	});
});
