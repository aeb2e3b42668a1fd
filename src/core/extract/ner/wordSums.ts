/**
 * Summed weights kept per word: a bounded map from a word to a row of `width` scores, with a byte of flags
 * per row for the caller to mark which parts of the row it filled. News vocabulary is Zipfian: the few
 * thousand commonest words are most of any article's tokens.
 */
export class WordSums {
  private readonly rows = new Map<string, number>();
  /** Row r holds scores[r * width .. (r + 1) * width). */
  readonly scores: Float64Array;
  readonly filled: Uint8Array;

  constructor(readonly width: number, readonly limit: number) {
    this.scores = new Float64Array(width * limit);
    this.filled = new Uint8Array(limit);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Forgets every word. */
  clear(): void {
    this.rows.clear();
  }

  /** The word's row, a new zeroed one (flags 0) when it has none; starts afresh first when full. */
  rowOf(word: string): number {
    let row = this.rows.get(word);
    if (row === undefined) {
      if (this.rows.size >= this.limit) this.rows.clear();
      row = this.rows.size;
      this.scores.fill(0, row * this.width, (row + 1) * this.width);
      this.filled[row] = 0;
      this.rows.set(word, row);
    }
    return row;
  }
}
