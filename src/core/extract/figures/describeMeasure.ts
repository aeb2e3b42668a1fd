import type { Span } from '../types';

/**
 * The phrase a figure qualifies, for comparing figures across articles ("5% of their GDP on defense" →
 * "GDP on defense"; "32-nation bloc" → "bloc"; "$33 billion in aid" → "aid"). Heuristic: the words after
 * the figure — after "of"/"in"/"for"/"on" when one follows it, skipping determiners and possessives —
 * up to a clause boundary, four words at most; else the counted unit. Undefined when nothing is found.
 */
const LINKS = /^(?:of|in|for|on|to)$/;
const SKIP = /^(?:the|a|an|their|its|his|her|our|your|my|this|that|these|those|annual|total|new|additional|extra)$/i;
const BOUNDARY = /^(?:and|or|but|that|which|who|while|as|than|by|from|with|since|after|before|because|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|said|says|to|at|over|under|per|a|an|the)$/i;
const MAX_WORDS = 4;

export function describeMeasure(text: string, span: Span): string | undefined {
  const tail = text.slice(span.end, span.end + 200);
  const words = [...tail.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}]/gu)].map((m) => m[0]);
  let k = 0;
  if (words[0] && LINKS.test(words[0])) k = 1;
  while (words[k] && SKIP.test(words[k])) k++;
  const phrase: string[] = [];
  let linked = false;
  for (; k < words.length && phrase.length < MAX_WORDS; k++) {
    const w = words[k];
    if (!/^[\p{L}\p{N}]/u.test(w)) break;
    if (phrase.length > 0 && !linked && /^(?:on|for|in)$/i.test(w)) {
      linked = true;
      phrase.push(w);
      continue;
    }
    if (BOUNDARY.test(w)) break;
    phrase.push(w.replace(/[.’']+$/, ''));
  }
  while (phrase.length && /^(?:on|for|in)$/i.test(phrase[phrase.length - 1])) phrase.pop();
  if (phrase.length) return phrase.join(' ');
  return span.unit && span.unit !== 'fraction' ? span.unit : undefined;
}
