/** The article's own publication date: Markdown front matter `date:`, or a full date in a dateline near the top. */
import type { ArticleFileHints, ReferenceDate } from '../types';
import { formatDay, isoWeekday, isValidDay } from './calendar';
import type { DateCandidate } from './expression';
import { scanDates } from './scan';

const DATELINE_LINES = 5;
const DATELINE_MAX_CHARS = 1500;
const FRONT_MATTER_MAX_CHARS = 10_000;
const FRONT_MATTER_DATE = /^(?:date|published|pubDate|publishDate):[ \t]*["']?(\d{4})-(\d{2})-(\d{2})/m;
const PUBLISHED_CUE = /\b(?:published|posted|first published)\b/i;
const UPDATED_CUE = /\b(?:updated|last modified)\b/i;

function fromFrontMatter(text: string): ReferenceDate | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const head = text.slice(0, FRONT_MATTER_MAX_CHARS);
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(head.slice(open[0].length));
  if (!close) return undefined;
  const body = head.slice(open[0].length, open[0].length + close.index);
  const m = FRONT_MATTER_DATE.exec(body);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDay(year, month, day)) return undefined;
  const start = open[0].length + m.index + m[0].length - 10;
  return { iso: formatDay({ year, month, day }), source: 'front-matter', start, end: start + 10 };
}

function topLines(text: string): string {
  let end = 0;
  for (let line = 0; line < DATELINE_LINES && end < text.length; line++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
  }
  return text.slice(0, Math.min(end, DATELINE_MAX_CHARS));
}

function fromDateline(top: string, scanned: DateCandidate[]): ReferenceDate | undefined {
  const full = scanned.filter((c) => c.expression.kind === 'calendar' &&
    c.expression.year !== undefined && c.expression.month !== undefined && c.expression.day !== undefined &&
    isPageDate(top, c.start, c.end));
  if (full.length === 0) return undefined;
  const lineOf = (pos: number): string => top.slice(top.lastIndexOf('\n', pos - 1) + 1, pos);
  // A "Published" date beats an "Updated" one when both are given.
  const chosen = full.find((c) => PUBLISHED_CUE.test(lineOf(c.start))) ?? full[0];
  const e = chosen.expression;
  if (e.kind !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) return undefined;
  return { iso: formatDay({ year: e.year, month: e.month, day: e.day }), source: 'dateline', start: chosen.start, end: chosen.end };
}

/** The longest line whose full date is taken as the page's without a cue: a byline or a credit line with a date. */
const SHORT_LINE_CHARS = 100;
/** A word that puts the date inside a sentence ("due March 1, 2011", "shot down on April 6, 1994"). */
const PROSE_BEFORE_DATE = /(?:^|[^\p{L}])(?:on|in|by|due|since|until|till|from|of|before|after|through|to|at|between|and|or|than|until|ending|ended|dated)[ \t]*$/iu;
const BYLINE_START = /^[ \t]*By[ \t]+\p{Lu}/u;

/**
 * Whether a full date near the top is the page's own: a line that is the date and little else, a dateline
 * ("WASHINGTON, Feb. 12, 2026 - "), a date after "Published" or "Updated" or in a byline, or a short line
 * where it does not follow a preposition. A date inside the story's first sentences ("debentures due March 1,
 * 2011", "the plane shot down on April 6, 1994") is an event, not the day the page was written.
 */
function isPageDate(top: string, start: number, end: number): boolean {
  if (isDateLine(top, start, end) || isWireDateline(top, start, end)) return true;
  const lineStart = top.lastIndexOf('\n', start - 1) + 1;
  const newline = top.indexOf('\n', end);
  const lineEnd = newline < 0 ? top.length : newline;
  const before = top.slice(lineStart, start);
  if (PUBLISHED_CUE.test(before) || UPDATED_CUE.test(before) || BYLINE_START.test(before)) return true;
  if (/^[ \t]*$/.test(before) && WIRE_DASH_AFTER.test(top.slice(end, end + 48))) return true;
  return lineEnd - lineStart <= SHORT_LINE_CHARS && !PROSE_BEFORE_DATE.test(before);
}

