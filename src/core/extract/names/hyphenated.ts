import type { NameDetector, NameMention, NameType } from '../types';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_LOCATION, GAZ_ORG, GAZ_REGION } from '../ner/lexicon';
import { isTitleCaseLine } from './documentConsistency';
import { canonicalPlace } from './placeAliases';
import { firstIndex, overlapsSorted } from '../../util/firstIndex';

/**
 * Names inside hyphenated compounds, as the annotation guidelines mark them: each name on its own, with its
 * own type ("NATO-led" → ORG "NATO"; "Brussels-based" → PLACE "Brussels"; "U.S.-China" → PLACE "U.S." and
 * PLACE "China"; "anti-American" → MISC "American"; "post-Cold War" → MISC "Cold War"). The trained tagger
 * follows CoNLL-2003, where the whole compound carries one label (MISC, mostly), and it often reads nothing
 * in a compound it has not seen ("a London-based analyst").
 *
 * A compound is words joined by hyphens with no space. Its lower-case words before the first capitalised one
 * are prefixes ("anti", "post", "intra"; not the particles of family names, "al-Assad"), its last words
 * compound heads ("led", "based", "backed", "era", past participles, "-ing" forms); neither is part of a name.
 * Two or more capitalised words joined directly ("U.S.-China", "NATO-Europe", "Polish-Korean") are split when
 * each is a name of its own; names that are hyphenated themselves stay whole ("Rolls-Royce", "Jean-Luc",
 * "Guinea-Bissau", "Al-Shabaab", "Saxony-Anhalt"), and so do compounds with a lower-case word between
 * capitalised ones ("Stratford-upon-Avon") and given names such as "Ji-hoon".
 *
 * A part's type comes, in this order, from: the same name elsewhere in the document (the detector's names
 * outside compounds), a place's short form ("U.S."), the gazetteers shipped in the tagger's model (a demonym
 * is MISC, as the guidelines type nationality words; a country, city, region or place is PLACE; an
 * organization ORG), a nationality word formed from a known place ("Korean", "Saharan"), and the tagger's
 * reading of the part with the compound taken apart (its sentence tagged again with the hyphens as spaces,
 * or as commas between two names), asked only for a compound the detector read as MISC. A compound the
 * detector read as one name that no route types keeps the detector's type for its name part. In a compound
 * the detector left out, a name is taken only when the document or the gazetteers name it (or it is an
 * acronym, "NATO-Backed") and the tagger's reading sees a name there too ("Nice-looking" is none).
 */

/** What a detector knows of names from its gazetteers (`NameDetector.gazetteerFlags`; a fixed test detector need not). */
type NameGazetteer = Required<Pick<NameDetector, 'gazetteerFlags'>>;

function hasGazetteer(detector: NameDetector): detector is NameDetector & NameGazetteer {
  return typeof detector.gazetteerFlags === 'function';
}

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const HYPHENS = /[-\u2010\u2011\u2013]/;
/** The same characters, searched for through a text (no Unicode properties: a plain character class scans fast). */
const HYPHEN_SEARCH = /[-\u2010\u2011\u2013]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOWER_WORD = /^\p{Ll}+$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const DIGIT = /\p{N}/u;
const LOWER_LETTER = /\p{Ll}/u;
const UPPER_LETTER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const NATIONALITY_SHAPE = /^\p{Lu}\p{Ll}+an$/u;

/** Longer than any compound holding a name ("Newcastle-under-Lyme-based" is 26 characters). */
const MAX_COMPOUND = 80;
/** Longer than any name that holds a compound (extract drops a mention longer than 300 characters). */
const MAX_HOLDER = 300;
/** How far a compound's line is looked at either way for its style (a headline, capitals). */
const READING_REACH = 120;
/** How far the tagger's reading of a compound takes its sentence either way: words enough for the tagger's context. */
const READING_WINDOW = 60;

/**
 * Word-forming prefixes. Written in lower case, any lower-case word of three letters or more before a
 * capitalised one is a prefix (all but the particles below); these are the short ones, and the ones that count
 * when capitalised at a sentence's start or in a headline ("Anti-American Protests").
 */
