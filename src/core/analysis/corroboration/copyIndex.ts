/**
 * Which articles republish the same copy, kept up to date article by article so that a hover can ask at
 * once. Every paragraph of twelve words or more gets a MinHash signature of its word 5-shingles; signatures
 * are split into bands, and paragraphs that share a band are candidates, kept when their signatures agree
 * on at least `threshold` of their values (an estimate of the Jaccard similarity of their shingle sets).
 *
 * Article A copies article B when most of A's paragraphs have a near-duplicate in B, or most of B's in A,
 * and at least a fair share the other way: a republication with a new headline, a trimmed last paragraph,
 * an outlet's own sign-off or a changed word still copies the wire story, while two outlets that report the
 * same event in their own words share no paragraph. Copies form groups (connected components), recomputed
 * lazily after a removal.
 *
 * Pure (no I/O). Adding an article costs its length plus its candidates (at most `MAX_POSTINGS` per band);
 * a query is a map lookup.
 */
import { paragraphsOf } from '../textUnits';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface CopyOptions {
  /** Share of the signature two paragraphs must agree on to be copies (an estimated Jaccard similarity; default 0.7). */
  threshold?: number;
  /** Share of an article's paragraphs that must have a copy in the other article (default 0.5). */
  articleShare?: number;
  /** Paragraphs with fewer words are not compared (default 12). */
  minWords?: number;
}

/** What the corroboration count needs to know of an article as a source. */
export interface SourceInfo {
  /** The outlet ("Reuters"); an article without one counts as its own source. */
  outlet?: string;
  /** YYYY-MM-DD: the earliest copy of a group is taken as its original. */
  published?: string;
}

const SHINGLE = 5;
const ROWS = 3;
const BANDS = 8;
const K = ROWS * BANDS;
/** A band shared by more paragraphs than this (wire copy republished many times) lists only the first ones. */
const MAX_POSTINGS = 16;

/** 32-bit seeds and odd multipliers of the K hash functions (fixed, so that results are the same on every run). */
const SEEDS = Uint32Array.from({ length: K }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));
const MULTIPLIERS = Uint32Array.from({ length: K }, (_, i) => mix(0x27d4eb2f ^ Math.imul(i + 1, 0xc2b2ae35)) | 1);

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Hashes of the words (runs of letters and digits, case folded) in text[start, end), without making strings:
 * this runs over every article of the workspace.
 */
function wordHashes(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = start; i <= end; i++) {
    let c = i < end ? text.charCodeAt(i) : 32;
    let letter: boolean;
    if (c < 128) {
      if (c >= 65 && c <= 90) c |= 32;
      letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    } else {
      letter = LETTER_OR_DIGIT.test(text[i]);
      if (letter) c = text[i].toLowerCase().charCodeAt(0);
    }
    if (letter) {
      if (!inWord) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h);
      inWord = false;
    }
  }
  return out;
}

/** The MinHash signatures of the article's comparable paragraphs. */
export function paragraphSignatures(text: string, minWords = 12): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (const p of paragraphsOf(text)) {
    const hashes = wordHashes(text, p.start, p.end);
    if (hashes.length < minWords) continue;
    const sig = new Uint32Array(K).fill(0xffffffff);
    for (let i = 0; i + SHINGLE <= hashes.length; i++) {
      let s = 0;
      for (let j = i; j < i + SHINGLE; j++) s = Math.imul(s ^ hashes[j], 0x01000193) + 0x9e3779b9;
      s = mix(s);
      for (let k = 0; k < K; k++) {
        // a multiply-xorshift family: each k a different hash of the (already mixed) shingle
        let h = Math.imul(s ^ SEEDS[k], MULTIPLIERS[k]);
        h = (h ^ (h >>> 15)) >>> 0;
        if (h < sig[k]) sig[k] = h;
      }
    }
    out.push(sig);
  }
  return out;
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = mix(h ^ sig[r]);
  return h;
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < K; k++) if (a[k] === b[k]) same++;
  return same / K;
}

interface Article {
  id: number;
  uri: string;
  info: SourceInfo;
  signatures: Uint32Array[];
}

export class CopyIndex {
  private readonly threshold: number;
  private readonly share: number;
  private readonly minWords: number;
  private readonly byUri = new Map<string, Article>();
  private readonly byId = new Map<number, Article>();
  /** band key → paragraphs (article id, paragraph index) that have it, as id * 65536 + index. */
  private readonly postings = new Map<number, number[]>();
  private readonly copies = new Map<number, Set<number>>();
  private nextId = 1;
  /** article id → group number, recomputed after a change; articles that copy nothing have none. */
  private groups: Map<number, number> | undefined = new Map();
  private dead = 0;
  private live = 0;

  constructor(options: CopyOptions = {}) {
    this.threshold = options.threshold ?? 0.7;
    this.share = options.articleShare ?? 0.5;
    this.minWords = options.minWords ?? 12;
  }

