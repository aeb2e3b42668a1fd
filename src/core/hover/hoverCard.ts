/**
 * Entry point for the hover provider: the card for whatever span covers an offset. The adapter wraps the
 * Markdown in a `MarkdownString` with `isTrusted: { enabledCommands: [...HoverCommands] }` and
 * `supportHtml: false`; every piece of article text inside is already escaped.
 */
import type { CorpusIndex } from '../index/corpusIndex';
import type { IndexedSpan } from '../index/queryTypes';
import { isNameType } from '../index/entityKey';
import { MAX_LISTED_ARTICLES } from './articleList';
import { dateCard } from './dateCard';
import { figureCard } from './figureCard';
import { nameCard } from './nameCard';

export interface HoverCard {
  markdown: string;
  /** The span the card describes, for the hover's range. */
  start: number;
  end: number;
}

export interface HoverCardOptions {
  /** A line for a date's or a figure's card: how independently it is reported (see `corroborationAt`). */
  corroboration?: (hit: IndexedSpan) => string | undefined;
}

export function hoverCardAt(index: CorpusIndex, uri: string, offset: number, limit = MAX_LISTED_ARTICLES, options: HoverCardOptions = {}): HoverCard | undefined {
  const hit = index.spanAt(uri, offset);
  if (!hit) return undefined;
  const { span } = hit;
  const note = isNameType(span.type) ? undefined : options.corroboration?.(hit);
  const markdown = isNameType(span.type) ? nameCard(index, hit, limit)
    : span.type === 'DATE' ? dateCard(index, hit, limit, note)
      : figureCard(index, hit, limit, note);
  return { markdown, start: span.start, end: span.end };
}
