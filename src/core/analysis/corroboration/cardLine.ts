/**
 * The corroboration line of a figure's or a date's hover card: how many independent outlets give the same
 * figure (the same value and unit, as the card's "Same figure" list; a count without a unit is left out) or
 * date the same day (a month or a year is too coarse to be one event), with
 * republished wire copy counted once. Dates that only restate their article's publication day are no event
 * and get no line.
 *
 * `ReportIndex` keeps, per value, the articles that give it, updated article by article, so a hover is a
 * map lookup plus one pass over those articles, whatever the size of the workspace. Pure.
 */
import type { Span } from '../../extract/types';
import { escapeMarkdown } from '../../hover/markdown';
import { ArticlesByKey } from './articlesByKey';
import { corroborate, corroborationSummary, type Corroboration, type CopyIndex, type SourceInfo } from './corroboration';

/** Outlets named in the card before "and N more". */
const NAMED = 4;

/** The value a date or figure is compared by across articles, or undefined for other spans and unresolved values. */
export function factKey(span: Pick<Span, 'type' | 'value' | 'unit'>): string | undefined {
  if (span.value === null || span.value === undefined || span.value === '') return undefined;
  // a day dates an event; a month or a year is too coarse to say two reports tell of the same one
  // ("9 a.m. Tuesday" is that Tuesday: its clock time is left out of the key)
  if (span.type === 'DATE') return typeof span.value === 'string' && /^\d{4}-\d{2}-\d{2}(?:T|$)/.test(span.value) ? `DATE|${span.value.slice(0, 10)}` : undefined;
  // a bare count ("two") is no figure anyone corroborates
  if (span.type === 'QUANTITY' && !span.unit) return undefined;
  if (span.type === 'MONEY' || span.type === 'PERCENT' || span.type === 'QUANTITY') return `${span.type}|${String(span.value)}|${span.unit ?? ''}`;
  return undefined;
}

/** Which articles give which dates and figures. */
export class ReportIndex {
  private readonly articles = new ArticlesByKey();

  /**
   * Adds or replaces an article's dates and figures. A date that is the article's own `publicationDay` is
   * left out: an article does not report an event by being published on its day.
   */
  set(uri: string, spans: Iterable<Pick<Span, 'type' | 'value' | 'unit'>>, publicationDay?: string): void {
    const keys: (string | undefined)[] = [];
    for (const s of spans) {
      if (s.type === 'DATE' && publicationDay !== undefined && typeof s.value === 'string' && s.value.slice(0, 10) === publicationDay) continue;
      keys.push(factKey(s));
    }
    this.articles.set(uri, keys);
  }

  remove(uri: string): void {
    this.articles.remove(uri);
  }

  rename(from: string, to: string): void {
    this.articles.rename(from, to);
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  /** The values at least `min` articles give, with one of those articles. */
  *commonValues(min: number): Generator<{ key: string; uri: string }> {
    for (const [key, set] of this.articles.entries()) if (set.size >= min) yield { key, uri: set.values().next().value as string };
  }

  /** The articles giving this value (empty when none). */
  articlesWith(key: string): ReadonlySet<string> {
    return this.articles.articlesWith(key);
  }
}

export interface CorroborationContext {
  reports: ReportIndex;
  copies: CopyIndex;
  /** An article's outlet and publication date, when the copy index does not know it yet. */
  infoOf?: (uri: string) => SourceInfo | undefined;
  /** The article's own publication day (YYYY-MM-DD), when known: a date restating it is no event. */
  publicationDayOf?: (uri: string) => string | undefined;
  /**
   * Results by value, for values many articles give (a year named everywhere): the owner clears it whenever
   * an article is added, changed or removed.
   */
  cache?: Map<string, Corroboration | null>;
}

/** Values given by at least this many articles have their corroboration kept in `CorroborationContext.cache`. */
export const CACHED_FROM = 200;

/** Corroboration of the date or figure `span` of article `uri`, or undefined when it is no event or only one source gives it. */
export function corroborationAt(context: CorroborationContext, uri: string, span: Pick<Span, 'type' | 'value' | 'unit'>): Corroboration | undefined {
  const key = factKey(span);
  if (!key) return undefined;
  if (span.type === 'DATE' && typeof span.value === 'string' && span.value.slice(0, 10) === context.publicationDayOf?.(uri)) return undefined;
  const others = context.reports.articlesWith(key);
  if (others.size === 0 || (others.size === 1 && others.has(uri))) return undefined;
  // the article's own value is among `others` once it is indexed: then the result is the same for every article giving it
  const cacheKey = others.has(uri) && others.size >= CACHED_FROM ? key : undefined;
  const cached = cacheKey === undefined ? undefined : context.cache?.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const { copies, infoOf } = context;
  const result = corroborate(copies, (function* () { yield uri; yield* others; })(), (u) => copies.info(u) ?? infoOf?.(u));
  if (cacheKey !== undefined) context.cache?.set(cacheKey, result.summary ? result : null);
  return result.summary ? result : undefined;
}

/**
 * Fills `context.cache` for the values many articles give, a slice at a time (`pause` resolves false to stop):
 * their first hover is then a lookup too.
 */
export async function warmCorroborations(context: CorroborationContext, pause: () => Promise<boolean>, sliceMs = 15): Promise<void> {
  let until = performance.now() + sliceMs;
  for (const { key, uri } of [...context.reports.commonValues(CACHED_FROM)]) {
    if (context.cache?.has(key)) continue;
    const [type, value, unit] = key.split('|');
    corroborationAt(context, uri, { type: type as Span['type'], value, unit: unit || undefined });
    if (performance.now() > until) {
      if (!(await pause())) return;
      until = performance.now() + sliceMs;
    }
  }
}

/** "a, b, c and 2 more" */
function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMED).map(escapeMarkdown);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown.join('');
}

/**
 * The card's Markdown line, with the outlets named: "**Corroboration** · reported by 3 outlets (AP, BBC and
 * Reuters); 2 more republish the same wire copy (Daily Post and Herald)".
 */
export function corroborationMarkdown(c: Corroboration): string {
  return `**Corroboration** · ${corroborationSummary(c, (list) => ` (${names(list)})`, escapeMarkdown)}`;
}
