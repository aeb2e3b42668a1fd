/**
 * A bounded character diff of two versions of an article, and the mapping of a range of the old
 * version through it: what lets a re-anchor follow the annotated words from the text they were cut
 * from (a snapshot kept by the editor, the committed copy in git) to the text of today, whatever
 * happened to their context.
 *
 * The diff works top down, each level only inside what the level above left unmatched: the common
 * head and tail are trimmed, then lines are matched, then words and spaces inside changed lines, then
 * characters inside short changed runs. Each level is Myers' O(ND) algorithm with the number of edits
 * and the total work capped, so a diff costs at most a fixed budget: two 1 MB articles that differ
 * in a few paragraphs take milliseconds, and a diff that would cost more gives up (`undefined`) and
 * the caller searches as it would without the old text.
 */
import { firstIndex } from '../util/firstIndex';

/** `length` characters equal in both versions: `before[before..)` is `after[after..)`. */
export interface EqualRun {
  before: number;
  after: number;
  length: number;
}

export interface DiffLimits {
  /** Most edits (inserted plus deleted units) one level may use before the diff gives up (lines) or stops refining. */
  maxEdits?: number;
  /** Most elementary steps the whole diff may take. */
  maxSteps?: number;
}

const DEFAULT_MAX_EDITS = 2000;
const DEFAULT_MAX_STEPS = 30_000_000;
/** Changed runs longer than this (on either side) are not refined character by character. */
const MAX_CHAR_REFINE = 2000;

type Level = 'line' | 'token' | 'char';

interface Budget { steps: number; readonly maxEdits: number }

/**
 * The equal runs between `before` and `after`, in order of both offsets, adjacent runs merged; or
 * undefined when matching the lines would exceed the limits (the texts are too different to be worth it).
 */
export function diffTexts(before: string, after: string, limits: DiffLimits = {}): EqualRun[] | undefined {
  const budget: Budget = { steps: limits.maxSteps ?? DEFAULT_MAX_STEPS, maxEdits: limits.maxEdits ?? DEFAULT_MAX_EDITS };
  const runs: EqualRun[] = [];
  if (!refine(before, 0, before.length, after, 0, after.length, 'line', budget, runs)) return undefined;
  return merge(runs);
}

