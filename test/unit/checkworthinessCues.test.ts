// The fast path of the check-worthiness features (one read of a sentence's words through the patterns' cues, then
// only the patterns whose cue occurs) must give exactly the hits of running every pattern, and so the same scores
// and reasons. Checked on sentences glued together from the patterns' own words (where a wrong cue would show:
// "39percent", "January1", "all-timer", "we’ll") and on generated news articles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFeatures, features, type FiredFeature } from '../../src/core/checkworthiness/features';
import { scoreDocument, scoreText, type Reason } from '../../src/core/checkworthiness/scorer';
import { checkworthinessModel } from '../../src/core/checkworthiness/weights';
import { parseSeed } from '../../src/core/seed/seedParser';
import { generateArchive } from '../support/newsArchive';
import { seededRandom } from '../support/seededRandom';

/** Every pattern run on the whole sentence: what detectFeatures did before it read cues. */
function referenceFeatures(sentence: string): FiredFeature[] {
	const text = sentence.replace(/’/g, "'");
	return features.flatMap((feature, index) => {
		const hit = feature.detect(text);
		return hit ? [{ index, hit }] : [];
	});
}

/** The score and reasons as scoreText computed them before (logistic model, covered reasons left out). */
function referenceScore(sentence: string): { score: number; reasons: Reason[] } {
	const model = checkworthinessModel;
	let logit = model.bias;
	const raised: { reason: Reason; start: number; end: number }[] = [];
	for (const { index, hit } of referenceFeatures(sentence)) {
		const contribution = model.weights[index] * hit.value;
		logit += contribution;
		if (contribution <= 0) continue;
		const feature = features[index];
		const reason = feature.showsText && hit.end > hit.start
			? { feature: feature.id, label: feature.label, text: sentence.slice(hit.start, hit.end), contribution }
			: { feature: feature.id, label: feature.label, contribution };
		raised.push({ reason, start: hit.start, end: hit.end });
	}
	const covered = (r: (typeof raised)[number]): boolean => r.end > r.start && raised.some((o) => o !== r && o.start <= r.start && r.end <= o.end
		&& (o.end - o.start > r.end - r.start || o.reason.contribution > r.reason.contribution));
	const reasons = raised.filter((r) => !covered(r)).map((r) => r.reason).sort((a, b) => b.contribution - a.contribution);
	return { score: 1 / (1 + Math.exp(-logit)), reasons };
}

