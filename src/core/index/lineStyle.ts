/**
 * Where a name mention sits, as evidence for the workspace's decisions: a Title Case or ALL-CAPS line
 * (headlines, speaker labels, headings) capitalises every word, so a capitalised word there says little;
 * a personal title just before a name ("President", "Secretary", "Mr.") says it is a person.
 */

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const LETTER = /\p{L}/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;

/** Lines longer than this are prose, never headline-style (keeps the check linear on long lines). */
const MAX_HEADLINE_LINE = 400;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via', 'into', 'over', 'amid']);

/**
 * True when the line is written in Title Case or ALL CAPS: at least three words, and every word longer
 * than the small function words starts with a capital (or the line has no lower-case letter at all).
 * One pass over the characters, stopping at the first word a sentence would show (most lines are prose).
 */
export function isHeadlineStyle(line: string): boolean {
  if (line.length > MAX_HEADLINE_LINE) return false;
  let words = 0;
  let content = 0;
  let lowerSeen = false;
  let upperSeen = false;
  let i = 0;
  while (i < line.length) {
    if (!isLetterAt(line, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < line.length && (isLetterAt(line, i) || WORD_INNER.has(line.charCodeAt(i)))) i++;
    words++;
    const firstLower = isLowerAt(line, start);
    if (firstLower) {
      if (!SMALL_WORDS.has(line.slice(start, i).toLowerCase())) return false;
      lowerSeen = true;
      continue;
    }
    upperSeen = true;
    content++;
    if (!lowerSeen) for (let k = start + 1; k < i && !lowerSeen; k++) lowerSeen = isLowerAt(line, k);
  }
  if (words < 3) return false;
  return lowerSeen ? content >= 2 : upperSeen;
}

/** Apostrophes, periods and hyphens inside a word ("U.S.-China", "O’Neill"). */
const WORD_INNER = new Set([39, 0x2019, 46, 45]);

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(s[i]);
}

function isLowerAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return s[i] !== s[i].toUpperCase();
}

/**
 * Headline-style flags for sorted offsets, one pass over the lines they fall on: `flags[k]` is true when
 * `offsets[k]` sits on a Title Case or ALL-CAPS line. Linear in the text and the offsets.
 */
export class LineStyles {
  private lineStart = -1;
  private lineEnd = -1;
  private headline = false;
  private lowerCase = false;

  constructor(private readonly text: string) {}

  /** Offsets must arrive in non-decreasing order, so each line is found and read once. */
  at(offset: number): boolean {
    if (offset >= this.lineStart && offset < this.lineEnd) return this.headline;
    this.lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    const end = this.text.indexOf('\n', offset);
    this.lineEnd = end < 0 ? this.text.length : end;
    // a line longer than the limit is prose: it is not read
    const line = this.lineEnd - this.lineStart <= MAX_HEADLINE_LINE ? this.text.slice(this.lineStart, this.lineEnd) : '';
    this.headline = line !== '' && isHeadlineStyle(line);
    this.lowerCase = this.headline && LOWER_CASE_LETTER.test(line);
    return this.headline;
  }

  /**
   * Whether a name written `surface` at `offset` is only capitalised because of its line: true on a
   * headline-style line, except for an acronym ("UN", "ICE") in a Title Case line, which is written so anyway.
   */
  capitalisedByLine(offset: number, surface: string): boolean {
    if (!this.at(offset)) return false;
    return !(this.lowerCase && surface.length >= 2 && !LOWER_CASE_LETTER.test(surface));
  }
}

const PERSON_TITLES = new Set([
  'president', 'vice', 'secretary', 'minister', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor',
  'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col',
  'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'judge', 'justice', 'ambassador', 'mr', 'mrs', 'ms', 'dr',
  'sir', 'dame', 'lord', 'lady', 'professor', 'prof', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman',
  'chairwoman', 'leader', 'premier', 'commissioner', 'director', 'chief', 'ceo', 'founder', 'speaker', 'host',
  'correspondent', 'reporter', 'coach', 'bishop', 'rabbi', 'imam', 'sheikh', 'emir', 'sultan', 'ayatollah',
]);

/**
 * True when the word just before `start` (on the same line) is a personal title: "President Trump",
 * "Mr. Smith", "SECRETARY OF DEFENSE PETE HEGSETH" (a title followed by "of …" or "for …" counts too).
 * A few character comparisons, no regular expression: it runs for every name mention of the corpus.
 */
export function followsPersonTitle(text: string, start: number): boolean {
  const first = wordBefore(text, start, true);
  // titles before a name are capitalised ("President", "Mr.", "SECRETARY OF DEFENSE"): "the", "said" are not
  if (!first || !isAsciiUpper(text.charCodeAt(first[0]))) return false;
  const word = text.slice(first[0], first[1]).toLowerCase();
  if (PERSON_TITLES.has(word)) return true;
  const of = wordBefore(text, first[0], false);
  if (!of) return false;
  const connector = text.slice(of[0], of[1]).toLowerCase();
  if (connector !== 'of' && connector !== 'for') return false;
  const title = wordBefore(text, of[0], false);
  return !!title && isAsciiUpper(text.charCodeAt(title[0])) && PERSON_TITLES.has(text.slice(title[0], title[1]).toLowerCase());
}

const MAX_TITLE_LENGTH = 16;

/** [start, end) of the ASCII word that ends just before `at` after one to three spaces (and a period, if `period`). */
function wordBefore(text: string, at: number, period: boolean): [number, number] | undefined {
  let j = at - 1;
  let spaces = 0;
  while (j >= 0 && spaces < 3 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 0xa0)) {
    j--;
    spaces++;
  }
  if (spaces === 0) return undefined;
  if (period && j >= 0 && text.charCodeAt(j) === 46) j--;
  const end = j + 1;
  while (j >= 0 && end - j <= MAX_TITLE_LENGTH && isAsciiLetter(text.charCodeAt(j))) j--;
  if (j >= 0 && isAsciiLetter(text.charCodeAt(j))) return undefined; // longer than any title
  return end - (j + 1) > 0 ? [j + 1, end] : undefined;
}

function isAsciiUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
