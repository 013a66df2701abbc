import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXTRA_CITIES, EXTRA_MAJOR_CITIES, EXTRA_ORGS, EXTRA_REGIONS } from '../../src/core/entities/cues';
import { BRANDS } from '../../src/core/entities/data/brands';
import { ORGANIZATIONS } from '../../src/core/entities/data/organizations';
import { cities, countries, fullNames, leadsKnownPhrase, organizations } from '../../src/core/entities/gazetteer';
import { CITIES, REGIONS } from '../../src/core/entities/data/places';

void test('leadsKnownPhrase holds exactly the first words of the names of several words in the lists', () => {
	const names = [...countries, ...ORGANIZATIONS.split('\n'), ...EXTRA_ORGS, ...BRANDS.split('\n'), ...fullNames, ...CITIES.split('\n'), ...REGIONS.split('\n'), ...EXTRA_REGIONS, ...EXTRA_MAJOR_CITIES, ...EXTRA_CITIES];
	const leads = new Set(names.filter((name) => name.includes(' ')).map((name) => name.slice(0, name.indexOf(' '))));
	assert.ok(leads.size > 1000);
	for (const word of leads) assert.ok(leadsKnownPhrase(word), word);
	// Every word of every name, and a few others: a lead exactly when it starts a phrase.
	const probes = new Set([...names.flatMap((name) => name.split(' ')), 'zzyzx', 'said', '', 'york', 'paris']);
	for (const word of probes) assert.equal(leadsKnownPhrase(word), leads.has(word), word);
	for (const name of ['new york', 'united nations', 'world health organization', 'inner mongolia', 'the hague']) {
		assert.ok(countries.has(name) || organizations.has(name) || cities.has(name), `${name} is listed`);
		assert.ok(leadsKnownPhrase(name.split(' ')[0]), name);
	}
	assert.ok(!leadsKnownPhrase('york') && !leadsKnownPhrase('zzyzx'));
});
