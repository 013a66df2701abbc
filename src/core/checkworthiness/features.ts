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
 * Every pattern is a linear-time regular expression without nested quantifiers. Most patterns also name their
 * cue: words (or word beginnings, or characters) one of which must occur in a sentence for the pattern to match.
 * {@link detectFeatures} reads a sentence's words once, through a letter tree of all the cues, and runs only the
 * patterns whose cue occurs, which gives the same hits as running every pattern for a fraction of the cost.
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
/** Words that can be a whole {@link SCALE} with its optional plural "s" (cues of the patterns using it). */
const SCALE_WORDS = ['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'bn', 'bns', 'm', 'ms'];
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
/** The first words of {@link UNIT}'s alternatives and "%" (cue of a figure). */
const UNIT_CUE = ['percent', 'per', 'percentage', '%', 'tonnes', 'tons', 'metric', 'kilograms', 'kg', 'pounds', 'miles', 'kilometres', 'kilometers', 'km', 'acres', 'hectares', 'barrels', 'gallons', 'litres', 'liters', 'dollars', 'euros', 'people', 'jobs', 'votes', 'times', 'years', 'months', 'days', 'hours', 'deaths', 'cases', 'troops', 'soldiers', 'refugees', 'immigrants', 'workers', 'students', 'children', 'families', 'households', 'homes', 'companies', 'countries', 'members', 'patients', 'murders'];
/** The beginnings of the words of {@link MONTH} (a month's name need not end its word: "May_"). */
const MONTH_BEGINNINGS = ['jan*', 'feb*', 'mar*', 'apr*', 'may*', 'jun*', 'jul*', 'aug*', 'sep*', 'oct*', 'nov*', 'dec*'];

/**
 * What {@link scanCues} learnt of a sentence in one pass: which features' cues occur, where the first capital after
 * a space is, and how many words it has.
 */
interface CueScan {
	/** Bit `g` (of `low` for groups 0 to 31, of `high` for 32 to 63) set: cue group `g` (see {@link CueIndex}) has an entry in the sentence. */
	readonly low: number;
	readonly high: number;
	/** The first index holding A-Z right after a space (-1 if none): where the earliest possible name starts. */
	readonly firstCapitalAfterSpace: number;
	/** {@link wordCount} of the sentence. */
	readonly words: number;
}

/**
 * A cue: entries one of which every match of a pattern contains (or, with `allOf`, one of each group), so that a
 * sentence without them can skip the pattern. An entry is a lowercase word ("bill": the word "bill", "Bill" or
 * "BILL"), a word beginning ("tax*": any word starting so), "*ed" (a word of five or more characters ending in
 * "ed", as `\w{3,}ed`), "0" (any digit) or one of the characters `$ € £ % ? !`. A word is a run of
 * `[A-Za-z0-9_]`, as `\b` sees words. A cue must be necessary; a wrong one silently loses hits, which the unit
 * tests compare against running every pattern.
 */
type Cue = readonly string[] | { readonly allOf: readonly (readonly string[])[] };

/** A feature with the fast detection {@link detectFeatures} uses: the same hit as `detect`, given the sentence's scan. */
interface ScannedFeature extends Feature {
	/** Groups of cue entries, each of which must have an entry in the sentence; undefined: the feature always runs. */
	readonly cue?: readonly (readonly string[])[];
	detectScanned(sentence: string, scan: CueScan): FeatureHit | null;
}

/**
 * A feature that fires on the first match of `pattern` (which must not be global or sticky); a sentence without
 * its `cue` skips the pattern.
 */
function pattern(id: string, label: string, regex: RegExp, cue?: Cue, showsText = true): ScannedFeature {
	const detect = (sentence: string): FeatureHit | null => {
		const match = regex.exec(sentence);
		return match ? { value: 1, start: match.index, end: match.index + match[0].length } : null;
	};
	const groups = cue === undefined ? undefined : 'allOf' in cue ? cue.allOf : [cue];
	return { id, label, showsText, cue: groups, detect, detectScanned: (sentence) => detect(sentence) };
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
function length(id: string, label: string, min: number, max: number): ScannedFeature {
	const inRange = (words: number): FeatureHit | null => (words >= min && words <= max ? { value: 1, start: 0, end: 0 } : null);
	return {
		id,
		label,
		showsText: false,
		detect: (sentence) => inRange(wordCount(sentence)),
		detectScanned: (_sentence, scan) => inRange(scan.words),
	};
}

/**
 * A capitalised word that is not the sentence's first word and not "I": the cheap sign of a name (a person,
 * a country, a law, an agency). Cheaper than the entity recognizer and, unlike it, the same on one sentence
 * as on a whole article, which keeps training and use alike.
 */
const properName: ScannedFeature = {
	id: 'name',
	label: 'a name',
	showsText: true,
	detect: (sentence) => nameFrom(sentence, 0),
	// A name starts with A-Z after a space (the look-behind), so the search may start at the first such capital.
	detectScanned: (sentence, scan) => (scan.firstCapitalAfterSpace < 0 ? null : nameFrom(sentence, scan.firstCapitalAfterSpace)),
};

/** The first name of `sentence` starting at `from` or later. */
function nameFrom(sentence: string, from: number): FeatureHit | null {
	const regex = /(?<=[\p{L}\p{N},;:)”"'’] +)(?:[A-Z][\p{L}'’-]*[a-z][\p{L}'’-]*|[A-Z]{2,}s?)(?: (?:of |the |de )?[A-Z][\p{L}'’-]+)*/gu;
	regex.lastIndex = from;
	for (let match = regex.exec(sentence); match; match = regex.exec(sentence)) {
		const word = match[0];
		if (word === 'I' || commonCapitalised.has(word)) continue;
		return { value: 1, start: match.index, end: match.index + word.length };
	}
	return null;
}

/** Capitalised words that are no names: sentence adverbs after a quote, honorifics spoken alone, days. */
const commonCapitalised: ReadonlySet<string> = new Set([
	'OK', 'Okay', 'Mr', 'Mrs', 'Ms', 'Sir', 'Madam', 'God', 'Yes', 'No', 'Well', 'So', 'And', 'But', 'Now',
	'THE', 'AND', 'APPLAUSE', 'LAUGHTER', 'CROSSTALK', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
	'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
	'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Every feature with its fast detection, in the order of the weights (see {@link features}). */
const scannedFeatures: readonly ScannedFeature[] = [
	pattern('quantity', 'a figure', new RegExp(String.raw`(?:[$€£]\s?)?\b${NUMBER}(?:\s+${SCALE})?(?:\s+(?:more |fewer |new |of )?${UNIT}\b|%)`, 'i'), { allOf: [['0', ...SCALE_WORDS], UNIT_CUE] }),
	pattern('money', 'an amount of money', new RegExp(String.raw`[$€£]\s?\d[\d,.]*(?:\s+${SCALE}\b)?|\b${NUMBER}(?:\s+${SCALE})?\s+(?:dollars|euros|pounds|yuan|rubles|pesos)\b`, 'i'), ['$', '€', '£', 'dollars', 'euros', 'pounds', 'yuan', 'rubles', 'pesos']),
	pattern('percent', 'a percentage', /\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per cent\b|percentage points?\b)|\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters) of\b/i, ['0', 'half', 'third', 'thirds', 'quarter', 'quarters']),
	pattern('number', 'a number', new RegExp(String.raw`\b(?!(?:1[6-9]|20)\d\d\b)\d[\d,]*(?:\.\d+)?\b(?:\s+${SCALE}\b)?|\b(?:hundreds|thousands|millions|billions|trillions|dozens) of\b|\b${SCALE}s?\b`, 'i'), ['0', ...SCALE_WORDS, 'hundreds', 'thousands', 'millions', 'billions', 'trillions', 'dozens']),
	pattern('year', 'a year', /\b(?:in|since|by|from|until|of|before|after) (?:the )?(?:1[6-9]|20)\d\d(?:s\b|\b)|\b(?:1[6-9]|20)\d\d\b/i, ['0']),
	// Month names are matched with their capital only: "may" is a verb.
	pattern('date', 'a date', new RegExp(String.raw`\b${MONTH}(?![A-Za-z])(?:\s+\d{1,2}\b)?|\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast) (?:year|month|week|decade|century|quarter)\b|\b\d+ (?:years|months|weeks|decades) ago\b|\b[Yy]esterday\b`), [...MONTH_BEGINNINGS, 'year', 'month', 'week', 'decade', 'century', 'quarter', 'ago', 'yesterday']),
	pattern('comparison', 'a comparison', /\b(?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|better|worse|faster|slower|cheaper|richer|poorer|longer|shorter|older|younger|stronger|weaker|safer)\s+(?:\w+\s+)?than\b|\b(?:compared (?:to|with)|as (?:much|many|high|low|large) as|twice as|times (?:as|more|higher|larger|the)|outnumber\w*|exceed\w*|the same as|more and more)\b/i, ['than', 'compared', 'much', 'many', 'high', 'low', 'large', 'twice', 'times', 'outnumber*', 'exceed*', 'same', 'more']),
	pattern('superlative', 'a superlative', /\b(?:the )?(?:most|least|highest|lowest|largest|biggest|smallest|greatest|worst|fastest|slowest|richest|poorest|deadliest|longest|oldest|youngest|strongest|weakest|top)\b(?! of all\b)/i, ['most', 'least', 'highest', 'lowest', 'largest', 'biggest', 'smallest', 'greatest', 'worst', 'fastest', 'slowest', 'richest', 'poorest', 'deadliest', 'longest', 'oldest', 'youngest', 'strongest', 'weakest', 'top']),
	pattern('record', 'a record or first', /\b(?:record(?:s|-breaking| high| low| levels?)?|all-time|in (?:our |the )?history|for the first time|the first time|never before|unprecedented|historic|since (?:the )?(?:19|20)\d\d|ever (?:been|seen|recorded|had|made)|ever\b)/i, ['record*', 'time*', 'histor*', 'never', 'unprecedented*', 'since', 'ever']),
	pattern('change', 'a change over time', /\b(?:increase[ds]?|increasing|decrease[ds]?|decreasing|rose|risen|rising|rises|fell|fallen|falling|drop(?:ped|s|ping)?|declin(?:e|ed|es|ing)|gr[eo]w(?:n|s|ing)?|doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupled|soar(?:ed|ing|s)?|plung(?:e|ed|ing)|surg(?:e|ed|ing)|shr[ua]nk|cut|slash(?:ed)?|went (?:up|down)|gone (?:up|down)|going (?:up|down)|up from|down from|lost|losing|added|created|wiped out|skyrocket(?:ed|ing)?)\b/i, ['increas*', 'decreas*', 'rose', 'risen', 'rising', 'rises', 'fell', 'fallen', 'falling', 'drop*', 'declin*', 'grew*', 'grow*', 'doubl*', 'tripl*', 'quadrupled', 'soar*', 'plung*', 'surg*', 'shrunk', 'shrank', 'cut', 'slash*', 'went', 'gone', 'going', 'up', 'down', 'lost', 'losing', 'added', 'created', 'wiped', 'skyrocket*']),
	pattern('cause', 'a cause and effect', /\b(?:because(?! of that\b)|caus(?:e[ds]?|ing)|due to|led to|lead(?:s|ing)? to|result(?:ed|s|ing)? (?:in|from)|as a result|thanks to|responsible for|blame[ds]?|so that|which means|that's why|which is why)\b/i, ['because', 'caus*', 'due', 'led', 'lead*', 'result*', 'thanks', 'responsible', 'blame*', 'so', 'means', 'why']),
	pattern('attribution', 'an attribution', /\b(?:according to|report(?:s|ed)? (?:that|by|from)|a (?:new )?(?:report|study|survey|poll|analysis)|(?:studies|polls|surveys|statistics|data|figures|numbers|experts|economists|scientists|analysts) (?:show|say|said|found|suggest)\w*|found that|estimate[ds]?|official (?:figures|data|statistics))\b/i, ['according', 'report*', 'study', 'survey', 'poll', 'analysis', 'studies', 'polls', 'surveys', 'statistics', 'data', 'figures', 'numbers', 'experts', 'economists', 'scientists', 'analysts', 'found', 'estimate*', 'official']),
	pattern('statement', 'a statement someone made', /\b(?:(?:he|she|they|it|you) (?:said|says|told|claimed|called)|(?:said|says|claimed|called it|calls it|admitted|announced|declared|promised|pledged|testified|wrote|tweeted) (?:that|it|they|he|she|the)|called (?:it|them|him|her)|was quoted)\b/i, ['said', 'says', 'told', 'claimed', 'called', 'calls', 'admitted', 'announced', 'declared', 'promised', 'pledged', 'testified', 'wrote', 'tweeted', 'quoted']),
	pattern('action', 'a record of action', /\b(?:voted (?:for|against|to)|vote[sd]? (?:for|against)|sign(?:ed|s) (?:the|a|an|it|into)|passed (?:the|a)|approved|supported|opposed|sponsored|endorsed|vetoed|appointed|fired|launched|funded|invaded|ratified|repealed|enacted|pulled out|withdr[ae]w)\b/i, ['voted', 'vote', 'votes', 'signed', 'signs', 'passed', 'approved', 'supported', 'opposed', 'sponsored', 'endorsed', 'vetoed', 'appointed', 'fired', 'launched', 'funded', 'invaded', 'ratified', 'repealed', 'enacted', 'pulled', 'withdrew', 'withdraw']),
	pattern('law', 'a law, policy or programme', /\b(?:law|laws|act|bill|legislation|treaty|agreement|deal|regulation|regulations|program|programme|plan|policy|budget|executive order|amendment|tariffs?|sanctions)\b/i, ['law', 'laws', 'act', 'bill', 'legislation', 'treaty', 'agreement', 'deal', 'regulation', 'regulations', 'program', 'programme', 'plan', 'policy', 'budget', 'executive', 'amendment', 'tariff', 'tariffs', 'sanctions']),
	pattern('economy', 'an economic subject', /\b(?:jobs?|unemploy\w*|employ\w*|econom\w*|tax(?:es|ed|payers?)?|deficits?|debt|GDP|wages?|incomes?|salar\w+|trade|exports?|imports?|inflation|prices?|spending|spent|costs?|paid|pay|manufactur\w*|businesses|companies|factories|markets?|stocks?|poverty|mortgages?|loans?)\b/i, ['job', 'jobs', 'unemploy*', 'employ*', 'econom*', 'tax*', 'deficit', 'deficits', 'debt', 'gdp', 'wage', 'wages', 'income', 'incomes', 'salar*', 'trade', 'export', 'exports', 'import', 'imports', 'inflation', 'price', 'prices', 'spending', 'spent', 'cost', 'costs', 'paid', 'pay', 'manufactur*', 'businesses', 'companies', 'factories', 'market', 'markets', 'stock', 'stocks', 'poverty', 'mortgage', 'mortgages', 'loan', 'loans']),
	pattern('security', 'a security subject', /\b(?:crime|crimes|murders?|killed|homicides?|violence|police|guns?|shootings?|terror\w*|ISIS|attacks?|war|wars|troops|military|soldiers|nuclear|weapons?|missiles?|army|bomb\w*|drugs?|cartels?|gangs?|prisons?|border|walls?)\b/i, ['crime', 'crimes', 'murder', 'murders', 'killed', 'homicide', 'homicides', 'violence', 'police', 'gun', 'guns', 'shooting', 'shootings', 'terror*', 'isis', 'attack', 'attacks', 'war', 'wars', 'troops', 'military', 'soldiers', 'nuclear', 'weapon', 'weapons', 'missile', 'missiles', 'army', 'bomb*', 'drug', 'drugs', 'cartel', 'cartels', 'gang', 'gangs', 'prison', 'prisons', 'border', 'wall', 'walls']),
	pattern('society', 'a public-service subject', /\b(?:health ?care|insurance|premiums|Medicare|Medicaid|Obamacare|hospitals?|doctors?|schools?|education|students|college|tuition|Social Security|pensions?|immigra\w+|refugees|visas?|citizens?|climate|emissions|carbon|energy|oil|coal|gas|pollution|vaccin\w+|disease|deaths?|died)\b/i, ['health*', 'insurance', 'premiums', 'medicare', 'medicaid', 'obamacare', 'hospital', 'hospitals', 'doctor', 'doctors', 'school', 'schools', 'education', 'students', 'college', 'tuition', 'social', 'pension', 'pensions', 'immigra*', 'refugees', 'visa', 'visas', 'citizen', 'citizens', 'climate', 'emissions', 'carbon', 'energy', 'oil', 'coal', 'gas', 'pollution', 'vaccin*', 'disease', 'death', 'deaths', 'died']),
	pattern('place', 'a country or region', /\b(?:America|American|United States|U\.S\.|USA|China|Chinese|Mexico|Russia|Iran|Iraq|Syria|Israel|Canada|Japan|Germany|France|Britain|Europe|European|Korea|Afghanistan|Libya|Cuba|India|Africa|NATO|the world|[Tt]his country|[Oo]ur country|states?|cities|countries|nations?|county|counties)\b/, ['america', 'american', 'united', 'u', 'usa', 'china', 'chinese', 'mexico', 'russia', 'iran', 'iraq', 'syria', 'israel', 'canada', 'japan', 'germany', 'france', 'britain', 'europe', 'european', 'korea', 'afghanistan', 'libya', 'cuba', 'india', 'africa', 'nato', 'world', 'country', 'state', 'states', 'cities', 'countries', 'nation', 'nations', 'county', 'counties']),
	properName,
	pattern('existence', 'a statement of fact', /\b(?:there (?:is|are|was|were|has been|have been)|(?:has|have|had) been|it is|it was|is the|was the|are the|were the)\b/i, ['is', 'are', 'was', 'were', 'been']),
	pattern('pastTense', 'an event in the past', /\b(?:was|were|had|did|became|took|made|gave|won|lost|left|came|went|\w{3,}ed)\b/i, ['was', 'were', 'had', 'did', 'became', 'took', 'made', 'gave', 'won', 'lost', 'left', 'came', 'went', '*ed']),
	pattern('absolute', 'an absolute', /\b(?:all|every|everyone|everybody|nobody|no one|none|nothing|always|never|only|entire|single)\b/i, ['all', 'every', 'everyone', 'everybody', 'nobody', 'no', 'none', 'nothing', 'always', 'never', 'only', 'entire', 'single']),
	pattern('opinion', 'an opinion', /\b(?:I (?:think|believe|feel|hope|want|wish|guess|suppose|love|like|mean|know)|I'm (?:sure|not sure|proud|honored)|I'd like|in my (?:opinion|view)|believe me|frankly|honestly|to be honest|let me|let's|we (?:need|must|should|have to|'ve got to|ought)|you (?:need|must|should|have to))\b/i, ['i', 'my', 'believe', 'frankly', 'honestly', 'honest', 'let', 'we', 'you']),
	pattern('future', 'a promise or plan', /\b(?:will|won't|shall|going to|gonna|'ll|would|we're going|I'm going|plan to|intend to)\b/i, ['will', 'won', 'shall', 'going', 'gonna', 'll', 'would', 'plan', 'intend']),
	pattern('hedge', 'a hedge', /\b(?:maybe|perhaps|possibly|probably|might|may|could|seems?|appears?|likely|unlikely|I guess|sort of|kind of)\b/i, ['maybe', 'perhaps', 'possibly', 'probably', 'might', 'may', 'could', 'seem', 'seems', 'appear', 'appears', 'likely', 'unlikely', 'guess', 'sort', 'kind']),
	pattern('question', 'a question', /\?\s*["”’')\]]*\s*$/, ['?']),
	pattern('firstPerson', 'speaking of oneself', /\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Mm]yself)\b/, ['i', 'me', 'my', 'myself']),
	pattern('address', 'addressing someone', /\b(?:you|your|you're|you've)\b/i, ['you', 'your']),
	pattern('courtesy', 'a greeting or thanks', /\b(?:thank(?:s| you)|welcome|congratulat\w+|good (?:evening|morning|night|afternoon)|ladies and gentlemen|applause|laughter|crosstalk|God bless|nice to|pleasure to|honou?red to)\b/i, ['thank', 'thanks', 'welcome', 'congratulat*', 'good', 'ladies', 'applause', 'laughter', 'crosstalk', 'god', 'nice', 'pleasure', 'honored', 'honoured']),
	pattern('exclamation', 'an exclamation', /!\s*["”’')\]]*\s*$/, ['!']),
	pattern('negation', 'a denial', /\b(?:not|never|no|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't|won't|can't|nobody)\b/i, ['not', 'never', 'no', 'didn', 'doesn', 'don', 'isn', 'wasn', 'aren', 'weren', 'hasn', 'haven', 'won', 'can', 'nobody']),
	length('short', 'a short sentence', 0, 6),
	length('long', 'a long sentence', 20, Number.MAX_SAFE_INTEGER),
];

/**
 * Every feature, in the order of the weights. Adding, removing or renaming one requires retraining
 * (`npx tsx scripts/trainCheckworthy.ts`), which rewrites weights.ts; the scorer refuses weights for another list.
 */
export const features: readonly Feature[] = scannedFeatures;

/** A fired feature, by its index in {@link features}, with its hit. */
export interface FiredFeature {
	readonly index: number;
	readonly hit: FeatureHit;
}

/**
 * Every cue of {@link scannedFeatures}, built once. Each group of each feature's cue is numbered (a bit of
 * {@link CueScan}'s masks); the word and word-beginning entries make a letter tree, stored flat: state `s`
 * (1 is the root, 0 the dead end) goes to `next[s * 26 + letter]`, and a word ending at `s` (or reaching it, for
 * a beginning) sets the groups of its entries.
 */
interface CueIndex {
	/** The masks (low, high) of the groups each feature needs, by feature index: 0, 0 for a feature without a cue. */
	readonly needLow: Int32Array;
	readonly needHigh: Int32Array;
	readonly next: Int32Array;
	readonly wordLow: Int32Array;
	readonly wordHigh: Int32Array;
	readonly beginningLow: Int32Array;
	readonly beginningHigh: Int32Array;
	/** The groups of the "*ed" entries. */
	readonly pastSuffixLow: number;
	readonly pastSuffixHigh: number;
	/** The groups of each ASCII character's entries ("0" stands for every digit). */
	readonly asciiLow: Int32Array;
	readonly asciiHigh: Int32Array;
	/** The groups of other characters' entries (€, £), by character code: [low, high]. */
	readonly other: ReadonlyMap<number, readonly [number, number]>;
}

/** At most 64 cue groups: the bits of two 32-bit masks. */
const MAX_CUE_GROUPS = 64;

function buildCueIndex(list: readonly ScannedFeature[]): CueIndex {
	// Built in plain arrays (state 0 the dead end, 1 the root), then copied into typed ones.
	const next: number[] = new Array<number>(2 * 26).fill(0);
	const masks = { wordLow: [0, 0], wordHigh: [0, 0], beginningLow: [0, 0], beginningHigh: [0, 0] };
	let states = 2;
	const stateOf = (letters: string): number => {
		let state = 1;
		for (let i = 0; i < letters.length; i++) {
			const slot = state * 26 + letters.charCodeAt(i) - 0x61;
			if (next[slot] === 0) {
				next[slot] = states++;
				for (let k = 0; k < 26; k++) next.push(0);
				for (const list of Object.values(masks)) list.push(0);
			}
			state = next[slot];
		}
		return state;
	};
	const bit = (mask: number, group: number, half: 0 | 1): number => ((group >> 5) === half ? mask | (1 << (group & 31)) : mask);
	let pastSuffixLow = 0;
	let pastSuffixHigh = 0;
	const asciiLow = new Int32Array(0x80);
	const asciiHigh = new Int32Array(0x80);
	const other = new Map<number, [number, number]>();
	const addCharacter = (code: number, group: number): void => {
		if (code < 0x80) {
			asciiLow[code] = bit(asciiLow[code], group, 0);
			asciiHigh[code] = bit(asciiHigh[code], group, 1);
			return;
		}
		const masksOf = other.get(code) ?? [0, 0];
		other.set(code, [bit(masksOf[0], group, 0), bit(masksOf[1], group, 1)]);
	};
	let groupCount = 0;
	const needLow = new Int32Array(list.length);
	const needHigh = new Int32Array(list.length);
	list.forEach((feature, index) => {
		for (const entries of feature.cue ?? []) {
			const group = groupCount++;
			if (group >= MAX_CUE_GROUPS) throw new Error(`more than ${MAX_CUE_GROUPS} cue groups`);
			needLow[index] = bit(needLow[index], group, 0);
			needHigh[index] = bit(needHigh[index], group, 1);
			for (const entry of entries) {
				if (entry === '0') {
					for (let digit = 0x30; digit <= 0x39; digit++) addCharacter(digit, group);
				} else if (entry === '*ed') {
					pastSuffixLow = bit(pastSuffixLow, group, 0);
					pastSuffixHigh = bit(pastSuffixHigh, group, 1);
				} else if (!/^[a-z]/.test(entry)) {
					if (entry.length !== 1) throw new Error(`cue '${entry}' of ${feature.id} is neither a word nor one character`);
					addCharacter(entry.charCodeAt(0), group);
				} else {
					const beginning = entry.endsWith('*');
					const letters = beginning ? entry.slice(0, -1) : entry;
					if (!/^[a-z]+$/.test(letters)) throw new Error(`cue '${entry}' of ${feature.id} is not lowercase letters`);
					const state = stateOf(letters);
					const [low, high] = beginning ? [masks.beginningLow, masks.beginningHigh] : [masks.wordLow, masks.wordHigh];
					low[state] = bit(low[state], group, 0);
					high[state] = bit(high[state], group, 1);
				}
			}
		}
	});
	return {
		needLow, needHigh,
		next: Int32Array.from(next),
		wordLow: Int32Array.from(masks.wordLow), wordHigh: Int32Array.from(masks.wordHigh),
		beginningLow: Int32Array.from(masks.beginningLow), beginningHigh: Int32Array.from(masks.beginningHigh),
		pastSuffixLow, pastSuffixHigh, asciiLow, asciiHigh, other,
	};
}

const cueIndex = buildCueIndex(scannedFeatures);

function isSpaceOfWordCount(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}

/**
 * Reads `sentence` once: walks each word (a run of `[A-Za-z0-9_]`) down the cue tree, notes the character cues,
 * the first capital after a space and the word count.
 */
function scanCues(sentence: string): CueScan {
	const { next, wordLow, wordHigh, beginningLow, beginningHigh, asciiLow, asciiHigh } = cueIndex;
	let low = 0;
	let high = 0;
	let firstCapitalAfterSpace = -1;
	let words = 0;
	let inSpacedWord = false;
	let wordStart = -1;
	// The word's state in the cue tree (0: no cue word continues so).
	let state = 0;
	const length = sentence.length;
	for (let i = 0; i <= length; i++) {
		const code = i < length ? sentence.charCodeAt(i) : 0x20;
		const lower = code | 0x20;
		if (lower >= 0x61 && lower <= 0x7a) {
			if (!inSpacedWord) words++;
			inSpacedWord = true;
			if (wordStart < 0) {
				wordStart = i;
				state = 1;
			}
			if (code <= 0x5a && firstCapitalAfterSpace < 0 && i > 0 && sentence.charCodeAt(i - 1) === 0x20) firstCapitalAfterSpace = i;
			if (state !== 0) {
				state = next[state * 26 + lower - 0x61];
				low |= beginningLow[state];
				high |= beginningHigh[state];
			}
			continue;
		}
		if (i < length) {
			const space = isSpaceOfWordCount(code);
			if (!space && !inSpacedWord) words++;
			inSpacedWord = !space;
		}
		if ((code >= 0x30 && code <= 0x39) || code === 0x5f) {
			// Digits and "_" belong to the word; no cue word holds them.
			if (wordStart < 0) wordStart = i;
			state = 0;
		} else if (wordStart >= 0) {
			// The word before `i` ends: its own cues, and "*ed" (five or more characters ending in "ed").
			low |= wordLow[state];
			high |= wordHigh[state];
			if (i - wordStart >= 5 && (sentence.charCodeAt(i - 1) | 0x20) === 0x64 && (sentence.charCodeAt(i - 2) | 0x20) === 0x65) {
				low |= cueIndex.pastSuffixLow;
				high |= cueIndex.pastSuffixHigh;
			}
			wordStart = -1;
			state = 0;
		}
		if (i === length) break;
		if (code < 0x80) {
			low |= asciiLow[code];
			high |= asciiHigh[code];
		} else {
			const characterCue = cueIndex.other.get(code);
			if (characterCue !== undefined) {
				low |= characterCue[0];
				high |= characterCue[1];
			}
		}
	}
	return { low, high, firstCapitalAfterSpace, words };
}

/** Whether every cue group of the feature at `index` has an entry in the scanned sentence. */
function cueOccurs(index: number, scan: CueScan): boolean {
	const needLow = cueIndex.needLow[index];
	const needHigh = cueIndex.needHigh[index];
	return (scan.low & needLow) === needLow && (scan.high & needHigh) === needHigh;
}

/**
 * The features that fire on `sentence` (curly apostrophes read as straight ones, so "we’re" and "we're" agree;
 * the offsets stay valid since the replacement keeps the length).
 */
export function detectFeatures(sentence: string): FiredFeature[] {
	const text = sentence.includes('’') ? sentence.replace(/’/g, "'") : sentence;
	const scan = scanCues(text);
	const fired: FiredFeature[] = [];
	for (let index = 0; index < scannedFeatures.length; index++) {
		if (!cueOccurs(index, scan)) continue;
		const hit = scannedFeatures[index].detectScanned(text, scan);
		if (hit) fired.push({ index, hit });
	}
	return fired;
}
