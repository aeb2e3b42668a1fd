/**
 * Cheap language identification so that non-English articles are reported instead of tagged with
 * nonsense. A text is called non-English only on positive evidence: mostly non-Latin script, or more
 * function words of another common European language than of English. Tables, lists of names and
 * short texts have few function words of any language and stay English.
 */

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const LETTER_RUNS = /\p{L}+/gu;
const LETTER = /\p{L}/u;
const LATIN_WORD = /^\p{Script=Latin}+$/u;

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'be', 'by', 'on', 'not', 'he',
    'this', 'are', 'or', 'his', 'from', 'at', 'which', 'but', 'have', 'an', 'had', 'they', 'you', 'were', 'their', 'has',
    'been', 'will', 'would', 'who', 'its', 'said', 'also', 'after', 'into', 'about', 'over', 'than', 'when'],
  de: ['der', 'die', 'und', 'den', 'das', 'ist', 'nicht', 'ein', 'eine', 'sich', 'mit', 'dem', 'auf', 'auch', 'es', 'zu',
    'von', 'für', 'im', 'sie', 'wir', 'wird', 'sind', 'dass', 'nach', 'bei', 'noch', 'wie', 'einer', 'über', 'hat', 'aus'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'un', 'une', 'du', 'que', 'qui', 'dans', 'pour', 'pas', 'sur', 'au',
    'avec', 'il', 'elle', 'ce', 'sont', 'par', 'plus', 'aux', 'ont', 'été', 'mais', 'ou', 'leur', 'nous', 'cette'],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'que', 'en', 'un', 'una', 'es', 'por', 'con', 'para', 'se', 'no', 'su',
    'al', 'lo', 'como', 'más', 'pero', 'sus', 'le', 'ha', 'fue', 'este', 'esta', 'entre', 'sobre', 'también'],
  it: ['il', 'la', 'di', 'che', 'e', 'un', 'una', 'per', 'non', 'del', 'della', 'le', 'gli', 'dei', 'nel', 'con', 'si',
    'da', 'sono', 'è', 'al', 'alla', 'anche', 'più', 'come', 'ha', 'ma', 'questo', 'delle', 'degli', 'nella'],
  pt: ['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'que', 'em', 'um', 'uma', 'para', 'com', 'não', 'no',
    'na', 'por', 'se', 'mais', 'foi', 'ao', 'pelo', 'pela', 'seu', 'sua', 'são', 'também', 'está'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'voor', 'met', 'niet', 'aan', 'er', 'ook', 'als',
    'bij', 'door', 'wordt', 'werd', 'naar', 'maar', 'om', 'hij', 'zij', 'nog', 'dan', 'uit', 'over'],
};

const LANGUAGE_NAMES: Record<string, string> = { de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch' };
const LOOKUP = new Map<string, string[]>();
let longestFunctionWord = 0;
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words) {
    LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
    longestFunctionWord = Math.max(longestFunctionWord, w.length);
  }
}
/**
 * Words longer than this cannot be function words, so they skip lower-casing and the lookup: lower-casing
 * never shortens a word (no code point has a shorter lower case; "İ" even lengthens).
 */
const LOOKUP_MAX_LENGTH = longestFunctionWord;

/**
 * The ASCII function words by a number packed from their lower-case letters (a = 1 … z = 26, base 27, up to
 * PACKED_LENGTH letters): an ASCII word's number is its lower case's, so it is looked up without a string.
 */
const PACKED_LENGTH = 10;
const PACKED_LOOKUP = new Map<number, string[]>();
for (const [word, langs] of LOOKUP) {
  if (!/^[a-z]+$/.test(word) || word.length > PACKED_LENGTH) continue;
  let packed = 0;
  for (let k = 0; k < word.length; k++) packed = packed * 27 + (word.charCodeAt(k) - 96);
  PACKED_LOOKUP.set(packed, langs);
}

export interface LanguageVerdict {
  code: string;
  english: boolean;
  reason?: string;
}

const MIN_WORDS_FOR_VERDICT = 30;

export function detectLanguage(text: string): LanguageVerdict {
  // The first 4,000 characters (several hundred words) are enough for a verdict and keep this cheap.
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const { words, latin, counts } = wordCounts(sample);
  if (words < MIN_WORDS_FOR_VERDICT) return { code: 'en', english: true };
  if (latin / words < 0.5) {
    return { code: 'und', english: false, reason: 'English only: this text is mostly in a non-Latin script, so it was not analysed' };
  }
  const english = counts.get('en') ?? 0;
  let best = 'en';
  for (const [lang, n] of counts) if (n > (counts.get(best) ?? 0)) best = lang;
  const bestCount = counts.get(best) ?? 0;
  if (best !== 'en' && bestCount > english * 1.5 && bestCount / words > 0.1) {
    return { code: best, english: false, reason: `English only: this text looks ${LANGUAGE_NAMES[best]}, so it was not analysed` };
  }
  return { code: 'en', english: true };
}

interface WordCounts {
  /** runs of letters */
  words: number;
  /** of which in Latin script */
  latin: number;
  /** function words per language, languages in the order first met */
  counts: Map<string, number>;
}

/**
 * The words (runs of letters) of the sample, counted: how many, how many in Latin script, how many function
 * words of each language. Read character by character, with no string per word: a word of ASCII letters is
 * looked up by a number packed from its lower-case letters. A sample with a surrogate pair (a letter outside
 * the 16-bit range would be one) is left to the regular expression.
 */
function wordCounts(sample: string): WordCounts {
  const counts = new Map<string, number>();
  const count = (key: string | number): void => {
    const langs = typeof key === 'number' ? PACKED_LOOKUP.get(key) : LOOKUP.get(key);
    for (const lang of langs ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  };
  for (let k = 0; k < sample.length; k++) {
    const c = sample.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) return wordCountsByExpression(sample);
  }
  let words = 0;
  let latin = 0;
  let k = 0;
  while (k < sample.length) {
    if (!isLetterUnit(sample.charCodeAt(k))) { k++; continue; }
    const start = k;
    let ascii = true;
    let packed = 0;
    for (; k < sample.length; k++) {
      const c = sample.charCodeAt(k);
      if (!isLetterUnit(c)) break;
      if (c >= 128) ascii = false;
      else if (k - start < PACKED_LENGTH) packed = packed * 27 + ((c | 32) - 96);
    }
    words++;
    if (ascii || LATIN_WORD.test(sample.slice(start, k))) latin++;
    if (k - start > LOOKUP_MAX_LENGTH) continue;
    count(ascii && k - start <= PACKED_LENGTH ? packed : sample.slice(start, k).toLowerCase());
  }
  return { words, latin, counts };
}

function wordCountsByExpression(sample: string): WordCounts {
  const found = sample.match(LETTER_RUNS) ?? [];
  let latin = 0;
  const counts = new Map<string, number>();
  for (const w of found) {
    if (isLatin(w)) latin++;
    if (w.length > LOOKUP_MAX_LENGTH) continue;
    for (const lang of LOOKUP.get(w.toLowerCase()) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return { words: found.length, latin, counts };
}

/** A UTF-16 unit that is a letter on its own (the sample holds no surrogates when this is asked). */
function isLetterUnit(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(String.fromCharCode(c));
}

/** ASCII letters are the common case; only other words pay for the Unicode script test. */
function isLatin(word: string): boolean {
  return /^[A-Za-z]+$/.test(word) || LATIN_WORD.test(word);
}