const PREFIXES = new Set([
  'anti', 'pro', 'post', 'pre', 'non', 'ex', 'un', 'co', 'intra', 'inter', 'trans', 'pan', 'sub', 'mid', 'neo', 'pseudo', 'quasi',
  'semi', 'counter', 'cross', 'ultra', 'extra', 'multi', 'bi', 'tri', 'all', 'over', 'under', 'then', 'once', 'now',
]);

/** Combining forms of nations and regions, which join a name but are none ("Sino-American", "Anglo-Saxon", "Euro-Atlantic"). */
const COMBINING_FORMS = new Set([
  'sino', 'franco', 'anglo', 'euro', 'indo', 'afro', 'austro', 'russo', 'judeo', 'greco', 'graeco', 'italo', 'hispano', 'serbo', 'turco',
  'germano', 'nippo', 'luso', 'gallo', 'celto', 'slavo', 'polono', 'arabo', 'irano', 'dano', 'swedo', 'belgo', 'philo',
]);

/** Lower-case particles of family names and patronymics, joined by a hyphen to the name ("al-Assad", "bin-Laden", "ibn-Saud"). */
const PARTICLES = new Set([
  'al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'bin', 'ibn', 'bint', 'ben', 'abu', 'abd', 'de', 'da', 'di', 'do', 'du',
  'del', 'della', 'der', 'den', 'dos', 'das', 'van', 'von', 'la', 'le', 'les', 'mac', 'mc', 'y', 'zu', 'ter', 'ten',
]);

/**
 * Heads of compounds after a name ("NATO-led", "Soviet-era", "EU-wide"). Past participles of five letters or
 * more ("based", "backed", "owned") and "-ing" forms of six or more ("speaking", "leaning") count too: the
 * syllables of East Asian given names ("Ji-hoon", "Jin-ping", "Il-sung", "Jae-in") are shorter or none of these.
 */
const HEADS = new Set([
  'led', 'fed', 'bred', 'born', 'made', 'run', 'held', 'built', 'style', 'era', 'type', 'wide', 'bound', 'friendly', 'centric',
  'only', 'level', 'class', 'like', 'free', 'proof', 'sized', 'specific', 'area', 'zone', 'member', 'members', 'watcher', 'watchers',
  'sceptic', 'sceptics', 'skeptic', 'skeptics', 'first', 'plus', 'wise', 'related', 'inspired', 'allied', 'aligned', 'oriented',
]);

/** Part kinds: a lower-case word, a capitalised word (or acronym), or a prefix or head spelt with capitals. */
const enum Kind { Lower, Cap }

interface Part { start: number; end: number; kind: Kind; lower: string }

interface Piece {
  start: number;
  end: number;
  /** the type its routes gave, or undefined */
  type?: NameType;
  /** whether the type came from the document, a place's short form or the gazetteers, not from the tagger's reading */
  sure?: boolean;
  /** whether it came from the document's other mentions of the same name */
  fromDocument?: boolean;
}

interface Compound {
  start: number;
  end: number;
  parts: Part[];
  /** index of the first part after the prefixes, and one past the last part before the heads */
  coreFirst: number;
  coreLast: number;
  /** whether the core is two or more capitalised words joined directly, which may be names of their own */
  splittable: boolean;
  /** whether it is split: splittable, and not a gazetteer entry as a whole (set by piecesOf) */
  split?: boolean;
  /** the hyphens to read as spaces (around prefixes and heads) and as commas (between capitalised words) */
  spaces: number[];
  commas: number[];
  /** prefixes or heads spelt with capitals: lower-cased in the tagger's reading */
  capitalAffixes: Part[];
}

/**
 * The detector's mentions with the names inside hyphenated compounds taken out on their own; the mentions in
 * text order, not overlapping, as a detector returns them.
 */
