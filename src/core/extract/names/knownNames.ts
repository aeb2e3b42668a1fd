import type { NameType, Span } from '../types';
import { KNOWN_NAME_GROUPS, type CueKind } from './knownNamesData';

/**
 * Well-known names: the organisations and named things recent news mentions most (UN bodies, legislatures,
 * central banks, parties, large companies, outlets, pollsters, exchanges, clubs, competitions, awards,
 * benchmarks, treaties), which a tagger trained on 1996 newswire misses or mistypes. Each is typed as the
 * annotation guidelines type it and given its canonical name, so an abbreviation and its full name
 * ("WFP", "World Food Programme") are one entity.
 *
 * How it applies, after the document's own rules:
 * - an exact, case-sensitive match on word boundaries, leftmost and longest first ("Amazon Web Services"
 *   before "Amazon"), found in one pass over the capitalised words of the text;
 * - a name the detector found at exactly that place is re-typed and given the canonical name; names the
 *   detector found inside the match are replaced by it ("Norwegian" + "Refugee Council"); where nothing was
 *   found, the name is added;
 * - a longer name the detector found around the match is kept ("Berlinale Palast"), and so is one that
 *   straddles its edge;
 * - a form that is also a common word, a place or a person's name ("Amazon", "Apple", "Fulham", "Brent") is
 *   marked ambiguous in the data and applied only with a cue of its kind near it (a company word, a football
 *   word, an oil word, …) or, where the detector found it as a name, when another mention in the same article
 *   had such a cue; never after "in" or "near" ("in Fulham"), nor after "the" for a company, a club, a
 *   benchmark or a party ("the Amazon"; "the Security Council", "the Fed" keep it);
 * - an abbreviation the article itself spells out as something else ("AFP" after "Australian Federal Police
 *   (AFP)") is left to the article;
 * - the analyst's registry and ignore list always win: their forms are skipped here.
 */

interface KnownForm {
  form: string;
  type: NameType;
  canonical: string;
  /** The cue an ambiguous form needs; undefined for a form that is a name wherever it is written. */
  cue: CueKind | undefined;
  /** The kind of the group it belongs to: an unambiguous neighbour of the same kind is a cue. */
  kind: CueKind;
  /** All forms of its entry, for telling whether an article spells an abbreviation out as this entry. */
  forms: readonly string[];
  /** Whether the form ends in a letter or digit (then the text must not go on with one). */
  endsInWord: boolean;
}

interface KnownIndex {
  /** Forms by their first word, longest form first. */
  byFirstWord: Map<string, KnownForm[]>;
  /** Entries and forms per group, for the report of the lexicon's size. */
  counts: { group: string; entries: number; forms: number }[];
}

