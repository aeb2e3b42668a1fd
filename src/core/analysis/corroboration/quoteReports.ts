/**
 * Which articles carry the same quotation: the same words, case and punctuation aside (curly or straight
 * apostrophes, a comma the outlet dropped). Pure; linear in the quotations.
 */
import { ArticlesByKey } from './articlesByKey';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const WORDS = /[\p{L}\p{N}]+/gu;

/** A quotation as compared across articles: its words, lower case, without punctuation. */
export function quoteKey(text: string): string {
  return (text.toLowerCase().match(WORDS) ?? []).join(' ');
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
  private readonly articles = new ArticlesByKey();

  /** Adds or replaces an article's quotations. */
  set(uri: string, quotes: Iterable<{ text: string }>): void {
    this.articles.set(uri, (function* () { for (const q of quotes) yield quoteKey(q.text); })());
  }

  remove(uri: string): void {
    this.articles.remove(uri);
  }

  rename(from: string, to: string): void {
    this.articles.rename(from, to);
  }

  /** The articles carrying this quotation's words (empty when none). */
  articlesWith(text: string): ReadonlySet<string> {
    return this.articles.articlesWith(quoteKey(text));
  }
}
