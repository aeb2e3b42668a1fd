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
import { normalizeName } from '../../index';
import type { NameType } from '../../extract/types';
import { AnalysisMemo } from '../analysisMemo';

export interface Connection {
  /** Canonical names; `a` sorts before `b` (by name, then key). */
  a: string;
  b: string;
  /** Articles naming both. */
  articles: number;
  /** Paragraphs naming both. */
  paragraphs: number;
  /** NPMI over paragraphs, rounded to 4 decimals. */
  strength: number;
  aKey: string;
  bKey: string;
}

export interface EntityNode {
  key: string;
  name: string;
  type?: NameType;
  /** Articles and paragraphs naming the entity. */
  articles: number;
  paragraphs: number;
}

export interface ConnectionGraph {
  /** Strongest first. */
  connections: Connection[];
  /** The entities the connections join, keyed by entity key. */
  nodes: Map<string, EntityNode>;
  /** Paragraphs counted (with at least one entity or not). */
  paragraphCount: number;
  articleCount: number;
}

export interface ConnectionOptions {
  /** Minimum number of shared paragraphs (default 2). */
  minCount?: number;
  /** Only connections of this entity (canonical name, alias or a person's surname, any case). */
  entity?: string;
  /** The types of entity taken into account (default all names). */
  types?: readonly NameType[];
}

export function buildConnections(index: CorpusIndex, uris: Iterable<string>, options: ConnectionOptions = {}, memo?: AnalysisMemo): ConnectionGraph {
  const own = memo ?? new AnalysisMemo(index);
  try {
    return connectionsFrom(own, uris, options);
  } finally {
    if (!memo) own.dispose();
  }
}

function connectionsFrom(memo: AnalysisMemo, uris: Iterable<string>, options: ConnectionOptions): ConnectionGraph {
  const minCount = Math.max(1, options.minCount ?? 2);
  const types = options.types ? new Set<string>(options.types) : undefined;
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const paragraphsOfEntity: number[] = [];
  /** The articles naming each entity, in increasing article number. */
  const articlesOf: number[][] = [];
  /** pair id (a * 2^26 + b, a < b) → shared paragraphs */
  const pairs = new Map<number, number>();
  let paragraphCount = 0;
  let articleCount = 0;
  const idFor = (key: string): number => {
    let id = idOf.get(key);
    if (id === undefined) {
      id = keys.length;
      idOf.set(key, id);
      keys.push(key);
      paragraphsOfEntity.push(0);
      articlesOf.push([]);
    }
    return id;
  };

  for (const uri of uris) {
    if (!memo.has(uri)) continue;
    const paragraphs = memo.paragraphEntities(uri);
    const article = articleCount++;
    paragraphCount += paragraphs.length;
    for (const paragraph of paragraphs) {
      const ids: number[] = [];
      for (const key of paragraph) {
        if (types && !types.has(memo.typeOf(key) ?? '')) continue;
        const id = idFor(key);
        ids.push(id);
        paragraphsOfEntity[id]++;
        const list = articlesOf[id];
        if (list[list.length - 1] !== article) list.push(article);
      }
      ids.sort((x, y) => x - y);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const pair = ids[i] * 67108864 + ids[j];
          pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        }
      }
    }
  }
  // Shared articles, only for the pairs kept: intersections of the entities' article lists (a bit set
  // for entities in many articles).
  const bits = new Map<number, Uint32Array>();
  const bitsOf = (id: number): Uint32Array | undefined => {
    const list = articlesOf[id];
    if (list.length < 64) return undefined;
    let set = bits.get(id);
    if (!set) {
      set = new Uint32Array((articleCount >> 5) + 1);
      for (const a of list) set[a >> 5] |= 1 << (a & 31);
      bits.set(id, set);
    }
    return set;
  };
  const sharedArticles = (x: number, y: number): number => {
    const [short, long] = articlesOf[x].length <= articlesOf[y].length ? [x, y] : [y, x];
    const longBits = bitsOf(long);
    let n = 0;
    if (longBits) {
      for (const a of articlesOf[short]) if (longBits[a >> 5] & (1 << (a & 31))) n++;
      return n;
    }
    const other = articlesOf[long];
    let j = 0;
    for (const a of articlesOf[short]) {
      while (j < other.length && other[j] < a) j++;
      if (other[j] === a) n++;
    }
    return n;
  };
  const canonical = keys.map((k) => memo.names.get(k)?.canonical ?? k);
  const nodeType = keys.map((k) => memo.typeOf(k));

  const wanted = options.entity !== undefined ? normalizeName(options.entity) : undefined;
  const connections: Connection[] = [];
  const nodes = new Map<string, EntityNode>();
  const node = (id: number): EntityNode => {
    let n = nodes.get(keys[id]);
    if (!n) {
      n = { key: keys[id], name: canonical[id], articles: articlesOf[id].length, paragraphs: paragraphsOfEntity[id] };
      if (nodeType[id]) n.type = nodeType[id];
      nodes.set(keys[id], n);
    }
    return n;
  };
  const total = Math.max(1, paragraphCount);
  for (const [pair, together] of pairs) {
    if (together < minCount) continue;
    let x = Math.floor(pair / 67108864);
    let y = pair % 67108864;
    if (wanted !== undefined && !formsOf(memo, keys[x]).has(wanted) && !formsOf(memo, keys[y]).has(wanted)) continue;
    const articles = sharedArticles(x, y);
    if (canonical[y] < canonical[x] || (canonical[y] === canonical[x] && keys[y] < keys[x])) [x, y] = [y, x];
    const pab = together / total;
    const pmi = Math.log(pab / ((paragraphsOfEntity[x] / total) * (paragraphsOfEntity[y] / total)));
    const npmi = pab >= 1 ? 1 : pmi / -Math.log(pab);
    connections.push({
      a: canonical[x], b: canonical[y], articles, paragraphs: together, strength: Math.round(npmi * 10000) / 10000,
      aKey: keys[x], bKey: keys[y],
    });
    node(x);
    node(y);
  }
  connections.sort((p, q) => q.strength - p.strength || q.paragraphs - p.paragraphs || q.articles - p.articles ||
    (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
  return { connections, nodes, paragraphCount, articleCount };
}

function formsOf(memo: AnalysisMemo, key: string): Set<string> {
  return memo.names.get(key)?.forms ?? new Set();
}

/** The JSON line of `source-annotator connections`, in the documented field order. */
export function connectionLine(c: Connection): Record<string, unknown> {
  return { a: c.a, b: c.b, articles: c.articles, paragraphs: c.paragraphs, strength: c.strength };
}
