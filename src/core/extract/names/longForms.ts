import type { NameType, Span } from '../types';
import { inOrdinaryCase } from './lineCase';
import { firstEndingAfter } from '../../util/firstIndex';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/** An abbreviation in brackets: "(UNRWA)", "(TfL)", "(ECR)". */
const BRACKETED_ACRONYM = /\(([A-Z][A-Za-z&]{1,9})\)/y;
/**
 * The capitalised words, and the small words between them, that end right before a bracket: the candidate
 * long form ("United Nations Relief and Works Agency for Palestine Refugees").
 */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’&.-]*$/u;
const LINKING = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'des', 'du', 'la', '&']);
/** At most this many words of a long form are read before its abbreviation. */
const MAX_LONG_FORM_WORDS = 16;
const STARTS_UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^\p{Lu}{2,5}$/u;
const POSSESSIVE_END = /(?:['’][sS]|s['’])$/u;

/**
 * The head nouns of organizations named "<head> of/for (the) <name>" ("Ministry of Foreign Affairs",
 * "Centre for European Reform"), and of places so named ("Strait of Malacca", "Bay of Bengal").
 */
const ORG_HEADS = new Set([
  'Ministry', 'Office', 'Department', 'Academy', 'Centre', 'Center', 'Forum', 'Institute', 'Council', 'Agency', 'Bank',
  'Court', 'Commission', 'Committee', 'Federation', 'League', 'University', 'School', 'College', 'Museum', 'Foundation',
  'Organisation', 'Organization', 'Association', 'Authority', 'Board', 'Bureau', 'Society', 'Chamber', 'Secretariat',
]);
/** Words that make a long form spelled by an abbreviation an organization, whatever its pieces were. */
const ORG_WORDS = new Set([...ORG_HEADS, 'Group', 'Party', 'Union', 'Fund', 'Force', 'Forces', 'Service', 'Mission', 'Corporation', 'Company']);
const PLACE_HEADS = new Set(['Strait', 'Straits', 'Gulf', 'Bay', 'Sea', 'Isle', 'Cape', 'Republic', 'Kingdom', 'Islands']);
/** After a head noun: " of ", " for ", " of the ", " for the ", then a capital. */
const OF_NAME = / (?:of|for) (?:the )?(?=\p{Lu})/uy;
const LETTER_OR_MARK = /[\p{L}\p{N}'’.-]/u;
/** A name after "of"/"for": capitalised words, "and" or "&" between two of them. */
const NAME_RUN = /\p{Lu}(?:[\p{L}\p{M}'’&-]|\.(?=\p{L}))*(?:[ \t]+(?:(?:and|&)[ \t]+)?\p{Lu}(?:[\p{L}\p{M}'’&-]|\.(?=\p{L}))*)*/uy;
const OF_AGAIN = /[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?=\p{Lu})/uy;
/** Capitalised words before a head noun that open a sentence or a date, never a name. */
const NOT_BEFORE = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'Of', 'And', 'But', 'As', 'If', 'When', 'While', 'Its', 'His', 'Her', 'Their', 'Our', 'This', 'That']);

/**
 * Long names a detector cuts into pieces, put back together:
 * - the long form an abbreviation in brackets spells ("United Nations Relief and Works Agency for Palestine
 *   Refugees (UNRWA)", "UN Office for the Coordination of Humanitarian Affairs (OCHA)");
 * - an organization's head noun, "of" or "for" and the name after it ("Ministry of Foreign Affairs", "Centre for
 *   European Reform", "Academy of Motion Picture Arts and Sciences"), and a place so named ("Strait of Malacca").
 * The pieces inside go; a long form that would cut through another name is not made. Spans are in text order.
 */
