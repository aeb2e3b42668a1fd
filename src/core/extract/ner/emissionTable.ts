/**
 * The loaded model's features and weights in one open-addressing table for tagging: each slot holds a
 * feature hash and, right after it, that feature's quantized weight per tag (one byte each, decoded through
 * the model's 256-entry codebook). A lookup and its weights share one cache line, where a table of row
 * numbers beside a separate matrix of 32-bit weights took two reads from far-apart memory per feature;
 * the bytes also take a quarter of the room (1.1 MB of weights instead of 4.3 MB for the shipped model).
 *
 * A weight is exactly the 32-bit float the codebook decodes its byte to, as in the float matrix a model's
 * weights once were: tagging gives the same result to the last bit.
 */
export class EmissionTable {
  /** Bytes per slot: 4 for the key, then one per tag, rounded up to a power of two (16 for 9 tags). */
  private readonly stride: number;
  /** The keys, one every stride / 4 entries. */
  private readonly keys: Int32Array;
  private readonly codes: Uint8Array;
  private readonly book: Float64Array;
  private readonly mask: number;

  /**
   * `featureKeys[r]` is the hash of feature r (never 0) and `weightCodes[r * tagCount + t]` its codebook
   * index for tag t.
   */
  constructor(featureKeys: Int32Array, weightCodes: Uint8Array, readonly tagCount: number, codebook: Float32Array) {
    let stride = 8;
    while (stride < 4 + tagCount) stride *= 2;
    this.stride = stride;
    let capacity = 16;
    while (capacity < featureKeys.length * 2) capacity *= 2;
    const buffer = new ArrayBuffer(capacity * stride);
    this.keys = new Int32Array(buffer);
    this.codes = new Uint8Array(buffer);
    this.book = Float64Array.from(codebook);
    this.mask = capacity - 1;
    const step = stride >> 2;
    for (let r = 0; r < featureKeys.length; r++) {
      const key = featureKeys[r];
      let slot = this.slotOf(key);
      while (this.keys[slot * step] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot * step] = key;
      const from = r * tagCount;
      const to = slot * stride + 4;
      for (let t = 0; t < tagCount; t++) this.codes[to + t] = weightCodes[from + t];
    }
  }

  /** The slot of a feature, or -1 when the model has no weights for it. */
  get(key: number): number {
    const keys = this.keys;
    const step = this.stride >> 2;
    const mask = this.mask;
    let slot = this.slotOf(key);
    for (;;) {
      const k = keys[slot * step];
      if (k === key) return slot;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds the weights of the feature in `slot` to out[offset .. offset + tagCount). */
  addSlot(slot: number, out: Float64Array, offset: number): void {
    const codes = this.codes;
    const book = this.book;
    const base = slot * this.stride + 4;
    for (let t = 0; t < this.tagCount; t++) out[offset + t] += book[codes[base + t]];
  }

  /**
   * Adds the weights of features[from .. to) (0 = none), in that order, to out[offset .. offset + tagCount):
   * one token's slots or a run of them.
   */
  addRange(features: Int32Array, from: number, to: number, out: Float64Array, offset: number): void {
    for (let f = from; f < to; f++) {
      const key = features[f];
      if (key !== 0) this.addKey(key, out, offset);
    }
  }

  /** Adds the weights of features[base + slots[k]] for each k, in that order (see `addRange`). */
  addSlots(features: Int32Array, base: number, slots: Int32Array, out: Float64Array, offset: number): void {
    for (let k = 0; k < slots.length; k++) {
      const key = features[base + slots[k]];
      if (key !== 0) this.addKey(key, out, offset);
    }
  }

  /**
   * Whether any `terms` weights add up to the same double in any order. They do when every weight is a
   * whole multiple of one unit (the step of the smallest weight's 32-bit float) and `terms` times the largest
   * stays within the 53 bits a double holds exactly: every partial sum is then an exact whole number of units.
   * The shipped model's weights are multiples of 2^-31 below 2^7, so 49 terms need 43 bits.
   */
  sumsExactUpTo(terms: number): boolean {
    let unit = Infinity;
    let largest = 0;
    for (const v of this.book) {
      const a = Math.abs(v);
      if (a === 0) continue;
      if (!Number.isFinite(a)) return false;
      let exponent = Math.floor(Math.log2(a));
      if (2 ** exponent > a) exponent--;
      if (2 ** (exponent + 1) <= a) exponent++;
      // the step between 32-bit floats of this magnitude (2^-149 for subnormals)
      unit = Math.min(unit, 2 ** Math.max(exponent - 23, -149));
      largest = Math.max(largest, a);
    }
    if (largest === 0) return true;
    for (const v of this.book) if (!Number.isInteger(v / unit)) return false;
    return (terms * largest) / unit <= 2 ** 53;
  }

  /** Adds the weights of the feature `key` (never 0), when the model has it. */
  private addKey(key: number, out: Float64Array, offset: number): void {
    const keys = this.keys;
    const stride = this.stride;
    const step = stride >> 2;
    const mask = this.mask;
    let slot = (key ^ (key >>> 16)) & mask;
    let k = keys[slot * step];
    while (k !== key && k !== 0) {
      slot = (slot + 1) & mask;
      k = keys[slot * step];
    }
    if (k === 0) return;
    const codes = this.codes;
    const book = this.book;
    const base = slot * stride + 4;
    for (let t = 0; t < this.tagCount; t++) out[offset + t] += book[codes[base + t]];
  }

  private slotOf(key: number): number {
    // keys are already well mixed; fold the high bits in for small tables
    return (key ^ (key >>> 16)) & this.mask;
  }
}
