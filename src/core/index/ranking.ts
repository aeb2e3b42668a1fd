/**
 * Ranking the articles that mention a key (or a group of keys): most mentions first, then the newest, each
 * with its headline, date and the snippet around the mention a card quotes.
 */
import type { ArticleMention, RankedArticles } from './queryTypes';
import { snippetAt } from './snippet';
import { compareStrings, endOf, startOf, type IndexTables } from './indexTables';

export interface RankOptions {
  limit?: number;
  /** Leave this article out (the one the hover is in). */
  excludeUri?: string;
}

const DEFAULT_LIMIT = 10;

/** Article id → mentions, over every key of an entity group. */
export function groupCounts(tables: IndexTables, keys: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const key of keys) {
    for (const [id, list] of tables.postings.postingsOf(key)) counts.set(id, (counts.get(id) ?? 0) + list.length);
  }
  return counts;
}

/** `rank` over a group of keys without materializing merged posting lists. */
export function rankGroup(tables: IndexTables, keys: readonly string[], options: RankOptions): RankedArticles {
  const lists = keys.map((k) => tables.postings.postingsOf(k));
  const counts = groupCounts(tables, keys);
  const firstOf = (id: number): number => firstInBody(tables, id, lists.map((l) => l.get(id)));
  return rankCounts(tables, counts, firstOf, options);
}

export function rank(tables: IndexTables, postings: ReadonlyMap<number, readonly number[]>, options: RankOptions): RankedArticles {
  const counts = new Map<number, number>();
  for (const [id, list] of postings) counts.set(id, list.length);
  return rankCounts(tables, counts, (id) => firstInBody(tables, id, [postings.get(id)]), options);
}

/**
 * The mention a card quotes and links to: the first one below the headline when there is one, so the
 * snippet shows the sentence with the mention instead of repeating the title listed beside it.
 */
function firstInBody(tables: IndexTables, id: number, lists: readonly (readonly number[] | undefined)[]): number {
  const record = tables.records[id]!;
  const text = record.text;
  const firstChar = text.search(/\S/u);
  const newline = firstChar < 0 ? -1 : text.indexOf('\n', firstChar);
  const bodyStart = newline < 0 ? text.length : newline;
  let first = Infinity;
  let inBody = Infinity;
  for (const list of lists) {
    if (!list?.length) continue;
    first = Math.min(first, list[0]);
    for (const i of list) {
      if (startOf(record, i) >= bodyStart) {
        inBody = Math.min(inBody, i);
        break;
      }
    }
  }
  return Number.isFinite(inBody) ? inBody : first;
}

function rankCounts(
  tables: IndexTables, counts: ReadonlyMap<number, number>, firstSpanOf: (id: number) => number, options: RankOptions,
): RankedArticles {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const excluded = options.excludeUri === undefined ? undefined : tables.idByUri.get(options.excludeUri);
  const candidates: { id: number; count: number; published: string }[] = [];
  for (const [id, count] of counts) {
    if (id === excluded) continue;
    candidates.push({ id, count, published: tables.records[id]!.analysis.published ?? '' });
  }
  const top = selectTop(candidates, limit, (a, b) => b.count - a.count ||
    compareStrings(b.published, a.published) || compareStrings(tables.records[a.id]!.uri, tables.records[b.id]!.uri));
  const articles = top.map(({ id, count }): ArticleMention => {
    const record = tables.records[id]!;
    const first = firstSpanOf(id);
    const start = startOf(record, first);
    const end = endOf(record, first);
    const mention: ArticleMention = {
      uri: record.uri, headline: record.analysis.headline, mentionCount: count, start, end,
      snippet: snippetAt(record.text, start, end),
    };
    if (record.analysis.published) mention.published = record.analysis.published;
    if (record.analysis.outlet) mention.outlet = record.analysis.outlet;
    return mention;
  });
  return { total: candidates.length, articles };
}

/** The `limit` smallest items under `compare`, sorted; avoids sorting thousands of candidates for ten. */
function selectTop<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= limit * 4) return items.sort(compare).slice(0, limit);
  const top: T[] = [];
  for (const item of items) {
    if (top.length < limit) {
      top.push(item);
      if (top.length === limit) top.sort(compare);
    } else if (compare(item, top[limit - 1]) < 0) {
      let at = limit - 1;
      while (at > 0 && compare(item, top[at - 1]) < 0) at--;
      top.splice(at, 0, item);
      top.pop();
    }
  }
  return top;
}
