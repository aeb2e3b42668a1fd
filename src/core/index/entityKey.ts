/**
 * Entity identity across articles. A name's key is its type plus its normalized canonical form, so
 * "U.S.", "US" and "United States" (all PLACE) share one key, while "Jordan" the PERSON and "Jordan"
 * the PLACE stay apart.
 */
import type { NameType } from '../extract/types';
import { NAME_TYPES, isNameType } from '../extract/types';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const SPACED_INITIALS = /(?:^| )\p{L} \p{L}(?: |$)/u;
const SPACE_BETWEEN_INITIALS = /(?<=(?:^| )\p{L}) (?=\p{L}(?: |$))/gu;

/**
 * `${type}:${normalized canonical}`, e.g. "PERSON:pete hegseth". Inside the corpus index a name the
 * registry does not curate is keyed without a type (`UNTYPED_PREFIX` + name) and shown under the type the
 * workspace decides for it.
 */
export type EntityKey = string;

/**
 * Widely used alternative names of a few states and blocs. General knowledge, kept tiny on purpose:
 * anything corpus-specific belongs in the analyst's registry, which overrides this table.
 */
const WELL_KNOWN_EQUIVALENTS: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  'united states of america': 'united states',
  uk: 'united kingdom',
  'great britain': 'united kingdom',
  eu: 'european union',
  un: 'united nations',
  uae: 'united arab emirates',
};

const POSSESSIVE = /['\u2019]s?$/u;
const LEADING_ARTICLE = /^the\s+/;

/**
 * Case-, punctuation- and spacing-insensitive form of a name: "the U.S.'s" → "us", "Nato" = "NATO",
 * "J. D. Vance" = "JD Vance".
 */
export function normalizeName(name: string): string {
  let s = name.normalize('NFKC').trim().replace(POSSESSIVE, '');
  // periods carry no identity ("U.S." = "US"); dashes and runs of spaces become one space
  s = s.replace(/\./g, '').replace(/[\s\u00a0\-\u2010-\u2015_]+/gu, ' ');
  s = s.toLowerCase().replace(LEADING_ARTICLE, '').trim();
  // initials are one word however they are spaced: "J. D. Vance" = "JD Vance"
  if (SPACED_INITIALS.test(s)) s = s.replace(SPACE_BETWEEN_INITIALS, '');
  return WELL_KNOWN_EQUIVALENTS[s] ?? s;
}

/** The prefix of the corpus index's internal key for a name the registry does not curate. */
export const UNTYPED_PREFIX = '~:';

export function entityKey(type: NameType, canonical: string): EntityKey {
  return `${type}:${normalizeName(canonical)}`;
}

export function entityKeyType(key: EntityKey): NameType | undefined {
  const type = key.slice(0, key.indexOf(':'));
  return (NAME_TYPES as readonly string[]).includes(type) ? (type as NameType) : undefined;
}

export { isNameType };

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'la', 'du', '&']);

/** "north atlantic treaty organization" → "nato"; undefined for one-word names. */
export function initialsOf(normalized: string): string | undefined {
  const words = normalized.split(' ').filter((w) => w && !ACRONYM_SKIP.has(w));
  if (words.length < 2) return undefined;
  return words.map((w) => w[0]).join('');
}

/** The last word of a multi-word person name ("pete hegseth" → "hegseth"); undefined for one word. */
export function surnameOf(normalized: string): string | undefined {
  const space = normalized.lastIndexOf(' ');
  return space < 0 ? undefined : normalized.slice(space + 1);
}
