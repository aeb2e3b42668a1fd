import { findDates, findPublicationDate } from './dates';
import { daysInMonth } from './dates/calendar';
import { findFigures, findNumberedNames } from './figures';
import { detectLanguage } from './language';
import { linkMentions, propagateMentions } from './names/coreference';
import { applyDocumentConsistency } from './names/documentConsistency';
import { creditNames } from './names/credits';
import { joinLongForms } from './names/longForms';
import { applyKnownNames } from './names/knownNames';
import { marketIndexes } from './names/marketIndexes';
import { miscNamesMade, withMiscNames } from './names/miscNames';
import { placesAgainstOrganizations } from './names/placeOrOrg';
import { applyPageFurniture } from './names/pageFurniture';
import { splitAtPossessives } from './names/possessive';
import { splitHyphenated } from './names/hyphenated';
import { refineMention } from './names/refine';
import { registryLookup, registrySpans } from './names/registryMatch';
import { RuleNameDetector } from './names/ruleDetector';
import { blankMarkRuns, blankNonProse, findNonProse } from '../text/nonProse';
import { isFurnitureLine } from '../text/articleMeta';
import { type ExtractOptions, type ExtractResult, type NameDetector, type NameMention, type ReferenceDate, type Span, isNameType } from './types';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const TRAILING_MARKS = /[\s\p{P}]+$/u;

/**
 * The extraction pipeline: publication date → dates, figures and names → one set of non-overlapping spans.
 * When candidates overlap, the stronger claim wins: the analyst's registry, then dates, then money and
 * percentages, then names, then bare quantities ("2026" is a year, "Article 5" is a name).
 */

let defaultDetector: NameDetector | undefined;

/** Installs the detector used when `options.nameDetector` is absent (the trained tagger, once loaded). */
export function setDefaultNameDetector(detector: NameDetector | undefined): void {
  defaultDetector = detector;
}

export function getDefaultNameDetector(): NameDetector {
  return defaultDetector ?? (defaultDetector = new RuleNameDetector());
}

const PRIORITY: Record<Span['type'], number> = {
  DATE: 1, MONEY: 2, PERCENT: 2, PERSON: 3, ORG: 3, PLACE: 3, MISC: 3, QUANTITY: 4,
};

export function extract(original: string, options: ExtractOptions = {}): ExtractResult {
  if (!original || !/\S/.test(original)) return { spans: [] };
  const language = detectLanguage(original);
  if (!language.english) return { spans: [], language };

  const reference = referenceDate(original, options.published, options.file);
  // URLs, e-mail addresses, paths, handles, hashtags and percent-encoded text are blanked (same length,
  // so offsets hold): nothing is found inside them
  const text = blankNonProse(original, findNonProse(original));
  const allDates = datesAgainst(text, reference);
  const figures = findFigures(text);
  // long runs of marks hold no name and would only be tokens for the tagger to label, one per mark
  const found = findNames(blankMarkRuns(text), options);
  found.spans = placesAgainstOrganizations(text, found.spans, options.nameDetector ?? getDefaultNameDetector()); // names/placeOrOrg.ts
  // names whose number is neither a figure nor a year ("Article 5", "Resolution 2334", "Russell 2000"): a date
  // inside one is none, unless a person the detector found reaches into it from before ("Steve Russell 1996")
  const numbered = [...findNumberedNames(text), ...marketIndexes(text)];
  for (const s of miscNamesMade(found.spans)) numbered.push(s); // a date inside a law's, event's or title's name is the name's (names/miscNames.ts)
  const names = [...found.spans, ...camelCaseBrands(text), ...headedOrganizations(text), ...numbered];
  const dates = numbered.length === 0 ? allDates : outsideNumberedNames(allDates, numbered, found.spans);

  const occupancy = new Uint8Array(text.length + 1);
  const occupied = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (occupancy[k]) return true;
    return false;
  };
  const accepted: Span[] = [];
  const accept = (s: Span): void => {
    if (s.start < 0 || s.end > text.length || s.end <= s.start || occupied(s.start, s.end)) return;
    if (text !== original && s.text !== original.slice(s.start, s.end)) return; // reaches into a blanked address
    occupancy.fill(1, s.start, s.end);
    accepted.push(s);
  };

  registrySpans(text, options.registry).forEach(accept);
  const ranked = [...dates, ...figures, ...names].sort(
    (a, b) => PRIORITY[a.type] - PRIORITY[b.type] || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
  );
  ranked.forEach(accept);

  const nameSpans = accepted.filter(isName).sort((a, b) => a.start - b.start);
  const ignored = new Set(options.registry?.ignore ?? []);
  propagateMentions(text, nameSpans, occupied).filter((s) => !ignored.has(s.text)).forEach(accept);

  accepted.sort((a, b) => a.start - b.start);
  applyPageFurniture(text, accepted, original); // bylines, speaker labels, datelines, share bars, tickers, credits (names/pageFurniture.ts)
  const result: ExtractResult = { spans: accepted, reference, language };
  if (found.typeConfidence.size) {
    const typeConfidence = new Map<Span, number>();
    for (const s of accepted) {
      const c = found.typeConfidence.get(s);
      if (c !== undefined) typeConfidence.set(s, c);
    }
    result.typeConfidence = typeConfidence;
  }
  return result;
}

