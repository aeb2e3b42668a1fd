/** Proleptic Gregorian date arithmetic on plain numbers, independent of the host time zone. */

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function parseIsoDay(iso: string | undefined): CalendarDay | undefined {
  const m = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day.year, day.month, day.day) ? day : undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toEpochDay(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

function fromEpochDay(n: number): CalendarDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromEpochDay(toEpochDay(d) + days);
}

export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: CalendarDay): number {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** ISO-8601 week-numbering year and week. */
export function isoWeek(d: CalendarDay): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: CalendarDay): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Shifts a (year, month) pair by whole months. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}

/** The nth (1-based) given ISO weekday of a month; n = -1 for the last. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDay {
  if (n < 0) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, (weekday - isoWeekday(first) + 7) % 7 + 7 * (n - 1));
}
