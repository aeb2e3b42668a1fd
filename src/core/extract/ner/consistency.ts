import type { Token } from '../../text/tokenize';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_LOCATION, GAZ_PERSON, GAZ_REGION, type Lexicon, SEQUENCE_SEED, lowerHash, sequenceKey } from './lexicon';
import type { TokenSpan } from './spans';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_UPPER = /^\p{Lu}/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const STARTS_LETTER = /^\p{L}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const NAME_WORD = /^\p{Lu}[\p{L}'\u2019-]+$/u;

const PERSON = 0;
const ORG = 1;
const MISC = 3;

/**
 * Document-level consistency: a news story names a person in full once ("Pete Hegseth") and by
 * surname afterwards; the tagger sees each sentence alone and may type the bare surname as a place
 * or miss it. Options switch the two repairs on separately so each can be measured.
 */
export interface ConsistencyOptions {
  /** Surnames of multi-word PERSON mentions make other mentions of that word PERSON (and add missed ones). */
  surnames: boolean;
  /** Mentions with the same text take the type with the largest total confidence. */
  majority: boolean;
  /**
   * A company named with its legal form ("Pirelli SpA", "Magna International Inc") makes other mentions
   * of its short name ORG ("Pirelli", "Magna"), including ones the tagger missed. Off when absent.
   */
  companies?: boolean;
  /**
   * Results lines ("1. Alex Zanardi (Italy), Reynard Honda, 53.980"): the name after a person and
   * their country is the team or make they drive or ride for, ORG. Off when absent.
   */
  results?: boolean;
  /**
   * A short all-capitals word (2–5 letters) the tagger left out, in a line written in ordinary case
   * ("an IRA attempt", "his WBA title"), is an organization's acronym. Off when absent.
   */
  acronyms?: boolean;
  /**
   * A capitalised "The" opening an organization's name of two words or more ("The Commerce Department
   * said", first in its sentence) is left out of it, as "the" is mid-sentence, except before a newspaper's
   * name ("The New York Times"). Off when absent.
   */
  articles?: boolean;
  /** A one-word ORG that is a nationality ("Libyans", "Tajik") is MISC. Off when absent. */
  demonyms?: boolean;
  /**
   * A name of two words or more typed MISC or place whose last word is an organization's head noun
   * ("King's Fund", "Synovus Trust", "Climate Observatory") is ORG. Off when absent.
   */
  organizationHeads?: boolean;
  /** A name opening with "Storm", "Hurricane", "Typhoon" or "Cyclone" ("Storm Ciaran") is MISC, not a person. Off when absent. */
  storms?: boolean;
  /**
   * A name joined by a hyphen to a capitalised word before it that is no name of its own takes that
   * word in ("Meteo-France", "Air-France", not "France"); two names so joined ("Russia-Ukraine") stay
   * two. Off when absent.
   */
  hyphenated?: boolean;
}

const STORM_WORDS = new Set(['storm', 'hurricane', 'typhoon', 'cyclone']);

/**
 * Last words that make a name an organization's. Not "Bank" ("West Bank"), "Union" ("Soviet Union"), "Federation" ("Russian Federation") or
 * "Court" (a street or a building as often), which name places too.
 */
const ORGANIZATION_HEADS = new Set([
  'fund', 'trust', 'foundation', 'institute', 'association', 'council', 'committee', 'commission',
  'agency', 'authority', 'corporation', 'company', 'party', 'university', 'college', 'ministry', 'department',
  'bureau', 'observatory', 'society', 'organisation', 'organization', 'institution', 'inc', 'ltd', 'corp', 'plc',
  // a company's trade as the last word of its name ("Sequoia Capital", "Boston Dynamics"), a public service's ("Monitoring Service")
  'capital', 'ventures', 'robotics', 'dynamics', 'holdings', 'technologies', 'investors', 'airlines', 'airways',
  'pharmaceuticals', 'bancorp', 'service', 'services',
  // a political party's or campaign's ("Democratic Alliance", "Five Star Movement")
  'alliance', 'movement', 'rally',
]);

export function harmonize(
  text: string, tokens: Token[], spans: TokenSpan[], scores: number[], options: ConsistencyOptions, lexicon?: Lexicon,
): { spans: TokenSpan[]; scores: number[] } {
  const surface = (s: TokenSpan): string => text.slice(tokens[s.first].start, tokens[s.last - 1].end);
  let out = spans.map((s) => ({ ...s }));
  let outScores = scores.slice();
  if (options.majority) {
    const votes = new Map<string, number[]>();
    out.forEach((s, k) => {
      const v = votes.get(surface(s)) ?? [0, 0, 0, 0];
      v[s.typeIndex] += outScores[k];
      votes.set(surface(s), v);
    });
    for (const s of out) {
      const v = votes.get(surface(s))!;
      let best = s.typeIndex;
      for (let t = 0; t < 4; t++) if (v[t] > v[best]) best = t;
      s.typeIndex = best;
    }
  }
  if (options.surnames) {
    const surnames = new Set<string>();
    for (const s of out) {
      if (s.typeIndex === PERSON && s.last - s.first >= 2 && isWord(tokens[s.last - 1].text)) surnames.add(tokens[s.last - 1].text);
    }
    if (surnames.size) {
      for (const s of out) if (s.last - s.first === 1 && surnames.has(surface(s))) s.typeIndex = PERSON;
      const covered = new Uint8Array(tokens.length);
      for (const s of out) for (let i = s.first; i < s.last; i++) covered[i] = 1;
      const added: { span: TokenSpan; score: number }[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (!covered[i] && surnames.has(tokens[i].text)) added.push({ span: { first: i, last: i + 1, typeIndex: PERSON }, score: 0.5 });
      }
      if (added.length) {
        const merged = out.map((span, k) => ({ span, score: outScores[k] })).concat(added).sort((a, b) => a.span.first - b.span.first);
        out = merged.map((m) => m.span);
        outScores = merged.map((m) => m.score);
      }
    }
  }
  if (options.companies) {
    const result = companyShortNames(tokens, out, outScores);
    out = result.spans;
    outScores = result.scores;
  }
  if (options.results) resultsLines(tokens, out);
  if (options.acronyms) {
    const result = acronyms(text, tokens, out, outScores, lexicon);
    out = result.spans;
    outScores = result.scores;
  }
  if (options.articles) out = leadingArticles(tokens, out);
  if (options.demonyms && lexicon) out = nationalities(text, tokens, out, lexicon);
  if (options.organizationHeads) {
    out = out.map((s) => s.typeIndex !== ORG && s.typeIndex !== PERSON && s.last - s.first >= 2 &&
      ORGANIZATION_HEADS.has(tokens[s.last - 1].text.replace(/\.$/u, '').toLowerCase()) ? { ...s, typeIndex: ORG } : s);
  }
  if (options.hyphenated) out = hyphenatedNames(tokens, out);
  if (options.storms) {
    out = out.map((s) => s.typeIndex !== MISC && s.last - s.first >= 2 && STORM_WORDS.has(tokens[s.first].text.toLowerCase()) &&
      STARTS_UPPER.test(tokens[s.first + 1].text) ? { ...s, typeIndex: MISC } : s);
  }
  return { spans: out, scores: outScores };
}

function hyphenatedNames(tokens: Token[], spans: TokenSpan[]): TokenSpan[] {
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.last; i++) covered[i] = 1;
  return spans.map((s) => {
    const hyphen = tokens[s.first - 1];
    const word = tokens[s.first - 2];
    if (!hyphen || !word || hyphen.text !== '-' || covered[s.first - 2]) return s;
    if (word.end !== hyphen.start || hyphen.end !== tokens[s.first].start || !CAPITALISED_WORD.test(word.text)) return s;
    return { ...s, first: s.first - 2 };
  });
}

