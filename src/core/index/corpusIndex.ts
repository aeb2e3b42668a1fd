/**
 * The workspace's corpus index: every article's spans, linked across articles by entity, date and figure.
 * Pure: the adapter supplies article text (from the editor or the file system) and persists cache entries;
 * this class never touches the file system. All queries are synchronous and answer from in-memory
 * inverted indexes, so hover cards and reference lists stay fast at 10,000 articles.
 */
import type { EntityRegistry, NameType, Span } from '../extract/types';
import { NAME_TYPES, SPAN_TYPES } from '../extract/types';
import { yieldToEventLoop } from '../util/async';
import { NEVER_CANCELLED, type CancellationToken } from '../util/cancellation';
import { Emitter, type Event } from '../util/emitter';
import {
  analyzeArticle, SPAN_STRIDE, SpanField, measureAt, spanCount, spanTypeAt, unpackSpan,
  type ArticleAnalysis, type Extractor, type PackedSpans,
} from './analysis';
import { isCommonWord } from './commonWords';
import { entityKeyType, initialsOf, isNameType, normalizeName, surnameOf, UNTYPED_PREFIX, type EntityKey } from './entityKey';
import { followsPersonTitle, LineStyles } from './lineStyle';
import { contentHash } from './hash';
import { EntityLinker } from './linker';
import { PostingIndex } from './postings';
import type {
  ArticleInfo, ArticleMention, DocumentSymbolGroup, EntityInfo, FigureConflict, IndexChangeEvent, IndexedSpan,
  MentionLocation, RankedArticles, RelatedDates, RelatedFigures, WorkspaceSymbol,
} from './queryTypes';
import { snippetAt } from './snippet';
import { dateKeys, figureKeys } from './spanKeys';

export interface CorpusIndexOptions {
  /** Needed by `update`/`indexAll` for articles without a precomputed analysis. */
  extract?: Extractor;
  registry?: EntityRegistry;
  /** A publication date the workspace knows for an article (e.g. from its sidecar), YYYY-MM-DD. */
  publishedFor?: (uri: string) => string | undefined;
  /** Is this lower-case word a common English word (not a name)? Defaults to `isCommonWord`. */
  isCommonWord?: (word: string) => boolean;
}

/** One file for `indexAll`: its text, and optionally an analysis computed elsewhere (a worker). */
export interface IndexInput {
  uri: string;
  text: string;
  analysis?: ArticleAnalysis;
}

export interface IndexAllOptions {
  token?: CancellationToken;
  /** Called after every chunk with the number of files handled so far. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Files handled between yields to the event loop. */
  yieldEvery?: number;
  /** A cache lookup: a stored analysis for this uri and content hash, if any (see `cacheEntry.ts`). */
  cached?: (uri: string, hash: string) => ArticleAnalysis | undefined;
}

export interface IndexAllResult {
  analysed: number;
  reused: number;
  unchanged: number;
  cancelled: boolean;
}

export interface RankOptions {
  limit?: number;
  /** Leave this article out (the one the hover is in). */
  excludeUri?: string;
}

interface ArticleRecord {
  id: number;
  uri: string;
  text: string;
  analysis: Omit<ArticleAnalysis, 'spans' | 'atoms'>;
  packed: PackedSpans & { spans: Int32Array };
  /** Two key ids per span (primary, secondary); NO_KEY, or IGNORED for names the registry ignores. */
  keyIds: Int32Array;
  /** This article's evidence for its names' types: VOTE_STRIDE numbers per distinct name key, key id first. */
  votes: Int32Array;
}

/**
 * The evidence a name's mentions give for its type, per key id: a weight per name type (PERSON, ORG,
 * PLACE, MISC), then the mentions in ordinary lines, then all mentions. A mention in a sentence weighs
 * PLAIN_WEIGHT, one in a Title Case or ALL-CAPS line (where every word is capitalised) HEADLINE_WEIGHT,
 * and a personal title just before it ("President", "Secretary") adds TITLE_WEIGHT to PERSON. Integers,
 * so the sums do not depend on the order articles arrive in.
 */
const VOTE_STRIDE = 7;
const VOTE_PLAIN = 5;
const VOTE_TOTAL = 6;
const PLAIN_WEIGHT = 4;
const HEADLINE_WEIGHT = 1;
const TITLE_WEIGHT = 12;

const NO_KEY = -1;
const REFERENCE_CACHE_SIZE = 32;
const IGNORED = -2;
const DEFAULT_LIMIT = 10;

export class CorpusIndex {
  private readonly records: (ArticleRecord | undefined)[] = [];
  private readonly idByUri = new Map<string, number>();
  private readonly postings = new PostingIndex();
  private linker: EntityLinker;
  /** entity key id → surface form → count, and → canonical form → count */
  private readonly surfaces: (Map<string, number> | undefined)[] = [];
  private readonly canonicals: (Map<string, number> | undefined)[] = [];
  /** Memoized links, reset with the registry: type code → canonical → surface → key id (or IGNORED). */
  private nameMemo: Map<string, Map<string, number>>[] = [];
  /** Memoized date / figure keys: value signature → [primary, secondary] key ids. */
  private readonly valueMemo = new Map<string | number, [number, number]>();
  /** multi-word PERSON keys by surname, multi-word ORG keys by initials: cross-article short forms */
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly byInitials = new Map<string, Set<string>>();
  /** key id → VOTE_STRIDE - 1 sums (see VOTE_STRIDE), over every article */
  private votes = new Int32Array(1024 * (VOTE_STRIDE - 1));
  /** normalized name → every word of it is a common English word */
  private readonly commonNames = new Map<string, boolean>();
  /** key id → decided type; any change clears it */
  private readonly typeMemo = new Map<number, NameType | typeof NO_TYPE>();
  /** internal key → its group, and → the key callers see; any change clears them */
  private readonly groupMemo = new Map<string, string[]>();
  private readonly exposedMemo = new Map<string, string>();
  /** normalized name → `spellingSkeleton` */
  private readonly skeletons = new Map<string, string>();
  private readonly changeEmitter = new Emitter<IndexChangeEvent>();
  private pending: IndexChangeEvent | undefined;
  /** Recent `references` answers; any mutation clears it. */
  private readonly referenceCache = new Map<EntityKey, readonly MentionLocation[]>();
  private batchDepth = 0;

  /** Fires after each change, or once per `batch`. */
  readonly onDidChange: Event<IndexChangeEvent> = this.changeEmitter.event;

