// Organizations the recognizer proposes and types (issue 11), each class on sentences written for this test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeEntities } from '../../src/core/entities/index';

function found(text: string): string[] {
	return recognizeEntities(text).map((m) => `${m.type}:${m.text}`);
}

void describe('organizations in sports results', () => {
	void it('keeps a team whose name is an English word at the start of a line of scores', () => {
		const text = 'FOOTBALL - NORTHERN LEAGUE RESULTS .\nResults on Saturday :\nCrystal Vale 2 Ashvale 1\nSpinner 4 3 1 0 9 4 10\nMarket Rovers 1 Thornby 1';
		const names = found(text);
		assert.ok(names.includes('organization:Crystal Vale'), names.join(', '));
		assert.ok(names.includes('organization:Spinner'), names.join(', '));
		assert.ok(names.includes('organization:Ashvale'), names.join(', '));
	});

	void it('keeps a title word inside a team on a line of scores, and "St" at the head of a name', () => {
		const names = found('SOCCER - HIGHLAND LEAGUE .\nResults on Saturday :\nQueen of Dunmore 2 Ashvale 1\nSt Avenmore beat them again on Sunday .');
		assert.ok(names.includes('organization:Queen of Dunmore'), names.join(', '));
		assert.ok(names.some((name) => name.endsWith(':St Avenmore')), names.join(', '));
	});

	void it('does not make an ordinary word before a number a team outside a line of scores', () => {
		assert.deepEqual(found('GOLF - SENIOR TOUR .\nRound 3 was abandoned in the rain .'), []);
		assert.deepEqual(found('Spinner 4 was the best of the new models .'), []);
	});

	void it('reads a city the word lists hold among countries as a team in a result, and a nation as a place', () => {
		const names = found('BASEBALL - LATE RESULTS .\nPlayed on Tuesday :\nNew York 5 Cleveland 3\nSingapore 2 Malaysia 1');
		assert.ok(names.includes('organization:New York'), names.join(', '));
		assert.ok(names.includes('place:Singapore'), names.join(', '));
		assert.ok(names.includes('place:Malaysia'), names.join(', '));
	});

	void it('reads either side of "v" in a sports report as a team, but not a nation', () => {
		const names = found('CRICKET - SUMMER FIXTURES .\nThe touring side will play : May 12-14 v Kent ( four days ) , May 18 v Wales .\nLater Harrowby v Surrey at the Oval .');
		assert.ok(names.includes('organization:Kent'), names.join(', '));
		assert.ok(names.includes('organization:Surrey'), names.join(', '));
		assert.ok(names.includes('organization:Harrowby'), names.join(', '));
		assert.ok(names.includes('place:Wales'), names.join(', '));
	});
});

void describe('names defined by an acronym in brackets', () => {
	void it('gives the acronym the type of its name everywhere, even before "said"', () => {
		const names = found('Exports fell in May, the Northland Statistics Office (NSO) said on Monday. Later the NSO said imports rose.');
		assert.deepEqual(names, ['organization:Northland Statistics Office', 'organization:NSO', 'organization:NSO']);
	});

	void it('takes in the lower-case words the acronym spells or skips', () => {
		assert.deepEqual(found('Delegates of the Union for Peace and Progress in Kavala (UPPK) met on Sunday.'), ['organization:Union for Peace and Progress in Kavala', 'organization:UPPK']);
		assert.deepEqual(found('Trading on the Harwell Futures and Options Market (HFM) closed early.'), ['organization:Harwell Futures and Options Market', 'organization:HFM']);
	});

	void it('does not join a person to the name an acronym defines', () => {
		const names = found('Ines Varga of the Western Water Authority (WWA) said supplies were safe.');
		assert.deepEqual(names, ['person:Ines Varga', 'organization:Western Water Authority', 'organization:WWA']);
	});
});

void describe('names led by a capitalised "The" inside a sentence', () => {
	void it('keeps "The" or "All" with a band, a newspaper or a team and makes it an organization', () => {
		assert.deepEqual(found('Tickets for the tour supporting The Cold Lanterns sold out, the singer told The Daily Courier.'), ['organization:The Cold Lanterns', 'organization:The Daily Courier']);
		assert.deepEqual(found('Fiji lost narrowly to the All Greens on Saturday.'), ['place:Fiji', 'organization:All Greens']);
	});

	void it('reads a name after "at The" as a place, and leaves quoted titles and sentence starts alone', () => {
		assert.deepEqual(found('The final was played at The Meadow on Sunday.'), ['place:The Meadow']);
		assert.ok(!found('His novel "The Quiet Orchard" sold well.').some((name) => name.includes('The Quiet')));
		assert.ok(!found('The Cold Lanterns played on.').some((name) => name.startsWith('organization:The')));
	});
});

