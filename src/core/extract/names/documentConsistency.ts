import type { NameType, Span } from '../types';
import { onShareLine } from '../../text/articleMeta';
import { LEGAL_FORMS, TRADE_WORDS } from '../ner/consistency';
import { canonicalPlace } from './placeAliases';
import { isArmedGroup } from './armedGroups';
import { applyContextCues } from './contextCues';
import { inOrdinaryCase } from './lineCase';
import { TITLE_WORDS } from './titles';
import { firstIndex } from '../../util/firstIndex';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const ENDS_WITH_INITIAL = /\b\p{Lu}\.\s*$/u;
const BYLINE_START = /^\s*(?:By|BY|by)\s+\p{Lu}/u;
const WORDS = /[\p{L}][\p{L}\p{M}'’.-]*/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * Document-level decisions that a token-level detector cannot make alone:
 * - in title-cased headlines capitalisation says little, so a multi-word name is kept there only when the
 *   same string is also recognized in running text (its confirmed parts are then found by propagation);
 * - names headed by a law, treaty or programme noun are MISC, as the guidelines type documents and events;
 * - every mention of one string gets the type most of its mentions received.
 */

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'is', 'vs', 'via', 'amid', 'over', 'after', 'into']);
const DOCUMENT_HEADS = new Set([
  'Act', 'Treaty', 'Initiative', 'Strategy', 'Agreement', 'Accord', 'Accords', 'Convention', 'Declaration', 'Doctrine',
  'Charter', 'Protocol', 'Programme', 'Program', 'Plan', 'Bill', 'Review', 'Report', 'Summit', 'War', 'Games', 'Crisis', 'Revolution',
]);
/** Awards and festivals, MISC even when a detector read them as a person's name ("Orla Prize"): no surname is one of these. */
const AWARD_HEADS = new Set(['Award', 'Awards', 'Prize', 'Medal', 'Trophy', 'Festival']);

/** Shorter title-cased lines are usually name lists or table rows, where capitals do mark names. */
const MIN_HEADLINE_WORDS = 4;
const MAX_HEADLINE_CHARS = 300;

/** Whether a line is a mixed-case headline: nearly every content word capitalised. */
export function isTitleCaseLine(line: string): boolean {
  // A headline is a short line; paragraphs (a line each in most articles) are never one.
  if (line.length > MAX_HEADLINE_CHARS) return false;
  // A headline is neither a sentence (it has no full stop) nor a list of names ("X (Y), Z, W").
  if (/\.\s*$/.test(line) && !ENDS_WITH_INITIAL.test(line)) return false;
  if ((line.match(/,/g)?.length ?? 0) >= 2 || /[()]/.test(line)) return false;
  // A byline names its writers ("By Jane Doe and Rahul Mehta, Reuters"): its capitals are names.
  if (BYLINE_START.test(line)) return false;
  const words = line.match(WORDS) ?? [];
  const content = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (content.length < MIN_HEADLINE_WORDS || /\d/.test(line)) return false;
  // ALL-CAPS lines are left to the tagger, which learned them from newswire headlines.
  if (content.every((w) => w === w.toUpperCase())) return false;
  const capitalised = content.filter((w) => STARTS_UPPER.test(w)).length;
  return capitalised / content.length >= 0.8;
}

/**
 * Decides, line by line and only for lines that hold a mention, whether an offset sits in a headline: a
 * line of at most MAX_HEADLINE_CHARS (an offset further than that into its line is in no headline). The
 * line breaks are listed once, and each offset finds its line by binary search, so a megabyte-long line
 * costs no more than a short one.
 */
function headlineTest(text: string): (offset: number) => boolean {
  const verdicts = new Map<number, boolean>();
  let breaks: Int32Array | undefined;
  return (offset) => {
    const lines = (breaks ??= lineBreaks(text));
    // the number of breaks before the offset: the last of them ends the line before
    const lo = firstIndex(lines.length, (i) => lines[i] >= offset);
    const start = lo > 0 ? breaks[lo - 1] + 1 : 0;
    if (offset - start > MAX_HEADLINE_CHARS + 1) return false;
    let verdict = verdicts.get(start);
    if (verdict === undefined) {
      const end = lo < breaks.length ? breaks[lo] : text.length;
      verdict = end - start <= MAX_HEADLINE_CHARS && isTitleCaseLine(text.slice(start, end));
      verdicts.set(start, verdict);
    }
    return verdict;
  };
}

