/**
 * Hand-written cue words of the entity recognizer, lower-case. Written for this project from general knowledge
 * of English news style; none is harvested from an evaluation corpus.
 */

/** Whitespace-separated words; "_" stands for a space inside a multi-word name. */
function set(words: string): ReadonlySet<string> {
	return new Set(words.split(/\s+/).filter((w) => w.length > 0).map((w) => w.replace(/_/g, ' ')));
}

/** Adds the abbreviated spelling with a final period ("dr" -> "dr.") of every word of up to five letters. */
function withPeriods(words: ReadonlySet<string>): ReadonlySet<string> {
	return new Set([...words, ...[...words].filter((w) => w.length <= 5).map((w) => `${w}.`)]);
}

/** Titles that precede a person's name and are trimmed from the mention ("President", "Mr", "Dr."). */
export const TITLES = withPeriods(set(`
	mr mrs ms miss dr prof professor sir dame lord lady president vice-president premier chancellor minister
	secretary secretary-general king queen prince princess emperor empress sheikh emir sultan pope cardinal
	archbishop bishop rev reverend father rabbi imam ayatollah senator sen rep representative congressman
	congresswoman governor gov mayor judge justice ambassador envoy commissioner chairman chairwoman chief
	director spokesman spokeswoman general gen col colonel lt lieutenant capt captain major maj sgt sergeant
	admiral commander marshal brigadier corporal private officer inspector superintendent detective coach
	manager striker midfielder defender goalkeeper keeper forward batsman bowler captain skipper pitcher
	quarterback driver rider champion player leader dictator president-elect prime-minister deputy
	chairperson ceo executive analyst economist presenter columnist correspondent reporter writer author
	actor actress singer star veteran rookie teammate compatriot countryman opponent challenger candidate
	nominee counterpart colleague hopeful former late mp mep lawmaker legislator dissident rebel
	sheriff coroner constable pastor deacon engineer historian architect founder co-founder cofounder
	`));

/** Titles given by a company or a club: the name right before one is the employer ("Cofinec CEO", "Arsenal striker"). */
export const ORG_TITLES = withPeriods(set(`
	ceo cfo coo chairman chairwoman chairperson spokesman spokeswoman director executive manager coach striker
	midfielder defender goalkeeper keeper batsman bowler pitcher quarterback skipper
	`));

/** Words that only modify a following title ("Prime Minister", "Foreign Secretary"); dropped with it. */
export const TITLE_MODIFIERS = set(`
	prime foreign finance defence defense interior home trade economy economics justice health education
	agriculture energy labour labor transport environment culture industry deputy vice acting assistant
	associate executive senior junior chief grand supreme first second former general attorney state
	parliamentary opposition party team club national head managing
	`);

/** Last words that make a capitalised run an organization ("... Party", "... Inc"). */
export const ORG_KEYWORDS = set(`
	inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv bv gmbh spa ab asa oy kk group holdings
	holding company companies industries international enterprises partners associates bank bancorp
	bankshares securities capital investments fund trust insurance assurance airlines airways air motors
	systems technologies technology communications telecom telecommunications networks energy petroleum oil
	gas mining resources steel chemicals pharmaceuticals foods brewery breweries media news newspaper times
	post journal herald tribune gazette television tv radio press agency service services exchange board
	party union council committee commission ministry department office bureau authority agency institute
	institution foundation association federation league club society organisation organization
	university college school academy court tribunal parliament assembly congress senate house cabinet
	government administration army navy force forces police guard militia front movement alliance coalition
	church mission centre center hospital clinic museum orchestra band fc afc cf sc ac united city rovers
	wanderers athletic athletico hotspur albion county town rangers celtic programme laboratory laboratories
	records publishing publishers broadcasting library theatre theater project division brigade regiment
	battalion corps squadron fleet network partnership consortium studios entertainment electronics software pharma labs
	stores brands hotel hotels fm logistics shipping construction engineering solutions ventures properties realty
	beverages metals minerals apparel cosmetics aviation aerospace automotive healthcare biotech therapeutics
	biosciences semiconductor semiconductors dynamics robotics analytics consulting manufacturing textiles cement
	petrochemicals refining utilities shipyard shipyards brewing distillery productions pictures electric
	`);

/** Last words that only a company's name ends with ("... Ltd", "... Inc."): the run is a company whatever it holds. */
export const CORPORATE_DESIGNATORS = set(`inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa s.a. nv bv gmbh spa ab
	asa oy kk bhd`);

