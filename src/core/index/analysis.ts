/**
 * The pure per-file step of indexing: `analyzeArticle` runs the extractor once and packs the result in a
 * compact, JSON- and structured-clone-friendly form. A worker thread can run it, the adapter can persist
 * it (see `cacheEntry.ts`), and `CorpusIndex.addAnalysis` consumes it without extracting again.
 */
import type { ArticleFileHints, EntityRegistry, ExtractOptions, ExtractResult, ReferenceDate, Span, SpanType } from '../extract/types';
import { SPAN_TYPES } from '../extract/types';
import { isNameType } from './entityKey';
import { contentHash } from './hash';
import { describeMeasure } from './measure';
import { articleMetadata } from '../text/articleMeta';
import { articleViewsOf, type ArticleViews } from '../analysis/articleViews';

/** Bump when the extractor's output or this packing changes, so old cache entries are ignored. */
export const CACHE_VERSION = 8;

export type Extractor = (text: string, options: ExtractOptions) => ExtractResult;

export interface AnalyzeOptions {
  /** The extraction pipeline (`extract` from `src/core/extract/extract.ts`); injected to keep this module light. */
  extract: Extractor;
  /** YYYY-MM-DD; overrides a publication date found in the text. */
  published?: string;
  registry?: EntityRegistry;
  /** What is known of the article's file; the name defaults to the URI. */
  file?: ArticleFileHints;
}

/** Offsets of each field inside one span's slot of `ArticleAnalysis.spans`. */
export const SpanField = {
  start: 0,
  end: 1,
  type: 2,
  /** index into `atoms`, or -1 */
  canonical: 3,
  value: 4,
  unit: 5,
  reason: 6,
  /** 0 none, 1 START, 2 MID, 3 END */
  mod: 7,
  /** figures: what the figure measures, index into `atoms`, or -1 */
  measure: 8,
  /** names: the text as written, index into `atoms` (names recur, so linking works per distinct atom) */
  surface: 9,
  /**
   * names: the tagger's confidence in the type, quantized to a byte (0–255; see `ExtractResult.typeConfidence`),
   * or -1 when the type did not come from the tagger alone
   */
  confidence: 10,
} as const;
export const SPAN_STRIDE = 11;

const MODS = [undefined, 'START', 'MID', 'END'] as const;

export interface ArticleAnalysis {
  cacheVersion: number;
  uri: string;
  /** `contentHash` of the analysed text. */
  hash: string;
  /** Fingerprint of the registry the extractor saw ('' for none). */
  registryFingerprint: string;
  /** The article's title: the first line near the top that reads as a headline (see `articleMetadata`). */
  headline: string;
  /** The publication, when the text names it. */
  outlet?: string;
  /** The author(s), from a "By …" line. */
  byline?: string;
  /** YYYY-MM-DD: the publication date the caller gave or the article states. */
  published?: string;
  reference?: ReferenceDate;
  language?: ExtractResult['language'];
  /** SPAN_STRIDE numbers per span, sorted by start (an `Int32Array` when read back from a cache entry). */
  spans: number[] | Int32Array;
  /** Interned strings and numbers the spans refer to. */
  atoms: (string | number)[];
  /**
   * What the analysis views read (name mentions, paragraphs, quotations, dated sentences), computed with the
   * extraction so that building a view never re-reads the text; absent in analyses made without it.
   */
  views?: ArticleViews;
  /**
   * The same views as the cache entry keeps them, JSON text parsed only when they are first read
   * (`viewsOfAnalysis`, `CorpusIndex.viewsOf`): a warm start links every article but needs no view, so it
   * parses none. `deserializeAnalysis` sets this instead of `views`.
   */
  viewsJson?: string;
}

/**
 * The views of an analysis, parsed from `viewsJson` when it came from a cache entry; undefined when it has
 * none or its text is not views (the analysis store then computes them from the spans).
 */
export function viewsOfAnalysis(analysis: Pick<ArticleAnalysis, 'views' | 'viewsJson'>): ArticleViews | undefined {
  if (analysis.views || analysis.viewsJson === undefined) return analysis.views;
  let parsed: unknown;
  try {
    parsed = JSON.parse(analysis.viewsJson);
  } catch {
    return undefined;
  }
  return isArticleViews(parsed) ? parsed : undefined;
}

/** The analysis as `analyzeArticle` made it: spans a plain array, views parsed (`viewsJson` read). */
export function asAnalysed(analysis: ArticleAnalysis): ArticleAnalysis {
  const { viewsJson: _text, ...rest } = analysis;
  const views = viewsOfAnalysis(analysis);
  const spans = Array.from(analysis.spans);
  return views ? { ...rest, spans, views } : { ...rest, spans };
}

function isArticleViews(value: unknown): value is ArticleViews {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<keyof ArticleViews, unknown>;
  return Array.isArray(v.names) && Array.isArray(v.mentions) && Array.isArray(v.paragraphs) && Array.isArray(v.quotes) &&
    Array.isArray(v.dates) && Array.isArray(v.dateValues) && Array.isArray(v.dateSentences);
}

