/**
 * A small, fast tokenizer for English news text. Offsets are UTF-16 indices into the input.
 * Tokens keep abbreviations with internal periods ("U.S.", "Feb.") together, split possessives
 * ("Trump" + "'s"), split leading and trailing punctuation, and split hyphenated compounds into
 * their parts with the hyphen as its own token ("NATO", "-", "led"), so that a name inside a
 * compound can be tagged on its own.
 */

import { StringPool } from '../util/stringPool';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LETTER = /\p{L}/u;
const STARTS_LOWER = /^[\p{Ll}]/u;

export interface Token {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  /** Index of the first token. */
  first: number;
  /** Index one past the last token. */
  last: number;
}

const WORDISH = /[\p{L}\p{N}]/u;
const ABBREV_WITH_DOTS = /^(?:\p{L}\.){2,}$/u; // U.S. U.K. e.g.
const SHORT_ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'capt', 'sgt', 'maj', 'adm', 'st', 'jr', 'sr',
  'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mt', 'ft', 'u.s', 'u.k', 'rev', 'hon', 'pres', 'dept', 'est', 'approx',
]);
const APOSTROPHES = "'\u2019";

/** Splits text into tokens. Linear time; never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // each distinct word's text, shared by its tokens: a long text holds few distinct words, and one string per
  // token kept for the whole document is most of what a megabyte of repeated words keeps alive
  const words = new StringPool();
  const n = text.length;
  let i = 0;
  while (i < n) {
    // skip whitespace
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    splitChunk(text, i, j, tokens, words);
    i = j;
  }
  return tokens;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f;
}

function splitChunk(text: string, start: number, end: number, out: Token[], words: StringPool): void {
  // leading punctuation, one token each
  let s = start;
  while (s < end && !isWordish(text, s) && !isCurrencyOrSign(text[s], text[s + 1])) {
    out.push({ start: s, end: s + 1, text: text[s] });
    s++;
  }
  if (s >= end) return;
  // trailing punctuation, one token each after the core: where it starts is found backwards first
  // (the abbreviation test runs only for a period right after a letter, which happens once per chunk, so a
  // run of marks costs linear time)
  let e = end;
  while (e > s && !isWordish(text, e - 1) && text[e - 1] !== '%') {
    if (text[e - 1] === '.' && e - 2 >= s && LETTER.test(text[e - 2]) && isAbbreviation(text, s, e)) break;
    e--;
  }
  if (e > s) splitCore(text, s, e, out, words);
  for (let k = e; k < end; k++) out.push({ start: k, end: k + 1, text: text[k] });
}

/** Whether the code unit at k is a letter or a digit (WORDISH), ASCII answered without the expression. */
function isWordish(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORDISH.test(text[k]);
}

/** Longest abbreviation tested: "U.S." style runs longer than this are not abbreviations. */
const MAX_ABBREVIATION = 16;

/** Whether text[s, e) (ending in a period) is an abbreviation such as "U.S." or "Feb.". */
function isAbbreviation(text: string, s: number, e: number): boolean {
  if (e - s > MAX_ABBREVIATION) return false;
  const core = text.slice(s, e);
  return ABBREV_WITH_DOTS.test(core) || SHORT_ABBREV.has(core.slice(0, -1).toLowerCase());
}

function isCurrencyOrSign(ch: string, next: string | undefined): boolean {
  return (ch === '$' || ch === '€' || ch === '£' || ch === '¥') && next !== undefined && /\d/.test(next);
}

/** Splits a chunk without outer punctuation at possessives, hyphens, slashes and inner punctuation. */
function splitCore(text: string, s: number, e: number, out: Token[], words: StringPool): void {
  // possessive at the end
  let possessiveStart = -1;
  if (e - s > 2 && APOSTROPHES.includes(text[e - 2]) && (text[e - 1] === 's' || text[e - 1] === 'S')) possessiveStart = e - 2;
  else if (e - s > 1 && APOSTROPHES.includes(text[e - 1]) && (text[e - 2] === 's' || text[e - 2] === 'S')) possessiveStart = e - 1;
  const coreEnd = possessiveStart >= 0 ? possessiveStart : e;
  // an ISO date keeps its hyphens; tested once per chunk (a chunk longer than a date is none)
  const isoDate = coreEnd - s <= 10 && looksLikeIsoDate(text, s, coreEnd);
  let p = s;
  for (let k = s; k < coreEnd; k++) {
    const ch = text[k];
    const isBreak = (ch === '-' || ch === '\u2013' || ch === '\u2014' || ch === '/') && k > s && k < coreEnd - 1 &&
      !(ch === '-' && isoDate && /\d/.test(text[k - 1]) && /\d/.test(text[k + 1]));
    if (isBreak) {
      if (k > p) out.push({ start: p, end: k, text: words.intern(text.slice(p, k)) });
      out.push({ start: k, end: k + 1, text: ch });
      p = k + 1;
    }
  }
  if (coreEnd > p) out.push({ start: p, end: coreEnd, text: words.intern(text.slice(p, coreEnd)) });
  if (possessiveStart >= 0) out.push({ start: possessiveStart, end: e, text: words.intern(text.slice(possessiveStart, e)) });
}

/** Whether text[s, e) is an ISO date or month, 2025-11-25 or 2025-11 (read in place: tested once per short chunk). */
function looksLikeIsoDate(text: string, s: number, e: number): boolean {
  const len = e - s;
  if (len !== 7 && len !== 10) return false;
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(s + k);
    if (k === 4 || k === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

const SENTENCE_END = new Set(['.', '!', '?']);
/** Tokens that keep a sentence going after its terminator ("etc.," "U.S.)"). */
const CONTINUES_SENTENCE = /^[,;:)\]]/;
/** A closing quote or bracket right after a terminator, which stays in its sentence. */
const CLOSES_AFTER_END = /^["'\u201d\u2019)]$/;
/** A closing quote or bracket that may end a sentence its terminator ended before it. */
const CLOSING_MARK = /^["\u201d\u2019)]$/;
const SENTENCE_OPENER = /^(The|A|An|In|On|But|And|He|She|It|They|We|This|That|Those|These)$/;

/**
 * Groups tokens into sentences: a break after . ! ? (unless the next token is lower-case), and at every
 * line break, because articles put headlines, datelines and list items on lines of their own.
 */
export function sentences(text: string, tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    let brk = false;
    if (!next) brk = true;
    else if (hasNewline(text, t.end, next.start)) brk = true;
    else if (SENTENCE_END.has(t.text) || (t.text.endsWith('.') && t.text.length > 1 && i + 1 < tokens.length && isAbbrevEndingSentence(t, next))) {
      brk = !STARTS_LOWER.test(next.text) && !CONTINUES_SENTENCE.test(next.text);
      // closing quote right after the terminator stays in this sentence
      if (brk && CLOSES_AFTER_END.test(next.text)) brk = false;
    } else if (CLOSING_MARK.test(t.text) && i > 0 && SENTENCE_END.has(tokens[i - 1].text)) {
      brk = !STARTS_LOWER.test(next.text);
    }
    if (brk) {
      out.push({ first, last: i + 1 });
      first = i + 1;
    }
  }
  return out;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

function isAbbrevEndingSentence(t: Token, next: Token): boolean {
  // "the U.S. NATO leaders" — an abbreviation followed by a capitalised word may end a sentence;
  // treat it as a break only when the next token starts a typical sentence opener.
  return SENTENCE_OPENER.test(next.text) && ABBREV_WITH_DOTS.test(t.text);
}