function nationalities(text: string, tokens: Token[], spans: TokenSpan[], lexicon: Lexicon): TokenSpan[] {
  const isDemonym = (start: number, end: number): boolean =>
    ((lexicon.gazetteer.get(sequenceKey(SEQUENCE_SEED, lowerHash(text, start, end))) ?? 0) & GAZ_DEMONYM) !== 0;
  return spans.map((s) => {
    if (s.typeIndex !== ORG || s.last - s.first !== 1) return s;
    const t = tokens[s.first];
    const plural = /[sS]$/.test(t.text) && t.end - t.start > 3;
    return isDemonym(t.start, t.end) || (plural && isDemonym(t.start, t.end - 1)) ? { ...s, typeIndex: MISC } : s;
  });
}

/** The last words of newspapers' names, which keep their "The" ("The Washington Post"). */
const NEWSPAPER_WORDS = new Set(['times', 'post', 'journal', 'herald', 'tribune', 'telegraph', 'guardian', 'observer', 'independent', 'economist', 'globe', 'chronicle']);

function leadingArticles(tokens: Token[], spans: TokenSpan[]): TokenSpan[] {
  return spans.map((s) => {
    if (s.typeIndex !== ORG || s.last - s.first < 3 || (tokens[s.first].text !== 'The' && tokens[s.first].text !== 'THE')) return s;
    if (NEWSPAPER_WORDS.has(tokens[s.last - 1].text.toLowerCase())) return s;
    return { ...s, first: s.first + 1 };
  });
}

