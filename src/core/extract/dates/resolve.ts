/**
 * Turns a DateExpression into a TIMEX3 value. Relative phrases count from the reference (publication) date;
 * anaphoric ones ("a year earlier", "that year", "the quarter") from the period the text mentioned last.
 */
import type { DateExpression, Unit } from './expression';
import { addDays, daysBetween, isoWeekday, type CalendarDay } from './calendar';
import {
  coarsen, coarser, dayPeriod, formatPeriod, halfPeriod, monthPeriod, quarterPeriod, seasonAt, seasonIndex, seasonOf,
  seasonPeriod, shiftPeriod, weekPeriod, yearPeriod, type Period,
} from './anchor';

export interface ResolveContext {
  reference?: CalendarDay;
  referenceIso?: string;
  /** The period the text mentioned last, for anaphoric phrases. */
  anchor?: Period;
  /**
   * The quarter or half the text reports on: the first one it names ("posted a 20% gain in third-quarter net").
   * "A year ago" and "the year-earlier period" compare with it, though a passing mention of another quarter
   * ("after a flat second quarter") came in between.
   */
  reported?: Period;
  /** The clause reads as future ("will meet Friday"), so an unanchored day or month lies ahead. */
  future: boolean;
  /** The clause after it reads as past ("In January, the board named…"), so an unanchored month lies behind. */
  past?: boolean;
  /** A past-tense verb comes before it in the sentence ("The leaders met this weekend"). */
  pastBefore?: boolean;
  /**
   * Since the last date, the text turned to a run of months longer than a quarter ("For the nine months,
   * …"): "a year earlier" then compares with that part of the year, which TimeML writes as the year.
   */
  partOfYear?: boolean;
}

export interface Resolution {
  value: string | null;
  reason?: string;
  /** The period to remember as the latest one the text mentioned. */
  period?: Period;
}

const NO_REFERENCE = 'relative date but no publication date known';
/** The month most governments' fiscal years start in (Britain, Canada, India, Japan). */
const FISCAL_YEAR_START_MONTH = 4;
const NO_ANCHOR = 'refers back to a date, but the text gives none before it';

const resolved = (period: Period, reason?: string): Resolution => ({ value: formatPeriod(period), reason, period });
const unresolved = (reason: string): Resolution => ({ value: null, reason });

function quarterOf(day: CalendarDay): number {
  return Math.floor((day.month - 1) / 3) + 1;
}

/**
 * News reports mostly look back, but deadlines and schedules look a little ahead: an unanchored day or month
 * is the latest one no more than LOOKAHEAD_DAYS after the reference (tuned on TempEval-3 train: 60–150 days
 * score the same), or the next one on or after it in a future-tense clause.
 */
const LOOKAHEAD_DAYS = 90;

/**
 * A future-tense day a few days before the reference is a deadline or plan the report catches just after it
 * passed ("ordered to leave by Jan. 14" in a Jan. 15 story), not one almost a year ahead.
 */
const FUTURE_GRACE_DAYS = 7;

/**
 * Results are reported within months of a period's end: a period that ended more than this long before
 * publication is itself the comparison period of a year earlier.
 */
const STALE_PERIOD_DAYS = 182;

/** The years an unanchored day or month may fall in, latest first: not the next one when the clause is past tense. */
function candidateYears(ref: CalendarDay, past: boolean): number[] {
  return past ? [ref.year, ref.year - 1] : [ref.year + 1, ref.year, ref.year - 1];
}

function yearFor(month: number, day: number, ref: CalendarDay, future: boolean, past = false, pastBefore = false): number {
  const candidates = candidateYears(ref, past);
  const distance = (y: number): number => daysBetween(ref, { year: y, month, day: Math.min(day, 28) });
  if (future) return [...candidates].reverse().find((y) => distance(y) >= -FUTURE_GRACE_DAYS) ?? ref.year;
  // after a past-tense verb that governs it the day has come by the reference date ("the quarter ended Oct. 31")
  return candidates.find((y) => distance(y) <= (pastBefore ? 0 : LOOKAHEAD_DAYS)) ?? ref.year;
}

