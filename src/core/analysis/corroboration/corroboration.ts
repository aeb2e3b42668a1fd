/**
 * Corroboration: how many independent sources report something. Articles that republish the same wire copy
 * (most of their paragraphs near-duplicates of another article's) count once; distinct outlets of the
 * remaining copies are told apart as republishers: "reported by 3 outlets; 2 more republish the same wire
 * copy".
 *
 * Near-duplicate paragraphs are found by word 5-shingles: candidates share rare shingles (an inverted index
 * that skips shingles common to many paragraphs), and a pair is a copy when the Jaccard similarity of their
 * shingle sets is at least `threshold`. Pure; linear in the text plus the candidate pairs.
 */
import { paragraphsOf } from '../textUnits';
import { plural, verb } from '../../util/plural';

export interface SourceArticle {
  uri: string;
  text: string;
  /** The outlet ("Reuters"); articles without one count as their own source. */
  outlet?: string;
  /** YYYY-MM-DD: the earliest copy of a cluster is its original. */
  published?: string;
}

export interface CopyOptions {
  /** Jaccard similarity of two paragraphs' shingle sets for them to be copies (default 0.8). */
  threshold?: number;
  /** Share of an article's paragraphs that must be copies of another article's (default 0.5). */
  articleShare?: number;
  /** Paragraphs with fewer words are not compared (default 12). */
  minWords?: number;
}

const SHINGLE = 5;
/** A shingle in more paragraphs than this is boilerplate: not used to find candidates. */
const MAX_POSTINGS = 64;

function hashWords(words: readonly string[], from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + SHINGLE; i++) {
    const w = words[i];
    for (let j = 0; j < w.length; j++) h = Math.imul(h ^ w.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}

interface Paragraph { article: number; shingles: Set<number> }

/** Groups of articles that are copies of one another (each group sorted, singletons left out). */
export function copyClusters(articles: readonly SourceArticle[], options: CopyOptions = {}): number[][] {
  const threshold = options.threshold ?? 0.8;
  const share = options.articleShare ?? 0.5;
  const minWords = options.minWords ?? 12;
  const paragraphs: Paragraph[] = [];
  const countable = new Array<number>(articles.length).fill(0);
  articles.forEach((a, index) => {
    for (const p of paragraphsOf(a.text)) {
      const words = a.text.slice(p.start, p.end).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length < minWords) continue;
      const shingles = new Set<number>();
      for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(hashWords(words, i));
      paragraphs.push({ article: index, shingles });
      countable[index]++;
    }
  });
  const postings = new Map<number, number[]>();
  paragraphs.forEach((p, i) => {
    for (const s of p.shingles) {
      const list = postings.get(s);
      if (!list) postings.set(s, [i]);
      else if (list.length <= MAX_POSTINGS) list.push(i);
    }
  });
  /** article → other article → its paragraphs that have a copy there */
  const copied = new Map<number, Map<number, Set<number>>>();
  const note = (a: number, b: number, paragraph: number) => {
    let m = copied.get(a);
    if (!m) copied.set(a, (m = new Map()));
    let set = m.get(b);
    if (!set) m.set(b, (set = new Set()));
    set.add(paragraph);
  };
  paragraphs.forEach((p, i) => {
    const shared = new Map<number, number>();
    for (const s of p.shingles) {
      const list = postings.get(s)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) if (j > i && paragraphs[j].article !== p.article) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, common] of shared) {
      const q = paragraphs[j];
      const jaccard = common / (p.shingles.size + q.shingles.size - common);
      if (jaccard < threshold) continue;
      note(p.article, q.article, i);
      note(q.article, p.article, j);
    }
  });
  // union-find over articles whose paragraphs are mostly copies of the other's
  const parent = articles.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const [a, others] of copied) {
    for (const [b, set] of others) {
      const smaller = Math.min(countable[a], countable[b]);
      if (smaller > 0 && set.size / countable[a] >= share && (copied.get(b)?.get(a)?.size ?? 0) / smaller >= share * 0.5) {
        parent[find(a)] = find(b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

export interface Corroboration {
  /** Independent reports: one per copy cluster (its earliest article), one per other article. */
  independent: number;
  /** Distinct outlets among the independent reports. */
  outlets: string[];
  /** Distinct other outlets that only republish one of those reports. */
  republishers: string[];
  /** "reported by 3 outlets; 2 more republish the same wire copy" */
  summary: string;
}

/**
 * How independently something is reported, given the articles that report it (indexes into `articles`) and
 * the copy clusters of `copyClusters(articles)`.
 */
export function corroborate(articles: readonly SourceArticle[], reporting: Iterable<number>, clusters: readonly number[][]): Corroboration {
  const clusterOf = new Map<number, number>();
  clusters.forEach((g, c) => g.forEach((i) => clusterOf.set(i, c)));
  const outletOf = (i: number) => articles[i].outlet?.trim() || articles[i].uri;
  const byCluster = new Map<string, number[]>();
  for (const i of new Set(reporting)) {
    const key = clusterOf.has(i) ? `c${clusterOf.get(i)}` : `a${i}`;
    const list = byCluster.get(key);
    if (list) list.push(i);
    else byCluster.set(key, [i]);
  }
  const outlets = new Set<string>();
  const copies = new Set<string>();
  for (const members of byCluster.values()) {
    members.sort((x, y) => (articles[x].published ?? '9999').localeCompare(articles[y].published ?? '9999') || x - y);
    outlets.add(outletOf(members[0]));
    for (const m of members.slice(1)) copies.add(outletOf(m));
  }
  const republishers = [...copies].filter((o) => !outlets.has(o)).sort();
  const n = outlets.size;
  const summary = `reported by ${plural(n, 'outlet')}` +
    (republishers.length ? `; ${republishers.length} more ${verb(republishers.length, 'republishes')} the same wire copy` : '');
  return { independent: byCluster.size, outlets: [...outlets].sort(), republishers, summary };
}