/** First words that make "X of Y" an organization ("Bank of England", "University of Chicago"). */
export const ORG_HEADS = set(`
	bank university college institute ministry department office bureau council committee commission
	association federation union league society academy court board house church party chamber school
	organisation organization agency federal army navy banco banque universidad université universite universität
	universitat universidade instituto institut ministerio ministère
	`);

/**
 * Words after which an organization's name goes on with "for" or "on" ("Commission on Human Rights", "Centre for
 * Disease Control"). Not "league" or "house": "National Hockey League for the Boston Bruins".
 */
export const ORG_BODY_HEADS = set(`commission committee council office centre center institute institution organisation
	organization campaign coalition alliance movement foundation fund society association federation front agency
	board bureau department ministry programme authority`);

/** Last words that make a capitalised run a place ("... River", "... Island"). */
export const PLACE_KEYWORDS = set(`
	river rivers lake lakes sea ocean bay gulf strait straits channel island islands isle isles peninsula
	mountain mountains mount mt hills hill valley desert coast beach province region county state district
	territory territories street st avenue road square park bridge canal heights plains plateau forest
	falls cape point harbour harbor port airport reservoir creek pond junction dock docks canyon glacier
	volcano lagoon marsh swamp springs township borough stadium arena oval rink speedway racecourse velodrome ballpark
	parish prison jail penitentiary courthouse pavilion
	`);

/** Last words of organizations named after a person ("Reagan Administration"): the first word alone is the person. */
export const EPONYMOUS_ORG_TAILS = set(`administration government cabinet presidency campaign foundation doctrine`);

/** Heads that make "X of Y" a place ("Gulf of Mexico", "Isle of Man"). */
export const PLACE_HEADS = set(`gulf bay isle island islands strait sea cape republic kingdom state states city palais palace
	palacio château chateau castle`);

/** Lower-case particles that make "X of Y" in English, French, Spanish, Italian or Portuguese names. */
export const OF_WORDS = set(`of de des du del della di da do`);

/** Last words of events, awards and other names that are none of the three types ("World Cup"). */
export const MISC_KEYWORDS = set(`
	cup open championship championships games olympics olympic trophy prix prize award awards tour classic
	series masters war festival day week year act treaty accord agreement index derby rally marathon
	`);

/** Lower-case particles allowed inside a name ("Bank of England", "Ludwig van Beethoven"). */
export const CONNECTORS = set(`of de des da do dos das del della di du van von der den ter le la bin ibn bint al el y &`);

/** Capitalised words that are never entities on their own: calendar words and the like. */
export const NEVER = set(`
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
	september october november december jan feb mar apr jun jul aug sep sept oct nov dec i i'm i'd i've i'll
	god ok tv internet web am pm gmt est edt bst cet
	`);

/** Verbs of speech that follow a person's name ("Smith said"). */
export const PERSON_VERBS = set(`said says told added asked says stated wrote declared explained noted argued insisted replied`);

/** Prepositions after which an unknown capitalised name is most likely a place. */
export const PLACE_PREPOSITIONS = set(`in at near from to into outside inside across via toward towards`);

/** Places the generated gazetteers miss: former states, regions named by phrases, dotted abbreviations. */
export const EXTRA_PLACES = set(`
	u.s. u.s u.k. u.k us usa uk uae u.s.a. yugoslavia czechoslovakia ussr zaire rhodesia burma
	west_bank gaza gaza_strip middle_east midwest mid-west balkans caucasus gulf persian_gulf
	soviet_union east_germany west_germany latin_america south_america north_america central_america
	east_timor hong_kong new_york taiwan tibet chechnya kashmir kosovo bosnia herzegovina kurdistan
	scandinavia siberia sahara mediterranean atlantic pacific arctic antarctic europe asia africa
	the_hague white_house wall_street downing_street capitol_hill silicon_valley
	`);

/**
 * First-level regions (states, provinces, counties, Länder) named often in the news that the generated gazetteers
 * miss, some because the name is also a given name or a word ("Virginia", "Kent", "Java"): places, weak as towns are.
 */
