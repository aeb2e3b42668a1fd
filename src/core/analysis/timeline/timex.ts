/**
 * The resolved value of a DATE span (TIMEX3-style, as the extractor writes it) as a period on one time axis:
 * its precision and first and last day. Values that are not a calendar period ("PRESENT_REF", null) give
 * undefined: they cannot be placed.
 */

export type DatePrecision = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'decade';

export interface DatePeriod {
  precision: DatePrecision;
  /** First day of the period, YYYY-MM-DD: the timeline's sort key. */
  from: string;
  /** Last day of the period, YYYY-MM-DD. */
  to: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const iso = (d: Date): string => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Seasons as the extractor names them, by northern-hemisphere meteorological months. */
const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], AU: [9, 11], WI: [12, 14] };

export function periodOf(value: unknown): DatePeriod | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(v))) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return validDay(day) ? { precision: 'day', from: day, to: day } : undefined;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > 53) return undefined;
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000);
    return { precision: 'week', from: iso(monday), to: iso(new Date(monday.getTime() + 6 * 86400000)) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { precision: 'month', from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(Number(m[1]), month))}` };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { precision: 'quarter', from: `${m[1]}-${pad(first)}-01`, to: `${m[1]}-${pad(first + 2)}-${pad(lastDayOfMonth(Number(m[1]), first + 2))}` };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(v))) {
    return m[2] === '1' ? { precision: 'half', from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { precision: 'half', from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
  }
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) {
    const year = Number(m[1]);
    const [a, b] = SEASONS[m[2]];
    const endYear = year + (b > 12 ? 1 : 0);
    const endMonth = b > 12 ? b - 12 : b;
    return { precision: 'season', from: `${m[1]}-${pad(a)}-01`, to: `${pad(endYear, 4)}-${pad(endMonth)}-${pad(lastDayOfMonth(endYear, endMonth))}` };
  }
  if ((m = /^(?:FY)?(\d{4})$/.exec(v))) return { precision: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if ((m = /^(\d{3})X?$/.exec(v))) return { precision: 'decade', from: `${m[1]}0-01-01`, to: `${m[1]}9-12-31` };
  if ((m = /^([^/]+)\/([^/]+)$/.exec(v))) {
    // A range: placed at its start, with the precision of its start.
    const a = periodOf(m[1]);
    const b = periodOf(m[2]);
    return a && b ? { precision: a.precision, from: a.from, to: b.to } : undefined;
  }
  return undefined;
}

function validDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}