export function splitHyphenated(text: string, mentions: NameMention[], detector: NameDetector): NameMention[] {
  if (!HYPHENS.test(text)) return mentions;
  const compounds = findCompounds(text);
  if (compounds.length === 0) return mentions;
  // a detector's mentions are in text order and do not overlap (NameDetector)
  const sorted = mentions;
  const gazetteer = hasGazetteer(detector) ? detector : undefined;

  // the mention holding each compound whole, if any (one sweep, both in text order; the mentions do not
  // overlap, so at most one holds a compound and few overlap it)
  const holder: (NameMention | undefined)[] = [];
  const holding = new Set<NameMention>();
  let k = 0;
  for (const c of compounds) {
    while (k < sorted.length && sorted[k].end <= c.start) k++;
    let whole: NameMention | undefined;
    for (let j = k; j < sorted.length && sorted[j].start < c.end; j++) {
      const m = sorted[j];
      // a mention longer than any name is none (extract leaves it out): it holds no compound to take apart
      if (m.start <= c.start && m.end >= c.end && m.end - m.start <= MAX_HOLDER) whole = m;
    }
    holder.push(whole);
    if (whole) holding.add(whole);
  }

  const routes = new Routes(text, gazetteer);
  // the pieces of each compound, typed by the document and the gazetteers; the rest wait for the tagger's reading
  const pieces = compounds.map((c, i) => piecesOf(text, c, holder[i], routes));
  routes.documentTypes = typesElsewhere(text, sorted, holding, new Set(pieces.flatMap((list) => list.map((p) => text.slice(p.start, p.end)))));
  for (const list of pieces) for (const p of list) routes.typeKnown(p);
  // the reading is asked only where it can decide something: the names of a compound the detector read as MISC
  // (as CoNLL labels compounds) that no other route typed, and a compound the detector left out whose names the
  // gazetteers know but the document does not name (the reading must see a name there too)
  const needReading = compounds.filter((c, i) => {
    const m = holder[i];
    if (m) return m.type === 'MISC' && pieces[i].some((p) => !p.type);
    return pieces[i].every((p) => p.sure || isAcronymIn(text, p, c)) && pieces[i].some((p) => !routes.inDocument(p));
  });
  if (needReading.length > 0) {
    routes.reading = readCompounds(text, needReading, detector);
    for (const list of pieces) for (const p of list) routes.typeByReading(p);
  }

  const out: NameMention[] = [];
  const replaced = new Map<NameMention, NameMention[]>();
  let changed = false;
  compounds.forEach((c, i) => {
    const m = holder[i];
    const list = pieces[i];
    if (m) {
      const cut = cutMention(text, m, c, list, replaced.get(m) ?? [m]);
      if (cut) { replaced.set(m, cut); changed = true; }
      return;
    }
    // a compound no mention holds (or holds only part of): its names that the document or the tagger's
    // reading see as names, where no mention lies; two capitalised words only when both are names of their own
    if (c.split && !splitHolds(list, 'MISC')) return;
    for (const p of list) {
      if (!p.type || !(routes.inDocument(p) || routes.readAsName(p))) continue;
      if (overlapsSorted(sorted, p.start, p.end)) continue;
      out.push({ start: p.start, end: p.end, type: p.type });
      changed = true;
    }
  });
  if (!changed) return mentions;
  for (const m of sorted) {
    const cut = replaced.get(m);
    if (cut) out.push(...cut);
    else out.push(m);
  }
  out.sort((a, b) => a.start - b.start);
  // names added from the routes overlap neither the detector's nor each other (compounds do not overlap); a
  // last guard keeps the contract of a detector's output: the first in text order wins
  const kept: NameMention[] = [];
  let lastEnd = -1;
  for (const m of out) {
    if (m.start < lastEnd) continue;
    kept.push(m);
    lastEnd = m.end;
  }
  return kept;
}

/**
 * An acronym in a compound with lower-case letters ("NATO-Backed", "EU-wide"), where capitals mark it (in a
 * line of capitals every word would look like one): a name the gazetteers may lack, worth the tagger's reading.
 */
function isAcronymIn(text: string, p: Piece, c: Compound): boolean {
  const surface = text.slice(p.start, p.end);
  return ACRONYM.test(surface) && LOWER_LETTER.test(text.slice(c.start, c.end));
}


/**
 * Whether the capitalised words of a core are names of their own: each typed, a person only by the document
 * (the tagger reads "Jean, Luc" as two people), and all by the document's other mentions when the detector
 * read the whole as a person's, organization's or place's name ("Rolls-Royce", "Mecklenburg-Western
 * Pomerania"): only its MISC reading of a compound follows the CoNLL convention.
 */
function splitHolds(pieces: Piece[], holderType: NameType): boolean {
  if (!pieces.every((p) => p.type && (p.type !== 'PERSON' || p.fromDocument))) return false;
  return holderType === 'MISC' || pieces.every((p) => p.fromDocument);
}

