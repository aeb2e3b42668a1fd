/**
 * Persisting one article's analysis (the adapter writes these strings to workspace storage). A warm start
 * reads the file, computes `contentHash`, and reuses the entry when `isReusable` says so — no extraction.
 */
import { CACHE_VERSION, type ArticleAnalysis } from './analysis';
import { decodeSpans, encodeSpans, isPackable } from './spanCodec';

/**
 * An entry is the analysis as JSON with its spans packed in one string (`spanCodec.ts`), then, after a tab,
 * its views as JSON (nothing in JSON text is a raw tab or line break). A warm start then parses no view
 * at all and allocates no array of numbers: the spans decode straight into the index's `Int32Array`, and
 * the views stay text (`ArticleAnalysis.viewsJson`) until the analysis store first reads them.
 */
export function serializeAnalysis(analysis: ArticleAnalysis): string {
  const { views, viewsJson, spans, ...rest } = analysis;
  const core = JSON.stringify({ ...rest, spans: isPackable(spans) ? encodeSpans(spans) : Array.from(spans) });
  const viewsText = views ? JSON.stringify(views) : viewsJson;
  return viewsText === undefined ? core : `${core}\t${viewsText}`;
}

/**
 * Parses an entry; undefined when it is corrupt or was written by another CACHE_VERSION. Its spans come
 * back as an `Int32Array`, its views as text (`viewsJson`) until `viewsOfAnalysis` or `CorpusIndex.viewsOf`
 * reads them.
 */
export function deserializeAnalysis(serialized: string): ArticleAnalysis | undefined {
  const tab = serialized.indexOf('\t');
  let parsed: unknown;
  try {
    parsed = JSON.parse(tab < 0 ? serialized : serialized.slice(0, tab));
  } catch {
    return undefined;
  }
  if (!isStoredAnalysis(parsed) || parsed.cacheVersion !== CACHE_VERSION) return undefined;
  const spans = typeof parsed.spans === 'string' ? decodeSpans(parsed.spans) : parsed.spans;
  if (!spans) return undefined;
  const analysis: ArticleAnalysis = { ...parsed, spans };
  if (tab >= 0) analysis.viewsJson = serialized.slice(tab + 1);
  return analysis;
}

/** True when a cached analysis still describes this exact text under this registry. */
export function isReusable(analysis: ArticleAnalysis, hash: string, registryFingerprint = analysis.registryFingerprint): boolean {
  return analysis.cacheVersion === CACHE_VERSION && analysis.hash === hash && analysis.registryFingerprint === registryFingerprint;
}

/** An analysis as an entry keeps it: spans packed (or, if they could not be, a plain array), no views. */
type StoredAnalysis = Omit<ArticleAnalysis, 'spans' | 'views' | 'viewsJson'> & { spans: string | number[] };

function isStoredAnalysis(value: unknown): value is StoredAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.cacheVersion === 'number' && typeof v.uri === 'string' && typeof v.hash === 'string' &&
    typeof v.headline === 'string' && typeof v.registryFingerprint === 'string' &&
    (typeof v.spans === 'string' || (Array.isArray(v.spans) && v.spans.every(Number.isInteger))) && Array.isArray(v.atoms) &&
    v.views === undefined && v.viewsJson === undefined;
}

const PIECE_CHARS = 256 * 1024;

/**
 * A cache file as JSON Lines, in pieces: a header line, then one line per entry, `"<uri>"<TAB><entry>`
 * (an entry holds no raw line break; it may hold tabs, after the URI's). Nothing is re-escaped on the way out, and a
 * multi-megabyte entry goes out in slices, so no single piece is large.
 */
export function* cacheFileLines(header: Record<string, string | number>, entries: Iterable<[string, string]>): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const [uri, entry] of entries) {
    yield `${JSON.stringify(uri)}\t`;
    for (let at = 0; at < entry.length; at += PIECE_CHARS) yield entry.slice(at, at + PIECE_CHARS);
    yield '\n';
  }
}

/** The header of a cache file written by `cacheFileLines`, or undefined when the text is not one. */
export function cacheFileHeader(text: string): Record<string, unknown> | undefined {
  const end = text.indexOf('\n');
  try {
    const header: unknown = JSON.parse(end < 0 ? text : text.slice(0, end));
    return typeof header === 'object' && header !== null ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of a cache file written by `cacheFileLines`, lazily; a damaged line is skipped. */
export function* cacheFileEntries(text: string): Generator<[string, string]> {
  let at = text.indexOf('\n') + 1;
  while (at > 0 && at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      let uri: unknown;
      try {
        uri = JSON.parse(text.slice(at, tab));
      } catch {
        uri = undefined;
      }
      if (typeof uri === 'string') yield [uri, text.slice(tab + 1, end)];
    }
    at = end + 1;
  }
}