/** The offsets of the text's line breaks (\n and \r), in order. */
function lineBreaks(text: string): Int32Array {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) count++;
  }
  const breaks = new Int32Array(count);
  count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) breaks[count++] = k;
  }
  return breaks;
}

/**
 * A multi-word name in a headline that the detector is this sure of is kept without running-text support
 * (score 0.8 is a mean tag margin of about 22 perceptron units; clear names have 30 or more): a block of
 * related headlines names people and places the article body never repeats.
 */
const HEADLINE_CONFIDENT = 0.8;

/**
 * `confidence` holds the detector's score of each span that has one; `outvoted`, when given, receives the
 * spans that took another type only because more mentions of the same string had it.
 */
export function applyDocumentConsistency(text: string, spans: Span[], confidence?: ReadonlyMap<Span, number>, outvoted?: Set<Span>): Span[] {
  spans = lineupPlayers(text, withHeadWords(text, joinedByPatronymic(text, spans)).filter((s) => !onShareLine(text, s.start, s.end)));
  const inHeadline = headlineTest(text);
  const inRunningText = new Set(spans.filter((s) => !inHeadline(s.start)).map((s) => s.text));
  const confident = (s: Span): boolean => (confidence?.get(s) ?? 0) >= HEADLINE_CONFIDENT;
  // Single words are kept: the tagger's word-level evidence survives title case better than its phrase boundaries.
  const kept = spans.filter((s) => !inHeadline(s.start) || inRunningText.has(s.text) || !/\s/.test(s.text) || confident(s));

  for (const s of kept) {
    const words = s.text.split(/\s+/);
    if (words.length > 1 && ((DOCUMENT_HEADS.has(words[words.length - 1]) && s.type !== 'PERSON') || AWARD_HEADS.has(words[words.length - 1]))) s.type = 'MISC';
    // "European Parliament" read as a nationality's phrase: an organization's head noun makes it the organization
    else if (words.length > 1 && ORG_HEAD_WORDS.has(words[words.length - 1]) && s.type === 'MISC') s.type = 'ORG';
    if (words[0] === 'Operation' && words.length > 1) s.type = 'MISC';
    if (canonicalPlace(s.text)) s.type = 'PLACE';
    if (isArmedGroup(s.text)) s.type = 'ORG';
  }
  const teams = scoreLineTeams(text, kept);

  // "of Llandaff, Cardiff, pleaded": a one-word name right after a place and a comma, and closed by punctuation,
  // is the larger place of an address, whatever the detector said
  for (let k = 1; k < kept.length; k++) {
    const [place, s] = [kept[k - 1], kept[k]];
    if (place.type !== 'PLACE' || s.type === 'PLACE' || s.type === 'PERSON' || /\s/.test(s.text) || teams.has(s.text)) continue;
    if (ADDRESS_COMMA.test(text.slice(place.end, s.start)) && ADDRESS_END.test(text.slice(s.end, s.end + 2))) s.type = 'PLACE';
  }

  // A surname used alone as a person makes "First Last" a person too ("Elbridge Colby" … "Colby said").
  const lonePersons = new Set(kept.filter((s) => s.type === 'PERSON' && !/\s/.test(s.text)).map((s) => s.text));
  for (const s of kept) {
    if (s.type === 'PERSON' || teams.has(s.text)) continue;
    const words = s.text.split(/\s+/);
    const last = words[words.length - 1];
    if (words.length >= 2 && words.length <= 3 && words.every((w) => STARTS_CAPITALISED.test(w)) && lonePersons.has(last) &&
      !(s.type === 'ORG' && (CLUB_SUFFIXES.has(last) || ORG_HEAD_WORDS.has(last)))) {
      s.type = 'PERSON';
    }
  }

  // A surname or first name of a person named in full is that person, whatever the detector said; but a first
  // name alone that the detector read as a place in its sentence stays the place ("Jordan Ames" … "Jordan has
  // hosted the talks"): news calls a person by the surname, rarely by the first name alone.
  const surnames = new Set<string>();
  const givenNames = new Set<string>();
  for (const s of kept) {
    if (s.type !== 'PERSON') continue;
    const words = s.text.split(/\s+/);
    if (words.length < 2) continue;
    words.forEach((w, i) => { if (STARTS_CAPITALISED.test(w)) (i === words.length - 1 ? surnames : givenNames).add(w); });
  }
  for (const s of kept) {
    if (surnames.has(s.text) || (givenNames.has(s.text) && s.type !== 'PLACE')) s.type = 'PERSON';
  }
  particleSurnames(text, kept);

  // "Birch Glacier", "Kings Road", "Jordan Valley", "Palacio de Viana": a geographic head noun or a place's first
  // word makes the name a place's, whatever a lone word said above
  for (const s of kept) {
    const words = s.text.split(/\s+/);
    const placeWord = PLACE_HEADS.has(words[words.length - 1]) || PLACE_PREFIXES.has(words[0]);
    if (words.length > 1 && (s.type === 'PERSON' || s.type === 'MISC') && placeWord) s.type = 'PLACE';
    // "Sion Street", "River Monnow" read as organizations: two words, one of them a street or a water, are the
    // place (a longer name such as "Lake Forest College" may be an institution named after it)
    else if (words.length === 2 && s.type === 'ORG' && (STREET_OR_WATER.has(words[1]) || STREET_OR_WATER_FIRST.has(words[0]))) s.type = 'PLACE';
  }

  const votes = new Map<string, Map<NameType, number>>();
  for (const s of kept) {
    let v = votes.get(s.text);
    if (!v) votes.set(s.text, (v = new Map()));
    v.set(s.type as NameType, (v.get(s.type as NameType) ?? 0) + 1);
  }
  for (const s of kept) {
    if (teams.has(s.text)) {
      s.type = 'ORG';
      continue;
    }
    const v = votes.get(s.text)!;
    if (v.size < 2) continue;
    let best: NameType = s.type as NameType;
    for (const [type, n] of v) if (n > (v.get(best) ?? 0)) best = type;
    // a single word read as a person and as something else as often, that is no word of a person's full name,
    // is the something else ("Hezbollah, weakened …" beside "what it calls Hezbollah targets")
    if (best === 'PERSON' && !/\s/.test(s.text) && !surnames.has(s.text) && !givenNames.has(s.text)) {
      for (const [type, n] of v) if (type !== 'PERSON' && n === v.get('PERSON')) best = type;
    }
    if (best !== s.type) outvoted?.add(s);
    s.type = best;
  }
  const cued = applyContextCues(text, kept, new Set([...surnames, ...givenNames]));
  organizationWords(cued);
  return cued;
}

