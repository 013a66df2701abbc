import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildEntityHoverMarkdown, type EntityHoverInput } from '../../src/core/entities/entityHoverCard';
import { commandLink } from '../../src/core/text/markdown';

const base: EntityHoverInput = {
	canonical: 'Maria Ortega-Lindqvist',
	type: 'person',
	otherNames: ['Ortega-Lindqvist'],
	mentionCount: 4,
	firstLine: 1,
	firstSentence: 'A deal that Swedish Foreign Minister Maria Ortega-Lindqvist described as "fragile but real."',
	otherArticles: [{ label: '003_18d37b13e9231876.txt', link: commandLink('newsSeed.entities.openArticle', [{ uri: 'file:///w/003.txt' }]), mentions: 2 }],
	otherArticleCount: 1,
	indexing: false,
	notes: '',
	links: [],
	declared: false,
	findMentionsLink: commandLink('newsSeed.entities.findMentions', [{ id: 'person:maria-ortega-lindqvist' }]),
	editNoteLink: commandLink('newsSeed.entities.editNote', [{ canonical: 'Maria Ortega-Lindqvist' }]),
};

/** The Markdown links of a card, as [label, target] pairs (labels unescaped only of backslashes). */
function links(markdown: string): string[] {
	return [...markdown.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g)].map((m) => m[2]);
}

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
