/**
 * Counted nouns and the verbs that agree with them, for every sentence the extension shows: "1 article",
 * "60 entities", "1 other article gives", "3 other articles give". English only, like the extractor.
 */

/** Plurals no rule below produces. Keys are lower-case singulars. */
const IRREGULAR: Readonly<Record<string, string>> = {
  person: 'people',
  child: 'children',
  analysis: 'analyses',
  index: 'indexes',
  criterion: 'criteria',
  datum: 'data',
};

/** "entity" → "entities", "match" → "matches", "day" → "days"; the last word of a phrase is the one inflected. */
export function pluralOf(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/su.exec(noun);
  if (!match) return noun;
  const [, head, word] = match;
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  let inflected: string;
  if (irregular) inflected = word[0] === word[0].toUpperCase() ? irregular[0].toUpperCase() + irregular.slice(1) : irregular;
  else if (/[^aeiou]y$/i.test(word)) inflected = `${word.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/i.test(word)) inflected = `${word}es`;
  else inflected = `${word}s`;
  return head + inflected;
}

/** The noun for a count, without the number: `noun(1, 'entity')` → "entity", `noun(2, 'entity')` → "entities". */
export function noun(count: number, singular: string, pluralForm?: string): string {
  return count === 1 ? singular : pluralForm ?? pluralOf(singular);
}

/** The count and its noun: `plural(60, 'entity')` → "60 entities", `plural(1, 'other article')` → "1 other article". */
export function plural(count: number, singular: string, pluralForm?: string): string {
  return `${count.toLocaleString('en-US')} ${noun(count, singular, pluralForm)}`;
}

/**
 * A present-tense verb agreeing with a count, from its third-person singular: `verb(1, 'gives')` → "gives",
 * `verb(3, 'gives')` → "give"; "is"/"are" and "has"/"have" too.
 */
export function verb(count: number, singular: string): string {
  if (count === 1) return singular;
  if (singular === 'is') return 'are';
  if (singular === 'has') return 'have';
  if (singular === 'was') return 'were';
  if (singular === 'does') return 'do';
  if (/[^aeiou]ies$/i.test(singular)) return `${singular.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/i.test(singular)) return singular.slice(0, -2);
  return singular.endsWith('s') ? singular.slice(0, -1) : singular;
}

/** A count, its noun and the verb agreeing with it: `counted(1, 'other article', 'gives')` → "1 other article gives". */
export function counted(count: number, singular: string, verbSingular: string): string {
  return `${plural(count, singular)} ${verb(count, verbSingular)}`;
}