export function joinLongForms(text: string, spans: Span[]): Span[] {
  const candidates: { start: number; end: number; type?: NameType; spelled?: boolean }[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    BRACKETED_ACRONYM.lastIndex = open;
    const m = BRACKETED_ACRONYM.exec(text);
    const found = m && longFormBefore(text, open, m[1]);
    if (found) candidates.push({ ...found, spelled: true });
  }
  for (const m of headsOf(text)) {
    const place = PLACE_HEADS.has(m.head);
    let end = m.end;
    // read within a window: a run of capitals a megabyte long costs no more than a name
    const base = m.index;
    const window = text.slice(base, Math.min(text.length, end + 240));
    NAME_RUN.lastIndex = end - base;
    let run = NAME_RUN.exec(window);
    if (!run) continue;
    end = base + run.index + run[0].length;
    for (let again = 0; again < 2 && !place; again++) {
      OF_AGAIN.lastIndex = end - base;
      const of = OF_AGAIN.exec(window);
      if (!of) break;
      NAME_RUN.lastIndex = of.index + of[0].length;
      run = NAME_RUN.exec(window);
      if (!run) break;
      end = base + run.index + run[0].length;
    }
    while (POSSESSIVE_END.test(text.slice(end - 2, end))) end -= text[end - 1] === 's' || text[end - 1] === 'S' ? 2 : 1;
    // a full stop after the name ends the sentence, unless the last word is an abbreviation ("U.S.")
    if (text[end - 1] === '.' && !/(?:^|[\s.])\p{Lu}\.$/u.test(text.slice(end - 3, end))) end--;
    let start = m.index;
    // a capitalised word right before the head is part of the name ("Indonesian Forum for the Environment")
    const before = /(\p{Lu}[\p{L}\p{M}-]*)[ \t]$/u.exec(text.slice(Math.max(0, start - 30), start));
    if (before && !NOT_BEFORE.has(before[1]) && !/[.!?:]\s*$/.test(text.slice(Math.max(0, start - 40), start - before[0].length))) {
      start -= before[0].length;
    }
    if (!inOrdinaryCase(text, start, end)) continue;
    candidates.push({ start, end, type: place ? 'PLACE' : 'ORG' });
  }
  if (candidates.length === 0) return spans;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  // the detector's names do not overlap: sorted by start, their ends are sorted too, and each candidate finds
  // the names inside it by binary search (a page of thousands of long names costs no more than their count)
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const removed = new Set<Span>();
  const joined: Span[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    const lo = firstEndingAfter(sorted, c.start);
    const inside: Span[] = [];
    let crossing = false;
    for (let k = lo; k < sorted.length && sorted[k].start < c.end; k++) {
      const s = sorted[k];
      // "… and Rheinmetall": a name of its own after "and" ends the long form before it, unless an abbreviation spells both
      const and = c.spelled || s.start <= c.start ? null : /[ \t](?:and|&)[ \t]$/.exec(text.slice(Math.max(c.start, s.start - 5), s.start));
      if (and) {
        c.end = s.start - and[0].length;
        break;
      }
      if (s.start < c.start || s.end > c.end || removed.has(s)) crossing = true;
      inside.push(s);
    }
    // a person after "of" is no part of an organization's name ("the Council of Maria Lopez")
    if (crossing || c.end - c.start < 4 || (c.type === 'ORG' && !c.spelled && inside.some((s) => s.type === 'PERSON' && s.start > c.start))) continue;
    if (inside.length === 1 && inside[0].start === c.start && inside[0].end === c.end) continue;
    if (inside.length === 0 && !c.type) continue;
    // the long form is an organization when a word of it is an organization's head, else as its longest piece says
    const longest = inside.reduce<Span | undefined>((a, s) => (!a || s.end - s.start > a.end - a.start ? s : a), undefined);
    const headed = text.slice(c.start, c.end).split(/\s+/).some((w) => ORG_WORDS.has(w));
    const type = c.type ?? (headed || longest?.type === 'PERSON' ? 'ORG' : longest?.type ?? 'ORG');
    for (const s of inside) removed.add(s);
    joined.push({ start: c.start, end: c.end, type, text: text.slice(c.start, c.end), value: null });
    lastEnd = c.end;
  }
  if (joined.length === 0) return spans;
  return [...sorted.filter((s) => !removed.has(s)), ...joined].sort((a, b) => a.start - b.start);
}

