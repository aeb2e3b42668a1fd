/**
 * Currency vocabulary → ISO 4217 codes. A bare "$" or "dollars" is read as US dollars and "pounds" as
 * sterling, because that is what English-language news means unless it says otherwise; "cents" and
 * "pence" are hundredths of those.
 */

/** Symbols written before or after the amount. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'],
  ['₿', 'BTC'], ['₦', 'NGN'], ['₱', 'PHP'], ['₪', 'ILS'], ['฿', 'THB'], ['₫', 'VND'], ['₴', 'UAH'], ['₡', 'CRC'],
  ['₾', 'GEL'], ['₭', 'LAK'], ['元', 'CNY'], ['ரூ', 'LKR'], ['₸', 'KZT'], ['₲', 'PYG'], ['₵', 'GHS'], ['₼', 'AZN'],
]);

/** Letters written right before "$" ("US$", "C$", "HK$", "c $" in tokenized text). */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['u.s', 'USD'], ['u.s.', 'USD'], ['usd', 'USD'], ['c', 'CAD'], ['ca', 'CAD'], ['can', 'CAD'],
  ['cad', 'CAD'], ['a', 'AUD'], ['au', 'AUD'], ['aud', 'AUD'], ['nz', 'NZD'], ['nzd', 'NZD'], ['hk', 'HKD'],
  ['hkd', 'HKD'], ['s', 'SGD'], ['sg', 'SGD'], ['r', 'BRL'], ['mex', 'MXN'], ['mxn', 'MXN'], ['nt', 'TWD'],
]);

/** Prefixes that may stand apart from "$" ("c $ 16.4 million"); "a $5 deal" is an article, so "a" may not. */
export const SPACED_DOLLAR_PREFIXES: ReadonlySet<string> = new Set(['us', 'c', 'hk', 'nz', 'u.s', 'u.s.']);

/** ISO codes accepted in any letter case; codes that are also English words ("ALL", "TRY", "CUP") are left out. */
export const ISO_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'INR', 'CAD', 'AUD', 'NZD', 'CHF', 'HKD', 'SGD', 'SEK', 'NOK', 'DKK',
  'PLN', 'CZK', 'HUF', 'RUB', 'UAH', 'KRW', 'BRL', 'MXN', 'ZAR', 'TWD', 'THB', 'IDR', 'MYR', 'PHP', 'VND', 'ILS',
  'SAR', 'AED', 'QAR', 'KWD', 'EGP', 'NGN', 'KES', 'PKR', 'BDT', 'LKR', 'ARS', 'CLP', 'COP', 'BTC', 'XBT', 'ISK',
  'RON', 'BGN', 'RSD', 'KZT', 'XAF', 'XOF',
]);

/** The code an ISO-like token stands for ("rmb" is the renminbi). */
export function isoOf(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (!ISO_CODES.has(upper)) return undefined;
  if (upper === 'RMB') return 'CNY';
  if (upper === 'XBT') return 'BTC';
  return upper;
}

export interface CurrencyName {
  code: string;
  /** 100 for "cents", 1e8 for "satoshis": the amount is divided by it. */
  divisor: number;
}

/**
 * Currency names, singular and plural, with optional nationality ("australian dollars"). Keys are the
 * lower-cased words joined by single spaces; longer keys are tried first.
 */
