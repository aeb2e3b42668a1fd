/**
 * Which articles carry the same quotation: the same words, case and punctuation aside (curly or straight
 * apostrophes, a comma the outlet dropped). Pure; linear in the quotations.
 */

/** A quotation as compared across articles: its words, lower case, without punctuation. */
export function quoteKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** The articles that carry each quotation (by `quoteKey`). */
export function quotingArticles(quotes: Iterable<{ file: string; text: string }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const q of quotes) {
    const key = quoteKey(q.text);
    if (!key) continue;
    const set = out.get(key);
    if (set) set.add(q.file);
    else out.set(key, new Set([q.file]));
  }
  return out;
}

/**
 * The articles that carry each quotation, kept up to date article by article (as `ReportIndex` is for dates
 * and figures), so that a hover asks a map instead of reading every article's quotations.
 */
export class QuoteIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();

  /** Adds or replaces an article's quotations. */
  set(uri: string, quotes: Iterable<{ text: string }>): void {
    this.remove(uri);
    const keys = new Set<string>();
    for (const q of quotes) {
      const key = quoteKey(q.text);
      if (key) keys.add(key);
    }
    for (const key of keys) {
      const set = this.byKey.get(key);
      if (set) set.add(uri);
      else this.byKey.set(key, new Set([uri]));
    }
    this.keysOf.set(uri, [...keys]);
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

  /** The articles carrying this quotation's words (empty when none). */
  articlesWith(text: string): ReadonlySet<string> {
    return this.byKey.get(quoteKey(text)) ?? new Set();
  }
}
