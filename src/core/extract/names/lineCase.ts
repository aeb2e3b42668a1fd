// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LOWER_WORD = /(?<![\p{L}'’-])\p{Ll}{3,}(?![\p{L}'’-])/gu;
const SMALL_WORDS = new Set(['the', 'and', 'but', 'nor', 'for', 'via', 'with', 'from']);

/**
 * Whether the line around a range is written in ordinary case, a lower-case word other than a small
 * function word near it on its line: in a title-cased line every word is capitalised, and a capital says nothing.
 */
export function inOrdinaryCase(text: string, start: number, end: number): boolean {
  let around = text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120));
  // the range's own line only
  const before = start - Math.max(0, start - 120);
  const lineStart = around.lastIndexOf('\n', before) + 1;
  const lineEnd = around.indexOf('\n', before + (end - start));
  around = around.slice(lineStart, lineEnd < 0 ? around.length : lineEnd);
  for (const m of around.matchAll(LOWER_WORD)) if (!SMALL_WORDS.has(m[0])) return true;
  return false;
}