const PLACE = 2;

/** A time, distance or points figure closing a results entry ("53.980", "1:16:05", "2-1", "112"). */
function isFigure(token: string | undefined): boolean {
  return token !== undefined && /^\d[\d.:,'"-]*$/.test(token);
}

/**
 * "Person (Country), Team, figure" — the shape of motor-racing and cycling results — makes the
 * name in the team's place ORG whatever the tagger typed it (a make such as "Reynard Honda" reads
 * like a person's name).
 */
function resultsLines(tokens: Token[], spans: TokenSpan[]): void {
  const byLast = new Map<number, TokenSpan>();
  for (const s of spans) byLast.set(s.last, s);
  for (const s of spans) {
    if (s.typeIndex === ORG) continue;
    let j = s.first - 1;
    if (j >= 0 && tokens[j].text === ',') j--;
    if (j < 0 || tokens[j].text !== ')') continue;
    let open = j - 1;
    while (open > j - 5 && open >= 0 && tokens[open].text !== '(') open--;
    if (open < 1 || tokens[open].text !== '(') continue;
    const country = byLast.get(j);
    if (!country || country.first !== open + 1 || country.typeIndex !== PLACE) continue;
    const person = byLast.get(open);
    if (!person || person.typeIndex !== PERSON) continue;
    const next = tokens[s.last]?.text;
    const figure = isFigure(next) || (next === ',' && isFigure(tokens[s.last + 1]?.text));
    if (figure) s.typeIndex = ORG;
  }
}

/** All-capitals words that are common nouns or units, not names. */
const COMMON_ACRONYMS = new Set([
  'CEO', 'CFO', 'COO', 'GDP', 'GNP', 'TV', 'AM', 'PM', 'OK', 'PC', 'CD', 'CDS', 'DVD', 'DNA', 'HIV', 'AIDS', 'VAT', 'IPO',
  'MP', 'MPS', 'AGM', 'EPS', 'PE', 'PR', 'ID', 'IQ', 'RPM', 'MPH', 'KM', 'KG', 'MW', 'GMT', 'EST', 'EDT', 'BST', 'CET',
  'FAQ', 'URL', 'USB', 'AI', 'IT', 'HQ', 'RAM', 'CPU', 'SUV', 'ATM', 'PIN', 'ETA', 'AKA', 'ASAP', 'DIY', 'RIP', 'VIP',
  'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'AD', 'BC', 'BCE', 'CE', 'OPEN', 'NOTE', 'NB', 'PS',
  'COVID', 'SARS', 'UTC', 'ET', 'PT', 'CT', 'MT', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'FY', 'YOY',
  // ordinary words written in capitals for emphasis ("home team in CAPS", "NOT guilty")
  'CAPS', 'A', 'AN', 'THE', 'IN', 'ON', 'AT', 'TO', 'OF', 'BY', 'FOR', 'AND', 'OR', 'BUT', 'NOT', 'NO', 'YES', 'IS', 'ARE',
  'WAS', 'BE', 'DO', 'IF', 'SO', 'UP', 'OUT', 'ALL', 'NEW', 'NOW', 'STOP', 'END', 'MORE', 'VERY', 'MUST', 'WILL', 'OFF',
]);

/**
 * An organization's acronym the tagger left out ("IRA", "WBA", "NFL"): a 2–5 letter all-capitals
 * word, not part of any name, in a line most of whose words are in lower case (in a headline or a
 * line in capitals every word looks like this).
 */
function acronyms(text: string, tokens: Token[], spans: TokenSpan[], scores: number[], lexicon?: Lexicon): { spans: TokenSpan[]; scores: number[] } {
  // "US" (a country's code), "ACT" or "CAPS" (ordinary words in capitals): the model's knowledge of the word says no
  const knownOtherwise = (t: Token): boolean => {
    if (!lexicon) return false;
    const lower = lowerHash(text, t.start, t.end);
    const bucket = lexicon.capRatio.get(lower) ?? 0;
    if (bucket >= 5) return true;
    const flags = lexicon.gazetteer.get(sequenceKey(SEQUENCE_SEED, lower)) ?? 0;
    // a first name in capitals mid-sentence is rarely a person's ("IRA" is also "Ira"); places and named people are
    return (flags & (GAZ_COUNTRY | GAZ_CITY | GAZ_REGION | GAZ_LOCATION | GAZ_DEMONYM | GAZ_PERSON)) !== 0;
  };
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.first; i < s.last; i++) covered[i] = 1;
  const added: { span: TokenSpan; score: number }[] = [];
  let lineStart = 0;
  while (lineStart < tokens.length) {
    const lineEnd0 = text.indexOf('\n', tokens[lineStart].start);
    const lineEnd = lineEnd0 < 0 ? text.length : lineEnd0;
    let next = lineStart;
    let lower = 0;
    let words = 0;
    while (next < tokens.length && tokens[next].start < lineEnd) {
      const t = tokens[next].text;
      if (STARTS_LETTER.test(t)) {
        words++;
        if (STARTS_LOWER.test(t)) lower++;
      }
      next++;
    }
    if (words >= 4 && lower * 2 > words) {
      for (let i = lineStart; i < next; i++) {
        const t = tokens[i].text;
        if (covered[i] || !/^[A-Z]{2,5}$/.test(t) || COMMON_ACRONYMS.has(t) || knownOtherwise(tokens[i])) continue;
        // a run of capitals ("WE ARE ...") or a code glued to a name or number is not an acronym alone
        const prev = tokens[i - 1]?.text ?? '';
        const after = tokens[i + 1]?.text ?? '';
        if ((i > lineStart && /^[A-Z]{2,}$/.test(prev)) || (i + 1 < next && /^[A-Z]{2,}$/.test(after))) continue;
        added.push({ span: { first: i, last: i + 1, typeIndex: ORG }, score: 0.5 });
      }
    }
    lineStart = next;
  }
  if (added.length === 0) return { spans, scores };
  const merged = spans.map((span, k) => ({ span, score: scores[k] })).concat(added).sort((a, b) => a.span.first - b.span.first);
  return { spans: merged.map((m) => m.span), scores: merged.map((m) => m.score) };
}

