import type { Sentence, Token } from '../../text/tokenize';
import { hashRange, hashStep, mix, mix3 } from './hash';
import { Lexicon, SEQUENCE_SEED, foldCase, lowerHash, sequenceKey } from './lexicon';
import type { DocumentKeys } from './nonLocal';

/**
 * Turns a tokenized document into feature hashes: a fixed number of slots per token
 * (FEATURE_SLOTS), 0 where a template does not apply. The same code runs at training time and at
 * inference, so the two can never drift apart.
 */

const enum CaseClass { Lower = 1, InitCap = 2, AllCaps = 3, Digit = 4, Other = 5 }
/** Whole-sentence casing: headlines are title-cased or all capitals, which makes capitals uninformative. */
const enum LineCase { Normal = 1, Title = 2, Caps = 3 }

const PREFIX_SEED = 0x1234567;
const SUFFIX_SEED = 0x7654321;
const SHAPE_SEED = 0x3355aa;
const WORD_SEED = 0x51ed27;
const BOUNDARY_BEFORE = 0x6b43a9b5;
const BOUNDARY_AFTER = 0x3c6ef372;

let templateCounter = 0;
const tpl = (): number => Math.imul(++templateCounter, 0x27d4eb2d) | 0;
const T = {
  bias: tpl(), word: tpl(), lower: tpl(), shape: tpl(),
  p1: tpl(), p2: tpl(), p3: tpl(), p4: tpl(), s1: tpl(), s2: tpl(), s3: tpl(), s4: tpl(),
  lowerM1: tpl(), lowerP1: tpl(), lowerM2: tpl(), lowerP2: tpl(),
  shapeM1: tpl(), shapeP1: tpl(), shapeM2: tpl(), shapeP2: tpl(),
  bigramM1: tpl(), bigramP1: tpl(), shapeBiM1: tpl(), shapeBiP1: tpl(), shapeTri: tpl(),
  firstShape: tpl(), lineShape: tpl(), lineLower: tpl(), capRatio: tpl(), docCase: tpl(),
  gaz: tpl(), gazM1: tpl(), gazP1: tpl(), lowerM1Shape: tpl(), shapeLowerP1: tpl(),
  suffixM1: tpl(), suffixP1: tpl(), gazLine: tpl(),
  cluster: tpl(), clusterCoarse: tpl(), clusterM1: tpl(), clusterP1: tpl(), clusterLine: tpl(),
  aggPrev: tpl(), aggNext: tpl(),
};
/** one slot per template, and a second one each for the neighbours of a second other occurrence (aggPrev, aggNext) */
export const FEATURE_SLOTS = Object.keys(T).length + 2;
/**
 * With word clusters in the model (their five slots follow slot 37), the slots that read nothing but one
 * word: the token's own (the first 12, its cluster and coarse cluster) and each neighbour's
 * (lower case, shape, 3-letter suffix, cluster of the word before, after, two before, two after, or the
 * sentence boundary in its place). Their positions follow the order writeTokenFeatures writes them in;
 * the tagger adds up their weights once per word (NameTagger.emissions).
 */
export const ONE_WORD_SLOTS = {
  own: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 38, 39],
  before: [12, 16, 35, 40],
  after: [13, 17, 36, 41],
  twoBefore: [14, 18],
  twoAfter: [15, 19],
} as const;

/**
 * With word clusters in the model, the slots that read nothing but the token's own word and three marks of
 * where it stands (see `placeCode`): its line's case, whether it opens its sentence, and how the word is
 * written elsewhere in the document. The tagger adds up their weights once per word and place.
 */
export const WORD_IN_PLACE_SLOTS = [25, 26, 27, 28, 29, 42] as const;

/** Per-token values computed once and shared by all templates. */
interface TokenValues {
  word: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  prefix: Int32Array; // 4 per token
  suffix: Int32Array; // 4 per token
  caseClass: Uint8Array;
  gaz: Int32Array;
  lineCase: Uint8Array;
  first: Uint8Array;
  docCase: Uint8Array;
  /** word cluster, 0 when unknown or the model has none */
  cluster: Uint8Array;
  /** up to two other capitalised occurrences of the same word in the document (token index, -1 = none) */
  other1: Int32Array;
  other2: Int32Array;
}

