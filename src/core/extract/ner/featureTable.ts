/**
 * Open-addressing hash table from feature hash (never 0) to weight row. Typed arrays keep load fast
 * and memory small compared with a Map of hundreds of thousands of entries.
 */
export class FeatureTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(featureKeys: Int32Array) {
    let capacity = 16;
    while (capacity < featureKeys.length * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let r = 0; r < featureKeys.length; r++) {
      let slot = this.slotOf(featureKeys[r]);
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = featureKeys[r];
      this.rows[slot] = r;
    }
  }

  /** Row of a feature, or -1 when the model has no weights for it. */
  get(key: number): number {
    let slot = this.slotOf(key);
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.rows[slot];
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(key: number): number {
    // keys are already well mixed; fold the high bits in for small tables
    return (key ^ (key >>> 16)) & this.mask;
  }
}
