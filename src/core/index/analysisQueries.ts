/**
 * The analysis side of the storage boundary: the queries behind the timeline, connections and quotations
 * views, answered either by the open workspace's analysis (`MemoryAnalysisQueries`, over the `AnalysisStore`)
 * or by the archive on PostgreSQL (`src/node/archive/postgresAnalysis.ts`). The rows are those the CLIs print
 * (`timeline --json`, `connections --json`, `quotes --json`), so a view, a script or a test can take either.
 *
 * As `CorpusStore`: every query is asynchronous and paged, "not found" is an empty page (never an error), and
 * a query rejects only when it cannot answer (aborted, closed, the server down or too slow).
 */
import type { DatePrecision } from '../analysis/timeline/timex';
import type { TimelineEntry } from '../analysis/timeline/timeline';
import type { QuoteRecord } from '../analysis/quotes/quoteLedger';
import type { EntityQuery, Page, PageRequest, StoreOrigin } from './corpusStore';

/** One date on the time axis, as a line of `timeline --json` (the fields of the view's entry it prints). */
export type TimelineRow = Pick<TimelineEntry, 'date' | 'precision' | 'file' | 'start' | 'end' | 'text' | 'sentence' | 'entities'>;

/** Two entities named together, as a line of `connections --json`. */
export interface ConnectionRow {
  /** Entity names, `a` sorting before `b`. */
  a: string;
  b: string;
  /** Articles naming both. */
  articles: number;
  /** Paragraphs naming both. */
  paragraphs: number;
  /** Normalized pointwise mutual information over paragraphs, rounded to 4 decimals (`npmi`). */
  strength: number;
}

/** One quotation, as a line of `quotes --json`. */
export type QuoteRow = QuoteRecord;

export interface TimelineQuery {
  /** Only dates whose sentence names this entity. */
  entity?: EntityQuery;
  /** Only dates whose period ends on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Only dates whose period starts on or before this day (YYYY-MM-DD). */
  to?: string;
  page: PageRequest;
}

export interface ConnectionsQuery {
  /** Only the connections of this entity. */
  entity?: EntityQuery;
  /** Leave out pairs sharing fewer paragraphs (default 2, as the editor and the CLI). */
  minCount?: number;
  page: PageRequest;
}

export interface AnalysisQueries {
  readonly origin: StoreOrigin;
  /**
   * Resolved dates in date order: the first day of the period, finer precision first, then file and offset
   * (the order of `timeline --json`).
   */
  timeline(query: TimelineQuery): Promise<Page<TimelineRow>>;
  /** Entities named together in paragraphs, strongest first, then most paragraphs, most articles, by name. */
  connections(query: ConnectionsQuery): Promise<Page<ConnectionRow>>;
  /** The quotations of an entity, newest article first (undated ones last), each article's in text order. */
  quotesBy(speaker: EntityQuery, page: PageRequest): Promise<Page<QuoteRow>>;
  /** Releases what the queries hold; nothing is answered afterwards. */
  close(): Promise<void>;
}

/** The order of precisions on the time axis at the same first day: finer first. */
export const PRECISION_ORDER: readonly DatePrecision[] = ['day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade'];

/** True for a day as `from` and `to` take it. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The page's bounds as every store reads them: offset from 0, limit from 1 to `max`. */
export function pageBounds(page: PageRequest, max: number): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.min(Math.floor(page.limit), max));
  return { offset, limit };
}

/** A page of `items` taken at `offset` out of `total` rows. */
export function pageOf<T>(items: T[], total: number, offset: number): Page<T> {
  const next = offset + items.length;
  return next < total && items.length > 0 ? { items, total, nextOffset: next } : { items, total };
}

/** The order of `connections --json`: strongest first, then most paragraphs, most articles, then by names. */
export function compareConnections(p: ConnectionRow, q: ConnectionRow): number {
  return q.strength - p.strength || q.paragraphs - p.paragraphs || q.articles - p.articles ||
    (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
}