  get size(): number {
    return this.byUri.size;
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  info(uri: string): SourceInfo | undefined {
    return this.byUri.get(uri)?.info;
  }

  /** Adds or replaces an article. */
  set(uri: string, text: string, info: SourceInfo = {}): void {
    this.remove(uri);
    const article: Article = { id: this.nextId++, uri, info: { ...info }, signatures: paragraphSignatures(text, this.minWords) };
    this.byUri.set(uri, article);
    this.byId.set(article.id, article);
    const mine = new Map<number, Set<number>>();
    const theirs = new Map<number, Set<number>>();
    const note = (map: Map<number, Set<number>>, other: number, paragraph: number) => {
      let set = map.get(other);
      if (!set) map.set(other, (set = new Set()));
      set.add(paragraph);
    };
    article.signatures.forEach((sig, p) => {
      const seen = new Set<number>();
      for (let b = 0; b < BANDS; b++) {
        const list = this.postings.get(bandKey(sig, b));
        if (!list) continue;
        for (const code of list) {
          if (seen.has(code)) continue;
          seen.add(code);
          const other = this.byId.get(Math.floor(code / 65536));
          if (!other || other.id === article.id) continue;
          const q = code % 65536;
          const theirSig = other.signatures[q];
          if (!theirSig || agreement(sig, theirSig) < this.threshold) continue;
          note(mine, other.id, p);
          note(theirs, other.id, q);
        }
      }
    });
    article.signatures.forEach((sig, p) => {
      if (p >= 65536) return;
      for (let b = 0; b < BANDS; b++) {
        const key = bandKey(sig, b);
        const list = this.postings.get(key);
        if (!list) this.postings.set(key, [article.id * 65536 + p]);
        else if (list.length < MAX_POSTINGS) list.push(article.id * 65536 + p);
      }
    });
    this.live += article.signatures.length;
    for (const [other, paragraphs] of mine) {
      const otherArticle = this.byId.get(other)!;
      const a = paragraphs.size / article.signatures.length;
      const b = theirs.get(other)!.size / otherArticle.signatures.length;
      if (Math.max(a, b) >= this.share && Math.min(a, b) >= this.share / 2) this.link(article.id, other);
    }
  }

  /** Replaces what is known of an article as a source (the analyst recorded its outlet), keeping its fingerprints. */
  setInfo(uri: string, info: SourceInfo): boolean {
    const article = this.byUri.get(uri);
    if (!article) return false;
    article.info = { ...info };
    return true;
  }

  /** Forgets an article (deleted, or about to be replaced). */
  remove(uri: string): boolean {
    const article = this.byUri.get(uri);
    if (!article) return false;
    this.byUri.delete(uri);
    this.byId.delete(article.id);
    const linked = this.copies.get(article.id);
    if (linked) {
      for (const other of linked) this.copies.get(other)?.delete(article.id);
      this.copies.delete(article.id);
      this.groups = undefined;
    } else {
      this.groups?.delete(article.id);
    }
    this.dead += article.signatures.length;
    this.live -= article.signatures.length;
    if (this.dead > 1000 && this.dead > this.live) this.compact();
    return true;
  }

  rename(from: string, to: string): void {
    const article = this.byUri.get(from);
    if (!article || from === to) return;
    this.remove(to);
    this.byUri.delete(from);
    article.uri = to;
    this.byUri.set(to, article);
  }

  clear(): void {
    this.byUri.clear();
    this.byId.clear();
    this.postings.clear();
    this.copies.clear();
    this.groups = new Map();
    this.dead = this.live = 0;
  }

  /** The articles that republish the same copy as `uri` (itself included), or just `uri`. */
  copiesOf(uri: string): string[] {
    const article = this.byUri.get(uri);
    if (!article) return [uri];
    const group = this.groupOf(article.id);
    if (group === undefined) return [uri];
    const out: string[] = [];
    for (const [id, g] of this.groups!) if (g === group) out.push(this.byId.get(id)!.uri);
    return out.sort();
  }

  /** Groups of copies (each sorted by URI; articles that copy nothing left out). */
  groupsOfCopies(): string[][] {
    this.settle();
    const out = new Map<number, string[]>();
    for (const [id, g] of this.groups!) {
      const list = out.get(g);
      if (list) list.push(this.byId.get(id)!.uri);
      else out.set(g, [this.byId.get(id)!.uri]);
    }
    return [...out.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** The group number of a copied article (undefined: it copies nothing). */
  groupOf(id: number): number | undefined {
    this.settle();
    return this.groups!.get(id);
  }

  /** The group of an article by URI, for counting: its group number, or undefined. */
  groupOfUri(uri: string): number | undefined {
    const article = this.byUri.get(uri);
    return article ? this.groupOf(article.id) : undefined;
  }

  /** Recomputes the groups after a removal now, instead of at the next query. */
  settle(): void {
    if (this.groups) return;
    const groups = new Map<number, number>();
    for (const start of this.copies.keys()) {
      if (groups.has(start)) continue;
      const stack = [start];
      groups.set(start, start);
      while (stack.length) {
        for (const next of this.copies.get(stack.pop()!) ?? []) {
          if (groups.has(next)) continue;
          groups.set(next, start);
          stack.push(next);
        }
      }
    }
    this.groups = groups;
  }

  private link(a: number, b: number): void {
    let set = this.copies.get(a);
    if (!set) this.copies.set(a, (set = new Set()));
    set.add(b);
    let back = this.copies.get(b);
    if (!back) this.copies.set(b, (back = new Set()));
    back.add(a);
    if (!this.groups) return;
    // joining two groups (or adding to one) keeps the others valid: relabel the smaller side
    const ga = this.groups.get(a);
    const gb = this.groups.get(b);
    if (ga === undefined && gb === undefined) {
      this.groups.set(a, a);
      this.groups.set(b, a);
    } else if (ga === undefined) {
      this.groups.set(a, gb!);
    } else if (gb === undefined) {
      this.groups.set(b, ga);
    } else if (ga !== gb) {
      for (const [id, g] of this.groups) if (g === gb) this.groups.set(id, ga);
    }
  }

  /** Drops the postings of removed articles. */
  private compact(): void {
    for (const [key, list] of this.postings) {
      const kept = list.filter((code) => this.byId.has(Math.floor(code / 65536)));
      if (kept.length) this.postings.set(key, kept);
      else this.postings.delete(key);
    }
    this.dead = 0;
  }
}
