import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHeadingLine } from '../../src/core/seed/headingRule';

void describe('isHeadingLine', () => {
	const headings = [
		// The reference article's three headings.
		'Symbol of Deepening Ties',
		'Implications for Global Diplomacy',
		'Monitoring and Responses',
		// Other title-like lines a news article uses.
		'What Comes Next',
		'Background',
		'The Road Ahead',
		'A Long Road to Recovery',
		'A New Chapter in U.S.-China Relations',
		"Kim Jong-un's Luxury Fleet",
		'Reactions from the International Community',
		'COVID-19 and the Global Economy',
		'2024 Election Outlook',
		'Markets React Calmly',
		'Calls for Accountability Grow Louder Across the Region',
		'  Historical Context  ',
		'Syria and the al-Assad Legacy',
		'“Special Military Operation”',
		'New Tensions With the U.S.',
		'Sources of Tension',
		'Follow the Money',
		'By the Numbers',
	];
	for (const line of headings) {
		void it(`accepts ${JSON.stringify(line)}`, () => {
			assert.equal(isHeadingLine(line), true);
		});
	}

	const paragraphs: [string, string][] = [
		['The government had claimed tobacco firms', 'lowercase content words and a finite verb'],
		['The measures include the following', 'a line before a list'],
		['He said that', 'a clause'],
		['42', 'a lone number'],
		['2024', 'a lone year'],
		['https://example.com/news/today', 'a URL'],
		['www.example.com', 'a bare web address'],
		['Official Site HTTPS://EXAMPLE.COM', 'a URL after capitalised words'],
		['Contact Press@Example.Org', 'an e-mail address after capitalised words'],
		['Write to newsdesk@example.com', 'an e-mail address'],
		['sanctions remain in place', 'a lowercase start'],
		['Officials Listed These Measures:', 'a final colon'],
		['Among the Affected Regions,', 'a final comma'],
		['Prices Rose Sharply;', 'a final semicolon'],
		['Markets Fell Again —', 'a final dash'],
		['Markets Fell Again -', 'a final hyphen'],
		['Is This the End?', 'a question mark'],
		['Kim Arrived in Style.', 'a full stop'],
		['Talks Stalled in Washington D.C. Again.', 'a full stop after initials earlier in the line'],
		['Stop Now. Go Later', 'an inner sentence end'],
		['Kim Jong-un said', 'a reporting verb in lowercase'],
		['Prices rose sharply in March', 'sentence case with lowercase content words'],
		['According to the ministry', 'half the content words in lowercase'],
		['Reporting by Jane Doe', 'a credit line'],
		['By John Smith', 'a byline'],
		['Photo: AP', 'a photo credit'],
		['Source: Reuters', 'a source line'],
		['Editing by John Smith', 'an editing credit'],
		['Advertisement', 'an advertisement marker'],
		['The Talks Will Resume in Geneva Next Week After the Ministers Meet Again Soon', 'more than 12 words'],
		['The Extraordinarily Long Headline About Diplomatic Consequences Of International Sanctions Enforcement', 'more than 80 characters'],
		['Putin Gifted Kim a Limousine and', 'a dangling function word'],
		['Moscow and Pyongyang officials confirmed the transfer', 'a past tense in lowercase'],
		['', 'an empty line'],
		['First line\nSecond Line', 'two lines'],
		['***', 'no letters'],
	];
	for (const [line, why] of paragraphs) {
		void it(`rejects ${JSON.stringify(line)} (${why})`, () => {
			assert.equal(isHeadingLine(line), false);
		});
	}
});
