/** Result shapes of `CorpusIndex` queries: plain data, ready for hover cards and VS Code adapters. */
import type { NameType, ReferenceDate, Span, SpanType } from '../extract/types';
import type { EntityKey } from './entityKey';
import type { Snippet } from './snippet';

export interface MentionLocation {
  uri: string;
  start: number;
  end: number;
}

/** A span found by `spanAt`, with the keys that link it to other articles. */
export interface IndexedSpan {
  uri: string;
  /** Position of the span in its article, for the other span queries. */
  index: number;
  span: Span;
  /** Names: the entity key (shared by linked surnames / acronyms). Dates and figures: the same-value key. */
  key?: string;
  /** Dates: the month key. Figures: the measured-thing key. */
  secondaryKey?: string;
}

export interface ArticleMention {
  uri: string;
  headline: string;
  /** The publication, when the article names it. */
  outlet?: string;
  published?: string;
  /** Mentions of the entity (or figure / date) in that article. */
  mentionCount: number;
  /** The first mention, where the card's link opens the article. */
  start: number;
  end: number;
  snippet: Snippet;
}

export interface RankedArticles {
  /** Number of matching articles, excluding the one asked from. */
  total: number;
  /** The top `limit`: most mentions first, then newest, then by URI. */
  articles: ArticleMention[];
}

export interface EntityInfo {
  key: EntityKey;
  type: NameType;
  canonical: string;
  /** Surface forms seen in the corpus and in the registry, most frequent first. */
  aliases: string[];
  description?: string;
  links?: string[];
  /** True when the analyst's registry defines this entity. */
  curated: boolean;
  articleCount: number;
  mentionCount: number;
}

export interface RelatedDates {
  sameDay: RankedArticles;
  /** Other articles in the same month, not already listed under sameDay. */
  sameMonth: RankedArticles;
}

export interface FigureConflict extends ArticleMention {
  /** The differing figure as written there ("32-nation"). */
  text: string;
  value: Span['value'];
}

export interface RelatedFigures {
  /** Articles with the same figure (same value, currency or unit). */
  same: RankedArticles;
  /** Articles giving a different value for the same measured thing: possible conflicts. */
  conflicts: FigureConflict[];
  /** What the figure measures, when it could be told. */
  measure?: string;
}

/**
 * One entity (or date, figure) of an article for its outline: where it is first and last mentioned, and
 * how often. A long article has hundreds of thousands of mentions; a list of them all would be garbage.
 */
export interface DocumentSymbol {
  name: string;
  type: SpanType;
  key?: string;
  first: { start: number; end: number };
  last: { start: number; end: number };
  mentionCount: number;
}

export interface DocumentSymbolGroup {
  type: SpanType;
  symbols: DocumentSymbol[];
}

export interface WorkspaceSymbol {
  key: EntityKey;
  name: string;
  type: NameType;
  articleCount: number;
  /** Where to jump: the first mention in the first article. */
  location: MentionLocation;
}

export interface ArticleInfo {
  uri: string;
  hash: string;
  headline: string;
  published?: string;
  reference?: ReferenceDate;
  spanCount: number;
}

export interface IndexChangeEvent {
  /** Articles added or re-analysed. */
  changed: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
  /** True when the registry changed and every entity link was recomputed. */
  relinked: boolean;
}
