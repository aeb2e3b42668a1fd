/**
 * The first few of a ranking kept across changes: what a hover card lists of an entity's thousands of
 * partners ("Often with"), adjusted per change instead of ranked again.
 *
 * A `TopRanking` keeps the `keep` best items in order and a bound: every item it does not hold ranks after
 * the bound. After a change, only the items the change touched (whose values changed, or that are new) are
 * ranked again: each is taken out, and put back in its place when it ranks before the bound; the untouched
 * ones outside keep ranking after it. When fewer items than a caller needs are left before the bound, the
 * ranking has to be made again from every item (`update` says so). The order is that of the store's
 * rankings: strength (higher first), then paragraphs (more first), then name, then key.
 */

/** An item as it ranks now. */
export interface Ranked<T> {
  item: T;
  strength: number;
  paragraphs: number;
  name: string;
  key: string;
}

type Position = Pick<Ranked<unknown>, 'strength' | 'paragraphs' | 'name' | 'key'>;

/**
 * Writes how an item ranks now into `into` (its `item` set already); false when the item does not rank
 * at all (too few paragraphs). Filling one object rather than returning a new one: a ranking from scratch
 * describes thousands of items and keeps a few.
 */
export type Describe<T> = (item: T, into: Ranked<T>) => boolean;

/** Negative when `x` ranks before `y`: stronger, then more paragraphs, then by name, then by key. */
export function rankOrder(x: Position, y: Position): number {
  return y.strength - x.strength || y.paragraphs - x.paragraphs || compareText(x.name, y.name) || compareText(x.key, y.key);
}

export class TopRanking<T> {
  /** The best items, in order: every ranking item, or the first `keep` (then every other ranks after `bound`). */
  private readonly top: Ranked<T>[] = [];
  private bound: Position | undefined;

  private constructor(private readonly keep: number) {}

  /** Ranks every item and keeps the first `keep` (at least one). */
  static of<T>(items: Iterable<T>, describe: Describe<T>, keep: number): TopRanking<T> {
    const ranking = new TopRanking<T>(Math.max(1, keep));
    const { top } = ranking;
    const r: Ranked<T> = { item: undefined as unknown as T, strength: 0, paragraphs: 0, name: '', key: '' };
    let ranked = 0;
    for (const item of items) {
      r.item = item;
      if (!describe(item, r)) continue;
      ranked++;
      if (top.length >= ranking.keep && rankOrder(r, top[top.length - 1]) >= 0) continue;
      insert(top, { ...r });
      if (top.length > ranking.keep) top.pop();
    }
    if (ranked > top.length) ranking.bound = position(top[top.length - 1]);
    return ranking;
  }

  /**
   * Ranks again the items whose values changed (or that are new), each once however often it is listed;
   * the others must rank as they did. False when fewer than `needed` items are known to come first: the
   * ranking must then be made again from every item (`of`).
   */
  update(changed: Iterable<T>, describe: Describe<T>, needed: number): boolean {
    const { top } = this;
    const seen = new Set<T>();
    for (const item of changed) {
      if (seen.has(item)) continue;
      seen.add(item);
      const at = top.findIndex((r) => r.item === item);
      if (at >= 0) top.splice(at, 1);
      const r = { item, strength: 0, paragraphs: 0, name: '', key: '' };
      // an untouched item outside ranks after the bound, so one ranking after it may be left out as well
      if (describe(item, r) && (!this.bound || rankOrder(r, this.bound) <= 0)) insert(top, r);
    }
    if (top.length > this.keep) {
      top.length = this.keep;
      this.bound = position(top[top.length - 1]);
    }
    return !this.bound || top.length >= needed;
  }

  /** The first `limit` items in order (`limit` at most `keep`, or every item when the ranking holds them all). */
  first(limit: number): readonly Ranked<T>[] {
    return this.top.slice(0, limit);
  }
}

/** Inserts `r` in order (the list is short: a card's few and a margin). */
function insert<T>(top: Ranked<T>[], r: Ranked<T>): void {
  let at = top.length;
  while (at > 0 && rankOrder(r, top[at - 1]) < 0) at--;
  top.splice(at, 0, r);
}

function position(r: Ranked<unknown>): Position {
  return { strength: r.strength, paragraphs: r.paragraphs, name: r.name, key: r.key };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
