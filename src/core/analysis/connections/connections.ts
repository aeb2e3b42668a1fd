/**
 * Connections: entities that appear together in the same paragraph or the same article, ranked by a
 * strength that discounts ubiquitous entities.
 *
 * Strength is the normalized pointwise mutual information of the two entities over paragraphs,
 * NPMI = log(p(a,b) / (p(a) p(b))) / −log p(a,b), in [−1, 1]: 1 when they only ever appear together,
 * 0 when together no more often than chance (an entity named everywhere, such as the outlet's home country,
 * is near 0 with everyone), negative when they avoid each other. Pairs sharing fewer than `minCount`
 * paragraphs are left out: PMI over one or two sightings is noise.
 */
import type { CorpusIndex } from '../../index';
import { AnalysisStore, type Connection, type ConnectionGraph, type ConnectionOptions } from '../analysisStore';

export type { Connection, ConnectionGraph, ConnectionOptions, EntityNode } from '../analysisStore';

/**
 * The connection graph of the articles `uris`. Over the whole index it is the shared `AnalysisStore`'s, kept
 * up to date per article; over a part of it, a store of those articles alone is built for the answer.
 */
export function buildConnections(index: CorpusIndex, uris: Iterable<string>, options: ConnectionOptions = {}): ConnectionGraph {
  const wanted = new Set(uris);
  let all = true;
  for (const uri of index.uris()) if (!wanted.has(uri)) { all = false; break; }
  if (all) return AnalysisStore.of(index).connections(options);
  const store = new AnalysisStore(index, wanted);
  try {
    return store.connections(options);
  } finally {
    store.dispose();
  }
}

/** The JSON line of `source-annotator connections`, in the documented field order. */
export function connectionLine(c: Connection): Record<string, unknown> {
  return { a: c.a, b: c.b, articles: c.articles, paragraphs: c.paragraphs, strength: c.strength };
}
