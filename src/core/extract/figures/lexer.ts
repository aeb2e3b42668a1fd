import { SCALE_ABBREVIATIONS, VULGAR_FRACTIONS } from './lexicon';

/**
 * Splits text into words, numerals and symbols for the figure grammar. Unlike the shared tokenizer it
 * reads a numeral as one token with its value ("1,234.5", "1 414 021", "12,34,567", "10k", "1.3e6", "3/4"),
 * and it marks digit strings that are not figures on their own (times, slashed and ISO dates,
 * alphanumeric codes like "G7", ordinals like "4th") so the grammar can skip them. Linear time.
 */

export type TokenKind = 'word' | 'num' | 'sym' | 'skip';

export interface FigureToken {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** word: lower-cased text. */
  lower: string;
  /** num: the value, including a glued scale ("10k" → 10000). */
  value: number;
  /** num: digits only, no separators, decimals or suffixes ("2026", not "2,026" or "10k"). */
  plain: boolean;
  /** num: a glued scale abbreviation ("bn" in "$1bn"); lower-case "m" and "mm" are kept apart as they may be lengths. */
  scaleSuffix?: string;
  /** num: a glued letter suffix that is not a scale ("USD" in "115USD", "ml" in "180ml"). */
  suffix?: string;
  /** num: written as a fraction ("3/4", "¾"). */
  fraction?: boolean;
  /** word: letters with digits glued after them ("G7", "USD115"). */
  alnum?: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;
const DOTTED = /\d+(?:\.\d+){2,}/y;
const INDIAN = /\d{1,2}(?:,\d\d)+,\d{3}(?!\d)/y;
const COMMA_GROUPS = /\d{1,3}(?:,\d{3}(?!\d))+/y;
const SPACE_GROUPS = /\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+/y;
const DIGITS = /\d+/y;
const DECIMAL = /\.\d+/y;
const DECIMAL_COMMA = /,\d{1,2}(?![\d,])/y;
const EXPONENT = /[eE][+-]?\d+(?![\p{L}\d])/uy;
const POWER = /\^[+-]*\d+(?:\.\d+)?/y;
const TIMES_TEN = /[x×]10\^([+-]?\d+)/y;
const GLUED_LETTERS = /[A-Za-z]+/y;
const SLASHED_DATE = /\/\d{1,4}\/\d{1,4}/y;
const ISO_DATE = /-\d{2}(?:-\d{2})?(?![\d])/y;
const CLOCK = /:\d{2}/y;
/** Currency signs that are letters to Unicode (元, ரூ): an amount may be glued to them. */
const GLUED_CURRENCY_LETTERS = /^(?:元|ரூ)/;
const SLASH_FRACTION = /\/(\d{1,3})(?![\d/])/y;
/** A zone written before an offset: the number after it is the offset ("GMT+1", "UTC−5"). */
const ZONE_OFFSET_BEFORE = /(?:GMT|UTC)\s?[+\-−]$/;
/** What makes a number a clock time: "pm", " a.m.", " GMT" right after it. */
const CLOCK_SUFFIX = /\s?(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b|GMT\b|UTC\b|BST\b|CET\b|[ECMP][SD]T\b)/y;
/** Scale words written glued to the amount ("£13.4billion"). */
const GLUED_SCALE_WORDS: ReadonlyMap<string, number> = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

export function lexFigures(text: string): FigureToken[] {
  const out: FigureToken[] = [];
  const words: WordForms = new Map();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !isWordChar(text, i - 1))) {
      i = readNumeral(text, i, out);
      continue;
    }
    const ch = text[i];
    if (isLetterAt(text, i)) {
      let j = i + 1;
      while (j < n && isLetterAt(text, j)) j++;
      let alnum = false;
      if (j < n && isDigit(text.charCodeAt(j)) && !/^(?:usd|eur|gbp|jpy|cny|inr|cad|aud|chf|rmb)$/i.test(text.slice(i, j))) {
        alnum = true;
        while (j < n && (isDigit(text.charCodeAt(j)) || isLetterAt(text, j))) j++;
      }
      out.push(alnum ? token('skip', text, i, j) : wordToken(text, i, j, words));
      i = j;
      continue;
    }
    const vulgar = c >= 0xbc ? VULGAR_FRACTIONS.get(ch) : undefined;
    if (vulgar !== undefined) {
      out.push(token('num', text, i, i + 1, { value: vulgar, fraction: true }));
      i++;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push(token('sym', text, i, i + width));
    i += width;
  }
  return out;
}

