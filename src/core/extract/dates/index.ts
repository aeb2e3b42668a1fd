import type { ReferenceDate, Span } from '../types';

/** Finds the article's own publication date: a dateline near the top, or `date:` front matter. */
export function findPublicationDate(_text: string): ReferenceDate | undefined {
  return undefined;
}

/** DATE spans with TIMEX3 values resolved against `reference` (YYYY-MM-DD), sorted, non-overlapping. */
export function findDates(_text: string, _reference: string | undefined): Span[] {
  return [];
}