/**
 * The long form that the abbreviation at `open` (in brackets, or after ", or") spells, by the initials of its
 * words; a small word's letter may be in it too ("Security Action for Europe" → "SAFE").
 */
export function longFormBefore(text: string, open: number, abbreviation: string): { start: number; end: number } | undefined {
  const letters = abbreviation.replace(/[^A-Z]/g, '');
  if (letters.length < 2 || letters.length * 2 < abbreviation.replace(/&/g, '').length) return undefined;
  const words = wordsBefore(text, open);
  if (words.length === 0) return undefined;
  // a possessive ends the name before it ("Egypt's Ministry …")
  let first = 0;
  for (let k = 0; k < words.length - 1; k++) if (POSSESSIVE_END.test(words[k].text)) first = k + 1;
  const capitals = words.slice(first).filter((w) => STARTS_UPPER.test(w.text));
  const initialsOf = (w: { text: string }): string => (ALL_CAPS.test(w.text) ? w.text : w.text[0]);
  // the latest word the abbreviation starts with, whose words after it spell the rest in order
  for (let k = capitals.length - 1; k >= 0; k--) {
    if (capitals[k].text[0] !== letters[0]) continue;
    let at = 0;
    for (const w of words.slice(words.indexOf(capitals[k]))) {
      const c = STARTS_UPPER.test(w.text) ? initialsOf(w) : w.text[0].toUpperCase();
      for (const l of c) if (l === letters[at]) at++;
    }
    if (at < letters.length || capitals.length - k > letters.length + 3) continue;
    // an abbreviation in capitals right before belongs to the name ("UN Office for the Coordination …")
    const prefix = k > 0 && ALL_CAPS.test(capitals[k - 1].text) && /^[ \t]+$/.test(text.slice(capitals[k - 1].end, capitals[k].start));
    const start = prefix ? capitals[k - 1].start : capitals[k].start;
    const end = words[words.length - 1].end;
    if (end - start < 4) return undefined;
    return { start, end };
  }
  return undefined;
}

/**
 * The capitalised words, and the small words between them, that end right before `open` (spaces and tabs
 * between them), read backwards and at most MAX_LONG_FORM_WORDS: a bounded walk whatever the text.
 */
function wordsBefore(text: string, open: number): { start: number; end: number; text: string }[] {
  const words: { start: number; end: number; text: string }[] = [];
  let k = open;
  while (words.length < MAX_LONG_FORM_WORDS) {
    let end = k;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t') && k - end < 3) end--;
    if (end === k && words.length > 0) break;
    let start = end;
    while (start > 0 && end - start < 40 && !/\s/.test(text[start - 1])) start--;
    const word = text.slice(start, end);
    if (!word || (!CAPITALISED.test(word) && !LINKING.has(word))) break;
    words.unshift({ start, end, text: word });
    k = start;
  }
  while (words.length && !STARTS_UPPER.test(words[0].text)) words.shift();
  return words;
}

/**
 * Each head noun of ORG_HEADS or PLACE_HEADS followed by " of " or " for " (and "the") and a capital, in text
 * order: found from the occurrences of " of " and " for ", which are few, rather than by trying every word.
 */
function headsOf(text: string): { index: number; end: number; head: string }[] {
  const out: { index: number; end: number; head: string }[] = [];
  for (const needle of [' of ', ' for ']) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      // the heads are capitalised ASCII words: lower-case letters back to a capital
      let start = at;
      while (start > 0 && at - start < 20 && isLowerAscii(text.charCodeAt(start - 1))) start--;
      const first = text.charCodeAt(start - 1);
      if (start === at || !(first >= 65 && first <= 90)) continue;
      start--;
      if (start > 0 && LETTER_OR_MARK.test(text[start - 1])) continue;
      const head = text.slice(start, at);
      if (!ORG_HEADS.has(head) && !PLACE_HEADS.has(head)) continue;
      OF_NAME.lastIndex = at;
      const of = OF_NAME.exec(text);
      if (of) out.push({ index: start, end: at + of[0].length, head });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}
