/**
 * The named, explainable features of the check-worthiness model.
 *
 * Each feature looks at one sentence and either fires (value 1, or a small count for the few graded ones) or
 * does not; when it fires it names the text that made it fire, so a score can be explained in words
 * ("a figure: 4.5 million tonnes; a comparison: more than"). The features are cues fact-checkers name
 * themselves: figures, comparisons, records, changes over time, causes, attributions, what someone did or
 * voted for, and the cues against: opinions, promises, questions, hedges, greetings. Their weights are learned
 * (scripts/trainCheckworthy.ts); nothing here depends on a speaker's name, which seed articles do not carry.
 *
 * Every pattern is a linear-time regular expression without nested quantifiers, so scoring stays far above
 * 1 MB/s.
 */

/** One fired feature: its value and the text of the sentence that made it fire. */
export interface FeatureHit {
	readonly value: number;
	/** Offsets of the matched text in the sentence (UTF-16, end exclusive); empty for features about the whole sentence. */
	readonly start: number;
	readonly end: number;
}

/** A named feature of a sentence. */
export interface Feature {
	/** Stable identifier, the key of its weight in weights.ts. */
	readonly id: string;
	/** How a reason reads, before the matched text: "a figure". */
	readonly label: string;
	/** Whether the reason shows the matched text ("a figure: 4.5 million") or only the label ("a long sentence"). */
	readonly showsText: boolean;
	/** The hit in `sentence`, or null when the feature does not fire. */
	detect(sentence: string): FeatureHit | null;
}

const SCALE = String.raw`(?:hundred|thousand|million|billion|trillion|bn|m)`;
const UNIT = String.raw`(?:percent|per cent|percentage points?|%|tonnes|tons|metric tons|kilograms|kg|pounds|miles|kilometres|kilometers|km|acres|hectares|barrels|gallons|litres|liters|dollars|euros|pounds sterling|people|jobs|votes|times|years|months|days|hours|deaths|cases|troops|soldiers|refugees|immigrants|workers|students|children|families|households|homes|companies|countries|members|patients|murders)`;
const NUMBER = String.raw`(?:\d[\d,]*(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|one|several|many|tens of|hundreds of|thousands of|millions of|billions of)\s+${SCALE}s?)`;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;

/** A feature that fires on the first match of `pattern` (which must not be global or sticky). */
function pattern(id: string, label: string, regex: RegExp, showsText = true): Feature {
	return {
		id,
		label,
		showsText,
		detect(sentence) {
			const match = regex.exec(sentence);
			return match ? { value: 1, start: match.index, end: match.index + match[0].length } : null;
		},
	};
}

/** Words separated by spaces, counted without allocating. */
export function wordCount(sentence: string): number {
	let count = 0;
	let inWord = false;
	for (let i = 0; i < sentence.length; i++) {
		const code = sentence.charCodeAt(i);
		const space = code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
		if (!space && !inWord) count++;
		inWord = !space;
	}
	return count;
}

/** A feature about the sentence's length in words, within `[min, max]`. */
function length(id: string, label: string, min: number, max: number): Feature {
	return {
		id,
		label,
		showsText: false,
		detect(sentence) {
			const words = wordCount(sentence);
			return words >= min && words <= max ? { value: 1, start: 0, end: 0 } : null;
		},
	};
}

/**
 * A capitalised word that is not the sentence's first word and not "I": the cheap sign of a name (a person,
 * a country, a law, an agency). Cheaper than the entity recognizer and, unlike it, the same on one sentence
 * as on a whole article, which keeps training and use alike.
 */
