/**
 * Per-article results of the analysis views (quotations, dated sentences, the entities of each paragraph),
 * kept until the article changes. A view over the whole workspace then merges what is already known and
 * only analyses the articles edited since it was last built. An article's entry is dropped when the index
 * reports it changed (edited, or re-analysed with the same text: a new name model) and checked against its
 * content hash on every read; a registry change (merges, renames) clears everything.
 */
import type { CorpusIndex } from '../index';
import type { LedgerQuote } from './quotes/quoteLedger';
import { quotesOfArticle } from './quotes/quoteLedger';
import { EntityNames, timelineOfArticle, type TimelineEntry, compareEntries } from './timeline/timeline';
import { paragraphsOf } from './textUnits';
import type { NameType } from '../extract/types';
import type { ArticleMetadata } from '../sidecar/model';

interface Entry {
  hash: string;
  quotes?: LedgerQuote[];
  timeline?: TimelineEntry[];
  /** Local entity keys per paragraph (each once). */
  paragraphs?: string[][];
}

const NAME_TYPES = new Set<string>(['PERSON', 'ORG', 'PLACE', 'MISC']);

export class AnalysisMemo {
  private readonly entries = new Map<string, Entry>();
  readonly names: EntityNames;
  private readonly subscription: { dispose(): void };

  constructor(private readonly index: CorpusIndex, private readonly metadataFor?: (uri: string) => ArticleMetadata | undefined) {
    this.names = new EntityNames(index);
    this.subscription = index.onDidChange((event) => {
      if (event.relinked) {
        this.entries.clear();
        this.names.clear();
      }
      // Re-analysed articles (a new name model, a sidecar's publication date) keep their content hash.
      for (const uri of event.changed) this.entries.delete(uri);
      for (const uri of event.removed) this.entries.delete(uri);
      for (const { from, to } of event.renamed) {
        // offsets stay; the file name inside the results changes: recompute
        this.entries.delete(from);
        this.entries.delete(to);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private entry(uri: string): Entry | undefined {
    const hash = this.index.hashOf(uri);
    if (hash === undefined) {
      this.entries.delete(uri);
      return undefined;
    }
    let entry = this.entries.get(uri);
    if (!entry || entry.hash !== hash) {
      entry = { hash };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** True when the index holds the article. */
  has(uri: string): boolean {
    return this.index.hashOf(uri) !== undefined;
  }

  quotes(uri: string): LedgerQuote[] {
    const entry = this.entry(uri);
    if (!entry) return [];
    return (entry.quotes ??= quotesOfArticle(this.index, uri));
  }

  timeline(uri: string): TimelineEntry[] {
    const entry = this.entry(uri);
    if (!entry) return [];
    return (entry.timeline ??= timelineOfArticle(this.index, uri, { metadataFor: this.metadataFor }, this.names));
  }

  /** The local entity keys named in each paragraph of the article. */
  paragraphEntities(uri: string): string[][] {
    const entry = this.entry(uri);
    if (!entry) return [];
    if (!entry.paragraphs) {
      const text = this.index.textOf(uri) ?? '';
      const spans = this.index.spansOf(uri).filter((s) => NAME_TYPES.has(s.type));
      const out: string[][] = [];
      let s = 0;
      for (const p of paragraphsOf(text)) {
        const keys = new Set<string>();
        while (s < spans.length && spans[s].start < p.start) s++;
        for (; s < spans.length && spans[s].start < p.end; s++) {
          const named = this.names.of(uri, spans[s]);
          if (named) keys.add(named.key);
        }
        out.push([...keys]);
      }
      entry.paragraphs = out;
    }
    return entry.paragraphs;
  }

  /** Every article's quotations, in article order. */
  allQuotes(uris: Iterable<string>): LedgerQuote[] {
    const out: LedgerQuote[] = [];
    for (const uri of uris) for (const q of this.quotes(uri)) out.push(q);
    return out;
  }

  /** The timeline of the articles, in date order, optionally only the dates whose sentence names an entity. */
  allDates(uris: Iterable<string>, entityFilter?: (keys: readonly string[]) => boolean): TimelineEntry[] {
    const out: TimelineEntry[] = [];
    for (const uri of uris) for (const e of this.timeline(uri)) if (!entityFilter || entityFilter(e.entityKeys)) out.push(e);
    return out.sort(compareEntries);
  }

  /** The type of an entity seen by this memo (the one most of its mentions have). */
  typeOf(key: string): NameType | undefined {
    return this.names.get(key)?.type;
  }
}
