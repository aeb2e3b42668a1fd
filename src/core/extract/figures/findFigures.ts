import type { Span } from '../types';
import {
  CURRENCY_NAMES, CURRENCY_SYMBOLS, DOLLAR_PREFIXES, homeDollar, isMinorUnitWord, isoOf, MAX_CURRENCY_NAME_WORDS, SPACED_DOLLAR_PREFIXES,
} from './currency';
import { denominatorOf, isNumberWord, SCALES } from './lexicon';
import { type FigureToken, isLengthOrMillions, lexFigures } from './lexer';
import { countedNoun, looksLikeModifier, singular } from './nouns';
import { type NumberMatch, NumberReader } from './numberParser';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** A plural noun right after a number ("1.2m people", "3.4m homes"). */
const PLURAL_WORD = /^(?:people|men|women|children|\p{Ll}+[^s\W]s)$/u;

/** Words a number is hyphen-joined to in set phrases, never a unit ("one-in-a-million", "one-on-one", "two-to-one"). */
const JOINED_FUNCTION_WORDS = new Set(['in', 'out', 'on', 'off', 'up', 'to', 'a', 'an', 'the', 'and', 'or', 'of', 'for', 'by', 'at']);

/**
 * MONEY, PERCENT and QUANTITY spans, left to right, non-overlapping. Approximators ("over", "about",
 * "at least") are never part of a span; MONEY spans include the scale word ("$33 billion"); QUANTITY
 * spans are the numeral alone, plus a hyphen-joined unit ("32-nation").
 */
export function findFigures(text: string): Span[] {
  const toks = lexFigures(text);
  const scanner = new FigureScanner(text, toks);
  const spans: Span[] = [];
  let i = 0;
  while (i < toks.length) {
    const found = scanner.matchAt(i);
    if (found) {
      spans.push(found.span);
      i = found.next;
    } else {
      i++;
    }
  }
  return withHomeDollar(text, withoutPhoneNumbers(text, withVagueMoney(text, spans)));
}

/** A bare "$" amount: no letters written onto the "$" ("US$", "C$"). */
const BARE_DOLLAR = /^\$/;
const LETTER_BEFORE = /[A-Za-z.]$/;

/** Bare "$" amounts in a text about Canada, Australia, … are in that country's dollars (see `homeDollar`). */
function withHomeDollar(text: string, spans: Span[]): Span[] {
  const bare = (s: Span): boolean => s.type === 'MONEY' && typeof s.value === 'string' && s.value.startsWith('USD ') &&
    BARE_DOLLAR.test(s.text) && !LETTER_BEFORE.test(text.slice(Math.max(0, s.start - 1), s.start));
  if (!spans.some(bare)) return spans;
  const home = homeDollar(text);
  if (home === 'USD') return spans;
  for (const s of spans) {
    if (!bare(s)) continue;
    s.value = `${home}${(s.value as string).slice(3)}`;
    s.reason = `"$" in a text about the country whose currency is ${home}`;
  }
  return spans;
}

/**
 * Telephone numbers ("+1 (512) 555-0148", "020 7946 0958", "555-123-4567") are no figures: an international
 * prefix, an area code in brackets, or groups of digits joined by hyphens or dots, or by spaces when a
 * group starts with 0 or has four digits (a number written in groups of three, "1 414 021", is a figure).
 */