/** A team sheet: the team, its formation in brackets, a colon ("Aston Villa (4-2-3-1): Martinez; Cash, Konsa…"). */
const LINEUP_HEAD = /^[^\n:]{2,60}\(\d(?:[-–]\d){2,4}\):/;
const LINEUP_FORMATION = /\(\d(?:[-–]\d){2,4}\):/;

/**
 * The names after a team sheet's colon are its players: persons, whatever a surname alone looked like to the
 * detector ("Konsa", "Trippier"), and a name run across a semicolon ("Hall; Guimaraes") is two.
 */
function lineupPlayers(text: string, spans: Span[]): Span[] {
  // most pages hold no team sheet: a formation in brackets is looked for once, not from every name
  if (!LINEUP_FORMATION.test(text)) return spans;
  const verdicts = new Map<number, number>(); // line start → offset of the colon, or -1
  const colonOf = (at: number): number => {
    let lineStart = at;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) if (at - --lineStart > 600) return -1;
    let colon = verdicts.get(lineStart);
    if (colon === undefined) {
      const m = LINEUP_HEAD.exec(text.slice(lineStart, lineStart + 80));
      colon = m ? lineStart + m[0].length : -1;
      verdicts.set(lineStart, colon);
    }
    return colon;
  };
  const out: Span[] = [];
  for (const s of spans) {
    const colon = colonOf(s.start);
    if (colon < 0 || s.start < colon || s.canonical) {
      out.push(s);
      continue;
    }
    let from = s.start;
    for (const part of s.text.split(';')) {
      const lead = part.length - part.trimStart().length;
      const name = part.trim();
      if (name) out.push({ ...s, start: from + lead, end: from + lead + name.length, text: name, type: 'PERSON' });
      from += part.length + 1;
    }
  }
  return out;
}

/**
 * Last words of clubs' names, by which a report calls the club ("Crystal Rovers" … "Rovers"): a detector that read
 * the lone word as a person does not make the club one.
 */
