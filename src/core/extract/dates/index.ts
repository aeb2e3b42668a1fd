/**
 * DATE extraction: date phrases in English news text with TIMEX3-style values resolved against the
 * publication date, plus the publication date itself.
 */
import type { Span } from '../types';
import type { DateExpression } from './expression';
import { addDays, daysBetween, parseIsoDay, type CalendarDay } from './calendar';
import { dayPeriod, formatPeriod, shiftPeriod, weekPeriod, type Period } from './anchor';
import { quarterEndingIn, resolveExpression } from './resolve';
import { scanDates } from './scan';
import {
  futureJustAfter, hasPastVerb, nearestCueBefore, pastJustBefore, readsAsFuture, readsAsPast, reportedJustBefore, sentenceTense, untilInThePast,
} from './tense';

export { findPublicationDate } from './publicationDate';

/** "the day before " / "the day after " right before a date. */
const DAY_BEFORE_AFTER = /\b[Tt]he\s{1,3}day\s{1,3}(before|after)\s{1,3}$/;
const WEEK_OF = /\b[Tt]he\s{1,3}week\s{1,3}of\s{1,3}$/;

/**
 * A run of months longer than a quarter, as results reports give them ("For the nine months", "in the first
 * six months"): written without "of <year>", it is a part of the year under discussion.
 */
const MONTHS_OF_YEAR = /\b(?:five|six|seven|eight|nine|ten|eleven|[5-9]|1[01])[\s-]{1,3}months(?![A-Za-z])(?!\s{1,3}(?:of|to|ago|earlier|later|before|after)\b)/i;
/** How far back from a date a run of months is looked for (within the text since the date before it). */
const PART_OF_YEAR_LOOKBACK = 300;

/** A period's end right before a day: "the quarter ended ", "the nine months ending ". */
const PERIOD_ENDED_BEFORE = /\b(?:quarters?|period|months|weeks|half)\s{1,3}(?:that\s{1,3})?end(?:ed|ing|s)\s{1,3}(?:on\s{1,3})?$/i;

/** How far after a date that lies ahead a later date in its sentence still follows it. */
const SAME_SENTENCE_REACH = 200;
/** The end of a sentence or clause between two dates (a period of an abbreviation before a lower-case word is none). */
const SENTENCE_BREAK = /[!?;]|\.\s{1,3}(?![a-z])|\n/;

/** A fixture in the present tense in the clause before a weekday: "face Brighton at home on", "host Arsenal on". */
const FIXTURE_BEFORE = /\b(?:face|faces|host|hosts|play|plays|meet|meets|visit|visits|travel\s+to|travels\s+to)\s[^,.;:!?\n]{0,50}$/;
const FIXTURE_REACH = 80;

/** How far after a day a clock time standing alone is still a time on that day. */
const CLOCK_DAY_REACH = 48;

/** Between two days of one month: "April 24 and 25". */
const JOINED_DAYS = /^,?\s{1,3}(?:and|or|&)\s{1,3}$/;