const PHONE = /(?<![\p{L}\p{N}.,/-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,5}\)|\d{1,5})(?:[ .-]\d{2,5}){1,4}|\(\d{2,5}\)[ .-]?\d{3,4}[ .-]\d{3,5}|\d{3}([.-])\d{3}\1\d{4}|0\d{2,4} \d{3,4} \d{3,4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;

function withoutPhoneNumbers(text: string, spans: Span[]): Span[] {
  if (spans.length === 0) return spans;
  const phones: [number, number][] = [];
  for (const m of text.matchAll(PHONE)) {
    // "0 114 021" would be a space-grouped number: only groups of four or a leading 0 mark a telephone
    if (!/[+()]/.test(m[0]) && !/[.-]/.test(m[0]) && !/^0/.test(m[0]) && !/\b\d{4}\b/.test(m[0])) continue;
    phones.push([m.index, m.index + m[0].length]);
  }
  if (phones.length === 0) return spans;
  let k = 0;
  return spans.filter((s) => {
    while (k < phones.length && phones[k][1] <= s.start) k++;
    return !(k < phones.length && phones[k][0] < s.end);
  });
}

/**
 * "tens of billions", "hundreds of millions of dollars": money whose amount cannot be fixed (value null). Not
 * "tens of thousands", nor "hundreds of millions of people": a count of something other than a currency.
 */
const VAGUE_MONEY = /(?<![A-Za-z])(?:[Tt]ens|[Hh]undreds)\s{1,3}of\s{1,3}(?:millions|billions|trillions)(?:\s{1,3}of\s{1,3}(?:dollars|euros|pounds|yen|yuan|rupees|francs|roubles|rubles))?(?![A-Za-z])/g;
const OF_SOMETHING_ELSE = /^\s{1,3}of\s/;

function withVagueMoney(text: string, spans: Span[]): Span[] {
  if (!/illions/.test(text)) return spans;
  const vague: Span[] = [];
  let k = 0; // spans are in text order, and so are the matches: one pass over both
  for (const m of text.matchAll(VAGUE_MONEY)) {
    const end = m.index + m[0].length;
    if (OF_SOMETHING_ELSE.test(text.slice(end, end + 5))) continue;
    while (k < spans.length && spans[k].end <= m.index) k++;
    if (k < spans.length && spans[k].start < end) continue;
    vague.push({ start: m.index, end, type: 'MONEY', text: m[0], value: null });
  }
  return vague.length === 0 ? spans : [...spans, ...vague].sort((a, b) => a.start - b.start);
}

interface Found { span: Span; next: number }
interface Currency { code: string; divisor: number; first: number; last: number; multiplier: number }

const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|times?|yr|yrs|hrs?|mins?)$/;
const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const YEAR_CONTEXT = /^(?:in|since|by|until|till|from|during|of|before|after|through|to|and|or|year|fiscal|fy|early|late|mid|circa|spring|summer|autumn|fall|winter|between|the|around)$/;
/** Capitalised words after which a number is part of a name ("Article 5", "Flight 17"). */
const NAME_HEADS = new Set([
  'article', 'articles', 'section', 'chapter', 'no', 'number', 'room', 'flight', 'route', 'highway', 'phase', 'level',
  'stage', 'category', 'title', 'part', 'paragraph', 'resolution', 'amendment', 'rule', 'item', 'page', 'vol',
  'volume', 'version', 'tier', 'ie', 'windows', 'gen', 'grade', 'class', 'type', 'model', 'apollo', 'mark', 'mk',
  'block', 'annex', 'protocol', 'clause', 'schedule', 'line', 'unit', 'pillar', 'group', 'division', 'regiment',
  'brigade', 'battalion', 'corps', 'fleet', 'army', 'squadron', 'wing', 'district', 'ward', 'zone', 'sector', 'camp',
  'base', 'gate', 'terminal', 'platform', 'channel', 'g', 'p', 'f', 'su', 'mig', 'iphone', 'galaxy', 'covid', 'ps',
  'xbox', 'formula', 'cop', 'radio', 'bundesliga', 'premier', 'ligue', 'serie', 'fifa', 'nba', 'studio', 'tu', 'il', 'an',
]);
const LOWER_CASE_CODES = new Set(['usd', 'eur', 'gbp', 'rmb', 'cny', 'jpy', 'inr', 'chf', 'hkd', 'sgd', 'aud', 'nzd', 'sek', 'nok', 'dkk', 'rub', 'krw']);
const PRONOUN_ONE_BEFORE = /^(?:the|this|that|which|every|each|any|no|some|another|anyone|someone|everyone|no-one|only|last|other|little|right|wrong|new|old|big|small)$/;
const PRONOUN_ONE_AFTER = /^(?:of|another|who|whom|whose|that|which|another's)$/;
/** Abstract nouns after which "one" is an indefinite, not a count ("one thing you need", "one reason"). */
const ONE_INDEFINITE_NOUNS = /^(?:thing|way|reason|problem|question|issue|idea|example|option|factor|concern|challenge|lesson|answer|possibility|explanation|theory|view)$/;
/** Prepositions after which "one" is a pronoun ("one with roots in", "one from the ministry"). */
const PRONOUN_ONE_PREPOSITIONS = /^(?:with|without|from|like|whose|where|in|on|at|for)$/;
/** People news reports leave unnamed: "one official", "one U.S. official", "one senior diplomat" are not counts. */
const UNNAMED_SOURCES = /^(?:official|source|diplomat|analyst|expert|aide|observer|insider|adviser|advisor|lawmaker|senator|executive|person|witness|resident|spokesman|spokeswoman|spokesperson)$/;
/** Verbs right after "One" make it a pronoun ("One said", "One can"), not a count. */
const PRONOUN_ONE_VERBS = /^(?:said|says|say|told|added|adds|asked|noted|argued|wrote|can|could|may|might|must|should|would|will|is|was|has|had|does|did|cannot|never|might)$/;
const DETERMINERS = /^(?:a|an|the|what|which|this|that)$/;
const SHARE_ADJECTIVES = /^(?:small|large|high|higher|low|lower|big|significant|certain|given|tiny|huge|substantial|great|greater|growing|increasing|sizeable|sizable|considerable|modest|fixed|set)$/;

class FigureScanner {
  private readonly reader: NumberReader;

  /** Digits in a chain of three or more joined by hyphens ("4-2-3-1", a team's formation), and match scores: no figures. */
  private readonly chained: Uint8Array;

  constructor(private readonly text: string, private readonly toks: readonly FigureToken[]) {
    this.reader = new NumberReader(text, toks);
    this.chained = hyphenChains(toks);
    markScores(toks, this.chained);
  }

  /** Token index just after the last MONEY span, for a currency repeated right after it. */
  private moneyEnd = -1;

  matchAt(i: number): Found | undefined {
    const found = this.moneyWithPrefix(i) ?? this.vagueMoney(i) ?? this.currencyWithoutAmount(i) ?? this.percentOfNumber(i) ??
      this.sharelessPercent(i) ?? this.figureFromNumber(i);
    if (found?.span.type === 'MONEY') this.moneyEnd = found.next;
    return found;
  }

  private spaced(a: number, b: number): boolean {
    return b < this.toks.length && this.reader.gap(a, b) === 'space';
  }

  private adjacent(a: number, b: number): boolean {
    return b < this.toks.length && this.reader.gap(a, b) !== 'break';
  }

  private span(first: number, last: number, type: Span['type'], value: Span['value'], extra: Partial<Span> = {}): Span {
    const start = this.toks[first].start;
    const end = this.toks[last - 1].end;
    return { start, end, type, text: this.text.slice(start, end), value, ...extra };
  }

  // ---------------------------------------------------------------- money

  /** "$33 billion", "US$ 1MM", "c $ 16.4 million", "€ 2 million", "USD 22.5 million", "Rs 500". */
  private moneyWithPrefix(i: number): Found | undefined {
    const prefix = this.currencyPrefix(i);
    if (!prefix) return undefined;
    const amountAt = prefix.last;
    if (!this.adjacent(amountAt - 1, amountAt)) return undefined;
    const t = this.toks[amountAt];
    if (!t || t.kind !== 'num') return undefined;
    const m = this.reader.read(amountAt);
    if (!m) return undefined;
    let value = m.value * prefix.multiplier;
    let last = m.last;
    const lastTok = this.toks[m.last - 1];
    if (isLengthOrMillions(lastTok.scaleSuffix) && m.last - 1 === amountAt) value *= 1e6;
    // "$1.5 mn", "$5 bn": a spaced scale abbreviation
    const sc = this.toks[last];
    if (sc && sc.kind === 'word' && this.spaced(last - 1, last) && !m.scaled && /^(?:m|mn|bn|b|tn|trn|mln|bln)$/.test(sc.text)) {
      value *= sc.text.startsWith('m') ? 1e6 : sc.text.startsWith('b') ? 1e9 : 1e12;
      last++;
    }
    const cents = this.trailingCents(last, m.scaled);
    if (cents) {
      value += cents.value;
      last = cents.next;
    }
    return { span: this.span(prefix.first, last, 'MONEY', isoAmount(prefix.code, value / prefix.divisor)), next: last };
  }

  private currencyPrefix(i: number): Currency | undefined {
    const toks = this.toks;
    const t = toks[i];
    if (t.kind === 'sym' || (t.kind === 'word' && CURRENCY_SYMBOLS.has(t.text))) {
      const code = CURRENCY_SYMBOLS.get(t.text);
      if (!code) return undefined;
      // "$" right after letters belongs to a prefix like "US$", handled from the letters
      if (t.text === '$' && i > 0 && toks[i - 1].kind === 'word' && this.reader.gap(i - 1, i) === 'glued') return undefined;
      return { code, divisor: 1, first: i, last: i + 1, multiplier: 1 };
    }
    if (t.kind !== 'word') return undefined;
    const lower = t.lower;
    // "u.s $", "U.S. $"
    if (lower === 'u' && toks[i + 1]?.text === '.' && toks[i + 2]?.lower === 's' && this.reader.gap(i, i + 1) === 'glued' &&
      this.reader.gap(i + 1, i + 2) === 'glued') {
      let k = i + 3;
      if (toks[k]?.text === '.' && this.reader.gap(k - 1, k) === 'glued') k++;
      if (toks[k]?.text === '$' && this.adjacent(k - 1, k)) return { code: 'USD', divisor: 1, first: i, last: k + 1, multiplier: 1 };
      return undefined;
    }
    const dollarCode = DOLLAR_PREFIXES.get(lower);
    if (dollarCode && toks[i + 1]?.text === '$') {
      const gap = this.reader.gap(i, i + 1);
      if (gap === 'glued' || (gap === 'space' && SPACED_DOLLAR_PREFIXES.has(lower))) {
        return { code: dollarCode, divisor: 1, first: i, last: i + 2, multiplier: 1 };
      }
    }
    // "sen 100,000": the hundredth of the yen, lower case (a capital "Sen" is a senator)
    if (t.text === 'sen' && toks[i + 1]?.kind === 'num' && this.reader.gap(i, i + 1) === 'space') {
      return { code: 'JPY', divisor: 100, first: i, last: i + 1, multiplier: 1 };
    }
    if (lower === 'rs' || lower === 'inr') {
      const k = toks[i + 1]?.text === '.' && this.reader.gap(i, i + 1) === 'glued' ? i + 2 : i + 1;
      if (toks[k]?.kind === 'num') return { code: 'INR', divisor: 1, first: i, last: k, multiplier: 1 };
    }
    // both remaining prefixes ("USD 5", "MEUR 3") stand right before an amount: most words stop here,
    // before the case tests and table lookups
    if (toks[i + 1]?.kind !== 'num') return undefined;
    const upper = t.text === t.text.toUpperCase();
    const iso = isoOf(t.text);
    // lower-case codes only where no English word or other name shares the letters ("rmb 10", not "php 8")
    const lowerCode = LOWER_CASE_CODES.has(t.text) && this.reader.gap(i, i + 1) === 'space';
    if (iso && (upper || lowerCode || this.reader.gap(i, i + 1) === 'glued')) {
      return { code: iso, divisor: 1, first: i, last: i + 1, multiplier: 1 };
    }
    const millions = millionCode(t.text);
    if (millions) return { code: millions, divisor: 1, first: i, last: i + 1, multiplier: 1e6 };
    return undefined;
  }

  /** The currency written after an amount: "dollars", "Finnish markka", "USD", "€", "MEUR", "cents". */
  private currencySuffix(at: number): Currency | undefined {
    const toks = this.toks;
    const t = toks[at];
    if (!t || !this.adjacent(at - 1, at)) return undefined;
    const symbolCode = CURRENCY_SYMBOLS.get(t.text);
    // "1 $10": a sign glued to the next amount is that amount's prefix
    if (symbolCode && toks[at + 1]?.kind === 'num' && this.reader.gap(at, at + 1) === 'glued') return undefined;
    if (symbolCode && (t.kind === 'sym' || t.kind === 'word')) return { code: symbolCode, divisor: 1, first: at, last: at + 1, multiplier: 1 };
    if (t.kind !== 'word' || this.reader.gap(at - 1, at) !== 'space' && this.reader.gap(at - 1, at) !== 'glued') return undefined;
    // longest name first: "hong kong dollars", "australian dollars", "dollars"
    let words = t.lower;
    let best: Currency | undefined;
    for (let k = at; k < at + MAX_CURRENCY_NAME_WORDS && k < toks.length; k++) {
      if (k > at) {
        if (toks[k].kind !== 'word' || !this.spaced(k - 1, k)) break;
        words += ' ' + toks[k].lower;
      }
      const name = CURRENCY_NAMES.get(words);
      if (name) best = { code: name.code, divisor: name.divisor, first: at, last: k + 1, multiplier: 1 };
    }
    if (best) return best;
    const iso = isoOf(t.text);
    // "3 USD50 cards": a code glued to the next amount is that amount's prefix
    if (iso && toks[at + 1]?.kind === 'num' && this.reader.gap(at, at + 1) === 'glued') return undefined;
    if (iso && (t.text === t.text.toUpperCase() || t.text.length === 3)) return { code: iso, divisor: 1, first: at, last: at + 1, multiplier: 1 };
    const millions = millionCode(t.text);
    if (millions) return { code: millions, divisor: 1, first: at, last: at + 1, multiplier: 1e6 };
    return undefined;
  }

  /** "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50", "c $ 100 and fifty". */
  private trailingCents(at: number, scaled: boolean): { value: number; next: number } | undefined {
    if (scaled) return undefined;
    const toks = this.toks;
    let k = at;
    if (toks[k]?.lower === 'and' && this.spaced(k - 1, k)) k++;
    if (!toks[k] || !this.spaced(k - 1, k) || !this.reader.startsNumber(k) || toks[k].lower === 'a' || toks[k].lower === 'half') return undefined;
    const m = this.reader.read(k);
    if (!m || m.fraction || !Number.isInteger(m.value) || m.value <= 0 || m.value >= 100) return undefined;
    const minor = toks[m.last];
    if (minor?.kind === 'word' && isMinorUnitWord(minor.lower) && this.spaced(m.last - 1, m.last)) return { value: m.value / 100, next: m.last + 1 };
    if (minor && minor.kind === 'word' && this.adjacent(m.last - 1, m.last) && !/^(?:and|more|less|extra)$/.test(minor.lower)) return undefined;
    if (minor && minor.kind === 'num') return undefined;
    if (minor && minor.kind === 'sym' && (CURRENCY_SYMBOLS.has(minor.text) || minor.text === '%' || minor.text === '-')) return undefined;
    return { value: m.value / 100, next: m.last };
  }

  /** "tens of billions of dollars", "billions of euros": money without an amount. */
  private vagueMoney(i: number): Found | undefined {
    const toks = this.toks;
    let k = i;
    if (/^(?:tens|hundreds|dozens)$/.test(toks[k].lower) && toks[k + 1]?.lower === 'of') k += 2;
    if (!/^(?:thousands|millions|billions|trillions)$/.test(toks[k]?.lower ?? '') || toks[k + 1]?.lower !== 'of') return undefined;
    const currency = this.currencySuffix(k + 2);
    if (!currency || currency.divisor !== 1) return undefined;
    return {
      span: this.span(i, currency.last, 'MONEY', null, { reason: 'an order of magnitude, not an amount' }),
      next: currency.last,
    };
  }

  /**
   * A currency named without an amount, in the few places where it is still a money expression:
   * "multibillion-dollar deal" (an order of magnitude), a currency label heading a quote line
   * ("Dollar: 143.80 yen"), and a currency repeated right after an amount ("50 dollar rmb"). Value null.
   * "The dollar fell" is not money and is left alone.
   */
  private currencyWithoutAmount(i: number): Found | undefined {
    const toks = this.toks;
    const t = toks[i];
    if (t.kind !== 'word') return undefined;
    if (/^multi(?:million|billion|trillion)$|^(?:million|billion|trillion)$/.test(t.lower) && toks[i + 1]?.text === '-' &&
      this.adjacent(i, i + 1) && this.adjacent(i + 1, i + 2)) {
      const c = this.currencySuffix(i + 2);
      if (c && c.divisor === 1 && c.last === i + 3) {
        return { span: this.span(i, c.last, 'MONEY', null, { reason: 'an order of magnitude, not an amount' }), next: c.last };
      }
    }
    // a bare currency is money only as a line's label ("Dollars:") or repeated after an amount: the cheap
    // token tests come first, so most words skip the currency lookups
    const labelColon = toks[i + 1]?.text === ':';
    const repeatsAmount = this.moneyEnd === i && this.spaced(i - 1, i);
    if (!labelColon && !repeatsAmount) return undefined;
    const single = CURRENCY_NAMES.get(t.lower);
    const code = single && single.divisor === 1 ? single.code : isoOf(t.text);
    if (!code) return undefined;
    // a line break between the previous token and this one (looked for there only: a search back from the
    // word would cross the whole of a one-line text at every "dollar:")
    const lineStart = i === 0 || hasLineBreak(this.text, toks[i - 1].end, t.start);
    const labelsLine = lineStart && labelColon;
    if (!labelsLine && !repeatsAmount) return undefined;
    return { span: this.span(i, i + 1, 'MONEY', null, { reason: 'a currency without an amount' }), next: i + 1 };
  }

  // ---------------------------------------------------------------- percent

  /** "percent of 10", "per cent of twenty-two": the figure after the word, where no figure precedes it. */
  private percentOfNumber(i: number): Found | undefined {
    const toks = this.toks;
    const w = this.percentWordAt(i);
    if (!w || (i > 0 && (toks[i - 1].kind === 'num' || this.reader.startsNumber(i - 1)) && this.adjacent(i - 1, i))) return undefined;
    if (toks[w.last]?.lower !== 'of' || !this.spaced(w.last - 1, w.last) || !this.spaced(w.last, w.last + 1)) return undefined;
    if (!this.reader.startsNumber(w.last + 1) || toks[w.last + 1].lower === 'a') return undefined;
    const m = this.reader.read(w.last + 1);
    if (!m || (toks[m.last] && toks[m.last].kind !== 'sym')) return undefined;
    return { span: this.span(i, m.last, 'PERCENT', m.value), next: m.last };
  }

  /** "a small percent", "the % of increase", "a percentage": a share named without a figure (value null). */
  private sharelessPercent(i: number): Found | undefined {
    const toks = this.toks;
    if (!DETERMINERS.test(toks[i].lower)) return undefined;
    let k = i + 1;
    if (toks[k] && SHARE_ADJECTIVES.test(toks[k].lower) && this.spaced(k - 1, k)) k++;
    if (!toks[k] || !this.spaced(k - 1, k)) return undefined;
    const w = this.percentWordAt(k);
    if (!w || w.points) return undefined;
    return { span: this.span(k, w.last, 'PERCENT', null, { reason: 'a share without a figure' }), next: w.last };
  }

  /** "%", "percent", "per cent", "percentage point(s)", "pct" at token i. */
  private percentWordAt(i: number): { last: number; points: boolean } | undefined {
    const toks = this.toks;
    const t = toks[i];
    if (!t) return undefined;
    let last: number;
    if (t.text === '%' || t.text === '\uFF05') last = i + 1;
    else if (/^(?:percent|percents|pct|percentage|percentages)$/.test(t.lower)) last = i + 1;
    else if (t.lower === 'per' && toks[i + 1]?.lower === 'cent' && this.spaced(i, i + 1)) last = i + 2;
    else return undefined;
    let points = false;
    if (/^points?$/.test(toks[last]?.lower ?? '') && this.spaced(last - 1, last)) {
      last++;
      points = true;
    }
    return { last, points };
  }

  // ---------------------------------------------------------------- numbers

  private figureFromNumber(i: number): Found | undefined {
    const toks = this.toks;
    const t = toks[i];
    const signed = t.text === '-' && toks[i + 1]?.kind === 'num';
    if (!signed && !this.reader.startsNumber(i)) return undefined;
    if (t.kind === 'num' && (this.isCodeNumber(i) || this.chained[i] || this.isListMarker(i))) return undefined;
    const m = this.reader.read(i);
    if (!m) return undefined;
    const after = m.last;

    const pct = this.adjacent(after - 1, after) ? this.percentWordAt(after) : undefined;
    if (pct) return { span: this.span(m.first, pct.last, 'PERCENT', round(m.value)), next: pct.last };
    // "5-percent increase"
    if (toks[after]?.text === '-' && this.reader.gap(after - 1, after) === 'glued' && this.reader.gap(after, after + 1) === 'glued') {
      const hp = this.percentWordAt(after + 1);
      if (hp) return { span: this.span(m.first, hp.last, 'PERCENT', round(m.value)), next: hp.last };
    }

    const money = this.moneyAfterNumber(m);
    if (money) return money;
    return this.sharedRangeUnit(m) ?? this.quantity(m);
  }

  /**
   * The first figure of a range takes the unit written once after the second: "3-5%", "3 to 5 per cent"
   * (PERCENT 3), "25 million to 30 million euros" (EUR 25,000,000). Only when the first is complete as
   * written: "25 to 30 million euros" leaves the first figure as it is, its scale unsaid.
   */
  private sharedRangeUnit(m: NumberMatch): Found | undefined {
    const toks = this.toks;
    const link = toks[m.last];
    // a unit of its own ("rose 6bps to 4.52 per cent"): "to" is where it went, not a range
    if (!link || toks[m.last - 1].suffix) return undefined;
    let k: number;
    if ((link.text === '-' || link.text === '\u2013') && this.reader.gap(m.last - 1, m.last) === 'glued' && this.reader.gap(m.last, m.last + 1) === 'glued') k = m.last + 1;
    else if (link.kind === 'word' && (link.lower === 'to' || link.lower === 'and') && this.spaced(m.last - 1, m.last) && this.spaced(m.last, m.last + 1)) k = m.last + 1;
    else return undefined;
    if (!toks[k] || toks[k].kind !== 'num') return undefined;
    const second = this.reader.read(k);
    // "in 2024 and 5% in 2025": a year is no part of a range
    const firstTok = toks[m.first];
    if (!second || (m.last - m.first === 1 && firstTok.plain && firstTok.text.length === 4 && m.value >= 1000 && m.value <= 2199)) return undefined;
    const pct = this.adjacent(second.last - 1, second.last) ? this.percentWordAt(second.last) : undefined;
    if (pct && !toks[m.last - 1].scaleSuffix) return { span: this.span(m.first, m.last, 'PERCENT', round(m.value)), next: m.last };
    if (pct) return undefined;
    if (m.scaled !== second.scaled) return undefined;
    const money = this.moneyAfterNumber(second);
    if (!money || typeof money.span.value !== 'string') return undefined;
    const code = money.span.value.split(' ')[0];
    const ratio = Number(money.span.value.split(' ')[1]) / second.value;
    if (!Number.isFinite(ratio) || ratio <= 0) return undefined;
    return { span: this.span(m.first, m.last, 'MONEY', isoAmount(code, round(m.value * ratio))), next: m.last };
  }

  /** "1. Ryanair to scrap…", "2) The best…": a numbered list's item number at the start of a line. */
  private isListMarker(i: number): boolean {
    const toks = this.toks;
    const t = toks[i];
    const mark = toks[i + 1];
    if (!t.plain || t.value > 99 || !mark || (mark.text !== '.' && mark.text !== ')') || this.reader.gap(i, i + 1) !== 'glued') return false;
    const word = toks[i + 2];
    if (!word || word.kind !== 'word' || !STARTS_UPPER.test(word.text) || this.reader.gap(i + 1, i + 2) !== 'space') return false;
    // only spaces between the line's start and the number (looked at no further back than they can reach)
    for (let k = t.start - 1; k >= 0; k--) {
      const c = this.text.charCodeAt(k);
      if (c === 10) return true;
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  private moneyAfterNumber(m: NumberMatch): Found | undefined {
    const toks = this.toks;
    const lastTok = toks[m.last - 1];
    let value = m.value;
    let currency: Currency | undefined;
    let last = m.last;
    const gluedCode = lastTok.suffix ? isoOf(lastTok.suffix) ?? millionCode(lastTok.suffix) : undefined;
    if (lastTok.kind === 'num' && lastTok.suffix && gluedCode) {
      currency = { code: gluedCode, divisor: 1, first: m.last - 1, last: m.last, multiplier: isoOf(lastTok.suffix) ? 1 : 1e6 };
    } else if (lastTok.kind === 'num' && lastTok.suffix === 'p') {
      currency = { code: 'GBP', divisor: 100, first: m.last - 1, last: m.last, multiplier: 1 };
    } else {
      const hyphenated = toks[last]?.text === '-' && this.reader.gap(last - 1, last) === 'glued' && this.reader.gap(last, last + 1) === 'glued';
      currency = this.currencySuffix(hyphenated ? last + 1 : last);
      // "75 USD million": a code before the scale word
      if (currency && !hyphenated && isoOf(toks[currency.first].text)) {
        const scale = SCALES.get(toks[currency.last]?.lower ?? '');
        if (scale && this.spaced(currency.last - 1, currency.last) && !m.scaled) {
          value *= scale;
          currency = { ...currency, last: currency.last + 1 };
        }
      }
    }
    if (!currency) return undefined;
    if (isLengthOrMillions(lastTok.scaleSuffix) && m.last - 1 === m.first) value *= 1e6;
    value = value * currency.multiplier / currency.divisor;
    last = currency.last;
    const major = currency.divisor === 1 && (toks[currency.first].kind === 'sym' || /^(?:dollars?|euros?|pounds?|usd|\$)$/.test(toks[currency.last - 1].lower));
    if (major) {
      const cents = this.trailingCents(last, m.scaled);
      if (cents) {
        value += cents.value;
        last = cents.next;
      }
    }
    return { span: this.span(m.first, last, 'MONEY', isoAmount(currency.code, value)), next: last };
  }

  private quantity(m: NumberMatch): Found | undefined {
    const toks = this.toks;
    const firstTok = toks[m.first];
    const lastTok = toks[m.last - 1];
    if (m.value === 0 && firstTok.kind === 'word' && !/^(?:zero|nought|naught)$/.test(firstTok.lower)) return undefined;
    const prev = m.first > 0 && this.adjacent(m.first - 1, m.first) ? toks[m.first - 1] : undefined;
    const next = toks[m.last] && this.adjacent(m.last - 1, m.last) ? toks[m.last] : undefined;
    const single = m.last - m.first === 1;

    if (single && firstTok.kind === 'word' && firstTok.lower === 'one' && this.isPronounOne(m)) return undefined;
    if (single && firstTok.kind === 'num' && this.isDatePart(m, prev, next)) return undefined;
    if (prev && prev.kind === 'word' && STARTS_UPPER.test(prev.text) && NAME_HEADS.has(prev.lower) && firstTok.kind === 'num') return undefined;
    if (prev && (prev.text === '#' || (prev.text === '.' && toks[m.first - 2]?.lower === 'no'))) return undefined;
    // "the Proceeds of Crime Act 2002", "Vision 2030": a year ending a name (the date extractor leaves it too)
    if (single && firstTok.plain && firstTok.text.length === 4 && m.value >= 1000 && m.value <= 2199 && prev?.kind === 'word' &&
      YEAR_NAME_HEADS.test(prev.text)) return undefined;
    // "the CAC 40 is down", "the DAX 40": a number after a word in capitals, counting nothing, ends a name
    if (single && firstTok.plain && prev?.kind === 'word' && ACRONYM.test(prev.text) && !isoOf(prev.text) &&
      this.spaced(m.first - 1, m.first) && !(toks[m.last]?.kind === 'word' && PLURAL_WORD.test(toks[m.last].text))) return undefined;

    // hyphen-joined unit: "32-nation", "two-day" (a duration: not annotated)
    if (next?.text === '-' && this.reader.gap(m.last - 1, m.last) === 'glued' && toks[m.last + 1]?.kind === 'word' &&
      this.reader.gap(m.last, m.last + 1) === 'glued') {
      const unitTok = toks[m.last + 1];
      if (isNumberWord(unitTok.lower)) return this.quantitySpan(m, m.last, undefined); // "three-nought-four"
      if (TIME_UNITS.test(unitTok.lower) || unitTok.lower === 'year' || denominatorOf(unitTok.lower)) return undefined;
      // "one-in-a-million", "one-on-one", "one-in, one-out": a phrase, no count of anything
      if (JOINED_FUNCTION_WORDS.has(unitTok.lower)) return undefined;
      // "one-sided", "two-pronged", "one-handed": a number word made into an adjective in "-ed" describes, it counts nothing
      if (m.wordy && single && /[a-z]ed$/.test(unitTok.lower)) return undefined;
      if (STARTS_UPPER.test(unitTok.text)) return this.quantitySpan(m, m.last, countedNoun(toks, m.last + 2));
      return this.quantitySpan(m, m.last + 2, singular(unitTok.lower));
    }
    if (next?.kind === 'word' && TIME_UNITS.test(next.lower) && !m.fraction) return undefined; // durations are not annotated
    // "inflation of 2.4pc": British papers' short form of per cent
    if (lastTok.kind === 'num' && lastTok.suffix === 'pc') return { span: this.span(m.first, m.last, 'PERCENT', round(m.value)), next: m.last };
    // "1.2m people": a decimal with "m" before what it counts is millions of them, not metres
    if (lastTok.kind === 'num' && lastTok.scaleSuffix === 'm' && !m.scaled && /\.\d/.test(lastTok.text) &&
      PLURAL_WORD.test(toks[m.last]?.text ?? '') && toks[m.last]?.kind === 'word' && this.spaced(m.last - 1, m.last)) {
      const counted = countedNoun(toks, m.last);
      if (counted) return { span: this.span(m.first, m.last, 'QUANTITY', round(m.value * 1e6), { unit: counted }), next: m.last };
    }
    if (lastTok.kind === 'num' && lastTok.suffix) {
      const suffix = lastTok.suffix.toLowerCase();
      return this.quantitySpan(m, m.last, suffix === 'bp' || suffix === 'bps' ? 'basis point' : suffix);
    }
    if (lastTok.kind === 'num' && isLengthOrMillions(lastTok.scaleSuffix)) return this.quantitySpan(m, m.last, lastTok.scaleSuffix);
    const unit = m.fraction ? 'fraction' : countedNoun(toks, m.last);
    return this.quantitySpan(m, m.last, unit);
  }

  private quantitySpan(m: NumberMatch, last: number, unit: string | undefined): Found {
    const extra: Partial<Span> = unit ? { unit } : {};
    return { span: this.span(m.first, last, 'QUANTITY', round(m.value), extra), next: last };
  }

  /** "one of two", "the one", "one another": "one" as a pronoun. */
  private isPronounOne(m: NumberMatch): boolean {
    const toks = this.toks;
    const prev = toks[m.first - 1];
    const next = toks[m.last];
    if (prev?.kind === 'word' && PRONOUN_ONE_BEFORE.test(prev.lower) && this.adjacent(m.first - 1, m.first)) return true;
    if (next?.kind === 'word' && PRONOUN_ONE_AFTER.test(next.lower) && this.adjacent(m.last - 1, m.last)) return true;
    if (next?.kind === 'word' && PRONOUN_ONE_VERBS.test(next.lower) && this.adjacent(m.last - 1, m.last)) return true;
    if (next && (next.text === "'s" || next.text === "'" || next.text === '\u2019')) return true;
    // "one diplomatic official": the indefinite article, not a count
    const after = toks[m.last + 1];
    if (next?.kind === 'word' && after?.kind === 'word' && STARTS_LOWER.test(after.text) && looksLikeModifier(next.lower)) return true;
    if (!next || !this.adjacent(m.last - 1, m.last)) return false;
    // "one thing you need", "one reason": an indefinite with an abstract noun, not a count
    if (next.kind === 'word' && ONE_INDEFINITE_NOUNS.test(next.lower)) return true;
    // "one with roots in his first term", "one from the ministry" (but "one in five" is a ratio)
    if (next.kind === 'word' && PRONOUN_ONE_PREPOSITIONS.test(next.lower) && after?.kind !== 'num' && !isNumberWord(after?.lower ?? '')) return true;
    // "according to one U.S. official", "one senior source": a source left unnamed, not a count
    for (let k = m.last, words = 0; k < toks.length && words < 3; k++) {
      const t = toks[k];
      if (t.kind === 'word' && UNNAMED_SOURCES.test(t.lower)) return true;
      if (t.kind === 'num' || (t.kind === 'sym' && t.text !== '.')) break;
      if (t.kind === 'word') words++;
    }
    return false;
  }

  /** Years and days in dates ("in 2026", "12 February", "Feb. 12"), left to the date extractor. */
  private isDatePart(m: NumberMatch, prev: FigureToken | undefined, next: FigureToken | undefined): boolean {
    const t = this.toks[m.first];
    const v = m.value;
    if (!t.plain) return false;
    const monthBefore = prev?.kind === 'word' && MONTHS.test(prev.lower) ||
      (prev?.text === '.' && MONTHS.test(this.toks[m.first - 2]?.lower ?? ''));
    const monthAfter = next?.kind === 'word' && MONTHS.test(next.lower);
    if (v >= 1 && v <= 31 && t.text.length <= 2 && (monthBefore || monthAfter)) return true;
    if (t.text.length === 4 && v >= 1000 && v <= 2199) {
      if (monthBefore || (prev?.kind === 'word' && YEAR_CONTEXT.test(prev.lower))) return true;
      if (prev?.text === ',' || prev?.text === '-' || prev?.text === '\u2013' || next?.text === '-' || next?.text === '\u2013') return true;
      if (next?.text === "'s" || next?.text === '\u2019s' || next?.kind === 'sym' || !next) return true;
    }
    return false;
  }

  /** A number glued to a capitalised code by a hyphen: "F-35", "COVID-19", "MiG-29". */
  private isCodeNumber(i: number): boolean {
    const toks = this.toks;
    return i >= 2 && toks[i - 1].text === '-' && this.reader.gap(i - 1, i) === 'glued' && this.reader.gap(i - 2, i - 1) === 'glued' &&
      toks[i - 2].kind === 'word' && STARTS_UPPER.test(toks[i - 2].text);
  }
}

/** Marks the digits of every chain of three or more single digits joined by glued hyphens ("4-2-3-1", "4-3-3"). */
function hyphenChains(toks: readonly FigureToken[]): Uint8Array {
  const marks = new Uint8Array(toks.length);
  let i = 0;
  while (i < toks.length) {
    if (!isDigit(toks[i])) { i++; continue; }
    let j = i;
    while (j + 2 < toks.length && toks[j + 1].text === '-' && toks[j + 1].start === toks[j].end && isDigit(toks[j + 2]) &&
      toks[j + 2].start === toks[j + 1].end) j += 2;
    if ((j - i) / 2 + 1 >= 3) for (let k = i; k <= j; k += 2) marks[k] = 1;
    i = j + 1;
  }
  return marks;
}

/** Capitalised heads of names that end in a year, as the date extractor's list (dates/patterns.ts). */
const YEAR_NAME_HEADS = /^(?:Statement|Strategy|Plan|Review|Act|Vision|Agenda|Expo|Cup|Games|Olympics|Summit|Forum|Festival|Championships?|Census|Programme|Program|Update|Outlook|Budget)$/;

/** A word in capitals, three letters or more: an acronym ("CAC", "DAX", "STOXX"). */
const ACRONYM = /^[A-Z]{3,6}$/;

/** Words after a score ("a 2-0 win", "the 3-1 defeat"). */
const SCORE_NOUNS = /^(?:win|wins|victory|victories|defeat|defeats|loss|losses|draw|draws|lead|scoreline|thrashing|triumph|drubbing|rout|reverse|comeback|aggregate|home|away)$/;
/** Words before a score ("won 3-1", "were held 1-1", "beat them 2-0" is left alone). */
const SCORE_VERBS = /^(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beating|drew|draw|draws|drawing|held|led|leads|leading|trailed|trailing|trail|trails|thrashed|edged|hammered)$/;

/**
 * Match scores ("Aston Villa 3-1 Newcastle", "a 2-0 win", "held 1-1 by Fulham"): two small whole numbers
 * joined by a hyphen or dash, with a score's noun after them, a result's verb before them, or a name on each
 * side. They count nothing that a figure card could compare: no figures. Marks both numbers in `marks`.
 */
function markScores(toks: readonly FigureToken[], marks: Uint8Array): void {
  for (let i = 0; i + 2 < toks.length; i++) {
    const a = toks[i], dash = toks[i + 1], b = toks[i + 2];
    if (!isGoalCount(a) || (dash.text !== '-' && dash.text !== '\u2013') || !isGoalCount(b) ||
      dash.start !== a.end || b.start !== dash.end) continue;
    const before = toks[i - 1], after = toks[i + 3];
    const wordBefore = before?.kind === 'word' && before.end < a.start ? before : undefined;
    const wordAfter = after?.kind === 'word' && after.start > b.end ? after : undefined;
    const score = (wordAfter !== undefined && SCORE_NOUNS.test(wordAfter.lower)) ||
      (wordBefore !== undefined && (SCORE_VERBS.test(wordBefore.lower) || SCORE_MARKS.test(wordBefore.lower))) ||
      (wordBefore !== undefined && wordAfter !== undefined && STARTS_UPPER.test(wordBefore.text) && STARTS_UPPER.test(wordAfter.text)) ||
      (wordAfter !== undefined && (SCORE_MARKS.test(wordAfter.lower) || isScoreSettling(toks, i + 3))) ||
      (wordBefore !== undefined && STARTS_UPPER.test(wordBefore.text) && verbBeforeOpponent(toks, i - 1));
    if (score) marks[i] = marks[i + 2] = 1;
  }
}

/** Marks of a score written beside it: "agg 2-4", "3-3 aet", "4-3 pens". */
const SCORE_MARKS = /^(?:agg|aggregate|aet|pens|penalties)$/;
/** How a drawn match was settled, after its score: "4-3 on penalties", "2-2 after extra time". */
function isScoreSettling(toks: readonly FigureToken[], k: number): boolean {
  const first = toks[k], second = toks[k + 1], third = toks[k + 2];
  if (first?.kind !== 'word' || second?.kind !== 'word') return false;
  return (first.lower === 'on' && /^(?:penalties|aggregate|pens)$/.test(second.lower)) ||
    (first.lower === 'after' && ((second.lower === 'extra' && third?.lower === 'time') || second.lower === 'penalties'));
}

/** The opponent named after a result's verb, before the score: "beat Inter 3-1", "drew with Bayern Munich 2-2". */
function verbBeforeOpponent(toks: readonly FigureToken[], last: number): boolean {
  let k = last;
  // the opponent: up to four capitalised words ("Paris Saint-Germain", "Borussia Monchengladbach")
  for (let n = 0; n < 4 && k >= 0 && toks[k].kind === 'word' && STARTS_UPPER.test(toks[k].text); n++) k--;
  if (k === last || k < 0 || toks[k].kind !== 'word') return false;
  if (toks[k].lower === 'with' || toks[k].lower === 'against' || toks[k].lower === 'over') k--;
  return k >= 0 && toks[k].kind === 'word' && SCORE_VERBS.test(toks[k].lower);
}

/** A number of goals or points in a score: one or two digits, nothing glued. */
function isGoalCount(t: FigureToken): boolean {
  return t.kind === 'num' && t.plain && t.text.length <= 2 && !t.suffix && !t.scaleSuffix;
}

function isDigit(t: FigureToken): boolean {
  return t.kind === 'num' && t.plain && t.text.length === 1;
}

/** Whether text[from, to) holds a "\n". */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** "MUSD" → USD, read as millions (a convention of financial reports). */
function millionCode(word: string): string | undefined {
  if (word.length !== 4 || word[0] !== 'M' || word !== word.toUpperCase()) return undefined;
  return isoOf(word.slice(1));
}

function round(v: number): number {
  // whole numbers below 10^12 are already exact at 12 significant digits: no string round trip
  if (Number.isInteger(v) && Math.abs(v) < 1e12) return v;
  return Number(v.toPrecision(12));
}

/** "USD 33000000000": the amount in full, without exponent notation. */
export function isoAmount(code: string, value: number): string {
  const r = round(value);
  let s = String(r);
  if (/e/i.test(s)) s = Math.abs(r) >= 1 ? BigInt(Math.round(r)).toString() : r.toFixed(12).replace(/0+$/, '');
  return `${code} ${s}`;
}
