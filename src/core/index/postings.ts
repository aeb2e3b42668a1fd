/**
 * Inverted index: key → article id → span indexes in that article. Per-article maps make removing an
 * article O(keys in that article) instead of O(postings), which keeps incremental updates cheap even
 * for keys like "ORG:nato" that occur in most of the corpus.
 */
export class PostingIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly postings: Map<number, number[]>[] = [];
  /** The list last appended to per key: an article's spans arrive together, so this skips most map lookups. */
  private readonly lastArticle: number[] = [];
  private readonly lastList: (number[] | undefined)[] = [];
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

  /**
   * An article's spans arrive together (`ArticleLinks.link`), and an article is taken out (`removeArticle`)
   * before it is linked again: so when this key's last list is another article's, this article has none yet.
   */
  add(keyId: number, articleId: number, spanIndex: number): void {
    if (this.lastArticle[keyId] === articleId) {
      this.lastList[keyId]!.push(spanIndex);
      return;
    }
    const byArticle = this.postings[keyId];
    if (byArticle.size === 0) this.onFirstPosting(this.keys[keyId]);
    const fresh = [spanIndex];
    byArticle.set(articleId, fresh);
    this.lastArticle[keyId] = articleId;
    this.lastList[keyId] = fresh;
  }

  removeArticle(keyId: number, articleId: number): void {
    const byArticle = this.postings[keyId];
    if (this.lastArticle[keyId] === articleId) {
      this.lastArticle[keyId] = -1;
      this.lastList[keyId] = undefined;
    }
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
