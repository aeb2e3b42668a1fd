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
import { paragraphsOf } from '../textUnits';
import { EntityNames, type NamedEntity } from '../timeline/timeline';

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

const NAME_TYPES: readonly NameType[] = ['PERSON', 'ORG', 'PLACE', 'MISC'];

export function buildConnections(index: CorpusIndex, uris: Iterable<string>, options: ConnectionOptions = {}): ConnectionGraph {
  const minCount = Math.max(1, options.minCount ?? 2);
  const types = new Set(options.types ?? NAME_TYPES);
  const names = new EntityNames(index);
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const canonical: string[] = [];
  const entities: NamedEntity[] = [];
  const nodeType: (NameType | undefined)[] = [];
  const paragraphsOfEntity: number[] = [];
  const articlesOfEntity: number[] = [];
  /** pair id (a * 2^26 + b, a < b) → [paragraphs, articles] */
  const pairs = new Map<number, [number, number]>();
  let paragraphCount = 0;
  let articleCount = 0;

  for (const uri of uris) {
    const text = index.textOf(uri);
    if (text === undefined) continue;
    articleCount++;
    const spans = index.spansOf(uri).filter((s) => types.has(s.type as NameType));
    const paragraphs = paragraphsOf(text);
    paragraphCount += paragraphs.length;
    const inArticle = new Set<number>();
    let s = 0;
    for (const p of paragraphs) {
      const inParagraph = new Set<number>();
      while (s < spans.length && spans[s].start < p.start) s++;
      for (; s < spans.length && spans[s].start < p.end; s++) {
        const named = names.of(uri, spans[s]);
        if (!named) continue;
        let id = idOf.get(named.key);
        if (id === undefined) {
          id = keys.length;
          idOf.set(named.key, id);
          keys.push(named.key);
          canonical.push(named.canonical);
          entities.push(named);
          nodeType.push(spans[s].type as NameType);
          paragraphsOfEntity.push(0);
          articlesOfEntity.push(0);
        }
        inParagraph.add(id);
      }
      const ids = [...inParagraph].sort((x, y) => x - y);
      for (const id of ids) {
        paragraphsOfEntity[id]++;
        inArticle.add(id);
      }
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const pair = ids[i] * 67108864 + ids[j];
          const counts = pairs.get(pair);
          if (counts) counts[0]++;
          else pairs.set(pair, [1, 0]);
        }
      }
    }
    const ids = [...inArticle].sort((x, y) => x - y);
    for (const id of ids) articlesOfEntity[id]++;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const pair = ids[i] * 67108864 + ids[j];
        const counts = pairs.get(pair);
        if (counts) counts[1]++;
        else pairs.set(pair, [0, 1]);
      }
    }
  }

  const wanted = options.entity !== undefined ? normalizeName(options.entity) : undefined;
  const connections: Connection[] = [];
  const nodes = new Map<string, EntityNode>();
  const node = (id: number): EntityNode => {
    let n = nodes.get(keys[id]);
    if (!n) {
      n = { key: keys[id], name: canonical[id], articles: articlesOfEntity[id], paragraphs: paragraphsOfEntity[id] };
      if (nodeType[id]) n.type = nodeType[id];
      nodes.set(keys[id], n);
    }
    return n;
  };
  const total = Math.max(1, paragraphCount);
  for (const [pair, [together, articles]] of pairs) {
    if (together < minCount) continue;
    let x = Math.floor(pair / 67108864);
    let y = pair % 67108864;
    if (wanted !== undefined && !entities[x].forms.has(wanted) && !entities[y].forms.has(wanted)) continue;
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

/** The JSON line of `source-annotator connections`, in the documented field order. */
export function connectionLine(c: Connection): Record<string, unknown> {
  return { a: c.a, b: c.b, articles: c.articles, paragraphs: c.paragraphs, strength: c.strength };
}
