/**
 * Persisting one article's analysis (the adapter writes these strings to workspace storage). A warm start
 * reads the file, computes `contentHash`, and reuses the entry when `isReusable` says so — no extraction.
 */
import { CACHE_VERSION, type ArticleAnalysis } from './analysis';

export function serializeAnalysis(analysis: ArticleAnalysis): string {
  return JSON.stringify(analysis);
}

/** Parses an entry; undefined when it is corrupt or was written by another CACHE_VERSION. */
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
    Array.isArray(v.spans) && Array.isArray(v.atoms);
}

const PIECE_CHARS = 256 * 1024;

/**
 * A cache file, `{ ...header, entries: { [uri]: entry } }`, as JSON text in pieces (the header, then one
 * piece per entry): the same text `JSON.stringify` gives, without building tens of megabytes at once.
 */
export function* cacheFilePieces(header: Record<string, string | number>, entries: Iterable<[string, string]>): Generator<string> {
  const head = JSON.stringify(header);
  yield `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"entries":{`;
  let separator = '';
  for (const [uri, entry] of entries) {
    const json = JSON.stringify(entry);
    yield `${separator}${JSON.stringify(uri)}:${json.length > PIECE_CHARS ? '' : json}`;
    // A multi-megabyte article's entry goes out in slices, so no single piece is large.
    if (json.length > PIECE_CHARS) for (let at = 0; at < json.length; at += PIECE_CHARS) yield json.slice(at, at + PIECE_CHARS);
    separator = ',';
  }
  yield '}}';
}
