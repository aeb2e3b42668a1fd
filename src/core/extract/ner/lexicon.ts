import { hashStep, mix } from './hash';

/**
 * Word-level knowledge shipped inside the model: how often a word is capitalised mid-sentence in the
 * training text, and gazetteer entries (token sequences with type flags) built from data packages at
 * training time. Keys are hashes of lower-cased tokens, so lookups need no strings.
 */
export interface Lexicon {
  /** lower-case word hash → capitalisation bucket (1..5); absent when the word was not seen. */
  capRatio: Map<number, number>;
  /** hash of a lower-cased token sequence → bit set of GAZ_* flags. */
  gazetteer: Map<number, number>;
  /** The longest gazetteer entry, in tokens. */
  gazetteerMaxTokens: number;
  /** lower-case word hash → word cluster (1..n) learned from unlabeled text; absent in older models. */
  clusters?: Map<number, number>;
  /** coarse cluster of each fine cluster (index 0 = unknown word). */
  coarseClusters?: Uint8Array;
}

export const GAZ_COUNTRY = 1;
export const GAZ_CITY = 2;
export const GAZ_DEMONYM = 4;
export const GAZ_REGION = 8;
/** A first name (English first-name lists). */
export const GAZ_FIRST_NAME = 16;
/** A person named in WordNet (its instance nouns under noun.person). */
export const GAZ_PERSON = 32;
/** An organization: WordNet instance nouns under noun.group, company-name lists. */
export const GAZ_ORG = 64;
/** A place named in WordNet (instance nouns under noun.location). */
export const GAZ_LOCATION = 128;

export function emptyLexicon(): Lexicon {
  return { capRatio: new Map(), gazetteer: new Map(), gazetteerMaxTokens: 0 };
}

const LOWER_SEED = 0x2f1a3c5d;

/** Hash of a token's lower-cased text; ASCII folds inline, other letters through toLowerCase. */
export function lowerHash(text: string, start: number, end: number): number {
  let h = LOWER_SEED;
  for (let k = start; k < end; k++) h = hashStep(h, foldCase(text.charCodeAt(k)));
  return h;
}

export function foldCase(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 128) return code;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** Chains lower-cased token hashes into a sequence key, the same way at training time and inference. */
export function sequenceKey(previous: number, tokenLowerHash: number): number {
  return mix(previous, tokenLowerHash);
}

export const SEQUENCE_SEED = 0x5bd1e995;

/** Maps (capitalised, lower-case) mid-sentence counts to a bucket; 0 means no evidence. */
export function capBucket(capitalised: number, lower: number): number {
  const total = capitalised + lower;
  if (total === 0) return 0;
  const ratio = capitalised / total;
  if (ratio === 1) return total >= 3 ? 1 : 2;
  if (ratio >= 0.7) return 3;
  if (ratio >= 0.3) return 4;
  if (ratio > 0) return 5;
  return total >= 3 ? 6 : 7;
}