/**
 * What a caller that tags many documents with one lexicon keeps between them (see NameTagger): each word's
 * own values, and which parts of each token's one-word slots it will not read.
 */
export interface FeatureReuse {
  words: WordValues;
  /** Each token's row in `words`. */
  rows: Int32Array;
  /**
   * Per token, bit p set: the caller already holds the summed weights of one-word part p for this token
   * (bit 0 its own word, then the word before, after, two before, two after it, as in ONE_WORD_SLOTS), so
   * those slots are left 0 instead of computed.
   */
  skip?: Uint8Array;
  /** When given, filled with each token's place (see WORD_IN_PLACE_SLOTS): a number below 64. */
  place?: Uint8Array;
}

export function extractFeatures(
  text: string, tokens: Token[], sentences: Sentence[], lexicon: Lexicon, keys?: DocumentKeys, reuse?: FeatureReuse,
): Int32Array {
  const values = tokenValues(text, tokens, sentences, lexicon, reuse);
  if (keys) {
    keys.lower = values.lower;
    keys.lineCase = values.lineCase;
    keys.capitalised = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const c = values.caseClass[i];
      if (c === CaseClass.InitCap || c === CaseClass.AllCaps) keys.capitalised[i] = 1;
    }
  }
  const n = tokens.length;
  const out = new Int32Array(n * FEATURE_SLOTS);
  const skip = reuse?.skip;
  const place = reuse?.place;
  if (place) for (let i = 0; i < n; i++) place[i] = placeCode(values, i);
  for (const s of sentences) {
    for (let i = s.first; i < s.last; i++) writeTokenFeatures(values, lexicon, i, s, out, i * FEATURE_SLOTS, skip ? skip[i] : 0);
  }
  return out;
}

/** What the WORD_IN_PLACE_SLOTS read of a token besides its word: line case, sentence start and document case. */
function placeCode(v: TokenValues, i: number): number {
  return (v.docCase[i] * 4 + v.lineCase[i]) * 2 + v.first[i];
}

/** The values of one word that tokenValues computes from its characters, in this order in a WordValues row. */
const enum WV { Word, Lower, Shape, CaseClass, Cluster, Prefix, Suffix = Prefix + 4, Width = Suffix + 4 }

/**
 * Each distinct word's values (hashes of the word, its lower case, shape, prefixes and suffixes; its case
 * class and cluster), kept across documents for one lexicon: news vocabulary is Zipfian, so most tokens are
 * words seen before, and reading a row costs less than hashing the token's characters five ways. The caller
 * gives each word its row (NameTagger: the row of the word's summed weights, found once for both) and keeps a
 * flag per row that says the row holds its word's values: it clears the flag when it gives the row to another word.
 */
export class WordValues {
  readonly values: Int32Array;

  constructor(readonly lexicon: Lexicon, rows: number, readonly flags: Uint8Array, readonly flag: number) {
    this.values = new Int32Array(rows * WV.Width);
  }

  /** Where the values of row `row` start, computed from the token `t` of `text` when the row has none. */
  at(row: number, text: string, t: Token): number {
    const at = row * WV.Width;
    if (this.flags[row] & this.flag) return at;
    this.flags[row] |= this.flag;
    const v = this.values;
    v.fill(0, at, at + WV.Width);
    v[at + WV.Word] = hashRange(text, t.start, t.end, WORD_SEED);
    const lower = lowerHash(text, t.start, t.end);
    v[at + WV.Lower] = lower;
    v[at + WV.Shape] = shapeHash(text, t.start, t.end);
    v[at + WV.CaseClass] = caseClass(text, t.start, t.end);
    const clusters = this.lexicon.clusters;
    if (clusters) v[at + WV.Cluster] = clusters.get(lower) ?? 0;
    affixHashes(text, t, v, at + WV.Prefix, v, at + WV.Suffix);
    return at;
  }
}

