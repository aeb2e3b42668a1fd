/**
 * Finds date phrases: runs every rule, widens each match over a leading "the" and modifiers
 * ("the end of", "early", "mid-"), and keeps the longest of overlapping matches.
 */
import type { DateCandidate, Mod } from './expression';
import { DATE_RULES, TIME_BEFORE_DAY, type DateRule } from './patterns';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LOWER_WORD_AFTER = /^\s{1,3}\p{Ll}/u;

const LOOKBACK = 40;
/** How far before a day a time in its span may start ("12:30:00 p.m. EST, " or "10.45am on "). */
const TIME_LOOKBACK = 28;
const MODIFIER_BEFORE =
  /(?:(?<![A-Za-z])(?<the>[Tt]he)\s{1,3})?(?:(?<![A-Za-z])(?<edge>[Ee]arly|[Mm]id|[Ll]ate|[Ee]arlier|[Ll]ater)(?:-|\s{1,3})|(?<![A-Za-z])(?<edgeIn>[Ee]arly|[Ll]ate)\s{1,3}in\s{1,3}|(?<![A-Za-z])(?<part>[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s{1,3}of\s{1,3}(?:the\s{1,3})?)$/;
const THE_BEFORE = /(?<![A-Za-z])[Tt]he\s{1,3}$/;
/** "as early as 1990" is a bound, not an early part of 1990. */
const DEGREE_BEFORE = /(?<![A-Za-z])(?:as|so|too|very|how)\s{1,3}$/i;

/** A possessive right after the date: the date qualifies the noun that follows ("Thursday's meeting"). */
const POSSESSIVE_AFTER = /^['’]s(?![A-Za-z])/;

const MOD_OF: Record<string, Mod> = {
  early: 'START', beginning: 'START', start: 'START', mid: 'MID', middle: 'MID', late: 'END', end: 'END',
};

/** Phrases that "earlier"/"later" can precede: "earlier this month", "later that year", "later Friday". */
const TAKES_EARLIER_LATER = new Set(['relativeUnit', 'anaphoricUnit', 'weekday', 'dayOffset', 'textYear']);
const NO_MODIFIERS = new Set(['offset', 'yearEarlier', 'fiscalYear', 'eventPeriod']);

/** "nearly four years ago": an approximator belongs to the offset it qualifies. */
const APPROXIMATOR_BEFORE = /(?<![A-Za-z])(?:[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round|[Rr]oughly|[Ss]ome|[Jj]ust)\s{1,3}$/;

function widen(text: string, rule: DateRule, c: DateCandidate): DateCandidate {
  // "16:40 GMT, 23 November 2026", "7.45pm on Tuesday 8 December": a time before a day of a month is in its span
  if (rule.name === 'monthDay') {
    const time = TIME_BEFORE_DAY.exec(text.slice(Math.max(0, c.start - TIME_LOOKBACK), c.start));
    if (time) return { ...c, start: c.start - time[0].length };
  }
  if (c.expression.kind === 'offset' && c.expression.direction === 'ago') {
    const approx = APPROXIMATOR_BEFORE.exec(text.slice(Math.max(0, c.start - 12), c.start));
    return approx ? { ...c, start: c.start - approx[0].length } : c;
  }
  if (NO_MODIFIERS.has(c.expression.kind)) return c;
  const before = text.slice(Math.max(0, c.start - LOOKBACK), c.start);
  const m = MODIFIER_BEFORE.exec(before);
  if (m?.groups) {
    const g = m.groups;
    // "late in 2023", "early in the new year": the edge of the period named after "in"
    const word = (g.edge ?? g.edgeIn ?? g.part ?? '').toLowerCase();
    const comparative = word === 'earlier' || word === 'later';
    // "the start of Thursday's meeting": the start of the meeting, not of the day
    const possessive = g.part !== undefined && POSSESSIVE_AFTER.test(text.slice(c.end, c.end + 3));
    const blocked = possessive || (comparative && !TAKES_EARLIER_LATER.has(c.expression.kind)) ||
      (!g.the && DEGREE_BEFORE.test(before.slice(0, m.index)));
    if (!blocked) {
      return { ...c, start: c.start - m[0].length, mod: comparative ? undefined : MOD_OF[word] };
    }
  }
  const the = rule.takesThe ? THE_BEFORE.exec(before) : null;
  // a hyphenated date before a noun is an adjective: "the" belongs to the noun ("the third-quarter profit")
  if (the && /-/.test(text.slice(c.start, c.end)) && LOWER_WORD_AFTER.test(text.slice(c.end, c.end + 4))) return c;
  return the ? { ...c, start: c.start - the[0].length } : c;
}

const BLANK_LINE = /\n[^\S\n]*\n/;

/** "each Thursday", "every July": a recurrence (a TIMEX3 SET), not a date. */
const RECURRING_BEFORE = /\b(?:[Ee]ach|[Ee]very)\s{1,3}$/;

function recurs(e: DateCandidate['expression']): boolean {
  return (e.kind === 'weekday' && e.shift === undefined && e.week === undefined) ||
    (e.kind === 'calendar' && e.year === undefined && e.day === undefined);
}

function scanRule(text: string, rule: DateRule, out: DateCandidate[]): void {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    let m = found;
    if (m[0].length === 0) pattern.lastIndex++;
    // a date is never read across a blank line ("Sunday 18 January 2026" and, a paragraph later, "22:47"):
    // the match is taken again from the text before it, and the scan goes on from the blank line, where a
    // date may start that the long match swallowed (a headline ending "by 2028-29", then "November 3, 2026")
    const blank = m[0].search(BLANK_LINE);
    if (blank >= 0) {
      const resume = m.index + blank + 1;
      const shorter = matchBefore(text, m.index + blank, rule, m.index);
      pattern.lastIndex = resume;
      if (!shorter) continue;
      m = shorter;
      pattern.lastIndex = resume;
    }
    const only = rule.only ? m.indices?.groups?.[rule.only] : undefined;
    const start = only ? only[0] : m.index;
    const end = only ? only[1] : m.index + m[0].length;
    const groups = m.groups ?? {};
    const expression = rule.build(groups, text, start, end);
    if (!expression || (RECURRING_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && recurs(expression))) continue;
    out.push(widen(text, rule, { start, end, expression }));
  }
}

const stickyPatterns = new WeakMap<RegExp, RegExp>();

/** Characters before a match that the patterns' look-behinds may read. */
const LOOKBEHIND_MARGIN = 64;

/**
 * The rule's match starting exactly at `at` in the text cut at `limit`, if any. Only a window is cut (the
 * margin before `at`, the match itself), so that matches across blank lines cost their length, not the text's.
 */
function matchBefore(text: string, limit: number, rule: DateRule, at: number): RegExpExecArray | null {
  let sticky = stickyPatterns.get(rule.pattern);
  if (!sticky) {
    sticky = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'y');
    stickyPatterns.set(rule.pattern, sticky);
  }
  const from = Math.max(0, at - LOOKBEHIND_MARGIN);
  sticky.lastIndex = at - from;
  const m = sticky.exec(text.slice(from, limit));
  if (!m) return null;
  m.index += from;
  const indices = m.indices;
  if (indices) {
    const shift = (pair: [number, number] | undefined): void => { if (pair) { pair[0] += from; pair[1] += from; } };
    for (let i = 0; i < indices.length; i++) shift(indices[i]);
    for (const pair of Object.values(indices.groups ?? {})) shift(pair);
  }
  return m;
}

/** Keeps the longest candidates among those that overlap; clusters of overlapping matches are small. */
function selectLongest(candidates: DateCandidate[]): DateCandidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: DateCandidate[] = [];
  let cluster: DateCandidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    const kept: DateCandidate[] = [];
    const byLength = cluster.map((c, i) => ({ c, i })).sort((a, b) => (b.c.end - b.c.start) - (a.c.end - a.c.start) || a.i - b.i);
    for (const { c } of byLength) {
      if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
    }
    chosen.push(...kept.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const c of candidates) {
    if (c.start >= clusterEnd && cluster.length > 0) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  if (cluster.length > 0) flush();
  return chosen;
}

export function scanDates(text: string): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  for (const rule of DATE_RULES) {
    if (!rule.requires || rule.requires.test(text)) scanRule(text, rule, candidates);
  }
  return selectLongest(candidates);
}