/** The compounds of the text that hold a name to take out: linear (each character is looked at a bounded number of times). */
function findCompounds(text: string): Compound[] {
  const out: Compound[] = [];
  for (const [start, end] of hyphenatedChunks(text)) {
    if (!hasCapitalAndNoDigit(text, start, end)) continue; // "long-term", "F-35", "COVID-19"
    const raw = text.slice(start, end);
    // an en dash joins two capitalised words only ("U.S.–China"); elsewhere it sets words apart
    let from = 0;
    for (let j = 1; j <= raw.length; j++) {
      if (j < raw.length && raw[j] !== '\u2013') continue;
      const enDashBetweenNames = j < raw.length && STARTS_UPPER.test(raw.slice(j + 1)) && capitalisedBefore(raw, j);
      if (j < raw.length && enDashBetweenNames) continue;
      const compound = readCompound(text, start + from, start + j);
      if (compound) out.push(compound);
      from = j + 1;
    }
  }
  return out;
}

/**
 * The runs of words joined by hyphens with no space ("U.S.-led", "post-Cold"), up to MAX_COMPOUND characters:
 * words of letters or digits, with inner periods or apostrophes ("U.S.", "O'Neill") and a period that ends one
 * before the hyphen ("U.S.-"). Found from the hyphens, so text without them costs one pass of character codes.
 */
function* hyphenatedChunks(text: string): Generator<[number, number]> {
  const n = text.length;
  const search = HYPHEN_SEARCH;
  search.lastIndex = 0;
  for (let found = search.exec(text); found; found = search.exec(text)) {
    const k = found.index;
    const left = k > 0 && (isWordAt(text, k - 1) || (text[k - 1] === '.' && k > 1 && isWordAt(text, k - 2)));
    if (!left || k + 1 >= n || !isWordAt(text, k + 1)) continue;
    let start = text[k - 1] === '.' ? k - 1 : k;
    for (;;) {
      while (start > 0 && isWordAt(text, start - 1)) start--;
      if (start >= 2 && isJoiner(text.charCodeAt(start - 1)) && isWordAt(text, start - 2)) { start--; continue; }
      if (start >= 3 && isHyphen(text.charCodeAt(start - 1)) && text[start - 2] === '.' && isWordAt(text, start - 3)) { start -= 2; continue; }
      break;
    }
    let end = k + 1;
    for (;;) {
      while (end < n && isWordAt(text, end)) end++;
      if (end + 1 < n && isJoiner(text.charCodeAt(end)) && isWordAt(text, end + 1)) { end++; continue; }
      if (end + 2 < n && text[end] === '.' && isHyphen(text.charCodeAt(end + 1)) && isWordAt(text, end + 2)) { end += 2; continue; }
      break;
    }
    // a period right after the last word: an abbreviation's ("China-U.S.") or the sentence's, told apart later
    if (end < n && text[end] === '.') end++;
    search.lastIndex = end;
    if (end - start <= MAX_COMPOUND) yield [start, end];
  }
}

/** Whether text[start, end) holds a capital letter and no digit (ASCII read from character codes). */
function hasCapitalAndNoDigit(text: string, start: number, end: number): boolean {
  let capital = false;
  let other = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return false;
    if (c >= 65 && c <= 90) capital = true;
    else if (c >= 128) other = true;
  }
  if (!other) return capital;
  const raw = text.slice(start, end);
  return !DIGIT.test(raw) && (capital || UPPER_LETTER.test(raw));
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/** A hyphen, an inner period or an apostrophe: what joins the letters of one compound. */
function isJoiner(c: number): boolean {
  return isHyphen(c) || c === 46 || c === 39 || c === 0x2019;
}

/** Whether the character at k is a letter or digit (a surrogate pair tested as its code point). */
function isWordAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xdc00 && c <= 0xdfff && k > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k - 1) ?? c));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k) ?? c));
}

/** Whether the word just before `at` in `raw` starts with a capital. */
function capitalisedBefore(raw: string, at: number): boolean {
  let s = at;
  while (s > 0 && !HYPHENS.test(raw[s - 1])) s--;
  return STARTS_UPPER.test(raw.slice(s, at));
}

