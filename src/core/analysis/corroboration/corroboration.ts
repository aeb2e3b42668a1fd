/**
 * Corroboration: how many independent sources report something (a figure, a dated event, a quotation).
 * Articles that republish the same copy (see `CopyIndex`) count once, as the earliest of them; the other
 * outlets of a copy group are named apart as republishers: "reported by 3 outlets; 2 more republish the same
 * wire copy". Distinct outlets count, not articles: two stories of one outlet are one source. An article
 * whose outlet is not known counts as a source of its own. Pure.
 */
import { plural } from '../../util/plural';
import { CopyIndex, type CopyOptions, type SourceInfo } from './copyIndex';

export { CopyIndex, type CopyOptions, type SourceInfo } from './copyIndex';

export interface SourceArticle extends SourceInfo {
  uri: string;
  text: string;
}

/** Groups of articles (indexes into `articles`, each sorted) that republish the same copy; singletons left out. */
export function copyClusters(articles: readonly SourceArticle[], options: CopyOptions = {}): number[][] {
  const copies = new CopyIndex(options);
  const position = new Map<string, number>();
  articles.forEach((a, i) => {
    position.set(a.uri, i);
    copies.set(a.uri, a.text, a);
  });
  return copies.groupsOfCopies().map((g) => g.map((uri) => position.get(uri)!).sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

export interface Corroboration {
  /** Independent reports: one per copy group, one per article that copies nothing. */
  independent: number;
  /** Distinct outlets among the independent reports (articles without an outlet are left out here). */
  outlets: string[];
  /** Independent reports from articles whose outlet is not known. */
  unknownOutlets: number;
  /** Distinct other outlets that only republish one of those reports. */
  republishers: string[];
  /** Articles reporting it, all told. */
  articles: number;
  /** "reported by 3 outlets; 2 more republish the same wire copy"; empty when there is only one source. */
  summary: string;
}

/**
 * How independently something is reported, given the URIs of the articles that report it. `infoOf` gives
 * each article's outlet and publication date (by default what the copy index was told).
 */
export function corroborate(copies: CopyIndex, reporting: Iterable<string>, infoOf: (uri: string) => SourceInfo | undefined = (uri) => copies.info(uri)): Corroboration {
  // one pass: an article that copies nothing is a report of its own (its outlet, or one without a named
  // outlet); per copy group, its earliest article (the original) and the outlets of all its articles
  const byGroup = new Map<number, { uri: string; published: string; outlet?: string; outlets: Set<string> }>();
  const outlets = new Set<string>();
  let unknownOutlets = 0;
  let alone = 0;
  let articles = 0;
  // a hover passes the quotation index's own set of articles: no copy of it is needed to count each once
  const unique = reporting instanceof Set ? reporting as ReadonlySet<string> : new Set(reporting);
  copies.settle();
  for (const uri of unique) {
    articles++;
    const group = copies.groupOfUri(uri);
    const info = infoOf(uri);
    const outlet = info?.outlet?.trim() || undefined;
    if (group === undefined) {
      alone++;
      if (outlet) outlets.add(outlet);
      else unknownOutlets++;
      continue;
    }
    const published = info?.published ?? '9999';
    const entry = byGroup.get(group);
    if (!entry) {
      byGroup.set(group, { uri, published, outlet, outlets: new Set(outlet ? [outlet] : []) });
      continue;
    }
    if (outlet) entry.outlets.add(outlet);
    if (published < entry.published || (published === entry.published && uri < entry.uri)) {
      entry.uri = uri;
      entry.published = published;
      entry.outlet = outlet;
    }
  }
  const copying = new Set<string>();
  for (const entry of byGroup.values()) {
    if (entry.outlet) outlets.add(entry.outlet);
    else unknownOutlets++;
    for (const o of entry.outlets) if (o !== entry.outlet) copying.add(o);
  }
  const republishers = [...copying].filter((o) => !outlets.has(o)).sort();
  const result = { independent: alone + byGroup.size, outlets: [...outlets].sort(), unknownOutlets, republishers, articles };
  return { ...result, summary: corroborationSummary(result) };
}

/**
 * The sentence a card shows: "reported by 3 outlets; 2 more republish the same wire copy", "reported by 2
 * outlets and 1 article without a named outlet", "reported by 1 outlet only; 2 more republish its wire copy".
 * Empty when a single source reports it and nobody republishes it: there is nothing to corroborate.
 * `named` (optional) adds the outlets' names after their count, `escape` escapes the words for Markdown.
 */
export function corroborationSummary(c: Omit<Corroboration, 'summary'>, named?: (outlets: readonly string[]) => string, escape: (s: string) => string = (s) => s): string {
  const sources = c.outlets.length + c.unknownOutlets;
  const more = c.republishers.length;
  if (sources <= 1 && more === 0) return '';
  const count = c.outlets.length;
  const outlets = named && count ? named(c.outlets) : '';
  let head: string;
  if (c.unknownOutlets === 0) head = `${escape(`reported by ${plural(count, 'outlet')}`)}${outlets}${sources === 1 ? ' only' : ''}`;
  else if (count === 0) head = escape(`reported by ${plural(c.unknownOutlets, 'article')} without a named outlet`);
  else head = `${escape(`reported by ${plural(count, 'outlet')}`)}${outlets}${escape(` and ${plural(c.unknownOutlets, 'article')} without a named outlet`)}`;
  if (!more) return head;
  const tail = escape(`${more} more ${more === 1 ? 'republishes' : 'republish'} ${sources === 1 ? 'its' : 'the same'} wire copy`);
  return `${head}; ${tail}${named ? named(c.republishers) : ''}`;
}