export const CURRENCY_NAMES: ReadonlyMap<string, CurrencyName> = new Map(
  ([
    ['dollar', 'USD'], ['us dollar', 'USD'], ['u.s. dollar', 'USD'], ['american dollar', 'USD'],
    ['united states dollar', 'USD'], ['canadian dollar', 'CAD'], ['australian dollar', 'AUD'],
    ['new zealand dollar', 'NZD'], ['hong kong dollar', 'HKD'], ['singapore dollar', 'SGD'], ['taiwan dollar', 'TWD'],
    ['new taiwan dollar', 'TWD'], ['euro', 'EUR'], ['pound', 'GBP'], ['pound sterling', 'GBP'], ['british pound', 'GBP'],
    ['sterling', 'GBP'], ['egyptian pound', 'EGP'], ['yen', 'JPY'], ['japanese yen', 'JPY'], ['yuan', 'CNY'],
    ['chinese yuan', 'CNY'], ['renminbi', 'CNY'], ['kuai', 'CNY'], ['rupee', 'INR'], ['indian rupee', 'INR'],
    ['pakistani rupee', 'PKR'], ['sri lankan rupee', 'LKR'], ['rouble', 'RUB'], ['ruble', 'RUB'],
    ['russian rouble', 'RUB'], ['russian ruble', 'RUB'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'],
    ['south korean won', 'KRW'], ['franc', 'FRF'], ['french franc', 'FRF'], ['swiss franc', 'CHF'],
    ['belgian franc', 'BEF'], ['cfa franc', 'XOF'], ['deutsche mark', 'DEM'], ['deutschmark', 'DEM'],
    ['german mark', 'DEM'], ['finnish markka', 'FIM'], ['markka', 'FIM'], ['peseta', 'ESP'], ['lira', 'ITL'],
    ['italian lira', 'ITL'], ['turkish lira', 'TRY'], ['guilder', 'NLG'], ['dutch guilder', 'NLG'], ['krona', 'SEK'],
    ['swedish krona', 'SEK'], ['krone', 'NOK'], ['norwegian krone', 'NOK'], ['danish krone', 'DKK'], ['zloty', 'PLN'],
    ['zlotys', 'PLN'], ['forint', 'HUF'], ['koruna', 'CZK'], ['brazilian real', 'BRL'], ['reais', 'BRL'],
    ['peso', 'MXN'], ['mexican peso', 'MXN'], ['argentine peso', 'ARS'], ['rand', 'ZAR'], ['south african rand', 'ZAR'],
    ['shekel', 'ILS'], ['riyal', 'SAR'], ['saudi riyal', 'SAR'], ['dirham', 'AED'], ['naira', 'NGN'], ['baht', 'THB'],
    ['ringgit', 'MYR'], ['rupiah', 'IDR'], ['dinar', 'KWD'], ['bitcoin', 'BTC'], ['kroner', 'DKK'], ['kronor', 'SEK'],
    ['lari', 'GEL'], ['kip', 'LAK'], ['colón', 'CRC'], ['tenge', 'KZT'],
  ] as const).flatMap(([name, code]) => [
    [name, { code, divisor: 1 }],
    [pluralOf(name), { code, divisor: 1 }],
  ] as [string, CurrencyName][]).concat([
    ['cent', { code: 'USD', divisor: 100 }], ['cents', { code: 'USD', divisor: 100 }],
    ['penny', { code: 'GBP', divisor: 100 }], ['pence', { code: 'GBP', divisor: 100 }], ['pennies', { code: 'GBP', divisor: 100 }],
    ['satoshi', { code: 'BTC', divisor: 1e8 }], ['satoshis', { code: 'BTC', divisor: 1e8 }],
    ['mao', { code: 'CNY', divisor: 10 }], ['fen', { code: 'CNY', divisor: 100 }],
  ]),
);

function pluralOf(name: string): string {
  if (/(?:yen|yuan|renminbi|kuai|won|rand|baht|ringgit|rupiah|naira|kip|tenge|lari|sterling|markka|kroner|kronor|reais|hryvnias|zlotys)$/.test(name)) return name;
  if (name.endsWith('krona')) return name.slice(0, -1) + 'or';
  if (name.endsWith('krone')) return name + 'r';
  if (name.endsWith('real')) return name.slice(0, -4) + 'reais';
  if (name.endsWith('lira')) return name.slice(0, -4) + 'lire';
  if (name.endsWith('peso') || name.endsWith('euro')) return name + 's';
  if (name.endsWith('colón')) return name.slice(0, -5) + 'colones';
  return name + 's';
}

/** Longest currency name, in words, for the lookahead. */
export const MAX_CURRENCY_NAME_WORDS = 3;

/** A currency as a subunit of another ("cents" after "dollars"): the divisor, for "3 dollars 50 cents". */
export function isMinorUnitWord(word: string): boolean {
  return word === 'cent' || word === 'cents' || word === 'penny' || word === 'pence';
}

/**
 * Countries whose currency is also written "$", with the words that name them in their own news (the country,
 * its people, its capital and largest cities or provinces), and the United States, which a bare "$" means unless
 * the text is about one of them.
 */
const DOLLAR_COUNTRIES: readonly { code: string; words: string }[] = [
  { code: 'CAD', words: 'Canada|Canadians?|Ottawa|Toronto|Montreal|Vancouver|Calgary|Ontario|Quebec|Alberta' },
  { code: 'AUD', words: 'Australia|Australians?|Canberra|Sydney|Melbourne|Brisbane|Queensland' },
  { code: 'NZD', words: 'New Zealand(?:ers?)?|Wellington|Auckland' },
  { code: 'SGD', words: 'Singapore(?:ans?)?' },
  { code: 'HKD', words: 'Hong Kong(?:ers?)?' },
  { code: 'USD', words: 'United States|U\\.S\\.|US|USA|America|Americans?|Washington' },
];
const DOLLAR_COUNTRY_WORDS = new RegExp(
  DOLLAR_COUNTRIES.map((c, i) => `(?<c${i}>${c.words})`).join('|').replace(/^/, '(?<![A-Za-z])(?:') + ')(?![A-Za-z])', 'g');
/** How many mentions make a country the one a text is about, and how many times those of the United States. */
const HOME_MENTIONS = 3;
const HOME_OVER_US = 2;

/**
 * The currency a bare "$" stands for in this text: a country's own dollar when the text is about that country
 * (named at least three times, and more than twice as often as the United States), else US dollars. A Canadian
 * budget release writes "$61.9 billion" for Canadian dollars; a US report on Canada still writes US dollars.
 */
export function homeDollar(text: string): string {
  const counts = new Array<number>(DOLLAR_COUNTRIES.length).fill(0);
  for (const m of text.matchAll(DOLLAR_COUNTRY_WORDS)) {
    const groups = m.groups ?? {};
    for (let i = 0; i < DOLLAR_COUNTRIES.length; i++) if (groups[`c${i}`] !== undefined) { counts[i]++; break; }
  }
  const us = counts[DOLLAR_COUNTRIES.length - 1];
  let best = -1;
  for (let i = 0; i < DOLLAR_COUNTRIES.length - 1; i++) {
    if (counts[i] >= HOME_MENTIONS && counts[i] > HOME_OVER_US * us && (best < 0 || counts[i] > counts[best])) best = i;
  }
  return best < 0 ? 'USD' : DOLLAR_COUNTRIES[best].code;
}
