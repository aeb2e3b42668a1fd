/**
 * Public API of the corpus index (pure; no file system, no `vscode`).
 *
 * Typical adapter flow:
 * 1. `new CorpusIndex({ extract, registry })`, then on activation `indexAll(files, { token, onProgress, cached })`
 *    where `cached(uri, hash)` returns a stored `ArticleAnalysis` (see `deserializeAnalysis`/`isReusable`), or
 *    run `analyzeArticle` on worker threads and pass the results as `{ uri, text, analysis }`.
 * 2. Persist `serializeAnalysis(analysis)` per file in workspace storage (keyed by URI; it carries its content
 *    hash and CACHE_VERSION).
 * 3. On edits/saves call `update(uri, text)`; on watcher events `remove`/`rename`; wrap bursts in `batch`.
 * 4. On registry changes call `setRegistry(RegistryDocument.parse(text).toEntityRegistry())`.
 * 5. Queries: `spanAt`, `references`, `articlesMentioning`, `relatedDates`, `relatedFigures`, `documentSymbols`,
 *    `workspaceSymbols`, `adjacentMention`, `entityInfo`; hover Markdown comes from `core/hover`.
 */
export { CorpusIndex } from './corpusIndex';
export type { CorpusIndexOptions, IndexAllOptions, IndexAllResult, IndexInput, RankOptions } from './corpusIndex';
export { analyzeArticle, CACHE_VERSION, headlineOf, registryFingerprint, unpackSpan } from './analysis';
export type { AnalyzeOptions, ArticleAnalysis, Extractor } from './analysis';
export { deserializeAnalysis, isReusable, serializeAnalysis } from './cacheEntry';
export { contentHash } from './hash';
export { entityKey, entityKeyType, normalizeName } from './entityKey';
export type { EntityKey } from './entityKey';
export { fallbackDescribeMeasure, normalizeMeasure } from './measure';
export { snippetAt, SNIPPET_RADIUS } from './snippet';
export type { Snippet } from './snippet';
export type * from './queryTypes';