void describe('names led by a capitalised particle', () => {
	void it('keeps "Le", "La", "Los" at the head of a name, also at a sentence start', () => {
		assert.deepEqual(found('The story first ran in Le Courrier newspaper on Monday.'), ['organization:Le Courrier']);
		assert.deepEqual(recognizeEntities('Los Palmeros won again on Sunday.').map((m) => m.text), ['Los Palmeros']);
		assert.deepEqual(found('In La Paz, police said the march was peaceful.'), ['place:La Paz']);
	});

	void it('still drops a lower-case particle at either end of a name', () => {
		assert.deepEqual(found('He met Ruiz de on Monday.'), ['person:Ruiz']);
	});
});

void describe('organizations told by what is said of them', () => {
	void it('reads "X was founded" and "X is a <kind of organization>" as an organization', () => {
		assert.deepEqual(found('Korvella was founded in 1921 by two brothers.'), ['organization:Korvella']);
		assert.deepEqual(found('Tarnix is a Danish chain of garden centres.'), ['organization:Tarnix']);
		assert.deepEqual(found('In 1988 he joined the band Marrowfield as its drummer.'), ['organization:Marrowfield']);
	});

	void it('does not read a person described by a phrase holding a kind of organization as one', () => {
		assert.deepEqual(found('Tolvanen is a member of the party executive.'), ['person:Tolvanen']);
		assert.deepEqual(found('Tolvanen was a band leader in the 1960s.'), ['person:Tolvanen']);
	});
});

void describe('people in lists of results are no teams', () => {
	void it('keeps a competitor whole before the country in brackets, and a person', () => {
		const names = found('ATHLETICS - MEETING RESULTS .\n2. Michael Stone ( Jamaica ) 10.09\n5. Trine Wolde ( Norway ) 64.20\nTeam : Benvolia ( Italy ) 92 Daruma ( Japan ) 81');
		assert.deepEqual(names, ['person:Michael Stone', 'place:Jamaica', 'person:Trine Wolde', 'place:Norway', 'organization:Benvolia', 'place:Italy', 'organization:Daruma', 'place:Japan']);
	});
});

void describe('names that are none of the three types', () => {
	void it('drops the name of an index or a contract', () => {
		assert.deepEqual(found('The Vexdaq composite index rose 3 points and the Orbex 100 index fell.'), []);
		assert.deepEqual(found('Traders sold Kalvik futures on Monday.'), []);
	});

	void it('keeps a place before such a word', () => {
		assert.deepEqual(found('Trading in Tokyo futures was thin.'), ['place:Tokyo']);
	});
});

void describe('organizations with a plural possessive inside', () => {
	void it('keeps "Traders\' Association" whole', () => {
		assert.deepEqual(found("In other news, the Halden Bond Traders' Association said it backed the plan."), ["organization:Halden Bond Traders' Association"]);
	});

	void it('does not join a possessive before an ordinary name', () => {
		const names = found("The Lindqvists' Volvo was found in Umea.");
		assert.ok(!names.some((name) => name.includes("'")), names.join(', '));
	});
});

void describe('the short name of a company the article named in full', () => {
	void it('types the distinctive word of a company name as the company, even before "said"', () => {
		const names = found('The telecoms group KM Varnsson AB won an order on Friday. Varnsson said deliveries would start soon.');
		assert.deepEqual(names, ['organization:KM Varnsson AB', 'organization:Varnsson']);
	});

	void it('leaves a person named like a company a person when the article names the person in full', () => {
		const names = found('Halvorsen Shipping AB won an order. Lars Halvorsen said deliveries would start soon. Halvorsen added more.');
		assert.deepEqual(names.slice(1), ['person:Lars Halvorsen', 'person:Halvorsen']);
	});
});

void describe('clubs told by what players do', () => {
	void it('reads "played for", "played with" and, in a sports report, "joined", "moved to", "X of <country>" as clubs', () => {
		assert.deepEqual(found('He played for Brackwater and later coached the juniors.'), ['organization:Brackwater']);
		assert.deepEqual(found('He played with Ostervale for six seasons.'), ['organization:Ostervale']);
		const sport = found('SOCCER - TRANSFERS .\nThe striker has joined Varnholm from Kessleton on a free transfer .\nA year ago he moved to Sarnova and Delmora of Spain beat them twice .');
		for (const club of ['Varnholm', 'Sarnova', 'Delmora']) assert.ok(sport.includes(`organization:${club}`), sport.join(', '));
	});

	void it('leaves a person after "played with" a person', () => {
		assert.deepEqual(found('As a boy he played with Thomas Brandt in the street.'), ['person:Thomas Brandt']);
	});
});

void describe('parties named by one word', () => {
	void it('reads a capitalised party word inside a sentence as an organization', () => {
		assert.deepEqual(found('The nationalists came third, behind Labour and the Greens.'), ['organization:Labour']);
		assert.deepEqual(found('He sat as a Liberal member for twelve years.'), ['organization:Liberal']);
	});

	void it('leaves "Labour Day" and "Liberal prime minister" alone', () => {
		assert.ok(!found('Shops close on Labour Day in Canada.').includes('organization:Labour'));
		assert.ok(!found('As Liberal prime minister he cut taxes.').includes('organization:Liberal'));
	});
});

