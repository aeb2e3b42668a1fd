/**
 * Inverted index: key → article id → span indexes in that article. Per-article maps make removing an
 * article O(keys in that article) instead of O(postings), which keeps incremental updates cheap even
 * for keys like "ORG:nato" that occur in most of the corpus.
 */
export class PostingIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly postings: Map<number, number[]>[] = [];
  /** Keys whose posting list became empty or non-empty, for the entity-group indexes. */
  onFirstPosting: (key: string) => void = () => undefined;
  onLastPosting: (key: string) => void = () => undefined;

  idOf(key: string): number | undefined {
    return this.ids.get(key);
  }

  keyOf(id: number): string {
    return this.keys[id];
  }

  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.postings.push(new Map());
      this.ids.set(key, id);
    }
    return id;
  }

  /** Files an article's span indexes under a key, where the article has none yet (it is linked whole, after `removeArticle`). */
  setArticle(keyId: number, articleId: number, spanIndexes: number[]): void {
    const byArticle = this.postings[keyId];
    if (byArticle.size === 0) this.onFirstPosting(this.keys[keyId]);
    byArticle.set(articleId, spanIndexes);
  }

  removeArticle(keyId: number, articleId: number): void {
    const byArticle = this.postings[keyId];
    if (byArticle.delete(articleId) && byArticle.size === 0) this.onLastPosting(this.keys[keyId]);
  }

  /** Article id → span indexes; empty for unknown keys. Do not mutate. */
  postingsOf(key: string): ReadonlyMap<number, readonly number[]> {
    const id = this.ids.get(key);
    return id === undefined ? EMPTY : this.postings[id];
  }

  /** The id of every key that currently has postings. */
  *liveIds(): Iterable<number> {
    for (let id = 0; id < this.keys.length; id++) if (this.postings[id].size > 0) yield id;
  }

  /** Every key that currently has postings and starts with `prefix`. */
  *liveKeys(prefix = ''): Iterable<string> {
    for (let id = 0; id < this.keys.length; id++) {
      if (this.postings[id].size > 0 && this.keys[id].startsWith(prefix)) yield this.keys[id];
    }
  }
}

const EMPTY: ReadonlyMap<number, readonly number[]> = new Map();