export const EXTRA_REGIONS = set(`
	virginia new_south_wales western_australia south_australia northern_territory
	kent devon cheshire wiltshire berkshire northumberland merseyside worcestershire herefordshire shropshire
	bedfordshire middlesex glamorgan fife lothian ulster munster leinster connacht
	xinjiang hubei henan hebei shandong jiangsu zhejiang yunnan guangxi shaanxi shanxi liaoning heilongjiang anhui
	hainan inner_mongolia ningxia
	donbas sindh balochistan baluchistan khyber_pakhtunkhwa waziristan helmand nangarhar anbar nineveh diyala
	hesse thuringia brandenburg lower_saxony north_rhine-westphalia baden-wurttemberg baden-württemberg
	rhineland-palatinate schleswig-holstein lombardy piedmont veneto sardinia calabria campania apulia puglia liguria
	umbria catalonia andalusia galicia aragon castile asturias brittany provence alsace burgundy lorraine aquitaine
	picardy flanders wallonia
	darfur kordofan ogaden tigray amhara oromia katanga kivu north_kivu south_kivu mindanao luzon visayas aceh papua
	java sumatra borneo sulawesi sabah golan galilee negev sinai
	`);

/**
 * Cities the generated gazetteer misses or spells otherwise (GeoNames has "Odessa", news now writes "Odesa"); large
 * enough to be places even where a cue says otherwise ("in Odesa said").
 */
export const EXTRA_MAJOR_CITIES = set(`odesa zaporizhzhia zaporizhia mykolaiv kharkov kiev dnipropetrovsk`);

/**
 * Cities the generated gazetteer leaves out because the name is also a given name or a rare English word and the
 * city has under 300,000 inhabitants, though the news names it often ("Orlando", "Saskatoon"): places, weak as towns are.
 */
export const EXTRA_CITIES = set(`orlando saskatoon bordeaux yonkers modena wigan`);

/**
 * Organizations the generated gazetteers miss: institutions known by one word or an acronym; companies, unions,
 * universities, parties and clubs often named in the news; the teams of the North American leagues by the nickname
 * alone, where it is no ordinary word capitalised ("Patriots", "Red Sox"; not "Heat", "Jazz", "Kings" or "Vikings").
 */
