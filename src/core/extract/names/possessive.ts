import type { NameMention } from '../types';
import { canonicalPlace } from './placeAliases';
import { TITLE_WORDS } from './titles';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/** A possessive inside a name, before a space and a capital: "Le Pen's National Rally", "Wilders' Party". */
const INNER_POSSESSIVE = /(?<=\p{L})(?:['’][sS]|(?<=s)['’])(?=[ \t]+\p{Lu})/gu;
const STARTS_UPPER = /^\p{Lu}/u;

/**
 * Words whose possessive belongs to a name of its own ("Republican People's Party", "King's College",
 * "Queen's Speech", "Women's Institute", "Lloyd's of London" is one word): a name holding one of these
 * before its possessive is kept whole.
 */
const OWN_POSSESSORS = new Set([
  'people', 'king', 'queen', 'women', 'woman', 'children', 'child', 'men', 'workers', 'worker', 'farmers', 'citizens',
  'veterans', 'lord', 'lords', 'god', 'saint', 'st', 'st.', 'mother', 'father', 'mothers', 'fathers', 'boys', 'girls',
  'ladies', 'traders', 'teachers', 'doctors', 'employers', 'writers', 'artists', 'soldiers', 'seamen', 'nations',
  'lloyd', 'prince', 'princess', 'bishop', 'president', 'governor', 'mayor', 'chancellor', 'speaker', 'members',
  'new', 'year', 'valentine', 'devil', 'angel', 'martyrs', 'heroes', 'patriots', 'pilgrims',
  // the members a union, association or fund is named after ("British Airline Pilots' Association")
  'pilots', 'nurses', 'miners', 'drivers', 'students', 'journalists', 'taxpayers', 'consumers', 'shareholders',
  'investors', 'employees', 'pensioners', 'growers', 'producers', 'manufacturers', 'engineers', 'officers',
  'firefighters', 'lawyers', 'physicians', 'dentists', 'retailers', 'owners', 'landlords', 'tenants', 'residents',
  'parents', 'survivors', 'victims', 'sailors', 'airmen', 'servicemen', 'peasants', 'fishermen', 'dockers',
  'musicians', 'actors', 'athletes', 'players', 'cricketers', 'footballers', 'physiotherapists', 'midwives',
  'pharmacists', 'surgeons', 'clinicians', 'scientists', 'educators', 'professors', 'lecturers', 'librarians',
  'brewers', 'bankers', 'brokers', 'builders', 'exporters', 'importers', 'truckers', 'hauliers', 'seafarers',
]);

/**
 * A name the detector ran across a possessive ("Marine Le Pen's National Rally", "Geert Wilders' Party for
 * Freedom", "Alphabet's Google") is two names: the owner and what it owns, as the guidelines annotate them.
 * The part after the possessive keeps the detector's type; the owner is a person when it is two or more
 * capitalised words, a place when it is a known place's short form, else an organization (a company's
 * owner); the document's own votes then settle a type the owner has elsewhere.
 */
export function splitAtPossessives(text: string, raws: Iterable<NameMention>): NameMention[] {
  const out: NameMention[] = [];
  for (const raw of raws) {
    if (!hasApostrophe(text, raw.start, raw.end)) { out.push(raw); continue; }
    const surface = text.slice(raw.start, raw.end);
    let from = raw.start;
    let split = false;
    for (const m of surface.matchAll(INNER_POSSESSIVE)) {
      const at = raw.start + m.index;
      const owner = text.slice(from, at).trim();
      const words = owner.split(/\s+/);
      const last = words[words.length - 1];
      if (!owner || !STARTS_UPPER.test(words[0]) || OWN_POSSESSORS.has(last.toLowerCase()) || TITLE_WORDS.has(last)) continue;
      const type = words.length >= 2 && raw.type !== 'PLACE' ? 'PERSON' : canonicalPlace(owner) ? 'PLACE' : raw.type === 'PERSON' ? 'PERSON' : 'ORG';
      out.push({ ...raw, start: from, end: at, type });
      from = at + m[0].length;
      while (from < raw.end && /\s/.test(text[from])) from++;
      split = true;
    }
    if (!split) out.push(raw);
    else if (from < raw.end) out.push({ ...raw, start: from, end: raw.end });
  }
  return out;
}

/** Whether an apostrophe (' or ’) lies in start..end. */
function hasApostrophe(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 39 || c === 0x2019) return true;
  }
  return false;
}
