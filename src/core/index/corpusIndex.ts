/**
 * The workspace's corpus index: every article's spans, linked across articles by entity, date and figure.
 * Pure: the adapter supplies article text (from the editor or the file system) and persists cache entries;
 * this class never touches the file system. All queries are synchronous and answer from in-memory
 * inverted indexes, so hover cards and reference lists stay fast at 10,000 articles.
 *
 * This class owns the mutations and the change events; the queries live in modules with one job each,
 * over the shared tables (`indexTables.ts`): the workspace's decisions about names (`entityDecisions.ts`),
 * linking spans to keys (`articleLinks.ts`), ranking articles (`ranking.ts`), one entity's mentions and card
 * (`entityQueries.ts`), related dates and figures (`relatedValues.ts`), outline and workspace symbols
 * (`symbols.ts`), and merge suggestions (`mergeSuggestions.ts`).
 */
import type { EntityRegistry, NameType, Span } from '../extract/types';
import { yieldToEventLoop } from '../util/async';
import { NEVER_CANCELLED, type CancellationToken } from '../util/cancellation';
import { Emitter, type Event } from '../util/emitter';
import {
  analyzeArticle, SPAN_STRIDE, SpanField, spanCount, typeConfidenceAt, unpackSpan, viewsOfAnalysis, type ArticleAnalysis, type Extractor,
} from './analysis';
import { ArticleLinks } from './articleLinks';
import { EntityDecisions } from './entityDecisions';
import type { EntityKey } from './entityKey';
import * as entityQueries from './entityQueries';
import { contentHash } from './hash';
import { EMPTY_VOTES, IndexTables, type ArticleRecord } from './indexTables';
import { EntityLinker } from './linker';
import { mergeSuggestions, type MergeSuggestion } from './mergeSuggestions';
import type {
  ArticleInfo, DocumentSymbolGroup, EntityInfo, IndexChangeEvent, IndexedSpan, MentionLocation, RankedArticles,
  RelatedDates, RelatedFigures, WorkspaceSymbol,
} from './queryTypes';
import type { RankOptions } from './ranking';
import { relatedDates, relatedFigures } from './relatedValues';
import { outlineOf, workspaceSymbols } from './symbols';

export { spellingSkeleton } from './mergeSuggestions';
export type { RankOptions } from './ranking';

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

const REFERENCE_CACHE_SIZE = 32;

