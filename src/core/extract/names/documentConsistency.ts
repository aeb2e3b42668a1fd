import type { NameType, Span } from '../types';
import { canonicalPlace } from './placeAliases';

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
    breaks ??= lineBreaks(text);
    // the number of breaks before the offset: the last of them ends the line before
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
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
  const inHeadline = headlineTest(text);
  const inRunningText = new Set(spans.filter((s) => !inHeadline(s.start)).map((s) => s.text));
  const confident = (s: Span): boolean => (confidence?.get(s) ?? 0) >= HEADLINE_CONFIDENT;
  // Single words are kept: the tagger's word-level evidence survives title case better than its phrase boundaries.
  const kept = spans.filter((s) => !inHeadline(s.start) || inRunningText.has(s.text) || !/\s/.test(s.text) || confident(s));

  for (const s of kept) {
    const words = s.text.split(/\s+/);
    if (words.length > 1 && DOCUMENT_HEADS.has(words[words.length - 1]) && s.type !== 'PERSON') s.type = 'MISC';
    if (words[0] === 'Operation' && words.length > 1) s.type = 'MISC';
    if (canonicalPlace(s.text)) s.type = 'PLACE';
  }

  // A surname used alone as a person makes "First Last" a person too ("Elbridge Colby" … "Colby said").
  const lonePersons = new Set(kept.filter((s) => s.type === 'PERSON' && !/\s/.test(s.text)).map((s) => s.text));
  for (const s of kept) {
    if (s.type === 'PERSON') continue;
    const words = s.text.split(/\s+/);
    if (words.length >= 2 && words.length <= 3 && words.every((w) => STARTS_CAPITALISED.test(w)) && lonePersons.has(words[words.length - 1])) {
      s.type = 'PERSON';
    }
  }

  // A surname or first name of a person named in full is that person, whatever the detector said.
  const personParts = new Set<string>();
  for (const s of kept) {
    if (s.type !== 'PERSON') continue;
    const words = s.text.split(/\s+/);
    if (words.length > 1) for (const w of words) if (STARTS_CAPITALISED.test(w)) personParts.add(w);
  }
  for (const s of kept) if (personParts.has(s.text)) s.type = 'PERSON';

  const votes = new Map<string, Map<NameType, number>>();
  for (const s of kept) {
    let v = votes.get(s.text);
    if (!v) votes.set(s.text, (v = new Map()));
    v.set(s.type as NameType, (v.get(s.type as NameType) ?? 0) + 1);
  }
  for (const s of kept) {
    const v = votes.get(s.text)!;
    if (v.size < 2) continue;
    let best: NameType = s.type as NameType;
    for (const [type, n] of v) if (n > (v.get(best) ?? 0)) best = type;
    if (best !== s.type) outvoted?.add(s);
    s.type = best;
  }
  return kept;
}
