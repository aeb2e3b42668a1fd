/** Small string similarity measures used to judge whether a candidate really is the annotated text. */

/** Levenshtein distance with a two-row table; inputs here are short (quotes' context windows). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 1 for equal strings, 0 for nothing in common; two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * How well the text around [start, end) matches the stored prefix and suffix, each in [0, 1].
 * Windows are as long as the stored context, so text cut short by the article's edges compares fairly.
 */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string):
  { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return { prefix: similarity(prefix, before), suffix: similarity(suffix, after) };
}

/**
 * How many characters of the stored context match verbatim, counted outward from the candidate's
 * edges. Unlike edit distance this does not forgive shifts, so a look-alike a few words away from
 * the real quote scores near zero.
 */
export function boundaryRuns(text: string, start: number, end: number, prefix: string, suffix: string):
  { prefix: number; suffix: number } {
  let before = 0;
  while (before < prefix.length && start - before - 1 >= 0
    && text.charCodeAt(start - before - 1) === prefix.charCodeAt(prefix.length - before - 1)) before++;
  let after = 0;
  while (after < suffix.length && end + after < text.length
    && text.charCodeAt(end + after) === suffix.charCodeAt(after)) after++;
  return { prefix: before, suffix: after };
}

/** Above this many cells the exact edit distance is not computed (a quote of thousands of characters). */
const MAX_DISTANCE_CELLS = 4_000_000;

/**
 * `similarity` for strings of any length in bounded time. When the exact measure would be too costly,
 * the share of the longer string that the two have in common verbatim at their start and end: a
 * lower bound on the exact similarity, so callers that accept above a threshold only ever err by
 * refusing.
 */
export function boundedSimilarity(a: string, b: string): number {
  if (a.length * b.length <= MAX_DISTANCE_CELLS) return similarity(a, b);
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return (head + tail) / Math.max(a.length, b.length);
}

/**
 * `text` with the characters of every range replaced by NUL, in one pass (ranges may overlap): an approximate
 * search reports only the matches with the fewest errors, so what is already known is masked out of it.
 */
export function masked(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let from = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (end <= from) continue;
    const at = Math.max(start, from);
    out += text.slice(from, at) + '\u0000'.repeat(end - at);
    from = end;
  }
  return out + text.slice(from);
}
