/**
 * The open workspace's analysis answering through the analysis boundary (`AnalysisQueries`): an adapter over
 * the `AnalysisStore` the views and hover cards share, so the rows are exactly those of the CLIs. The
 * answers are promises only because the archive answers the same queries over the network.
 */
import { AnalysisStore } from '../analysis/analysisStore';
import type {
  AnalysisQueries, ConnectionRow, ConnectionsQuery, QuoteRow, TimelineQuery, TimelineRow,
} from './analysisQueries';
import { compareConnections, isDay, pageBounds, pageOf } from './analysisQueries';
import type { CorpusIndex } from './corpusIndex';
import type { EntityQuery, Page, PageRequest } from './corpusStore';
import type { EntityKey } from './entityKey';
import { MAX_PAGE, resolveEntityKey, throwIfAborted } from './memoryStore';

/** Full answers kept until the index changes (a view pages through the same list). */
const CACHE_SIZE = 16;

export class MemoryAnalysisQueries implements AnalysisQueries {
  readonly origin = 'workspace' as const;
  private closed = false;
  private readonly store: AnalysisStore;
  private readonly answers = new Map<string, unknown[]>();
  private readonly subscription: { dispose(): void };

  /** `store`: the analysis of `index` (default the one its views share, `AnalysisStore.of`). */
  constructor(private readonly index: CorpusIndex, store?: AnalysisStore) {
    this.store = store ?? AnalysisStore.of(index);
    this.subscription = index.onDidChange(() => this.answers.clear());
  }

  async timeline(query: TimelineQuery): Promise<Page<TimelineRow>> {
    this.check(query.page.signal ?? query.entity?.signal);
    for (const [what, day] of [['from', query.from], ['to', query.to]] as const) {
      if (day !== undefined && !isDay(day)) throw new Error(`timeline: "${what}" must be a day, YYYY-MM-DD (got "${day}")`);
    }
    let wanted: EntityKey | undefined;
    if (query.entity) {
      wanted = this.entityOf(query.entity);
      if (!wanted) return { items: [], total: 0 };
    }
    const rows = this.cached(`t\u0000${wanted ?? ''}\u0000${query.from ?? ''}\u0000${query.to ?? ''}`, () => {
      const filter = wanted === undefined ? undefined : (keys: readonly string[]) => keys.includes(wanted);
      const out: TimelineRow[] = [];
      for (const e of this.store.allDates(undefined, filter)) {
        if (query.from !== undefined && e.to < query.from) continue;
        if (query.to !== undefined && e.from > query.to) continue;
        out.push({ date: e.date, precision: e.precision, file: e.file, start: e.start, end: e.end, text: e.text, sentence: e.sentence, entities: e.entities });
      }
      return out;
    });
    return this.slice(rows, query.page);
  }

  async connections(query: ConnectionsQuery): Promise<Page<ConnectionRow>> {
    this.check(query.page.signal ?? query.entity?.signal);
    let wanted: EntityKey | undefined;
    if (query.entity) {
      wanted = this.entityOf(query.entity);
      if (!wanted) return { items: [], total: 0 };
    }
    const minCount = Math.max(1, Math.floor(query.minCount ?? 2));
    const rows = this.cached(`c\u0000${wanted ?? ''}\u0000${minCount}`, () => {
      const out: ConnectionRow[] = [];
      for (const c of this.store.connections({ minCount }).connections) {
        if (wanted !== undefined && c.aKey !== wanted && c.bKey !== wanted) continue;
        out.push({ a: c.a, b: c.b, articles: c.articles, paragraphs: c.paragraphs, strength: c.strength });
      }
      return out.sort(compareConnections);
    });
    return this.slice(rows, query.page);
  }

  async quotesBy(speaker: EntityQuery, page: PageRequest): Promise<Page<QuoteRow>> {
    this.check(page.signal ?? speaker.signal);
    const key = this.entityOf(speaker);
    if (!key) return { items: [], total: 0 };
    const { offset, limit } = pageBounds(page, MAX_PAGE);
    const { total, quotes } = this.store.quotesBy(key, offset + limit);
    const items = quotes.slice(offset).map((q): QuoteRow => ({
      file: q.file, start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerType: q.speakerType, cueStart: q.cueStart, cueEnd: q.cueEnd,
    }));
    return pageOf(items, total, offset);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscription.dispose();
    this.answers.clear();
  }

  private check(signal: AbortSignal | undefined): void {
    if (this.closed) throw new Error('the workspace analysis is closed');
    throwIfAborted(signal);
  }

  private slice<T>(rows: T[], page: PageRequest): Page<T> {
    const { offset, limit } = pageBounds(page, MAX_PAGE);
    return pageOf(rows.slice(offset, offset + limit), rows.length, offset);
  }

  private cached<T>(key: string, compute: () => T[]): T[] {
    let rows = this.answers.get(key) as T[] | undefined;
    if (!rows) {
      rows = compute();
      if (this.answers.size >= CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, rows);
    }
    return rows;
  }

  /**
   * The analysis' entity (its key) a name denotes, found as `InMemoryStore` finds it: the name's own key
   * under any type, else the most mentioned entity having it as a written form.
   */
  private entityOf(query: EntityQuery): EntityKey | undefined {
    const found = resolveEntityKey(this.index, query);
    return found === undefined ? undefined : this.store.entity(found)?.key;
  }
}