/** A quarter's results right after it: "This quarter's loss", "this quarter's net income". */
const RESULTS_AFTER = /^['’]s\s{1,3}(?:net\s{1,3}|operating\s{1,3}|pretax\s{1,3})?(?:loss|profit|earnings|results|income|sales|revenue)/i;

/** A period that has ended right before a day: "the quarter ended ", "the year that ended on ". */
const PERIOD_HAS_ENDED_BEFORE = /\b(?:quarters?|period|months|weeks|half|year)\s{1,3}(?:that\s{1,3})?ended\s{1,3}(?:on\s{1,3})?$/i;

/** DATE spans with TIMEX3 values resolved against `reference` (YYYY-MM-DD), sorted, non-overlapping. */
export function findDates(text: string, reference: string | undefined): Span[] {
  const referenceDay = parseIsoDay(reference);
  const referenceIso = referenceDay ? reference?.slice(0, 10) : undefined;
  let anchor: Period | undefined;
  let reported: Period | undefined;
  const spans: Span[] = [];
  let lastEnd = 0;
  let previous: { expression: DateExpression; period: Period } | undefined;
  let aheadEnd: number | undefined;
  const kinds: { kind: DateExpression['kind']; unit?: Period['unit'] }[] = [];
  for (let c of scanDates(text)) {
    const partOfYear = MONTHS_OF_YEAR.test(text.slice(Math.max(lastEnd, c.start - PART_OF_YEAR_LOOKBACK), c.start));
    lastEnd = c.end;
    const weekend = c.expression.kind === 'relativeUnit' && c.expression.unit === 'weekend' && c.expression.shift === 0;
    const bareWeekday = c.expression.kind === 'weekday' && c.expression.shift === undefined && c.expression.week === undefined;
    // "This weekend the leaders will vote": for "this weekend" the tense may come after the date
    let future = (readsAsFuture(text, c.start) && !untilInThePast(text, c.start, c.end)) || (weekend && futureJustAfter(text, c.end));
    let past = !future && (readsAsPast(text, c.end) || reportedJustBefore(text, c.start));
    let pastVerbBefore = false;
    // a bare month with no tense next to it takes the tense of its sentence
    if (!future && !past && isBareMonth(c.expression)) {
      const tense = sentenceTense(text, c.start, c.end);
      future = tense === 'future';
      past = tense === 'past' || tense === 'pastBefore';
      pastVerbBefore = tense === 'pastBefore';
    } else if (!future && !past && bareWeekday) {
      // "were planning to drive around the airport on Monday": the nearest tense cue before it in its sentence
      const cue = nearestCueBefore(text, c.start);
      // "Newcastle, who have not won since May, face Brighton on Wednesday": a fixture in the present tense, in the
      // clause of the weekday, is ahead
      future = cue === 'future' || FIXTURE_BEFORE.test(text.slice(Math.max(0, c.start - FIXTURE_REACH), c.start));
    } else if (!future && isYearless(c.expression)) {
      // "the quarter ended Oct. 31": a period that has ended ended by the publication date
      pastVerbBefore = PERIOD_HAS_ENDED_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start));
    }
    // "flights from March 30, with the third departing from August 6": a date without a year after one that lies
    // ahead, in the same sentence and with no past tense of its own, lies ahead too
    if (!future && !past && isYearless(c.expression) && aheadEnd !== undefined && c.start - aheadEnd < SAME_SENTENCE_REACH &&
      !SENTENCE_BREAK.test(text.slice(aheadEnd, c.start)) && !hasPastVerb(text.slice(aheadEnd, c.start))) future = true;
    let r = resolveExpression(c.expression, {
      reference: referenceDay, referenceIso, anchor, reported, future, past,
      // "this weekend" and a bare weekday ask: "The leaders met this weekend", "The ministers met on
      // Wednesday" look back though nothing follows the date
      pastBefore: pastVerbBefore || ((weekend || bareWeekday) && !future && !past && pastJustBefore(text, c.start)),
      partOfYear,
    });
    // "This quarter's loss includes charges": results are of a quarter that has ended, the one the text reports
    if (c.expression.kind === 'relativeUnit' && c.expression.unit === 'quarter' && c.expression.shift === 0 && !future &&
      reported && referenceDay && daysBetween(shiftPeriod(reported, 'quarter', 1).first, referenceDay) >= 0 &&
      RESULTS_AFTER.test(text.slice(c.end, c.end + 24)) && !futureJustAfter(text, c.end)) {
      r = { value: formatPeriod(reported), period: reported, reason: `${formatPeriod(reported)}, the quarter the text reports results for` };
    }
    // "Thursday 3 December (kick-off 20:00 GMT)": a clock time is on the day named just before it in its sentence
    if (c.expression.kind === 'clockTime' && previous?.period.unit === 'day' && spans.length > 0 &&
      c.start - spans[spans.length - 1].end <= CLOCK_DAY_REACH && !SENTENCE_BREAK.test(text.slice(spans[spans.length - 1].end, c.start))) {
      r = { value: formatPeriod(previous.period), period: previous.period, reason: `a time on ${formatPeriod(previous.period)}` };
    }
    // "April 24 and 25": the second day is in the year of the first
    const joined = previous?.period.unit === 'day' && c.expression.kind === 'calendar' && c.expression.year === undefined &&
      c.expression.month === previous.period.first.month && c.expression.day !== undefined && spans.length > 0 &&
      JOINED_DAYS.test(text.slice(spans[spans.length - 1].end, c.start));
    if (joined && previous && c.expression.kind === 'calendar' && c.expression.day !== undefined) {
      const period = dayPeriod({ ...previous.period.first, day: c.expression.day });
      r = { value: formatPeriod(period), period, reason: `the day joined to ${formatPeriod(previous.period)}` };
    }
    // "the day before last Tuesday's hearing", "the day after Christmas": one day off a day
    const dayOff = DAY_BEFORE_AFTER.exec(text.slice(Math.max(0, c.start - 20), c.start));
    if (dayOff && r.period?.unit === 'day') {
      const period = dayPeriod(addDays(r.period.first, dayOff[1] === 'before' ? -1 : 1));
      r = { value: formatPeriod(period), period, reason: `the day ${dayOff[1]} ${r.value ?? ''}` };
      c = { ...c, start: c.start - dayOff[0].length };
    }
    // "the week of March 6": the week that day falls in
    const weekOf = WEEK_OF.exec(text.slice(Math.max(0, c.start - 16), c.start));
    if (weekOf && r.period?.unit === 'day') {
      const period = weekPeriod(r.period.first);
      r = { value: formatPeriod(period), period, reason: `the week of ${r.value ?? ''}` };
      c = { ...c, start: c.start - weekOf[0].length };
    }
    // Looking back ("a year earlier", "year-ago") compares with the period under discussion; it does not replace it.
    const looksBack = c.expression.kind === 'yearEarlier' ||
      (c.expression.kind === 'offset' && c.expression.direction !== 'later');
    // "the quarter ended Sept. 30": the day closes the period under discussion, which stays the one compared with
    const closesPeriod = r.period?.unit === 'day' && (anchor?.unit === 'quarter' || anchor?.unit === 'half') &&
      PERIOD_ENDED_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start));
    // "the second quarter ended Oct. 31": a quarter named without a year is the one that ended that day
    const closed = spans.length > 0 && r.period?.unit === 'day' ? closedPeriod(text, spans[spans.length - 1], previous, c.start, r.period) : undefined;
    if (closed && previous) {
      if (anchor === previous.period) anchor = closed;
      if (reported === previous.period) reported = closed;
    }
    if (r.period && !looksBack && !closesPeriod) anchor = r.period;
    if (!reported && r.period && (c.expression.kind === 'quarter' || c.expression.kind === 'half') && isRecent(r.period, referenceDay)) reported = r.period;
    // "9 a.m. Tuesday", "Wednesday night": the time of day stays in the span and out of the value, which is the
    // day (the annotation guidelines never give a value finer than a day; TimeML types most such phrases TIME)
    const { value } = r;
    const span: Span = { start: c.start, end: c.end, type: 'DATE', text: text.slice(c.start, c.end), value };
    if (c.mod) span.mod = c.mod;
    if (r.reason) span.reason = r.reason;
    if (isYearless(c.expression) && r.period && referenceDay && daysBetween(referenceDay, r.period.first) > 0) aheadEnd = c.end;
    spans.push(span);
    kinds.push({ kind: c.expression.kind, unit: r.period?.unit });
    previous = r.period ? { expression: c.expression, period: r.period } : undefined;
  }
  nameAppositions(text, spans, kinds);
  return spans;
}