/** Reads one numeral at `start` and pushes its token(s); returns the position after it. */
function readNumeral(text: string, start: number, out: FigureToken[]): number {
  const dotted = at(DOTTED, text, start);
  if (dotted) {
    // "192.168.1.2", version numbers: each group is a number of its own
    let p = start;
    const end = start + dotted[0].length;
    while (p < end) {
      const d = at(DIGITS, text, p)!;
      out.push(token('num', text, p, p + d[0].length, { value: Number(d[0]), plain: true }));
      p += d[0].length;
      if (p < end) { out.push(token('sym', text, p, p + 1)); p++; }
    }
    return end;
  }
  const after = digitsEnd(text, start);
  const leadLength = after - start;
  if (text[start] !== '.') {
    const c = text.charCodeAt(after);
    // only a slash, hyphen or colon can continue a date or a time
    if (c === 47 || c === 45 || c === 58) {
      const date = c === 47 ? at(SLASHED_DATE, text, after) : null;
      const iso = c === 45 && leadLength === 4 ? at(ISO_DATE, text, after) : null;
      const clock = c === 58 && leadLength <= 2 ? at(CLOCK, text, after) : null;
      const m = date ?? iso ?? clock;
      if (m) {
        out.push(token('skip', text, start, after + m[0].length));
        return after + m[0].length;
      }
    }
  }
  let p = start;
  let digits = '';
  let plain = false;
  let grouped = false;
  // digit groups ("1,234", "12,34,567", "1 414 021") start with one to three digits and a separator
  const separator = text.charCodeAt(after);
  const grouping = leadLength >= 1 && leadLength <= 3 && (separator === 44 || separator === 32 || separator === 0xa0 || separator === 0x202f);
  const indian = grouping ? at(INDIAN, text, p) ?? at(COMMA_GROUPS, text, p) ?? at(SPACE_GROUPS, text, p) : null;
  if (text[p] === '.') {
    digits = '0';
  } else if (indian) {
    digits = indian[0].replace(/[^\d]/g, '');
    p += indian[0].length;
    grouped = true;
  } else {
    digits = text.slice(p, after);
    p = after;
    plain = true;
  }
  let literal = digits;
  const decimal = at(DECIMAL, text, p);
  if (decimal) {
    literal += decimal[0];
    p += decimal[0].length;
    plain = false;
  } else if (!grouped && !(text[start - 1] === ',' && isDigit(text.charCodeAt(start - 2)))) {
    const comma = at(DECIMAL_COMMA, text, p);
    if (comma) {
      literal += '.' + comma[0].slice(1);
      p += comma[0].length;
      plain = false;
    }
  }
  let value = Number(literal);
  let fraction = false;
  const exponent = at(EXPONENT, text, p);
  const power = exponent ? null : at(POWER, text, p);
  const timesTen = exponent || power ? null : at(TIMES_TEN, text, p);
  if (exponent) {
    value = Number(literal + exponent[0]);
    p += exponent[0].length;
    plain = false;
  } else if (power) {
    const body = power[0].slice(1);
    const negative = (body.match(/-/g)?.length ?? 0) % 2 === 1;
    const magnitude = Number(body.replace(/[+-]/g, ''));
    value = Math.pow(value, negative ? -magnitude : magnitude);
    p += power[0].length;
    plain = false;
  } else if (timesTen) {
    value = value * Math.pow(10, Number(timesTen[1]));
    p += timesTen[0].length;
    plain = false;
  } else if (plain && digits.length <= 3) {
    const slash = at(SLASH_FRACTION, text, p);
    if (slash && Number(slash[1]) > value && Number(slash[1]) > 0) {
      value = value / Number(slash[1]);
      p += slash[0].length;
      plain = false;
      fraction = true;
    } else if (slash && !isDigit(text.charCodeAt(p + slash[0].length)) && text[p + slash[0].length] !== '/') {
      // "24/7", "50/50": a pair written with a slash that is no fraction is no figure either
      out.push(token('skip', text, start, p + slash[0].length));
      return p + slash[0].length;
    }
  }
  // a time zone's offset ("GMT+1", "UTC-05:00") is not a figure
  if (ZONE_OFFSET_BEFORE.test(text.slice(Math.max(0, start - 5), start))) {
    out.push(token('skip', text, start, p));
    return p;
  }
  // a clock time ("12.30pm", "9 a.m.", "10.15 GMT") is not a figure: the whole of it is skipped
  const clock = at(CLOCK_SUFFIX, text, p);
  if (clock && (/^\d{1,2}$/.test(literal) ? Number(literal) >= 1 && Number(literal) <= 12 && !/GMT|UTC/i.test(clock[0]) : /^\d{1,2}\.[0-5]\d$/.test(literal) && Number(digits) <= 24)) {
    out.push(token('skip', text, start, p + clock[0].length));
    return p + clock[0].length;
  }
  let scaleSuffix: string | undefined;
  let suffix: string | undefined;
  const letters = at(GLUED_LETTERS, text, p);
  if (letters && !(p + letters[0].length < text.length && isLetterAt(text, p + letters[0].length)) && !isDigit(text.charCodeAt(p + letters[0].length))) {
    const word = letters[0];
    // "5G", "4G", "3D": a digit and a capital are a code, not five billion or three of "d"; a scale ("5M users",
    // "$5M"), a thousand ("4K") or a temperature ("5C") stays a figure
    if (/^[A-Z]$/.test(word) && !'MBKTCF'.includes(word) && literal.length === 1 && !/[$£€¥]/.test(text[start - 1] ?? '')) {
      out.push(token('skip', text, start, p + 1));
      return p + 1;
    }
    if (/^(?:st|nd|rd|th)$/i.test(word)) {
      out.push(token('skip', text, start, p + word.length));
      return p + word.length;
    }
    const gluedScale = GLUED_SCALE_WORDS.get(word.toLowerCase());
    if (SCALE_ABBREVIATIONS.has(word) || word === 'm' || gluedScale) scaleSuffix = word;
    else suffix = word;
    p += word.length;
    plain = false;
    // "13.4bn", "£13.4billion", "$5tn": the scale belongs to the amount
    // "m" and "mm" are millions after a currency and metres or millimetres otherwise: the figure decides
    if (scaleSuffix && !isLengthOrMillions(scaleSuffix)) value *= SCALE_ABBREVIATIONS.get(scaleSuffix) ?? gluedScale ?? 1;
  } else if (letters || (p < text.length && isLetterAt(text, p) && !GLUED_CURRENCY_LETTERS.test(text.slice(p, p + 2)))) {
    // a code such as "3G", "4x4" or "2nd-largest": not a figure
    let j = p;
    while (j < text.length && (isLetterAt(text, j) || isDigit(text.charCodeAt(j)))) j++;
    out.push(token('skip', text, start, j));
    return j;
  }
  const tok = token('num', text, start, p);
  tok.value = value;
  tok.plain = plain;
  if (scaleSuffix !== undefined) tok.scaleSuffix = scaleSuffix;
  if (suffix !== undefined) tok.suffix = suffix;
  if (fraction) tok.fraction = true;
  out.push(tok);
  return p;
}