const FIRST_WORD = /^[\p{L}\p{N}]+/u;
/** `~` before a form marks it ambiguous, `~[kind]` with a cue of another kind than its group's. */
const AMBIGUOUS_MARK = /^~(?:\[(\w+)\])?/;
const UPPER_FIRST = /^\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ACRONYM = /^[\p{Lu}\p{N}&+.-]{2,6}$/u;
/** "in Fulham", "near Brent": an ambiguous form read as the place. */
const COUNTER_CUE = /(?:^|[^\p{L}])(?:in|In|near|Near)\s$/u;
/** "the Amazon", "the Renaissance": a company's, a club's or a party's name does not take the article */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|The)\s$/u;
const ARTICLE_COUNTERS = new Set<CueKind>(['company', 'club', 'oil', 'party']);
const INDEX_AFTER = /^[ \t](?:Composite|Index|Indices)\b/;
const POSSESSIVE_BEFORE = /['’]s\s$/;

/** Words near an ambiguous form that say which sense it has, per kind (whole words, case as written). */
const CUES: Record<CueKind, RegExp> = {
  company: /\b(?:shares?|stocks?|compan(?:y|ies)|firms?|group|giant|retailer|makers?|brands?|chief executive|CEO|chairman|founder|Inc|Corp|Ltd|plc|investors?|earnings|revenues?|profits?|sales|market value|valuation|tech|acquisition|acquired?|subsidiary|customers|listed|quarterly|stake|suppliers?|smartphones?|cloud|chips?|e-commerce|app|platform|streaming|telecoms?|operator|airline|lender|carmaker|automaker|conglomerate)\b/,
  club: /\b(?:beat|beaten|beating|goal|scored|scorer|striker|winger|midfielder|defender|goalkeeper|keeper|manager|head coach|season|Premier League|Championship|League|Cup|fixture|kick-off|relegation|relegated|penalty|squad|club|stadium|fans|derby)\b|(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])/,
  oil: /\b(?:crude|oil|barrels?|futures|benchmark|WTI|Opec\+?|OPEC\+?)\b/,
  award: /\b(?:films?|festival|prizes?|awards?|jury|winners?|won|wins|director|actor|actress|ceremony|cinema|premiere|nominated|nomination|music|album|song|stage)\b/,
  un: /\b(?:UN|U\.N\.|United Nations|resolutions?|Resolution|veto|member states|ambassador)\b/,
  press: /\b(?:newspaper|paper|magazine|reported|reports|told|according to|interview|columnist|editor|journalists?|wrote|published|reporting|analysis|poll)\b/,
  party: /\b(?:party|parties|election|elections|voted?|voters|polls?|coalition|opposition|government|parliament|MPs?|MEPs?|seats|leader|campaign|manifesto|far-right|far-left|centre-right|centre-left|populist)\b/,
  sport: /\b(?:tennis|golf|cricket|rugby|final|semi-final|quarter-final|title|champion|championship|tournament|seed|Grand Slam|match|won|beat|race|Test|round)\b/,
  finance: /\b(?:rates?|interest|inflation|monetary|policy|chair|chairman|governor|economy|markets?|bonds?|yields?|Treasury|hike|hikes|cuts?|easing|tightening|dollar|central bank)\b/,
  weapon: /\b(?:missiles?|air defen[cs]e|systems?|batter(?:y|ies)|launchers?|tanks?|jets?|fighters?|cruise|interceptors?|drones?|deliver(?:y|ies|ed)|supplied|arms|weapons?|AI|chatbot|model|assistant)\b/,
  // an abbreviation that is also a word ("WHO") is the organisation in mixed-case prose, not in a line of capitals
  acronym: /\p{Ll}{3}/u,
  // a kind whose ambiguous forms are never forced (used for groups without ambiguous forms)
  none: /(?!)/,
};

let index: KnownIndex | undefined;
let enabled = true;

/** Turns the lexicon off and on, for measuring what it changes (`scripts/eval/knownNames.ts`); on by default. */
export function setKnownNamesEnabled(on: boolean): void {
  enabled = on;
}

function buildIndex(): KnownIndex {
  const byFirstWord = new Map<string, KnownForm[]>();
  const seen = new Set<string>();
  const counts: KnownIndex['counts'] = [];
  for (const group of KNOWN_NAME_GROUPS) {
    let entries = 0;
    let forms = 0;
    for (const raw of group.entries.split('\n')) {
      let line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      let type = group.type;
      const typed = /^(PERSON|ORG|PLACE|MISC):/.exec(line);
      if (typed) {
        type = typed[1] as NameType;
        line = line.slice(typed[0].length);
      }
      const parts = line.split('|').map((p) => p.trim()).filter(Boolean);
      if (parts.length === 0) continue;
      const all = parts.map((p) => p.replace(AMBIGUOUS_MARK, ''));
      const canonical = all[0];
      entries++;
      for (const [n, p] of parts.entries()) {
        const mark = AMBIGUOUS_MARK.exec(p);
        const form = all[n];
        const cue = mark ? ((mark[1] as CueKind | undefined) ?? group.cue) : undefined;
        if (seen.has(form) || !/^\p{Lu}/u.test(form)) continue; // the first entry naming a form keeps it
        seen.add(form);
        forms++;
        const first = FIRST_WORD.exec(form)?.[0] ?? form;
        let list = byFirstWord.get(first);
        if (!list) byFirstWord.set(first, (list = []));
        list.push({ form, type, canonical, cue, kind: group.cue, forms: all, endsInWord: WORD_CHAR.test(form[form.length - 1]) });
      }
    }
    counts.push({ group: group.name, entries, forms });
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);
  return { byFirstWord, counts };
}

function knownIndex(): KnownIndex {
  return (index ??= buildIndex());
}

/** Entries and forms of the lexicon per group (for the report of its size). */
export function knownNameCounts(): { group: string; entries: number; forms: number }[] {
  return knownIndex().counts.map((c) => ({ ...c }));
}

/**
 * The type of a form the lexicon names wherever it is written (no cue needed: "Toyota", "Bundestag"), else
 * undefined: later rules that retype names by their context leave such a name as the lexicon types it.
 */
export function unambiguousKnownType(form: string): NameType | undefined {
  if (!enabled) return undefined;
  const first = FIRST_WORD.exec(form)?.[0] ?? form;
  const known = knownIndex().byFirstWord.get(first)?.find((k) => k.form === form);
  return known && known.cue === undefined ? known.type : undefined;
}