function referenceDate(text: string, published: string | null | undefined, file: ExtractOptions['file']): ReferenceDate | undefined {
  if (published === null) return undefined;
  if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return { iso: published, source: 'caller' };
  // a year or a month only: a day in its middle, as far as possible from either end
  if (published && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(published)) return { iso: `${published}-15`, source: 'caller', precision: 'month' };
  if (published && /^\d{4}$/.test(published)) return { iso: `${published}-06-30`, source: 'caller', precision: 'year' };
  return findPublicationDate(text, file);
}

/**
 * The dates against the reference date. When the caller gave only a year or a month, a date whose value
 * differs between the first and the last day of it ("Thursday", "yesterday", "last month" against 2026) is
 * not fixed by what is known, so it keeps its span and loses its value; "last year" against 2026 keeps 2025.
 */
function datesAgainst(text: string, reference: ReferenceDate | undefined): Span[] {
  const dates = findDates(text, reference?.iso);
  if (!reference?.precision) return dates;
  const period = reference.iso.slice(0, reference.precision === 'year' ? 4 : 7);
  const first = reference.precision === 'year' ? `${period}-01-01` : `${period}-01`;
  const last = reference.precision === 'year' ? `${period}-12-31`
    : `${period}-${String(daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)))).padStart(2, '0')}`;
  const valueAt = (spans: Span[]): Map<string, Span['value']> => new Map(spans.map((s) => [`${s.start}:${s.end}`, s.value]));
  const early = valueAt(findDates(text, first));
  const late = valueAt(findDates(text, last));
  return dates.map((s) => {
    const key = `${s.start}:${s.end}`;
    if (s.value === null || (early.get(key) === s.value && late.get(key) === s.value)) return s;
    return { ...s, value: null, reason: `the reference date ${period} does not say which day it is counted from` };
  });
}

/**
 * The dates that do not lie inside a numbered name, unless a person the detector found reaches into that name
 * from before it. One sweep over spans in text order: a page of thousands of "Russell 2000" costs its length.
 */
function outsideNumberedNames(dates: Span[], numbered: Span[], detected: readonly Span[]): Span[] {
  const persons = detected.filter((f) => f.type === 'PERSON').sort((a, b) => a.start - b.start);
  let p = 0;
  let reach = -1; // the furthest end of the persons starting before the name in hand
  const blocking: Span[] = [];
  for (const n of [...numbered].sort((a, b) => a.start - b.start)) {
    while (p < persons.length && persons[p].start < n.start) reach = Math.max(reach, persons[p++].end);
    if (reach <= n.start) blocking.push(n);
  }
  // dates come in text order and do not overlap; the names holding one are those starting at or before it
  let k = 0;
  let holder = -1; // the furthest end of the blocking names starting at or before the date in hand
  return dates.filter((d) => {
    while (k < blocking.length && blocking[k].start <= d.start) holder = Math.max(holder, blocking[k++].end);
    return holder < d.end;
  });
}

function isName(s: Span): boolean {
  return isNameType(s.type);
}

/** Longer than any name ("International Bank for Reconstruction and Development" is 52 characters). */
const MAX_NAME_CHARS = 300;

/**
 * The detector's names, refined, made consistent within the document and linked to their full forms; with
 * the detector's confidence in the type of each name it typed itself and that kept that type (a name the
 * registry, a document rule or linking typed has none: the detector's scores do not speak for it).
 */