export function registryFingerprint(registry: EntityRegistry | undefined): string {
  return registry ? contentHash(JSON.stringify(registry)) : '';
}

export function headlineOf(text: string): string {
  return articleMetadata(text).title;
}

/** Extracts and packs one article. Pure and synchronous; the result survives JSON and structured clone. */
export function analyzeArticle(uri: string, text: string, options: AnalyzeOptions): ArticleAnalysis {
  // the file's name may give the year of a date line without one, or a whole date (the reference-date chain)
  const result = options.extract(text, { published: options.published, registry: options.registry, file: options.file ?? { name: uri } });
  return packAnalysis(uri, text, result, options);
}

export function packAnalysis(
  uri: string, text: string, result: ExtractResult, options: Omit<AnalyzeOptions, 'extract'> = {},
): ArticleAnalysis {
  const atoms: (string | number)[] = [];
  const atomIndex = new Map<string | number, number>();
  const intern = (atom: string | number | null | undefined): number => {
    if (atom === null || atom === undefined) return -1;
    let index = atomIndex.get(atom);
    if (index === undefined) {
      index = atoms.length;
      atoms.push(atom);
      atomIndex.set(atom, index);
    }
    return index;
  };
  const meta = articleMetadata(text);
  const sorted = [...result.spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const confidence = result.typeConfidence;
  const spans: number[] = [];
  for (const span of sorted) {
    const isFigure = span.type === 'MONEY' || span.type === 'PERCENT' || span.type === 'QUANTITY';
    spans.push(
      span.start, span.end, SPAN_TYPES.indexOf(span.type), intern(span.canonical), intern(span.value),
      intern(span.unit), intern(span.reason), span.mod ? MODS.indexOf(span.mod) : 0,
      isFigure ? intern(describeMeasure(text, span)) : -1,
      isNameType(span.type) ? intern(text.slice(span.start, span.end)) : -1,
      quantizeConfidence(confidence?.get(span)),
    );
  }
  const analysis: ArticleAnalysis = {
    cacheVersion: CACHE_VERSION,
    uri,
    hash: contentHash(text),
    registryFingerprint: registryFingerprint(options.registry),
    headline: meta.title,
    spans,
    atoms,
    views: articleViewsOf(text, result.spans),
  };
  if (meta.outlet) analysis.outlet = meta.outlet;
  if (meta.byline) analysis.byline = meta.byline;
  const published = options.published ?? result.reference?.iso;
  if (published) analysis.published = published;
  if (result.reference) analysis.reference = result.reference;
  if (result.language) analysis.language = result.language;
  return analysis;
}

/** A type confidence in [0, 1] as the byte the packed spans keep; -1 for none. */
export function quantizeConfidence(confidence: number | undefined): number {
  return confidence === undefined || !(confidence >= 0) ? -1 : Math.min(255, Math.round(confidence * 255));
}

/** The tagger's confidence in name span `i`'s type as its packed byte (0–255), or undefined when it has none. */
export function typeConfidenceAt(packed: PackedSpans, i: number): number | undefined {
  const byte = packed.spans[i * SPAN_STRIDE + SpanField.confidence];
  return byte >= 0 ? byte : undefined;
}

/** Read access to packed spans, shared by the analysis (number[]) and the index (Int32Array). */
export interface PackedSpans {
  spans: ArrayLike<number>;
  atoms: readonly (string | number)[];
}

export function spanCount(packed: PackedSpans): number {
  return packed.spans.length / SPAN_STRIDE;
}

export function spanTypeAt(packed: PackedSpans, i: number): SpanType {
  return SPAN_TYPES[packed.spans[i * SPAN_STRIDE + SpanField.type]];
}

export function atomAt(packed: PackedSpans, i: number, field: number): string | number | undefined {
  const index = packed.spans[i * SPAN_STRIDE + field];
  return index < 0 ? undefined : packed.atoms[index];
}

/** Rebuilds the extractor's `Span` for span `i` of an article whose text is `text`. */
export function unpackSpan(packed: PackedSpans, i: number, text: string): Span {
  const base = i * SPAN_STRIDE;
  const start = packed.spans[base + SpanField.start];
  const end = packed.spans[base + SpanField.end];
  const span: Span = { start, end, type: spanTypeAt(packed, i), text: text.slice(start, end), value: atomAt(packed, i, SpanField.value) ?? null };
  const canonical = atomAt(packed, i, SpanField.canonical);
  if (canonical !== undefined) span.canonical = String(canonical);
  const unit = atomAt(packed, i, SpanField.unit);
  if (unit !== undefined) span.unit = String(unit);
  const reason = atomAt(packed, i, SpanField.reason);
  if (reason !== undefined) span.reason = String(reason);
  const mod = MODS[packed.spans[base + SpanField.mod]];
  if (mod) span.mod = mod;
  return span;
}

export function measureAt(packed: PackedSpans, i: number): string | undefined {
  const measure = atomAt(packed, i, SpanField.measure);
  return measure === undefined ? undefined : String(measure);
}