/** The end of the run of ASCII digits at `start` (`start` itself when there is none). */
function digitsEnd(text: string, start: number): number {
  let p = start;
  while (p < text.length && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/** Each distinct word's text and lower-case form, shared by its tokens: a long text holds few distinct words. */
type WordForms = Map<string, { text: string; lower: string }>;
const MAX_SHARED_WORDS = 50_000;

function wordToken(text: string, start: number, end: number, words: WordForms): FigureToken {
  const t = text.slice(start, end);
  let forms = words.get(t);
  if (!forms) {
    forms = { text: t, lower: t.toLowerCase() };
    if (words.size < MAX_SHARED_WORDS) words.set(t, forms);
  }
  return { kind: 'word', start, end, text: forms.text, lower: forms.lower, value: NaN, plain: false };
}

function token(kind: TokenKind, text: string, start: number, end: number, extra?: Partial<FigureToken>): FigureToken {
  const t = end - start === 1 ? text[start] : text.slice(start, end);
  const tok: FigureToken = { kind, start, end, text: t, lower: kind === 'word' ? t.toLowerCase() : t, value: NaN, plain: false };
  return extra ? Object.assign(tok, extra) : tok;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && (isDigit(text.charCodeAt(i)) || isLetterAt(text, i));
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f;
}

/** A suffix that is millions after a currency ("$120mm", "£5m") and a length otherwise ("120mm of rain", "400m"). */
export function isLengthOrMillions(suffix: string | undefined): boolean {
  return suffix === 'm' || suffix === 'mm';
}