function merge(runs: EqualRun[]): EqualRun[] {
  const merged: EqualRun[] = [];
  for (const run of runs) {
    if (run.length <= 0) continue;
    const last = merged[merged.length - 1];
    if (last && last.before + last.length === run.before && last.after + last.length === run.after) last.length += run.length;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * Appends the equal runs of `a[aStart, aEnd)` against `b[bStart, bEnd)` at `level` and below. False
 * only when the line level exceeds the budget; lower levels that would leave the run unrefined.
 */
function refine(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number, level: Level,
  budget: Budget, out: EqualRun[]): boolean {
  // The common head and tail, character by character, first: most edits leave most of the text alone.
  let head = 0;
  const shorter = Math.min(aEnd - aStart, bEnd - bStart);
  while (head < shorter && a.charCodeAt(aStart + head) === b.charCodeAt(bStart + head)) head++;
  let tail = 0;
  while (tail < shorter - head && a.charCodeAt(aEnd - 1 - tail) === b.charCodeAt(bEnd - 1 - tail)) tail++;
  budget.steps -= head + tail;
  if (head > 0) out.push({ before: aStart, after: bStart, length: head });
  aStart += head; bStart += head; aEnd -= tail; bEnd -= tail;
  if (aStart < aEnd && bStart < bEnd) {
    const ok = refineMiddle(a, aStart, aEnd, b, bStart, bEnd, level, budget, out);
    if (!ok && level === 'line') return false;
  }
  if (tail > 0) out.push({ before: aEnd, after: bEnd, length: tail });
  return true;
}

function refineMiddle(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number, level: Level,
  budget: Budget, out: EqualRun[]): boolean {
  if (level === 'char' && (aEnd - aStart > MAX_CHAR_REFINE || bEnd - bStart > MAX_CHAR_REFINE)) return true;
  const ids = new Map<string, number>();
  const unitsA = split(a, aStart, aEnd, level, ids);
  const unitsB = split(b, bStart, bEnd, level, ids);
  const matched = myers(unitsA.ids, unitsB.ids, budget);
  if (!matched) return false;
  const next: Level | undefined = level === 'line' ? 'token' : level === 'token' ? 'char' : undefined;
  // Gaps between matched units are refined one level down.
  let ua = 0;
  let ub = 0;
  const gap = (toA: number, toB: number): void => {
    if (!next || toA === ua || toB === ub) return;
    refine(a, unitsA.starts[ua], unitsA.starts[toA], b, unitsB.starts[ub], unitsB.starts[toB], next, budget, out);
  };
  for (const [ia, ib, count] of matched) {
    gap(ia, ib);
    const from = unitsA.starts[ia];
    out.push({ before: from, after: unitsB.starts[ib], length: unitsA.starts[ia + count] - from });
    ua = ia + count;
    ub = ib + count;
  }
  gap(unitsA.ids.length, unitsB.ids.length);
  return true;
}

/** The units of `text[start, end)` at a level, as interned ids, with their start offsets (and `end` last). */
function split(text: string, start: number, end: number, level: Level, ids: Map<string, number>):
  { ids: Int32Array; starts: number[] } {
  const starts: number[] = [];
  const values: number[] = [];
  const intern = (unit: string): number => {
    let id = ids.get(unit);
    if (id === undefined) { id = ids.size; ids.set(unit, id); }
    return id;
  };
  if (level === 'char') {
    for (let i = start; i < end; i++) { starts.push(i); values.push(text.charCodeAt(i)); }
  } else if (level === 'line') {
    let at = start;
    while (at < end) {
      const newline = text.indexOf('\n', at);
      const stop = newline < 0 || newline >= end ? end : newline + 1;
      starts.push(at);
      values.push(intern(text.slice(at, stop)));
      at = stop;
    }
  } else {
    const pattern = /[\p{L}\p{N}_]+|\s+|[\s\S]/gu;
    const piece = text.slice(start, end);
    for (let m = pattern.exec(piece); m; m = pattern.exec(piece)) {
      starts.push(start + m.index);
      values.push(intern(m[0]));
    }
  }
  starts.push(end);
  return { ids: Int32Array.from(values), starts };
}

/**
 * Myers' greedy shortest edit script over two id sequences: the matched runs `[indexA, indexB, count]`
 * in order, or undefined past the budget. Memory is the trace of the search, O(D²) for D edits, and D
 * is capped by `budget.maxEdits`.
 */
function myers(a: Int32Array, b: Int32Array, budget: Budget): [number, number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, budget.maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      const from = x;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      budget.steps -= x - from + 1;
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
    if (budget.steps < 0) return undefined;
  }
  if (found < 0) return undefined;
  const runs: [number, number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d];
    const at = (k: number): number => previous[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const midX = down ? prevX : prevX + 1;
    if (x > midX) runs.push([midX, midX - k, x - midX]);
    x = prevX;
    y = prevY;
  }
  if (x > 0) runs.push([0, 0, x]);
  return runs.reverse();
}

/**
 * Where `[start, end)` of the old text went:
 * - `equal`: all of it is one equal run, and no change next to it could as well be aligned across it
 *   (a sentence inserted right after an identical one: which of the two is the old one is a guess);
 * - `edited`: part of it survived, edited; `[start, end)` spans what replaced the rest;
 * - `ambiguous`: the diff cannot tell which of two identical neighbours it became;
 * - `deleted`: nothing of it survived in place (deleted, or moved: a diff sees a move as a deletion
 *   and an insertion).
 */
export type MappedRange =
  | { kind: 'equal' | 'edited'; start: number; end: number }
  | { kind: 'ambiguous' | 'deleted' };

export function mapRange(runs: readonly EqualRun[], before: string, after: string, start: number, end: number): MappedRange {
  const first = runContaining(runs, start);
  const last = runContaining(runs, end - 1);
  if (first >= 0 && first === last) {
    const run = runs[first];
    const shift = run.after - run.before;
    if (slidesInto(runs, first, before, after, start, end)) return { kind: 'ambiguous' };
    return { kind: 'equal', start: start + shift, end: end + shift };
  }
  // Edited: map each end that survived; an end that did not goes to the edge of what replaced it.
  let kept = 0;
  for (let i = Math.max(0, runAtOrAfter(runs, start)); i < runs.length && runs[i].before < end; i++) {
    kept += Math.min(end, runs[i].before + runs[i].length) - Math.max(start, runs[i].before);
  }
  if (kept <= 0) return { kind: 'deleted' };
  const mapStart = (): number => {
    if (first >= 0) return start + runs[first].after - runs[first].before;
    const previous = runAtOrAfter(runs, start) - 1;
    return previous >= 0 ? runs[previous].after + runs[previous].length : 0;
  };
  const mapEnd = (): number => {
    if (last >= 0) return end + runs[last].after - runs[last].before;
    const nextIndex = runAtOrAfter(runs, end);
    return nextIndex < runs.length ? runs[nextIndex].after : after.length;
  };
  const mappedStart = mapStart();
  const mappedEnd = mapEnd();
  return mappedEnd > mappedStart ? { kind: 'edited', start: mappedStart, end: mappedEnd } : { kind: 'deleted' };
}

/** Index of the run holding old offset `at`, or -1. */
function runContaining(runs: readonly EqualRun[], at: number): number {
  const i = runAtOrAfter(runs, at + 1) - 1;
  return i >= 0 && at >= runs[i].before && at < runs[i].before + runs[i].length ? i : -1;
}

/** Index of the first run that starts at or after old offset `at` (runs.length when none). */
function runAtOrAfter(runs: readonly EqualRun[], at: number): number {
  return firstIndex(runs.length, (i) => runs[i].before >= at);
}

/**
 * Whether a pure insertion or deletion next to run `index` could be aligned as well inside the old
 * range `[start, end)`: the text it added or removed repeats the text of the run up to (and into)
 * the range, so another diff of the same cost maps the range somewhere else.
 */
function slidesInto(runs: readonly EqualRun[], index: number, before: string, after: string, start: number, end: number): boolean {
  const run = runs[index];
  const previous = runs[index - 1];
  const prevBeforeEnd = previous ? previous.before + previous.length : 0;
  const prevAfterEnd = previous ? previous.after + previous.length : 0;
  // Before the run: a change sliding right must cover the run's characters up to the range's first.
  const reachStart = start - run.before + 1;
  if (prevBeforeEnd === run.before && run.after > prevAfterEnd) {
    if (repeats(after, prevAfterEnd, run.after, reachStart)) return true;
  } else if (prevAfterEnd === run.after && run.before > prevBeforeEnd) {
    if (repeats(before, prevBeforeEnd, run.before, reachStart)) return true;
  }
  const next = runs[index + 1];
  const nextBefore = next ? next.before : before.length;
  const nextAfter = next ? next.after : after.length;
  const runBeforeEnd = run.before + run.length;
  const runAfterEnd = run.after + run.length;
  // After the run: a change sliding left must cover the run's characters back to the range's last.
  const reachEnd = runBeforeEnd - end + 1;
  if (nextBefore === runBeforeEnd && nextAfter > runAfterEnd) {
    if (repeatsBackward(after, runAfterEnd, nextAfter, reachEnd)) return true;
  } else if (nextAfter === runAfterEnd && nextBefore > runBeforeEnd) {
    if (repeatsBackward(before, runBeforeEnd, nextBefore, reachEnd)) return true;
  }
  return false;
}

/** The changed text `[from, to)` can slide right by `count`: each of its characters equals the one `to - from` further on. */
function repeats(text: string, from: number, to: number, count: number): boolean {
  const width = to - from;
  if (width <= 0 || to + count > text.length) return false;
  for (let i = 0; i < count; i++) if (text.charCodeAt(from + i) !== text.charCodeAt(to + i)) return false;
  return true;
}

/** The changed text `[from, to)` can slide left by `count`. */
function repeatsBackward(text: string, from: number, to: number, count: number): boolean {
  const width = to - from;
  if (width <= 0 || from - count < 0) return false;
  for (let i = 1; i <= count; i++) if (text.charCodeAt(from - i) !== text.charCodeAt(to - i)) return false;
  return true;
}

/**
 * Whether `[start, end)` of the new text is not one piece of the old text: it overlaps inserted or
 * replaced text, or joins pieces the old text had apart.
 */
export function isNewText(runs: readonly EqualRun[], start: number, end: number): boolean {
  const run = runs[firstIndex(runs.length, (i) => runs[i].after > start) - 1];
  return !run || end > run.after + run.length;
}