const properName: Feature = {
	id: 'name',
	label: 'a name',
	showsText: true,
	detect(sentence) {
		const regex = /(?<=[\p{L}\p{N},;:)”"'’] +)(?:[A-Z][\p{L}'’-]*[a-z][\p{L}'’-]*|[A-Z]{2,}s?)(?: (?:of |the |de )?[A-Z][\p{L}'’-]+)*/gu;
		for (let match = regex.exec(sentence); match; match = regex.exec(sentence)) {
			const word = match[0];
			if (word === 'I' || commonCapitalised.has(word)) continue;
			return { value: 1, start: match.index, end: match.index + word.length };
		}
		return null;
	},
};

/** Capitalised words that are no names: sentence adverbs after a quote, honorifics spoken alone, days. */
const commonCapitalised: ReadonlySet<string> = new Set([
	'OK', 'Okay', 'Mr', 'Mrs', 'Ms', 'Sir', 'Madam', 'God', 'Yes', 'No', 'Well', 'So', 'And', 'But', 'Now',
	'THE', 'AND', 'APPLAUSE', 'LAUGHTER', 'CROSSTALK', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
	'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
	'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/**
 * Every feature, in the order of the weights. Adding, removing or renaming one requires retraining
 * (`npx tsx scripts/trainCheckworthy.ts`), which rewrites weights.ts; the scorer refuses weights for another list.
 */
export const features: readonly Feature[] = [
	pattern('quantity', 'a figure', new RegExp(String.raw`(?:[$€£]\s?)?\b${NUMBER}(?:\s+${SCALE})?(?:\s+(?:more |fewer |new |of )?${UNIT}\b|%)`, 'i')),
	pattern('money', 'an amount of money', new RegExp(String.raw`[$€£]\s?\d[\d,.]*(?:\s+${SCALE}\b)?|\b${NUMBER}(?:\s+${SCALE})?\s+(?:dollars|euros|pounds|yuan|rubles|pesos)\b`, 'i')),
	pattern('percent', 'a percentage', /\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)|\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters) of\b/i),
	pattern('number', 'a number', new RegExp(String.raw`\b(?!(?:1[6-9]|20)\d\d\b)\d[\d,]*(?:\.\d+)?\b(?:\s+${SCALE}\b)?|\b(?:hundreds|thousands|millions|billions|trillions|dozens) of\b|\b${SCALE}s?\b`, 'i')),
	pattern('year', 'a year', /\b(?:in|since|by|from|until|of|before|after) (?:the )?(?:1[6-9]|20)\d\d(?:s\b|\b)|\b(?:1[6-9]|20)\d\d\b/i),
	// Month names are matched with their capital only: "may" is a verb.
	pattern('date', 'a date', new RegExp(String.raw`\b${MONTH}(?![A-Za-z])(?:\s+\d{1,2}\b)?|\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) (?:year|month|week|decade|century|quarter)\b|\b\d+ (?:years|months|weeks|decades) ago\b|\b[Yy]esterday\b`)),
	pattern('comparison', 'a comparison', /\b(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|better|worse|faster|slower|cheaper|richer|poorer|longer|shorter|older|younger|stronger|weaker|safer)\s+(?:\w+\s+)?than\b|\b(?:compared (?:to|with)|as (?:much|many|high|low|large) as|twice as|times (?:as|more|higher|larger|the)|outnumber\w*|exceed\w*|the same as|more and more)\b/i),
	pattern('superlative', 'a superlative', /\b(?:the )?(?:most|least|highest|lowest|largest|biggest|smallest|greatest|worst|fastest|slowest|richest|poorest|deadliest|longest|oldest|youngest|strongest|weakest|top)\b(?! of all\b)/i),
	pattern('record', 'a record or first', /\b(?:record(?:s|-breaking| high| low| levels?)?|all-time|in (?:our |the )?history|for the first time|the first time|never before|unprecedented|historic|since (?:the )?(?:19|20)\d\d|ever (?:been|seen|recorded|had|made)|ever\b)/i),
	pattern('change', 'a change over time', /\b(?:increase[ds]?|increasing|decrease[ds]?|decreasing|rose|risen|rising|rises|fell|fallen|falling|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|gr[eo]w(?:n|s|ing)?|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupled|soar(?:ed|ing|s)?|plung(?:e|ed|ing)|surg(?:e|ed|ing)|shr[ua]nk|cut|slash(?:ed)?|went (?:up|down)|gone (?:up|down)|going (?:up|down)|up from|down from|lost|losing|added|created|wiped out|skyrocket(?:ed|ing)?)\b/i),
	pattern('cause', 'a cause and effect', /\b(?:because(?! of that\b)|caus(?:e[ds]?|ing)|due to|led to|lead(?:s|ing)? to|result(?:ed|s|ing)? (?:in|from)|as a result|thanks to|responsible for|blame[ds]?|so that|which means|that's why|which is why)\b/i),
	pattern('attribution', 'an attribution', /\b(?:according to|report(?:s|ed)? (?:that|by|from)|a (?:new )?(?:report|study|survey|poll|analysis)|(?:studies|polls|surveys|statistics|data|figures|numbers|experts|economists|scientists|analysts) (?:show|say|said|found|suggest)\w*|found that|estimate[ds]?|official (?:figures|data|statistics))\b/i),
	pattern('statement', 'a statement someone made', /\b(?:(?:he|she|they|it|you) (?:said|says|told|claimed|called)|(?:said|says|claimed|called it|calls it|admitted|announced|declared|promised|pledged|testified|wrote|tweeted) (?:that|it|they|he|she|the)|called (?:it|them|him|her)|was quoted)\b/i),
	pattern('action', 'a record of action', /\b(?:voted (?:for|against|to)|vote[sd]? (?:for|against)|sign(?:ed|s) (?:the|a|an|it|into)|passed (?:the|a)|approved|supported|opposed|sponsored|endorsed|vetoed|appointed|fired|launched|funded|invaded|ratified|repealed|enacted|pulled out|withdr[ae]w)\b/i),
	pattern('law', 'a law, policy or programme', /\b(?:law|laws|act|bill|legislation|treaty|agreement|deal|regulation|regulations|program|programme|plan|policy|budget|executive order|amendment|tariffs?|sanctions)\b/i),
	pattern('economy', 'an economic subject', /\b(?:jobs?|unemploy\w*|employ\w*|econom\w*|tax(?:es|ed|payers?)?|deficits?|debt|GDP|wages?|incomes?|salar\w+|trade|exports?|imports?|inflation|prices?|spending|spent|costs?|paid|pay|manufactur\w*|businesses|companies|factories|markets?|stocks?|poverty|mortgages?|loans?)\b/i),
	pattern('security', 'a security subject', /\b(?:crime|crimes|murders?|killed|homicides?|violence|police|guns?|shootings?|terror\w*|ISIS|attacks?|war|wars|troops|military|soldiers|nuclear|weapons?|missiles?|army|bomb\w*|drugs?|cartels?|gangs?|prisons?|border|walls?)\b/i),
	pattern('society', 'a public-service subject', /\b(?:health ?care|insurance|premiums|Medicare|Medicaid|Obamacare|hospitals?|doctors?|schools?|education|students|college|tuition|Social Security|pensions?|immigra\w+|refugees|visas?|citizens?|climate|emissions|carbon|energy|oil|coal|gas|pollution|vaccin\w+|disease|deaths?|died)\b/i),
	pattern('place', 'a country or region', /\b(?:America|American|United States|U\.S\.|USA|China|Chinese|Mexico|Russia|Iran|Iraq|Syria|Israel|Canada|Japan|Germany|France|Britain|Europe|European|Korea|Afghanistan|Libya|Cuba|India|Africa|NATO|the world|[Tt]his country|[Oo]ur country|states?|cities|countries|nations?|county|counties)\b/),
	properName,
	pattern('existence', 'a statement of fact', /\b(?:there (?:is|are|was|were|has been|have been)|(?:has|have|had) been|it is|it was|is the|was the|are the|were the)\b/i),
	pattern('pastTense', 'an event in the past', /\b(?:was|were|had|did|became|took|made|gave|won|lost|left|came|went|\w{3,}ed)\b/i),
	pattern('absolute', 'an absolute', /\b(?:all|every|everyone|everybody|nobody|no one|none|nothing|always|never|only|entire|single)\b/i),
	pattern('opinion', 'an opinion', /\b(?:I (?:think|believe|feel|hope|want|wish|guess|suppose|love|like|mean|know)|I'm (?:sure|not sure|proud|honored)|I'd like|in my (?:opinion|view)|believe me|frankly|honestly|to be honest|let me|let's|we (?:need|must|should|have to|'ve got to|ought)|you (?:need|must|should|have to))\b/i),
	pattern('future', 'a promise or plan', /\b(?:will|won't|shall|going to|gonna|'ll|would|we're going|I'm going|plan to|intend to)\b/i),
	pattern('hedge', 'a hedge', /\b(?:maybe|perhaps|possibly|probably|might|may|could|seems?|appears?|likely|unlikely|I guess|sort of|kind of)\b/i),
	pattern('question', 'a question', /\?\s*["”’')\]]*\s*$/),
	pattern('firstPerson', 'speaking of oneself', /\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Mm]yself)\b/),
	pattern('address', 'addressing someone', /\b(?:you|your|you're|you've)\b/i),
	pattern('courtesy', 'a greeting or thanks', /\b(?:thank(?:s| you)|welcome|congratulat\w+|good (?:evening|morning|night|afternoon)|ladies and gentlemen|applause|laughter|crosstalk|God bless|nice to|pleasure to|honou?red to)\b/i),
	pattern('exclamation', 'an exclamation', /!\s*["”’')\]]*\s*$/),
	pattern('negation', 'a denial', /\b(?:not|never|no|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't|won't|can't|nobody)\b/i),
	length('short', 'a short sentence', 0, 6),
	length('long', 'a long sentence', 20, Number.MAX_SAFE_INTEGER),
];

/** A fired feature, by its index in {@link features}, with its hit. */
export interface FiredFeature {
	readonly index: number;
	readonly hit: FeatureHit;
}

/**
 * The features that fire on `sentence` (curly apostrophes read as straight ones, so "we’re" and "we're" agree;
 * the offsets stay valid since the replacement keeps the length).
 */
export function detectFeatures(sentence: string): FiredFeature[] {
	const text = sentence.includes('’') ? sentence.replace(/’/g, "'") : sentence;
	const fired: FiredFeature[] = [];
	for (let index = 0; index < features.length; index++) {
		const hit = features[index].detect(text);
		if (hit) fired.push({ index, hit });
	}
	return fired;
}