const CLUB_SUFFIXES = new Set(['Rovers', 'United', 'Athletic', 'Wanderers', 'Albion', 'Rangers', 'Hotspur', 'Villa', 'Town', 'County', 'City', 'Celtic', 'Argyle', 'Orient', 'Vale', 'Wednesday']);

/** Capitalised head nouns of an organization's name, which a detector may leave out of it ("Bristol Crown" + "Court"). */
const ORG_HEAD_WORDS = new Set([
  'Court', 'Council', 'Committee', 'Commission', 'University', 'College', 'Institute', 'Ministry', 'Department',
  'Agency', 'Authority', 'Assembly', 'Parliament', 'Tribunal', 'Police', 'Hospital', 'Foundation', 'Association',
  'Party', 'Union', 'Federation', 'Ombudsman', 'Inquiry', 'Service',
]);
/** Organizations named "<head> of (the) <name>" ("Assembly of the Republic", "Council of Europe"). */
const OF_HEADS = new Set(['Assembly', 'Council', 'Ministry', 'Department', 'Court', 'University', 'Parliament', 'Academy', 'Chamber', 'Bank', 'Commission', 'Congress']);
/** The head word, then prose (a lower-case word, punctuation or the line's end): in a title-cased line every word is capitalised. */
const HEAD_AFTER = /^ (\p{Lu}\p{Ll}+)(?=[ \t]+\p{Ll}|[.,;:!?)"”’'\n]|$)/u;
/** Documents a detector may leave out of their name after a place ("Paris" + "Agreement"). */
const DOCUMENT_HEAD_WORDS = new Set(['Agreement', 'Accord', 'Accords', 'Treaty', 'Convention', 'Declaration', 'Protocol', 'Act', 'Charter', 'Doctrine']);
const OF_AFTER = /^ of (?:the )?$/;

/**
 * A name and the head noun a detector left out right after it are one name: "Bristol Crown" + "Court" is an
 * organization, "Paris" + "Agreement" a document (MISC); an organization's head and "of (the)" before the
 * next name are one organization ("Assembly" + "of the" + "Republic"). The spans are in text order.
 */
function withHeadWords(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    let s = spans[k];
    const next = spans[k + 1];
    if (s.type !== 'PERSON' && !s.canonical) {
      const head = HEAD_AFTER.exec(text.slice(s.end, s.end + 40));
      const free = head && (!next || next.start >= s.end + head[0].length);
      if (head && free && (ORG_HEAD_WORDS.has(head[1]) || DOCUMENT_HEAD_WORDS.has(head[1])) && inOrdinaryCase(text, s.start, s.end)) {
        const end = s.end + head[0].length;
        s = { ...s, end, text: text.slice(s.start, end), type: ORG_HEAD_WORDS.has(head[1]) ? 'ORG' : 'MISC' };
      } else if (next && s.type === 'ORG' && !next.canonical && next.type !== 'PERSON' && next.start - s.end <= 8 &&
        OF_HEADS.has(s.text.split(' ').pop()!) && OF_AFTER.test(text.slice(s.end, next.start))) {
        s = { ...s, end: next.end, text: text.slice(s.start, next.end), type: 'ORG' };
        k++;
      }
    }
    out.push(s);
  }
  return out;
}


/** Last words that make a name a place's, and that are no one's surname. */
const PLACE_HEADS = new Set([
  'Glacier', 'Glaciers', 'Mountains', 'Valley', 'Peninsula', 'Desert', 'Strait', 'Straits', 'Canal', 'Avenue', 'Boulevard',
  'Road', 'Street', 'Square', 'Fjord', 'Archipelago', 'Plateau', 'Basin', 'Delta', 'Estuary', 'Lagoon', 'Reservoir',
]);

/** First words that make a name a place's ("Palacio de Viana", "Piazza Navona", "Mount Kenya", "Lake Como"). */
const PLACE_PREFIXES = new Set(['Palacio', 'Palazzo', 'Palais', 'Plaza', 'Piazza', 'Castillo', 'Schloss', 'Rue', 'Avenida', 'Calle', 'Mount', 'Lake', 'Isle']);

/** Between the parts of an address ("Llandaff, Cardiff"), and what closes its last part. */
const ADDRESS_COMMA = /^,[ \t]$/;
const ADDRESS_END = /^(?:[,.;:)]|$)/;

