/**
 * One copy of each equal string. Spans that arrive from a worker are deserialised with a string of their
 * own for every field: a 5 MB article's 90,000 spans brought some 250,000 strings, most of them equal
 * ("PERSON", the same names, the same date reasons). Every full garbage collection of the extension host
 * visits each one; with the strings shared, it visits the span objects and a few thousand strings.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** `limit`: distinct strings kept at most; past it, new strings are returned as they are. */
  constructor(private readonly limit = 50_000) {}

  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size < this.limit) this.strings.set(value, value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}
