import { denominatorOf, SCALES, TEENS, TENS, UNITS } from './lexicon';
import type { FigureToken } from './lexer';

/** Ordinals that make a following half or quarter a period of a year or a match ("first-half profit"). */
const PERIOD_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'last', '1st', '2nd', '3rd', '4th']);

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Reads one number starting at a token: digits ("1,234.5", "2.5 million", "10 bln"), words ("one hundred
 * and twenty three", "twenty-one trillion", "a dozen"), decimals in words ("five point five"), fractions
 * ("two-thirds", "a quarter", "three and a half", "one over three") and signs ("minus five", "-4/5").
 * Greedy: the longest reading that is a well-formed English number wins; "one one" is two numbers.
 */

export interface NumberMatch {
  /** Token index of the first and one past the last token. */
  first: number;
  last: number;
  value: number;
  fraction: boolean;
  /** Spelled out in words at least in part ("two", "2 million"), as opposed to digits alone. */
  wordy: boolean;
  /** The last multiplier used ("million" → 1e6), for "tens of millions" style checks and money. */
  scaled: boolean;
}

type AtomKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'digits' | 'a' | 'and' | 'dozen' | 'abbrev';
interface Atom { kind: AtomKind; value: number; token: number }

type Last = AtomKind | 'init' | 'zero' | 'sealed' | 'pending';
interface State {
  total: number;
  current: number;
  last: Last;
  afterAnd: boolean;
  lastSmall: number;
  hasHundred: boolean;
  lastScale: number;
  wordy: boolean;
}

interface Snap { state: State; atom: Atom; end: number }

const INIT: State = { total: 0, current: 0, last: 'init', afterAnd: false, lastSmall: 0, hasHundred: false, lastScale: 0, wordy: false };

/** Spaced scale abbreviations after digits ("2.33 k", "1,674.5 G"); case matters ("m" is metres). */
const SPACED_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['mln', 1e6], ['mn', 1e6], ['G', 1e9], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['tln', 1e12],
]);
const PLURAL_MULTIPLIERS: ReadonlyMap<string, number> = new Map([['hundreds', 100], ['thousands', 1e3]]);
const DOZENS = new Set(['dozen', 'dozens', 'dz', 'dzs', 'doz', 'dozs']);

export class NumberReader {
  constructor(private readonly text: string, private readonly toks: readonly FigureToken[]) {}

  /** The gap between two adjacent tokens: nothing, spaces (one line break allowed), or a paragraph break. */
  gap(a: number, b: number): 'glued' | 'space' | 'break' {
    // past either end of the text counts as a break, so a look-ahead at the last token cannot fail
    if (a < 0 || b >= this.toks.length) return 'break';
    const from = this.toks[a].end;
    const to = this.toks[b].start;
    if (from === to) return 'glued';
    let newlines = 0;
    for (let k = from; k < to; k++) if (this.text.charCodeAt(k) === 10) newlines++;
    return newlines > 1 ? 'break' : 'space';
  }

  /** The index of the next token linked to `prev` by spaces or a hyphen, or -1. */
  private next(prev: number): { index: number; hyphen: boolean } | undefined {
    const j = prev + 1;
    const t = this.toks[j];
    if (!t) return undefined;
    if (t.kind === 'sym' && t.text === '-' && this.toks[j + 1] && this.gap(prev, j) !== 'break' && this.gap(j, j + 1) !== 'break') {
      return { index: j + 1, hyphen: true };
    }
    return this.gap(prev, j) === 'space' ? { index: j, hyphen: false } : undefined;
  }

  private atomAt(i: number, afterDigits: boolean): Atom | undefined {
    const t = this.toks[i];
    if (t.kind === 'num') return t.fraction ? undefined : { kind: 'digits', value: t.value, token: i };
    if (t.kind !== 'word') return undefined;
    const w = t.lower;
    const v = UNITS.get(w);
    if (v !== undefined) return { kind: 'unit', value: v, token: i };
    const teen = TEENS.get(w);
    if (teen !== undefined) return { kind: 'teen', value: teen, token: i };
    const tens = TENS.get(w);
    if (tens !== undefined) return { kind: 'tens', value: tens, token: i };
    if (w === 'hundred') return { kind: 'hundred', value: 100, token: i };
    const scale = SCALES.get(w);
    if (scale !== undefined) return { kind: 'scale', value: scale, token: i };
    if (w === 'a') return { kind: 'a', value: 1, token: i };
    if (w === 'and') return { kind: 'and', value: 0, token: i };
    if (DOZENS.has(w)) return { kind: 'dozen', value: 12, token: i };
    const abbrev = afterDigits ? SPACED_ABBREVIATIONS.get(t.text) : undefined;
    if (abbrev !== undefined) return { kind: 'abbrev', value: abbrev, token: i };
    return undefined;
  }