function readCompound(text: string, start: number, end: number): Compound | undefined {
  const parts: Part[] = [];
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k < end && !HYPHENS.test(text[k])) continue;
    let e = k;
    const word = text.slice(s, e);
    // a sentence's full stop and a possessive after the last word are no part of it; "U.S." keeps its period
    if (k === end) {
      if (word.endsWith('.') && !INITIALS.test(word)) e--;
      const possessive = /['’][sS]?$/.exec(text.slice(s, e));
      if (possessive && possessive.index > 0) e = s + possessive.index;
    }
    const w = text.slice(s, e);
    if (e - s < 2) return undefined; // "X-ray", "T-shirt", "U-turn", "K-pop"
    parts.push({ start: s, end: e, kind: LOWER_WORD.test(w) ? Kind.Lower : Kind.Cap, lower: w.toLowerCase() });
    s = k + 1;
  }
  if (parts.length < 2) return undefined;
  // the line's style is looked at only for a capitalised word that may be a prefix or a head
  let headlineLine: boolean | undefined;
  const headline = (): boolean => (headlineLine ??= lineStyle(text, start).headline);
  const capitalAffixes: Part[] = [];
  // prefixes: lower-case words before the first capitalised one, and in a headline or at a sentence's start a
  // capitalised prefix ("Anti-American", "Post-Cold War"); mid-sentence, "Anti-Defamation League" is a name
  let coreFirst = 0;
  while (coreFirst < parts.length - 1) {
    const p = parts[coreFirst];
    if (p.kind === Kind.Lower) {
      if (PARTICLES.has(p.lower) || (p.lower.length < 3 && !PREFIXES.has(p.lower))) return undefined;
    } else if (!(PREFIXES.has(p.lower) && ((coreFirst === 0 && sentenceStart(text, start)) || headline()))) break;
    else capitalAffixes.push(p);
    coreFirst++;
  }
  // heads: the last words, when they are compound heads ("led", "based"; "Led" in a headline)
  let coreLast = parts.length;
  while (coreLast - 1 > coreFirst) {
    const p = parts[coreLast - 1];
    if (!isHead(p.lower)) break;
    if (p.kind === Kind.Cap) {
      if (!headline()) break;
      capitalAffixes.push(p);
    }
    coreLast--;
  }
  const core = parts.slice(coreFirst, coreLast);
  if (core[0].kind !== Kind.Cap || core[core.length - 1].kind !== Kind.Cap) return undefined; // "anti-war", "self-made"
  const innerLower = core.some((p) => p.kind === Kind.Lower);
  // a capitalised particle or given-name prefix makes a hyphenated name of its own ("Al-Shabaab", "El-Sisi", "Abu-Dhabi")
  const particle = core.some((p) => PARTICLES.has(p.lower));
  // a capitalised prefix mid-sentence opens a name ("Trans-Pacific Partnership", "Anti-Defamation League", "Pan-African"),
  // and a combining form is no name of its own ("Sino-American", "Franco-German", "Euro-Atlantic")
  const prefixed = core.some((p) => PREFIXES.has(p.lower) || COMBINING_FORMS.has(p.lower));
  const splittable = core.length >= 2 && !innerLower && !particle && !prefixed;
  const affixed = coreFirst > 0 || coreLast < parts.length;
  if (!affixed && !splittable) return undefined;
  const spaces: number[] = [];
  const commas: number[] = [];
  for (let j = 1; j < parts.length; j++) {
    const at = parts[j].start - 1;
    if (j <= coreFirst || j >= coreLast) spaces.push(at);
    else if (splittable) commas.push(at);
  }
  return { start, end: parts[parts.length - 1].end, parts, coreFirst, coreLast, splittable, spaces, commas, capitalAffixes };
}

function isHead(word: string): boolean {
  return HEADS.has(word) || (word.length >= 5 && /^[a-z]+ed$/.test(word)) || (word.length >= 6 && /^[a-z]+ing$/.test(word));
}

/** Whether the compound at `start` opens a sentence or a line (after opening quotes or brackets). */
function sentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /["'“‘(\[ \t]/.test(text[k])) k--;
  return k < 0 || /[\n\r.!?:]/.test(text[k]);
}