export interface KnownMatch {
  start: number;
  end: number;
  known: KnownForm;
}

/**
 * Every known form in the text, leftmost first and longest at each start, not overlapping: one scan over
 * the capitalised words, each looked up by itself, so the cost is the text's length times the few forms
 * that share a first word.
 */
export function knownNameMatches(text: string): KnownMatch[] {
  const { byFirstWord } = knownIndex();
  const out: KnownMatch[] = [];
  const n = text.length;
  let k = 0;
  while (k < n) {
    // the next word: a run of letters and digits, tried as a first word only when it starts with a capital
    const c = text.charCodeAt(k);
    if (!isWordCode(text, k, c)) { k++; continue; }
    const start = k;
    k++;
    while (k < n && isWordCode(text, k, text.charCodeAt(k))) k++;
    if (!(c >= 65 && c <= 90) && !(c > 127 && UPPER_FIRST.test(text[start]))) continue;
    if (start > 0 && text.charCodeAt(start - 1) === 95) continue; // "_Word": inside an identifier
    const candidates = byFirstWord.get(text.slice(start, k));
    if (!candidates) continue;
    for (const cand of candidates) {
      if (!text.startsWith(cand.form, start)) continue;
      const end = start + cand.form.length;
      if (cand.endsInWord && end < n && isWordCode(text, end, text.charCodeAt(end))) continue;
      out.push({ start, end, known: cand });
      k = end;
      break;
    }
  }
  return out;
}

/** Whether the character at `at` (code `c`) is a letter or a digit. */
function isWordCode(text: string, at: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[at]);
}

/** The text around a match on its own line, at most `reach` characters either way. */
function around(text: string, start: number, end: number, reach: number): string {
  const from = Math.max(0, start - reach);
  const to = Math.min(text.length, end + reach);
  let before = text.slice(from, start);
  let after = text.slice(end, to);
  const lineStart = before.lastIndexOf('\n');
  if (lineStart >= 0) before = before.slice(lineStart + 1);
  const lineEnd = after.indexOf('\n');
  if (lineEnd >= 0) after = after.slice(0, lineEnd);
  return `${before} ${after}`;
}

const CUE_REACH = 150;

/**
 * Types, adds and names the known names in `spans` (the document's name spans, changed in place and left in
 * text order). `skip` says which surfaces belong to the analyst's registry or ignore list.
 */
export function applyKnownNames(text: string, spans: Span[], skip: (surface: string) => boolean): void {
  if (!enabled) return;
  const all = knownNameMatches(text);
  if (all.length === 0) return;
  const defined = new Map<string, string | undefined>();
  const matches = all.filter((m) => !skip(m.known.form) && !spelledOutOtherwise(text, m, defined));
  if (matches.length === 0) return;
  spans.sort((a, b) => a.start - b.start);

  // which ambiguous matches have a cue of their kind near them, and which entries had one somewhere
  const cued = matches.map((m, i) => m.known.cue === undefined || hasCue(text, matches, i));
  const documentCues = new Map<CueKind, boolean>();
  const cuedInDocument = (kind: CueKind): boolean => {
    let verdict = documentCues.get(kind);
    if (verdict === undefined) documentCues.set(kind, (verdict = CUES[kind].test(text)));
    return verdict;
  };
  const cuedEntries = new Set(matches.filter((m, i) => m.known.cue !== undefined && cued[i]).map((m) => m.known.canonical));

  breakStraddlingSpans(text, spans, matches.filter((m) => m.known.cue === undefined));

  const removed = new Set<Span>();
  const added: Span[] = [];
  let k = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    while (k < spans.length && spans[k].end <= m.start) k++;
    const overlapping: Span[] = [];
    for (let j = k; j < spans.length && spans[j].start < m.end; j++) if (spans[j].end > m.start) overlapping.push(spans[j]);
    // a longer name around it, or one across its edge, is the detector's to keep
    if (overlapping.some((s) => s.start < m.start || s.end > m.end)) continue;
    const exact = overlapping.find((s) => s.start === m.start && s.end === m.end);
    // "Nasdaq Composite Index": an exchange's name that starts an index's is left to the index rules and the detector
    if (INDEX_AFTER.test(text.slice(m.end, m.end + 12))) continue;
    if (m.known.cue !== undefined) {
      const before = text.slice(Math.max(0, m.start - 6), m.start);
      if (COUNTER_CUE.test(before) || (ARTICLE_COUNTERS.has(m.known.cue) && ARTICLE_BEFORE.test(before))) continue;
      // "Russia's Security Council" is not the UN's
      if (m.known.cue === 'un' && POSSESSIVE_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start))) continue;
      // a name the detector already typed so takes only the canonical name: a cue anywhere in the article will do
      const named = exact !== undefined && exact.type === m.known.type && cuedInDocument(m.known.cue);
      if (!cued[i] && !named && !(exact && cuedEntries.has(m.known.canonical))) continue;
    }
    if (exact) {
      exact.type = m.known.type;
      exact.canonical = m.known.canonical;
      continue;
    }
    for (const s of overlapping) removed.add(s);
    added.push({ start: m.start, end: m.end, type: m.known.type, text: text.slice(m.start, m.end), value: null, canonical: m.known.canonical });
  }
  if (removed.size === 0 && added.length === 0) return;
  const kept = spans.filter((s) => !removed.has(s));
  spans.length = 0;
  spans.push(...kept, ...added);
  spans.sort((a, b) => a.start - b.start);
}

