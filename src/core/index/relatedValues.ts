/** Dates and figures across the workspace: the same day / month elsewhere, the same figure, and differing figures. */
import { measureAt, unpackSpan } from './analysis';
import { NO_KEY, type IndexTables } from './indexTables';
import type { FigureConflict, IndexedSpan, RankedArticles, RelatedDates, RelatedFigures } from './queryTypes';
import { rank, type RankOptions } from './ranking';

export function relatedDates(tables: IndexTables, target: IndexedSpan, options: RankOptions): RelatedDates {
  const opts = { ...options, excludeUri: options.excludeUri ?? target.uri };
  const empty: RankedArticles = { total: 0, articles: [] };
  if (!target.key) return { sameDay: empty, sameMonth: empty };
  if (target.key.startsWith('MONTH:')) return { sameDay: empty, sameMonth: rank(tables, tables.postings.postingsOf(target.key), opts) };
  const sameDayPostings = tables.postings.postingsOf(target.key);
  const sameDay = rank(tables, sameDayPostings, opts);
  if (!target.secondaryKey) return { sameDay, sameMonth: empty };
  const monthOnly = new Map<number, readonly number[]>();
  for (const [id, list] of tables.postings.postingsOf(target.secondaryKey)) if (!sameDayPostings.has(id)) monthOnly.set(id, list);
  return { sameDay, sameMonth: rank(tables, monthOnly, opts) };
}

export function relatedFigures(tables: IndexTables, target: IndexedSpan, options: RankOptions): RelatedFigures & { conflictTotal: number } {
  const record = tables.recordOf(target.uri);
  const opts = { ...options, excludeUri: options.excludeUri ?? target.uri };
  const same = target.key ? rank(tables, tables.postings.postingsOf(target.key), opts) : { total: 0, articles: [] };
  const measure = record ? measureAt(record.packed, target.index) ?? target.span.unit : undefined;
  const conflicts: FigureConflict[] = [];
  let conflictTotal = 0;
  if (target.secondaryKey) {
    const differing = new Map<number, number[]>();
    const excluded = opts.excludeUri === undefined ? undefined : tables.idByUri.get(opts.excludeUri);
    const sameValue = target.key === undefined ? NO_KEY : tables.postings.idOf(target.key) ?? NO_KEY;
    for (const [id, list] of tables.postings.postingsOf(target.secondaryKey)) {
      if (id === excluded) continue;
      const other = tables.records[id]!;
      const diff = list.filter((i) => other.keyIds[i * 2] !== sameValue);
      if (diff.length) differing.set(id, diff);
    }
    conflictTotal = differing.size;
    for (const mention of rank(tables, differing, { ...opts, excludeUri: undefined }).articles) {
      const other = tables.recordOf(mention.uri)!;
      const index = differing.get(other.id)![0];
      const span = unpackSpan(other.packed, index, other.text);
      conflicts.push({ ...mention, text: span.text, value: span.value });
    }
  }
  const result: RelatedFigures & { conflictTotal: number } = { same, conflicts, conflictTotal };
  if (measure) result.measure = measure;
  return result;
}
