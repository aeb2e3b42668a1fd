/** Whether the clause around a date reads as future, which decides which way an unanchored weekday or month points. */

const WINDOW = 160;
const FUTURE_CUE =
  /\b(?:will|won't|shall|is to|are to|is due|are due|scheduled|plans? to|planned|planning|expected to|set to|going to|upcoming|next|would|could|intends? to|aims? to)\b|'ll\b/i;

function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  const lowest = Math.max(0, start - WINDOW);
  while (from > lowest && !/[.!?;\n]/.test(text[from - 1])) from--;
  let to = end;
  const highest = Math.min(text.length, end + WINDOW);
  while (to < highest && !/[.!?;\n]/.test(text[to])) to++;
  return text.slice(from, to);
}

export function readsAsFuture(text: string, start: number, end: number): boolean {
  return FUTURE_CUE.test(clauseAround(text, start, end));
}