  constructor(private readonly options: CorpusIndexOptions = {}) {
    this.linker = new EntityLinker(options.registry);
    this.postings.onFirstPosting = (key) => this.trackShortForms(key, true);
    this.postings.onLastPosting = (key) => this.trackShortForms(key, false);
  }

  // ---------------------------------------------------------------- mutations

  get size(): number {
    return this.idByUri.size;
  }

  has(uri: string): boolean {
    return this.idByUri.has(uri);
  }

  uris(): string[] {
    return [...this.idByUri.keys()];
  }

  /** The stored content hash, so an adapter can skip unchanged files before reading a cache entry. */
  hashOf(uri: string): string | undefined {
    return this.recordOf(uri)?.analysis.hash;
  }

  get registry(): EntityRegistry {
    return this.linker.registry;
  }

  /**
   * Adds or re-analyses an article. Returns false (and does nothing) when the text is unchanged.
   * Needs the `extract` option.
   */
  update(uri: string, text: string): boolean {
    const existing = this.recordOf(uri);
    const hash = contentHash(text);
    if (existing && existing.analysis.hash === hash) return false;
    this.addAnalysis(this.analyze(uri, text), text);
    return true;
  }

  /** Adds an analysis computed elsewhere (worker thread, cache). `text` must be the analysed text. */
  addAnalysis(analysis: ArticleAnalysis, text: string): void {
    const uri = analysis.uri;
    const previous = this.idByUri.get(uri);
    if (previous !== undefined) this.unlink(this.records[previous]!);
    const { spans, atoms, ...rest } = analysis;
    const id = previous ?? this.records.length;
    const record: ArticleRecord = {
      id, uri, text, analysis: rest,
      packed: { spans: Int32Array.from(spans), atoms },
      keyIds: new Int32Array((spans.length / SPAN_STRIDE) * 2),
      votes: EMPTY_VOTES,
    };
    this.records[id] = record;
    this.idByUri.set(uri, id);
    this.link(record);
    this.change((e) => e.changed.push(uri));
  }

  remove(uri: string): boolean {
    const record = this.recordOf(uri);
    if (!record) return false;
    this.unlink(record);
    this.records[record.id] = undefined;
    this.idByUri.delete(uri);
    this.change((e) => e.removed.push(uri));
    return true;
  }

  /** Moves an article to a new URI without extracting again. */
  rename(from: string, to: string): boolean {
    const record = this.recordOf(from);
    if (!record || from === to) return false;
    if (this.has(to)) this.remove(to);
    this.idByUri.delete(from);
    record.uri = to;
    record.analysis = { ...record.analysis, uri: to };
    this.idByUri.set(to, record.id);
    this.change((e) => e.renamed.push({ from, to }));
    return true;
  }

