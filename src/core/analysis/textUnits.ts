/**
 * Paragraphs and sentences of an article, as offset ranges into its text (UTF-16, end exclusive). Shared
 * by the quote ledger, the timeline and connections. Linear in the text's length.
 */

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const SENTENCE_OPENER = /[\p{Lu}\d"\u201c'\u2018(]/u;
const LETTER_OR_PERIOD = /[\p{L}.]/u;
const UPPER_CASE_LETTER = /\p{Lu}/u;

export interface TextRange {
  start: number;
  end: number;
}

/** A line that ends a paragraph on its own: it ends like a sentence (or a quotation, a heading's colon). */
const PARAGRAPH_END = /[.!?:;"'\u201d\u2019)\]]\s*$/u;

/** Lines shorter than this that stop without punctuation are headings, not hard-wrapped prose. */
const HARD_WRAP_MIN = 50;

/**
 * Paragraphs: blocks separated by blank lines; inside a block, a line that ends like a sentence ends a
 * paragraph too (articles written one paragraph per line), and so does a short line (a heading); a long
 * line that stops mid-sentence runs on into the next (hard-wrapped text). Leading and trailing whitespace is left out.
 */
export function paragraphsOf(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = -1;
  let lineStart = 0;
  let lastNonBlankEnd = -1;
  const close = () => {
    if (start >= 0) out.push({ start, end: lastNonBlankEnd });
    start = -1;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const lead = line.search(/\S/u);
    if (lead < 0) {
      close();
    } else {
      if (start < 0) start = lineStart + lead;
      lastNonBlankEnd = lineStart + line.replace(/\s+$/u, '').length;
      // a short line with no closing punctuation is a heading; a long one is hard-wrapped prose
      if (PARAGRAPH_END.test(line) || line.trim().length < HARD_WRAP_MIN) close();
    }
    lineStart = lineEnd + 1;
  }
  close();
  return out;
}

/** Words whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'sen', 'rep', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'nos', 'inc', 'corp', 'co', 'ltd', 'vs', 'etc', 'approx', 'est', 'dept', 'fig', 'rev', 'hon',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'av', 'ave',
]);

const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", ')', ']']);

/**
 * Sentences of one paragraph range. A sentence ends at . ! or ? (with any closing quotation marks and
 * brackets after it) followed by white space and a capital, a digit or an opening mark; abbreviations
 * ("Gen.", "U.S.") and initials do not end one. `inside(offset)` lets a caller keep quotations whole: a
 * boundary it reports as inside a quotation is not a boundary.
 */
export function sentencesOf(text: string, range: TextRange, inside?: (offset: number) => boolean): TextRange[] {
  const out: TextRange[] = [];
  let start = range.start;
  for (let i = range.start; i < range.end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < range.end && CLOSERS.has(text[j])) j++;
    if (j >= range.end) break;
    if (!/\s/u.test(text[j])) continue;
    let k = j;
    while (k < range.end && /\s/u.test(text[k])) k++;
    if (k >= range.end) break;
    const next = text[k];
    if (!SENTENCE_OPENER.test(next)) continue;
    if (c === '.' && isAbbreviation(text, i)) continue;
    if (inside?.(j)) continue;
    out.push({ start, end: j });
    start = k;
  }
  if (start < range.end) out.push({ start, end: range.end });
  return out;
}

/** True when the period at `period` ends an abbreviation or an initial, not a sentence. */
export function isAbbreviation(text: string, period: number): boolean {
  let w = period;
  while (w > 0 && LETTER_OR_PERIOD.test(text[w - 1])) w--;
  const word = text.slice(w, period);
  if (word.length === 0) return false;
  if (word.includes('.')) return true; // U.S. / a.m.
  if (word.length === 1 && UPPER_CASE_LETTER.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The range among `ranges` (sorted, disjoint) that contains `offset`, by binary search. */
export function rangeAt<T extends TextRange>(ranges: readonly T[], offset: number): T | undefined {
  const i = rangeIndexAt(ranges, offset);
  return i < 0 ? undefined : ranges[i];
}

/** Index of the range containing `offset`, or -1. */
export function rangeIndexAt(ranges: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
