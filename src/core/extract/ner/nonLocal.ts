import { mix } from './hash';
import { SEQUENCE_SEED, sequenceKey } from './lexicon';
import type { TokenSpan } from './spans';

/**
 * Non-local features for a second pass over a document: what the first pass decided for the same word
 * and the same name elsewhere in the document. A story names "Nato" or "Sparta" many times; most mentions
 * sit in clear contexts, and the few in headlines, capitals or lists can follow them. Only the second pass
 * reads these features, so the first pass is the tagger without them.
 */
export const NL_SLOTS = 2;

const NL_WORD = 0x4a3b2c1d;
const NL_SPAN = 0x1d2c3b4a;
const O = 4;

/** Per-token values the feature extractor already computed, reused here. */
export interface DocumentKeys {
  /** hash of the lower-cased token */
  lower: Int32Array;
  /** line casing (1 normal, 2 title-cased, 3 capitals) */
  lineCase: Uint8Array;
  /** 1 where the token starts with a capital */
  capitalised: Uint8Array;
}

export function emptyKeys(): DocumentKeys {
  return { lower: new Int32Array(0), lineCase: new Uint8Array(0), capitalised: new Uint8Array(0) };
}

/**
 * NL_SLOTS feature hashes per token (0 = none). `types` holds the first pass's entity type per token
 * (0..3, or -1 outside names); `spans` its names.
 */
export function nonLocalFeatures(keys: DocumentKeys, types: Int8Array, spans: TokenSpan[]): Int32Array {
  const n = types.length;
  const out = new Int32Array(n * NL_SLOTS);
  // word level: first-pass types of every capitalised occurrence of the word (5 counts: 4 types and O)
  const slotOf = new Map<number, number>();
  const counts = new Int32Array(n * 5);
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!keys.capitalised[i]) continue;
    let k = slotOf.get(keys.lower[i]);
    if (k === undefined) slotOf.set(keys.lower[i], (k = slotOf.size));
    slot[i] = k;
    counts[k * 5 + (types[i] < 0 ? O : types[i])]++;
  }
  for (let i = 0; i < n; i++) {
    if (!keys.capitalised[i]) continue;
    const c = slot[i] * 5;
    const own = types[i] < 0 ? O : types[i];
    let best = -1;
    let bestCount = 0;
    let typed = 0;
    for (let t = 0; t < 4; t++) {
      const others = counts[c + t] - (t === own ? 1 : 0);
      typed += others;
      if (others > bestCount) { best = t; bestCount = others; }
    }
    if (best < 0) continue;
    const plain = counts[c + O] - (own === O ? 1 : 0) > 0 ? 1 : 0;
    out[i * NL_SLOTS] = mix(NL_WORD, ((((best * 5 + own) * 3 + Math.min(typed, 2)) * 2 + plain) * 4) + keys.lineCase[i]);
  }
  // name level: the types the first pass gave the same token sequence elsewhere
  if (spans.length > 1) {
    const spanKeys = spans.map((s) => {
      let key = SEQUENCE_SEED;
      for (let i = s.first; i < s.last; i++) key = sequenceKey(key, keys.lower[i]);
      return key;
    });
    const names = new Map<number, number[]>();
    spans.forEach((s, k) => {
      let c = names.get(spanKeys[k]);
      if (!c) names.set(spanKeys[k], (c = [0, 0, 0, 0]));
      c[s.typeIndex]++;
    });
    spans.forEach((s, k) => {
      const c = names.get(spanKeys[k])!;
      let best = -1;
      for (let t = 0; t < 4; t++) {
        const others = c[t] - (t === s.typeIndex ? 1 : 0);
        if (others > 0 && (best < 0 || others > c[best] - (best === s.typeIndex ? 1 : 0))) best = t;
      }
      if (best < 0) return;
      for (let i = s.first; i < s.last; i++) {
        out[i * NL_SLOTS + 1] = mix(NL_SPAN, ((best * 4 + s.typeIndex) * 2 + (i === s.first ? 1 : 0)) * 4 + keys.lineCase[i]);
      }
    });
  }
  return out;
}