  /** Whether a number could start at token i (cheap pre-check). */
  startsNumber(i: number): boolean {
    const t = this.toks[i];
    if (t.kind === 'num') return true;
    if (t.kind !== 'word') return false;
    const w = t.lower;
    return UNITS.has(w) || TEENS.has(w) || TENS.has(w) || w === 'a' || w === 'minus' || w === 'negative' || w === 'half' || w === 'quarter';
  }

  read(i: number): NumberMatch | undefined {
    const toks = this.toks;
    let sign = 1;
    const first = i;
    if (toks[i].kind === 'word' && (toks[i].lower === 'minus' || toks[i].lower === 'negative')) {
      const n = this.next(i);
      if (!n || n.hyphen) return undefined;
      sign = -1;
      i = n.index;
    } else if (toks[i].kind === 'sym' && toks[i].text === '-' && toks[i + 1]?.kind === 'num' && this.gap(i, i + 1) === 'glued' &&
      !LETTER_OR_DIGIT.test(this.text[toks[i].start - 1] ?? ' ')) {
      sign = -1;
      i = i + 1;
    } else if (toks[i].kind === 'sym' && toks[i].text === '-' && toks[i + 1]?.kind === 'num' && this.gap(i, i + 1) === 'space' &&
      this.startsLine(i)) {
      // "- 10 k" alone on its line is a negative number; "- 10 people" is a list item
      const body = this.readUnsigned(i + 1);
      if (!body || !this.endsLine(body.last - 1)) return undefined;
      return { ...body, first, value: -body.value };
    }
    const body = this.readUnsigned(i);
    if (!body) return undefined;
    return { ...body, first, value: sign * body.value };
  }

  /** Whether token i is the first on its line. */
  private startsLine(i: number): boolean {
    const start = this.toks[i].start;
    const from = i > 0 ? this.toks[i - 1].end : 0;
    if (i === 0) return /^\s*$/.test(this.text.slice(0, start));
    return this.text.slice(from, start).includes('\n');
  }

  /** Whether token i is the last on its line. */
  private endsLine(i: number): boolean {
    const next = this.toks[i + 1];
    return !next || this.text.slice(this.toks[i].end, next.start).includes('\n');
  }

