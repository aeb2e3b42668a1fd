/**
 * The open workspace's corpus index answering through the storage boundary (`CorpusStore`): the embedded
 * default, no setup. It answers at once from the in-memory index; the answers are promises only because an
 * archive on a server answers the same queries over the network.
 */
import type { NameType } from '../extract/types';
import { NAME_TYPES } from '../extract/types';
import type { CorpusIndex } from './corpusIndex';
import type {
  ArticleHit, CorpusStore, EntityQuery, EntityRow, EntitySummary, MentionHit, Page, PageRequest, StoreStats,
} from './corpusStore';
import { entityKey, normalizeName, type EntityKey } from './entityKey';
import type { MentionLocation } from './queryTypes';
import { snippetAt } from './snippet';

/** The largest page a caller gets, whatever it asks for (as the archive's store). */
export const MAX_PAGE = 1000;
const DEFAULT_TOP = 5;
const MAX_TOP = 100;
/** Sorted reference lists and entity rows kept until the index changes. */
const CACHE_SIZE = 16;

/** Rejects a query whose caller no longer needs it, as `fetch` does: an `AbortError`, or the signal's reason. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  if (reason instanceof Error) throw reason;
  const err = new Error('the query was cancelled');
  err.name = 'AbortError';
  throw err;
}

export class InMemoryStore implements CorpusStore {
  readonly origin = 'workspace' as const;
  private closed = false;
  private readonly sortedReferences = new Map<EntityKey, MentionLocation[]>();
  private readonly entityRows = new Map<string, EntityRow[]>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly index: CorpusIndex) {
    this.subscription = index.onDidChange(() => {
      this.sortedReferences.clear();
      this.entityRows.clear();
    });
  }

  async entity(query: EntityQuery & { top?: number }): Promise<EntitySummary | undefined> {
    this.check(query.signal);
    const key = this.resolve(query);
    if (!key) return undefined;
    const info = this.index.entityInfo(key)!;
    const top = Math.max(0, Math.min(query.top ?? DEFAULT_TOP, MAX_TOP));
    const ranked = top > 0 ? this.index.articlesMentioning(key, { limit: top }).articles : [];
    return {
      canonical: info.canonical,
      type: info.type,
      aliases: this.index.entityForms(key),
      articles: info.articleCount,
      mentions: info.mentionCount,
      top: ranked.map((a) => {
        const hit: ArticleHit = {
          file: a.uri, title: a.headline, count: a.mentionCount,
          snippet: `${a.snippet.before}${a.snippet.match}${a.snippet.after}`, start: a.start, end: a.end,
        };
        if (a.published) hit.date = a.published;
        if (a.outlet) hit.outlet = a.outlet;
        return hit;
      }),
    };
  }

  async references(query: EntityQuery, page: PageRequest): Promise<Page<MentionHit>> {
    this.check(page.signal ?? query.signal);
    const key = this.resolve(query);
    if (!key) return { items: [], total: 0 };
    const all = this.sorted(key);
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(1, Math.min(Math.floor(page.limit), MAX_PAGE));
    const items = all.slice(offset, offset + limit).map((m): MentionHit => {
      const text = this.index.textOf(m.uri) ?? '';
      const s = snippetAt(text, m.start, m.end);
      return { file: m.uri, start: m.start, end: m.end, text: text.slice(m.start, m.end), snippet: `${s.before}${s.match}${s.after}` };
    });
    return pageOf(items, all.length, offset);
  }

  async entities(page: PageRequest & { filter?: string; type?: NameType }): Promise<Page<EntityRow>> {
    this.check(page.signal);
    const rows = this.rows(page.filter ?? '', page.type);
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(1, Math.min(Math.floor(page.limit), MAX_PAGE));
    return pageOf(rows.slice(offset, offset + limit), rows.length, offset);
  }

  async stats(signal?: AbortSignal): Promise<StoreStats> {
    this.check(signal);
    const rows = this.rows('', undefined);
    let mentions = 0;
    for (const row of rows) mentions += row.mentions;
    return { articles: this.index.size, mentions, entities: rows.length };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscription.dispose();
    this.sortedReferences.clear();
    this.entityRows.clear();
  }

  private check(signal: AbortSignal | undefined): void {
    if (this.closed) throw new Error('the workspace store is closed');
    throwIfAborted(signal);
  }

  private resolve(query: EntityQuery): EntityKey | undefined {
    return resolveEntityKey(this.index, query);
  }

  /** Every mention of the entity by file, then offset. */
  private sorted(key: EntityKey): MentionLocation[] {
    let list = this.sortedReferences.get(key);
    if (!list) {
      list = [...this.index.references(key)].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
      if (this.sortedReferences.size >= CACHE_SIZE) this.sortedReferences.delete(this.sortedReferences.keys().next().value!);
      this.sortedReferences.set(key, list);
    }
    return list;
  }

  /** The entities matching `filter`, most mentioned first, then most articles, then by name. */
  private rows(filter: string, type: NameType | undefined): EntityRow[] {
    const cacheKey = `${type ?? ''}\u0000${filter}`;
    let rows = this.entityRows.get(cacheKey);
    if (!rows) {
      rows = [];
      for (const symbol of this.index.workspaceSymbols(filter, Number.MAX_SAFE_INTEGER)) {
        if (type && symbol.type !== type) continue;
        const info = this.index.entityInfo(symbol.key);
        if (!info || info.mentionCount === 0) continue;
        rows.push({ canonical: info.canonical, type: info.type, mentions: info.mentionCount, articles: info.articleCount });
      }
      rows.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
      if (this.entityRows.size >= CACHE_SIZE) this.entityRows.delete(this.entityRows.keys().next().value!);
      this.entityRows.set(cacheKey, rows);
    }
    return rows;
  }
}

function pageOf<T>(items: T[], total: number, offset: number): Page<T> {
  const next = offset + items.length;
  return next < total && items.length > 0 ? { items, total, nextOffset: next } : { items, total };
}

/**
 * The entity key a name denotes in the index: its own key under any type (the index decides a name's type
 * from its mentions, so `PERSON:x` and `ORG:x` find the same entity), else the most mentioned entity having
 * it as a written form (a registry alias, a merged spelling).
 */
export function resolveEntityKey(index: CorpusIndex, query: EntityQuery): EntityKey | undefined {
  const name = normalizeName(query.name);
  if (!name) return undefined;
  const types = query.type ? [query.type, ...NAME_TYPES.filter((t) => t !== query.type)] : NAME_TYPES;
  for (const type of types) {
    const info = index.entityInfo(entityKey(type, query.name));
    if (info && info.mentionCount > 0 && (!query.type || info.type === query.type)) return info.key;
  }
  let best: { key: EntityKey; mentions: number } | undefined;
  for (const symbol of index.workspaceSymbols(query.name, Number.MAX_SAFE_INTEGER)) {
    if (query.type && symbol.type !== query.type) continue;
    if (!index.entityForms(symbol.key).some((form) => normalizeName(form.text) === name)) continue;
    const mentions = index.entityInfo(symbol.key)?.mentionCount ?? 0;
    if (mentions > 0 && (!best || mentions > best.mentions)) best = { key: symbol.key, mentions };
  }
  return best?.key;
}
