import type { FigureToken } from './lexer';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * The counted noun after a numeral ("23 NATO nations" → "nation"): the first lower-case word after it,
 * skipping capitalised modifiers and words that look like adjectives, in the singular.
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'], ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['feet', 'foot'], ['teeth', 'tooth'],
  ['mice', 'mouse'], ['geese', 'goose'], ['lives', 'life'], ['knives', 'knife'], ['wives', 'wife'], ['halves', 'half'],
  ['criteria', 'criterion'], ['phenomena', 'phenomenon'], ['data', 'data'], ['media', 'media'], ['police', 'police'],
  ['staff', 'staff'], ['personnel', 'personnel'], ['aircraft', 'aircraft'], ['troops', 'troop'], ['series', 'series'],
  ['species', 'species'], ['news', 'news'], ['crises', 'crisis'], ['analyses', 'analysis'], ['bases', 'base'],
]);

export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length <= 3) return w.endsWith('s') && w.length === 3 && !w.endsWith('ss') ? w.slice(0, -1) : w;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (/oes$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** Words that end the search: a numeral followed by these counts nothing named. */
const STOP = new Set([
  'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'into', 'than', 'as', 'is', 'are', 'was',
  'were', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'do', 'did',
  'does', 'that', 'which', 'who', 'whom', 'whose', 'this', 'these', 'those', 'it', 'its', 'their', 'they', 'them',
  'he', 'she', 'we', 'you', 'i', 'a', 'an', 'the', 'said', 'says', 'per', 'percent', 'but', 'if', 'when', 'while',
  'after', 'before', 'since', 'until', 'about', 'more', 'less', 'fewer', 'out', 'up', 'down', 'over', 'under',
  'each', 'apiece', 'so', 'too', 'also', 'not', 'only', 'just', 'there', 'here', 'then', 'now', 'all',
  // a time after a number ("voted 68-31 late Friday", "rose 2% early on")
  'late', 'early', 'earlier', 'later', 'ago', 'last', 'next', 'yesterday', 'today', 'tomorrow', 'tonight',
]);

/** Frequent pre-nominal modifiers that are not caught by their ending. */
const MODIFIERS = new Set([
  'new', 'old', 'other', 'additional', 'extra', 'major', 'key', 'former', 'senior', 'top', 'small', 'large', 'big',
  'separate', 'main', 'more', 'further', 'different', 'young', 'armed', 'active', 'full', 'main', 'high', 'low',
  'long', 'short', 'great', 'few', 'many', 'several', 'leading', 'remaining', 'existing', 'allied', 'civilian',
  'foreign', 'domestic', 'local', 'national', 'federal', 'european', 'american', 'rare', 'nuclear', 'combat',
  'frontline', 'front', 'ground', 'fighter', 'member', 'partner', 'non', 'so', 'called', 'u', 's',
]);
const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ful|less|able|ible|ary|ese|ish|ian|ean|ed|est)$/;

/** A word that usually modifies a following noun ("diplomatic", "new", "armed"). */
export function looksLikeModifier(word: string): boolean {
  return MODIFIERS.has(word) || ADJECTIVE_ENDING.test(word);
}

export function countedNoun(toks: readonly FigureToken[], from: number): string | undefined {
  let lastCandidate: string | undefined;
  // "70,000 Palestinians have been", "five Democrats voted": a capitalised plural counted when no noun follows it
  let capitalisedPlural: string | undefined;
  for (let k = from; k < toks.length && k < from + 6; k++) {
    const t = toks[k];
    if (t.kind === 'sym') {
      // a full stop after a word or a number ends the sentence ("rose to 22,917. Rio Tinto jumped"); one
      // after a single letter is an abbreviation's ("23 U.S. troops")
      if (t.text === '.' && endsSentence(toks, k)) break;
      if (t.text === '.' || t.text === '-' || t.text === '\u2011' || t.text === "'" || t.text === '\u2019' || t.text === '&') continue;
      break;
    }
    if (t.kind !== 'word') break;
    if (STARTS_UPPER.test(t.text)) {
      if (k === from && CAPITALISED_PLURAL.test(t.text)) capitalisedPlural = t.text;
      continue;
    }
    const w = t.lower;
    if (STOP.has(w)) break;
    if (capitalisedPlural && k === from + 1) break;
    const next = toks[k + 1];
    // "20 basis points", "6 bps": the unit of interest rates and yields
    if (w === 'basis' && /^points?$/.test(next?.lower ?? '')) return 'basis point';
    if (w === 'bp' || w === 'bps') return 'basis point';
    const nextIsWord = next?.kind === 'word' && STARTS_LOWER.test(next.text) && !STOP.has(next.lower);
    if (nextIsWord && (MODIFIERS.has(w) || ADJECTIVE_ENDING.test(w))) {
      lastCandidate = w;
      continue;
    }
    return singular(w);
  }
  if (lastCandidate) return singular(lastCandidate);
  if (!capitalisedPlural) return undefined;
  const one = singular(capitalisedPlural.toLowerCase());
  return capitalisedPlural[0] + one.slice(1);
}

/** A capitalised plural such as a people's name ("Palestinians", "Democrats"); not an acronym ("NGOs" is fine, "US" is not). */
const CAPITALISED_PLURAL = /^\p{Lu}\p{Ll}{2,}s$/u;

/** Whether the full stop at token k ends a sentence: it follows a number or a word of two letters or more, or a line ends after it. */
function endsSentence(toks: readonly FigureToken[], k: number): boolean {
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (!prev || prev.end !== toks[k].start) return true;
  if (!next) return true;
  if (next.start === toks[k].end) return false; // "U.S": letters glued after the stop
  if (prev.kind === 'num') return true;
  return prev.kind === 'word' && prev.text.length >= 2 && !/^(?:[A-Z]|Mr|Mrs|Ms|Dr|St|No|Co|Inc|Ltd|Corp|Jr|Sr|vs|approx|est)$/.test(prev.text);
}