  private readUnsigned(i: number): NumberMatch | undefined {
    const toks = this.toks;
    const t = toks[i];
    if (t.kind === 'num' && t.fraction) {
      return this.withDivision({ first: i, last: i + 1, value: t.value, fraction: true, wordy: false, scaled: false });
    }
    if (t.kind === 'word' && (t.lower === 'half' || t.lower === 'quarter')) return this.readLeadingFraction(i);
    const first = this.atomAt(i, false);
    if (!first || first.kind === 'and' || first.kind === 'hundred' || first.kind === 'scale' || first.kind === 'dozen' || first.kind === 'abbrev') {
      return undefined;
    }
    const snaps: Snap[] = [];
    let state = step(INIT, first, false);
    if (!state) return undefined;
    snaps.push({ state, atom: first, end: i + 1 });
    let failed: Atom | undefined;
    // a decimal amount and its scale are a whole figure ("13.2 million"): a number word after it starts
    // something else ("13.2 million twenty-foot containers"), never a part of the amount
    const decimalMantissa = first.kind === 'digits' && !Number.isInteger(first.value);
    for (;;) {
      if (decimalMantissa && state.last === 'scale') break;
      const n = this.next(snaps[snaps.length - 1].end - 1);
      if (!n) break;
      const atom = this.atomAt(n.index, state.last === 'digits');
      if (!atom) break;
      if (n.hyphen && !(state.last === 'tens' && atom.kind === 'unit' && atom.value > 0)) break;
      const s = step(state, atom, n.hyphen);
      if (!s) { failed = atom; break; }
      state = s;
      snaps.push({ state, atom, end: n.index + 1 });
    }
    // "3 hundred and 2 hundred" are two numbers: give back the "and 2" that the second multiplier needed
    if (failed && (failed.kind === 'hundred' || failed.kind === 'scale') && snaps.length >= 3 && snaps[snaps.length - 2].atom.kind === 'and') {
      snaps.splice(snaps.length - 2);
    }
    const mixedTail = this.readFractionAfterAnd(snaps);
    if (mixedTail) return this.withDivision(mixedTail);
    while (snaps.length && snaps[snaps.length - 1].atom.kind === 'and') snaps.pop();
    const wordFraction = this.readWordFraction(snaps);
    if (wordFraction) return this.withDivision(wordFraction);
    while (snaps.length && !isComplete(snaps[snaps.length - 1].state)) snaps.pop();
    if (!snaps.length) return undefined;
    const compound = this.readCompoundDenominator(snaps);
    if (compound) return compound;
    const lastSnap = snaps[snaps.length - 1];
    // an ordinal compound ("twenty-first", "twenty first century") is not a cardinal at all
    const after = this.next(lastSnap.end - 1);
    const ordinal = after && toks[after.index].kind === 'word' ? denominatorOf(toks[after.index].lower) : undefined;
    if (ordinal && (after!.hyphen || (!ordinal.plural && lastSnap.atom.kind === 'tens' && ordinal.value < 10))) return undefined;
    const s = lastSnap.state;
    let value = s.total + s.current;
    let end = lastSnap.end;
    const decimal = s.wordy && s.last !== 'digits' ? this.readPointDigits(end - 1) : undefined;
    if (decimal) {
      value += decimal.value;
      end = decimal.end;
    }
    // "2 1/4", "2½": a whole number and a written fraction
    let fraction = false;
    if (snaps.length === 1 && lastSnap.atom.kind === 'digits' && toks[lastSnap.atom.token].plain) {
      const f = toks[end];
      if (f?.kind === 'num' && f.fraction && this.gap(end - 1, end) !== 'break') {
        value += f.value;
        end++;
        fraction = true;
      }
    }
    return this.withDivision({ first: i, last: end, value, fraction, wordy: s.wordy, scaled: s.lastScale > 0 });
  }

  /**
   * A numerator in words over a compound ordinal: "one one hundred fifth" (1/105), "one one hundred and
   * fifth", "three two hundred twentieths": the denominator is a round cardinal, then an ordinal.
   */
  private readCompoundDenominator(snaps: readonly Snap[]): NumberMatch | undefined {
    const toks = this.toks;
    const numerator = snaps[snaps.length - 1].state;
    if (!numerator.wordy || numerator.lastScale > 0) return undefined;
    const n = this.next(snaps[snaps.length - 1].end - 1);
    if (!n || n.hyphen || toks[n.index].kind !== 'word' || !UNITS.has(toks[n.index].lower)) return undefined;
    const round = this.readRound(n.index);
    if (!round) return undefined;
    let k = round.last;
    if (toks[k]?.lower === 'and' && this.gap(k - 1, k) === 'space') k++;
    const ordinal = toks[k] && toks[k].kind === 'word' && this.gap(k - 1, k) === 'space' ? denominatorOf(toks[k].lower) : undefined;
    if (!ordinal || ordinal.value >= 100) return undefined;
    const value = (numerator.total + numerator.current) / (round.value + ordinal.value);
    return { first: snaps[0].atom.token, last: k + 1, value, fraction: true, wordy: true, scaled: false };
  }

  /** "one hundred", "two thousand": a cardinal in words that is a whole number of hundreds or more. */
  private readRound(i: number): { value: number; last: number } | undefined {
    const unit = UNITS.get(this.toks[i].lower);
    const n = this.next(i);
    if (unit === undefined || !n || n.hyphen) return undefined;
    const w = this.toks[n.index].lower;
    const scale = w === 'hundred' ? 100 : SCALES.get(w);
    if (scale === undefined || scale < 100) return undefined;
    return { value: unit * scale, last: n.index + 1 };
  }

