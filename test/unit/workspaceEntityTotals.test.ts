// The workspace's entity totals (the Entities view's workspace mode): counts across files, kept as files come and
// go, equal at every step to a count made from scratch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/entities/articleEntities';
import { entitySlug, type Entity, type EntityType } from '../../src/core/entities/index';
import { indexKey, mentionCount, summarizeArticle, type IndexedArticle, type IndexedEntity } from '../../src/core/entities/indexedArticle';
import { entityWithIds, WorkspaceEntityIndex, type WorkspaceEntityTotal } from '../../src/core/entities/workspaceEntityIndex';
import { seededRandom } from '../support/seededRandom';

function summary(text: string): IndexedArticle {
	return summarizeArticle(indexKey(text, undefined), text, analyzeArticle(text));
}

const maria = ' date 2025-01-22 Swedish Foreign Minister Maria Ortega-Lindqvist arrived in Geneva. Ortega-Lindqvist spoke.\n\nThe World Health Organization agreed.';
const shortName = ' date 2025-02-01 Ortega-Lindqvist returned to Geneva on Monday, officials said.';
const sven = ' date 2025-02-03 Sven Ortega-Lindqvist, a cousin, lives in Malmo. Ortega-Lindqvist works in Geneva.';

/** The totals as [name, mentions, articles] rows of one type. */
function rows(index: WorkspaceEntityIndex, type: EntityType): [string, number, number][] {
	return index.entityTotals()[type].map((t) => [t.name, t.mentions, t.articles]);
}

void describe('workspace entity totals', () => {
	void it('counts mentions and articles per entity across files, by type, most mentioned first', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(maria));
		index.set('file:///b.txt', summary(shortName));
		assert.deepEqual(rows(index, 'place'), [['Geneva', 2, 2]]);
		assert.deepEqual(rows(index, 'organization'), [['World Health Organization', 1, 1]]);
		// The article that only says "Ortega-Lindqvist" counts for the one full name written so.
		assert.deepEqual(rows(index, 'person'), [['Maria Ortega-Lindqvist', 3, 2]]);
		const [person] = index.entityTotals().person;
		assert.deepEqual(person.keys, ['person:maria-ortega-lindqvist', 'person:ortega-lindqvist']);
		assert.deepEqual(index.entityArticles(person), [{ uri: 'file:///a.txt', mentions: 2 }, { uri: 'file:///b.txt', mentions: 1 }]);
	});

	void it('in steps: yields on many names, and keeps no answer if the index changed meanwhile', () => {
		const index = new WorkspaceEntityIndex();
		for (let i = 0; i < 12_000; i += 1_000) {
			const names = Array.from({ length: 1_000 }, (_, j) => `Delegate ${String.fromCharCode(65 + (j % 26))}${String.fromCharCode(65 + Math.floor(j / 26) % 26)}${String.fromCharCode(65 + Math.floor((i + j) / 676) % 26)}ovic said.`).join(' ');
			index.set(`file:///${i}.txt`, summary(` date 2025-01-01 ${names}`));
		}
		const whole = index.entityTotals();
		const people = whole.person.length;
		assert.ok(people > 5_000, `${people} people`);
		index.set('file:///extra.txt', summary(maria));
		const steps = index.entityTotalsSteps();
		assert.equal(steps.next().done, false, 'thousands of names: not one step');
		index.delete('file:///extra.txt');
		let step = steps.next();
		while (!step.done) step = steps.next();
		assert.ok(step.value.place.some((total) => total.key === 'place:geneva'), 'the names were taken before the change');
		assert.deepEqual(index.entityTotals(), whole, 'the answer computed while the index changed was not kept');
	});

	void it('keeps a short name apart once two full names are written so', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(maria));
		index.set('file:///b.txt', summary(shortName));
		index.set('file:///c.txt', summary(sven));
		assert.deepEqual(rows(index, 'person'), [['Maria Ortega-Lindqvist', 2, 1], ['Sven Ortega-Lindqvist', 2, 1], ['Ortega-Lindqvist', 1, 1]]);
		assert.deepEqual(rows(index, 'place'), [['Geneva', 3, 3], ['Malmo', 1, 1]]);
		const geneva = index.entityTotals().place[0];
		assert.deepEqual(index.entityArticles(geneva), [
			{ uri: 'file:///a.txt', mentions: 1 }, { uri: 'file:///b.txt', mentions: 1 }, { uri: 'file:///c.txt', mentions: 1 },
		]);
		index.delete('file:///c.txt');
		assert.deepEqual(rows(index, 'person'), [['Maria Ortega-Lindqvist', 3, 2]], 'folded again once Sven is gone');
	});

	void it('follows replaced and deleted files, and answers from its cache while the index is unchanged', () => {
		const index = new WorkspaceEntityIndex();
		index.set('file:///a.txt', summary(maria));
		const first = index.entityTotals();
		assert.equal(index.entityTotals(), first, 'the same answer, not computed again');
		const version = index.version;
		index.set('file:///a.txt', summary(' date 2025-02-01 Officials met in Paris and in Paris again.'));
		assert.notEqual(index.version, version);
		assert.deepEqual(rows(index, 'place'), [['Paris', 2, 1]]);
		assert.deepEqual(rows(index, 'person'), []);
		index.delete('file:///a.txt');
		assert.deepEqual(index.entityTotals(), { person: [], organization: [], place: [] });
		index.set('file:///a.txt', summary(maria));
		index.clear();
		assert.deepEqual(index.entityTotals(), { person: [], organization: [], place: [] });
	});

	void it('equals a count from scratch after every one of many random changes', () => {
		const random = seededRandom(7);
		const people = ['Ana Silva', 'Ben Okafor', 'Chen Wei', 'Dora Silva'];
		const places = ['Lagos', 'Lima', 'Oslo'];
		const texts: string[] = [];
		for (let i = 0; i < 12; i++) {
			const sentences: string[] = [];
			for (let j = 0; j < 4; j++) {
				const person = people[Math.floor(random() * people.length)];
				const surnameOnly = random() < 0.4;
				sentences.push(`${surnameOnly ? person.split(' ')[1] : person} spoke in ${places[Math.floor(random() * places.length)]} on Monday.`);
			}
			texts.push(` date 2025-03-0${(i % 9) + 1} ${sentences.join(' ')}`);
		}
		const summaries = texts.map(summary);
		const index = new WorkspaceEntityIndex();
		const live = new Map<string, IndexedArticle>();
		for (let step = 0; step < 300; step++) {
			const uri = `file:///${Math.floor(random() * 20)}.txt`;
			if (random() < 0.3) {
				index.delete(uri);
				live.delete(uri);
			} else {
				const article = summaries[Math.floor(random() * summaries.length)];
				index.set(uri, article);
				live.set(uri, article);
			}
			const totals = index.entityTotals();
			const expected = fromScratch(live);
			for (const type of ['person', 'organization', 'place'] as const) {
				assert.deepEqual(totals[type].map(plain).sort(byKey), expected[type].sort(byKey), `step ${step}, ${type}`);
				for (const total of totals[type]) {
					const files = index.entityArticles(total);
					assert.equal(files.length, total.articles);
					assert.equal(files.reduce((sum, file) => sum + file.mentions, 0), total.mentions);
				}
			}
		}
	});
});