/** The words of the patterns, their near misses and the characters around them. */
const vocabulary = `
	39 4.5 1,200 2016 1990s 12 3000 $ € £ % hundred thousands million billion trillion bn m ms one two a several many tens of
	percent per cent percentage points tonnes tons metric kg miles km barrels dollars euros pounds yuan people jobs votes times years
	half third thirds quarter two-thirds three-quarters dozens January March May Mayor Marches June Jan. Sept. Sep. Dec. last this next
	past year month week decade century quarter ago yesterday more less fewer higher than compared to with as much high large twice
	outnumbered exceeds the same most least largest worst top record records recorded record-breaking all-time in history historic
	historical for first time never before unprecedented since ever been seen increase increases rose risen fell drop dropped dropping
	decline grew grown growing doubled tripling soar plunged surge shrank cut slashed went up down gone going from lost losing added
	created wiped out skyrocketed because caused causing due led lead leads result resulted thanks responsible blame blamed so which
	means that's why is according report reported study survey poll analysis studies polls data figures experts economists show says
	said suggests found estimate estimated official statistics he she they it you told claimed called calls admitted announced
	declared promised wrote tweeted was quoted voted vote votes against signed signs passed approved opposed vetoed fired funded
	withdrew withdraw pulled law laws act bill legislation treaty deal plan policy budget executive order amendment tariffs sanctions
	job unemployment employed economy economic tax taxes taxpayers deficit debt GDP wages income salary trade exports prices spending
	paid pay manufacturing businesses companies markets stocks poverty mortgage loans crime murders killed homicide police guns
	shootings terrorism ISIS attacks war troops military nuclear weapons missiles army bombing drugs cartels gangs prisons border walls
	health care healthcare insurance premiums Medicare Obamacare hospitals doctors schools education students college Social Security
	pensions immigration immigrants refugees visas citizens climate emissions carbon energy oil coal gas pollution vaccines disease
	deaths died America American United States U.S. U.S.A. USA China Mexico Russia Europe NATO world This country our states cities
	countries nations county John Smith Goldman Sachs NAFTA OK Well Monday de the there are were has have had it is did became took
	made gave won left came closed opened all every everyone nobody no none nothing always only entire single I I'm I’m I'd I've think
	believe feel in my opinion view me frankly honestly honest let let's we need must should ought will won't shall gonna we'll we’ll
	would we're intend maybe perhaps possibly probably might could seem seems appears likely unlikely guess sort kind myself your
	you're thank thanks welcome congratulations good evening morning ladies gentlemen applause laughter crosstalk God bless nice
	pleasure honored honoured not didn't didn’t doesn't don't isn't can't cannot ? ! ?” !” ” " ( ) — - café São Álvarez 📉 x_war
`.split(/\s+/).filter((word) => word !== '').concat(['39 percent', '4.5 million tonnes', '$5 billion', '300 workers', 'a million people', '12%', '2 bn euros', 'in 1994',
	'he said', 'said that', 'called it', 'was quoted', 'voted for', 'signed the', 'according to', 'a new study', 'economists say', 'found that',
	'there are', 'has been', 'I think', 'we need', 'going to', 'I guess', 'thank you', 'good evening', 'more than', 'as many as',
	'the first time', 'never before', 'due to', 'led to', 'as a result', 'went up', 'up from', 'executive order', 'no one', 'compared with']);

const numbers = ['39', '4.5', '1,200', '2016', '1990', '12', '3000', '7', '$', '€5'];
const glues = [' ', ' ', ' ', ' ', ' ', '', '', '', '-', "'", '’', ', ', '. ', '_', '\n', '  ', ' ('];

function gluedSentence(random: () => number): string {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const length = 1 + Math.floor(random() * 24);
	let sentence = '';
	for (let i = 0; i < length; i++) {
		const word = random() < 0.2 ? pick(numbers) : pick(vocabulary);
		const casing = random();
		const cased = casing < 0.1 ? word.toUpperCase() : casing < 0.3 ? word.charAt(0).toUpperCase() + word.slice(1) : casing < 0.35 ? word.toLowerCase() : word;
		sentence += (i === 0 ? '' : pick(glues)) + cased;
	}
	return sentence + pick(['.', '.', '?', '!', '?”', '', ' !']);
}

void describe('check-worthiness features: the cue-reading fast path', () => {
	void it('finds exactly the hits of running every pattern, on sentences glued from the patterns\' words', () => {
		const random = seededRandom(10);
		const fired = new Array<number>(features.length).fill(0);
		for (let n = 0; n < 20_000; n++) {
			const sentence = gluedSentence(random);
			const fast = detectFeatures(sentence);
			assert.deepEqual(fast, referenceFeatures(sentence), sentence);
			for (const { index } of fast) fired[index]++;
		}
		// The sentences exercise every feature, so that a wrong cue of any of them could show.
		features.forEach((feature, index) => assert.ok(fired[index] > 200, `${feature.id} fired ${fired[index]} times`));
	});

	void it('gives the scores and reasons of before on generated news articles', () => {
		let sentences = 0;
		for (const article of generateArchive(60, 5)) {
			const doc = parseSeed(article.text);
			for (const s of scoreDocument(doc)) {
				const sentence = doc.text.slice(s.start, s.end);
				const reference = referenceScore(sentence);
				assert.deepEqual({ score: s.score, reasons: s.reasons }, reference, sentence);
				assert.deepEqual(scoreText(sentence), reference, sentence);
				sentences++;
			}
		}
		assert.ok(sentences > 500, `${sentences} sentences`);
	});
});