  /**
   * "two and fifty-four hundredths": a whole number in words, "and", then a fraction in words whose
   * numerator the cardinal grammar could not continue with (a tens word after "two and").
   */
  private readFractionAfterAnd(snaps: readonly Snap[]): NumberMatch | undefined {
    const k = snaps.length;
    if (k < 2 || snaps[k - 1].atom.kind !== 'and') return undefined;
    const whole = snaps[k - 2].state;
    if (!whole.wordy || !isComplete(whole) || whole.lastScale > 0) return undefined;
    const n = this.next(snaps[k - 1].atom.token);
    if (!n || n.hyphen || this.toks[n.index].kind !== 'word' || !this.startsNumber(n.index)) return undefined;
    const part = this.readUnsigned(n.index);
    if (!part || !part.fraction || !part.wordy || part.scaled || part.value <= 0 || part.value >= 1) return undefined;
    return { first: snaps[0].atom.token, last: part.last, value: whole.total + whole.current + part.value, fraction: true, wordy: true, scaled: false };
  }

  /** "half a dozen", "half million", "quarter million", and "half" alone (not "the first half"). */
  private readLeadingFraction(i: number): NumberMatch | undefined {
    const toks = this.toks;
    const isHalf = toks[i].lower === 'half';
    if (toks[i + 1]?.text === '-' && this.gap(i, i + 1) === 'glued') return undefined; // half-hour, quarter-final
    // "first-half profit", "second-quarter sales", "the first half": a period, not a fraction
    const before = toks[i - 1]?.text === '-' && i >= 2 && this.gap(i - 1, i) === 'glued' && this.gap(i - 2, i - 1) === 'glued' ? toks[i - 2] : toks[i - 1];
    if (before && PERIOD_ORDINALS.has(before.lower) && (before === toks[i - 2] || this.gap(i - 1, i) === 'space')) return undefined;
    const n = this.next(i);
    if (isHalf && n && toks[n.index].lower === 'a') {
      const m = this.next(n.index);
      if (m && DOZENS.has(toks[m.index].lower)) return { first: i, last: m.index + 1, value: 6, fraction: false, wordy: true, scaled: false };
      // "half a million people"
      const scaleAfterA = m ? SCALES.get(toks[m.index].lower) : undefined;
      if (m && !m.hyphen && scaleAfterA !== undefined) return { first: i, last: m.index + 1, value: 0.5 * scaleAfterA, fraction: false, wordy: true, scaled: true };
    }
    const scale = n ? SCALES.get(toks[n.index].lower) : undefined;
    if (n && scale !== undefined) {
      return { first: i, last: n.index + 1, value: (isHalf ? 0.5 : 0.25) * scale, fraction: false, wordy: true, scaled: true };
    }
    if (!isHalf) return undefined;
    return { first: i, last: i + 1, value: 0.5, fraction: true, wordy: true, scaled: false };
  }

