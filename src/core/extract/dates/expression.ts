/** What a matched date phrase means before it is resolved against a reference date. */
import type { Season } from './lexicon';

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';

export type DateExpression =
  /** Any subset of year, month, day given explicitly; a missing year is inferred from the reference date. */
  | { kind: 'calendar'; year?: number; month?: number; day?: number }
  | { kind: 'yearRange'; from: number; to: number }
  /**
   * "Friday", "last Friday"; `week` for "Thursday of next week" (+1) / "of last week" (-1) / "of this week" (0);
   * `weekOn` for "a week on Thursday" (the coming Thursday and seven days)
   */
  | { kind: 'weekday'; weekday: number; shift?: -1 | 0 | 1; week?: number; weekOn?: boolean }
  /** "the previous Friday", "the following Monday": from the day the text mentioned last */
  | { kind: 'anaphoricWeekday'; weekday: number; shift: -1 | 1 }
  /** today 0, yesterday -1, tomorrow +1 */
  | { kind: 'dayOffset'; days: number }
  /**
   * A clock time with its time zone standing alone ("14:05 GMT", a live page's time stamp): a time on the day
   * named just before it in its sentence, else on the reference day
   */
  | { kind: 'clockTime' }
  /** this / last / next + unit, relative to the reference date */
  | { kind: 'relativeUnit'; unit: Unit; shift: number }
  /** the following / previous + unit, relative to the date the text last mentioned */
  | { kind: 'anaphoricUnit'; unit: Unit; shift: number }
  /** last December, next June */
  | { kind: 'relativeMonth'; month: number; shift: -1 | 0 | 1 }
  /** June last year, January this year */
  | { kind: 'monthOfRelativeYear'; month: number; yearShift: number }
  | { kind: 'season'; season: Season; year?: number; shift?: -1 | 0 | 1 }
  | { kind: 'quarter'; quarter: number; year?: number; yearShift?: number }
  /** "the quarter", "the latest quarter": the quarter under discussion */
  | { kind: 'currentQuarter'; previous: boolean; completed?: boolean; endsIn?: number }
  /** "the year-earlier quarter", "year-ago": the period under discussion one year back */
  | { kind: 'yearEarlier'; noun?: 'quarter' | 'period' }
  /** "the 1988 period": the period under discussion, in that year */
  | { kind: 'yearPeriod'; year: number }
  /** "the 1988 quarter": the quarter under discussion, in that year */
  | { kind: 'yearQuarter'; year: number }
  /** "the first year [of his term]": a period counted from an event the text names */
  | { kind: 'eventPeriod' }
  /** "the weekend": the one just past, or the coming one in future-tense clauses */
  | { kind: 'bareWeekend' }
  | { kind: 'half'; half: 1 | 2; year?: number; yearShift?: number }
  /**
   * "fiscal 2024" (the year, as TimeBank writes it); `named` for "FY2026", "fiscal year 2026" and a year split
   * over two ("FY2025/26", "financial year 2025-26"), written `FY` and the year it ends, as the project's
   * guidelines write fiscal years
   */
  | { kind: 'fiscalYear'; year: number; to?: number; named?: boolean }
  /** "this fiscal year", "next financial year": the fiscal year around the reference, shifted */
  | { kind: 'relativeFiscalYear'; shift: -1 | 0 | 1 }
  /** 199 for the 1990s */
  | { kind: 'decade'; decade: number; centuryKnown: boolean }
  /** 19 for the 20th century */
  | { kind: 'century'; century: number }
  | { kind: 'offset'; amount: number; unit: 'day' | 'week' | 'month' | 'year' | 'decade'; direction: 'ago' | 'earlier' | 'later' }
  /** "that year", "June that year": the year the text supplied just before */
  | { kind: 'textYear'; month?: number }
  | { kind: 'holiday'; month: number; day: number | ((year: number) => number); year?: number };

export type Mod = 'START' | 'MID' | 'END';

export interface DateCandidate {
  start: number;
  end: number;
  expression: DateExpression;
  mod?: Mod;
}
