/** A resolved calendar period: the unit it is measured in and its first day, convertible to a TIMEX3 value. */
import type { Unit } from './expression';
import type { Season } from './lexicon';
import { SEASON_START_MONTH } from './lexicon';
import { addDays, addMonths, formatDay, formatMonth, formatWeek, isoWeekday, type CalendarDay } from './calendar';

export interface Period {
  unit: Unit;
  /** First day of the period (Monday for weeks, Saturday for weekends). */
  first: CalendarDay;
  /** Seasons keep their name; their `first.year` is the TIMEX3 year (winter 2025 starts in December 2025). */
  season?: Season;
}

const SEASON_ORDER: readonly Season[] = ['SP', 'SU', 'FA', 'WI'];

export function dayPeriod(day: CalendarDay): Period {
  return { unit: 'day', first: day };
}

export function weekPeriod(day: CalendarDay): Period {
  return { unit: 'week', first: addDays(day, 1 - isoWeekday(day)) };
}

export function monthPeriod(year: number, month: number): Period {
  return { unit: 'month', first: { year, month, day: 1 } };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { unit: 'quarter', first: { year, month: (quarter - 1) * 3 + 1, day: 1 } };
}

export function halfPeriod(year: number, half: number): Period {
  return { unit: 'half', first: { year, month: (half - 1) * 6 + 1, day: 1 } };
}

export function yearPeriod(year: number): Period {
  return { unit: 'year', first: { year, month: 1, day: 1 } };
}

export function seasonPeriod(year: number, season: Season): Period {
  return { unit: 'season', first: { year, month: SEASON_START_MONTH[season], day: 1 }, season };
}

/** Seasons as a running count (four per year), for "last summer" / "next winter". */
export function seasonIndex(year: number, season: Season): number {
  return year * 4 + SEASON_ORDER.indexOf(season);
}

export function seasonAt(index: number): { year: number; season: Season } {
  return { year: Math.floor(index / 4), season: SEASON_ORDER[((index % 4) + 4) % 4] };
}

/** The season a day falls in; January and February belong to the previous year's winter. */
export function seasonOf(day: CalendarDay): number {
  if (day.month <= 2) return seasonIndex(day.year - 1, 'WI');
  return seasonIndex(day.year, SEASON_ORDER[Math.floor((day.month - 3) / 3)]);
}

export function formatPeriod(p: Period): string {
  const { year, month } = p.first;
  switch (p.unit) {
    case 'day': return formatDay(p.first);
    case 'week': return formatWeek(p.first);
    case 'weekend': return `${formatWeek(p.first)}-WE`;
    case 'month': return formatMonth(year, month);
    case 'quarter': return `${String(year).padStart(4, '0')}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'half': return `${String(year).padStart(4, '0')}-H${month <= 6 ? 1 : 2}`;
    case 'season': return `${String(year).padStart(4, '0')}-${p.season ?? 'SU'}`;
    case 'year': return String(year).padStart(4, '0');
    case 'decade': return String(Math.floor(year / 10));
    case 'century': return String(Math.floor(year / 100));
  }
}

const UNIT_MONTHS: Partial<Record<Unit, number>> = { month: 1, quarter: 3, half: 6, season: 3, year: 12, decade: 120, century: 1200 };

/** Moves a period by `count` of `unit`, keeping the period's own granularity. */
export function shiftPeriod(p: Period, unit: Unit, count: number): Period {
  if (unit === 'day') return { ...p, first: addDays(p.first, count) };
  if (unit === 'week' || unit === 'weekend') return { ...p, first: addDays(p.first, 7 * count) };
  const months = (UNIT_MONTHS[unit] ?? 12) * count;
  const moved = addMonths(p.first.year, p.first.month, months);
  if (p.unit === 'day') {
    const day = Math.min(p.first.day, new Date(Date.UTC(moved.year, moved.month, 0)).getUTCDate());
    return { ...p, first: { year: moved.year, month: moved.month, day } };
  }
  return { ...p, first: { year: moved.year, month: moved.month, day: p.first.day } };
}

const RANK: Record<Unit, number> = {
  day: 0, weekend: 1, week: 1, month: 2, season: 3, quarter: 3, half: 4, year: 5, decade: 6, century: 7,
};

export function coarser(a: Unit, b: Unit): Unit {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Re-expresses a period at a coarser (or equal) unit: a day as its month, a quarter as its year. */
export function coarsen(p: Period, unit: Unit): Period {
  if (RANK[unit] <= RANK[p.unit] && unit !== 'week') return p;
  const { year, month } = p.first;
  switch (unit) {
    case 'week': return p.unit === 'day' ? weekPeriod(p.first) : p;
    case 'weekend': return p;
    case 'month': return monthPeriod(year, month);
    case 'quarter': return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
    case 'half': return halfPeriod(year, month <= 6 ? 1 : 2);
    case 'season': return p;
    case 'year': return yearPeriod(year);
    case 'decade': return { unit: 'decade', first: { year: year - (year % 10), month: 1, day: 1 } };
    case 'century': return { unit: 'century', first: { year: year - (year % 100), month: 1, day: 1 } };
    default: return p;
  }
}