function findNames(text: string, options: ExtractOptions): { spans: Span[]; typeConfidence: Map<Span, number> } {
  const detector = options.nameDetector ?? getDefaultNameDetector();
  const ignored = new Set(options.registry?.ignore ?? []);
  const lookup = registryLookup(options.registry);
  const spans: Span[] = [];
  const confidence = new Map<Span, number>();
  /** the detector's type and its confidence in it, for names whose type came from the detector alone */
  const typed = new Map<Span, [Span['type'], number]>();
  // names inside hyphenated compounds on their own ("NATO-led" → NATO, "U.S.-China" → U.S. + China): names/hyphenated.ts
  for (const raw of splitAtPossessives(text, splitAtCommonWords(text, splitHyphenated(text, detector.detect(text), detector)))) {
    // a run the detector read as one name ("Smith Smith Smith …" over a megabyte) is no name, and refining,
    // linking and propagating a mention that long would cost far more than the text
    if (raw.end - raw.start > MAX_NAME_CHARS) continue;
    const m = refineMention(text, raw);
    if (!m) continue;
    const surface = text.slice(m.start, m.end);
    if (ignored.has(surface) || !looksLikeName(surface)) continue;
    const entry = lookup(surface);
    const span: Span = {
      start: m.start, end: m.end, type: entry?.type ?? m.type, text: surface, value: null,
      ...(entry ? { canonical: entry.canonical } : {}),
    };
    spans.push(span);
    if (raw.score !== undefined) confidence.set(span, raw.score);
    if (raw.typeConfidence !== undefined && !entry && m.type === raw.type) typed.set(span, [span.type, raw.typeConfidence]);
  }
  spans.push(...titledPersons(text, spans, ignored));
  withCredits(text, spans, confidence, ignored);
  const joined = joinLongForms(text, spans);
  const outvoted = new Set<Span>();
  const consistent = applyDocumentConsistency(text, joined, confidence, outvoted).filter((s) => !isAloneOnFurnitureLine(text, s));
  applyKnownNames(text, consistent, (surface) => ignored.has(surface) || lookup(surface) !== undefined); // names/knownNames.ts
  withMiscNames(text, consistent); // laws, events, awards and titles whole, by head noun, cue and short form (names/miscNames.ts)
  const typeConfidence = new Map<Span, number>();
  for (const s of consistent) {
    const detected = typed.get(s);
    if (detected && detected[0] === s.type) typeConfidence.set(s, detected[1]);
    // its type is its article's other mentions', which vote themselves: it adds the least evidence
    else if (detected && outvoted.has(s)) typeConfidence.set(s, 0);
  }
  return { spans: [...consistent, ...linkMentions(text, consistent)], typeConfidence };
}

/**
 * Brands written in camel case from a lower-case start, which no capitalised-word cue finds: "easyJet",
 * "eBay", "eToro" are companies; "iPhone", "iPad" products (MISC). Behind every other name in rank.
 */
