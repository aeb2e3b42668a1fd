import type { NameMention } from '../types';
import { POST_NOMINALS, ROLE_NOUNS, TITLE_LINKERS, TITLE_WORDS } from './titles';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_UPPER = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DASH = /[-\u2010-\u2015]/;
/** Characters that separate the fields of a byline or a page's furniture, never part of a name. */
const FURNITURE_SEPARATOR = /\s?[|•·]/;
const INITIALS = /^(?:\p{L}\.)+$/u;

/**
 * Trims what the guidelines keep outside a name: leading titles and roles, possessive 's / ’s / ’,
 * enclosing quotes and brackets, and surrounding punctuation. Returns undefined when nothing is left.
 */
export function refineMention(text: string, m: NameMention): NameMention | undefined {
  let start = m.start;
  let end = m.end;
  // a separator of page furniture ends a name: "By Jane Doe | Dec. 2, 2025", "Jane Doe • 5 min read"
  const separator = text.slice(start, end).search(FURNITURE_SEPARATOR);
  if (separator > 0) end = start + separator;
  // "SOURCE Northwind Health, Inc.": the newswire's closing source line names the organization after the label
  if (text.startsWith('SOURCE ', start) && end - start > 7 && (start === 0 || text[start - 1] === '\n')) start += 7;
  // outer punctuation and quotes
  // (a breadcrumb's separator too: "Culture › Film")
  while (start < end && /[\s"'“”‘’(\[{<«»‹›,;:]/.test(text[start])) start++;
  while (end > start && /[\s"“”‘)\]}>«»,;:]/.test(text[end - 1]) && !closesOpenBracket(text, start, end)) end--;
  // a dash set off by a space opens or closes an aside; it is no part of the name ("… and Sarah Breeden - voted")
  while (end > start && DASH.test(text[end - 1]) && /\s/.test(text[end - 2] ?? ' ')) {
    end--;
    while (end > start && /\s/.test(text[end - 1])) end--;
  }
  while (start < end && DASH.test(text[start]) && /\s/.test(text[start + 1] ?? ' ')) {
    start++;
    while (start < end && /\s/.test(text[start])) start++;
  }
  // "the Pentagon's No. 3 post": a rank after a possessive is no part of the name
  const rank = /['’][sS]\s*No\.?$/.exec(text.slice(start, end));
  if (rank && rank.index > 0 && /^\.?\s*\d/.test(text.slice(end, end + 4))) end = start + rank.index;
  // possessive
  const tail = text.slice(Math.max(start, end - 2), end);
  if (/^['’][sS]$/.test(tail) && end - 2 > start) end -= 2;
  else if (end - 1 > start && (text[end - 1] === '’' || text[end - 1] === "'") && /[sS]/.test(text[end - 2] ?? '')) end -= 1;
  else if (end - 1 > start && (text[end - 1] === '’' || text[end - 1] === "'")) end -= 1;
  while (end > start && /[.\s]/.test(text[end - 1]) && !isAbbreviationEnd(text, start, end)) end--;
  let type = m.type;
  if (type === 'PERSON') {
    start = skipLeadingTitles(text, start, end);
    end = withoutPostNominals(text, start, end);
    end = withGivenNameSyllables(text, start, end);
  }
  else {
    const afterRole = skipLeadingTitles(text, start, end);
    const rest = text.slice(afterRole, end).split(/\s+/);
    const lastTitle = capitalsAsTitle(text.slice(start, afterRole).trim().split(/\s+/).pop() ?? '');
    if (afterRole > start && ROLE_NOUNS.has(lastTitle) && rest.length >= 2 && rest.every((w) => STARTS_UPPER.test(w))) {
      start = afterRole;
      type = 'PERSON';
    }
  }
  if (end <= start) return undefined;
  if (!LETTER_OR_DIGIT.test(text.slice(start, end))) return undefined;
  return { ...m, start, end, type };
}

/**
 * A romanised Korean, Chinese or Vietnamese given name is written as two syllables joined by a hyphen, the
 * second in lower case ("Moon Jae-in", "Hong Sang-soo", "Kim Jong-un"): a detector that reads the hyphen as
 * the end of the name ("Moon Jae-") or stops before the given name ("Hong") is carried to its end. The lower
 * syllable is one such syllable (consonants, vowels, a final n, ng, k, l, m, p or t), not a word such as
 * "based" or "led" that ends a compound.
 */
const GIVEN_SYLLABLE = /^(?:ch|kk|tt|pp|ss|jj|ng|[bcdghjklmnpqrstwxyz])?[aeiouyw]{1,3}(?:ng|n|k|l|m|p|t)?(?![\p{L}\p{N}])/u;
const GIVEN_NAME_AFTER = /^[ \t]+(\p{Lu}\p{Ll}{1,4})-(?=\p{Ll})/u;
const NOT_SYLLABLES = new Set(['run', 'led', 'era', 'wide', 'like', 'made', 'owned', 'born', 'held', 'set', 'up', 'in', 'on', 'out', 'off']);

function withGivenNameSyllables(text: string, start: number, end: number): number {
  const syllableAt = (at: number): number => {
    const m = GIVEN_SYLLABLE.exec(text.slice(at, at + 8));
    return m ? at + m[0].length : -1;
  };
  // "Moon Jae-": the word goes on after the hyphen
  if (end - start >= 3 && text[end - 1] === '-' && /\p{L}/u.test(text[end - 2]) && /\p{Ll}/u.test(text[end] ?? '')) {
    const after = syllableAt(end);
    return after > 0 ? after : end - 1;
  }
  // "Hong" before "Sang-soo"
  const next = GIVEN_NAME_AFTER.exec(text.slice(end, end + 12));
  if (next && !/\s/.test(text.slice(start, end))) {
    const at = end + next[0].length + 1;
    const after = syllableAt(at);
    if (after > 0 && !NOT_SYLLABLES.has(text.slice(at, after))) return after;
  }
  return end;
}

const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** A closing bracket that pairs with one inside the name stays: "Mladost (L)", "Proleter (Z)". */
function closesOpenBracket(text: string, start: number, end: number): boolean {
  const open = OPENING[text[end - 1]];
  if (!open) return false;
  let depth = 0;
  for (let k = start; k < end - 1; k++) {
    if (text[k] === open) depth++;
    else if (text[k] === text[end - 1]) depth--;
  }
  return depth > 0;
}

/** "U.S." keeps its final period; "Brussels." does not. */
function isAbbreviationEnd(text: string, start: number, end: number): boolean {
  if (text[end - 1] !== '.') return false;
  const word = text.slice(start, end).split(/\s+/).pop() ?? '';
  return INITIALS.test(word) || /^(?:Jr|Sr|Inc|Corp|Co|Ltd|St)\.$/.test(word);
}

/**
 * A word in capitals read as a title-case word, so the title lists also apply to all-caps lines and
 * transcript speaker labels ("SECRETARY OF DEFENSE PETE HEGSETH:"): "SECRETARY" → "Secretary", "MR." → "Mr.".
 */
function capitalsAsTitle(word: string): string {
  if (word.length < 2 || word !== word.toUpperCase() || word === word.toLowerCase()) return word;
  return word[0] + word.slice(1).toLowerCase();
}

/** "Caroline Mercer KC" → "Caroline Mercer": post-nominal letters at the end go, two words of the name stay. */
function withoutPostNominals(text: string, start: number, end: number): number {
  for (;;) {
    const name = text.slice(start, end);
    const cut = Math.max(name.lastIndexOf(' '), name.lastIndexOf(','));
    if (cut < 0) return end;
    const last = name.slice(cut + 1);
    const rest = name.slice(0, cut).replace(/[\s,]+$/, '');
    if (!POST_NOMINALS.has(last) || rest.split(/\s+/).length < 2) return end;
    end = start + rest.length;
  }
}

function skipLeadingTitles(text: string, start: number, end: number): number {
  const re = /\S+/g;
  re.lastIndex = start;
  let cursor = start;
  let skippedTitle = false;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index >= end) break;
    const word = m[0];
    const rest = text.slice(m.index + word.length, end).trim();
    if (!rest) break; // never strip the last word
    const asTitle = capitalsAsTitle(word);
    if (TITLE_WORDS.has(asTitle) || (skippedTitle && TITLE_LINKERS.has(asTitle.toLowerCase()))) {
      skippedTitle = true;
      cursor = m.index + word.length;
      while (cursor < end && /\s/.test(text[cursor])) cursor++;
      continue;
    }
    break;
  }
  return cursor;
}
