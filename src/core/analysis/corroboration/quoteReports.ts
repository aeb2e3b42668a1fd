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
