import type { Span } from '../types';

/**
 * Names made of a capitalised head and a number: articles, sections and resolutions of laws and treaties
 * ("Article 5", "Section 230", "Resolution 2334", "the 25th Amendment" is left to the name tagger). The
 * number in them is not a figure; the figure grammar leaves it alone, and these rules give the name.
 */
const HEADS = 'Article|Articles|Section|Chapter|Resolution|Amendment|Clause|Protocol|Paragraph|Title|Annex|Rule';
const NUMBERED_NAME = new RegExp(`\\b(?:${HEADS})\\s(?:[0-9]{1,4}[A-Za-z]?|[IVXL]{1,6})(?:\\([0-9a-z]{1,3}\\)){0,3}(?![\\p{L}\\p{N}]|\\.\\d|,\\d{3})`, 'gu');

export function findNumberedNames(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(NUMBERED_NAME)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, type: 'MISC', text: m[0], value: null, canonical: m[0].replace(/\s+/, ' ') });
  }
  return out;
}