void describe('a company named like a town', () => {
	void it('types the first word of a company with a designator as the company, though a town bears the name', () => {
		const names = found('Shares in Brenholt Seating rose after it agreed to be bought by Kolding Industries Inc. Kolding was up 2 cents.');
		assert.ok(names.includes('organization:Kolding Industries Inc'), names.join(', '));
		assert.equal(names[names.length - 1], 'organization:Kolding');
	});

	void it('ends a company name, and the sentence, at "Inc." before a capital', () => {
		assert.deepEqual(found('The order went to Vantor Holdings Inc. Brenholt said nothing.').slice(0, 1), ['organization:Vantor Holdings Inc']);
	});

	void it('leaves the town a place where no such company is named', () => {
		assert.deepEqual(found('Kolding was quiet on Sunday.'), ['place:Kolding']);
	});
});

void describe('places that only look like organizations', () => {
	void it('keeps a town a place before "stock exchange" or "side"', () => {
		assert.deepEqual(found('The shares will be listed on the Kolding stock exchange.'), ['place:Kolding']);
		assert.deepEqual(found('Nobody expected much of the Hamar side this year.'), ['place:Hamar']);
	});
});

void describe('datelines and venues', () => {
	void it('reads the names of a dateline as places', () => {
		const names = found('Quarry reopens after floods .\nBRENHOLT , Varnland 1996-08-30\nThe quarry reopened on Friday .');
		assert.deepEqual(names, ['place:BRENHOLT', 'place:Varnland']);
	});

	void it('lets a club keep its type in the body when its town is the dateline', () => {
		const names = found('SOCCER - KOLDING WIN AGAIN .\nKOLDING , Denmark 1996-08-31\nKolding beat Hamar 2-1 on Saturday .\nKolding 2 Hamar 1');
		assert.ok(names.includes('place:KOLDING') && names.includes('place:Denmark'), names.join(', '));
		assert.deepEqual(names.filter((name) => name.endsWith(':Kolding')), ['organization:Kolding', 'organization:Kolding']);
	});

	void it('keeps a town a place where a match is played in a sports report', () => {
		const names = found('CRICKET - COUNTY SCORES .\nAt Northgate ( Kolding ) : Harrowby 290 and 12-0 .\nHamar : Harrowby beat Thornby by six wickets .\nThe tour ends in August ( at Eastfield , Hamar ) .');
		assert.ok(names.includes('place:Kolding'), names.join(', '));
		assert.deepEqual(names.filter((name) => name.endsWith(':Hamar')), ['place:Hamar', 'place:Hamar']);
	});
});

void describe('employers before a title', () => {
	void it('reads the name before a company\'s or a club\'s title as an organization', () => {
		assert.deepEqual(found('Shares fell, Varnsson CEO Lars Berg told reporters.'), ['organization:Varnsson', 'person:Lars Berg']);
		assert.deepEqual(found('The foul on Ostervale striker Ola Moen went unpunished.'), ['organization:Ostervale', 'person:Ola Moen']);
	});

	void it('leaves a place before a title a place, and a word of the title no name', () => {
		assert.deepEqual(found('On Monday Texas Governor Ann Wells signed the bill.'), ['place:Texas', 'person:Ann Wells']);
		assert.ok(!found('Its Advisory National Director Ola Moen spoke.').includes('organization:Advisory'));
	});
});

void describe('companies named with a possessive', () => {
	void it('keeps the "\'s" in a company named with one, in full and alone', () => {
		const names = found("The bid for Hallam's Bancshares Inc. surprised analysts. Hallam's was the prize, and Hallam's stock rose.");
		assert.deepEqual(names, ["organization:Hallam's Bancshares Inc", "organization:Hallam's", "organization:Hallam's"]);
	});

	void it('knows a few companies named so, and leaves a person\'s possessive alone', () => {
		assert.deepEqual(found("Moody's cut the rating on Tuesday."), ["organization:Moody's"]);
		assert.deepEqual(found("Analysts praised Peter Hallam. Hallam's plan was cheap."), ['person:Peter Hallam', 'person:Hallam']);
	});
});

void describe('news organizations', () => {
	void it('reads a name before "news agency" or "newspapers" as an organization, even before "said"', () => {
		assert.deepEqual(found('The domestic Varnpress news agency said two people died.'), ['organization:Varnpress']);
		assert.deepEqual(found('On Sunday Al-Varni newspapers said the talks failed.'), ['organization:Al-Varni']);
	});
});

void describe('a company and where it is', () => {
	void it('ends a company name at its designator before "of" and a place', () => {
		const names = found('The cars are made by Varnsson Motors Corp of South Korea.');
		assert.deepEqual(names, ['organization:Varnsson Motors Corp', 'place:South Korea']);
	});

	void it('still joins "of" after an organization word ("Bank of Kolding")', () => {
		assert.deepEqual(found('Rates were cut by the Bank of Kolding on Monday.'), ['organization:Bank of Kolding']);
	});
});