/** Whether the line holding `at` reads as a headline: title case, or capitals as far as READING_REACH either way. */
function lineStyle(text: string, at: number): { headline: boolean } {
  const from = Math.max(0, at - READING_REACH);
  const before = text.slice(from, at).lastIndexOf('\n');
  const to = Math.min(text.length, at + READING_REACH);
  const after = text.slice(at, to).indexOf('\n');
  // the line, or as much of it as lies within reach: a text all in capitals has long lines
  const whole = (before >= 0 || from === 0) && (after >= 0 || to === text.length);
  const line = text.slice(before >= 0 ? from + before + 1 : from, after >= 0 ? at + after : to).trim();
  const capitals = !LOWER_LETTER.test(line) && TWO_CAPITALS.test(line);
  return { headline: capitals || (whole && isTitleCaseLine(line)) };
}

/**
 * The pieces a compound's names are in: each capitalised word of a splittable core, else the core as one. A
 * core that is a gazetteer entry as a whole is a hyphenated name ("Guinea-Bissau", "Saxony-Anhalt"). A
 * mention holding the compound lends its words before the compound to the first piece when no prefix comes
 * between ("European Union-led"), and its words after it to the last when no head does ("post-Cold War").
 */
function piecesOf(text: string, c: Compound, holder: NameMention | undefined, routes: Routes): Piece[] {
  const core = c.parts.slice(c.coreFirst, c.coreLast);
  c.split = c.splittable && !routes.knownWhole(text.slice(core[0].start, core[core.length - 1].end));
  const pieces: Piece[] = c.split ? core.map((p) => ({ start: p.start, end: p.end })) : [{ start: core[0].start, end: core[core.length - 1].end }];
  if (holder) {
    if (c.coreFirst === 0 && holder.start < c.start) pieces[0].start = holder.start;
    if (c.coreLast === c.parts.length && holder.end > c.end && !HYPHENS.test(text.slice(c.end, holder.end))) pieces[pieces.length - 1].end = holder.end;
  }
  return pieces;
}

/**
 * The type most of the detector's mentions of each of the `wanted` names have outside the compounds being taken
 * apart; a surname of a person named in full counts as that person. Only mentions as long as a wanted name are read.
 */
function typesElsewhere(text: string, mentions: NameMention[], holding: ReadonlySet<NameMention>, wanted: ReadonlySet<string>): Map<string, NameType> {
  const lengths = new Set<number>();
  for (const w of wanted) lengths.add(w.length);
  const votes = new Map<string, Map<NameType, number>>();
  const vote = (surface: string, type: NameType): void => {
    if (!wanted.has(surface)) return;
    let v = votes.get(surface);
    if (!v) votes.set(surface, (v = new Map()));
    v.set(type, (v.get(type) ?? 0) + 1);
  };
  const surnames: string[] = [];
  for (const m of mentions) {
    if (holding.has(m) || m.end - m.start > MAX_COMPOUND) continue;
    const length = m.end - m.start;
    // a possessive is no part of the name ("NATO's", "Brussels'")
    const last = text.charCodeAt(m.end - 1);
    const beforeLast = length > 1 ? text.charCodeAt(m.end - 2) : 0;
    const bare = last === 39 || last === 0x2019 ? length - 1
      : (last === 115 || last === 83) && (beforeLast === 39 || beforeLast === 0x2019) ? length - 2 : length;
    if (lengths.has(bare)) vote(text.slice(m.start, m.start + bare), m.type);
    if (m.type === 'PERSON') {
      const surface = text.slice(m.start, m.start + bare);
      const last = surface.search(/\S+$/);
      if (last > 0 && /\s/.test(surface[last - 1])) surnames.push(surface.slice(last));
    }
  }
  const out = new Map<string, NameType>();
  for (const [surface, v] of votes) {
    let best: NameType | undefined;
    let most = 0;
    for (const [type, n] of v) if (n > most) { best = type; most = n; }
    if (best) out.set(surface, best);
  }
  // a surname alone is its person, when the document names no other thing so
  for (const s of surnames) if (wanted.has(s) && !out.has(s)) out.set(s, 'PERSON');
  return out;
}

/**
 * Each compound's sentence (up to READING_WINDOW characters either way, in one piece when sentences meet)
 * with its compounds taken apart — a space for a prefix's or a head's hyphen, a comma and a space between two
 * capitalised words — and capitalised prefixes and heads in lower case, read by the detector in one call.
 * Each piece of text is read once, so the cost is at most the text's.
 */
