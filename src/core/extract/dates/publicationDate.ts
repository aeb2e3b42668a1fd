/** The article's own publication date: Markdown front matter `date:`, or a full date in a dateline near the top. */
import type { ReferenceDate } from '../types';
import { formatDay, isValidDay } from './calendar';
import { scanDates } from './scan';

const DATELINE_LINES = 5;
const DATELINE_MAX_CHARS = 1500;
const FRONT_MATTER_MAX_CHARS = 10_000;
const FRONT_MATTER_DATE = /^(?:date|published|pubDate|publishDate):[ \t]*["']?(\d{4})-(\d{2})-(\d{2})/m;
const PUBLISHED_CUE = /\b(?:published|posted|first published)\b/i;

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

function fromDateline(text: string): ReferenceDate | undefined {
  const top = topLines(text);
  const full = scanDates(top).filter((c) => c.expression.kind === 'calendar' &&
    c.expression.year !== undefined && c.expression.month !== undefined && c.expression.day !== undefined);
  if (full.length === 0) return undefined;
  const lineOf = (pos: number): string => top.slice(top.lastIndexOf('\n', pos - 1) + 1, pos);
  // A "Published" date beats an "Updated" one when both are given.
  const chosen = full.find((c) => PUBLISHED_CUE.test(lineOf(c.start))) ?? full[0];
  const e = chosen.expression;
  if (e.kind !== 'calendar' || e.year === undefined || e.month === undefined || e.day === undefined) return undefined;
  return { iso: formatDay({ year: e.year, month: e.month, day: e.day }), source: 'dateline', start: chosen.start, end: chosen.end };
}

/** Finds the article's own publication date: a dateline near the top, or `date:` front matter. */
export function findPublicationDate(text: string): ReferenceDate | undefined {
  return fromFrontMatter(text) ?? fromDateline(text);
}