/**
 * A line near the top that is a date without a year ("Tuesday, November 25", "25 November 2025" has one):
 * the line holds the date and little else (a weekday, "Updated", "Published", a time); or a wire story's
 * dateline that gives no year ("BRUSSELS, Dec 4 (Reuters) - ").
 */
function fromYearlessDateLine(top: string, scanned: DateCandidate[], hints: ArticleFileHints): ReferenceDate | undefined {
  const partial = scanned.find((c) => c.expression.kind === 'calendar' && c.expression.year === undefined &&
    c.expression.month !== undefined && c.expression.day !== undefined && (isDateLine(top, c.start, c.end) || isWireDateline(top, c.start, c.end)));
  if (!partial || partial.expression.kind !== 'calendar') return undefined;
  const { month, day } = partial.expression;
  if (month === undefined || day === undefined) return undefined;
  // an article is published on or before the day it was first annotated, and before its file was last saved
  const candidates: [number | undefined, ReferenceDate['yearFrom']][] = [
    [yearInFileName(hints.name), 'file name'], [hints.sidecarYear ?? yearOnOrBefore(month, day, hints.annotated), 'sidecar'],
    [yearOnOrBefore(month, day, hints.modified), 'modified date'],
  ];
  // "Tuesday, November 25" saved in December 2026: the latest year up to the bound in which that day is a Tuesday
  const weekday = weekdayNamed(top.slice(top.lastIndexOf('\n', partial.start - 1) + 1, partial.end));
  for (const [year, yearFrom] of candidates) {
    if (year === undefined || month === undefined || day === undefined || !isValidDay(year, month, day)) continue;
    let y = year;
    if (weekday !== undefined && yearFrom !== 'file name' && hints.sidecarYear === undefined) {
      for (let back = 0; back <= WEEKDAY_YEARS_BACK; back++) {
        if (isValidDay(year - back, month, day) && isoWeekday({ year: year - back, month, day }) === weekday) { y = year - back; break; }
      }
    }
    return { iso: formatDay({ year: y, month, day }), source: 'date line', yearFrom, start: partial.start, end: partial.end };
  }
  return undefined;
}

/** How many years back a date line's weekday may move the year its bound gives. */
const WEEKDAY_YEARS_BACK = 6;
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The ISO weekday (1 = Monday) a line names in full, if it names one. */
function weekdayNamed(line: string): number | undefined {
  const m = /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i.exec(line);
  return m ? WEEKDAY_NAMES.indexOf(`${m[1].toLowerCase()}day`) + 1 : undefined;
}

/** A press release's place after its date: "November 3, 2026 - Ottawa, Ontario". */
const PLACE_AFTER_DASH = /\s[-–—]\s+\p{Lu}[\p{L}.'’ ]{1,30}(?:,\s*\p{Lu}[\p{L}.'’ ]{1,30})?\s*$/u;

const DATE_LINE_EXTRAS = /^(?:\s|[,.|:–—-]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Updated|Published|Posted|Last|First|on|at|am|pm|a\.m\.|p\.m\.|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d\d)?|GMT|UTC|E[SD]T|BST|CET|\d{1,2}[:.]\d{2}|\d{1,2}\s?(?:h|hrs?|hours?|m|mins?|minutes?|days?)\s+ago)*$/i;

/** A wire story's dateline before its date: the place in capitals, perhaps a region or country ("ROTTERDAM, Netherlands, "). */
const WIRE_PLACE_BEFORE = /^[ \t]*\p{Lu}[\p{Lu}.'’ -]{1,40},(?:[ \t]*\p{Lu}[\p{L}.'’ -]{1,30},)?[ \t]*$/u;
/** After its date: perhaps the agency in brackets or slashes, then a dash opening the story ("(Reuters) - ", " /PRNewswire/ --", " — "). */
const WIRE_DASH_AFTER = /^[ \t]*(?:(?:\([^()\n]{1,40}\)|\/[^/\n]{1,40}\/)[ \t]*)?[-–—]/;

/** Whether the date at [start, end) is a wire story's dateline ("BRUSSELS, Dec 4 (Reuters) - "), whose year is not given. */
function isWireDateline(top: string, start: number, end: number): boolean {
  const lineStart = top.lastIndexOf('\n', start - 1) + 1;
  return WIRE_PLACE_BEFORE.test(top.slice(lineStart, start)) && WIRE_DASH_AFTER.test(top.slice(end, end + 48));
}