export class CorpusIndex {
  private readonly tables: IndexTables;
  private readonly decisions: EntityDecisions;
  private readonly links: ArticleLinks;
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
    this.tables = new IndexTables(new EntityLinker(options.registry));
    this.decisions = new EntityDecisions(this.tables, options.isCommonWord);
    this.links = new ArticleLinks(this.tables, this.decisions);
    this.tables.postings.onFirstPosting = (key) => this.decisions.trackShortForms(key, true);
    this.tables.postings.onLastPosting = (key) => this.decisions.trackShortForms(key, false);
  }

  // ---------------------------------------------------------------- mutations

  get size(): number {
    return this.tables.idByUri.size;
  }

  has(uri: string): boolean {
    return this.tables.idByUri.has(uri);
  }

  uris(): string[] {
    return [...this.tables.idByUri.keys()];
  }

  /** The stored content hash, so an adapter can skip unchanged files before reading a cache entry. */
  hashOf(uri: string): string | undefined {
    return this.tables.recordOf(uri)?.analysis.hash;
  }

  get registry(): EntityRegistry {
    return this.tables.linker.registry;
  }

  /**
   * Adds or re-analyses an article. Returns false (and does nothing) when the text is unchanged.
   * Needs the `extract` option.
   */
  update(uri: string, text: string): boolean {
    const existing = this.tables.recordOf(uri);
    const hash = contentHash(text);
    if (existing && existing.analysis.hash === hash) return false;
    this.addAnalysis(this.analyze(uri, text), text);
    return true;
  }

  /** Adds an analysis computed elsewhere (worker thread, cache). `text` must be the analysed text. */
  addAnalysis(analysis: ArticleAnalysis, text: string): void {
    const uri = analysis.uri;
    const previous = this.tables.idByUri.get(uri);
    if (previous !== undefined) this.links.unlink(this.tables.records[previous]!);
    const { spans, atoms, ...rest } = analysis;
    const id = previous ?? this.tables.records.length;
    const record: ArticleRecord = {
      id, uri, text, analysis: rest,
      // a cache entry's spans arrive as an Int32Array of their own (`deserializeAnalysis`): kept as they are, never written to
      packed: { spans: spans instanceof Int32Array ? spans : Int32Array.from(spans), atoms },
      keyIds: new Int32Array((spans.length / SPAN_STRIDE) * 2),
      votes: EMPTY_VOTES,
    };
    this.tables.records[id] = record;
    this.tables.idByUri.set(uri, id);
    this.links.link(record);
    this.change((e) => e.changed.push(uri));
  }

  remove(uri: string): boolean {
    const record = this.tables.recordOf(uri);
    if (!record) return false;
    this.links.unlink(record);
    this.tables.records[record.id] = undefined;
    this.tables.idByUri.delete(uri);
    this.change((e) => e.removed.push(uri));
    return true;
  }

  /** Moves an article to a new URI without extracting again. */
  rename(from: string, to: string): boolean {
    const record = this.tables.recordOf(from);
    if (!record || from === to) return false;
    if (this.has(to)) this.remove(to);
    this.tables.idByUri.delete(from);
    record.uri = to;
    record.analysis = { ...record.analysis, uri: to };
    this.tables.idByUri.set(to, record.id);
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
      const live = this.tables.records.filter((r): r is ArticleRecord => r !== undefined);
      for (const record of live) this.links.unlink(record);
      this.decisions.clear();
      this.tables.linker = new EntityLinker(registry);
      this.links.resetNames();
      for (const record of live) this.links.link(record);
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
    const record = this.tables.recordOf(uri);
    if (!record) return undefined;
    const { hash, headline, published, reference } = record.analysis;
    return { uri, hash, headline, published, reference, spanCount: spanCount(record.packed) };
  }

  /** The indexed text of an article, so adapters can turn offsets into positions without opening it. */
  textOf(uri: string): string | undefined {
    return this.tables.recordOf(uri)?.text;
  }

  /** All visible spans of an article (ignored names left out), in text order. */
  spansOf(uri: string): Span[] {
    const record = this.tables.recordOf(uri);
    if (!record) return [];
    const out: Span[] = [];
    for (let i = 0; i < spanCount(record.packed); i++) {
      if (!this.decisions.hidden(record.keyIds[i * 2])) out.push(this.decisions.displaySpan(record, i));
    }
    return out;
  }

  /** The extractor's spans of an article as analysed, before any workspace decision (for consistency checks). */
  analysedSpansOf(uri: string): Span[] {
    const record = this.tables.recordOf(uri);
    if (!record) return [];
    const out: Span[] = [];
    for (let i = 0; i < spanCount(record.packed); i++) out.push(unpackSpan(record.packed, i, record.text));
    return out;
  }

  /**
   * The tagger's confidence in each analysed span's type, as packed (0–255; -1 for none), in the order of
   * `analysedSpansOf` (for consistency checks).
   */
  analysedConfidencesOf(uri: string): number[] {
    const record = this.tables.recordOf(uri);
    if (!record) return [];
    return Array.from({ length: spanCount(record.packed) }, (_, i) => typeConfidenceAt(record.packed, i) ?? -1);
  }

  /** What the analysis views read of an article, computed when it was indexed (see `ArticleAnalysis.views`). */
  viewsOf(uri: string): ArticleAnalysis['views'] {
    const analysis = this.tables.recordOf(uri)?.analysis;
    if (analysis?.viewsJson !== undefined) {
      // from a cache entry: parsed on this first read, kept parsed
      analysis.views = viewsOfAnalysis(analysis);
      delete analysis.viewsJson;
    }
    return analysis?.views;
  }

  /** The span covering `offset` (start ≤ offset < end), by binary search. */
  spanAt(uri: string, offset: number): IndexedSpan | undefined {
    const record = this.tables.recordOf(uri);
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
    return this.decisions.indexedSpan(record, found);
  }

  /** The span with this index in its article (from `IndexedSpan.index`). */
  spanByIndex(uri: string, index: number): IndexedSpan | undefined {
    const record = this.tables.recordOf(uri);
    if (!record || index < 0 || index >= spanCount(record.packed)) return undefined;
    return this.decisions.indexedSpan(record, index);
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
    const result = entityQueries.computeReferences(this.tables, this.decisions, key);
    if (this.referenceCache.size >= REFERENCE_CACHE_SIZE) this.referenceCache.delete(this.referenceCache.keys().next().value!);
    this.referenceCache.set(key, result);
    return result;
  }

  /** Other articles mentioning the entity, the top `limit` with headline, date and snippet. */
  articlesMentioning(key: EntityKey, options: RankOptions = {}): RankedArticles {
    return entityQueries.articlesMentioning(this.tables, this.decisions, key, options);
  }

  entityInfo(key: EntityKey): EntityInfo | undefined {
    return entityQueries.entityInfo(this.tables, this.decisions, key);
  }

  /** Every written form of an entity's mentions with its count, most frequent first (then alphabetical). */
  entityForms(key: EntityKey): { text: string; count: number }[] {
    return entityQueries.entityForms(this.tables, this.decisions, key);
  }

  /** Mentions in the same article: how many times this entity / date / figure occurs there. */
  mentionsInArticle(uri: string, key: string): { start: number; end: number }[] {
    return entityQueries.mentionsInArticle(this.tables, this.decisions, uri, key);
  }

  /** Other articles mentioning the same day, and (separately) the same month, as this DATE span. */
  relatedDates(target: IndexedSpan, options: RankOptions = {}): RelatedDates {
    return relatedDates(this.tables, target, options);
  }

  /** The same figure elsewhere, and differing figures for the same measured thing (possible conflicts). */
  relatedFigures(target: IndexedSpan, options: RankOptions = {}): RelatedFigures & { conflictTotal: number } {
    return relatedFigures(this.tables, target, options);
  }

  /** Outline of one article: spans grouped by type, then by entity / value, in order of first mention. */
  documentSymbols(uri: string): DocumentSymbolGroup[] {
    const outline = outlineOf(this.tables, this.decisions, uri);
    outline?.add(Number.MAX_SAFE_INTEGER);
    return outline?.groups() ?? [];
  }

  /**
   * The same, read `spansPerSlice` mentions at a time with `pause()` between slices, for a long article
   * whose hundreds of thousands of mentions would hold the caller's thread; `pause` resolving to false stops
   * the reading, and gives undefined.
   */
  async documentSymbolsInSlices(uri: string, pause: () => Promise<boolean>, spansPerSlice = 5000): Promise<DocumentSymbolGroup[] | undefined> {
    const outline = outlineOf(this.tables, this.decisions, uri);
    if (!outline) return [];
    while (outline.add(spansPerSlice)) if (!(await pause())) return undefined;
    return outline.groups();
  }

  /** Entities whose name or an alias contains `query` (case- and punctuation-insensitive). */
  workspaceSymbols(query: string, limit = 100): WorkspaceSymbol[] {
    return workspaceSymbols(this.tables, this.decisions, query, limit);
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
    return this.decisions.displayName(key);
  }

  /**
   * The keys that denote one entity: the full name first, then a short form used in other articles
   * (a surname for people, an acronym for organizations) when it is unambiguous across the corpus.
   */
  entityGroup(key: EntityKey): EntityKey[] {
    return this.decisions.groupOf(this.decisions.internalOf(key)).map((k) => this.decisions.exposedKey(k));
  }

  /**
   * The type the workspace gives a name mention the extractor typed `type` (the registry's type, else the
   * type its entity's mentions across the workspace argue for); null when the name is not an entity there
   * (ignored by the analyst, or a common word only ever capitalised in headlines); undefined when the
   * index does not know the name. What the highlighter paints, so that colours agree with hover cards.
   */
  nameTypeOf(type: NameType, surface: string, canonical: string | undefined): NameType | null | undefined {
    return this.decisions.nameTypeOf(type, surface, canonical);
  }

  /**
   * Pairs of entities whose names are probably spellings of one name (transliterations such as
   * "Zelenskiy" / "Zelenskyy", doubled letters, accents), for the analyst to merge through the registry:
   * never merged silently. Sorted by the mentions at stake; `limit` pairs at most.
   */
  mergeSuggestions(limit = 50): MergeSuggestion[] {
    return mergeSuggestions(this.tables, this.decisions, this.skeletons, limit);
  }

  // ---------------------------------------------------------------- internals

  private analyze(uri: string, text: string): ArticleAnalysis {
    if (!this.options.extract) throw new Error('CorpusIndex needs the `extract` option to analyse text');
    return analyzeArticle(uri, text, {
      extract: this.options.extract,
      published: this.options.publishedFor?.(uri),
      registry: this.tables.linker.registry.entities.length || this.tables.linker.registry.ignore?.length ? this.tables.linker.registry : undefined,
    });
  }

  private indexOne(file: IndexInput, options: IndexAllOptions, result: IndexAllResult): void {
    if (file.analysis) {
      this.addAnalysis(file.analysis, file.text);
      result.reused++;
      return;
    }
    const hash = contentHash(file.text);
    if (this.tables.recordOf(file.uri)?.analysis.hash === hash) {
      result.unchanged++;
      return;
    }
    const cached = options.cached?.(file.uri, hash);
    if (cached && cached.hash === hash) {
      this.addAnalysis(cached.uri === file.uri ? cached : { ...cached, uri: file.uri }, file.text);
      result.reused++;
      return;
    }
    this.addAnalysis(this.analyze(file.uri, file.text), file.text);
    result.analysed++;
  }

  private change(apply: (event: IndexChangeEvent) => void): void {
    this.referenceCache.clear();
    this.decisions.clear();
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
