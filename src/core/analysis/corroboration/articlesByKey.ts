/**
 * Which articles carry which keys (a value, a quotation's words), kept up to date article by article: the
 * bookkeeping shared by `ReportIndex` (dates and figures) and `QuoteIndex` (quotations). Pure.
 */
export class ArticlesByKey {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();

  /** Adds or replaces an article's keys; undefined and empty keys are skipped, repeats count once. */
  set(uri: string, keys: Iterable<string | undefined>): void {
    this.remove(uri);
    const unique = new Set<string>();
    for (const key of keys) if (key) unique.add(key);
    for (const key of unique) {
      const set = this.byKey.get(key);
      if (set) set.add(uri);
      else this.byKey.set(key, new Set([uri]));
    }
    this.keysOf.set(uri, [...unique]);
  }

  remove(uri: string): void {
    for (const key of this.keysOf.get(uri) ?? []) {
      const set = this.byKey.get(key);
      set?.delete(uri);
      if (set?.size === 0) this.byKey.delete(key);
    }
    this.keysOf.delete(uri);
  }

  rename(from: string, to: string): void {
    const keys = this.keysOf.get(from);
    if (!keys || from === to) return;
    this.remove(to);
    for (const key of keys) {
      const set = this.byKey.get(key)!;
      set.delete(from);
      set.add(to);
    }
    this.keysOf.delete(from);
    this.keysOf.set(to, keys);
  }

  has(uri: string): boolean {
    return this.keysOf.has(uri);
  }

  /** The articles carrying this key (empty when none). */
  articlesWith(key: string): ReadonlySet<string> {
    return this.byKey.get(key) ?? new Set();
  }

  /** Every key with its articles. */
  entries(): IterableIterator<[string, ReadonlySet<string>]> {
    return this.byKey.entries();
  }
}
