/**
 * Whether a date reads as future ("will meet Friday", "is due Nov. 9"), which decides which way an unanchored
 * weekday or month points. Only the words just before the date in the same sentence count: wider windows and
 * softer cues ("would", "could") scored worse on TempEval-3 train.
 */
const LOOKBEHIND = 50;
const FUTURE_CUE = /\b(?:will|won't|shall|is to|are to|is due|are due|scheduled|expected to|set to|going to|until|next)\b|'ll\b/i;

export function readsAsFuture(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOKBEHIND), start);
  const sentence = before.split(/[.!?;\n]/).pop() ?? '';
  return FUTURE_CUE.test(sentence);
}
