/**
 * The Timeline view's tree: dates (already in date order) grouped by year, by month within years, or by day
 * within months. A date coarser than the grouping (a month, a quarter, a year when grouping by day) has a
 * group of its own named by its period ("December 2025 · the whole month"), in date order among the days,
 * instead of being filed under the first day of its period. Pure; linear in the entries.
 */
import type { TimelineEntry } from './timeline';
import { paragraphsOf, rangeAt } from '../textUnits';

export type TimelineGrouping = 'day' | 'month' | 'year';

export const TIMELINE_GROUPINGS: readonly TimelineGrouping[] = ['day', 'month', 'year'];

export interface TimelineGroup {
  /** "2026", "2026-02", "2026-02-12", or the entry's own value for a period coarser than the grouping. */
  key: string;
  label: string;
  /** Dates in the group and all its subgroups. */
  count: number;
  /** Subgroups (years hold months, months hold days), or … */
  groups?: TimelineGroup[];
  /** … the dates themselves. */
  entries?: TimelineEntry[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RANK: Record<string, number> = { day: 0, week: 1, month: 2, season: 3, quarter: 4, half: 5, year: 6, decade: 7 };
const PERIOD_WORDS: Record<string, string> = { week: 'the week', month: 'the whole month', season: 'the season', quarter: 'the quarter', half: 'the half-year', year: 'the whole year', decade: 'the decade' };

function monthLabel(yyyyMm: string): string {
  return `${MONTHS[Number(yyyyMm.slice(5, 7)) - 1] ?? yyyyMm.slice(5, 7)} ${yyyyMm.slice(0, 4)}`;
}

function dayLabel(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = Number.isNaN(d.getTime()) ? '' : `${WEEKDAYS[d.getUTCDay()]} `;
  return `${weekday}${Number(day.slice(8, 10))} ${monthLabel(day)}`;
}

/** The group path of an entry: year, then month and day as the grouping asks and its precision allows. */
function pathOf(e: TimelineEntry, by: TimelineGrouping): { key: string; label: string }[] {
  const year = { key: e.from.slice(0, 4), label: e.from.slice(0, 4) };
  if (by === 'year') return [year];
  const rank = RANK[e.precision] ?? 6;
  const own = { key: `${e.date}|${e.precision}`, label: `${e.date} · ${PERIOD_WORDS[e.precision] ?? e.precision}` };
  // a decade, a year or a half-year spans months: its own group under the year
  if (rank >= RANK.half) return [year, own];
  const month = { key: e.from.slice(0, 7), label: monthLabel(e.from) };
  if (by === 'month') return [year, month];
  if (rank === 0) return [year, month, { key: e.from, label: dayLabel(e.from) }];
  return [year, month, own];
}

export function timelineGroups(entries: readonly TimelineEntry[], by: TimelineGrouping = 'month'): TimelineGroup[] {
  const top: TimelineGroup[] = [];
  for (const e of entries) {
    const path = pathOf(e, by);
    let level = top;
    path.forEach((step, depth) => {
      let group = level[level.length - 1];
      // entries come in date order, so a group is always the last one of its level, or new
      if (!group || group.key !== step.key) level.push((group = { key: step.key, label: step.label, count: 0 }));
      group.count++;
      if (depth === path.length - 1) (group.entries ??= []).push(e);
      else level = (group.groups ??= []);
    });
  }
  return top;
}

/** Every date in the groups, in order. */
export function entriesOf(groups: readonly TimelineGroup[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const walk = (gs: readonly TimelineGroup[]) => {
    for (const g of gs) {
      if (g.entries) out.push(...g.entries);
      if (g.groups) walk(g.groups);
    }
  };
  walk(groups);
  return out;
}

/** A passage the analyst annotated (offsets into the article's text). */
export interface TaggedPassage { uri: string; start: number; end: number }

/**
 * Keeps the dates in a paragraph that overlaps one of the passages (a passage tagged by the analyst): the
 * dated events of what they marked, even when the date itself is a sentence away. `textOf` gives the
 * articles' texts.
 */
export function inTaggedParagraphs(entries: readonly TimelineEntry[], passages: readonly TaggedPassage[], textOf: (uri: string) => string | undefined): TimelineEntry[] {
  const byUri = new Map<string, TaggedPassage[]>();
  for (const p of passages) {
    const list = byUri.get(p.uri);
    if (list) list.push(p);
    else byUri.set(p.uri, [p]);
  }
  const paragraphs = new Map<string, ReturnType<typeof paragraphsOf>>();
  return entries.filter((e) => {
    const marked = byUri.get(e.file);
    if (!marked) return false;
    let ps = paragraphs.get(e.file);
    if (!ps) paragraphs.set(e.file, (ps = paragraphsOf(textOf(e.file) ?? '')));
    const paragraph = rangeAt(ps, e.start) ?? { start: e.start, end: e.end };
    return marked.some((p) => p.start < Math.max(paragraph.end, e.end) && p.end > Math.min(paragraph.start, e.start));
  });
}
