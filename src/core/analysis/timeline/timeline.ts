/**
 * The timeline: every resolved DATE of the indexed articles on one time axis, with its precision, the
 * sentence it dates, the entities named in that sentence, and its article as a source. A date that only
 * restates the article's publication day (the dateline, "on Thursday" in a Thursday story) is marked, so
 * views can tell it apart from dates of other events.
 */
import type { CorpusIndex } from '../../index';
import { normalizeName } from '../../index/entityKey';
import type { ArticleMetadata } from '../../sidecar/model';
import { AnalysisStore } from '../analysisStore';
import type { DatePrecision } from './timex';

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
  /** The index's keys of `entities` (for references and filters), in the same order. */
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

/**
 * The timeline of one article, in text order: dates and sentences found when the article was indexed, the
 * names in each sentence resolved to the workspace's entities now (see `AnalysisStore`).
 */
export function timelineOfArticle(index: CorpusIndex, uri: string, options: TimelineOptions = {}): TimelineEntry[] {
  const store = AnalysisStore.of(index);
  const filter = entityFilter(store, options.entity);
  const entries = store.timeline(uri, options.metadataFor);
  return filter ? entries.filter((e) => filter(e.entityKeys)) : entries;
}

/** The timeline of many articles in date order: first day, then finer precision first, then file and offset. */
export function buildTimeline(index: CorpusIndex, uris: Iterable<string>, options: TimelineOptions = {}): TimelineEntry[] {
  const store = AnalysisStore.of(index);
  return store.allDates(uris, entityFilter(store, options.entity), options.metadataFor);
}

/** Keeps the dates whose sentence names the entity (its canonical name, an alias or a person's surname, any case). */
export function entityFilter(store: AnalysisStore, entity: string | undefined): ((keys: readonly string[]) => boolean) | undefined {
  if (entity === undefined) return undefined;
  const wanted = normalizeName(entity);
  return (keys) => keys.some((k) => store.answersTo(k, wanted));
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