export const EXTRA_ORGS = set(`
	un u.n. u.n nato eu e.u. imf wto who opec fifa uefa ioc nba nfl nhl nasa fbi cia kgb fed federal_reserve
	bundesbank treasury pentagon kremlin congress senate parliament interpol reuters interfax xinhua tass itar-tass
	ap afp bbc cnn nasdaq nyse ira plo hamas hizbollah hezbollah taleban taliban red_cross
	world_bank security_council european_union european_commission
	greenpeace amnesty_international human_rights_watch unicef unhcr wfp undp unep icrc msf osce asean oecd apec
	mercosur europol frontex eurostat ecb african_union arab_league world_health_organization world_food_programme
	international_monetary_fund international_atomic_energy_agency iaea international_criminal_court
	world_trade_organization european_central_bank european_parliament council_of_europe save_the_children
	doctors_without_borders red_crescent world_economic_forum bank_of_england bank_of_japan al-shabaab boko_haram
	al-qaeda wagner_group cdc epa ftc
	apple barclays lloyds lloyds_banking_group morgan_stanley deutsche_bank credit_suisse bnp_paribas societe_generale
	commerzbank rabobank standard_chartered bank_of_america blackrock jp_morgan j.p._morgan exxon conocophillips
	totalenergies eni equinor pemex gazprom rosneft lukoil aramco saudi_aramco sinopec rio_tinto bhp anglo_american
	arcelormittal thyssenkrupp airbus lockheed_martin raytheon northrop_grumman bae_systems rolls-royce honeywell
	glaxosmithkline gsk astrazeneca sanofi merck moderna biontech alibaba huawei bytedance tiktok instagram whatsapp
	linkedin spotify snapchat reddit openai qualcomm hewlett-packard foxconn tsmc kia renault easyjet lufthansa qantas
	sky_news bbc_news fox_news msnbc abc_news channel_4 channel_4_news washington_post daily_mail new_york_post
	los_angeles_times politico buzzfeed huffington_post huffpost breitbart bloomberg_news le_monde le_figaro el_pais
	bild kyodo yonhap ria_novosti dpa
	lib_dems liberal_democrats gop mi5 mi6 gchq scotland_yard met_police metropolitan_police house_of_commons
	house_of_lords supreme_court bundestag duma knesset state_department home_office foreign_office ofcom ofsted
	manchester_united man_utd man_city bayern_munich juventus ac_milan inter_milan paris_saint-germain psg
	borussia_dortmund wwf unaids
	dhs fema irs usda nih noaa atf tsa fcc ntsb justice_department ofgem ofwat hmrc dvla cps serious_fraud_office
	environment_agency met_office national_trust rspca rspb nspcc rmt tuc cbi network_rail royal_mail national_grid
	transport_for_london tfl opcw unrwa ocha fao icc iea gulf_cooperation_council bank_of_canada
	pkk farc muslim_brotherhood fatah anc zanu-pf likud sinn_fein plaid_cymru syriza podemos front_national afd cdu csu
	spd fdp bjp pti kuomintang kmt ldp
	lyft t-mobile time_warner viacom ubisoft electronic_arts ericsson henkel h&m inditex primark marks_&_spencer asda
	morrisons waitrose aldi lidl kroger best_buy burger_king coca-cola nestlé danone mondelez diageo heineken
	carlsberg ab_inbev british_american_tobacco syngenta cargill schlumberger repsol mastercard nomura mizuho citibank
	merrill_lynch lehman_brothers freddie_mac axa allianz aviva s&p embraer chrysler fiat_chrysler stellantis
	jaguar_land_rover opel skoda tata_motors tata_steel mahindra infosys wipro sk_hynix lg_electronics
	npr c-span cnbc espn hbo hulu bbc_world_service rte al_arabiya press_tv france_24 deutsche_welle euronews nhk cctv
	global_times south_china_morning_post times_of_india haaretz ynet al-ahram arab_news new_yorker rolling_stone
	vanity_fair techcrunch mashable anadolu anadolu_agency irna wafa
	bcci rfu arsenal everton west_ham atletico_madrid olympique_lyonnais olympique_de_marseille benfica galatasaray
	fenerbahce besiktas zenit spartak_moscow cska_moscow shakhtar_donetsk dynamo_kyiv
	harvard yale stanford caltech sorbonne aeroflot etihad alitalia aer_lingus cathay_pacific jetblue pinterest tumblr
	dropbox shopify spacex agence_france-presse voice_of_america radio_free_europe medecins_sans_frontieres
	médecins_sans_frontières reporters_without_borders committee_to_protect_journalists islamic_jihad
	yahoo tesla oracle adobe nikon fujitsu daewoo porsche citroen ferrari ducati saab scania roche bosch bbva abn_amro
	unicredit intesa_sanpaolo generali munich_re swiss_re deutsche_telekom cbs abc efe ansa mcdonald's wendy's
	general_mills eli_lilly abbvie bristol-myers_squibb amgen gilead novavax lockheed northrop general_dynamics cnooc
	softbank mufg 3m rite_aid cvs
	afl-cio uaw seiu teamsters unite_here ig_metall cosatu usdaw ufcw ibew cupe unifor united_steelworkers
	air_france air_india air_canada air_china air_new_zealand meta islamic_state isil
	fidesz jobbik one_nation
	ucla nyu mit tsinghua imperial_college ucl princeton cornell lse
	kadima psoe pasok akp chp hdp mhp umno awami_league forza_italia die_linke en_marche pml-n dpj dpp pri m5s
	social_democrats christian_democrats free_democrats elysee dfid dwp cbp
	schalke feyenoord anderlecht psv psv_eindhoven sporting_lisbon fc_porto ajax olympiacos panathinaikos celtic rangers
	napoli lazio fiorentina sampdoria atalanta udinese villarreal real_sociedad athletic_bilbao espanyol celta_vigo
	osasuna bayer_leverkusen werder_bremen rb_leipzig eintracht_frankfurt borussia_monchengladbach hertha_berlin
	olympique_marseille tottenham crystal_palace nottingham_forest sheffield_wednesday
	patriots cowboys packers steelers seahawks broncos raiders chargers ravens bengals colts jaguars falcons buccaneers
	eagles bears lions dolphins giants saints lakers celtics knicks 76ers raptors cavaliers pistons pacers hawks
	hornets wizards nuggets timberwolves trail_blazers clippers mavericks grizzlies pelicans warriors yankees red_sox
	blue_jays orioles white_sox astros mariners mets braves phillies marlins cubs brewers dodgers padres rockies
	diamondbacks bruins canadiens maple_leafs sabres red_wings flyers penguins blackhawks blue_jackets oilers canucks
	golden_knights
	`);

