import type { NameType, Span } from '../types';
import { canonicalPlace } from './placeAliases';

/**
 * Document-level decisions that a token-level detector cannot make alone:
 * - in title-cased headlines capitalisation says little, so a multi-word name is kept there only when the
 *   same string is also recognized in running text (its confirmed parts are then found by propagation);
 * - names headed by a law, treaty or programme noun are MISC, as the guidelines type documents and events;
 * - every mention of one string gets the type most of its mentions received.
 */

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'is', 'vs', 'via', 'amid', 'over', 'after', 'into']);
const DOCUMENT_HEADS = new Set([
  'Act', 'Treaty', 'Initiative', 'Strategy', 'Agreement', 'Accord', 'Accords', 'Convention', 'Declaration', 'Doctrine',
  'Charter', 'Protocol', 'Programme', 'Program', 'Plan', 'Bill', 'Review', 'Report', 'Summit', 'War', 'Games', 'Crisis', 'Revolution',
]);

/** Shorter title-cased lines are usually name lists or table rows, where capitals do mark names. */
const MIN_HEADLINE_WORDS = 4;

/** Ranges [start, end) of lines in which nearly every word is capitalised. */
export function titleCaseLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[0].match(/[\p{L}][\p{L}\p{M}'’.-]*/gu) ?? [];
    const content = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
    if (content.length < MIN_HEADLINE_WORDS || /\d/.test(m[0])) continue;
    // ALL-CAPS lines are left to the tagger, which learned them from newswire headlines.
    if (content.every((w) => w === w.toUpperCase())) continue;
    const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (capitalised / content.length >= 0.8) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function insideAny(ranges: [number, number][], start: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start < ranges[mid][0]) hi = mid - 1;
    else if (start >= ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export function applyDocumentConsistency(text: string, spans: Span[]): Span[] {
  const headlines = titleCaseLines(text);
  const inRunningText = new Set(spans.filter((s) => !insideAny(headlines, s.start)).map((s) => s.text));
  // Single words are kept: the tagger's word-level evidence survives title case better than its phrase boundaries.
  const kept = spans.filter((s) => !insideAny(headlines, s.start) || inRunningText.has(s.text) || !/\s/.test(s.text));

  for (const s of kept) {
    const words = s.text.split(/\s+/);
    if (words.length > 1 && DOCUMENT_HEADS.has(words[words.length - 1]) && s.type !== 'PERSON') s.type = 'MISC';
    if (words[0] === 'Operation' && words.length > 1) s.type = 'MISC';
    if (canonicalPlace(s.text)) s.type = 'PLACE';
  }

  // A surname or first name of a person named in full is that person, whatever the detector said.
  const personParts = new Set<string>();
  for (const s of kept) {
    if (s.type !== 'PERSON') continue;
    const words = s.text.split(/\s+/);
    if (words.length > 1) for (const w of words) if (/^\p{Lu}\p{Ll}/u.test(w)) personParts.add(w);
  }
  for (const s of kept) if (personParts.has(s.text)) s.type = 'PERSON';

  const votes = new Map<string, Map<NameType, number>>();
  for (const s of kept) {
    let v = votes.get(s.text);
    if (!v) votes.set(s.text, (v = new Map()));
    v.set(s.type as NameType, (v.get(s.type as NameType) ?? 0) + 1);
  }
  for (const s of kept) {
    const v = votes.get(s.text)!;
    if (v.size < 2) continue;
    let best: NameType = s.type as NameType;
    for (const [type, n] of v) if (n > (v.get(best) ?? 0)) best = type;
    s.type = best;
  }
  return kept;
}
