/**
 * Counts per unordered pair of small integers (name key ids), in typed arrays: one open-addressing hash
 * table (linear probing) for the counts, and per id the slots of the pairs it has ever been in. Adding an
 * article's pairs is one probe per pair, with no allocation once the table has grown; a count that falls
 * to zero keeps its slot (the pair tends to come back), and lists are filtered by count when read.
 */
export class PairTable {
  private first = new Int32Array(1 << 12).fill(-1);
  private second = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = 0;
  /** Per id: the table slots of the pairs it is in, and how many of `partners[id]` are filled. */
  private partners: (Int32Array | undefined)[] = [];
  private partnerCount: number[] = [];

  /**
   * Makes room for about `pairs` pairs, so that adding them does not grow the table (each growth places
   * every pair again). Only a hint: the table grows as before past it.
   */
  reserve(pairs: number): void {
    let size = this.first.length;
    while (pairs * 2 > size) size *= 2;
    if (size === this.first.length) return;
    if (this.used > 0) {
      while (this.first.length < size) this.grow();
      return;
    }
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.counts = new Int32Array(size);
  }

  /** Adds `by` (may be negative) to the count of the pair {a, b}, a ≠ b. */
  add(x: number, y: number, by: number): void {
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    let slot = this.slotOf(a, b);
    if (this.first[slot] < 0) {
      if (by <= 0) return;
      if ((this.used + 1) * 2 > this.first.length) {
        this.grow();
        slot = this.slotOf(a, b);
      }
      this.first[slot] = a;
      this.second[slot] = b;
      this.used++;
      this.link(a, slot);
      this.link(b, slot);
    }
    this.counts[slot] += by;
  }

  /** The count of the pair {a, b} (0 when never added). */
  get(x: number, y: number): number {
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    const slot = this.slotOf(a, b);
    return this.first[slot] < 0 ? 0 : this.counts[slot];
  }

  /** Calls `visit(other, count)` for every id paired with `id` with a positive count. */
  forEachPartner(id: number, visit: (other: number, count: number) => void): void {
    const list = this.partners[id];
    const n = this.partnerCount[id] ?? 0;
    const { first, second, counts } = this;
    for (let i = 0; i < n; i++) {
      const slot = list![i];
      const count = counts[slot];
      if (count > 0) visit(first[slot] === id ? second[slot] : first[slot], count);
    }
  }

  /** The ids paired with `id` with a positive count, each followed by its count: [other, count, other, count, …]. */
  partnersOf(id: number): Int32Array {
    const list = this.partners[id];
    const n = this.partnerCount[id] ?? 0;
    const out = new Int32Array(n * 2);
    const { first, second, counts } = this;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const slot = list![i];
      const count = counts[slot];
      if (count <= 0) continue;
      out[at++] = first[slot] === id ? second[slot] : first[slot];
      out[at++] = count;
    }
    return at === out.length ? out : out.subarray(0, at);
  }

  /** How many pairs `id` has ever been in (an upper bound on its partners, and what reading them costs). */
  partnerSlots(id: number): number {
    return this.partnerCount[id] ?? 0;
  }

  /** Calls `visit(a, b, count)` for every pair with a positive count (a < b). */
  forEachPair(visit: (a: number, b: number, count: number) => void): void {
    const { first, second, counts } = this;
    for (let slot = 0; slot < first.length; slot++) if (first[slot] >= 0 && counts[slot] > 0) visit(first[slot], second[slot], counts[slot]);
  }

  clear(): void {
    this.first = new Int32Array(1 << 12).fill(-1);
    this.second = new Int32Array(1 << 12);
    this.counts = new Int32Array(1 << 12);
    this.used = 0;
    this.partners = [];
    this.partnerCount = [];
  }

  private slotOf(a: number, b: number): number {
    const mask = this.first.length - 1;
    // the two ids mixed through a 32-bit finalizer (murmur3's), so that every bit reaches the low ones
    let h = Math.imul(a, 0x9e3779b1) ^ b;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.first[slot] >= 0 && (this.first[slot] !== a || this.second[slot] !== b)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { first, second, counts } = this;
    const size = first.length * 2;
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.counts = new Int32Array(size);
    // the partner lists name slots: they are filled again in the new table's order
    for (let id = 0; id < this.partnerCount.length; id++) this.partnerCount[id] = 0;
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] < 0) continue;
      const to = this.slotOf(first[slot], second[slot]);
      this.first[to] = first[slot];
      this.second[to] = second[slot];
      this.counts[to] = counts[slot];
      this.link(first[slot], to);
      this.link(second[slot], to);
    }
  }

  private link(id: number, slot: number): void {
    let list = this.partners[id];
    const n = this.partnerCount[id] ?? 0;
    if (!list || n === list.length) {
      const grown = new Int32Array(Math.max(8, n * 2));
      if (list) grown.set(list);
      this.partners[id] = list = grown;
    }
    list[n] = slot;
    this.partnerCount[id] = n + 1;
  }
}
