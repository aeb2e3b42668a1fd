import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_FIRST_NAME, GAZ_LOCATION, GAZ_ORG, GAZ_PERSON, GAZ_REGION } from '../ner/lexicon';
import { type NameDetector, type Span, isNameType } from '../types';
import { unambiguousKnownType } from './knownNames';
import { inOrdinaryCase } from './lineCase';

/**
 * Places against organisations. The tagger learned from Reuters results pages, where a town names its club
 * ("a 2-0 win at Brentford"), and types some towns ORG in ordinary news too ("controllers at Nantes
 * airport", "its Inverness base"); it reads unknown place names after "in" as people's names and misses
 * named squares, rivers and buildings. Outside a sports page:
 * - a name the gazetteer knows as a country, capital, region or place, typed ORG or PERSON, is a PLACE,
 *   unless what follows speaks of a company ("Toyota said", "Hitachi shares");
 * - a name followed by a geographic or facility noun ("Nantes airport", "the Irrawaddy delta", "Bago region")
 *   is a PLACE, and so are the names joined to it ("Nantes and Bordeaux airports");
 * - a name after "in", "near", "across", "visited" that the tagger typed as a person, and no person of the
 *   page bears, is a PLACE, and so are the names listed with it ("in Bukit Tinggi and Solok Selatan");
 * - a name opened by a geographic word in any of several languages ("Place de la Concorde", "Río Chagres",
 *   "Lago di Como") or closed by one ("Tiananmen Square", "Berlinale Palast", "Tin Can Island") is one PLACE;
 * - the name after "the town of", "the northern city of", or before what only a place has ("X's mayor",
 *   "X's outskirts") is a PLACE; a capitalised name no one read before a place noun is one ("the Mekong
 *   delta", "Cambodia's Sambor dam"), and so is a known place left out of a list of places ("from Bavaria
 *   and Lower Saxony") or continued into a longer one ("Côte" + "d'Ivoire", "Bosnia and Herzegovina");
 * - the other way, a name typed PLACE that the gazetteer does not know is ORG after "developed by",
 *   "released … by" and the like, when "Union" closes it, when it stands in brackets after an
 *   organisation's name, or when it is listed with organisations only.
 * Every mention of a name so retyped by its context takes the same type. A sports page keeps the
 * convention. Each pass is one sweep over the names or one scan of the text: linear in the text. The
 * gazetteer is the shipped model's (NameDetector.gazetteerFlags); without one, only the context rules apply.
 */

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LETTER = /\p{L}/u;
const NON_ASCII = /[^\u0000-\u007f]/;
const WORD_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
/** Initials and forms of address, which only people's names hold. */
const PERSONAL_WORD = /^(?:\p{Lu}\.|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?$/u;
/** "Jonas Weber in Berlin": a person with a place of their own. */
const OWN_PLACE_AFTER = /^[ \t]+(?:in|at|from)[ \t]+\p{Lu}/u;

/**
 * Regions named in economic and political news that the gazetteer lacks; places like the ones it has
 * (general knowledge; the UN M49 and EU terms for regions and groupings of countries).
 */
const KNOWN_REGIONS = new Set(['Eurozone', 'Euro Zone', 'Euro Area', 'Benelux', 'Baltics', 'Nordics', 'Western Balkans', 'Global South', 'Global North', 'Schengen Area', 'Indo-Pacific', 'Asia-Pacific']);

/** A name and the words that continue it into a longer place's name ("Côte" + "d'Ivoire", "Bosnia" + "and Herzegovina"). */
const JOIN_AFTER = /^(?:[ \t]+(?:and|of|of the|de|del|da|do|du)[ \t]+|[ \t]+d['’])(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})/u;

const PLACE_FLAGS = GAZ_COUNTRY | GAZ_CITY | GAZ_REGION | GAZ_LOCATION;
/** Countries, capitals and first-level regions: places whatever the sentence says. */
const STRONG_PLACE_FLAGS = GAZ_COUNTRY | GAZ_CITY | GAZ_REGION;

/** Words after a name that speak of a company, not a place ("Toyota said", "Hitachi shares", "Orange, the telecoms group"). */
const COMPANY_AFTER = /(?:['’]s?)?\s*(?:said|says|announced|reported|posted|shares?|stock|chief|executive|ceo|chairman|board|profits?|earnings|revenues?|sales|spokes(?:man|woman|person)|shareholders|investors|customers|brand|subsidiary|plc|inc|ltd|group|,\s+(?:the|a|an)\s+[\p{Ll}-]+\s+(?:group|company|firm|maker|giant|operator|bank|carrier|airline|retailer|insurer))\b/iuy;

/** Lower-case nouns after a name that make it a place: geographic features, divisions, and facilities named for a place. */
const PLACE_NOUN_AFTER = /[ \t]+(airports?|seaports?|ports?|harbou?rs?|provinces?|regions?|districts?|county|counties|prefectures?|municipality|oblast|governorate|delta|river|rivers|valley|basin|crossing|border crossing|dam|reservoir|coast|coastline|island|islands|peninsula|strait|mountains|highlands|lowlands|plateau|desert|(?:offshore |onshore )?wind farm|gas field|oil field|refinery|terminal|base|office|offices|suburbs?|neighbourhood|city centre|downtown)(?![\p{L}\p{N}-])/uy;
/** Of those, the nouns that follow organisations' names as often ("the Google office", "the Shell refinery"): for known places only. */
const FACILITY_NOUNS = new Set(['base', 'office', 'offices', 'terminal', 'refinery']);
/**
 * Lower-case nouns after which a capitalised name no one has read is a place's ("the Mekong delta",
 * "Cambodia's Sambor dam", "the Thor wind farm"); found first, the name then read back from them.
 */
const PLACE_NOUN = /[ \t](?:(?:offshore|onshore)[ \t]+)?(?:delta|river|basin|dam|reservoir|valley|province|region|district|county|prefecture|airport|crossing|border crossing|island|peninsula|strait|coast|wind farm|gas field|oil field)(?![A-Za-z-])/g;

/** Plural nouns that take a list of names before them ("Nantes and Bordeaux airports"). */
const PLURAL_NOUNS = new Set(['airports', 'seaports', 'ports', 'harbours', 'harbors', 'provinces', 'regions', 'districts', 'counties', 'prefectures', 'rivers', 'islands', 'offices', 'suburbs']);

/** Words before a name that place it ("kitchens in Bukit Tinggi", "visited Pekanbaru"). */
const LOCATIVE_BEFORE = new Set(['in', 'In', 'near', 'Near', 'across', 'Across', 'throughout', 'outside', 'around', 'visited', 'visiting', 'toured']);
/** Other words before a name that place it ("from X", "the mayor of X"). */
const PLACING_BEFORE = new Set(['from', 'at', 'to', 'towards', 'toward', 'into', 'via', 'off', 'over', 'above', 'along', 'beyond', 'inside', 'within', 'through', 'between', 'of', 'At', 'From']);
/** Words before the first name of a list that a place in it places as a whole ("from Gdynia and Hel"). */
const LIST_BEFORE = new Set(['from', 'between', 'at', 'to', 'towards', 'toward', 'into', 'via']);
/** Lower-case nouns before "of" that make the name after it a place ("the northern city of Kharkiv", "the town of Ustka"). */
const KIND_OF_PLACE = new Set([
  'city', 'town', 'village', 'hamlet', 'municipality', 'province', 'region', 'district', 'county', 'state', 'island', 'islands', 'capital',
  'port', 'commune', 'prefecture', 'suburb', 'suburbs', 'enclave', 'governorate', 'oblast', 'archipelago', 'peninsula', 'parish', 'borough',
  'outskirts', 'streets', 'coast', 'shores', 'banks',
]);
/** Words after a name that place it ("X's governor", "X residents"). */
const PLACING_AFTER = /(?:['’]s)?[ \t]+(?:governor|mayor|residents|people|streets|outskirts|centre|center|city centre|suburbs|port|airport|province|region|coast|villages?|townships?|council|municipality)(?![\p{L}])/uy;
/** What only a place has ("Sibolga's mayor", "Kherson's outskirts"): a name before it, read as a person's or an organisation's, is a place's. */
const ONLY_A_PLACE_HAS = /['’]s[ \t]+(?:governor|mayor|residents|inhabitants|population|outskirts|suburbs|streets|coastline|city centre|old town|airport|seaport|harbour|harbor)(?![\p{L}])/uy;

/** "confidence in X", "faith in X": the person trusted, not a place. */
const TRUST_BEFORE = new Set(['confidence', 'faith', 'trust', 'belief', 'interest', 'stake', 'stakes', 'shares', 'investment', 'investments', 'invest', 'invested', 'investing']);

/** A passive agent: "developed by X", "released in France by X". */
const AGENT_BEFORE = /(?:^|[^\p{L}])(?:developed|operated|owned|run|built|released|distributed|acquired|bought|published|produced|backed|founded|managed|sold|made|issued|funded|financed|sponsored|organised|organized|commissioned|licensed)(?:[ \t]+(?:in|to|across)[ \t]+[\p{L} .'’-]{1,40})?[ \t]+by[ \t]+$/u;

/**
 * Geographic words that open a place's name, in the languages news quotes them in: squares, streets,
 * rivers, lakes, mountains, capes, islands, bays, salt flats. "Rio" without its accent opens companies'
 * names too ("Rio Tinto"), so it counts only before "de", "do", "da".
 */
const PLACE_OPENERS = 'Place|Plaza|Piazza|Piazzale|Praça|Plac|Platz|Rue|Avenida|Calle|Paseo|Río|Rio(?=[ \\t]+d[aeo]s?[ \\t])|Rivière|Lago|Lac|Lake|Loch|Mount|Mont|Mt\\.|Cape|Cabo|Isla|Isola|Île|Ilha|Sierra|Cerro|Puerto|Bahía|Baía|Golfo|Gulf(?=[ \\t]+of[ \\t])|Bay(?=[ \\t]+of[ \\t])|Straits?(?=[ \\t]+of[ \\t])|Sea(?=[ \\t]+of[ \\t])|Isle(?=[ \\t]+of[ \\t])|Salar|Volcán|Laguna|Playa|Gare|Ciudad|Villa(?=[ \\t]+d[eo][ \\t])|São|Deir|Beit|Kafr|Wadi|Jabal|Jebel|Kampung|Pulau|Tanjung|Sungai|Teluk';
const CONNECTORS = "de|de la|de las|de los|del|des|du|d['’]|di|della|delle|dei|degli|do|da|dos|das|of|of the|la|le|les|al|el";
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]*\\p{Ll}";
/** The Arabic article joined to a name ("Deir al-Balah", "Ras an-Naqura"). */
const ARABIC_ARTICLE = '(?:(?:al|el|ad|ash|as|ar|an|at|az)-)?';
const OPENED_PLACE = new RegExp(
  // no look-behind first: a leading look-behind keeps the engine from skipping to the openers' first letters
  `(?:${PLACE_OPENERS})(?:[ \\t]+(?:${CONNECTORS}))?(?:[ \\t]+|(?<=['’]))${ARABIC_ARTICLE}${NAME_WORD}(?:[ \\t]+(?:(?:${CONNECTORS})[ \\t]+)?${ARABIC_ARTICLE}${NAME_WORD}){0,2}(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Capitalised words that close a place's name ("Tiananmen Square", "Berlinale Palast", "Tin Can Island"). */
const PLACE_CLOSERS = 'Square|Street|Avenue|Boulevard|Bridge|Palace|Palast|Platz|Straße|Strasse|Airport|Island|Islands|River|Canal|Dam|Strait|Straits|Sea|Ocean|Valley|Mountains|Hills|Peninsula|Desert|Reservoir|Glacier|Delta|Basin|Coast|Province|Prefecture|Governorate|Oblast|Stadium|Arena|Cathedral|Mosque|Basilica|Castle|Gate';
/** Closers that also end the names of clubs or companies ("Crystal Palace", "Bay Arena" in a results line): not on a sports page. */
const SPORT_CLOSERS = new Set(['Palace', 'Stadium', 'Arena', 'Park']);
/** A closing word, found first (a literal alternation scans fast); the name's words are then read back from it. */
const ADJECTIVE_ENDING = /(?:ish|ese|ian|ean)$/;
/** Words of a place's name before a noun: no apostrophe inside, so an owner's name stays out ("Cambodia's Kratie dam"). */
const PLAIN_WORD = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?';
const WORDS_BEFORE_NOUN = new RegExp(`(?<![\\p{L}\\p{N}'’.-])(${PLAIN_WORD}(?:[ \\t]+${PLAIN_WORD}){0,2})[ \\t]+$`, 'u');
const PLACE_CLOSER = new RegExp(`(?:${PLACE_CLOSERS})(?![A-Za-z])`, 'g');
const WORDS_BEFORE_CLOSER = new RegExp(`(?<![\\p{L}\\p{N}'’-])((?:${NAME_WORD}|\\p{Lu}{2,})(?:[ \\t]+(?:${NAME_WORD}|\\p{Lu}{2,})){0,2})[ \\t]+$`, 'u');

/** Words that never open a place's name found by its closing word ("The Bridge", "New Street" keeps "New"). */
const NOT_OPENING = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Our', 'Their', 'His', 'Her', 'Its', 'My', 'Your', 'In', 'At', 'On', 'From', 'To', 'By', 'For',
  'Of', 'And', 'But', 'Or', 'If', 'When', 'While', 'As', 'After', 'Before', 'Across', 'Near', 'Into', 'Over', 'Under', 'Some', 'Many', 'Every', 'Each',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Main', 'High', 'Old', 'Big', 'Great', 'Northern', 'Southern', 'Eastern', 'Western',
]);

/** Last words that make a name an organisation's: a match holding one is no place ("Gulf of Mexico Council"). */
const ORGANISATION_WORDS = /(?:^|[ \t])(?:Council|Committee|Commission|Company|Corporation|Authority|Agency|Association|Foundation|Institute|University|College|Bank|Group|Fund|Trust|Ministry|Department|Party|Union|League|Club|Hospital|Inc\.?|Ltd\.?|Corp\.?|Holdings|Capital|Partners|Airlines|Airways|Energy|Power|Resources|Mining|Media|Press|Times|Post)(?:[ \t]|$)/u;

/** A company's legal form ending a name ("Taiwan Semiconductor Manufacturing Co"). */
const LEGAL_FORM_END = /[ \t](?:Co|Inc|Corp|Ltd|plc|PLC|SA|AG|NV|SpA|GmbH|LLC|Group)\.?$/u;

/**
 * Sports pages: a score ("2-0", "1-1"), a results line ("Liverpool 3 Everton 1"), a wire's sports slug
 * ("SOCCER -"), or the words of a match report. Two such lines, or a slug, make the page one.
 */
/** A score ("2-0", "1-1"), not a range of figures or a court's vote ("10-15 per cent", "aged 18-24 years", "a 6-3 ruling"). */
const SPORT_SCORE = /(?<![\d.,:/-])\d{1,2}-\d{1,2}(?![\d.,:/%-])(?![ \t]+(?:per ?cent|percent|ruling|vote|votes|decision|majority|years?|months?|weeks?|days?|hours?|minutes?|degrees|mph|km|miles)\b)/g;
const SPORT_RESULT = /\d[ \t]+\p{Lu}\p{L}{1,30}[ \t]+\d{1,2}(?![\d.,])/gu;
// ASCII words, matched without the Unicode flag: a leading literal alternation is the fastest scan. Not "beat",
// "goals" or "league", which business and politics pages use as often ("beat forecasts", "climate goals")
const SPORT_WORDS = /\b(?:drew with|held to a|lost to|striker|midfielder|goalkeeper|innings|wickets?|half-time|halftime|stoppage time|penalty shootout|scored (?:a|an|his|her|their|the|twice)|premier league|champions league|bundesliga|serie a|la liga|ligue 1|nba|nfl|nhl|mlb)\b/gi;
/** A line of a league table or a results list: a name, then three figures or more ("Texas 75 58 .564 -"). */
const TABLE_LINE = /^\p{Lu}[\p{L} .'’-]{0,40}?(?:[ \t]+[\d.]+){3,}/u;
/** Three figures in a row, where a table line may be: found first, then read from its line's start. */
const TABLE_FIGURES = /\d[ \t]+[\d.]+[ \t]+[\d.]/g;
/** Read in the first lines only, where a wire puts it. */
const SPORT_SLUG = /^(?:SOCCER|FOOTBALL|RUGBY|RUGBY UNION|RUGBY LEAGUE|CRICKET|TENNIS|GOLF|BASKETBALL|BASEBALL|ICE HOCKEY|HOCKEY|CYCLING|ATHLETICS|MOTOR RACING|MOTORCYCLING|BOXING|SKIING|SWIMMING|HORSE RACING|NFL|NBA|NHL|F1|FORMULA ONE|SPORTS?)[ \t]+-[ \t]/im;

export function isSportsPage(text: string): boolean {
  if (SPORT_SLUG.test(text.slice(0, 300))) return true;
  // the lines holding a cue, each known by where it ends; every search resumes on the next line, so a
  // megabyte line of cues costs one search
  const lines = new Set<number>();
  for (const re of [SPORT_SCORE, SPORT_RESULT, TABLE_FIGURES, SPORT_WORDS]) {
    // a match report's words count beside a score or a table's line only: a page with neither is no sports page
    if (re === SPORT_WORDS && lines.size === 0) break;
    let from = 0;
    while (from < text.length) {
      const m = execFrom(re, text, from);
      if (!m) break;
      if (re === TABLE_FIGURES && !isTableLine(text, m.index)) {
        from = m.index + 1;
        continue;
      }
      const newline = text.indexOf('\n', m.index);
      const lineEnd = newline < 0 ? text.length : newline;
      lines.add(lineEnd);
      if (lines.size >= 2) return true;
      from = lineEnd + 1;
    }
  }
  return false;
}

/** Whether the figures at `at` belong to a table line: a name of at most 40 characters opens their line. */
function isTableLine(text: string, at: number): boolean {
  const from = Math.max(0, at - 48);
  const newline = text.slice(from, at).lastIndexOf('\n');
  if (newline < 0 && from > 0) return false;
  const lineStart = newline < 0 ? 0 : from + newline + 1;
  return TABLE_LINE.test(text.slice(lineStart, Math.min(text.length, lineStart + 160)));
}

/**
 * Last words that close an organisation's name where the tagger read a place ("African Union", "European Union").
 * Not "Centre", "Club" or "Hospital": named buildings and grounds end so too, and are places.
 */
const PLACE_TYPED_ORG_HEADS = new Set(['Union']);

/** The names of the list holding names[k] ("X, Y and Z"), names[k] among them; names[k] alone when it is in none. */
function listAround(text: string, names: Span[], k: number): Span[] {
  let first = k;
  while (first > 0 && names[first].start - names[first - 1].end <= 8 && LIST_GAP.test(text.slice(names[first - 1].end, names[first].start))) first--;
  const out = [names[first], ...listedAfter(text, names, first)];
  return out.includes(names[k]) ? out : [names[k]];
}

/** What separates the names of a list. */
const LIST_GAP = /^(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)$/;

/**
 * The detector's names with the rules above applied: retyped spans are new objects (the detector's
 * confidence in the old type does not carry over); places found by their opening or closing word replace
 * the names inside them.
 */
export function placesAgainstOrganizations(text: string, spans: Span[], detector: NameDetector): Span[] {
  // whether the page is a sports page, read once and only when a rule would retype a name
  let sportsPage: boolean | undefined;
  const sports = (): boolean => (sportsPage ??= isSportsPage(text));
  const cache = new Map<string, number>();
  const flagsOf = (name: string): number => {
    if (!detector.gazetteerFlags) return 0;
    let f = cache.get(name);
    if (f === undefined) {
      // the gazetteer holds names with a straight apostrophe ("Côte d'Ivoire")
      f = detector.gazetteerFlags(name.includes('’') ? name.replace(/’/g, "'") : name);
      // the gazetteer's lists write many names without their accents ("Medellin")
      if (f === 0 && NON_ASCII.test(name)) f = detector.gazetteerFlags(name.normalize('NFD').replace(COMBINING_MARKS, '').replace(/’/g, "'"));
      cache.set(name, f);
    }
    return f;
  };
  const names = spans.filter((s) => isNameType(s.type)).sort((a, b) => a.start - b.start);
  const others = spans.filter((s) => !isNameType(s.type));
  // the surnames of the page's people: a name after "in" that one of them bears is that person
  const surnames = new Map<string, string>();
  for (const s of names) {
    if (s.type !== 'PERSON') continue;
    const words = s.text.split(/\s+/);
    // a surname two people of the page bear marks both: "" stands for more than one full name
    if (words.length >= 2) {
      const last = words[words.length - 1];
      const full = surnames.get(last);
      surnames.set(last, full === undefined || full === s.text ? s.text : '');
    }
  }
  const retyped = new Map<Span, Span['type']>();
  const retype = (s: Span, type: Span['type']): void => {
    // a name the lexicon of well-known names types wherever it stands keeps that type ("Shares of Toyota")
    if (s.type !== type && unambiguousKnownType(s.text) !== s.type) retyped.set(s, type);
  };
  /** surfaces made places by their context: their other mentions follow */
  const contextual = new Set<string>();

  for (let k = 0; k < names.length; k++) {
    const s = names[k];
    // MISC holds nationalities and adjectives that the gazetteer also lists as places ("Saudi", "Western"):
    // only a region it lacks is retyped
    if (s.type === 'MISC' && !KNOWN_REGIONS.has(s.text)) continue;
    if (s.type === 'PLACE') {
      if (wordBefore(text, s.start) === 'by' && (flagsOf(s.text) & PLACE_FLAGS) === 0 && !KNOWN_REGIONS.has(s.text) &&
        AGENT_BEFORE.test(text.slice(Math.max(0, s.start - 60), s.start))) retype(s, 'ORG');
      continue;
    }
    const flags = KNOWN_REGIONS.has(s.text) ? GAZ_REGION : flagsOf(s.text);
    const knownPlace = (flags & PLACE_FLAGS) !== 0 && (flags & GAZ_ORG) === 0;
    const spaced = text[s.end] === ' ' || text[s.end] === '\t';
    // what follows the name is read in place, by sticky expressions: no copy of the text
    const after = spaced || text[s.end] === "'" || text[s.end] === '’';
    // a place noun after the name
    const noun = spaced ? execFrom(PLACE_NOUN_AFTER, text, s.end) : null;
    if (noun && (knownPlace || !FACILITY_NOUNS.has(noun[1])) && (flags & (GAZ_ORG | GAZ_DEMONYM)) === 0) {
      if (sports()) continue;
      retype(s, 'PLACE');
      contextual.add(s.text);
      if (PLURAL_NOUNS.has(noun[1])) {
        for (const p of listedBefore(text, names, k)) {
          if (p.type !== 'MISC' && (flagsOf(p.text) & (GAZ_ORG | GAZ_DEMONYM)) === 0) retype(p, 'PLACE');
        }
      }
      continue;
    }
    // "Sibolga's mayor", "Kherson's outskirts"
    if (after && execFrom(ONLY_A_PLACE_HAS, text, s.end) && (flags & (GAZ_ORG | GAZ_DEMONYM)) === 0 && s.text !== s.text.toUpperCase() &&
      !(s.type === 'PERSON' && !readsAsPlace(s, flags, surnames))) {
      if (sports()) continue;
      retype(s, 'PLACE');
      contextual.add(s.text);
      continue;
    }
    // "the town of Ustka", "the northern city of Kharkiv"
    if (wordBefore(text, s.start) === 'of' && KIND_OF_PLACE.has(secondWordBefore(text, s.start)) && (flags & (GAZ_ORG | GAZ_DEMONYM)) === 0) {
      if (sports()) continue;
      retype(s, 'PLACE');
      contextual.add(s.text);
      continue;
    }
    // a person's name that is also a place's ("Holland" after "Mr Holland"): the page's people keep theirs
    if (!knownPlace || (s.type === 'PERSON' && ((flags & (GAZ_PERSON | GAZ_FIRST_NAME)) !== 0 || surnames.has(s.text)))) continue;
    // "the Palestinian Authority (PA)": an organisation's abbreviation, whatever else it spells
    if (text[s.start - 1] === '(' && text[s.end] === ')') continue;
    // a country, a capital or a region is a place outside a sports page; a place WordNet alone knows
    // ("Toyota" is also a town) where the sentence places it ("in", "at", "from", "X's mayor")
    const before = wordBefore(text, s.start);
    const placed = (flags & STRONG_PLACE_FLAGS) !== 0 ||
      ((LOCATIVE_BEFORE.has(before) || PLACING_BEFORE.has(before) || (after && execFrom(PLACING_AFTER, text, s.end) !== null)) &&
        execFrom(COMPANY_AFTER, text, s.end) === null);
    if (placed && !sports()) retype(s, 'PLACE');
  }
  // names after "in", "near", "visited" ("kitchens in Bukit Tinggi and Solok Selatan"), or listed after
  // "from", "at", "between" with a place ("from Gdynia and Hel")
  {
    for (let k = 0; k < names.length; k++) {
      const before = wordBefore(text, names[k].start);
      const locative = LOCATIVE_BEFORE.has(before) && !(before === 'in' && TRUST_BEFORE.has(wordBefore(text, names[k].start - before.length - 1).toLowerCase()));
      if (!locative && !LIST_BEFORE.has(before)) continue;
      const members = [names[k], ...listedAfter(text, names, k)];
      const typeOf = (p: Span): Span['type'] => retyped.get(p) ?? p.type;
      const unknownPerson = (p: Span): boolean => typeOf(p) === 'PERSON' && readsAsPlace(p, flagsOf(p.text), surnames) &&
        !/^['’]/.test(text.slice(p.end, p.end + 1));
      const placed = members.some((p) => typeOf(p) === 'PLACE');
      if ((!placed && !(locative && members.some(unknownPerson))) || sports()) continue;
      for (const p of members) {
        const t = typeOf(p);
        const f = flagsOf(p.text);
        // "By Ann Lee in Paris and Jonas Weber in Berlin": a person with a place of their own
        const flip = t === 'PERSON' ? unknownPerson(p) && (p === members[0] || !OWN_PLACE_AFTER.test(text.slice(p.end, p.end + 12)))
          : t === 'ORG' && members.length > 1 && (f & (GAZ_ORG | GAZ_DEMONYM)) === 0 && p.text !== p.text.toUpperCase() &&
            !ORGANISATION_WORDS.test(p.text) && !LEGAL_FORM_END.test(p.text);
        if (!flip) continue;
        retype(p, 'PLACE');
        contextual.add(p.text);
      }
      k += members.length - 1;
    }
    // every mention of a name its context made a place ("visited Pekanbaru" … "Pekanbaru's governor")
    if (contextual.size) {
      for (const s of names) if ((s.type === 'PERSON' || s.type === 'ORG') && contextual.has(s.text) && !retyped.has(s)) retype(s, 'PLACE');
    }
  }

  // the other way: names typed PLACE that read as organisations
  for (let k = 0; k < names.length; k++) {
    const s = names[k];
    if ((retyped.get(s) ?? s.type) !== 'PLACE') continue;
    // each rule's cheap test first; the gazetteer is asked only when one would retype the name
    const unknown = (): boolean => (flagsOf(s.text) & PLACE_FLAGS) === 0 && !KNOWN_REGIONS.has(s.text);
    const space = s.text.lastIndexOf(' ');
    // "African Union": an organisation's head word closing a name no gazetteer knows as a place ("Soviet Union" it knows)
    if (space > 0 && PLACE_TYPED_ORG_HEADS.has(s.text.slice(space + 1))) {
      if (unknown()) retype(s, 'ORG');
      continue;
    }
    // "the Airline Pilots' Association (Balpa)": a short name in brackets after an organisation's
    const previous = names[k - 1];
    if (previous && text[s.start - 1] === '(' && text[s.end] === ')' && (retyped.get(previous) ?? previous.type) === 'ORG' &&
      s.start - previous.end <= 4 && /^[ \t]*\($/.test(text.slice(previous.end, s.start))) {
      if (unknown()) retype(s, 'ORG');
      continue;
    }
    // "carriers such as Maersk and Hapag": a name no gazetteer knows, listed with organisations only
    const next = names[k + 1];
    const listed = (previous && s.start - previous.end <= 8) || (next && next.start - s.end <= 8);
    if (listed && s.text.split(' ').length <= 3) {
      const list = listAround(text, names, k);
      if (list.length >= 2 && list.every((p) => p === s || ((retyped.get(p) ?? p.type) === 'ORG' && p.text !== p.text.toUpperCase())) && unknown()) {
        retype(s, 'ORG');
      }
    }
  }

  let out = names.map((s) => {
    const type = retyped.get(s);
    return type ? { ...s, type } : s;
  });
  // places found by their words only count in a line of ordinary case: in a title-cased line every word is
  // capitalised ("Could Upset Wall Street"); checked last, for the places no longer name holds
  const byWords = namedPlaces(text, sports);
  const caseChecked = new Set(byWords);
  const found = [...byWords, ...placesBeforeNouns(text, names, flagsOf), ...joinedPlaces(text, names, flagsOf),
    ...listedPlaces(text, out, flagsOf)].sort((a, b) => a.start - b.start || b.end - a.end);
  if (found.length) out = withPlaces(out, found, (p) => !caseChecked.has(p) || inOrdinaryCase(text, p.start, p.end));
  return [...out, ...others];
}

/** Whether the character before `at` is a letter or a digit: a match there starts inside a word. */
function wordGoesOn(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if ((c | 32) >= 97 && (c | 32) <= 122) return true;
  if (c >= 48 && c <= 57) return true;
  return c > 127 && WORD_LETTER_OR_DIGIT.test(text[at - 1]);
}

function execFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(text);
}

/**
 * The word right before `at`, past spaces and tabs ("" when a mark or a line break comes first): read
 * backwards a few characters, so a page of names costs its length.
 */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && at - end < 4 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end === at) return '';
  let start = end;
  while (start > 0 && end - start < 24 && isLetter(text, start - 1)) start--;
  if (start > 0 && WORD_CHAR.test(text[start - 1])) return '';
  return text.slice(start, end);
}

/** The word before the word before `at` ("city" in "the city of Kharkiv" before "Kharkiv"). */
function secondWordBefore(text: string, at: number): string {
  const first = wordBefore(text, at);
  if (!first) return '';
  let end = at;
  while (end > 0 && at - end < 4 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return wordBefore(text, end - first.length);
}

/** An ASCII letter read from its code, any other through the Unicode property. */
function isLetter(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 32;
  if (c >= 97 && c <= 122) return true;
  return text.charCodeAt(at) > 127 && LETTER.test(text[at]);
}

/** A name the tagger typed PERSON reads as a place when no first name opens it and no person of the page bears it. */
function readsAsPlace(s: Span, flags: number, surnames: ReadonlyMap<string, string>): boolean {
  if ((flags & (GAZ_PERSON | GAZ_FIRST_NAME | GAZ_ORG | GAZ_DEMONYM)) !== 0) return false;
  const words = s.text.split(/\s+/);
  // the surname of another of the page's people ("Smith" after "John Smith"), not this name's own last word
  if (words.some((w) => surnames.has(w) && surnames.get(w) !== s.text)) return false;
  // "Dr", "Mr" and initials are people's
  return !words.some((w) => PERSONAL_WORD.test(w));
}

/**
 * The names listed right after names[k] ("X, Y and Z", "X and Y", "X or Y"). Names after commas belong
 * to the list only when "and" or "or" closes it, and ", and" only after a comma: "In Yemen, Ansar Allah"
 * and "in Amsterdam, and TSMC" are no lists.
 */
function listedAfter(text: string, names: Span[], k: number): Span[] {
  const out: Span[] = [];
  let commas = 0;
  for (let j = k + 1; j < names.length; j++) {
    if (names[j].start - names[j - 1].end > 8) break;
    const gap = text.slice(names[j - 1].end, names[j].start);
    if (!LIST_GAP.test(gap)) break;
    const closes = /and|or|&/.test(gap);
    if (closes && gap.startsWith(',') && commas === 0) break;
    out.push(names[j]);
    if (closes) return out;
    commas++;
  }
  return [];
}

/** The names listed right before names[k] ("X and Y airports": X). */
function listedBefore(text: string, names: Span[], k: number): Span[] {
  const out: Span[] = [];
  for (let j = k - 1; j >= 0; j--) {
    if (names[j + 1].start - names[j].end > 8) break;
    const gap = text.slice(names[j].end, names[j + 1].start);
    if (!LIST_GAP.test(gap)) break;
    out.push(names[j]);
  }
  return out;
}

/** Places found by an opening or a closing geographic word, as spans of their own. */
function namedPlaces(text: string, sports: () => boolean): Span[] {
  const out: Span[] = [];
  const add = (start: number, end: number): void => {
    const surface = text.slice(start, end);
    if (ORGANISATION_WORDS.test(surface)) return;
    out.push({ start, end, type: 'PLACE', text: surface, value: null, canonical: surface });
  };
  // exec loops, not matchAll: matchAll copies the expression at every call
  for (let m = execFrom(OPENED_PLACE, text, 0); m; m = execFrom(OPENED_PLACE, text, m.index + (wordGoesOn(text, m.index) ? 1 : m[0].length))) {
    if (!wordGoesOn(text, m.index)) add(m.index, m.index + m[0].length);
  }
  for (let c = execFrom(PLACE_CLOSER, text, 0); c; c = execFrom(PLACE_CLOSER, text, c.index + c[0].length)) {
    const closer = c[0];
    if (wordGoesOn(text, c.index) || (SPORT_CLOSERS.has(closer) && sports())) continue;
    // up to three words before the closing word, read from a bounded slice
    const from = Math.max(0, c.index - 100);
    const m = WORDS_BEFORE_CLOSER.exec(text.slice(from, c.index));
    if (!m) continue;
    // "The Tin Can Island": an article or a weekday opening the run is no part of the name
    const { start, words } = withoutOpeningWords(text, from + m.index, m[1]);
    if (!words.length) continue;
    // a run all in capitals is a headline's, not a name's
    if (words.every((w) => w === w.toUpperCase()) && closer !== closer.toUpperCase()) continue;
    add(start, c.index + closer.length);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A name continued by "and", "of", "de" or "d'" and capitalised words into a place the gazetteer knows
 * ("Côte d'Ivoire", "Bosnia and Herzegovina", "Trinidad and Tobago"): the whole is one place.
 */
function joinedPlaces(text: string, names: readonly Span[], flagsOf: (name: string) => number): Span[] {
  const out: Span[] = [];
  for (const s of names) {
    if (text[s.end] !== ' ' && text[s.end] !== '\t') continue;
    const m = JOIN_AFTER.exec(text.slice(s.end, s.end + 60));
    if (!m) continue;
    const words = m[1].split(/[ \t]+/);
    for (let n = words.length; n >= 1; n--) {
      const end = s.end + m[0].length - m[1].length + words.slice(0, n).join(' ').length;
      const surface = text.slice(s.start, end);
      const flags = flagsOf(surface);
      if ((flags & PLACE_FLAGS) === 0 || (flags & GAZ_ORG) !== 0) continue;
      out.push({ start: s.start, end, type: 'PLACE', text: surface, value: null, canonical: surface.replace(/’/g, "'") });
      break;
    }
  }
  return out;
}

/** A list's joint, then up to three capitalised words: a name the detector may have left out of a list. */
const LISTED_AFTER = /^(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})/u;

/**
 * A place the detector left out of a list of places ("from Bavaria and Lower Saxony"): capitalised words
 * after a place and a list's joint, as long as the gazetteer knows as a place.
 */
function listedPlaces(text: string, names: readonly Span[], flagsOf: (name: string) => number): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < names.length; k++) {
    const s = names[k];
    if (s.type !== 'PLACE') continue;
    const m = LISTED_AFTER.exec(text.slice(s.end, s.end + 60));
    if (!m) continue;
    const start = s.end + m[0].length - m[1].length;
    const next = names[k + 1];
    if (next && next.start < start + m[1].length) continue; // a name there already
    const words = m[1].split(/[ \t]+/);
    for (let n = words.length; n >= 1; n--) {
      const surface = words.slice(0, n).join(' ');
      if (text.slice(start, start + surface.length) !== surface) continue;
      const flags = flagsOf(surface);
      if ((flags & PLACE_FLAGS) === 0 || (flags & (GAZ_ORG | GAZ_PERSON | GAZ_FIRST_NAME)) !== 0) continue;
      out.push({ start, end: start + surface.length, type: 'PLACE', text: surface, value: null, canonical: surface });
      break;
    }
  }
  return out;
}

/** Whether `at` opens a sentence or a line: only spaces, opening quotes or brackets after a full stop, a line break or the start. */
function opensSentence(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && at - k < 8 && /[ \t"“‘'(\[]/.test(text[k - 1])) k--;
  return k === 0 || /[.!?:\n\r•»]/.test(text[k - 1]);
}

/** A run of words at `start` without the articles and weekdays that open it ("The", "Monday"): where the name starts, and its words. */
function withoutOpeningWords(text: string, start: number, run: string): { start: number; words: string[] } {
  let words = run.split(/[ \t]+/);
  while (words.length && NOT_OPENING.has(words[0])) {
    start += words[0].length;
    while (text[start] === ' ' || text[start] === '\t') start++;
    words = words.slice(1);
  }
  return { start, words };
}

/** Capitalised names no detector read, before a place noun ("the Mekong delta" → "Mekong"), as places. */
function placesBeforeNouns(text: string, names: readonly Span[], flagsOf: (name: string) => number): Span[] {
  const out: Span[] = [];
  let k = 0; // names in text order: the first that may reach past the noun's run
  // the expression takes the space before the noun in: the scan tries spaces only
  for (let n = execFrom(PLACE_NOUN, text, 0); n; n = execFrom(PLACE_NOUN, text, n.index + n[0].length)) {
    const from = Math.max(0, n.index + 1 - 80);
    const m = WORDS_BEFORE_NOUN.exec(text.slice(from, n.index + 1));
    if (!m) continue;
    const { start, words } = withoutOpeningWords(text, from + m.index, m[1]);
    if (!words.length) continue;
    const end = start + words.join(' ').length;
    if (text.slice(start, end) !== words.join(' ')) continue; // words apart by tabs or several spaces: leave them
    while (k < names.length && names[k].end <= start) k++;
    if (k < names.length && names[k].start < end) continue; // a name there already: the retyping rules read it
    // a capital opening a sentence says nothing ("Small island states pushed for more")
    if (opensSentence(text, start)) continue;
    const surface = text.slice(start, end);
    if ((flagsOf(surface) & (GAZ_ORG | GAZ_DEMONYM)) !== 0 || (flagsOf(words[0]) & GAZ_DEMONYM) !== 0) continue;
    // a people's adjective the gazetteer lacks ("the Kurdish region", "the Sudanese border crossing")
    if (ADJECTIVE_ENDING.test(words[words.length - 1])) continue;
    if (ORGANISATION_WORDS.test(surface) || !inOrdinaryCase(text, start, end)) continue;
    out.push({ start, end, type: 'PLACE', text: surface, value: null, canonical: surface });
  }
  return out;
}

/**
 * The names with the places found by their words: a place replaces the names inside it; a name reaching
 * beyond it keeps its own reading (the place's words are part of a longer name: "Bank of the Gulf of
 * Mexico"), and so does a sentence-opening capital that the place's run took in.
 */
function withPlaces(names: Span[], places: Span[], holds: (place: Span) => boolean): Span[] {
  const sorted = [...names].sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  const added: Span[] = [];
  let j = 0;
  let lastEnd = -1;
  for (const p of places) {
    if (p.start < lastEnd) continue; // overlaps a place already taken
    while (j < sorted.length && sorted[j].end <= p.start) j++;
    let k = j;
    let blocked = false;
    while (k < sorted.length && sorted[k].start < p.end) {
      if (sorted[k].start < p.start || sorted[k].end > p.end) blocked = true;
      k++;
    }
    if (blocked || !holds(p)) continue;
    added.push(p);
    lastEnd = p.end;
  }
  if (!added.length) return names;
  // drop the names inside an added place: one sweep, both lists in text order
  let a = 0;
  for (const s of sorted) {
    while (a < added.length && added[a].end <= s.start) a++;
    if (a < added.length && added[a].start <= s.start && s.end <= added[a].end) continue;
    kept.push(s);
  }
  return [...kept, ...added].sort((x, y) => x.start - y.start);
}
