/**
 * Entry point for the hover provider: the card for whatever span covers an offset. The adapter wraps the
 * Markdown in a `MarkdownString` with `isTrusted: { enabledCommands: [...HoverCommands] }` and
 * `supportHtml: false`; every piece of article text inside is already escaped.
 */
import type { CorpusIndex } from '../index/corpusIndex';
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

export function hoverCardAt(index: CorpusIndex, uri: string, offset: number, limit = MAX_LISTED_ARTICLES): HoverCard | undefined {
  const hit = index.spanAt(uri, offset);
  if (!hit) return undefined;
  const { span } = hit;
  const markdown = isNameType(span.type) ? nameCard(index, hit, limit)
    : span.type === 'DATE' ? dateCard(index, hit, limit)
      : figureCard(index, hit, limit);
  return { markdown, start: span.start, end: span.end };
}
