/** A mention in context, as raw text; the hover card escapes it. */
// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const LETTER_OR_PERIOD = /[\p{L}.]/u;
const DOTTED_LETTERS = /^(\p{L}\.)*\p{L}$/u;
const ONE_LETTER = /^\p{L}$/u;

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** At most this many characters of the sentence on each side of the mention. */
export const SNIPPET_RADIUS = 90;

/** Short words that end with a full stop without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sr', 'jr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'maj', 'prof', 'rev', 'hon', 'pres', 'inc', 'corp', 'ltd', 'co', 'vs', 'no', 'nos', 'approx', 'dept', 'est',
  'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'mt', 'ft', 'fig', 'p', 'pp', 'e.g', 'i.e',
]);

/** Does a sentence end just before the whitespace at `i` (". ", "?” ", "!) ")? */
function endsSentenceBefore(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /["'”’)\]]/u.test(text[k])) k--;
  if (k < 0 || !/[.!?]/u.test(text[k])) return false;
  if (text[k] !== '.') return true;
  // "U.S.", "Mr.", "Gen.": the word before the full stop decides.
  let w = k;
  while (w > 0 && LETTER_OR_PERIOD.test(text[w - 1])) w--;
  const word = text.slice(w, k).toLowerCase();
  if (word === '') return true;
  if (DOTTED_LETTERS.test(word) && word.replace(/\./g, '').length <= 3 && word.includes('.')) return false; // u.s, e.u
  if (ONE_LETTER.test(word)) return false; // an initial: "George W. Bush"
  return !ABBREVIATIONS.has(word);
}

/** Where the sentence holding `at` starts, looking back at most `limit` characters (`cut` when it got there first). */
function sentenceStart(text: string, at: number, limit: number): { index: number; cut: boolean } {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) {
    const ch = text[i];
    if (ch === '\n') return { index: i + 1, cut: false };
    if (/\s/u.test(ch) && endsSentenceBefore(text, i)) return { index: i + 1, cut: false };
  }
  return floor === 0 ? { index: 0, cut: false } : { index: floor, cut: true };
}

/** Where the sentence holding `at` ends (after its full stop), looking ahead at most `limit` characters. */
function sentenceEnd(text: string, at: number, limit: number): { index: number; cut: boolean } {
  const ceiling = Math.min(text.length, at + limit);
  for (let i = at; i < ceiling; i++) {
    const ch = text[i];
    if (ch === '\n') return { index: i, cut: false };
    if (/\s/u.test(ch) && endsSentenceBefore(text, i)) return { index: i, cut: false };
  }
  return ceiling === text.length ? { index: text.length, cut: false } : { index: ceiling, cut: true };
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);

/**
 * The sentence holding [start, end), whitespace collapsed. Where it runs past `radius` characters on a side
 * it is cut at a word boundary and marked "…" — never inside a word ("…cretary of State").
 */
export function snippetAt(text: string, start: number, end: number, radius = SNIPPET_RADIUS): Snippet {
  const head = sentenceStart(text, start, radius);
  const tail = sentenceEnd(text, end, radius);
  const cutBefore = head.cut;
  const cutAfter = tail.cut;
  let from = head.index;
  let to = tail.index;
  if (cutBefore) {
    // Forward to the start of the next whole word (never past the mention).
    while (from < start && !isSpace(text[from - 1])) from++;
  }
  if (cutAfter) {
    while (to > end && !isSpace(text[to])) to--;
  }
  const squash = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: (cutBefore ? '…' : '') + squash(text.slice(from, start)).trimStart(),
    match: squash(text.slice(start, end)),
    after: squash(text.slice(end, to)).trimEnd() + (cutAfter ? '…' : ''),
  };
}
