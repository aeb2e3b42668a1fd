/**
 * Words that name calendar units in English news text, as regex source fragments and lookup tables.
 * Fragments are plain alternations with no nested quantifiers, so the patterns built from them stay linear.
 */

/** Month names → 1-based month. Abbreviations are keyed without their period. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Weekday names → ISO weekday (Monday 1 … Sunday 7). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 7],
]);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
]);

export const CENTURY_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21], ['18th', 18], ['19th', 19],
  ['20th', 20], ['21st', 21],
]);

/** Decade words → the decade's digit within a century ("nineties" → 9). */
export const DECADE_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7],
  ['eighties', 8], ['nineties', 9],
]);

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASONS: ReadonlyMap<string, Season> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);
/** The month each season starts in (northern meteorological seasons). */
export const SEASON_START_MONTH: Readonly<Record<Season, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** A word, or the same word capitalized at a sentence start: "last" → "[Ll]ast". */
export function capitalizable(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
}

const alternation = (words: string[]): string => words.map(capitalizable).join('|');

/**
 * Month names, full or abbreviated with an optional period, factored by their first letters so the engine
 * rejects most positions after one character. Title case, or all capitals as in some datelines.
 */
export const MONTH_SRC =
  '(?:J(?:an(?:uary|\\.)?|u(?:ne|ly|n\\.?|l\\.?))|Feb(?:ruary|\\.)?|Ma(?:r(?:ch|\\.)?|y)|A(?:pr(?:il|\\.)?|ug(?:ust|\\.)?)|' +
  'Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?|' +
  'J(?:AN(?:UARY|\\.)?|U(?:NE|LY|N\\.?|L\\.?))|FEB(?:RUARY|\\.)?|MA(?:R(?:CH|\\.)?|Y)|A(?:PR(?:IL|\\.)?|UG(?:UST|\\.)?)|' +
  'SEP(?:T(?:EMBER|\\.)?|\\.)?|OCT(?:OBER|\\.)?|NOV(?:EMBER|\\.)?|DEC(?:EMBER|\\.)?)(?![A-Za-z])';

/** Weekday names, full or abbreviated with a period ("Thurs."), factored like the months. */
export const WEEKDAY_SRC =
  '(?:Mon(?:day|\\.)|Tu(?:esday|es?\\.)|Wed(?:nesday|\\.)|Thu(?:rsday|rs?\\.|\\.)|Fri(?:day|\\.)|Sat(?:urday|\\.)|Sun(?:day|\\.)|' +
  'MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?![A-Za-z])';

export const DAY_SRC = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d|:\\d)';
export const YEAR_SRC = '(?:1[6-9]\\d\\d|20\\d\\d)(?![\\d,.]\\d)(?!\\d)';
export const PART_OF_DAY_SRC = '(?:morning|afternoon|evening|night)';
export const SEASON_SRC = `(?:${alternation(['spring', 'summer', 'fall', 'autumn', 'winter'])})`;
export const NUMBER_WORD_SRC = `(?:${alternation([...NUMBER_WORDS.keys()].filter((w) => w !== 'a' && w !== 'an'))}|[Aa]n?|\\d{1,3})`;
export const ORDINAL_SRC = `(?:${alternation(['first', 'second', 'third', 'fourth'])}|1st|2nd|3rd|4th)`;
export const DECADE_WORD_SRC = `(?:${alternation([...DECADE_WORDS.keys()])})`;
export const CENTURY_ORDINAL_SRC = `(?:${alternation([...CENTURY_ORDINALS.keys()].filter((w) => /^[a-z]/.test(w)))}|18th|19th|20th|21st)`;
/** Clock times after a date in datelines: "08:03 AM EST", "3 p.m.". */
export const CLOCK_SRC =
  '(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?|(?:1[0-2]|0?[1-9])\\.[0-5]\\d\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm](?![A-Za-z]))|\\d{1,2}\\s?[AaPp]\\.[Mm]\\.|\\d{1,2}\\s?[AP]M|(?:1[0-2]|0?[1-9])\\s?[ap]m(?![A-Za-z]))(?:\\s(?:[A-Z]{2,4}T|[ECMP]T|UTC|GMT|EST|CST|MST|PST|BST|CET)(?:[+\\-−]\\d{1,2}(?::?\\d{2})?(?!\\d))?(?![A-Za-z]))?';

/** A clock time standing before a day ("9 a.m. Tuesday", "noon Thursday"): the clock forms plus noon and midnight. */
export const CLOCK_OR_NOON_SRC = `(?:${CLOCK_SRC}|${capitalizable('noon')}|${capitalizable('midnight')})`;

export function lookupMonth(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

export function lookupWeekday(word: string): number | undefined {
  return WEEKDAYS.get(word.toLowerCase().replace(/\.$/, ''));
}

export function lookupNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word.toLowerCase());
}
