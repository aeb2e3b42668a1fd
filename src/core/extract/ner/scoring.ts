/**
 * Emission scores for tokens [first, last): the sum of each active feature's weight row.
 * `rows` holds FEATURE_SLOTS row ids per token, -1 where the feature is absent or unknown.
 */
export function emissionScores(
  rows: Int32Array, slots: number, first: number, last: number,
  weights: Float32Array | Float64Array, tagCount: number, out: Float64Array,
): void {
  out.fill(0, 0, (last - first) * tagCount);
  for (let i = first; i < last; i++) {
    const o = (i - first) * tagCount;
    const base = i * slots;
    for (let f = 0; f < slots; f++) {
      const r = rows[base + f];
      if (r < 0) continue;
      const w = r * tagCount;
      for (let t = 0; t < tagCount; t++) out[o + t] += weights[w + t];
    }
  }
}
