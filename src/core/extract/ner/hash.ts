/**
 * 32-bit hashing for feature keys. Features are never materialised as strings at inference: each token's
 * strings are hashed once, and templates combine those hashes with integer mixing.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes `text.slice(start, end)`, optionally lower-casing ASCII letters on the fly. */
export function hashRange(text: string, start: number, end: number, seed = FNV_OFFSET): number {
  let h = seed | 0;
  for (let k = start; k < end; k++) {
    h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  }
  return h | 0;
}

export function hashString(text: string, seed = FNV_OFFSET): number {
  return hashRange(text, 0, text.length, seed);
}

/** Extends a running hash by one code unit (used for prefix and shape hashes built char by char). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) | 0;
}

/** Mixes two 32-bit values into one; order matters, so (a, b) and (b, a) differ. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  // 0 is reserved as "no feature"
  return h === 0 ? 1 : h | 0;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}