const CAMEL_BRAND = /(?<![\p{L}\p{N}_@#./-])([a-z]{1,4})([A-Z][a-z]{2,}(?:[A-Z][a-z]+)?)(?![\p{L}\p{N}_-])/uy;

function inProseLine(text: string, at: number): boolean {
  const { start, end } = lineAround(text, at, at, 60);
  return end - start >= 60;
}

/**
 * The line holding `start`..`end`, looked for no further than `reach` characters either way (a line
 * longer than that reads as `reach` characters past the range): a megabyte line costs no more than a short one.
 */
function lineAround(text: string, start: number, end: number, reach: number): { start: number; end: number } {
  const from = Math.max(0, start - reach);
  const before = text.slice(from, start).lastIndexOf('\n');
  const lineStart = before >= 0 ? from + before + 1 : from;
  const after = text.slice(end, Math.min(text.length, end + reach)).indexOf('\n');
  const lineEnd = after >= 0 ? end + after : Math.min(text.length, end + reach);
  return { start: lineStart, end: lineEnd };
}

/** Lower-case words inside people's names: particles of family names and patronymics ("Ursula von der Leyen", "bin"). */
const NAME_PARTICLES = new Set([
  'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'des', 'y', 'e', 'ter',
  'ten', 'zu', 'bin', 'ibn', 'bint', 'ben', 'al', 'el', 'ul', 'abu', 'st', 'af', 'av', 'wa', 'na', 'dal', 'dei', 'of', 'the',
]);
const LOWER_WORD = /(?<![\p{L}\p{N}'’.-])\p{Ll}+(?![\p{L}\p{N}'’-])/gu;

/**
 * A person's name the detector ran across an ordinary lower-case word ("Macron names Lecornu as prime minister"):
 * the capitalised parts on either side are names of their own. Organizations keep theirs ("Bank of England").
 */
function* splitAtCommonWords(text: string, raws: Iterable<NameMention>): Iterable<NameMention> {
  for (const raw of raws) {
    if (raw.type !== 'PERSON' || raw.end - raw.start > MAX_NAME_CHARS) { yield raw; continue; }
    let from = raw.start;
    let split = false;
    for (const m of text.slice(raw.start, raw.end).matchAll(LOWER_WORD)) {
      if (NAME_PARTICLES.has(m[0])) continue;
      const at = raw.start + m.index;
      if (/\S/.test(text.slice(from, at))) yield { ...raw, start: from, end: at };
      from = at + m[0].length;
      split = true;
    }
    if (!split) { yield raw; continue; }
    if (/\S/.test(text.slice(from, raw.end))) yield { ...raw, start: from, end: raw.end };
  }
}

/**
 * The names of pictures' credit lines replace what the detector read there; they are as sure as the detector's
 * surest names, so a credit line in title case, which reads as a headline, keeps them.
 */
function withCredits(text: string, spans: Span[], confidence: Map<Span, number>, ignored: ReadonlySet<string>): void {
  const credits = creditNames(text).filter((c) => !ignored.has(text.slice(c.start, c.end)));
  if (credits.length === 0) return;
  // both lists in text order: one sweep finds the detector's names that a credit's names overlap
  spans.sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  let k = 0;
  for (const s of spans) {
    while (k < credits.length && credits[k].end <= s.start) k++;
    if (k < credits.length && credits[k].start < s.end) continue;
    kept.push(s);
  }
  spans.length = 0;
  spans.push(...kept);
  for (const c of credits) {
    const span: Span = { start: c.start, end: c.end, type: c.type, text: text.slice(c.start, c.end), value: null };
    confidence.set(span, 1);
    spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start);
}

/**
 * "sending it to President Trump's desk", "Sen. Thune, R-S.D.,": a person's title, then one or two capitalised
 * words followed by a possessive, punctuation or a lower-case word that a title-case headline would not keep in
 * lower case ("Judge Overturns a Ruling" is a headline's verb).
 */
const TITLED_PERSON = /(?<![\p{L}\p{N}.])(?:President|Senator|Sen\.|Rep\.|Gov\.|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Chancellor|Mayor|Judge|Pope|Secretary|Minister|Ambassador|Professor|Prof\.)[ \t](\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:-?\p{Lu}\p{Ll}+)?(?:[ \t]\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:-?\p{Lu}\p{Ll}+)?)?)(?=['’]s\b|[,.;:!?)]|[ \t](?!(?:a|an|the|to|in|on|of|at|by|for|from|and|or|but|as|with|into|over|after)\b)\p{Ll}|[ \t]*(?:\n|$))/gu;

/** Capitalised words after a title that are no one's name ("Dr. Who", "Mr. Speaker", "Madam President"). */
const NOT_A_SURNAME = new Set([
  'who', 'what', 'the', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'you', 'and', 'but', 'or', 'if', 'speaker', 'president',
  'chairman', 'secretary', 'was', 'is', 'has', 'had', 'says', 'said', 'will', 'would', 'calls', 'warns', 'meets', 'visits',
]);

/**
 * Persons named after a title where the detector found no name: the tagger reads some surnames after a title
 * as common words ("President Trump's desk"). Added before the document's rules and the linking, so the
 * mention takes its full name's canonical form like any other.
 */
function titledPersons(text: string, found: readonly Span[], ignored: ReadonlySet<string>): Span[] {
  if (!/(?:President|Sen|Rep|Gov|Governor|Mr|Mrs|Ms|Dr|Chancellor|Mayor|Judge|Pope|Secretary|Minister|Ambassador|Prof)/.test(text)) return [];
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let k = 0;
  for (const m of text.matchAll(TITLED_PERSON)) {
    const start = m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    while (k < sorted.length && sorted[k].end <= m.index) k++;
    if (k < sorted.length && sorted[k].start < end) continue; // the detector named something there
    const first = m[1].split(/[ \t]/)[0].toLowerCase();
    if (ignored.has(m[1]) || !looksLikeName(m[1]) || NOT_A_SURNAME.has(first) || /[a-z]{3}ed$/.test(first)) continue;
    out.push({ start, end, type: 'PERSON', text: m[1], value: null });
  }
  return out;
}

/**
 * "the Met Office says", "a Met Police officer": an article, a capitalised word and the head noun of a public
 * body, in prose. The tagger reads some of these as no name when the first word is also a common word ("Met");
 * where it found a name there, its span comes first and is kept.
 */
const HEADED_ORGANIZATION = /\b(?:the|The|a|A|an|An)\s(\p{Lu}\p{Ll}{1,15}\s(?:Office|Police))(?=\s\p{Ll}|[,.;:!?'’])/gu;

function headedOrganizations(text: string): Span[] {
  if (!text.includes(' Office') && !text.includes(' Police')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(HEADED_ORGANIZATION)) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: start + m[1].length, type: 'ORG', text: m[1], value: null, canonical: m[1] });
  }
  return out;
}

const E_WORDS = new Set([
  'commerce', 'mail', 'mails', 'book', 'books', 'sports', 'scooter', 'scooters', 'bike', 'bikes', 'learning', 'government',
  'reader', 'readers', 'wallet', 'passport', 'visa', 'voting', 'health', 'money', 'business', 'banking', 'ticket', 'tickets',
]);

function camelCaseBrands(text: string): Span[] {
  const out: Span[] = [];
  for (const m of camelMatches(text)) {
    // "eCommerce", "eBook": electronic things, not brands; "mRNA" never reaches here (capitals after the first)
    if (m[1] === 'e' && E_WORDS.has(m[2].toLowerCase())) continue;
    // words run together on a short line of page furniture ("Get more newsLiveon") are no brand: a longer
    // lower-case start counts in prose only
    if (m[1].length > 2 && !inProseLine(text, m.index)) continue;
    // "iPhone", "iPad": products
    const type = m[1] === 'i' ? 'MISC' : 'ORG';
    out.push({ start: m.index, end: m.index + m[0].length, type, text: m[0], value: null, canonical: m[0] });
  }
  return out;
}

/**
 * The matches of CAMEL_BRAND, leftmost first and not overlapping, as a global scan would give them, tried
 * only where they can be: a match's lower-case start ends right before a capital, at most 4 letters after
 * it starts, so each lower-case letter followed by a capital is tried as the end of a start 1 to 4 letters
 * long. (The scan itself tried the expression, look-behind first, at every position of the text.)
 */
function camelMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  let tried = 0;
  for (let c = lowerBeforeCapital(text, 0); c >= 0; c = lowerBeforeCapital(text, c + 1)) {
    let m: RegExpExecArray | null = null;
    for (let s = Math.max(from, tried, c - 3); s <= c && !m; s++) {
      CAMEL_BRAND.lastIndex = s;
      m = CAMEL_BRAND.exec(text);
    }
    tried = c + 1;
    if (!m) continue;
    out.push(m);
    from = m.index + m[0].length;
    c = from - 1;
  }
  return out;
}