/** The hashes of the first and last 1..4 characters of a token, case folded; slots past its length stay 0. */
function affixHashes(text: string, t: Token, prefix: Int32Array, p0: number, suffix: Int32Array, s0: number): void {
  let p = PREFIX_SEED;
  let s = SUFFIX_SEED;
  const len = t.end - t.start;
  for (let k = 0; k < 4; k++) {
    if (k < len) {
      p = hashStep(p, foldCase(text.charCodeAt(t.start + k)));
      s = hashStep(s, foldCase(text.charCodeAt(t.end - 1 - k)));
      prefix[p0 + k] = p;
      suffix[s0 + k] = s;
    }
  }
}

function tokenValues(text: string, tokens: Token[], sentences: Sentence[], lexicon: Lexicon, reuse?: FeatureReuse): TokenValues {
  const n = tokens.length;
  const v: TokenValues = {
    word: new Int32Array(n), lower: new Int32Array(n), shape: new Int32Array(n),
    prefix: new Int32Array(n * 4), suffix: new Int32Array(n * 4), caseClass: new Uint8Array(n),
    gaz: new Int32Array(n), lineCase: new Uint8Array(n), first: new Uint8Array(n), docCase: new Uint8Array(n),
    cluster: new Uint8Array(n),
    other1: new Int32Array(lexicon.contextFeatures ? n : 0).fill(-1), other2: new Int32Array(lexicon.contextFeatures ? n : 0).fill(-1),
  };
  const clusters = lexicon.clusters;
  if (reuse && reuse.words.lexicon === lexicon) {
    const { words, rows } = reuse;
    const w = words.values;
    for (let i = 0; i < n; i++) {
      const at = words.at(rows[i], text, tokens[i]);
      v.word[i] = w[at + WV.Word];
      v.lower[i] = w[at + WV.Lower];
      v.shape[i] = w[at + WV.Shape];
      v.caseClass[i] = w[at + WV.CaseClass];
      v.cluster[i] = w[at + WV.Cluster];
      for (let k = 0; k < 4; k++) {
        v.prefix[i * 4 + k] = w[at + WV.Prefix + k];
        v.suffix[i * 4 + k] = w[at + WV.Suffix + k];
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      v.word[i] = hashRange(text, t.start, t.end, WORD_SEED);
      v.lower[i] = lowerHash(text, t.start, t.end);
      v.shape[i] = shapeHash(text, t.start, t.end);
      v.caseClass[i] = caseClass(text, t.start, t.end);
      if (clusters) v.cluster[i] = clusters.get(v.lower[i]) ?? 0;
      affixHashes(text, t, v.prefix, i * 4, v.suffix, i * 4);
    }
  }
  for (const s of sentences) {
    const lc = lineCase(v.caseClass, tokens, s);
    for (let i = s.first; i < s.last; i++) v.lineCase[i] = lc;
    v.first[s.first] = 1;
  }
  markGazetteer(v, lexicon, n);
  markDocumentCase(v, n);
  if (lexicon.contextFeatures) markOtherOccurrences(v, n);
  return v;
}

/**
 * For each capitalised token, the first two other capitalised occurrences of the same word in the
 * document, preferring lines in ordinary case: their neighbours are evidence for this mention too
 * ("giant Pirelli", "Pirelli shares", "Pirelli SpA" all say what a bare "Pirelli" in a headline is).
 */
function markOtherOccurrences(v: TokenValues, n: number): void {
  const normal = new Map<number, number[]>();
  const any = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = v.caseClass[i];
    if (c !== CaseClass.InitCap && c !== CaseClass.AllCaps) continue;
    const m = v.lineCase[i] === LineCase.Normal ? normal : any;
    const list = m.get(v.lower[i]);
    if (!list) m.set(v.lower[i], [i]);
    else if (list.length < 3) list.push(i);
  }
  for (let i = 0; i < n; i++) {
    const c = v.caseClass[i];
    if (c !== CaseClass.InitCap && c !== CaseClass.AllCaps) continue;
    let found = 0;
    for (const list of [normal.get(v.lower[i]), any.get(v.lower[i])]) {
      if (!list) continue;
      for (const j of list) {
        if (j === i || found === 2) continue;
        if (found === 0) v.other1[i] = j; else v.other2[i] = j;
        found++;
      }
    }
  }
}