/** Whether the date at [start, end) is, with at most a weekday, a time or a "Published" cue, its line's whole text. */
function isDateLine(top: string, start: number, end: number): boolean {
  const lineStart = top.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = top.indexOf('\n', end);
  const rest = top.slice(lineStart, start) + ' ' + top.slice(end, lineEnd < 0 ? top.length : lineEnd).replace(PLACE_AFTER_DASH, '');
  return rest.length <= 60 && DATE_LINE_EXTRAS.test(rest);
}

/** "2025-11-25-nato.txt", "nato_20251125.md": a whole date in a file name. */
function dateInFileName(name: string | undefined): ReferenceDate | undefined {
  const base = baseName(name);
  const m = /(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(base);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { iso: formatDay({ year, month, day }), source: 'file name' } : undefined;
}

/** A year in a file name ("nato-2025-summit.txt"). */
function yearInFileName(name: string | undefined): number | undefined {
  const m = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(baseName(name));
  return m ? Number(m[1]) : dateInFileName(name) ? Number(dateInFileName(name)!.iso.slice(0, 4)) : undefined;
}

/** The year that puts month/day on or before `bound` (YYYY-MM-DD): its own year, or the one before. */
function yearOnOrBefore(month: number, day: number, bound: string | undefined): number | undefined {
  const m = bound ? /^(\d{4})-(\d{2})-(\d{2})/.exec(bound) : null;
  if (!m) return undefined;
  const [year, boundMonth, boundDay] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month < boundMonth || (month === boundMonth && day <= boundDay) ? year : year - 1;
}

function baseName(name: string | undefined): string {
  if (!name) return '';
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/**
 * Finds the article's own publication date, in this order: `date:` front matter or a dateline near the top
 * with a full date; a date line without a year, the year taken from the file name, the sidecar or the file's
 * modification date; an ISO date in the file name.
 */
export function findPublicationDate(text: string, hints: ArticleFileHints = {}): ReferenceDate | undefined {
  const fromFront = fromFrontMatter(text);
  if (fromFront) return fromFront;
  // the dateline and the date line without a year read the same top lines: scan them once
  const top = topLines(text);
  const scanned = scanDates(top);
  return fromDateline(top, scanned) ?? fromDateLineBelow(text, top.length) ?? fromYearlessDateLine(top, scanned, hints) ??
    fromDateLineBelow(text, top.length, hints) ?? dateInFileName(hints.name);
}

/** How far below the top lines a page's own date line may stand, under its furniture, headline and standfirst. */
const DATE_LINE_BELOW_LINES = 20;
const DATE_LINE_BELOW_MAX_CHARS = 2500;
/** The longest line read as a date line: the date, a weekday, a time and a zone. */
const DATE_LINE_MAX_CHARS = 80;

/**
 * A full date on a line of its own further down ("Fri 10 Oct 2025 22.15 BST" under "Skip to main content", a
 * section name, the headline, the standfirst and the byline): only a line that is the date and little else,
 * so a date in the story's first paragraphs is never taken for the page's.
 */
function fromDateLineBelow(text: string, from: number, yearless?: ArticleFileHints): ReferenceDate | undefined {
  let start = from;
  for (let line = 0; line < DATE_LINE_BELOW_LINES && start < text.length && start < DATE_LINE_BELOW_MAX_CHARS; line++) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    // a date line is short and has a digit: only such lines are scanned
    if (end - start <= DATE_LINE_MAX_CHARS && /\d/.test(text.slice(start, end))) {
      const lineText = text.slice(start, end);
      const dated = scanDates(lineText).filter((c) => isDateLine(lineText, c.start, c.end));
      // with hints, a date line without a year ("Tuesday, November 25" under a cookie banner and a menu), its
      // year from them; without, a full date
      const found = !dated.length ? undefined : yearless ? fromYearlessDateLine(lineText, dated, yearless) : fromDateline(lineText, dated);
      if (found) return { ...found, start: (found.start ?? 0) + start, end: (found.end ?? 0) + start };
    }
    start = end + 1;
  }
  return undefined;
}