function readCompounds(text: string, compounds: Compound[], detector: NameDetector): Map<string, NameType> {
  // the windows, merged where they meet
  const windows: { start: number; end: number; compounds: Compound[] }[] = [];
  for (const c of compounds) {
    const start = windowStart(text, c.start);
    const end = windowEnd(text, c.end);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.compounds.push(c);
    } else windows.push({ start, end, compounds: [c] });
  }
  // the reading text, and for each window the edits that shift its offsets
  const chunks: string[] = [];
  let length = 0;
  const maps: { origin: number; base: number; end: number; shifts: { at: number; delta: number }[] }[] = [];
  for (const w of windows) {
    const shifts: { at: number; delta: number }[] = [];
    const edits: { at: number; text: string; length: number }[] = [];
    for (const c of w.compounds) {
      for (const at of c.spaces) edits.push({ at, text: ' ', length: 1 });
      // a hyphenated name the gazetteers know whole ("Guinea-Bissau") is read as written
      if (c.split) for (const at of c.commas) edits.push({ at, text: ', ', length: 1 });
      for (const p of c.capitalAffixes) edits.push({ at: p.start, text: p.lower, length: p.end - p.start });
    }
    edits.sort((a, b) => a.at - b.at);
    const base = length;
    let cursor = w.start;
    let shift = 0;
    for (const e of edits) {
      if (e.at < cursor) continue;
      chunks.push(text.slice(cursor, e.at), e.text);
      length += e.at - cursor + e.text.length;
      cursor = e.at + e.length;
      shift += e.text.length - e.length;
      if (e.text.length !== e.length) shifts.push({ at: cursor, delta: shift });
    }
    chunks.push(text.slice(cursor, w.end), '\n\n');
    length += w.end - cursor + 2;
    maps.push({ origin: w.start, base, end: w.end, shifts });
  }
  const reading = chunks.join('');
  const found = detector.detect(reading);
  // back to the text's offsets: each window's offsets move by the shifts before them
  const exact = new Map<string, NameType>();
  let w = 0;
  for (const f of found) {
    while (w + 1 < maps.length && maps[w + 1].base <= f.start) w++;
    const start = toText(maps[w], f.start);
    const end = toText(maps[w], f.end);
    if (start !== undefined && end !== undefined && end > start) exact.set(`${start}:${end}`, f.type);
  }
  return exact;
}

/**
 * A reading offset in a window, as an offset of the text (undefined on an inserted character): the window's
 * shifts are in order, so the last one at or before the offset is found by binary search.
 */
function toText(map: { origin: number; base: number; end: number; shifts: { at: number; delta: number }[] }, offset: number): number | undefined {
  const local = offset - map.base;
  const { shifts, origin } = map;
  const lo = firstIndex(shifts.length, (i) => shifts[i].at - origin + shifts[i].delta > local);
  // the character a comma's space added, just before the next shift takes effect
  if (lo < shifts.length && shifts[lo].at - origin + shifts[lo].delta - 1 === local) return undefined;
  const at = origin + local - (lo > 0 ? shifts[lo - 1].delta : 0);
  return at <= map.end ? at : undefined;
}

function windowStart(text: string, at: number): number {
  const from = Math.max(0, at - READING_WINDOW);
  for (let k = at - 1; k >= from; k--) {
    const c = text[k];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? ''))) return k + 1;
  }
  if (from === 0) return 0;
  // cut at a space, never inside a word
  const space = text.slice(from, at).indexOf(' ');
  return space >= 0 ? from + space + 1 : at;
}

function windowEnd(text: string, at: number): number {
  const to = Math.min(text.length, at + READING_WINDOW);
  for (let k = at; k < to; k++) {
    const c = text[k];
    if (c === '\n') return k;
    if ((c === '.' || c === '!' || c === '?') && (k + 1 >= text.length || /\s/.test(text[k + 1]))) return k + 1;
  }
  if (to === text.length) return to;
  const space = text.slice(at, to).lastIndexOf(' ');
  return space > 0 ? at + space : at;
}

class Routes {
  /** the tagger's reading of the compounds that needed it: the type of each name, by its range in the text */
  reading: Map<string, NameType> | undefined;

  /** the type of each name elsewhere in the document, by its text */
  documentTypes: ReadonlyMap<string, NameType> = new Map();

  constructor(private readonly text: string, private readonly gazetteer: NameGazetteer | undefined) {}