function markGazetteer(v: TokenValues, lexicon: Lexicon, n: number): void {
  const maxLen = lexicon.gazetteerMaxTokens;
  if (maxLen === 0) return;
  for (let i = 0; i < n; i++) {
    if (v.caseClass[i] !== CaseClass.InitCap && v.caseClass[i] !== CaseClass.AllCaps) continue;
    let key = SEQUENCE_SEED;
    for (let len = 1; len <= maxLen && i + len <= n; len++) {
      key = sequenceKey(key, v.lower[i + len - 1]);
      const flags = lexicon.gazetteer.get(key);
      if (flags === undefined) continue;
      // flags in the low byte mark the first token, shifted by 8 the following ones
      v.gaz[i] |= flags;
      for (let k = i + 1; k < i + len; k++) v.gaz[k] |= flags << 8;
    }
  }
}

/**
 * Document-level casing evidence: a word capitalised mid-sentence elsewhere in the document is likely
 * a name even where a headline or a sentence start hides its case.
 */
function markDocumentCase(v: TokenValues, n: number): void {
  // per lower-case word hash, the bits seen (0 = an empty slot): an open-addressing table over typed arrays
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Int32Array(capacity);
  const seen = new Uint8Array(capacity);
  const slotOf = (key: number): number => {
    let slot = (key ^ (key >>> 16)) & mask;
    while (seen[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  };
  for (let i = 0; i < n; i++) {
    if (v.first[i] || v.lineCase[i] !== LineCase.Normal) continue;
    const c = v.caseClass[i];
    const bit = c === CaseClass.InitCap || c === CaseClass.AllCaps ? 1 : c === CaseClass.Lower ? 2 : 0;
    if (!bit) continue;
    const slot = slotOf(v.lower[i]);
    keys[slot] = v.lower[i];
    seen[slot] |= bit;
  }
  for (let i = 0; i < n; i++) v.docCase[i] = seen[slotOf(v.lower[i])] + 1;
}

/** `skip`: bits of the one-word parts (see FeatureReuse) whose slots stay 0. */
function writeTokenFeatures(v: TokenValues, lexicon: Lexicon, i: number, s: Sentence, out: Int32Array, o: number, skip: number): void {
  const lower0 = v.lower[i];
  const shape0 = v.shape[i];
  const lowerM1 = i - 1 >= s.first ? v.lower[i - 1] : BOUNDARY_BEFORE;
  const lowerM2 = i - 2 >= s.first ? v.lower[i - 2] : BOUNDARY_BEFORE;
  const lowerP1 = i + 1 < s.last ? v.lower[i + 1] : BOUNDARY_AFTER;
  const lowerP2 = i + 2 < s.last ? v.lower[i + 2] : BOUNDARY_AFTER;
  const shapeM1 = i - 1 >= s.first ? v.shape[i - 1] : BOUNDARY_BEFORE;
  const shapeM2 = i - 2 >= s.first ? v.shape[i - 2] : BOUNDARY_BEFORE;
  const shapeP1 = i + 1 < s.last ? v.shape[i + 1] : BOUNDARY_AFTER;
  const shapeP2 = i + 2 < s.last ? v.shape[i + 2] : BOUNDARY_AFTER;
  const line = v.lineCase[i];
  const first = v.first[i];
  const cc = v.caseClass[i];
  const own = (skip & 1) === 0;
  const before = (skip & 2) === 0;
  const after = (skip & 4) === 0;
  let k = o;
  // the first 12 slots read the token's own text only (ONE_WORD_SLOTS.own)
  if (own) writeOwnFeatures(v, i, out, k);
  k += 12;
  // from here on, the token's neighbours, line and document count too
  out[k++] = before ? mix(T.lowerM1, lowerM1) : 0;
  out[k++] = after ? mix(T.lowerP1, lowerP1) : 0;
  out[k++] = (skip & 8) === 0 ? mix(T.lowerM2, lowerM2) : 0;
  out[k++] = (skip & 16) === 0 ? mix(T.lowerP2, lowerP2) : 0;
  out[k++] = before ? mix(T.shapeM1, shapeM1) : 0;
  out[k++] = after ? mix(T.shapeP1, shapeP1) : 0;
  out[k++] = (skip & 8) === 0 ? mix(T.shapeM2, shapeM2) : 0;
  out[k++] = (skip & 16) === 0 ? mix(T.shapeP2, shapeP2) : 0;
  out[k++] = mix3(T.bigramM1, lowerM1, lower0);
  out[k++] = mix3(T.bigramP1, lower0, lowerP1);
  out[k++] = mix3(T.shapeBiM1, shapeM1, shape0);
  out[k++] = mix3(T.shapeBiP1, shape0, shapeP1);
  out[k++] = mix(mix3(T.shapeTri, shapeM1, shape0), shapeP1);
  out[k++] = mix3(T.firstShape, first, shape0);
  out[k++] = mix3(T.lineShape, line, shape0);
  out[k++] = line !== LineCase.Normal ? mix3(T.lineLower, line, lower0) : 0;
  const bucket = lexicon.capRatio.get(lower0) ?? 0;
  out[k++] = mix(T.capRatio, ((bucket * 4 + line) * 2 + first) * 8 + cc);
  out[k++] = mix(T.docCase, ((v.docCase[i] * 4 + line) * 2 + first) * 8 + cc);
  out[k++] = v.gaz[i] ? mix(T.gaz, v.gaz[i]) : 0;
  out[k++] = i - 1 >= s.first && v.gaz[i - 1] ? mix(T.gazM1, v.gaz[i - 1]) : 0;
  out[k++] = i + 1 < s.last && v.gaz[i + 1] ? mix(T.gazP1, v.gaz[i + 1]) : 0;
  out[k++] = mix3(T.lowerM1Shape, lowerM1, shape0);
  out[k++] = mix3(T.shapeLowerP1, shape0, lowerP1);
  out[k++] = before && i - 1 >= s.first && v.suffix[(i - 1) * 4 + 2] ? mix(T.suffixM1, v.suffix[(i - 1) * 4 + 2]) : 0;
  out[k++] = after && i + 1 < s.last && v.suffix[(i + 1) * 4 + 2] ? mix(T.suffixP1, v.suffix[(i + 1) * 4 + 2]) : 0;
  // a gazetteer match means less in a headline, where every word is capitalised
  out[k++] = v.gaz[i] ? mix3(T.gazLine, v.gaz[i], line) : 0;
  if (lexicon.clusters) {
    const c0 = v.cluster[i];
    out[k++] = own && c0 ? mix(T.cluster, c0) : 0;
    out[k++] = own && c0 ? mix(T.clusterCoarse, lexicon.coarseClusters![c0] ?? 0) : 0;
    out[k++] = before ? mix(T.clusterM1, i - 1 >= s.first ? v.cluster[i - 1] : 255) : 0;
    out[k++] = after ? mix(T.clusterP1, i + 1 < s.last ? v.cluster[i + 1] : 255) : 0;
    out[k++] = mix(T.clusterLine, (c0 * 4 + line) * 8 + cc);
  }
  if (!lexicon.contextFeatures) return;
  const j1 = v.other1[i];
  const j2 = v.other2[i];
  out[k++] = j1 >= 0 ? mix(T.aggPrev, neighbour(v, j1, -1)) : 0;
  out[k++] = j1 >= 0 ? mix(T.aggNext, neighbour(v, j1, 1)) : 0;
  out[k++] = j2 >= 0 ? mix(T.aggPrev, neighbour(v, j2, -1)) : 0;
  out[k++] = j2 >= 0 ? mix(T.aggNext, neighbour(v, j2, 1)) : 0;
}

/** The slots that read the token's own text only: ONE_WORD_SLOTS.own but for the cluster's two. */
function writeOwnFeatures(v: TokenValues, i: number, out: Int32Array, k: number): void {
  out[k++] = mix(T.bias, 0);
  out[k++] = mix(T.word, v.word[i]);
  out[k++] = mix(T.lower, v.lower[i]);
  out[k++] = mix(T.shape, v.shape[i]);
  out[k++] = v.prefix[i * 4] ? mix(T.p1, v.prefix[i * 4]) : 0;
  out[k++] = v.prefix[i * 4 + 1] ? mix(T.p2, v.prefix[i * 4 + 1]) : 0;
  out[k++] = v.prefix[i * 4 + 2] ? mix(T.p3, v.prefix[i * 4 + 2]) : 0;
  out[k++] = v.prefix[i * 4 + 3] ? mix(T.p4, v.prefix[i * 4 + 3]) : 0;
  out[k++] = v.suffix[i * 4] ? mix(T.s1, v.suffix[i * 4]) : 0;
  out[k++] = v.suffix[i * 4 + 1] ? mix(T.s2, v.suffix[i * 4 + 1]) : 0;
  out[k++] = v.suffix[i * 4 + 2] ? mix(T.s3, v.suffix[i * 4 + 2]) : 0;
  out[k] = v.suffix[i * 4 + 3] ? mix(T.s4, v.suffix[i * 4 + 3]) : 0;
}

/** The lower-case word next to token j within its sentence, or a boundary marker. */
function neighbour(v: TokenValues, j: number, step: -1 | 1): number {
  const k = j + step;
  if (k < 0 || k >= v.lower.length || (step < 0 ? v.first[j] : v.first[k])) return step < 0 ? BOUNDARY_BEFORE : BOUNDARY_AFTER;
  return v.lower[k];
}

/** Collapsed character classes: "McDonald's" → "XxXx'x", "1996-08-22" → "d-d-d". */
function shapeHash(text: string, start: number, end: number): number {
  let h = SHAPE_SEED;
  let last = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const cls = c >= 48 && c <= 57 ? 100 : isUpper(c) ? 88 : isLower(c) ? 120 : c;
    if (cls !== last) h = hashStep(h, cls);
    last = cls;
  }
  return h;
}

function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

function caseClass(text: string, start: number, end: number): CaseClass {
  const c0 = text.charCodeAt(start);
  if (c0 >= 48 && c0 <= 57) return CaseClass.Digit;
  if (isLower(c0)) return CaseClass.Lower;
  if (!isUpper(c0)) return CaseClass.Other;
  for (let k = start + 1; k < end; k++) if (isLower(text.charCodeAt(k))) return CaseClass.InitCap;
  return end - start > 1 ? CaseClass.AllCaps : CaseClass.InitCap;
}

function lineCase(caseClasses: Uint8Array, tokens: Token[], s: Sentence): LineCase {
  let letters = 0;
  let caps = 0;
  let longWords = 0;
  let titled = 0;
  for (let i = s.first; i < s.last; i++) {
    const c = caseClasses[i];
    if (c !== CaseClass.Lower && c !== CaseClass.InitCap && c !== CaseClass.AllCaps) continue;
    letters++;
    if (c === CaseClass.AllCaps) caps++;
    if (tokens[i].end - tokens[i].start >= 4) {
      longWords++;
      if (c !== CaseClass.Lower) titled++;
    }
  }
  if (letters >= 2 && caps >= 0.8 * letters) return LineCase.Caps;
  if (longWords >= 3 && titled >= 0.8 * longWords) return LineCase.Title;
  return LineCase.Normal;
}

/** Exposed for the capitalisation statistics gathered at training time. */
export function isCapitalisedMidSentence(text: string, t: Token): 0 | 1 | 2 {
  const c = caseClass(text, t.start, t.end);
  return c === CaseClass.InitCap || c === CaseClass.AllCaps ? 1 : c === CaseClass.Lower ? 2 : 0;
}

export function sentenceIsNormalCase(text: string, tokens: Token[], s: Sentence): boolean {
  const classes = new Uint8Array(tokens.length);
  for (let i = s.first; i < s.last; i++) classes[i] = caseClass(text, tokens[i].start, tokens[i].end);
  return lineCase(classes, tokens, s) === LineCase.Normal;
}