void describe('entityWithIds', () => {
	const mention = (start: number, text: string) => ({ start, end: start + text.length, text, type: 'person' as const });
	const entities: Entity[] = [
		{ id: 'person:ortega-lindqvist', canonical: 'Ortega-Lindqvist', type: 'person', aliases: [], mentions: [mention(40, 'Ortega-Lindqvist'), mention(90, 'Ortega-Lindqvist')] },
		{ id: 'place:geneva', canonical: 'Geneva', type: 'place', aliases: [], mentions: [mention(20, 'Geneva')] },
		{ id: 'person:maria-ortega-lindqvist', canonical: 'Maria Ortega-Lindqvist', type: 'person', aliases: [], mentions: [mention(5, 'Maria Ortega-Lindqvist')] },
	];

	void it('gathers the article\'s entities of a workspace entity\'s names, every mention in text order', () => {
		const found = entityWithIds(entities, ['person:maria-ortega-lindqvist', 'person:ortega-lindqvist']);
		assert.equal(found?.canonical, 'Ortega-Lindqvist');
		assert.deepEqual(found?.mentions.map((m) => m.start), [5, 40, 90]);
		assert.equal(entityWithIds(entities, ['place:geneva']), entities[1], 'one entity: itself');
		assert.equal(entityWithIds(entities, ['place:paris']), undefined);
	});
});

type PlainTotal = Pick<WorkspaceEntityTotal, 'key' | 'mentions' | 'articles'> & { keys: string[] };

function plain(total: WorkspaceEntityTotal): PlainTotal {
	return { key: total.key, keys: [...total.keys].sort(), mentions: total.mentions, articles: total.articles };
}

function byKey(x: PlainTotal, y: PlainTotal): number {
	return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}

/** The totals computed directly from every file's entities, with the folding rule written out plainly. */
function fromScratch(files: ReadonlyMap<string, IndexedArticle>): Record<EntityType, PlainTotal[]> {
	const key = (entity: IndexedEntity, name: string) => `${entity.type}:${entitySlug(name)}`;
	const canonical = new Map<string, { mentions: number; files: Set<string> }>();
	const aliasUsers = new Map<string, Set<string>>();
	for (const [uri, article] of files) {
		for (const entity of article.entities) {
			const own = key(entity, entity.canonical);
			const entry = canonical.get(own) ?? { mentions: 0, files: new Set<string>() };
			entry.mentions += mentionCount(entity);
			entry.files.add(uri);
			canonical.set(own, entry);
			for (const alias of entity.aliases) {
				const aliasKey = key(entity, alias);
				if (aliasKey === own) continue;
				aliasUsers.set(aliasKey, (aliasUsers.get(aliasKey) ?? new Set()).add(own));
			}
		}
	}
	const foldInto = (k: string): string | undefined => {
		const users = [...(aliasUsers.get(k) ?? [])].filter((u) => u !== k && canonical.has(u));
		return users.length === 1 ? users[0] : undefined;
	};
	const groups = new Map<string, string[]>();
	for (const k of canonical.keys()) {
		const into = foldInto(k);
		const root = into !== undefined && foldInto(into) === undefined ? into : k;
		groups.set(root, [...(groups.get(root) ?? []), k]);
	}
	const result: Record<EntityType, PlainTotal[]> = { person: [], organization: [], place: [] };
	for (const [root, keys] of groups) {
		const files = new Set(keys.flatMap((k) => [...canonical.get(k)!.files]));
		const mentions = keys.reduce((sum, k) => sum + canonical.get(k)!.mentions, 0);
		result[root.slice(0, root.indexOf(':')) as EntityType].push({ key: root, keys: [...keys].sort(), mentions, articles: files.size });
	}
	return result;
}