/** Of the place words, those an organization's two-word name does not end or begin with ("Sion Street", "River Monnow"). */
const STREET_OR_WATER = new Set(['Road', 'Street', 'Avenue', 'Boulevard', 'Square', 'Lane', 'Glacier', 'Canal', 'Estuary', 'Reservoir', 'Fjord']);
const STREET_OR_WATER_FIRST = new Set(['River', 'Lake', 'Mount', 'Rue', 'Avenida', 'Calle', 'Piazza']);

/** The particles that join a given name to a father's name: "Faisal bin Farhan", "Ahmad ibn Hanbal". */
const PATRONYMIC = /^\s(?:bin|ibn|bint|ben|binti|ould)\s$/;

/**
 * "Faisal" + "bin" + "Farhan Al Saud": two person mentions joined by a patronymic particle are one name;
 * "Rhone" + "Glacier": a name and the place head noun right after it are one place. The spans are in text order.
 */
function joinedByPatronymic(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    // "Rhone" + "Glacier": a place's head noun the detector took for a name of its own
    if (prev && PLACE_HEADS.has(s.text) && s.start - prev.end === 1 && text[prev.end] === ' ' && prev.type !== 'PERSON' &&
      !prev.canonical && !s.canonical) {
      out[out.length - 1] = { ...prev, end: s.end, text: text.slice(prev.start, s.end), type: 'PLACE' };
      continue;
    }
    if (prev && prev.type === 'PERSON' && (s.type === 'PERSON' || s.type === 'ORG') && s.start - prev.end <= 7 &&
      PATRONYMIC.test(text.slice(prev.end, s.start)) && !prev.canonical && !s.canonical) {
      out[out.length - 1] = { ...prev, end: s.end, text: text.slice(prev.start, s.end) };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** A score between two names ("Aston Villa 2-1 Newcastle United", "Leeds 0 - 0 Hull"). */
const SCORE_BETWEEN = /^[ \t]+\d{1,2}[ \t]?[-–][ \t]?\d{1,2}[ \t]+$/;

/**
 * The two sides of a score are the same kind of name: when one is an organization (a club), both are, at
 * every mention, whatever a surname used alone or a vote says later. Returns the names so made organizations.
 */
function scoreLineTeams(text: string, spans: Span[]): Set<string> {
  const teams = new Set<string>();
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (b.start - a.end > 12 || !SCORE_BETWEEN.test(text.slice(a.end, b.start))) continue;
    if (a.type !== 'ORG' && b.type !== 'ORG') continue;
    if (a.type !== 'PLACE' && b.type !== 'PLACE') {
      teams.add(a.text);
      teams.add(b.text);
    }
  }
  return teams;
}

/**
 * A single word typed as a person that names one organization of the document, and is a word of no
 * person's name, stands for that organization: the first word of a company's name whose other words
 * say its trade or legal form or that ends in a legal form ("Northwind" after "Northwind Robotics" or "Northwind
 * Health, Inc."), or the last word of a
 * name ("Villa" after "Aston Villa"; not "Thornbury" of "Thornbury District Council").
 */
function organizationWords(spans: Span[]): void {
  const personWords = new Set<string>();
  const orgByWord = new Map<string, string | null>();
  for (const s of spans) {
    if (!/\s/.test(s.text)) continue;
    const words = s.text.split(/\s+/).filter((w) => STARTS_CAPITALISED.test(w));
    if (s.type === 'PERSON') for (const w of words) personWords.add(w);
    else if (s.type === 'ORG' && words.length >= 2) {
      const bare = words.map((w) => w.replace(/[,;:]$/, '').toLowerCase());
      // a company: its other words say its trade or legal form, or it ends in a legal form ("Northwind Health, Inc.")
      const trade = bare.slice(1).every((w) => TRADE_WORDS.has(w) || LEGAL_FORMS.has(w)) || LEGAL_FORMS.has(bare[bare.length - 1]);
      // "Northwind Health" and "Northwind Health, Inc." are one organization
      const name = LEGAL_FORMS.has(bare[bare.length - 1]) && bare.length > 2 ? s.text.slice(0, s.text.lastIndexOf(words[words.length - 1])).replace(/[\s,]+$/, '') : s.text;
      for (const w of trade ? [words[0], words[words.length - 1]] : [words[words.length - 1]]) {
        const known = orgByWord.get(w);
        orgByWord.set(w, known === undefined || known === name ? name : null);
      }
    }
  }
  for (const s of spans) {
    if (s.type !== 'PERSON' || /\s/.test(s.text) || personWords.has(s.text)) continue;
    const org = orgByWord.get(s.text);
    if (!org) continue;
    s.type = 'ORG';
    s.canonical = org;
  }
}

/** Lower-case particles that begin a family name ("Ursula von der Leyen", "Marine Le Pen", "Bart De Wever"). */
const SURNAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'ter', 'ten', 'al', 'el']);
/** Particle words right before a name: "… met von der " + "Leyen". */
const PARTICLES_BEFORE = /(?:(?<![\p{L}\p{N}])(?:von|van|der|den|de|del|della|di|da|dos|das|du|le|la|ter|ten|al|el)[ \t]+)+$/u;

