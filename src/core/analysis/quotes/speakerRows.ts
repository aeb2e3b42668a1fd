/**
 * The Quotes view's rows: the workspace's quotations grouped by speaker (by the speaker's display name, so
 * the registry's merges apply), most quoted first, unnamed speakers last; each speaker's quotations by
 * article and position. `speakerRows` builds them from a list; `SpeakerLedger` keeps them up to date
 * article by article, so that a change re-reads only the articles it touches. Pure.
 */
import type { NameType } from '../../extract/types';
import type { LedgerQuote } from './quoteLedger';

/** The row of the quotations whose speaker is not named. */
export const UNNAMED_SPEAKERS = 'Unnamed speakers';

export interface SpeakerRow {
  speaker: string;
  /** The speaker's type (of the row's first quotation; null for unnamed speakers). */
  type: NameType | null;
  quotes: LedgerQuote[];
}

const byPlace = (a: LedgerQuote, b: LedgerQuote): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start);

function compareRows(a: SpeakerRow, b: SpeakerRow): number {
  return Number(a.speaker === UNNAMED_SPEAKERS) - Number(b.speaker === UNNAMED_SPEAKERS) ||
    b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker);
}

/** Speakers by number of quotations (unnamed last), each speaker's quotations by article and position. */
export function speakerRows(quotes: Iterable<LedgerQuote>): SpeakerRow[] {
  const bySpeaker = new Map<string, LedgerQuote[]>();
  for (const q of quotes) {
    const name = q.speaker ?? UNNAMED_SPEAKERS;
    const list = bySpeaker.get(name);
    if (list) list.push(q);
    else bySpeaker.set(name, [q]);
  }
  const rows: SpeakerRow[] = [];
  for (const [speaker, list] of bySpeaker) {
    list.sort(byPlace);
    rows.push({ speaker, type: list[0].speakerType, quotes: list });
  }
  return rows.sort(compareRows);
}

/** One speaker's quotations, by article (kept unsorted until the rows are asked for). */
interface Speaker {
  byArticle: Map<string, LedgerQuote[]>;
  count: number;
  /** The row as last built; undefined once an article of the speaker changed. */
  row: SpeakerRow | undefined;
}

/**
 * The rows of `speakerRows`, kept up to date per article: `set` replaces an article's quotations, `remove`
 * takes them out; `rows()` sorts again only the speakers whose quotations changed (and the speakers' order).
 * Equal, after any sequence of changes, to `speakerRows` over the articles' present quotations.
 */
export class SpeakerLedger {
  private readonly articles = new Map<string, LedgerQuote[]>();
  private readonly speakers = new Map<string, Speaker>();
  private ordered: SpeakerRow[] | undefined;

  /** Adds or replaces an article's quotations (each `file` is taken to be `uri`). */
  set(uri: string, quotes: readonly LedgerQuote[]): void {
    this.remove(uri);
    if (quotes.length === 0) return;
    this.articles.set(uri, [...quotes]);
    for (const q of quotes) {
      const name = q.speaker ?? UNNAMED_SPEAKERS;
      let speaker = this.speakers.get(name);
      if (!speaker) this.speakers.set(name, (speaker = { byArticle: new Map(), count: 0, row: undefined }));
      const list = speaker.byArticle.get(uri);
      if (list) list.push(q);
      else speaker.byArticle.set(uri, [q]);
      speaker.count++;
      speaker.row = undefined;
    }
    this.ordered = undefined;
  }

  /**
   * Takes in what changed since the last call (as `AnalysisStore.trackQuotations().take()` reports it): every
   * article of `allUris` read again after a rebuild, else only the changed ones (a removed article has none).
   */
  apply(changes: { all: boolean; uris: ReadonlySet<string> }, allUris: Iterable<string>, quotesOf: (uri: string) => readonly LedgerQuote[]): void {
    if (changes.all) this.clear();
    for (const uri of changes.all ? allUris : changes.uris) this.set(uri, quotesOf(uri));
  }

  remove(uri: string): void {
    const quotes = this.articles.get(uri);
    if (!quotes) return;
    this.articles.delete(uri);
    for (const q of quotes) {
      const name = q.speaker ?? UNNAMED_SPEAKERS;
      const speaker = this.speakers.get(name);
      if (!speaker || !speaker.byArticle.delete(uri)) continue;
      speaker.count -= quotes.filter((x) => (x.speaker ?? UNNAMED_SPEAKERS) === name).length;
      speaker.row = undefined;
      if (speaker.count === 0) this.speakers.delete(name);
    }
    this.ordered = undefined;
  }

  clear(): void {
    this.articles.clear();
    this.speakers.clear();
    this.ordered = undefined;
  }

  /** True when the ledger holds quotations of the article. */
  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** Quotations held, in all. */
  get size(): number {
    let n = 0;
    for (const quotes of this.articles.values()) n += quotes.length;
    return n;
  }

  /** The rows, as `speakerRows` would build them from every article's quotations. */
  rows(): SpeakerRow[] {
    if (this.ordered) return this.ordered;
    const rows: SpeakerRow[] = [];
    for (const [name, speaker] of this.speakers) {
      if (!speaker.row) {
        const files = [...speaker.byArticle.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const quotes: LedgerQuote[] = [];
        for (const file of files) {
          const list = speaker.byArticle.get(file)!;
          if (list.length > 1) list.sort(byPlace);
          for (const q of list) quotes.push(q);
        }
        speaker.row = { speaker: name, type: quotes[0].speakerType, quotes };
      }
      rows.push(speaker.row);
    }
    return (this.ordered = rows.sort(compareRows));
  }
}
