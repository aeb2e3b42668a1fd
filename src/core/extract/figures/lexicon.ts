/** English number words: cardinals, scales and the ordinals that name fractions. Keys are lower case. */

export const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['nought', 0], ['naught', 0],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
]);

export const TEENS: ReadonlyMap<string, number> = new Map([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/** Multipliers that close a group ("two million three hundred"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['lakh', 1e5], ['lakhs', 1e5], ['lac', 1e5], ['crore', 1e7], ['crores', 1e7],
]);

/** Abbreviated scales written after a numeral, glued ("$1bn", "10k") or spaced ("2.33 k", "10 bln"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['MM', 1e6], ['mm', 1e6], ['mn', 1e6], ['mln', 1e6], ['mil', 1e6],
  ['b', 1e9], ['B', 1e9], ['bn', 1e9], ['bln', 1e9], ['G', 1e9], ['tn', 1e12], ['tln', 1e12], ['T', 1e12], ['trn', 1e12],
]);

/** Ordinals in the singular, as denominators ("a fifth", "one hundredth") or parts of compounds ("twenty-first"). */
const ORDINAL_UNITS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70], ['eightieth', 80],
  ['ninetieth', 90], ['hundredth', 100], ['thousandth', 1e3], ['millionth', 1e6], ['billionth', 1e9], ['trillionth', 1e12],
  ['half', 2], ['quarter', 4],
]);

export interface Denominator {
  value: number;
  plural: boolean;
  /** "first"/"second" alone are ordinals, never denominators; only their compounds are ("twenty-first"). */
  compoundOnly: boolean;
}

/** "thirds" → 3 plural, "quarter" → 4, "halves" → 2. */
export function denominatorOf(word: string): Denominator | undefined {
  const w = word.toLowerCase();
  if (w === 'halves') return { value: 2, plural: true, compoundOnly: false };
  const singular = ORDINAL_UNITS.get(w);
  if (singular !== undefined) return { value: singular, plural: false, compoundOnly: singular < 3 && w !== 'half' };
  if (w.endsWith('s')) {
    const base = ORDINAL_UNITS.get(w.slice(0, -1));
    if (base !== undefined && w !== 'halfs') return { value: base, plural: true, compoundOnly: base < 3 };
  }
  return undefined;
}

export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2], ['⅓', 1 / 3], ['⅔', 2 / 3], ['¼', 1 / 4], ['¾', 3 / 4], ['⅕', 1 / 5], ['⅖', 2 / 5], ['⅗', 3 / 5],
  ['⅘', 4 / 5], ['⅙', 1 / 6], ['⅚', 5 / 6], ['⅛', 1 / 8], ['⅜', 3 / 8], ['⅝', 5 / 8], ['⅞', 7 / 8],
]);

/** Word-level digit strings after "point": "point seventy-one" reads 71, "point zero three" reads 03. */
export function isNumberWord(w: string): boolean {
  return UNITS.has(w) || TEENS.has(w) || TENS.has(w) || w === 'hundred' || SCALES.has(w);
}