/** Group nouns that are neither people, organizations nor places ("Moslems", "Kurds"). */
export const EXTRA_DEMONYMS = set(`
	moslem moslems muslim muslims islamic christian christians catholic catholics jewish jew jews hindu hindus
	sikh sikhs buddhist buddhists protestant protestants orthodox arab arabs arabic kurd kurds kurdish serb serbs
	croat croats bosnians albanians palestinians israelis olympic olympics western eastern nordic latin shi'ite
	shi'ites sunni sunnis anglo franco marxist marxists republican republicans democrat democrats british briton
	britons scots scottish welsh irish english soviet yugoslav hutu hutus tutsi tutsis azeri azeris afrikaner
	afrikaners basque basques
	`);

/** Lower-case nouns around a name that mark it as a place ("the city of X", "X province"). */
export const PLACE_NOUNS = set(`city town village province region district state county capital port island republic
	suburb area border airport river valley`);

/**
 * Companies whose name is a possessive, by the word before the "'s" ("Moody's", "Sotheby's"); not those named like a
 * person in the news ("Kohl's", "Christie's").
 */
export const POSSESSIVE_ORGS = set(`moody mcdonald sainsbury macy kellogg sotheby harrod dillard domino hardee`);

/** Parties named by one capitalised word inside a sentence ("behind Labour in the polls", "a Liberal member"). */
export const PARTY_WORDS = set(`labour labor liberal liberals tory tories conservative conservatives`);

/**
 * Newspapers and magazines named by one word after "the" ("the Guardian", "The Economist"); not those whose word
 * also names a thing spelt with a capital ("the Sun", "the Mirror", "the Mercury", "the Constitution").
 */
/** Diseases the news names, never a person, organization or place ("Ebola", "Covid-19"). */
export const DISEASES = set(`ebola zika covid covid-19 sars mers hiv h1n1 h5n1 mpox monkeypox`);

/** Nouns after which a capitalised word names a disease ("the Zika virus", "an Ebola outbreak"). */
export const DISEASE_NOUNS = set(`virus viruses outbreak outbreaks epidemic epidemics pandemic infection infections symptoms`);

export const NEWSPAPER_NAMES = set(`guardian telegraph observer times economist spectator herald tribune gazette chronicle
	inquirer scotsman hindu`);

/** Legislatures named by one capitalised word after "the" inside a sentence ("passed the House", "the Commons"). */
export const LEGISLATURE_WORDS = set(`house commons lords`);

/** Lower-case nouns after a name that mark it as an organization ("Interfax news agency", "Pirelli shares"). */
export const ORG_AFTER = set(`agency company firm group bank newspaper daily magazine shares stock club side team party
	officials spokesman spokeswoman executives chairman board unit subsidiary airline carrier operator`);

/**
 * Lower-case nouns that name a kind of organization, before its name ("the news agency Tanjug", "carmaker Kia") or
 * as an apposition after it ("Cofinec, a Hungarian company,").
 */
export const ORG_NOUNS = set(`newspaper daily weekly magazine agency company firm carrier airline bank lender insurer broker
	brokerage conglomerate group maker manufacturer retailer publisher broadcaster network club team party movement
	utility operator developer distributor exporter importer producer supplier automaker carmaker chipmaker
	subsidiary unit brewer miner refiner organisation organization charity band chain label station channel orchestra
	choir ensemble`);

/** What only an organization has, after a possessive ("Korvella's shares", "Korvella's board"). */
export const ORG_POSSESSIONS = set(`shares stock stocks board shareholders stake profit profits revenue revenues earnings
	sales subsidiary subsidiaries unit units headquarters customers products`);

/** Words that may follow an appositive organization noun and end the apposition ("..., a bank that ..."). */
export const APPOSITION_ENDS = set(`that which whose based with of in and`);

/** Verbs of a match's result: with a score on the same line ("beat ... 2-0") they make the line a sports report. */
export const RESULT_VERBS = set(`beat beats beaten defeated defeat drew draw draws lost lose loses won win wins thrashed
	edged routed hammered overcame`);

/** Words that make a document a sports report, where place names in results usually stand for teams. */
export const SPORTS_WORDS = set(`soccer football cricket tennis golf baseball basketball rugby hockey cycling athletics
	boxing racing motor-racing skiing nfl nba nhl nba mlb`);

