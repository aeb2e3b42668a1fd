/**
 * Where a name mention sits, as evidence for the workspace's decisions: a Title Case or ALL-CAPS line
 * (headlines, speaker labels, headings) capitalises every word, so a capitalised word there says little;
 * a personal title just before a name ("President", "Secretary", "Mr.") says it is a person.
 */

/** Lines longer than this are prose, never headline-style (keeps the check linear on long lines). */
const MAX_HEADLINE_LINE = 400;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'via', 'into', 'over', 'amid']);

/**
 * True when the line is written in Title Case or ALL CAPS: at least three words, and every word longer
 * than the small function words starts with a capital (or the line has no lower-case letter at all).
 */
export function isHeadlineStyle(line: string): boolean {
  if (line.length > MAX_HEADLINE_LINE) return false;
  const words = line.match(/[\p{L}][\p{L}\p{M}'’.-]*/gu);
  if (!words || words.length < 3) return false;
  if (!/\p{Ll}/u.test(line)) return /\p{Lu}/u.test(line);
  let content = 0;
  for (const word of words) {
    if (SMALL_WORDS.has(word.toLowerCase())) continue;
    content++;
    if (!/^\p{Lu}/u.test(word) && !/^\d/.test(word)) return false;
  }
  return content >= 2;
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
    this.lowerCase = this.headline && /\p{Ll}/u.test(line);
    return this.headline;
  }

  /**
   * Whether a name written `surface` at `offset` is only capitalised because of its line: true on a
   * headline-style line, except for an acronym ("UN", "ICE") in a Title Case line, which is written so anyway.
   */
  capitalisedByLine(offset: number, surface: string): boolean {
    if (!this.at(offset)) return false;
    return !(this.lowerCase && surface.length >= 2 && !/\p{Ll}/u.test(surface));
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
 * True when the word just before `start` (on the same line, at most 30 characters back) is a personal
 * title: "President Trump", "SECRETARY OF DEFENSE PETE HEGSETH" (the title word before "of …" counts too).
 */
export function followsPersonTitle(text: string, start: number): boolean {
  const from = Math.max(0, start - 40);
  const before = text.slice(from, start);
  const match = /([\p{L}]+)\.?\s+(?:(?:of|for)\s+[\p{L}]+\s+)?$/iu.exec(before);
  return !!match && PERSON_TITLES.has(match[1].toLowerCase());
}
