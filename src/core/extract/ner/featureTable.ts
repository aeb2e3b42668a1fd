/**
 * Open-addressing hash table from feature hash (never 0) to weight row. Typed arrays keep load fast
 * and memory small compared with a Map of hundreds of thousands of entries; each key sits next to its
 * row, so a lookup touches one cache line (lookups dominate tagging time).
 */
export class FeatureTable {
  /** key at 2·slot, row at 2·slot + 1 */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(featureKeys: Int32Array) {
    let capacity = 16;
    while (capacity < featureKeys.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    for (let r = 0; r < featureKeys.length; r++) {
      let slot = this.slotOf(featureKeys[r]);
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = featureKeys[r];
      this.slots[slot * 2 + 1] = r;
    }
  }

  /** Row of a feature, or -1 when the model has no weights for it. */
  get(key: number): number {
    const slots = this.slots;
    let slot = this.slotOf(key);
    for (;;) {
      const k = slots[slot * 2];
      if (k === key) return slots[slot * 2 + 1];
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(key: number): number {
    // keys are already well mixed; fold the high bits in for small tables
    return (key ^ (key >>> 16)) & this.mask;
  }
}