  /**
   * A fraction in words over the cardinal just read: "two thirds", "a hundred trillionths", "three
   * twenty-firsts" (the tens belong to the denominator), "one hundred and three quarters" (a mixed number:
   * a single digit after "and" is the numerator), "five and a half million".
   */
  private readWordFraction(snaps: Snap[]): NumberMatch | undefined {
    if (!snaps.length) return undefined;
    const toks = this.toks;
    const lastSnap = snaps[snaps.length - 1];
    let n = this.next(lastSnap.end - 1);
    if (!n || toks[n.index].kind !== 'word') return undefined;
    // a compound denominator after the numerator: "one twenty-fifth", "three twenty firsts"
    let compoundTens = 0;
    const tensAhead = TENS.get(toks[n.index].lower);
    if (tensAhead !== undefined && !n.hyphen) {
      const o = this.next(n.index);
      const od = o && toks[o.index].kind === 'word' ? denominatorOf(toks[o.index].lower) : undefined;
      if (!o || !od || od.value >= 10) return undefined;
      compoundTens = tensAhead;
      n = o;
    }
    const d = denominatorOf(toks[n.index].lower);
    if (!d) return undefined;
    let numeratorSnaps = snaps;
    let denominator = d.value + compoundTens;
    const lastAtom = lastSnap.atom;
    if (!compoundTens && d.value < 10 && lastAtom.kind === 'tens' && (n.hyphen || (snaps.length >= 2 && snaps[snaps.length - 2].atom.kind !== 'and'))) {
      numeratorSnaps = snaps.slice(0, -1);
      denominator = lastAtom.value + d.value;
      if (!numeratorSnaps.length) return undefined;
    } else if (d.compoundOnly && !compoundTens) {
      return undefined;
    }
    const k = numeratorSnaps.length;
    const num = numeratorSnaps[k - 1].state;
    if (!num.wordy || !(isComplete(num) || num.last === 'a' || num.last === 'pending')) return undefined;
    const mixedPart = mixedNumerator(numeratorSnaps, denominator);
    const mixed = mixedPart !== undefined;
    const numerator = mixedPart ?? num.total + num.current;
    let end = n.index + 1;
    const following = this.next(n.index);
    const followingScale = following && !following.hyphen ? SCALES.get(toks[following.index].lower) : undefined;
    if (!d.plural && !mixed) {
      if (numerator !== 1) return undefined;
      const w = following ? toks[following.index] : undefined;
      // "a third of", "a quarter since 2019": a word that can follow a share, not a noun an ordinal would count ("a third term")
      const closes = !w || w.kind !== 'word' || followingScale !== undefined || SHARE_CLOSERS.test(w.lower);
      if (!closes) return undefined;
    }
    // a mixed number: "X and <digit> <denominator>"
    let value: number;
    if (mixed) {
      const whole = numeratorSnaps[lastAndIndex(numeratorSnaps) - 1].state;
      const part = numerator / denominator;
      const wholeValue = whole.total + whole.current;
      if (followingScale !== undefined && !(whole.lastScale > followingScale)) {
        value = (wholeValue + part) * followingScale;
        end = following!.index + 1;
      } else if (followingScale !== undefined) {
        value = wholeValue + part * followingScale;
        end = following!.index + 1;
      } else {
        value = wholeValue + (whole.last === 'scale' && whole.lastScale >= 1e3 ? part * whole.lastScale : part);
      }
    } else {
      value = numerator / denominator;
      if (followingScale !== undefined) {
        value *= followingScale;
        end = following!.index + 1;
      } else if (following && toks[following.index].lower === 'of') {
        // "two thirds of a million"
        const a = this.next(following.index);
        const sc = a && toks[a.index].lower === 'a' ? this.next(a.index) : undefined;
        const scale = sc && !sc.hyphen ? SCALES.get(toks[sc.index].lower) : undefined;
        if (scale !== undefined) {
          value *= scale;
          end = sc!.index + 1;
          return { first: snaps[0].atom.token, last: end, value, fraction: false, wordy: true, scaled: true };
        }
      }
    }
    return { first: snaps[0].atom.token, last: end, value, fraction: followingScale === undefined, wordy: true, scaled: followingScale !== undefined };
  }

  /** "point zero three", "point seventy-one": digits read one word at a time. */
  private readPointDigits(prev: number): { value: number; end: number } | undefined {
    const p = this.next(prev);
    if (!p || p.hyphen || this.toks[p.index].lower !== 'point') return undefined;
    let digits = '';
    let at = p.index;
    for (;;) {
      const n = this.next(at);
      if (!n) break;
      const w = this.toks[n.index].lower;
      const unit = UNITS.get(w);
      const teen = TEENS.get(w);
      const tens = TENS.get(w);
      if (unit !== undefined && !n.hyphen) digits += String(unit);
      else if (teen !== undefined && !n.hyphen) digits += String(teen);
      else if (tens !== undefined && !n.hyphen) {
        const u = this.next(n.index);
        const uv = u ? UNITS.get(this.toks[u.index].lower) : undefined;
        if (u && uv !== undefined && uv > 0) {
          digits += String(tens + uv);
          at = u.index;
          continue;
        }
        digits += String(tens / 10);
      } else break;
      at = n.index;
    }
    if (!digits) return undefined;
    return { value: Number('0.' + digits), end: at + 1 };
  }

