/**
 * Everything a set of articles corroborates, listed at once (the `corroboration` command): each figure, dated
 * event and quotation that more than one article gives, with how independently it is reported. The same
 * rules as the hover cards' lines: figures and days compared by `factKey` through a `ReportIndex` (an
 * article's own publication day left out), quotations by `quoteKey`, republished wire copy found by a
 * `CopyIndex` and counted once by `corroborate`. Pure.
 */
import type { Span } from '../../extract/types';
import { factKey, ReportIndex } from './cardLine';
import { CopyIndex, corroborate, type SourceInfo } from './corroboration';
import { quoteKey } from './quoteReports';

export type CorroboratedKind = 'figure' | 'date' | 'quote';

/** One article as the listing reads it. */
export interface CorroborationArticle {
  file: string;
  text: string;
  /** Its dates and figures (the index's spans; other types are ignored). */
  spans: readonly Pick<Span, 'type' | 'value' | 'unit' | 'start' | 'end' | 'text'>[];
  /** Its quotations: the quoted words and where they are. */
  quotes: readonly { start: number; end: number; text: string }[];
  /** Its own publication day (YYYY-MM-DD): a date restating it reports no event. */
  publicationDay?: string;
  /** Its outlet and publication date. */
  info: SourceInfo;
}

export interface CorroboratedArticle {
  file: string;
  /** The first mention of the value in the article (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  outlet: string | null;
  published: string | null;
  /** The article whose copy this one republishes (the earliest of its copy group among those giving the value), or null. */
  copyOf: string | null;
}

export interface CorroboratedFact {
  kind: CorroboratedKind;
  /** Normalized: an ISO day, a figure's value and unit ("5 %", "USD 2000000", "30 km"), a quotation's words. */
  value: string;
  /** As the first article (earliest published) writes it. */
  text: string;
  /** The outlets of the independent reports, sorted. */
  outlets: string[];
  /** Independent sources, as the card counts them: distinct outlets, plus each report without a known outlet. */
  sources: number;
  /** Articles that republish another's copy. */
  republished: number;
  /** The card's sentence ("reported by 2 outlets; 1 more republishes the same wire copy"), or '' for one source. */
  summary: string;
  articles: CorroboratedArticle[];
}

export interface CorroborationListOptions {
  kinds?: ReadonlySet<CorroboratedKind>;
}

/** "date" for a day, "figure" for money, percentages and quantities with a unit. */
function kindOfKey(key: string): CorroboratedKind {
  return key.startsWith('DATE|') ? 'date' : 'figure';
}

/** The value of a fact key as printed: "2026-02-12", "5 %", "USD 2000000", "30 km". */
function valueOfKey(key: string): string {
  const [type, value, unit] = key.split('|');
  if (type === 'DATE') return value;
  if (type === 'PERCENT') return `${value} %`;
  return unit ? `${value} ${unit}` : value;
}

/** Most independent sources first, then most articles, then by kind and value. */
function compareFacts(a: CorroboratedFact, b: CorroboratedFact): number {
  return b.sources - a.sources || b.articles.length - a.articles.length || b.republished - a.republished ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** Every figure, day and quotation more than one of `articles` gives, most independent sources first. */
export function listCorroborations(articles: readonly CorroborationArticle[], options: CorroborationListOptions = {}): CorroboratedFact[] {
  const kinds = options.kinds ?? new Set<CorroboratedKind>(['figure', 'date', 'quote']);
  const copies = new CopyIndex();
  const reports = new ReportIndex();
  const byFile = new Map<string, CorroborationArticle>();
  for (const a of articles) {
    if (byFile.has(a.file)) continue;
    byFile.set(a.file, a);
    copies.set(a.file, a.text, a.info);
    if (kinds.has('figure') || kinds.has('date')) reports.set(a.file, a.spans, a.publicationDay);
  }
  copies.settle();

  // the first mention of each value in each article
  const firstOf = new Map<string, Map<string, { start: number; end: number; text: string }>>();
  const note = (key: string, file: string, at: { start: number; end: number; text: string }) => {
    let perFile = firstOf.get(key);
    if (!perFile) firstOf.set(key, (perFile = new Map()));
    const seen = perFile.get(file);
    if (!seen || at.start < seen.start) perFile.set(file, at);
  };
  for (const a of byFile.values()) {
    if (kinds.has('figure') || kinds.has('date')) {
      for (const s of a.spans) {
        if (s.type === 'DATE' && a.publicationDay !== undefined && s.value === a.publicationDay) continue;
        const key = factKey(s);
        if (key && kinds.has(kindOfKey(key))) note(key, a.file, s);
      }
    }
    if (kinds.has('quote')) {
      for (const q of a.quotes) {
        const key = quoteKey(q.text);
        if (key) note(`QUOTE|${key}`, a.file, q);
      }
    }
  }

  const out: CorroboratedFact[] = [];
  for (const [key, perFile] of firstOf) {
    if (perFile.size < 2) continue;
    const quote = key.startsWith('QUOTE|');
    const files = quote ? [...perFile.keys()] : [...reports.articlesWith(key)].filter((f) => perFile.has(f));
    if (files.length < 2) continue;
    const c = corroborate(copies, files);
    const infoOf = (file: string) => copies.info(file) ?? {};
    const published = (file: string) => infoOf(file).published ?? '9999';
    files.sort((x, y) => (published(x) < published(y) ? -1 : published(x) > published(y) ? 1 : x < y ? -1 : x > y ? 1 : 0));
    // the earliest article of each copy group among those giving the value is its report (as `corroborate` takes it)
    const originalOf = new Map<number, string>();
    let republished = 0;
    const listed: CorroboratedArticle[] = files.map((file) => {
      const group = copies.groupOfUri(file);
      let copyOf: string | null = null;
      if (group !== undefined) {
        const original = originalOf.get(group);
        if (original === undefined) originalOf.set(group, file);
        else copyOf = original;
      }
      if (copyOf !== null) republished++;
      const at = perFile.get(file)!;
      const info = infoOf(file);
      return { file, start: at.start, end: at.end, outlet: info.outlet?.trim() || null, published: info.published ?? null, copyOf };
    });
    out.push({
      kind: quote ? 'quote' : kindOfKey(key),
      value: quote ? key.slice('QUOTE|'.length) : valueOfKey(key),
      text: perFile.get(files[0])!.text,
      outlets: c.outlets,
      sources: c.outlets.length + c.unknownOutlets,
      republished,
      summary: c.summary,
      articles: listed,
    });
  }
  return out.sort(compareFacts);
}

/** The fields of the CLI's JSON line, in the documented order. */
export function corroborationLine(f: CorroboratedFact): Omit<CorroboratedFact, 'summary'> {
  return { kind: f.kind, value: f.value, text: f.text, outlets: f.outlets, sources: f.sources, republished: f.republished, articles: f.articles };
}
