import { hashStep, mix } from './hash';

/**
 * Word-level knowledge shipped inside the model: how often a word is capitalised mid-sentence in the
 * training text, and gazetteer entries (token sequences with type flags) built from data packages at
 * training time. Keys are hashes of lower-cased tokens, so lookups need no strings.
 */
export interface Lexicon {
  /** lower-case word hash → capitalisation bucket (1..7); absent when the word was not seen. */
  capRatio: ByteLookup;
  /** hash of a lower-cased token sequence → bit set of GAZ_* flags. */
  gazetteer: ByteLookup;
  /** The longest gazetteer entry, in tokens. */
  gazetteerMaxTokens: number;
  /** lower-case word hash → word cluster (1..n) learned from unlabeled text; absent in older models. */
  clusters?: ByteLookup;
  /** coarse cluster of each fine cluster (index 0 = unknown word). */
  coarseClusters?: Uint8Array;
  /** Whether the model was trained with the document-context features (features.ts); off in older models. */
  contextFeatures?: boolean;
}

/**
 * A read-only map from a 32-bit hash to a value 1..255, as the tagger uses it. Training builds plain
 * Maps; a loaded model uses ByteTable, which is built from the model's arrays without a Map's cost.
 */
export interface ByteLookup {
  get(key: number): number | undefined;
  readonly size: number;
  keys(): Iterable<number>;
  values(): Iterable<number>;
}

/** Open-addressing table over typed arrays; values are never 0 (0 marks an empty slot). */
export class ByteTable implements ByteLookup {
  private readonly slotKeys: Int32Array;
  private readonly slotValues: Uint8Array;
  private readonly mask: number;

  constructor(private readonly keyList: Int32Array, private readonly valueList: Uint8Array) {
    let capacity = 16;
    while (capacity < keyList.length * 2) capacity *= 2;
    this.slotKeys = new Int32Array(capacity);
    this.slotValues = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (let k = 0; k < keyList.length; k++) {
      if (valueList[k] === 0) throw new Error('ByteTable values must be 1..255.');
      let slot = (keyList[k] ^ (keyList[k] >>> 16)) & this.mask;
      while (this.slotValues[slot] !== 0 && this.slotKeys[slot] !== keyList[k]) slot = (slot + 1) & this.mask;
      this.slotKeys[slot] = keyList[k];
      this.slotValues[slot] = valueList[k];
    }
  }

  get size(): number {
    return this.keyList.length;
  }

  get(key: number): number | undefined {
    let slot = (key ^ (key >>> 16)) & this.mask;
    for (;;) {
      const v = this.slotValues[slot];
      if (v === 0) return undefined;
      if (this.slotKeys[slot] === key) return v;
      slot = (slot + 1) & this.mask;
    }
  }

  keys(): Iterable<number> {
    return this.keyList;
  }

  values(): Iterable<number> {
    return this.valueList;
  }
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