/** A family name read with its first letter in lower case: "Von der Leyen" and "von der Leyen" are one key. */
function particleKey(name: string): string {
  return name[0].toLowerCase() + name.slice(1);
}

/**
 * A family name that opens with a particle, used alone, is the person named in full: "Le Pen" (which a
 * detector reads as an organization) and "Von der Leyen" at a sentence's start after "Ursula von der Leyen";
 * a surname the detector found without its lower-case particles ("von der" + "Leyen") takes them in.
 */
function particleSurnames(text: string, spans: Span[]): void {
  withGivenNames(text, spans);
  const owner = new Map<string, string | null>();
  for (const s of spans) {
    if (s.type !== 'PERSON') continue;
    const words = s.text.split(/\s+/);
    for (let i = 1; i + 1 < words.length; i++) {
      if (!SURNAME_PARTICLES.has(words[i].toLowerCase())) continue;
      const key = particleKey(words.slice(i).join(' '));
      const known = owner.get(key);
      owner.set(key, known === undefined || known === s.text ? s.text : null);
      break;
    }
  }
  if (owner.size === 0) return;
  for (const s of spans) {
    const before = PARTICLES_BEFORE.exec(text.slice(Math.max(0, s.start - 24), s.start));
    if (before && !/\s/.test(s.text) && (s.type === 'PERSON' || s.type === 'ORG')) {
      const start = s.start - before[0].length;
      const full = owner.get(particleKey(text.slice(start, s.end)));
      if (full) {
        s.start = start;
        s.text = text.slice(start, s.end);
        s.type = 'PERSON';
        s.canonical = full;
        continue;
      }
    }
    const full = /\s/.test(s.text) ? owner.get(particleKey(s.text)) : undefined;
    if (full && full !== s.text) {
      s.type = 'PERSON';
      s.canonical = full;
    }
  }
}

/** A capitalised word right before a family name that opens with a particle: "Marine " + "Le Pen". */
const GIVEN_BEFORE = /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]$/u;
/** Capitalised words before a name that are no given name. */
const NOT_GIVEN = new Set([...MINOR_WORDS].map((w) => w[0].toUpperCase() + w.slice(1)).concat([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'When', 'While', 'If', 'Then', 'So',
  'Caption', 'Photo', 'Photograph', 'Picture', 'Image', 'Video', 'Watch', 'Read', 'Listen', 'Opinion', 'Analysis',
]));

/**
 * "Marine" + "Le Pen": a detector that knows a family name opening with a particle may leave out a given name
 * that is also a common word. A capitalised word right before such a name, in no span of its own and no title,
 * opener or date, on a line in ordinary case, is the given name, and the whole a person.
 */
function withGivenNames(text: string, spans: Span[]): void {
  const starts = new Set(spans.map((s) => s.end));
  for (const s of spans) {
    if (s.type !== 'PERSON' && s.type !== 'ORG') continue;
    const words = s.text.split(/\s+/);
    if (words.length !== 2 || !SURNAME_PARTICLES.has(words[0].toLowerCase()) || !STARTS_UPPER.test(words[0]) || !STARTS_CAPITALISED.test(words[1])) continue;
    const given = GIVEN_BEFORE.exec(text.slice(Math.max(0, s.start - 24), s.start));
    // in a title-cased line every word is capitalised, and a capital says nothing
    if (!given || NOT_GIVEN.has(given[1]) || TITLE_WORDS.has(given[1]) || !inOrdinaryCase(text, s.start, s.end)) continue;
    const start = s.start - given[0].length;
    if (starts.has(start + given[1].length)) continue; // the word ends a name of its own
    s.start = start;
    s.text = text.slice(start, s.end);
    s.type = 'PERSON';
  }
}