/** The first position at or after `from` holding a letter a-z followed by a letter A-Z, or -1. */
function lowerBeforeCapital(text: string, from: number): number {
  for (let k = from; k + 1 < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) {
      const d = text.charCodeAt(k + 1);
      if (d >= 65 && d <= 90) return k;
    }
  }
  return -1;
}

/** A name that is the whole of a page-furniture line ("Advertisement", "Share", "Most Read"). */
function isAloneOnFurnitureLine(text: string, s: Span): boolean {
  if (s.end - s.start > 30) return false;
  const { start: lineStart, end: lineEnd } = lineAround(text, s.start, s.end, 41);
  if (lineEnd - lineStart > 40) return false;
  const line = text.slice(lineStart, lineEnd);
  return line.trim().replace(TRAILING_MARKS, '') === s.text && isFurnitureLine(line);
}

const NUMBER_WORDS = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|quarter|dozen|and|a|[-\s])+$/i;

/** Two letters anywhere, found without listing every letter of a long mention. */
const TWO_LETTERS = /\p{L}[^]*?\p{L}/u;

/** A name has at least two letters and is not a number spelled out ("Three", "Twenty-one"); a single capital is a unit or an initial. */
function looksLikeName(surface: string): boolean {
  return TWO_LETTERS.test(surface) && !NUMBER_WORDS.test(surface);
}
