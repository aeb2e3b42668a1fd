import type { NameType, Span } from '../types';
import { onShareLine } from '../../text/articleMeta';
import { canonicalPlace } from './placeAliases';
import { firstIndex } from '../../util/firstIndex';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}{2,}$/u;
const STARTS_UPPER = /^\p{Lu}/u;

/**
 * In-document coreference and consistency for names:
 * - a surname (or first name) alone refers to the full name of a person mentioned in the document;
 * - an acronym refers to the multi-word name whose initials it spells, or that it follows in parentheses;
 * - a name recognized once is recognized at every other occurrence of the same string.
 */

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&', 'de', 'la', 'des', 'du']);

export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !CONNECTORS.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** An abbreviation in brackets with a small word's letter inside: "(AfD)", "(TfL)", "(FdI)". */
const MIXED_ABBREVIATION = /^[A-Z](?:[a-z]?[A-Z]){1,4}$/;

export function isAcronym(s: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(s.replace(/\./g, ''));
}

/**
 * Assigns canonical names in place (spans are name spans in text order) and returns acronyms defined
 * in parentheses right after a full name, which no detector proposed ("North Atlantic Council (NAC)").
 */
export function linkMentions(text: string, spans: Span[]): Span[] {
  const defined: Span[] = [];
  const persons = spans.filter((s) => s.type === 'PERSON' && /\s/.test(s.text));
  // Full names by surname, in text order; a surname alone is the nearest full name before it that ends so
  // ("Marina Silva … Silva said" after "Lula da Silva"), else the first after it.
  const bySurname = new Map<string, Span[]>();
  // Failing that, a word inside a long name that no full name ends with: "Lula" of "Luiz Inácio Lula da Silva".
  const byInnerWord = new Map<string, Span[]>();
  for (const p of persons) {
    const parts = p.text.split(/\s+/);
    const last = parts[parts.length - 1];
    const list = bySurname.get(last);
    if (list) list.push(p);
    else bySurname.set(last, [p]);
    for (const word of parts.slice(1, -1)) {
      if (!CAPITALISED_WORD.test(word)) continue;
      const inner = byInnerWord.get(word);
      if (inner) inner.push(p);
      else byInnerWord.set(word, [p]);
    }
  }
  // a first name alone ("Priya and her team", "Sir Howard, thank you") is the one full name of the document that
  // starts with it, when no full name ends with it
  const firstNameOwner = new Map<string, string | null>();
  for (const p of persons) {
    const first = p.text.split(/\s+/)[0];
    if (!CAPITALISED_WORD.test(first)) continue;
    const known = firstNameOwner.get(first);
    firstNameOwner.set(first, known === undefined || known === p.text ? p.text : null);
  }
  // only a word inside one full name (however often that name is repeated) names it
  const innerWordOwner = new Map<string, string | null>();
  for (const [word, owners] of byInnerWord) innerWordOwner.set(word, owners.every((p) => p.text === owners[0].text) ? owners[0].text : null);
  const fullNameFor = (mention: Span): string | undefined => {
    const surnamed = bySurname.get(mention.text);
    if (!surnamed) return innerWordOwner.get(mention.text) ?? undefined;
    // the last full name starting before the mention (lists are in text order), else the first
    const lo = firstIndex(surnamed.length, (i) => surnamed[i].start >= mention.start);
    return surnamed[Math.max(0, lo - 1)].text;
  };
  const longNames = spans.filter((s) => s.type !== 'PERSON' && /\s/.test(s.text));
  const acronymOf = new Map<string, { canonical: string; type: NameType }>();
  const starts = new Set(spans.map((o) => o.start));
  for (const s of longNames) {
    // "North Atlantic Council (NAC)"
    const after = text.slice(s.end, s.end + 14);
    const paren = /^(\s*\()([A-Z][A-Za-z0-9.&]{1,9})\)/.exec(after);
    if (paren && (isAcronym(paren[2]) || MIXED_ABBREVIATION.test(paren[2]))) {
      acronymOf.set(paren[2], { canonical: s.text, type: s.type as NameType });
      const start = s.end + paren[1].length;
      if (!starts.has(start)) {
        defined.push({ start, end: start + paren[2].length, type: s.type, text: paren[2], value: null, canonical: s.text });
      }
    }
  }
  for (const s of longNames) {
    const ini = initials(s.text);
    if (ini.length >= 2 && !acronymOf.has(ini)) acronymOf.set(ini, { canonical: s.text, type: s.type as NameType });
  }
  for (const s of spans) {
    if (s.canonical) continue;
    if (s.type === 'PLACE') {
      s.canonical = canonicalPlace(s.text) ?? normalizeSpace(s.text);
      continue;
    }
    if (!/\s/.test(s.text)) {
      const full = fullNameFor(s);
      if (full && (s.type === 'PERSON' || !isAcronym(s.text))) {
        s.type = 'PERSON';
        s.canonical = full;
        continue;
      }
      const byFirstName = s.type === 'PERSON' ? firstNameOwner.get(s.text) : undefined;
      if (byFirstName) {
        s.canonical = byFirstName;
        continue;
      }
      const acr = acronymOf.get(s.text.replace(/\./g, ''));
      if (acr && isAcronym(s.text) && acr.canonical !== s.text) {
        s.canonical = acr.canonical;
        s.type = acr.type;
        continue;
      }
    }
    s.canonical = normalizeSpace(s.text);
  }
  capitalsToWrittenCase(spans);
  return defined;
}