/** Legal forms that end a company's name: what stands before them is a company. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'spa', 's.p.a.', 'ag', 'nv', 'n.v.', 'gmbh', 'sa', 's.a.',
  'llc', 'bhd', 'pty', 'oyj', 'asa', 'corporation', 'incorporated', 'limited', 'bros', 'bros.',
]);

/**
 * Words that describe a company's trade after its short name ("Magna International", "Commerce
 * Bancshares", "Kia Motor Corp"): the first word of such a name is what the rest of a story calls it.
 */
export const TRADE_WORDS: ReadonlySet<string> = new Set([
  'international', 'group', 'holdings', 'holding', 'financial', 'bancorp', 'bancshares', 'bank', 'banks', 'banking',
  'motor', 'motors', 'chemical', 'chemicals', 'industries', 'industrial', 'petroleum', 'oil', 'gas', 'energy', 'mining',
  'pharmaceuticals', 'pharmaceutical', 'medical', 'securities', 'capital', 'investments', 'hospitality', 'airlines',
  'airways', 'communications', 'telecom', 'technologies', 'technology', 'systems', 'electric', 'electronics', 'steel',
  'foods', 'entertainment', 'media', 'resources', 'enterprises', 'partners', 'insurance', 'trust', 'company',
  'robotics', 'dynamics', 'ventures', 'software', 'labs', 'logistics', 'therapeutics', 'biosciences', 'semiconductor',
  'semiconductors', 'networks', 'solutions', 'services', 'aerospace', 'brands', 'shipping', 'pharma', 'biotech',
]);