  /** The type from the document, a place's short form, the gazetteers or a nationality word. */
  typeKnown(p: Piece): void {
    const surface = this.text.slice(p.start, p.end);
    const inDocument = this.documentTypes.get(surface);
    const type = inDocument ?? (canonicalPlace(surface) ? 'PLACE' : undefined) ?? this.gazetteerType(surface);
    if (!type) return;
    p.type = type;
    p.sure = true;
    p.fromDocument = inDocument !== undefined;
  }

  /** Whether a hyphenated name is a gazetteer entry as a whole. */
  knownWhole(surface: string): boolean {
    return canonicalPlace(surface) !== undefined || (this.gazetteer?.gazetteerFlags(surface) ?? 0) !== 0;
  }

  inDocument(p: Piece): boolean {
    return this.documentTypes.has(this.text.slice(p.start, p.end));
  }

  /** The tagger's reading, for a piece no other route typed: the name it reads exactly there. */
  typeByReading(p: Piece): void {
    if (p.type || !this.reading) return;
    const type = this.reading.get(`${p.start}:${p.end}`);
    if (type) p.type = type;
  }

  /** Whether the tagger's reading found a name exactly where the piece is. */
  readAsName(p: Piece): boolean {
    return this.reading?.has(`${p.start}:${p.end}`) ?? false;
  }

  private gazetteerType(surface: string): NameType | undefined {
    if (!this.gazetteer) return undefined;
    const flags = this.gazetteer.gazetteerFlags(surface);
    if (flags & GAZ_DEMONYM) return 'MISC';
    if (flags & (GAZ_COUNTRY | GAZ_CITY | GAZ_REGION | GAZ_LOCATION)) return 'PLACE';
    if (flags & GAZ_ORG) return 'ORG';
    // a nationality word formed from a known place: "Korean" (Korea), "Saharan" (Sahara), "Chilean" (Chile)
    if (NATIONALITY_SHAPE.test(surface)) {
      const place = GAZ_COUNTRY | GAZ_REGION | GAZ_LOCATION;
      if ((this.gazetteer.gazetteerFlags(surface.slice(0, -1)) & place) || (this.gazetteer.gazetteerFlags(surface.slice(0, -2)) & place)) return 'MISC';
    }
    return undefined;
  }
}

/**
 * The mention `m` (as cut so far: `current`) with the compound `c` taken apart: its prefixes and heads left
 * out, each piece a name of the type its routes gave (the mention's own when none did), and the mention's
 * words beyond the compound's prefixes or heads names of the mention's type. Capitalised words joined
 * directly stay one name unless `splitHolds`. Undefined when nothing changes.
 */
function cutMention(text: string, m: NameMention, c: Compound, pieces: Piece[], current: NameMention[]): NameMention[] | undefined {
  // a prefix or head in capitals is one only by the line's style; a detector that read the whole as a person's,
  // organization's or place's name read it as part of the name ("Ex-Yankee Randy Velarde", "SELF-RULE AUTHORITY")
  if (c.capitalAffixes.length > 0 && m.type !== 'MISC') return undefined;
  const affixed = c.coreFirst > 0 || c.coreLast < c.parts.length;
  let names = pieces;
  if (c.split && !splitHolds(pieces, m.type)) {
    if (!affixed) return undefined;
    // the core stays one name, of the mention's type; only the prefixes and heads go
    names = [{ start: pieces[0].start, end: pieces[pieces.length - 1].end }];
  }
  const out: NameMention[] = [];
  // the parts of the mention before and after the compound, which earlier compounds may have cut already
  for (const o of current) {
    if (o.end <= c.start || o.start >= c.end) { out.push(o); continue; }
    if (o.start < c.start && c.coreFirst > 0) pushTrimmed(text, out, { ...o, end: c.start });
    for (const p of names) {
      const start = Math.max(p.start, o.start);
      const end = Math.min(p.end, o.end);
      if (end <= start) continue;
      out.push({ start, end, type: p.type ?? m.type, ...(m.score !== undefined ? { score: m.score } : {}) });
    }
    if (o.end > c.end && c.coreLast < c.parts.length) pushTrimmed(text, out, { ...o, start: c.end });
  }
  return out;
}

/** A piece of a mention with the spaces around it left out, when a letter is left. */
function pushTrimmed(text: string, out: NameMention[], m: NameMention): void {
  let { start, end } = m;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start && LETTER.test(text.slice(start, end))) out.push({ ...m, start, end, typeConfidence: undefined });
}