  /** "one over three", "2000 over 3", "one out of three", "one in five", "one-in-three": only where nothing follows the divisor. */
  private withDivision(m: NumberMatch): NumberMatch {
    const toks = this.toks;
    const op = this.next(m.last - 1);
    if (!op || toks[op.index].kind !== 'word') return m;
    let divisorStart: number;
    const w = toks[op.index].lower;
    // "a one-in-three chance": only the rate may be written with hyphens, and then on both sides of "in"
    if (op.hyphen && w !== 'in') return m;
    if (w === 'over') {
      const n = this.next(op.index);
      if (!n || n.hyphen) return m;
      divisorStart = n.index;
    } else if (w === 'out' && toks[op.index + 1]?.lower === 'of' && this.gap(op.index, op.index + 1) === 'space') {
      const n = this.next(op.index + 1);
      if (!n || n.hyphen) return m;
      divisorStart = n.index;
    } else if (w === 'in' && !m.fraction && Number.isInteger(m.value) && m.value >= 1 && m.value < RATE_MAX_DIVISOR) {
      // "1 in twenty-one", "one in five", "nine in 10": a rate
      const n = this.next(op.index);
      if (!n || n.hyphen !== op.hyphen) return m;
      divisorStart = n.index;
    } else {
      return m;
    }
    if (!this.startsNumber(divisorStart) || toks[divisorStart].lower === 'a') return m;
    let divisor = this.readUnsigned(divisorStart);
    if (!divisor || divisor.fraction || divisor.value === 0) return m;
    // "two out of five hundreds": a plural multiplier after the divisor
    const plural = toks[divisor.last];
    const times = plural && this.gap(divisor.last - 1, divisor.last) === 'space' ? PLURAL_MULTIPLIERS.get(plural.lower) : undefined;
    if (times && w === 'out') divisor = { ...divisor, value: divisor.value * times, last: divisor.last + 1 };
    const after = toks[divisor.last];
    // "X over Y" reads as a division only when nothing follows ("won 3 over 2 years" is not one)
    const open = after && (after.kind === 'word' || after.kind === 'num') && this.gap(divisor.last - 1, divisor.last) !== 'break';
    if (w === 'over' && open) return m;
    if (w !== 'over' && m.value >= divisor.value) return m;
    // "nine in 10 trains" is a rate, but "scored 2 in 10 minutes" and "3 in 2026" are not: a numerator above one
    // needs a small whole divisor that no unit of time follows
    if (w === 'in' && m.value > 1 && (divisor.value > RATE_MAX_DIVISOR || !Number.isInteger(divisor.value) ||
      (after?.kind === 'word' && RATE_TIME_UNIT.test(after.lower)))) return m;
    return { first: m.first, last: divisor.last, value: m.value / divisor.value, fraction: true, wordy: m.wordy || divisor.wordy, scaled: false };
  }
}

/** Words after "a third", "a quarter" that leave it a share: prepositions and conjunctions, never a noun. */
const SHARE_CLOSERS = /^(?:of|and|or|to|than|in|since|from|at|by|for|over|after|before|compared|as|when|while|amid|despite|during|within|until|between|on|last|this)$/;

/** The largest divisor of a rate written "nine in 10", "three in four". */
const RATE_MAX_DIVISOR = 100;
const RATE_TIME_UNIT = /^(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|games?|matches|races?|attempts?|tries|innings|overs?)$/;

function lastAndIndex(snaps: readonly Snap[]): number {
  for (let j = snaps.length - 1; j >= 0; j--) if (snaps[j].atom.kind === 'and') return j;
  return -1;
}

/**
 * The numerator of a mixed number "X and <numerator> <denominator>": "three and a half", "one hundred and
 * three quarters", "two hundred and fifty-four hundredths" (200.54: the part after "and" is below the
 * denominator, so it is the fraction, as on a cheque). Undefined when the number is not mixed.
 */
function mixedNumerator(snaps: readonly Snap[], denominator: number): number | undefined {
  const k = snaps.length;
  const j = lastAndIndex(snaps);
  if (j < 1 || j > k - 2) return undefined;
  const after = snaps.slice(j + 1);
  if (after.length === 1) {
    const atom = after[0].atom;
    return atom.kind === 'a' || (atom.kind === 'unit' && atom.value > 0) ? atom.value : undefined;
  }
  if (!after.every((x) => x.atom.kind === 'unit' || x.atom.kind === 'teen' || x.atom.kind === 'tens')) return undefined;
  const at = snaps[j].state;
  const end = snaps[k - 1].state;
  const part = end.total + end.current - (at.total + at.current);
  return part > 0 && part < denominator ? part : undefined;
}