/**
 * A name written in capitals ("ROTTERDAM" in a dateline, "SIR HOWARD PEMBERTON:" in a transcript) is
 * canonically written as the article writes it elsewhere in ordinary case ("Rotterdam", "Howard Pemberton").
 */
function capitalsToWrittenCase(spans: Span[]): void {
  const written = new Map<string, string>();
  for (const s of spans) {
    const c = s.canonical ?? s.text;
    if (c !== c.toUpperCase() && !written.has(c.toUpperCase())) written.set(c.toUpperCase(), c);
  }
  if (written.size === 0) return;
  for (const s of spans) {
    const c = s.canonical;
    // an organization's acronym ("NATO" beside "Nato") is left as written
    if (!c || c.length < 3 || c !== c.toUpperCase() || c === c.toLowerCase() || (s.type === 'ORG' && isAcronym(c))) continue;
    const w = written.get(c);
    if (w) s.canonical = w;
  }
}

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Finds every further occurrence of each recognized name (and of each person's surname) that no span covers,
 * at word boundaries and with the same capitalization. `occupied(start, end)` says whether a range is taken.
 */
export function propagateMentions(text: string, spans: Span[], occupied: (start: number, end: number) => boolean): Span[] {
  const forms = new Map<string, { type: NameType; canonical: string }>();
  /** surnames in capitals, found only as speaker labels: first on their line, a colon after them */
  const labels = new Set<string>();
  for (const s of spans) {
    if (s.text.length < 2 || !STARTS_UPPER.test(s.text)) continue;
    if (!forms.has(s.text)) forms.set(s.text, { type: s.type as NameType, canonical: s.canonical ?? s.text });
    if (s.type === 'PERSON' && /\s/.test(s.text)) {
      const parts = s.text.split(/\s+/);
      const last = parts[parts.length - 1];
      if (last.length >= 3 && STARTS_UPPER.test(last) && !forms.has(last)) forms.set(last, { type: 'PERSON', canonical: s.canonical ?? s.text });
      // a transcript's speaker label gives the surname in capitals ("DONNELLY: Is a cut a done deal?")
      const label = last.toUpperCase();
      if (last.length >= 3 && label !== last && !forms.has(label)) {
        forms.set(label, { type: 'PERSON', canonical: s.canonical ?? s.text });
        labels.add(label);
      }
    }
  }
  if (forms.size === 0) return [];
  // A character trie of the forms, walked from each word start: one regular expression of thousands of
  // alternatives is more than V8 compiles ("Regular expression too large"), and a walk bounded by the
  // longest form keeps the scan linear in the text whatever the names are.
  const trie = new FormTrie();
  for (const form of forms.keys()) if (form.length <= MAX_PROPAGATED_FORM) trie.add(form);
  const added: Span[] = [];
  const n = text.length;
  // the characters forms start with, looked up per character of the text: ASCII ones in a table
  const startsAscii = new Uint8Array(128);
  let startsOther = false;
  for (const c of trie.firstChars) {
    if (c < 128) startsAscii[c] = 1;
    else startsOther = true;
  }
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const starts = c < 128 ? startsAscii[c] === 1 : startsOther && trie.child(FormTrie.ROOT, c) >= 0;
    if (!starts || (i > 0 && isWordChar(text, i - 1))) { i++; continue; }
    // longest form starting here that ends at a word boundary, as the alternation longest-first did
    let node = FormTrie.ROOT;
    let end = -1;
    for (let k = i; k < n && node >= 0; k++) {
      node = trie.child(node, text.charCodeAt(k));
      if (node >= 0 && trie.endsForm(node) && (k + 1 >= n || !isWordChar(text, k + 1))) end = k + 1;
    }
    if (end < 0) { i++; continue; }
    const form = text.slice(i, end);
    const f = forms.get(form);
    if (labels.has(form) && !isSpeakerLabel(text, i, end)) { i = end; continue; }
    if (f && !occupied(i, end) && !onShareLine(text, i, end)) added.push({ start: i, end, type: f.type, text: form, value: null, canonical: f.canonical });
    i = end;
  }
  return added;
}

/** A word first on its line (after spaces) with a colon right after it. */
function isSpeakerLabel(text: string, start: number, end: number): boolean {
  if (text[end] !== ':') return false;
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** Longer forms are not propagated (no name is this long; it bounds the walk from each position). */
const MAX_PROPAGATED_FORM = 80;

/**
 * The forms' characters as a trie of numbered nodes, every edge in one map keyed by node and character: a
 * map per node cost an allocation per character of every name, for each document.
 */
class FormTrie {
  static readonly ROOT = 0;
  private readonly edges = new Map<number, number>();
  /** Per node, whether a form ends there. */
  private readonly ends: boolean[] = [false];
  /** The characters some form starts with. */
  readonly firstChars = new Set<number>();

  add(form: string): void {
    if (form.length > 0) this.firstChars.add(form.charCodeAt(0));
    let node = FormTrie.ROOT;
    for (let k = 0; k < form.length; k++) {
      const key = node * 0x10000 + form.charCodeAt(k);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.ends.length;
        this.ends.push(false);
        this.edges.set(key, next);
      }
      node = next;
    }
    this.ends[node] = true;
  }

  /** The node after `node` on character code `c`, or -1. */
  child(node: number, c: number): number {
    return this.edges.get(node * 0x10000 + c) ?? -1;
  }

  endsForm(node: number): boolean {
    return this.ends[node];
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the character at k is a letter or digit (a surrogate pair tested as its code point). */
function isWordChar(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xdc00 && c <= 0xdfff && k > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k - 1) ?? c));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(k) ?? c));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