/** Joining words and marks at the edges of what is left of a name cut by a known one ("Fidesz and"). */
const LEFT_EDGE = /^(?:[\s\p{P}]|(?:and|or|of|the|for|de|del)(?=\s))+/u;
const RIGHT_EDGE = /(?:[\s\p{P}]|(?<=\s)(?:and|or|of|the|for|de|del))+$/u;

/**
 * A name the detector ran across the edge of a known name ("Fidesz and Brothers" before "of Italy") is cut
 * there: the known names take their part, and each capitalised piece left outside them keeps the detector's
 * type. Both lists are in text order; names are at most a few hundred characters, so the sweep is linear.
 */
function breakStraddlingSpans(text: string, spans: Span[], sure: readonly KnownMatch[]): void {
  if (sure.length === 0) return;
  const out: Span[] = [];
  let changed = false;
  let k = 0;
  for (const s of spans) {
    while (k < sure.length && sure[k].end <= s.start) k++;
    const inside: KnownMatch[] = [];
    for (let j = k; j < sure.length && sure[j].start < s.end; j++) inside.push(sure[j]);
    if (!inside.some((m) => (m.start < s.start && m.end > s.start) || (m.start < s.end && m.end > s.end))) {
      out.push(s);
      continue;
    }
    changed = true;
    let from = s.start;
    for (const m of [...inside, { start: s.end, end: s.end }]) {
      if (m.start > from) {
        const piece = text.slice(from, Math.min(m.start, s.end));
        const lead = LEFT_EDGE.exec(piece)?.[0].length ?? 0;
        const trimmed = piece.slice(lead).replace(RIGHT_EDGE, '');
        if (/^\p{Lu}/u.test(trimmed) && /\p{L}.*\p{L}/u.test(trimmed)) {
          const start = from + lead;
          out.push({ start, end: start + trimmed.length, type: s.type, text: trimmed, value: null });
        }
      }
      from = Math.max(from, m.end);
    }
  }
  if (!changed) return;
  spans.length = 0;
  spans.push(...out);
}

/** Whether a cue of the match's kind is near it: a cue word, or a known name of the same kind that needs none. */
function hasCue(text: string, matches: readonly KnownMatch[], i: number): boolean {
  const m = matches[i];
  const kind = m.known.cue!;
  if (CUES[kind].test(around(text, m.start, m.end, CUE_REACH))) return true;
  for (let j = Math.max(0, i - 4); j <= Math.min(matches.length - 1, i + 4); j++) {
    const n = matches[j];
    if (j === i || n.known.cue !== undefined || n.known.kind !== kind) continue;
    if (Math.abs(n.start - m.start) > CUE_REACH) continue;
    const between = text.slice(Math.min(m.end, n.end), Math.max(m.start, n.start));
    if (!between.includes('\n')) return true;
  }
  return false;
}

/**
 * An abbreviation the article defines after a long form that is none of this entry's forms
 * ("Australian Federal Police (AFP)"). `defined` keeps, per abbreviation, the text before its first definition.
 */
function spelledOutOtherwise(text: string, m: KnownMatch, defined: Map<string, string | undefined>): boolean {
  const form = m.known.form;
  if (!ACRONYM.test(form)) return false;
  let before = defined.get(form);
  if (!defined.has(form)) {
    const at = text.indexOf(`(${form})`);
    before = at < 0 ? undefined : text.slice(Math.max(0, at - 120), at).trimEnd();
    defined.set(form, before);
  }
  if (before === undefined) return false;
  return !m.known.forms.some((f) => f !== form && before.endsWith(f));
}