function yearForMonth(month: number, ref: CalendarDay, future: boolean, past = false, pastBefore = false): number {
  const delta = month - ref.month;
  if (future) return delta >= 0 ? ref.year : ref.year + 1;
  // months ahead of the reference, across the turn of the year ("January" in a November article is next
  // January) unless the clause after it is in the past tense
  const ahead = (y: number): number => (y - ref.year) * 12 + delta;
  // after a past-tense verb the month has begun by the reference date ("changed its fiscal year in December")
  const limit = pastBefore ? 0 : Math.round(LOOKAHEAD_DAYS / 30);
  return candidateYears(ref, past).find((y) => ahead(y) <= limit) ?? ref.year;
}

function weekdayNear(ref: CalendarDay, weekday: number, direction: 'onOrBefore' | 'before' | 'onOrAfter' | 'after'): CalendarDay {
  const back = (isoWeekday(ref) - weekday + 7) % 7;
  const ahead = (weekday - isoWeekday(ref) + 7) % 7;
  switch (direction) {
    case 'onOrBefore': return addDays(ref, -back);
    case 'before': return addDays(ref, -(back || 7));
    case 'onOrAfter': return addDays(ref, ahead);
    case 'after': return addDays(ref, ahead || 7);
  }
}

function unitPeriodAt(day: CalendarDay, unit: Unit): Period {
  switch (unit) {
    case 'day': return dayPeriod(day);
    case 'week': return weekPeriod(day);
    case 'weekend': return { unit: 'weekend', first: addDays(day, 6 - isoWeekday(day)) };
    case 'month': return monthPeriod(day.year, day.month);
    case 'quarter': return quarterPeriod(day.year, quarterOf(day));
    case 'half': return halfPeriod(day.year, day.month <= 6 ? 1 : 2);
    case 'season': { const s = seasonAt(seasonOf(day)); return seasonPeriod(s.year, s.season); }
    default: return coarsen(yearPeriod(day.year), unit);
  }
}

/**
 * "This weekend" by tense and the publication weekday: a future-tense clause means the coming weekend, a
 * past-tense one the weekend just past (or under way); without a tense, a Monday story means the weekend
 * just past, a Saturday or Sunday story the one under way, and any other day the coming one.
 */
function thisWeekend(ref: CalendarDay, ctx: ResolveContext, refText: string): Resolution {
  const weekday = isoWeekday(ref);
  const saturdayOnOrBefore = weekday >= 6 ? addDays(ref, 6 - weekday) : addDays(ref, -(weekday + 1));
  const saturdayOnOrAfter = weekday >= 6 ? addDays(ref, 6 - weekday) : addDays(ref, 6 - weekday);
  const past = ctx.past || ctx.pastBefore;
  let first: CalendarDay;
  let reason: string;
  if (ctx.future) { first = saturdayOnOrAfter; reason = `the coming weekend after ${refText} (future tense)`; }
  else if (past) { first = saturdayOnOrBefore; reason = `the weekend before ${refText} (past tense)`; }
  else if (weekday === 1) { first = saturdayOnOrBefore; reason = `the weekend just past: ${refText} is a Monday`; }
  else { first = saturdayOnOrAfter; reason = weekday >= 6 ? `the weekend of ${refText}` : `the coming weekend after ${refText}`; }
  return resolved({ unit: 'weekend', first }, reason);
}

/**
 * A fiscal quarter that ends in `month`, in the latest such month up to the reference: TimeML writes it as
 * the calendar quarter holding two or three of its months (ended July 31: May to July, the second quarter).
 */
export function quarterEndingIn(month: number, ref: CalendarDay): Period {
  const year = month <= ref.month ? ref.year : ref.year - 1;
  const quarter = Math.floor((month - 1) / 3) + 1;
  // a quarter ending in its calendar quarter's first month lies mostly in the quarter before
  return (month - 1) % 3 === 0 ? shiftPeriod(quarterPeriod(year, quarter), 'quarter', -1) : quarterPeriod(year, quarter);
}