/** Between a period and the one named in apposition to it; and what follows that one. */
const APPOSITION = /^,\s{1,3}$/;
const APPOSITION_END = /^(?:[,;.]|\s{1,3}(?:that\s{1,3})?end(?:ed|ing|s)\b)/;
/** Expressions that refer to a period the text discusses rather than name it. */
const REFERS_BACK = new Set<DateExpression['kind']>(['yearEarlier', 'currentQuarter', 'anaphoricUnit', 'yearPeriod', 'yearQuarter']);

/**
 * "In the comparable year-ago quarter, the second quarter ended Oct. 31, …": a period the text refers to,
 * followed by the same kind of period named in apposition, is the period named.
 */
function nameAppositions(text: string, spans: Span[], kinds: { kind: DateExpression['kind']; unit?: Period['unit'] }[]): void {
  for (let i = 0; i + 1 < spans.length; i++) {
    const [a, b] = [spans[i], spans[i + 1]];
    if (!REFERS_BACK.has(kinds[i].kind) || REFERS_BACK.has(kinds[i + 1].kind) || kinds[i].unit === undefined ||
      kinds[i].unit !== kinds[i + 1].unit || b.value === null || a.value === b.value) continue;
    if (!APPOSITION.test(text.slice(a.end, b.start)) || !APPOSITION_END.test(text.slice(b.end, b.end + 12))) continue;
    a.value = b.value;
    a.reason = `${String(b.value)}, the period named right after it`;
  }
}

/** A period's end right after it: "quarter ended ", "half ending on ". */
const ENDED_BETWEEN = /^\s{1,3}(?:that\s{1,3})?end(?:ed|ing|s)\s{1,3}(?:on\s{1,3})?$/i;

/**
 * "the second quarter ended Oct. 31": a quarter or half the text names without a year, followed by the day it
 * ended, lies in that day's year (a fiscal quarter may end in the year before the publication's). Rewrites the
 * span of that period and returns the period it now means.
 */
function closedPeriod(text: string, span: Span, previous: { expression: DateExpression; period: Period } | undefined,
  dayStart: number, day: Period): Period | undefined {
  if (!previous || span.end >= dayStart || !ENDED_BETWEEN.test(text.slice(span.end, dayStart))) return undefined;
  const e = previous.expression;
  let period: Period;
  if (e.kind === 'currentQuarter' && e.endsIn !== undefined) period = quarterEndingIn(e.endsIn, day.first);
  else if ((e.kind === 'quarter' || e.kind === 'half') && e.year === undefined && e.yearShift === undefined) {
    period = shiftPeriod(previous.period, 'year', day.first.year - previous.period.first.year);
  } else return undefined;
  if (formatPeriod(period) === formatPeriod(previous.period)) return undefined;
  span.value = formatPeriod(period);
  span.reason = `the ${e.kind === 'half' ? 'half' : 'quarter'} that ended ${formatPeriod(day)}`;
  return period;
}

/** Results are reported within months of a period's end: a period under way or ended lately, not a historic one. */
const REPORTING_LAG_DAYS = 182;

function isRecent(period: Period, reference: CalendarDay | undefined): boolean {
  if (!reference || daysBetween(reference, period.first) > 0) return false;
  return daysBetween(shiftPeriod(period, period.unit, 1).first, reference) <= REPORTING_LAG_DAYS;
}

function isBareMonth(e: DateExpression): boolean {
  return e.kind === 'calendar' && e.month !== undefined && e.day === undefined && e.year === undefined;
}

/** A month or a day of a month without a year: the year comes from the reference date. */
function isYearless(e: DateExpression): boolean {
  return e.kind === 'calendar' && e.month !== undefined && e.year === undefined;
}
