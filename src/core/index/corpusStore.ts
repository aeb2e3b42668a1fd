/**
 * The storage boundary of the corpus index: the queries that hover cards, references, the Entities view and the
 * analysis views need, answered either by the in-memory index of the open workspace (the embedded default, no
 * setup) or by a shared archive on a database server (`src/node/archive/`).
 *
 * Every query is asynchronous because an archive answers over the network; the in-memory store answers at once.
 * A store never throws for "not found": it returns `undefined` or an empty page. It throws (or rejects) only when
 * it cannot answer (server down, timeout, aborted), so callers can say so and carry on with what they have.
 */
import type { NameType } from '../extract/types';

/** Where a store's answers come from, for labelling them in the editor ("archive results"). */
export type StoreOrigin = 'workspace' | 'archive';

export interface PageRequest {
  /** Rows to skip: the `nextOffset` of the previous page, 0 for the first. */
  offset?: number;
  limit: number;
  /** Aborts a query the caller no longer needs (the hover closed, the timeout passed). */
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** Rows matching in all, across pages. */
  total: number;
  /** Offset of the next page, absent on the last one. */
  nextOffset?: number;
}

/** How an entity is asked for: its canonical name or any alias, optionally narrowed to one type. */
export interface EntityQuery {
  name: string;
  type?: NameType;
  signal?: AbortSignal;
}

/** One article mentioning an entity, for cards and `archive query`. */
export interface ArticleHit {
  /** The article's path (workspace URI for the in-memory store; the ingested path for the archive). */
  file: string;
  title: string;
  /** Publication date, ISO `YYYY-MM-DD`, when known. */
  date?: string;
  outlet?: string;
  /** Mentions of the entity in that article. */
  count: number;
  /** The sentence around the first mention. */
  snippet: string;
  /** The first mention, UTF-16 offsets. */
  start: number;
  end: number;
}

export interface EntitySummary {
  canonical: string;
  type: NameType;
  aliases: { text: string; count: number }[];
  articles: number;
  mentions: number;
  /** Articles with the most mentions first, then the newest. */
  top: ArticleHit[];
}

export interface MentionHit {
  file: string;
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
  snippet: string;
}

export interface EntityRow {
  canonical: string;
  type: NameType;
  mentions: number;
  articles: number;
}

export interface StoreStats {
  articles: number;
  mentions: number;
  entities: number;
  /** Storage used, when the store can tell (the database size). */
  bytes?: number;
}

export interface CorpusStore {
  readonly origin: StoreOrigin;
  /** The entity a name or alias denotes, with its top articles (`top` of them, 5 by default). */
  entity(query: EntityQuery & { top?: number }): Promise<EntitySummary | undefined>;
  /** Every mention of the entity, one page at a time, in a stable order (file, then offset). */
  references(query: EntityQuery, page: PageRequest): Promise<Page<MentionHit>>;
  /** Entities for the Entities view, most mentioned first; `filter` matches canonical names and aliases. */
  entities(page: PageRequest & { filter?: string; type?: NameType }): Promise<Page<EntityRow>>;
  stats(signal?: AbortSignal): Promise<StoreStats>;
  /** Releases connections; the store answers nothing afterwards. */
  close(): Promise<void>;
}
