/**
 * DATE extraction: date phrases in English news text with TIMEX3-style values resolved against the
 * publication date, plus the publication date itself.
 */
import type { Span } from '../types';
import { parseIsoDay } from './calendar';
import type { Period } from './anchor';
import { resolveExpression } from './resolve';
import { scanDates } from './scan';
import { futureJustAfter, pastJustBefore, readsAsFuture, readsAsPast, reportedJustBefore } from './tense';

export { findPublicationDate } from './publicationDate';

/** DATE spans with TIMEX3 values resolved against `reference` (YYYY-MM-DD), sorted, non-overlapping. */
export function findDates(text: string, reference: string | undefined): Span[] {
  const referenceDay = parseIsoDay(reference);
  const referenceIso = referenceDay ? reference?.slice(0, 10) : undefined;
  let anchor: Period | undefined;
  const spans: Span[] = [];
  for (const c of scanDates(text)) {
    const weekend = c.expression.kind === 'relativeUnit' && c.expression.unit === 'weekend' && c.expression.shift === 0;
    // "This weekend the leaders will vote": for "this weekend" the tense may come after the date
    const future = readsAsFuture(text, c.start) || (weekend && futureJustAfter(text, c.end));
    const past = !future && (readsAsPast(text, c.end) || reportedJustBefore(text, c.start));
    const r = resolveExpression(c.expression, {
      reference: referenceDay, referenceIso, anchor, future, past,
      // only "this weekend" asks: "The leaders met this weekend" looks back though nothing follows the date
      pastBefore: weekend && !future && !past && pastJustBefore(text, c.start),
    });
    // Looking back ("a year earlier", "year-ago") compares with the period under discussion; it does not replace it.
    const looksBack = c.expression.kind === 'yearEarlier' ||
      (c.expression.kind === 'offset' && c.expression.direction !== 'later');
    if (r.period && !looksBack) anchor = r.period;
    const span: Span = { start: c.start, end: c.end, type: 'DATE', text: text.slice(c.start, c.end), value: r.value };
    if (c.mod) span.mod = c.mod;
    if (r.reason) span.reason = r.reason;
    spans.push(span);
  }
  return spans;
}