function isComplete(s: State): boolean {
  return s.last !== 'init' && s.last !== 'a' && s.last !== 'pending' && !s.afterAnd;
}

/** One step of the cardinal grammar, or null where the atom cannot continue the number. */
function step(s: State, atom: Atom, hyphen: boolean): State | null {
  const L = s.last;
  if (L === 'sealed' || L === 'zero' || L === 'pending') return null;
  if (atom.kind === 'and') {
    if (hyphen || L === 'init' || L === 'a' || s.afterAnd || L === 'digits' && s.lastScale === 0 && !s.hasHundred) return null;
    return { ...s, afterAnd: true };
  }
  const wordy = s.wordy || atom.kind !== 'digits';
  const base = { ...s, afterAnd: false, wordy };
  switch (atom.kind) {
    case 'a':
      if (s.afterAnd) return { ...base, last: 'pending' };
      return L === 'init' ? { ...base, current: 1, last: 'a', lastSmall: 1 } : null;
    case 'unit':
      if (atom.value === 0) return L === 'init' ? { ...base, last: 'zero' } : null;
      // "three and one fourth": a numerator that only a following denominator can complete
      if (s.afterAnd && !(L === 'hundred' || L === 'scale' || L === 'tens')) return { ...base, last: 'pending' };
      if (!(L === 'init' || L === 'hundred' || L === 'scale' || L === 'tens')) return null;
      return { ...base, current: s.current + atom.value, last: 'unit', lastSmall: L === 'tens' ? s.lastSmall + atom.value : atom.value };
    case 'teen':
    case 'tens':
      if (!(L === 'init' || L === 'hundred' || L === 'scale')) return null;
      return { ...base, current: s.current + atom.value, last: atom.kind, lastSmall: atom.value };
    case 'hundred': {
      if (s.afterAnd || s.hasHundred || s.current <= 0) return null;
      // "2.12 hundred" scales like "2.12 million", but only as the whole number ("1,000 hundred" is not one)
      const ok = L === 'digits' ? (Number.isInteger(s.current) ? s.current < 1000 : s.total === 0 && s.current < 100) : (L === 'unit' || L === 'teen' || L === 'tens' || L === 'a') && s.current < 100;
      if (!ok) return null;
      return { ...base, current: s.current * 100, last: 'hundred', hasHundred: true };
    }
    case 'scale':
      if (s.afterAnd) return null;
      if (L === 'scale' && s.current === 0 && atom.value > s.lastScale) {
        return { ...base, total: s.total * atom.value, last: 'scale', lastScale: atom.value };
      }
      if (L === 'init' || L === 'scale' || s.current <= 0 || (s.lastScale > 0 && atom.value >= s.lastScale)) return null;
      return { ...base, total: s.total + s.current * atom.value, current: 0, last: 'scale', lastScale: atom.value, hasHundred: false };
    case 'abbrev':
      if (L !== 'digits' || s.total !== 0) return null;
      return { ...base, wordy: s.wordy, current: s.current * atom.value, last: 'sealed', lastScale: atom.value };
    case 'digits':
      if (L === 'init') return { ...base, current: atom.value, last: 'digits', lastSmall: atom.value };
      // "4 thousand 3 hundred and 21"; but "$33 billion and 5 tanks" is two figures, so no digits after "scale and"
      if ((L === 'hundred' || (L === 'scale' && !s.afterAnd)) && Number.isInteger(atom.value) && atom.value > 0 &&
        atom.value < (L === 'hundred' ? 100 : s.lastScale)) {
        return { ...base, current: s.current + atom.value, last: 'digits', lastSmall: atom.value };
      }
      return null;
    case 'dozen':
      if (!(L === 'unit' || L === 'teen' || L === 'tens' || L === 'digits' || L === 'a')) return null;
      return { ...base, current: s.current - s.lastSmall + s.lastSmall * 12, last: 'sealed' };
  }
}