/** Lower-case words that join the parts of a longer name. */
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'de', 'du', 'la', 'von', 'van']);

/** Words that open the names of sports clubs, which the rest of a report calls by that word alone. */
const CLUB_PREFIXES = new Set([
  'Real', 'Deportivo', 'Sporting', 'Atletico', 'Dynamo', 'Dinamo', 'Spartak', 'Lokomotiv', 'Olympique', 'Borussia',
  'Eintracht', 'Fortuna', 'Hertha', 'Steaua', 'Partizan', 'Rapid', 'Slavia', 'Sparta', 'Espanyol', 'Racing',
]);

/** Articles a sentence may start a company's name with ("The Dow Chemical Co"). */
const ARTICLES = new Set(['The', 'THE', 'A']);

function companyShortNames(tokens: Token[], spans: TokenSpan[], scores: number[]): { spans: TokenSpan[]; scores: number[] } {
  const lower = (i: number): string => tokens[i].text.toLowerCase();
  const isLegal = (i: number): boolean => i < tokens.length && LEGAL_FORMS.has(lower(i)) && STARTS_UPPER.test(tokens[i].text);
  const shortNames = new Set<string>();
  const out = spans.map((s) => ({ ...s }));
  // a short name that is also a person's surname here ("Jones Medical Industries Inc", "David Jones") stays apart
  const surnames = new Set<string>();
  for (const s of out) if (s.typeIndex === PERSON && s.last - s.first >= 2) surnames.add(tokens[s.last - 1].text);
  for (const s of out) {
    // the legal form inside the span ("Lear Corp" as one ORG) or right after it ("Pirelli" + "SpA")
    let end = s.last;
    while (end > s.first + 1 && isLegal(end - 1)) end--;
    // "Northwind Robotics, Inc.": a comma before the legal form
    if (end < s.last && end > s.first + 1 && tokens[end - 1].text === ',') end--;
    let after = s.last;
    while (isLegal(after)) after++;
    if (end === s.last && after === s.last) continue;
    // "Gold Fields of South Africa Ltd": the company's name starts before the span
    if (s.first > 0 && CONNECTORS.has(lower(s.first - 1))) continue;
    let first = s.first;
    if (ARTICLES.has(tokens[first].text) && end - first > 1) first++;
    const words: string[] = [];
    for (let i = first; i < end; i++) words.push(tokens[i].text);
    if (!words.every((w) => isWord(w) || w === '&')) continue;
    shortNames.add(words.join(' '));
    const trade = words.length >= 2 && isWord(words[0]) && words.slice(1).every((w) => TRADE_WORDS.has(w.toLowerCase()));
    if (trade && !surnames.has(words[0])) shortNames.add(words[0]);
    s.typeIndex = ORG;
    s.last = after;
  }
  // "Real Madrid" … "Real": a club named by its prefix word
  for (const s of out) {
    if (s.last - s.first >= 2 && CLUB_PREFIXES.has(tokens[s.first].text) && isWord(tokens[s.first + 1].text)) {
      s.typeIndex = ORG;
      shortNames.add(tokens[s.first].text);
    }
  }
  if (shortNames.size === 0) return { spans: out, scores };
  const surface = (s: TokenSpan): string => tokens.slice(s.first, s.last).map((t) => t.text).join(' ');
  for (const s of out) if (shortNames.has(surface(s))) s.typeIndex = ORG;
  const covered = new Uint8Array(tokens.length);
  for (const s of out) for (let i = s.first; i < s.last; i++) covered[i] = 1;
  const added: { span: TokenSpan; score: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!covered[i] && shortNames.has(tokens[i].text)) added.push({ span: { first: i, last: i + 1, typeIndex: ORG }, score: 0.5 });
  }
  if (added.length === 0) return { spans: out, scores };
  const merged = out.map((span, k) => ({ span, score: scores[k] })).concat(added).sort((a, b) => a.span.first - b.span.first);
  return { spans: merged.map((m) => m.span), scores: merged.map((m) => m.score) };
}

function isWord(token: string): boolean {
  return NAME_WORD.test(token);
}
