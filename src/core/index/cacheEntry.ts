/**
 * Persisting one article's analysis (the adapter writes these strings to workspace storage). A warm start
 * reads the file, computes `contentHash`, and reuses the entry when `isReusable` says so — no extraction.
 */
import { CACHE_VERSION, type ArticleAnalysis } from './analysis';

/**
 * The entry is the analysis as JSON, with its views as one JSON string (`viewsJson`) rather than nested
 * arrays: reading the entry back then costs one string for the views instead of thousands of small
 * arrays, and they are parsed only when the analysis views first ask (see `ArticleAnalysis.viewsJson`).
 */
export function serializeAnalysis(analysis: ArticleAnalysis): string {
  const { views, viewsJson, ...rest } = analysis;
  const viewsText = views ? JSON.stringify(views) : viewsJson;
  return JSON.stringify(viewsText === undefined ? rest : { ...rest, viewsJson: viewsText });
}

/**
 * Parses an entry; undefined when it is corrupt or was written by another CACHE_VERSION. The views stay
 * text (`viewsJson`) until `viewsOfAnalysis` or `CorpusIndex.viewsOf` reads them.
 */
export function deserializeAnalysis(serialized: string): ArticleAnalysis | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serialized);
  } catch {
    return undefined;
  }
  return isArticleAnalysis(parsed) && parsed.cacheVersion === CACHE_VERSION ? parsed : undefined;
}

/** True when a cached analysis still describes this exact text under this registry. */
export function isReusable(analysis: ArticleAnalysis, hash: string, registryFingerprint = analysis.registryFingerprint): boolean {
  return analysis.cacheVersion === CACHE_VERSION && analysis.hash === hash && analysis.registryFingerprint === registryFingerprint;
}

function isArticleAnalysis(value: unknown): value is ArticleAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.cacheVersion === 'number' && typeof v.uri === 'string' && typeof v.hash === 'string' &&
    typeof v.headline === 'string' && typeof v.registryFingerprint === 'string' &&
    Array.isArray(v.spans) && Array.isArray(v.atoms) && v.views === undefined &&
    (v.viewsJson === undefined || typeof v.viewsJson === 'string');
}

const PIECE_CHARS = 256 * 1024;

/**
 * A cache file as JSON Lines, in pieces: a header line, then one line per entry, `"<uri>"<TAB><entry>`
 * (entries are JSON, so they hold no raw line break or tab). Nothing is re-escaped on the way out, and a
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