  /** Runs several mutations and fires one change event (file-watcher bursts, branch switches). */
  batch<T>(mutations: () => T): T {
    this.batchDepth++;
    try {
      return mutations();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0) this.flush();
    }
  }

  /**
   * Replaces the registry and recomputes every entity link. No extraction: alias, merge, type and ignore
   * edits take effect at once. Names the registry newly marks appear once their articles are re-analysed.
   */
  setRegistry(registry: EntityRegistry): void {
    this.batch(() => {
      const live = this.records.filter((r): r is ArticleRecord => r !== undefined);
      for (const record of live) this.unlink(record);
      this.clearDecisions();
      this.linker = new EntityLinker(registry);
      this.nameMemo = [];
      for (const record of live) this.link(record);
      this.change((e) => {
        e.relinked = true;
      });
    });
  }

  /**
   * Indexes many files cooperatively: yields to the event loop every `yieldEvery` files, fires one change
   * event per chunk, and stops at the next chunk boundary once `token` is cancelled.
   */
  async indexAll(files: Iterable<IndexInput>, options: IndexAllOptions = {}): Promise<IndexAllResult> {
    const token = options.token ?? NEVER_CANCELLED;
    const yieldEvery = Math.max(1, options.yieldEvery ?? 20);
    const total = Array.isArray(files) ? files.length : undefined;
    const result: IndexAllResult = { analysed: 0, reused: 0, unchanged: 0, cancelled: false };
    let done = 0;
    let chunk: IndexInput[] = [];
    const runChunk = () => this.batch(() => {
      for (const file of chunk) this.indexOne(file, options, result);
    });
    for (const file of files) {
      if (token.isCancellationRequested) break;
      chunk.push(file);
      if (chunk.length < yieldEvery) continue;
      runChunk();
      done += chunk.length;
      chunk = [];
      options.onProgress?.(done, total);
      await yieldToEventLoop();
    }
    if (chunk.length && !token.isCancellationRequested) {
      runChunk();
      done += chunk.length;
      options.onProgress?.(done, total);
    }
    result.cancelled = token.isCancellationRequested;
    return result;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  // ---------------------------------------------------------------- queries

  articleInfo(uri: string): ArticleInfo | undefined {
    const record = this.recordOf(uri);
    if (!record) return undefined;
    const { hash, headline, published, reference } = record.analysis;
    return { uri, hash, headline, published, reference, spanCount: spanCount(record.packed) };
  }

  /** The indexed text of an article, so adapters can turn offsets into positions without opening it. */
  textOf(uri: string): string | undefined {
    return this.recordOf(uri)?.text;
  }

  /** All visible spans of an article (ignored names left out), in text order. */
  spansOf(uri: string): Span[] {
    const record = this.recordOf(uri);
    if (!record) return [];
    const out: Span[] = [];
    for (let i = 0; i < spanCount(record.packed); i++) {
      if (!this.hidden(record.keyIds[i * 2])) out.push(this.displaySpan(record, i));
    }
    return out;
  }

  /** The extractor's spans of an article as analysed, before any workspace decision (for consistency checks). */
  analysedSpansOf(uri: string): Span[] {
    const record = this.recordOf(uri);
    if (!record) return [];
    const out: Span[] = [];
    for (let i = 0; i < spanCount(record.packed); i++) out.push(unpackSpan(record.packed, i, record.text));
    return out;
  }

  /** What the analysis views read of an article, computed when it was indexed (see `ArticleAnalysis.views`). */
  viewsOf(uri: string): ArticleAnalysis['views'] {
    return this.recordOf(uri)?.analysis.views;
  }

  /** The span covering `offset` (start ≤ offset < end), by binary search. */
  spanAt(uri: string, offset: number): IndexedSpan | undefined {
    const record = this.recordOf(uri);
    if (!record) return undefined;
    const spans = record.packed.spans;
    let lo = 0;
    let hi = spanCount(record.packed) - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid * SPAN_STRIDE + SpanField.start] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || offset >= spans[found * SPAN_STRIDE + SpanField.end]) return undefined;
    return this.indexedSpan(record, found);
  }

  /** The span with this index in its article (from `IndexedSpan.index`). */
  spanByIndex(uri: string, index: number): IndexedSpan | undefined {
    const record = this.recordOf(uri);
    if (!record || index < 0 || index >= spanCount(record.packed)) return undefined;
    return this.indexedSpan(record, index);
  }

  /**
   * Every mention of the entity (including its linked short forms), grouped by article in the order the
   * articles were indexed (callers such as the references view sort by location themselves). The result
   * is shared with later callers until the index changes (Peek, then Show All References, asks twice):
   * do not mutate it.
   */
  references(key: EntityKey): readonly MentionLocation[] {
    const cached = this.referenceCache.get(key);
    if (cached) return cached;
    const result = this.computeReferences(key);
    if (this.referenceCache.size >= REFERENCE_CACHE_SIZE) this.referenceCache.delete(this.referenceCache.keys().next().value!);
    this.referenceCache.set(key, result);
    return result;
  }

  private computeReferences(key: EntityKey): MentionLocation[] {
    const group = this.groupOf(this.internalOf(key));
    const out: MentionLocation[] = [];
    if (group.length === 1) {
      // The common case, and the hot one for entities with 100,000+ mentions: fill a preallocated array.
      const postings = this.postings.postingsOf(group[0]);
      let total = 0;
      for (const list of postings.values()) total += list.length;
      const filled: MentionLocation[] = new Array(total);
      let k = 0;
      for (const [id, list] of postings) {
        const record = this.records[id]!;
        const uri = record.uri;
        const spans = record.packed.spans;
        for (let j = 0; j < list.length; j++) {
          const base = list[j] * SPAN_STRIDE;
          filled[k++] = { uri, start: spans[base + SpanField.start], end: spans[base + SpanField.end] };
        }
      }
      return filled;
    }
    const [main, ...shortForms] = group.map((k) => this.postings.postingsOf(k));
    const emit = (record: ArticleRecord, list: readonly number[]) => {
      for (const i of list) out.push({ uri: record.uri, start: startOf(record, i), end: endOf(record, i) });
    };
    for (const [id, list] of main) {
      const extra = shortForms.map((m) => m.get(id)).filter((l): l is readonly number[] => l !== undefined);
      emit(this.records[id]!, extra.length ? [...list, ...extra.flat()].sort((a, b) => a - b) : list);
    }
    shortForms.forEach((postings, g) => {
      for (const [id, list] of postings) {
        if (!main.has(id) && !shortForms.slice(0, g).some((m) => m.has(id))) emit(this.records[id]!, list);
      }
    });
    return out;
  }

  /** Other articles mentioning the entity, the top `limit` with headline, date and snippet. */
  articlesMentioning(key: EntityKey, options: RankOptions = {}): RankedArticles {
    const group = this.groupOf(this.internalOf(key));
    return group.length === 1 ? this.rank(this.postings.postingsOf(group[0]), options) : this.rankGroup(group, options);
  }

  entityInfo(key: EntityKey): EntityInfo | undefined {
    const group = this.groupOf(this.internalOf(key));
    const representative = group[0];
    const type = this.decidedType(representative);
    if (!type || this.isJunk(representative)) return undefined;
    const curated = this.linker.registryEntity(representative);
    const counts = this.groupCounts(group);
    if (!curated && counts.size === 0) return undefined;
    let mentionCount = 0;
    for (const count of counts.values()) mentionCount += count;
    const canonical = this.displayName(representative);
    const aliasCounts = new Map<string, number>();
    for (const k of group) {
      for (const [surface, count] of this.surfaces[this.postings.idOf(k) ?? -1] ?? []) aliasCounts.set(surface, (aliasCounts.get(surface) ?? 0) + count);
    }
    for (const alias of curated?.aliases ?? []) if (!aliasCounts.has(alias)) aliasCounts.set(alias, 0);
    const aliases = [...aliasCounts.entries()].filter(([surface]) => surface !== canonical)
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([surface]) => surface);
    const info: EntityInfo = { key: this.exposedKey(representative), type, canonical, aliases, curated: !!curated, articleCount: counts.size, mentionCount };
    if (curated?.description) info.description = curated.description;
    if (curated?.links?.length) info.links = [...curated.links];
    return info;
  }

  /** Every written form of an entity's mentions with its count, most frequent first (then alphabetical). */
  entityForms(key: EntityKey): { text: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const k of this.groupOf(this.internalOf(key))) {
      for (const [surface, count] of this.surfaces[this.postings.idOf(k) ?? -1] ?? []) counts.set(surface, (counts.get(surface) ?? 0) + count);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([text, count]) => ({ text, count }));
  }

  /** Mentions in the same article: how many times this entity / date / figure occurs there. */
  mentionsInArticle(uri: string, key: string): { start: number; end: number }[] {
    const record = this.recordOf(uri);
    if (!record) return [];
    const group = this.isNameKey(key) ? this.groupOf(this.internalOf(key)) : [key];
    const indexes: number[] = [];
    for (const k of group) indexes.push(...(this.postings.postingsOf(k).get(record.id) ?? []));
    return indexes.sort((a, b) => a - b).map((i) => ({ start: startOf(record, i), end: endOf(record, i) }));
  }

  /** Other articles mentioning the same day, and (separately) the same month, as this DATE span. */
  relatedDates(target: IndexedSpan, options: RankOptions = {}): RelatedDates {
    const opts = { ...options, excludeUri: options.excludeUri ?? target.uri };
    const empty: RankedArticles = { total: 0, articles: [] };
    if (!target.key) return { sameDay: empty, sameMonth: empty };
    if (target.key.startsWith('MONTH:')) return { sameDay: empty, sameMonth: this.rank(this.postings.postingsOf(target.key), opts) };
    const sameDayPostings = this.postings.postingsOf(target.key);
    const sameDay = this.rank(sameDayPostings, opts);
    if (!target.secondaryKey) return { sameDay, sameMonth: empty };
    const monthOnly = new Map<number, readonly number[]>();
    for (const [id, list] of this.postings.postingsOf(target.secondaryKey)) if (!sameDayPostings.has(id)) monthOnly.set(id, list);
    return { sameDay, sameMonth: this.rank(monthOnly, opts) };
  }

  /** The same figure elsewhere, and differing figures for the same measured thing (possible conflicts). */
  relatedFigures(target: IndexedSpan, options: RankOptions = {}): RelatedFigures & { conflictTotal: number } {
    const record = this.recordOf(target.uri);
    const opts = { ...options, excludeUri: options.excludeUri ?? target.uri };
    const same = target.key ? this.rank(this.postings.postingsOf(target.key), opts) : { total: 0, articles: [] };
    const measure = record ? measureAt(record.packed, target.index) ?? target.span.unit : undefined;
    const conflicts: FigureConflict[] = [];
    let conflictTotal = 0;
    if (target.secondaryKey) {
      const differing = new Map<number, number[]>();
      const excluded = opts.excludeUri === undefined ? undefined : this.idByUri.get(opts.excludeUri);
      const sameValue = target.key === undefined ? NO_KEY : this.postings.idOf(target.key) ?? NO_KEY;
      for (const [id, list] of this.postings.postingsOf(target.secondaryKey)) {
        if (id === excluded) continue;
        const other = this.records[id]!;
        const diff = list.filter((i) => other.keyIds[i * 2] !== sameValue);
        if (diff.length) differing.set(id, diff);
      }
      conflictTotal = differing.size;
      for (const mention of this.rank(differing, { ...opts, excludeUri: undefined }).articles) {
        const other = this.recordOf(mention.uri)!;
        const index = differing.get(other.id)![0];
        const span = unpackSpan(other.packed, index, other.text);
        conflicts.push({ ...mention, text: span.text, value: span.value });
      }
    }
    const result: RelatedFigures & { conflictTotal: number } = { same, conflicts, conflictTotal };
    if (measure) result.measure = measure;
    return result;
  }

  /** Outline of one article: spans grouped by type, then by entity / value, in order of first mention. */
  documentSymbols(uri: string): DocumentSymbolGroup[] {
    const outline = this.outlineOf(uri);
    outline?.add(Number.MAX_SAFE_INTEGER);
    return outline?.groups() ?? [];
  }

  /**
   * The same, read `spansPerSlice` mentions at a time with `pause()` between slices, for a long article
   * whose hundreds of thousands of mentions would hold the caller's thread; `pause` resolving to false stops
   * the reading, and gives undefined.
   */
  async documentSymbolsInSlices(uri: string, pause: () => Promise<boolean>, spansPerSlice = 5000): Promise<DocumentSymbolGroup[] | undefined> {
    const outline = this.outlineOf(uri);
    if (!outline) return [];
    while (outline.add(spansPerSlice)) if (!(await pause())) return undefined;
    return outline.groups();
  }

  private outlineOf(uri: string): { add(count: number): boolean; groups(): DocumentSymbolGroup[] } | undefined {
    const record = this.recordOf(uri);
    if (!record) return undefined;
    const groups = new Map<string, DocumentSymbolGroup>();
    const symbols = new Map<string, DocumentSymbolGroup['symbols'][number]>();
    // A long article has a few hundred symbols but hundreds of thousands of mentions: each mention's
    // symbol is found by its key id and type, without building its key string again.
    const byKeyAndType = new Map<number, DocumentSymbolGroup['symbols'][number]>();
    const total = spanCount(record.packed);
    let next = 0;
    const add = (count: number): boolean => {
      const stop = Math.min(total, next + count);
      for (let i = next; i < stop; i++) {
        const keyId = record.keyIds[i * 2];
        if (this.hidden(keyId)) continue;
        const start = startOf(record, i);
        const end = endOf(record, i);
        // a name's symbol follows its entity, whatever type this mention got
        const typeIndex = this.isNameKeyId(keyId) ? 0 : record.packed.spans[i * SPAN_STRIDE + SpanField.type];
        const fast = keyId >= 0 ? keyId * SPAN_TYPES.length + typeIndex : -1;
        let symbol = fast >= 0 ? byKeyAndType.get(fast) : undefined;
        if (!symbol) {
          const rawKey = keyId >= 0 ? this.postings.keyOf(keyId) : undefined;
          const isName = rawKey !== undefined && this.isNameKey(rawKey);
          const internal = isName ? this.groupOf(rawKey)[0] : undefined;
          const type = internal ? this.decidedType(internal) ?? spanTypeAt(record.packed, i) : spanTypeAt(record.packed, i);
          const key = internal ? this.exposedKey(internal) : rawKey;
          const symbolKey = `${type}\u0000${key ?? record.text.slice(start, end)}`;
          symbol = symbols.get(symbolKey);
          if (!symbol) {
            const name = internal ? this.displayName(internal) : record.text.slice(start, end);
            symbol = { name, type, first: { start, end }, last: { start, end }, mentionCount: 0 };
            if (key) symbol.key = key;
            symbols.set(symbolKey, symbol);
            let group = groups.get(type);
            if (!group) groups.set(type, (group = { type, symbols: [] }));
            group.symbols.push(symbol);
          }
          if (fast >= 0) byKeyAndType.set(fast, symbol);
        }
        symbol.mentionCount++;
        symbol.last.start = start;
        symbol.last.end = end;
      }
      next = stop;
      return next < total;
    };
    return { add, groups: () => SPAN_TYPES.filter((t) => groups.has(t)).map((t) => groups.get(t)!) };
  }

  /** Entities whose name or an alias contains `query` (case- and punctuation-insensitive). */
  workspaceSymbols(query: string, limit = 100): WorkspaceSymbol[] {
    const needle = normalizeName(query);
    const hits: { symbol: WorkspaceSymbol; prefix: boolean }[] = [];
    const seen = new Set<string>();
    for (const id of this.postings.liveIds()) {
      if (this.isJunkId(id)) continue;
      const rawKey = this.postings.keyOf(id);
      if (!this.isNameKey(rawKey)) continue;
      const group = this.groupOf(rawKey);
      const internal = group[0];
      if (seen.has(internal)) continue;
      const type = this.decidedType(internal);
      if (!type) continue;
      const normalizedName = internal.slice(internal.indexOf(':') + 1);
      let matched = normalizedName.includes(needle);
      if (!matched) {
        for (const surface of this.surfaces[id]?.keys() ?? []) {
          if (normalizeName(surface).includes(needle)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      seen.add(internal);
      const [firstId, firstList] = this.postings.postingsOf(internal).entries().next().value as [number, readonly number[]];
      const record = this.records[firstId]!;
      hits.push({
        prefix: normalizedName.startsWith(needle),
        symbol: {
          key: this.exposedKey(internal), name: this.displayName(internal), type,
          articleCount: group.length === 1 ? this.postings.postingsOf(internal).size : this.groupCounts(group).size,
          location: { uri: record.uri, start: startOf(record, firstList[0]), end: endOf(record, firstList[0]) },
        },
      });
    }
    hits.sort((a, b) => Number(b.prefix) - Number(a.prefix) || b.symbol.articleCount - a.symbol.articleCount ||
      compareStrings(a.symbol.name, b.symbol.name));
    return hits.slice(0, limit).map((h) => h.symbol);
  }

  /** The next (or previous) mention of the same entity / date / figure in this article, wrapping around. */
  adjacentMention(uri: string, offset: number, direction: 'next' | 'previous'): { start: number; end: number } | undefined {
    const here = this.spanAt(uri, offset);
    if (!here?.key) return undefined;
    const mentions = this.mentionsInArticle(uri, here.key);
    if (mentions.length < 2) return undefined;
    const position = mentions.findIndex((m) => m.start === here.span.start);
    const step = direction === 'next' ? 1 : -1;
    return mentions[(position + step + mentions.length) % mentions.length];
  }

  /** The display name of an entity: the registry's canonical, else the most frequent canonical form. */
  displayName(key: EntityKey): string {
    const internal = this.internalOf(key);
    const curated = this.linker.registryEntity(internal);
    if (curated) return curated.canonical;
    return mostFrequent(this.canonicals[this.postings.idOf(internal) ?? -1]) ?? internal.slice(internal.indexOf(':') + 1);
  }

  /**
   * The keys that denote one entity: the full name first, then a short form used in other articles
   * (a surname for people, an acronym for organizations) when it is unambiguous across the corpus.
   */
  entityGroup(key: EntityKey): EntityKey[] {
    return this.groupOf(this.internalOf(key)).map((k) => this.exposedKey(k));
  }

  /**
   * The type the workspace gives a name mention the extractor typed `type` (the registry's type, else the
   * type its entity's mentions across the workspace argue for); null when the name is not an entity there
   * (ignored by the analyst, or a common word only ever capitalised in headlines); undefined when the
   * index does not know the name. What the highlighter paints, so that colours agree with hover cards.
   */
  nameTypeOf(type: NameType, surface: string, canonical: string | undefined): NameType | null | undefined {
    const key = this.linker.keyFor(type, surface, canonical);
    if (key === undefined) return null;
    const id = this.postings.idOf(key);
    if (id === undefined || this.postings.postingsOf(key).size === 0) return undefined;
    if (this.isJunk(key)) return null;
    return this.decidedType(this.groupOf(key)[0]) ?? type;
  }

  /**
   * Pairs of entities whose names are probably spellings of one name (transliterations such as
   * "Zelenskiy" / "Zelenskyy", doubled letters, accents), for the analyst to merge through the registry:
   * never merged silently. Sorted by the mentions at stake; `limit` pairs at most.
   */
  mergeSuggestions(limit = 50): { key: EntityKey; into: EntityKey; name: string; intoName: string; mentions: number }[] {
    const bySkeleton = new Map<string, { internal: string; mentions: number }[]>();
    const seen = new Set<string>();
    for (const rawKey of this.postings.liveKeys()) {
      if (!this.isNameKey(rawKey) || this.isJunk(rawKey)) continue;
      const internal = this.groupOf(rawKey)[0];
      if (seen.has(internal)) continue;
      seen.add(internal);
      const name = internal.slice(internal.indexOf(':') + 1);
      if (name.length < 5) continue;
      let skeleton = this.skeletons.get(name);
      if (skeleton === undefined) {
        if (this.skeletons.size > 200_000) this.skeletons.clear();
        this.skeletons.set(name, (skeleton = spellingSkeleton(name)));
      }
      const list = bySkeleton.get(skeleton);
      if (list) list.push({ internal, mentions: 0 });
      else bySkeleton.set(skeleton, [{ internal, mentions: 0 }]);
    }
    const out: { key: EntityKey; into: EntityKey; name: string; intoName: string; mentions: number }[] = [];
    for (const list of bySkeleton.values()) {
      if (list.length < 2) continue;
      for (const entry of list) for (const count of this.groupCounts(this.groupOf(entry.internal)).values()) entry.mentions += count;
      // the most mentioned spelling is the one to merge into
      list.sort((a, b) => b.mentions - a.mentions || compareStrings(a.internal, b.internal));
      const [main, ...others] = list;
      for (const other of others) {
        out.push({
          key: this.exposedKey(other.internal), into: this.exposedKey(main.internal),
          name: this.displayName(other.internal), intoName: this.displayName(main.internal), mentions: other.mentions + main.mentions,
        });
      }
    }
    out.sort((a, b) => b.mentions - a.mentions || compareStrings(a.name, b.name));
    return out.slice(0, limit);
  }

  // ---------------------------------------------------------------- identity

  /** True for a name's key, exposed (`PERSON:…`) or internal (untyped `~:…`, or a registry entity's). */
  private isNameKey(key: string): boolean {
    return key.startsWith(UNTYPED_PREFIX) || entityKeyType(key) !== undefined;
  }

  private isNameKeyId(keyId: number): boolean {
    return keyId >= 0 && this.isNameKey(this.postings.keyOf(keyId));
  }

  /**
   * The index's own key for a name key given by a caller: a registry entity's key as it is, any other
   * name without its type (the type is the workspace's decision, not part of the identity).
   */
  private internalOf(key: string): string {
    if (key.startsWith(UNTYPED_PREFIX)) return key;
    const type = entityKeyType(key);
    if (!type || this.linker.registryEntity(key)) return key;
    return UNTYPED_PREFIX + key.slice(type.length + 1);
  }

  /** The key callers see: `TYPE:name`, with the workspace's type for names the registry does not curate. */
  private exposedKey(internal: string): EntityKey {
    if (!internal.startsWith(UNTYPED_PREFIX)) return internal;
    let key = this.exposedMemo.get(internal);
    if (key === undefined) this.exposedMemo.set(internal, (key = `${this.decidedType(internal) ?? 'MISC'}:${internal.slice(UNTYPED_PREFIX.length)}`));
    return key;
  }

  /**
   * A name's type: the registry's for a curated entity, else the type with the most evidence over all its
   * mentions in the workspace (ties go to the earlier of PERSON, ORG, PLACE, MISC, so the answer does not
   * depend on the order articles were indexed in).
   */
  private decidedType(internal: string): NameType | undefined {
    if (!internal.startsWith(UNTYPED_PREFIX)) return entityKeyType(internal);
    const id = this.postings.idOf(internal);
    if (id === undefined) return undefined;
    const memo = this.typeMemo.get(id);
    if (memo !== undefined) return memo === NO_TYPE ? undefined : memo;
    const base = id * (VOTE_STRIDE - 1);
    let decided: NameType | undefined;
    if (base < this.votes.length && this.votes[base + VOTE_TOTAL - 1] > 0) {
      const weights = Array.from(this.votes.subarray(base, base + NAME_TYPE_ORDER.length));
      // A one-word name that is the surname of exactly one person (or the initials of exactly one
      // organization) in the workspace: each article naming that person in full is evidence too.
      const name = internal.slice(UNTYPED_PREFIX.length);
      if (!name.includes(' ')) {
        weights[0] += PLAIN_WEIGHT * this.fullNameArticles(this.bySurname.get(name), 'PERSON');
        weights[1] += PLAIN_WEIGHT * this.fullNameArticles(this.byInitials.get(name), 'ORG');
      }
      let best = 0;
      for (let t = 1; t < weights.length; t++) if (weights[t] > weights[best]) best = t;
      decided = NAME_TYPE_ORDER[best];
    }
    this.typeMemo.set(id, decided ?? NO_TYPE);
    return decided;
  }

  /** The articles of the one multi-word name of `type` among `keys`; 0 when there is none or several. */
  private fullNameArticles(keys: Set<string> | undefined, type: NameType): number {
    const found = this.onlyOfType(keys, type);
    return found ? this.postings.postingsOf(found).size : 0;
  }

  /** The one key of `keys` decided `type` (and not junk); undefined when there is none or more than one. */
  private onlyOfType(keys: Set<string> | undefined, type: NameType): string | undefined {
    if (!keys) return undefined;
    let found: string | undefined;
    for (const key of keys) {
      if (this.decidedType(key) !== type || this.isJunk(key)) continue;
      if (found) return undefined;
      found = key;
    }
    return found;
  }

  /**
   * A capitalised common word ("Rivalry", "Drone Cooperation") seen only in Title Case or ALL-CAPS lines,
   * and never as a name in a sentence anywhere in the workspace, is not an entity. The registry overrides.
   */
  private isJunk(internal: string): boolean {
    if (!internal.startsWith(UNTYPED_PREFIX)) return false;
    const id = this.postings.idOf(internal);
    return id !== undefined && this.isJunkId(id);
  }

  /** `isJunk` by key id: the vote counts first, which settle most keys without reading the key. */
  private isJunkId(id: number): boolean {
    const base = id * (VOTE_STRIDE - 1);
    if (base >= this.votes.length || this.votes[base + VOTE_PLAIN - 1] > 0 || this.votes[base + VOTE_TOTAL - 1] === 0) return false;
    const internal = this.postings.keyOf(id);
    if (!internal.startsWith(UNTYPED_PREFIX)) return false;
    const name = internal.slice(UNTYPED_PREFIX.length);
    let common = this.commonNames.get(name);
    if (common === undefined) {
      const test = this.options.isCommonWord ?? isCommonWord;
      common = name.split(' ').every((word) => test(word));
      this.commonNames.set(name, common);
    }
    return common;
  }

  /** IGNORED, or a name key that is junk: the mention is no entity at all. */
  private hidden(keyId: number): boolean {
    return keyId === IGNORED || (keyId >= 0 && this.isJunkId(keyId));
  }

  /** `entityGroup` over internal keys; memoized until the next change. Do not mutate the result. */
  private groupOf(internal: string): string[] {
    let group = this.groupMemo.get(internal);
    if (!group) this.groupMemo.set(internal, (group = this.computeGroup(internal)));
    return group;
  }

  private computeGroup(internal: string): string[] {
    const type = this.decidedType(internal);
    if ((type !== 'PERSON' && type !== 'ORG') || this.linker.registryEntity(internal)) return [internal];
    const name = internal.slice(internal.indexOf(':') + 1);
    const index = type === 'PERSON' ? this.bySurname : this.byInitials;
    if (name.includes(' ')) {
      const short = type === 'PERSON' ? surnameOf(name) : initialsOf(name);
      if (!short) return [internal];
      const shortKey = UNTYPED_PREFIX + short;
      if (this.postings.postingsOf(shortKey).size > 0 && this.decidedType(shortKey) === type && !this.isJunk(shortKey) &&
        this.onlyOfType(index.get(short), type) === internal) {
        return [internal, shortKey];
      }
      return [internal];
    }
    const full = this.onlyOfType(index.get(name), type);
    return full ? [full, internal] : [internal];
  }

  // ---------------------------------------------------------------- internals

  private recordOf(uri: string): ArticleRecord | undefined {
    const id = this.idByUri.get(uri);
    return id === undefined ? undefined : this.records[id];
  }

  private analyze(uri: string, text: string): ArticleAnalysis {
    if (!this.options.extract) throw new Error('CorpusIndex needs the `extract` option to analyse text');
    return analyzeArticle(uri, text, {
      extract: this.options.extract,
      published: this.options.publishedFor?.(uri),
      registry: this.linker.registry.entities.length || this.linker.registry.ignore?.length ? this.linker.registry : undefined,
    });
  }

  private indexOne(file: IndexInput, options: IndexAllOptions, result: IndexAllResult): void {
    if (file.analysis) {
      this.addAnalysis(file.analysis, file.text);
      result.reused++;
      return;
    }
    const hash = contentHash(file.text);
    if (this.recordOf(file.uri)?.analysis.hash === hash) {
      result.unchanged++;
      return;
    }
    const cached = options.cached?.(file.uri, hash);
    if (cached && cached.hash === hash) {
      this.addAnalysis({ ...cached, uri: file.uri }, file.text);
      result.reused++;
      return;
    }
    this.addAnalysis(this.analyze(file.uri, file.text), file.text);
    result.analysed++;
  }

  private link(record: ArticleRecord): void {
    const { spans, atoms } = record.packed;
    const n = spanCount(record.packed);
    const width = atoms.length + 1;
    // distinct (type, canonical, surface) names and value signatures of this article, linked once each
    const nameEntries = new Map<number, { keyId: number; count: number; surface: string; canonical: string; slot: number }>();
    const valueEntries = new Map<number, [number, number]>();
    // key id → its slot in `votes` (this article's evidence for each name's type)
    const voteSlots = new Map<number, number>();
    const votes: number[] = [];
    const lines = new LineStyles(record.text);
    for (let i = 0; i < n; i++) {
      const base = i * SPAN_STRIDE;
      const typeCode = spans[base + SpanField.type];
      const type = SPAN_TYPES[typeCode];
      let primary = NO_KEY;
      let secondary = NO_KEY;
      if (isNameType(type)) {
        const canonicalAtom = spans[base + SpanField.canonical];
        const surfaceAtom = spans[base + SpanField.surface];
        const code = (typeCode * width + canonicalAtom + 1) * width + surfaceAtom + 1;
        let entry = nameEntries.get(code);
        if (!entry) {
          const surface = surfaceAtom < 0 ? record.text.slice(spans[base + SpanField.start], spans[base + SpanField.end]) : String(atoms[surfaceAtom]);
          const canonical = canonicalAtom < 0 ? undefined : String(atoms[canonicalAtom]);
          entry = { keyId: this.nameKeyId(typeCode, type, surface, canonical), count: 0, surface, canonical: canonical ?? surface, slot: -1 };
          nameEntries.set(code, entry);
        }
        entry.count++;
        primary = entry.keyId;
        if (primary >= 0) {
          let slot = entry.slot;
          if (slot < 0) {
            slot = voteSlots.get(primary) ?? -1;
            if (slot < 0) {
              voteSlots.set(primary, (slot = votes.length));
              votes.push(primary, 0, 0, 0, 0, 0, 0);
            }
            entry.slot = slot;
          }
          const start = spans[base + SpanField.start];
          const headline = lines.capitalisedByLine(start, entry.surface);
          votes[slot + 1 + typeCode] += headline ? HEADLINE_WEIGHT : PLAIN_WEIGHT;
          if (followsPersonTitle(record.text, start)) votes[slot + 1] += TITLE_WEIGHT;
          if (!headline) votes[slot + VOTE_PLAIN]++;
          votes[slot + VOTE_TOTAL]++;
        }
      } else {
        const code = (((typeCode * width + spans[base + SpanField.value] + 1) * width + spans[base + SpanField.unit] + 1) * width) +
          spans[base + SpanField.measure] + 1;
        let ids = valueEntries.get(code);
        if (!ids) valueEntries.set(code, (ids = this.valueKeyIds(record, i, type)));
        [primary, secondary] = ids;
      }
      record.keyIds[i * 2] = primary;
      record.keyIds[i * 2 + 1] = secondary;
      if (primary >= 0) this.postings.add(primary, record.id, i);
      if (secondary >= 0) this.postings.add(secondary, record.id, i);
    }
    for (const entry of nameEntries.values()) {
      if (entry.keyId < 0) continue;
      bump(this.surfaces, entry.keyId, entry.surface, entry.count);
      bump(this.canonicals, entry.keyId, entry.canonical, entry.count);
    }
    record.votes = votes.length ? Int32Array.from(votes) : EMPTY_VOTES;
    this.addVotes(record.votes, 1);
  }

  /** Adds (sign 1) or takes back (sign -1) an article's evidence for its names' types. */
  private addVotes(votes: Int32Array, sign: 1 | -1): void {
    const width = VOTE_STRIDE - 1;
    for (let slot = 0; slot < votes.length; slot += VOTE_STRIDE) {
      const base = votes[slot] * width;
      if (base + width > this.votes.length) {
        const grown = new Int32Array(Math.max(base + width, this.votes.length * 2));
        grown.set(this.votes);
        this.votes = grown;
      }
      for (let k = 0; k < width; k++) this.votes[base + k] += sign * votes[slot + 1 + k];
    }
  }

  private nameKeyId(typeCode: number, type: NameType, surface: string, canonical: string | undefined): number {
    const byCanonical = (this.nameMemo[typeCode] ??= new Map());
    let bySurface = byCanonical.get(canonical ?? '');
    if (!bySurface) byCanonical.set(canonical ?? '', (bySurface = new Map()));
    let id = bySurface.get(surface);
    if (id === undefined) {
      const key = this.linker.keyFor(type, surface, canonical);
      id = key === undefined ? IGNORED : this.postings.intern(key);
      bySurface.set(surface, id);
    }
    return id;
  }

  private valueKeyIds(record: ArticleRecord, i: number, type: Span['type']): [number, number] {
    const { spans, atoms } = record.packed;
    const base = i * SPAN_STRIDE;
    const value = spans[base + SpanField.value] < 0 ? null : atoms[spans[base + SpanField.value]];
    const unit = spans[base + SpanField.unit] < 0 ? undefined : String(atoms[spans[base + SpanField.unit]]);
    const measure = type === 'DATE' ? undefined : measureAt(record.packed, i);
    const signature = type === 'DATE' && value !== null ? value : `${type}\u0000${value}\u0000${unit ?? ''}\u0000${measure ?? ''}`;
    let ids = this.valueMemo.get(signature);
    if (!ids) {
      const keys = type === 'DATE' ? dateKeys(value) : figureKeys({ type, value, unit }, measure);
      ids = [
        keys.primary === undefined ? NO_KEY : this.postings.intern(keys.primary),
        keys.secondary === undefined ? NO_KEY : this.postings.intern(keys.secondary),
      ];
      if (this.valueMemo.size > 500_000) this.valueMemo.clear();
      this.valueMemo.set(signature, ids);
    }
    return ids;
  }

  private unlink(record: ArticleRecord): void {
    this.addVotes(record.votes, -1);
    record.votes = EMPTY_VOTES;
    const { spans, atoms } = record.packed;
    const seen = new Set<number>();
    const nameCounts = new Map<string, number>();
    for (let i = 0; i < record.keyIds.length; i++) {
      const keyId = record.keyIds[i];
      if (keyId < 0) continue;
      if (i % 2 === 0 && isNameType(spanTypeAt(record.packed, i / 2))) {
        const base = (i / 2) * SPAN_STRIDE;
        const surface = spans[base + SpanField.surface] < 0
          ? record.text.slice(spans[base + SpanField.start], spans[base + SpanField.end]) : String(atoms[spans[base + SpanField.surface]]);
        const canonical = spans[base + SpanField.canonical] < 0 ? surface : String(atoms[spans[base + SpanField.canonical]]);
        const code = `${keyId}\u0000${surface}\u0000${canonical}`;
        nameCounts.set(code, (nameCounts.get(code) ?? 0) + 1);
      }
      if (!seen.has(keyId)) {
        seen.add(keyId);
        this.postings.removeArticle(keyId, record.id);
      }
    }
    for (const [code, count] of nameCounts) {
      const [keyId, surface, canonical] = code.split('\u0000');
      bump(this.surfaces, Number(keyId), surface, -count);
      bump(this.canonicals, Number(keyId), canonical, -count);
    }
  }

  private trackShortForms(key: string, present: boolean): void {
    // an untyped name may be decided PERSON or ORG: it is filed under both, and `groupOf` checks the type
    if (key.startsWith(UNTYPED_PREFIX)) {
      const name = key.slice(UNTYPED_PREFIX.length);
      if (!name.includes(' ')) return;
      this.trackShortForm(this.bySurname, surnameOf(name), key, present);
      this.trackShortForm(this.byInitials, initialsOf(name), key, present);
      return;
    }
    const type = entityKeyType(key);
    if (type !== 'PERSON' && type !== 'ORG') return;
    const name = key.slice(type.length + 1);
    this.trackShortForm(type === 'PERSON' ? this.bySurname : this.byInitials, type === 'PERSON' ? surnameOf(name) : initialsOf(name), key, present);
  }

  private trackShortForm(index: Map<string, Set<string>>, short: string | undefined, key: string, present: boolean): void {
    if (!short) return;
    let set = index.get(short);
    if (present) {
      if (!set) index.set(short, (set = new Set()));
      set.add(key);
    } else if (set) {
      set.delete(key);
      if (set.size === 0) index.delete(short);
    }
  }

  /** Article id → mentions, over every key of an entity group. */
  private groupCounts(keys: readonly string[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const key of keys) {
      for (const [id, list] of this.postings.postingsOf(key)) counts.set(id, (counts.get(id) ?? 0) + list.length);
    }
    return counts;
  }

  /** `rank` over a group of keys without materializing merged posting lists. */
  private rankGroup(keys: readonly string[], options: RankOptions): RankedArticles {
    const lists = keys.map((k) => this.postings.postingsOf(k));
    const counts = this.groupCounts(keys);
    const firstOf = (id: number): number => this.firstInBody(id, lists.map((l) => l.get(id)));
    return this.rankCounts(counts, firstOf, options);
  }

  private rank(postings: ReadonlyMap<number, readonly number[]>, options: RankOptions): RankedArticles {
    const counts = new Map<number, number>();
    for (const [id, list] of postings) counts.set(id, list.length);
    return this.rankCounts(counts, (id) => this.firstInBody(id, [postings.get(id)]), options);
  }

  /**
   * The mention a card quotes and links to: the first one below the headline when there is one, so the
   * snippet shows the sentence with the mention instead of repeating the title listed beside it.
   */
  private firstInBody(id: number, lists: readonly (readonly number[] | undefined)[]): number {
    const record = this.records[id]!;
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

  private rankCounts(counts: ReadonlyMap<number, number>, firstSpanOf: (id: number) => number, options: RankOptions): RankedArticles {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const excluded = options.excludeUri === undefined ? undefined : this.idByUri.get(options.excludeUri);
    const candidates: { id: number; count: number; published: string }[] = [];
    for (const [id, count] of counts) {
      if (id === excluded) continue;
      candidates.push({ id, count, published: this.records[id]!.analysis.published ?? '' });
    }
    const top = selectTop(candidates, limit, (a, b) => b.count - a.count ||
      compareStrings(b.published, a.published) || compareStrings(this.records[a.id]!.uri, this.records[b.id]!.uri));
    const articles = top.map(({ id, count }): ArticleMention => {
      const record = this.records[id]!;
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

  private indexedSpan(record: ArticleRecord, i: number): IndexedSpan | undefined {
    const primary = record.keyIds[i * 2];
    if (this.hidden(primary)) return undefined;
    const secondary = record.keyIds[i * 2 + 1];
    const span = this.displaySpan(record, i);
    const result: IndexedSpan = { uri: record.uri, index: i, span };
    if (primary >= 0) {
      const key = this.postings.keyOf(primary);
      result.key = isNameType(span.type) ? this.exposedKey(this.groupOf(key)[0]) : key;
    }
    if (secondary >= 0) result.secondaryKey = this.postings.keyOf(secondary);
    return result;
  }

  /** The extractor's span with the registry applied: a re-typed or merged entity shows its curated form. */
  private displaySpan(record: ArticleRecord, i: number): Span {
    const span = unpackSpan(record.packed, i, record.text);
    const keyId = record.keyIds[i * 2];
    if (keyId >= 0 && isNameType(span.type)) {
      const key = this.groupOf(this.postings.keyOf(keyId))[0];
      span.type = this.decidedType(key) ?? span.type;
      span.canonical = this.displayName(key);
    }
    return span;
  }

  /** The memoized workspace decisions (types, groups, keys): any change of articles or registry may change them. */
  private clearDecisions(): void {
    this.typeMemo.clear();
    this.groupMemo.clear();
    this.exposedMemo.clear();
  }

  private change(apply: (event: IndexChangeEvent) => void): void {
    this.referenceCache.clear();
    this.clearDecisions();
    this.pending ??= { changed: [], removed: [], renamed: [], relinked: false };
    apply(this.pending);
    if (this.batchDepth === 0) this.flush();
  }

  private flush(): void {
    const event = this.pending;
    this.pending = undefined;
    if (event) this.changeEmitter.fire(event);
  }
}

const EMPTY_VOTES = new Int32Array(0);
/** `typeMemo`'s value for a key without mentions. */
const NO_TYPE = '';
const NAME_TYPE_ORDER: readonly NameType[] = NAME_TYPES;

/**
 * A name's spelling with the differences of transliteration folded away: accents, y/i, doubled letters,
 * ks/x, ph/f ("Zelenskiy", "Zelenskyy" and "Zelensky" agree).
 */
export function spellingSkeleton(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L} ]/gu, '')
    .replace(/y/g, 'i').replace(/ph/g, 'f').replace(/ks/g, 'x').replace(/ck/g, 'k').replace(/(\p{L})\1+/gu, '$1')
    .replace(/i+\b/g, 'i');
}

function startOf(record: ArticleRecord, i: number): number {
  return record.packed.spans[i * SPAN_STRIDE + SpanField.start];
}

function endOf(record: ArticleRecord, i: number): number {
  return record.packed.spans[i * SPAN_STRIDE + SpanField.end];
}

function bump(table: (Map<string, number> | undefined)[], keyId: number, form: string, delta: number): void {
  let counts = table[keyId];
  if (!counts) table[keyId] = counts = new Map();
  const next = (counts.get(form) ?? 0) + delta;
  if (next > 0) counts.set(form, next);
  else {
    counts.delete(form);
    if (counts.size === 0) table[keyId] = undefined;
  }
}

function mostFrequent(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [form, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && form.length > best.length)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