/** "For the nine months, … a year earlier": the year before the one those months belong to. */
function yearBeforePartOfYear(ctx: ResolveContext): Resolution {
  const year = ctx.anchor && ctx.anchor.unit !== 'decade' && ctx.anchor.unit !== 'century' ? ctx.anchor.first.year : ctx.reference?.year;
  if (year === undefined) return unresolved(NO_REFERENCE);
  return resolved(yearPeriod(year - 1), `the year before ${year}: the text compares a run of months of that year`);
}

export function resolveExpression(e: DateExpression, ctx: ResolveContext): Resolution {
  const ref = ctx.reference;
  const refText = `the publication date ${ctx.referenceIso ?? ''}`;
  switch (e.kind) {
    case 'calendar': {
      if (e.year !== undefined) {
        if (e.month === undefined) return resolved(yearPeriod(e.year));
        if (e.day === undefined) return resolved(monthPeriod(e.year, e.month));
        return resolved(dayPeriod({ year: e.year, month: e.month, day: e.day }));
      }
      if (e.month === undefined) return unresolved('no year or month given');
      if (!ref) return unresolved(NO_REFERENCE);
      if (e.day === undefined) {
        const year = yearForMonth(e.month, ref, ctx.future, ctx.past, ctx.pastBefore);
        return resolved(monthPeriod(year, e.month),
          ctx.future ? `the next such month after ${refText} (future tense)`
            : ctx.pastBefore ? `the latest such month up to ${refText} (past tense)` : `the latest such month up to three months after ${refText}`);
      }
      const year = yearFor(e.month, e.day, ref, ctx.future, ctx.past, ctx.pastBefore);
      return resolved(dayPeriod({ year, month: e.month, day: e.day }),
        ctx.future ? `the next such day after ${refText} (future tense)`
          : ctx.pastBefore ? `the latest such day up to ${refText} (past tense)` : `the latest such day up to three months after ${refText}`);
    }
    case 'yearRange':
      return { value: `${e.from}/${e.to}`, period: yearPeriod(e.to) };
    case 'weekday': {
      if (!ref) return unresolved(NO_REFERENCE);
      if (e.week !== undefined) {
        // "Thursday of next week": that weekday in the week one on from the publication week
        const monday = addDays(ref, 1 - isoWeekday(ref));
        const day = addDays(monday, 7 * e.week + e.weekday - 1);
        const which = e.week === 1 ? 'the week after' : e.week === -1 ? 'the week before' : 'the week of';
        return resolved(dayPeriod(day), `that weekday in ${which} ${refText}`);
      }
      if (e.weekOn) return resolved(dayPeriod(addDays(weekdayNear(ref, e.weekday, 'after'), 7)), `a week on from the next such weekday after ${refText}`);
      if (e.shift === -1) return resolved(dayPeriod(weekdayNear(ref, e.weekday, 'before')), `the last such weekday before ${refText}`);
      if (e.shift === 1) return resolved(dayPeriod(weekdayNear(ref, e.weekday, 'after')), `the next such weekday after ${refText}`);
      if (e.shift === 0 || ctx.future) {
        return resolved(dayPeriod(weekdayNear(ref, e.weekday, 'onOrAfter')), `weekday on or after ${refText} (future tense)`);
      }
      if (!ctx.past && !ctx.pastBefore && weekdayNear(ref, e.weekday, 'after').day === addDays(ref, 1).day) {
        return resolved(dayPeriod(addDays(ref, 1)), `the day after ${refText}`);
      }
      return resolved(dayPeriod(weekdayNear(ref, e.weekday, 'onOrBefore')), `weekday nearest ${refText}, on or before it`);
    }
    case 'anaphoricWeekday': {
      const base = ctx.anchor?.unit === 'day' ? ctx.anchor.first : ref;
      if (!base) return unresolved(NO_REFERENCE);
      const day = weekdayNear(base, e.weekday, e.shift === -1 ? 'before' : 'after');
      const from = ctx.anchor?.unit === 'day' ? `${formatPeriod(ctx.anchor)}, the day the text mentioned last` : refText;
      return resolved(dayPeriod(day), `the such weekday ${e.shift === -1 ? 'before' : 'after'} ${from}`);
    }
    case 'clockTime':
      if (!ref) return unresolved(NO_REFERENCE);
      return resolved(dayPeriod(ref), `a time on ${refText}`);
    case 'dayOffset':
      if (!ref) return unresolved(NO_REFERENCE);
      return resolved(dayPeriod(addDays(ref, e.days)), `relative to ${refText}`);
    case 'relativeUnit': {
      if (!ref) return unresolved(NO_REFERENCE);
      if (e.unit === 'weekend' && e.shift === 0) return thisWeekend(ref, ctx, refText);
      return resolved(shiftPeriod(unitPeriodAt(ref, e.unit), e.unit, e.shift), `relative to ${refText}`);
    }
    case 'anaphoricUnit': {
      const base = ctx.anchor;
      if (!base) return unresolved(NO_ANCHOR);
      const at = coarser(base.unit, e.unit) === e.unit || base.unit === e.unit ? unitPeriodAt(base.first, e.unit) : undefined;
      if (!at) return unresolved(`the text's last date (${formatPeriod(base)}) is too coarse to count ${e.unit}s from`);
      return resolved(shiftPeriod(at, e.unit, e.shift), `relative to ${formatPeriod(base)}, the date the text mentioned last`);
    }
    case 'relativeMonth': {
      if (!ref) return unresolved(NO_REFERENCE);
      let year = ref.year;
      // "last <month>" is that month of the year before, unless it came earlier this year before the month
      // just ended: "last June" in October is this June, but "last February" on March 1 is a year back (the
      // February just ended would be "last month")
      if (e.shift === -1) year = e.month < ref.month - 1 ? ref.year : ref.year - 1;
      if (e.shift === 1) year = e.month > ref.month ? ref.year : ref.year + 1;
      return resolved(monthPeriod(year, e.month), `relative to ${refText}`);
    }
    case 'monthOfRelativeYear':
      if (!ref) return unresolved(NO_REFERENCE);
      return resolved(monthPeriod(ref.year + e.yearShift, e.month), `relative to ${refText}`);
    case 'season': {
      if (e.year !== undefined) return resolved(seasonPeriod(e.year, e.season));
      if (!ref) return unresolved(NO_REFERENCE);
      const current = seasonOf(ref);
      const target = seasonIndex(0, e.season);
      const offset = ((target - current) % 4 + 4) % 4; // seasons ahead until the next such season (0 = now)
      let index = current + offset;
      if (e.shift === -1) index = current + offset - 4;
      else if (e.shift === 1 && offset === 0) index = current + 4;
      else if (e.shift === 0 && offset > 2) index = current + offset - 4;
      const s = seasonAt(index);
      return resolved(seasonPeriod(s.year, s.season), `relative to ${refText}`);
    }
    case 'quarter': {
      if (e.year !== undefined) return resolved(quarterPeriod(e.year, e.quarter));
      if (!ref) return unresolved(NO_REFERENCE);
      const quarter = quarterPeriod(ref.year + (e.yearShift ?? 0), e.quarter);
      // "the economy grew 0.1% in Q4" in a February story: a quarter in the past tense has begun by then
      if (e.yearShift === undefined && (ctx.past || ctx.pastBefore) && daysBetween(ref, quarter.first) > 0) {
        return resolved(shiftPeriod(quarter, 'year', -1), `the latest such quarter up to ${refText} (past tense)`);
      }
      return resolved(quarter, `in the year of ${refText}`);
    }
    case 'currentQuarter': {
      if (e.endsIn !== undefined) {
        if (!ref) return unresolved(NO_REFERENCE);
        return resolved(quarterEndingIn(e.endsIn, ref), 'the calendar quarter holding most of the three months up to the day it ended');
      }
      // "the latest quarter" is one already reported: not a quarter still under way or ahead
      const reported = !e.completed || !ref || daysBetween(shiftPeriod(ctx.anchor ?? dayPeriod(ref), 'quarter', 1).first, ref) >= 0;
      if (!e.previous && ctx.anchor?.unit === 'quarter' && reported) {
        return resolved(ctx.anchor, `the quarter the text mentioned last`);
      }
      if (!ref) return unresolved(NO_REFERENCE);
      const last = shiftPeriod(quarterPeriod(ref.year, quarterOf(ref)), 'quarter', -1);
      return resolved(last, `the last full quarter before ${refText}`);
    }
    case 'yearEarlier': {
      if (!e.noun && ctx.partOfYear) return yearBeforePartOfYear(ctx);
      // "the year-ago quarter" needs a quarter (or a month) to go back from, not a year
      const fits = (p: Period): boolean => p.unit !== 'day' && p.unit !== 'week' && (e.noun !== 'quarter' || ['month', 'quarter'].includes(p.unit));
      const discussed = ctx.reported && ctx.anchor && (['quarter', 'half'].includes(ctx.anchor.unit) || e.noun === 'quarter') ? ctx.reported : ctx.anchor;
      let base = discussed && fits(discussed) ? discussed : undefined;
      if (base && ref) {
        // "year-ago" compares with the period being reported: not with a forecast period that has not begun,
        // and a period that ended long before publication is already the year-earlier one ("in the 1988
        // period. The year-ago results…").
        if (daysBetween(ref, base.first) > 0) base = undefined;
        else if (daysBetween(shiftPeriod(base, base.unit, 1).first, ref) > STALE_PERIOD_DAYS) {
          return resolved(base, `${formatPeriod(base)}, the year-earlier period the text is discussing`);
        }
      }
      if (base) {
        const back = shiftPeriod(base, 'year', -1);
        return resolved(e.noun === 'quarter' ? coarsen(back, 'quarter') : back, `a year before ${formatPeriod(base)}, the period the text mentioned last`);
      }
      if (!ref) return unresolved(NO_REFERENCE);
      if (e.noun) {
        const last = shiftPeriod(quarterPeriod(ref.year, quarterOf(ref)), 'quarter', -1);
        return resolved(shiftPeriod(last, 'year', -1), `a year before ${formatPeriod(last)}, the last full quarter before ${refText}`);
      }
      return resolved(yearPeriod(ref.year - 1), `the year before ${refText}`);
    }
    case 'yearPeriod':
    case 'yearQuarter': {
      const base = ctx.reported && ctx.anchor && ['quarter', 'half'].includes(ctx.anchor.unit) ? ctx.reported : ctx.anchor;
      const periodic = e.kind === 'yearQuarter' ? ['quarter'] : ['month', 'quarter', 'half', 'season'];
      if (base && periodic.includes(base.unit)) {
        return resolved(shiftPeriod(base, 'year', e.year - base.first.year), `the period under discussion (${formatPeriod(base)}), in ${e.year}`);
      }
      if (e.kind === 'yearQuarter' && ref) {
        // "the 1988 quarter" with no quarter before it: the quarter last reported, in that year
        const last = shiftPeriod(quarterPeriod(ref.year, quarterOf(ref)), 'quarter', -1);
        return resolved(quarterPeriod(e.year, quarterOf(last.first)), `the last full quarter before ${refText}, in ${e.year}`);
      }
      return resolved(yearPeriod(e.year));
    }
    case 'eventPeriod':
      return unresolved('a period counted from an event; the event date is not known');
    case 'bareWeekend': {
      if (!ref) return unresolved(NO_REFERENCE);
      const saturday = weekdayNear(ref, 6, ctx.future ? 'onOrAfter' : 'onOrBefore');
      const sunday = isoWeekday(ref) === 7 && !ctx.future ? addDays(ref, -1) : saturday;
      return resolved({ unit: 'weekend', first: sunday },
        ctx.future ? `the weekend after ${refText} (future tense)` : `the weekend before ${refText}`);
    }
    case 'half': {
      if (e.year !== undefined) return resolved(halfPeriod(e.year, e.half));
      if (!ref) return unresolved(NO_REFERENCE);
      return resolved(halfPeriod(ref.year + (e.yearShift ?? 0), e.half), `in the year of ${refText}`);
    }
    case 'relativeFiscalYear': {
      if (!ref) return unresolved(NO_REFERENCE);
      // a fiscal year starting in April (Britain, Canada, India, Japan) is named by the year it ends: from April
      // on, the fiscal year under way ends the next calendar year
      const year = (ref.month >= FISCAL_YEAR_START_MONTH ? ref.year + 1 : ref.year) + e.shift;
      return { value: `FY${year}`, period: yearPeriod(year), reason: `the fiscal year (from April) around ${refText}` };
    }
    case 'fiscalYear':
      if (e.named) return { value: `FY${e.to ?? e.year}`, period: yearPeriod(e.to ?? e.year), reason: 'a fiscal year, named by the year it ends' };
      return { value: `${e.year}`, period: yearPeriod(e.year) };
    case 'decade': {
      if (e.centuryKnown || !ref) return resolved({ unit: 'decade', first: { year: e.decade * 10, month: 1, day: 1 } });
      // "the nineties" / "the '20s": the most recent such decade that has begun.
      let decade = Math.floor(ref.year / 100) * 10 + (e.decade % 10);
      if (decade * 10 > ref.year) decade -= 10;
      return resolved({ unit: 'decade', first: { year: decade * 10, month: 1, day: 1 } }, `the latest such decade before ${refText}`);
    }
    case 'century':
      return resolved({ unit: 'century', first: { year: e.century * 100, month: 1, day: 1 } });
    case 'offset': {
      const sign = e.direction === 'later' ? 1 : -1;
      if (e.unit === 'year' && e.amount === 1 && ctx.partOfYear) return yearBeforePartOfYear(ctx);
      if (e.direction === 'ago') {
        if (!ref) return unresolved(NO_REFERENCE);
        // In results reporting "a year ago" compares with the quarter under discussion.
        const base = ctx.reported && ctx.anchor && ['quarter', 'half'].includes(ctx.anchor.unit) ? ctx.reported : ctx.anchor;
        if (e.unit === 'year' && base && (base.unit === 'quarter' || base.unit === 'half') && base.first.year === ref.year) {
          return resolved(shiftPeriod(base, 'year', -e.amount), `${e.amount} year(s) before ${formatPeriod(base)}, the period under discussion`);
        }
        const moved = shiftPeriod(dayPeriod(ref), e.unit, -e.amount);
        return resolved(coarsen(moved, e.unit === 'decade' ? 'year' : e.unit), `${e.amount} ${e.unit}(s) before ${refText}`);
      }
      const base = ctx.anchor;
      if (!base) return unresolved(NO_ANCHOR);
      // In results reporting a year after a quarter is that quarter a year on; a day after a year cannot be told.
      const keepsBase = e.unit === 'year' && (base.unit === 'quarter' || base.unit === 'half');
      const unit = keepsBase ? base.unit : coarser(base.unit, e.unit === 'decade' ? 'year' : e.unit);
      const moved = shiftPeriod(base, e.unit, sign * e.amount);
      return resolved(coarsen(moved, unit),
        `${e.amount} ${e.unit}(s) ${e.direction === 'later' ? 'after' : 'before'} ${formatPeriod(base)}, the date the text mentioned last`);
    }
    case 'textYear': {
      const base = ctx.anchor;
      if (!base || base.unit === 'decade' || base.unit === 'century') return unresolved('"that year" but the text names no year before it');
      const year = base.first.year;
      if (e.month !== undefined) return resolved(monthPeriod(year, e.month), `month of ${year}, the year the text mentioned last`);
      return resolved(yearPeriod(year), `${year}, the year the text mentioned last`);
    }
    case 'holiday': {
      const dayIn = (y: number): number => (typeof e.day === 'number' ? e.day : e.day(y));
      if (e.year !== undefined) return resolved(dayPeriod({ year: e.year, month: e.month, day: dayIn(e.year) }));
      if (!ref) return unresolved(NO_REFERENCE);
      const year = yearFor(e.month, dayIn(ref.year), ref, ctx.future);
      return resolved(dayPeriod({ year, month: e.month, day: dayIn(year) }), `the latest occurrence up to three months after ${refText}`);
    }
  }
}

