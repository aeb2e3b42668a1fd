/**
 * The timeline: every resolved DATE of the indexed articles on one time axis, with its precision, the
 * sentence it dates, the entities named in that sentence, and its article as a source. A date that only
 * restates the article's publication day (the dateline, "on Thursday" in a Thursday story) is marked, so
 * views can tell it apart from dates of other events.
 */
import type { CorpusIndex } from '../../index';
import { normalizeName } from '../../index';
import type { NameType, Span } from '../../extract/types';
import type { ArticleMetadata } from '../../sidecar/model';
import { articleSource } from '../articleSource';
import { paragraphsOf, rangeIndexAt, sentencesOf, type TextRange } from '../textUnits';
import { periodOf, type DatePrecision } from './timex';

export interface TimelineEntry {
  /** The resolved value as the extractor gives it: "2026-02-12", "2026-W07", "2026-02", "2026-Q1", "2026". */
  date: string;
  precision: DatePrecision;
  file: string;
  /** The date as written (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** The sentence the date belongs to, white space collapsed. */
  sentence: string;
  /** Canonical names of the entities named in that sentence, in text order, once each. */
  entities: string[];
  /** Entity keys matching `entities`, for filters and references. */
  entityKeys: string[];
  /** First and last day of the period, YYYY-MM-DD. */
  from: string;
  to: string;
  /** True when the date is the article's own publication day (a dateline or a restatement of it). */
  publication: boolean;
  headline: string;
  published?: string;
  outlet?: string;
}

export interface TimelineOptions {
  /** Only dates whose sentence names this entity (its canonical name or an alias, any case). */
  entity?: string;
  /** The analyst's sidecar metadata of an article (publication date, outlet), when there is one. */
  metadataFor?: (uri: string) => ArticleMetadata | undefined;
}

const PRECISION_ORDER: DatePrecision[] = ['day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade'];

/** The timeline of one article, in text order. */
export function timelineOfArticle(index: CorpusIndex, uri: string, options: TimelineOptions = {}, names = new EntityNames(index)): TimelineEntry[] {
  const text = index.textOf(uri);
  if (text === undefined) return [];
  const spans = index.spansOf(uri);
  const dates = spans.filter((s) => s.type === 'DATE');
  if (dates.length === 0) return [];
  const source = articleSource(index, uri, options.metadataFor?.(uri));
  const nameSpans = spans.filter((s) => s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE' || s.type === 'MISC');
  const sentences: TextRange[] = [];
  for (const p of paragraphsOf(text)) for (const s of sentencesOf(text, p)) sentences.push(s);
  const wanted = options.entity !== undefined ? normalizeName(options.entity) : undefined;
  const out: TimelineEntry[] = [];
  let n = 0;
  for (const span of dates) {
    const period = periodOf(span.value);
    if (!period) continue;
    const sentence = sentences[rangeIndexAt(sentences, span.start)] ?? { start: span.start, end: span.end };
    while (n < nameSpans.length && nameSpans[n].end <= sentence.start) n++;
    const entities: string[] = [];
    const entityKeys: string[] = [];
    let matches = wanted === undefined;
    for (let i = n; i < nameSpans.length && nameSpans[i].start < sentence.end; i++) {
      const named = names.of(uri, nameSpans[i]);
      if (!named || entityKeys.includes(named.key)) continue;
      entityKeys.push(named.key);
      entities.push(named.canonical);
      if (wanted !== undefined && named.forms.has(wanted)) matches = true;
    }
    if (!matches) continue;
    const entry: TimelineEntry = {
      date: String(span.value), precision: period.precision, file: uri, start: span.start, end: span.end, text: span.text,
      sentence: text.slice(sentence.start, sentence.end).replace(/\s+/gu, ' ').trim(), entities, entityKeys,
      from: period.from, to: period.to,
      publication: period.precision === 'day' && source.published === period.from,
      headline: source.headline,
    };
    if (source.published) entry.published = source.published;
    if (source.outlet) entry.outlet = source.outlet;
    out.push(entry);
  }
  return out;
}

/** The timeline of many articles in date order: first day, then finer precision first, then file and offset. */
export function buildTimeline(index: CorpusIndex, uris: Iterable<string>, options: TimelineOptions = {}): TimelineEntry[] {
  const names = new EntityNames(index);
  const out: TimelineEntry[] = [];
  for (const uri of uris) for (const e of timelineOfArticle(index, uri, options, names)) out.push(e);
  return out.sort(compareEntries);
}

export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1
    : PRECISION_ORDER.indexOf(a.precision) - PRECISION_ORDER.indexOf(b.precision) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start);
}

/** The JSON line of `source-annotator timeline`, in the documented field order. */
export function timelineLine(e: TimelineEntry): Record<string, unknown> {
  return { date: e.date, precision: e.precision, file: e.file, start: e.start, end: e.end, text: e.text, sentence: e.sentence, entities: e.entities };
}

/**
 * Entity identity of name spans. The index's display spans already carry the registry's merges in their
 * type and canonical name, so identity is read from them directly (a look-up per span through `spanAt`
 * would redo that work); the aliases an entity filter needs come from `entityInfo`, once per entity.
 */
export class EntityNames {
  private readonly byKey = new Map<string, NamedEntity>();

  constructor(private readonly index: CorpusIndex) {}

  /** Forgets what it knows (after a registry change). */
  clear(): void {
    this.byKey.clear();
  }

  /** The entity with this key, if a span of it has been seen. */
  get(key: string): NamedEntity | undefined {
    return this.byKey.get(key);
  }

  /**
   * The entity of a name span. Identity is the normalized canonical name, whatever type a mention was given
   * ("Pentagon" tagged as an organization here and a place there is one entity); its type is the one most
   * of its mentions have.
   */
  of(uri: string, span: Span): NamedEntity | undefined {
    const canonical = span.canonical ?? span.text;
    const key = normalizeName(canonical);
    if (!key) return undefined;
    let known = this.byKey.get(key);
    if (!known) {
      known = new NamedEntity(this.index, key, canonical, uri, span.start);
      this.byKey.set(key, known);
    }
    known.sawType(span.type as NameType);
    return known;
  }
}

export class NamedEntity {
  private cachedForms: Set<string> | undefined;
  private readonly typeCounts = new Map<NameType, number>();
  private mostType: NameType | undefined;

  sawType(type: NameType): void {
    const n = (this.typeCounts.get(type) ?? 0) + 1;
    this.typeCounts.set(type, n);
    if (!this.mostType || n > (this.typeCounts.get(this.mostType) ?? 0)) this.mostType = type;
  }

  /** The type most of its mentions have. */
  get type(): NameType | undefined {
    return this.mostType;
  }

  constructor(private readonly index: CorpusIndex, readonly key: string, readonly canonical: string,
    private readonly uri: string, private readonly offset: number) {}

  /** The entity's key in the index (for references), through one of its mentions. */
  indexKey(): string | undefined {
    return this.index.spanAt(this.uri, this.offset)?.key;
  }

  /** Normalized names the entity answers to: canonical, aliases, and a person's surname. */
  get forms(): Set<string> {
    if (this.cachedForms) return this.cachedForms;
    const forms = new Set([normalizeName(this.canonical)]);
    const key = this.indexKey();
    const info = key ? this.index.entityInfo(key) : undefined;
    for (const alias of info?.aliases ?? []) forms.add(normalizeName(alias));
    const surname = this.type === 'PERSON' ? /\s(\S+)$/u.exec(normalizeName(this.canonical))?.[1] : undefined;
    if (surname) forms.add(surname);
    this.cachedForms = forms;
    return forms;
  }
}
