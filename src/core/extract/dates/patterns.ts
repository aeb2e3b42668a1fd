/**
 * The date phrase patterns. Each rule is one global regex built from the lexicon fragments plus a builder
 * that reads its groups into a DateExpression (or rejects the match). Every pattern is a sequence of
 * bounded pieces with no nested quantifiers, so scanning stays linear in the text length.
 */
import type { DateExpression, Unit } from './expression';
import { nthWeekdayOfMonth, isValidDay } from './calendar';
import {
  CENTURY_ORDINALS, CENTURY_ORDINAL_SRC, CLOCK_OR_NOON_SRC, CLOCK_SRC, DAY_SRC, DECADE_WORDS, DECADE_WORD_SRC, MONTH_SRC,
  NUMBER_WORD_SRC, ORDINALS, ORDINAL_SRC, PART_OF_DAY_SRC, SEASONS, SEASON_SRC, WEEKDAY_SRC, YEAR_SRC,
  capitalizable, lookupMonth, lookupNumber, lookupWeekday,
} from './lexicon';

export interface DateRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** Whether a bare leading "the" belongs to the phrase ("the 1990s", "the third quarter"). */
  readonly takesThe: boolean;
  /** A cheap test the whole text must pass before the pattern is worth running. */
  readonly requires?: RegExp;
  build(groups: Record<string, string | undefined>, text: string, start: number, end: number): DateExpression | undefined;
  /** The group that is the date phrase, when the rest of the match is context (the pattern has the `d` flag). */
  readonly only?: string;
}

const W = '\\s{1,3}';
/** A weekday shortened without a period, before a day and a month only ("Fri 10 Oct 2025"): alone, "Sat" and "Wed" are verbs. */
const WEEKDAY_SHORT_SRC = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?![A-Za-z.])';
/** A date line's time written with a point, which only its time zone tells from a decimal ("22.15 BST"). */
const DOT_CLOCK_SRC = '(?:[01]?\\d|2[0-3])\\.[0-5]\\d\\s(?:[A-Z]{2,4}T|UTC|GMT)(?![A-Za-z])';
const W0 = '\\s{0,3}';
/** Time zones a news page writes after a clock time, "GMT+2" with its offset. */
const ZONE_SRC = '(?:(?:GMT|UTC)[+\\-−]\\d{1,2}(?::?\\d{2})?(?!\\d)|GMT|BST|UTC|CET|CEST|EET|EEST|WET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST|KST|HKT|SGT|AEST|AEDT|NZST|NZDT|SAST|WAT|EAT|MSK)(?![A-Za-z])';
/** A clock time with its time zone: "14:05 GMT", "16.40 BST", "9am ET", "2.30pm GMT". */
const ZONED_CLOCK_SRC = `(?:(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?:\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm](?![A-Za-z])))?|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\\d)?\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm](?![A-Za-z])))\\s${ZONE_SRC}`;
/**
 * A time right before a full or partial date, which `scanDates` takes into the date's span and leaves out of its
 * value: a live page's time stamp ("16:40 GMT, 23 November 2026"), a time on the day ("7.45pm on Tuesday 8 December").
 */
export const TIME_BEFORE_DAY = new RegExp(`(?<![\\d:.])(?:${ZONED_CLOCK_SRC},?|${CLOCK_SRC}${W}on)${W}$`);

/** A clock time after a day: "next Sunday at 14:00", "today at 3pm" (group `stamp`: in the span, out of the value). */
const AT_CLOCK_SRC = `(?:,?${W}at${W}(?<stamp>(?:[01]?\\d|2[0-3]):[0-5]\\d(?:\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm](?![A-Za-z])))?(?:\\s${ZONE_SRC})?|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\\d)?\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm](?![A-Za-z]))(?![A-Za-z])(?:\\s${ZONE_SRC})?|noon|midnight))?`;
const WEEKDAY_FULL_SRC = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])';
const SHIFT_SRC = `(?:${capitalizable('this')}(?:${W}past|${W}coming)?|${capitalizable('last')}|${capitalizable('next')}|${capitalizable('coming')})`;
const RELATIVE_YEAR_SRC = `(?:${YEAR_SRC}|(?:this|last|next)${W}year)`;
const TODAY_IS_BEFORE = /\b(?:[Tt]oday\s{1,3}is|[Ii]t's|[Ii]t\s{1,3}is)\s{1,3}$/;
/** "nineteen ninety-four": groups cent, tens, ones. */
const SPOKEN_CENTURY_YEAR_SRC = `(?<cent>nineteen|${capitalizable('nineteen')})${W}(?<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?<ones>one|two|three|four|five|six|seven|eight|nine))?`;

function spokenYear(g: Record<string, string | undefined>): number | undefined {
  const tens = lookupNumber(g.tens ?? '') ?? 0;
  const ones = g.ones ? lookupNumber(g.ones) ?? 0 : 0;
  if (tens < 10 || (tens < 20 && ones > 0)) return undefined;
  return 1900 + tens + ones;
}

/** After a season: "and (early) summer of 2025", "to autumn 2024", another season with the year both share. */
const SEASON_JOINED_TO_YEAR = new RegExp(
  `^${W}(?:and|or|to|through|into)${W}(?:the${W})?(?:(?:early|late|mid)[\\s-]{1,3})?(?:${SEASON_SRC})${W}(?:of${W})?(${YEAR_SRC})(?![\\d])`, 'i');

/** Literal words some rules cannot match without; most articles lack most of them. */
const REQUIRED_WORDS: Record<string, RegExp> = {
  iso: /\d-\d\d-\d/, coordinatedDay: /\d,?\s{1,3}(?:and|or|&)\s{1,3}\d/, slashed: /\d\//, monthOfRelativeYear: /year/, monthThatYear: /year/, weekday: /day/,
  anaphoricWeekday: /previous|preceding|following/, clockDay: /\d\s?[AaPp]\.?[Mm]|\d:\d\d|noon|midnight/i, dayWord: /today|yesterday|tomorrow|tonight/i, relativeUnit: /week|month|year|quarter|decade|century/,
  anaphoricUnit: /day|week|month|year/, offset: /ago|earlier|later/, quarter: /quarter/, quarterCode: /Q[1-4]/, halfCode: /H[12](?![A-Za-z0-9])/,
  currentQuarter: /quarter|period/, periodYearBack: /year/, yearEarlier: /year-/i, yearPeriod: /quarter|period/, weekend: /weekend/,
  theYear: /year/, spokenYear: /nineteen|thousand/i, periodSpokenYear: /nineteen/i, half: /half/, twoQuarters: /two\s{1,3}quarters/, fiscalYear: /fiscal|financial|FY/i, decade: /0s|ties/,
  century: /century/, eventPeriod: /year|month|week|day/, season: /spring|summer|fall|autumn|winter/i, yearRange: /\d[-–—\s/]/, nineEleven: /9\/11/,
  weekOnWeekday: /week (?:on|from)/, stampLine: /(?:^|\n)[ \t]{0,8}\d{1,2}[:.ap]/i, relativeFiscalYear: /(?:fiscal|financial) year/, farYear: /\b21\d\d\b/, newYear: /new year/, elidedDay: /\d(?:\s{1,3}(?:and|or|&)\s{1,3}|[-–])\d/, hoursAgo: /(?:h|hrs?|hours?|m|mins?|minutes?)\s{1,3}ago/, zonedClock: /\d(?:[:.]\d\d)?\s?(?:[AaPp]\.?[Mm]\.?)?\s[A-Z]{2,4}(?![A-Za-z])/, holiday: /Christmas|Year's|Thanksgiving|Independence|Election|Valentine|Halloween|Labor|Memorial/,
};

function rule(
  name: string,
  source: string,
  takesThe: boolean,
  build: DateRule['build'],
): DateRule {
  // \b keeps matches at word starts; it lets the engine skip ahead faster than a lookbehind would.
  // Sources that open with an apostrophe ("'90s") carry their own boundary.
  const boundary = source.startsWith("'") ? '(?<![A-Za-z0-9])' : '\\b';
  return { name, pattern: new RegExp(`${boundary}${source}`, 'g'), takesThe, requires: REQUIRED_WORDS[name], build };
}

function shiftOf(word: string | undefined): -1 | 0 | 1 | undefined {
  const words = (word ?? '').toLowerCase().split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    switch (words[i]) {
      case 'last': case 'past': case 'previous': return -1;
      case 'this': case 'current': return 0;
      case 'next': case 'coming': return 1;
    }
  }
  return undefined;
}

/** "1990" → {year}; "last year" → {yearShift: -1}. */
function yearOrShift(source: string | undefined): { year?: number; yearShift?: number } {
  if (!source) return {};
  if (/^\d/.test(source)) return { year: Number(source) };
  return { yearShift: shiftOf(source) ?? 0 };
}

const SPELLED_NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)';
const NUMBER_WORD_BEFORE = new RegExp(`(?<![A-Za-z])${SPELLED_NUMBER_WORD}(?:-[a-z]+)?(?:\\s{1,3}and)?\\s{1,3}$`, 'i');
const NUMBER_WORD_AFTER = new RegExp(`^(?:\\s{1,3}and)?\\s{1,3}${SPELLED_NUMBER_WORD}(?![A-Za-z])`, 'i');

/**
 * A spoken year is only a year when it stands alone: in "two hundred and two thousand" or "two thousand
 * and two hundred" the words are one cardinal number.
 */
function insideSpelledNumber(text: string, start: number, end: number): boolean {
  return NUMBER_WORD_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || NUMBER_WORD_AFTER.test(text.slice(end, end + 30));
}

/** After "the quarter": "ended Sept. 30", "ending July 31". */
const QUARTER_ENDED = new RegExp(`^${W}end(?:ed|ing)${W}(${MONTH_SRC})${W}${DAY_SRC}`);

const UNIT_WORDS: Record<string, Unit> = {
  week: 'week', weekend: 'weekend', month: 'month', year: 'year', quarter: 'quarter', decade: 'decade', century: 'century',
};

function wordBefore(text: string, start: number): string {
  const m = /([A-Za-z]+)[^A-Za-z\n]{0,3}$/.exec(text.slice(Math.max(0, start - 20), start));
  return m ? m[1] : '';
}

function wordAfter(text: string, end: number): string {
  const m = /^[\s]{1,3}([A-Za-z][A-Za-z'-]*)/.exec(text.slice(end, end + 30));
  return m ? m[1] : '';
}

/** Words after which a capitalized month name is a date rather than a name or a verb. */
const MONTH_CUE_WORDS = new Set([
  'in', 'of', 'since', 'until', 'till', 'by', 'from', 'through', 'to', 'during', 'before', 'after', 'early', 'late', 'mid',
  'last', 'next', 'this', 'that', 'each', 'every', 'between', 'and', 'or', 'for', 'on', 'around', 'as', 'throughout',
]);

/** Words after "the March" that make it a march (a procession), not the month: "the March on Rome", "the March of Dimes". */
const MARCH_ROUTE_WORDS = new Set(['on', 'of', 'to', 'for', 'from', 'through', 'against', 'across', 'into', 'toward', 'towards', 'past', 'along', 'and']);

/**
 * Words of a game in the sentence around "the first half" that make it a half of a match, not of a year
 * ("scored twice in the second half", "a penalty in the first half").
 */
const MATCH_WORDS = /\b(?:scored?|scoring|goals?|penalty|penalties|equali[sz](?:er|ed)|kick-?off|half-?time|full-?time|minutes?|striker|goalkeeper|keeper|referee|substitutes?|innings|touchdowns?|tries|quarterback|match|game|fixture)\b/i;
/** How far on each side of a date the sentence around it is read. */
const SENTENCE_AROUND = 160;

/** The sentence around a match, cut at sentence ends and line breaks within reach. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - SENTENCE_AROUND), start);
  const after = text.slice(end, end + SENTENCE_AROUND);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const stops = [after.indexOf('. '), after.indexOf('\n'), after.indexOf('? '), after.indexOf('! ')].filter((i) => i >= 0);
  return before.slice(from + 1) + text.slice(start, end) + after.slice(0, stops.length ? Math.min(...stops) : after.length);
}

/** A capitalised word after a season ("the Fall Economic Statement"); a weekday or a month after it is none. */
const NAME_WORD_AFTER = /^\s{1,3}[A-Z][a-z]/;
const DATE_WORD_AFTER = /^\s{1,3}(?:[A-Z][a-z]+day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

/** Capitalised heads of names that end in a year ("Fall Economic Statement 2026", "Vision 2030", "Expo 2025"). */
const YEAR_NAMED_AFTER = /\b(?:Statement|Strategy|Plan|Review|Act|Vision|Agenda|Expo|Cup|Games|Olympics|Summit|Forum|Festival|Championships?|Census|Programme|Program|Update|Outlook|Budget)\s$/;

/** Words of public money: a split year ("2026-27") in their sentence is a fiscal year. */
const FISCAL_CONTEXT = /[$€£¥]\s?\d|\b(?:budgets?|deficits?|surplus|debt|borrowing|spending|spent|revenues?|tax(?:es)?|fiscal|financial\s+year|GDP|funding|expenditure|appropriations?)\b/i;
/** Nouns after a split year that make it two years of something else: "the 2025-26 season", "the 2026-27 school year". */
const SEASON_AFTER = /^\s{1,3}(?:season|campaign|school|academic|winter|term|session|edition)\b/i;

/** Nouns that, after a bare four-digit number, show it counts something rather than naming a year. */
const COUNTED_NOUN = /^(?:people|persons|men|women|children|troops|soldiers|shares|workers|employees|jobs|cars|units|tons|barrels|miles|meters|feet|acres|votes|dollars|pounds|euros|yen|points|cases|deaths|homes|houses|students|members|copies|residents|refugees|delegates|pages|words|rounds|hours|minutes|days|weeks|months|years|calories|kilometers|km|kg|mw|ft)$/i;


/**
 * What may follow a day joined to a month-day ("April 24 and 25 in Washington"): punctuation, the end of a line,
 * or a function word. A noun after the number shows it counts something ("June 2 or 3 people", "25 percent").
 */
const AFTER_JOINED_DAY_SRC = `(?=[,;:!?)\\]]|\\.(?!\\d)|\\s{0,3}\\n|\\s{0,3}$|\\s{1,3}(?:in|at|on|to|and|or|when|while|with|for|from|of|the|this|that|next|last|is|are|was|were|will|would|as|before|after|respectively)\\b)`;

export const DATE_RULES: readonly DateRule[] = [
  rule('iso', '(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d-])',
    false, (g) => {
      const year = Number(g.y), month = Number(g.m), day = Number(g.d);
      return isValidDay(year, month, day) ? { kind: 'calendar', year, month, day } : undefined;
    }),
  rule('slashed', '(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4})(?![\\d/])', false, (g) => {
    // US newswire order (month/day) unless the first part cannot be a month.
    let month = Number(g.a), day = Number(g.b);
    if (month > 12) [month, day] = [day, month];
    const year = Number(g.y);
    return isValidDay(year, month, day) ? { kind: 'calendar', year, month, day } : undefined;
  }),
  rule('monthDay',
    `(?:(?<wd>${WEEKDAY_SRC}|${WEEKDAY_SHORT_SRC}),?${W})?(?:(?<m1>${MONTH_SRC})${W}(?<d1>${DAY_SRC})|(?<d2>${DAY_SRC})${W}(?:of${W})?(?<m2>${MONTH_SRC}))` +
    // a clock after the date (a date line's time stamp, "12 February 2026 08:03 AM EST") is part of the phrase
    `(?:,?${W}(?<y>${YEAR_SRC}))?(?:,?${W}(?<stamp>${CLOCK_SRC}|${DOT_CLOCK_SRC}))?(?:${W}(?<pod>${PART_OF_DAY_SRC}))?`,
    false, (g) => {
      const month = lookupMonth(g.m1 ?? g.m2 ?? '');
      const day = parseInt(g.d1 ?? g.d2 ?? '', 10);
      if (month === undefined) return undefined;
      if (g.y) {
        const year = Number(g.y);
        return isValidDay(year, month, day) ? { kind: 'calendar', year, month, day } : undefined;
      }
      return isValidDay(2000, month, day) ? { kind: 'calendar', month, day } : undefined;
    }),
  // "April 24 and 25": the second day, in the month of the first (the first is a date of its own)
  {
    ...rule('coordinatedDay', `(?<m>${MONTH_SRC})${W}${DAY_SRC},?${W}(?:and|or|&)${W}(?<d>${DAY_SRC})${AFTER_JOINED_DAY_SRC}`, false, (g) => {
      const month = lookupMonth(g.m ?? '');
      const day = parseInt(g.d ?? '', 10);
      return month !== undefined && isValidDay(2000, month, day) ? { kind: 'calendar', month, day } : undefined;
    }),
    pattern: new RegExp(`\\b(?<m>${MONTH_SRC})${W}${DAY_SRC},?${W}(?:and|or|&)${W}(?<d>${DAY_SRC})${AFTER_JOINED_DAY_SRC}`, 'gd'),
    only: 'd',
  },
  // "between 8 and 22 September", "on 14 and 15 October": the first day, in the month written after the second
  {
    ...rule('elidedDay', `(?<d>${DAY_SRC})${W}(?:and|or|&)${W}${DAY_SRC}${W}(?:of${W})?(?<m>${MONTH_SRC})`, false, (g) => {
      const month = lookupMonth(g.m ?? '');
      const day = parseInt(g.d ?? '', 10);
      return month !== undefined && isValidDay(2000, month, day) ? { kind: 'calendar', month, day } : undefined;
    }),
    // and "21-22 March", a range of days: its first day
    pattern: new RegExp(`(?<![\\d.,:/£$€¥-])\\b(?<d>${DAY_SRC})(?:${W}(?:and|or|&)${W}|[-–])${DAY_SRC}${W}(?:of${W})?(?<m>${MONTH_SRC})`, 'gd'),
    only: 'd',
  },
  rule('monthYear', `(?<m>${MONTH_SRC})(?:${W}of)?,?${W}(?<y>${YEAR_SRC})`, false, (g) => {
    const month = lookupMonth(g.m ?? '');
    return month === undefined ? undefined : { kind: 'calendar', year: Number(g.y), month };
  }),
  rule('monthOfRelativeYear', `(?<m>${MONTH_SRC})${W}(?:of${W})?(?<shift>this|last|next)${W}year(?![A-Za-z-])`, false, (g) => {
    const month = lookupMonth(g.m ?? '');
    return month === undefined ? undefined : { kind: 'monthOfRelativeYear', month, yearShift: shiftOf(g.shift) ?? 0 };
  }),
  rule('monthThatYear', `(?:(?<m>${MONTH_SRC})${W}(?:of${W})?)?(?:that|the${W}same)${W}year(?![A-Za-z-])`, false, (g) => {
    const month = g.m ? lookupMonth(g.m) : undefined;
    return { kind: 'textYear', month };
  }),
  rule('relativeMonth', `(?<shift>${SHIFT_SRC})${W}(?<m>${MONTH_SRC})(?!\\.?${W}\\d)`, false, (g) => {
    const month = lookupMonth(g.m ?? '');
    const shift = shiftOf(g.shift);
    return month === undefined || shift === undefined ? undefined : { kind: 'relativeMonth', month, shift };
  }),
  rule('month', `(?<m>${MONTH_SRC})`, false, (g, text, start, end) => {
    const word = g.m ?? '';
    const month = lookupMonth(word);
    if (month === undefined) return undefined;
    // A bare abbreviation is too often something else ("Jan", "Mar"); the full name is needed.
    if (word.length <= 4 && word !== 'June' && word !== 'July' && word !== 'May') return undefined;
    const before = wordBefore(text, start);
    const next = wordAfter(text, end);
    if (/^[A-Z]/.test(next) && !/[,.;:]/.test(text.slice(end, end + 2))) return undefined; // "August Wilson"
    // "the March accession": March before a noun it dates, not a march somewhere ("the March on Rome")
    const attributive = word === 'March' && before.toLowerCase() === 'the' && /^[a-z]/.test(next) && !MARCH_ROUTE_WORDS.has(next);
    if ((word === 'May' || word === 'March') && !MONTH_CUE_WORDS.has(before.toLowerCase()) && !attributive) return undefined;
    if (/^[A-Z]/.test(before) && !/[.,;:!?\n]\s*$/.test(text.slice(start - 3, start)) && !MONTH_CUE_WORDS.has(before.toLowerCase()) && !attributive) {
      return undefined; // "General March"
    }
    return { kind: 'calendar', month };
  }),
  rule('weekday', `(?:(?<shift>${SHIFT_SRC})${W})?(?<wd>${WEEKDAY_FULL_SRC})(?:${W}(?<pod>${PART_OF_DAY_SRC}))?` +
    `(?:${W}of${W}(?<week>next|last|this|the${W}following|the${W}previous)${W}week(?![A-Za-z-]))?${AT_CLOCK_SRC}`,
    false, (g) => {
      const weekday = lookupWeekday(g.wd ?? '');
      if (weekday === undefined) return undefined;
      if (g.week) {
        if (g.shift) return undefined;
        const week = /next|following/.test(g.week) ? 1 : /last|previous/.test(g.week) ? -1 : 0;
        return { kind: 'weekday', weekday, week };
      }
      return { kind: 'weekday', weekday, shift: shiftOf(g.shift) };
    }),
  // a clock time before a day: "9 a.m. Tuesday", "4 a.m. EDT Thursday", "noon tomorrow" (the value is the day)
  rule('clockDay', `(?<clock>${CLOCK_OR_NOON_SRC}),?${W}(?:on${W})?(?:(?<wd>${WEEKDAY_FULL_SRC})|(?<w>today|yesterday|tomorrow)(?![A-Za-z]))`,
    false, (g) => {
      if (g.w) return { kind: 'dayOffset', days: g.w === 'yesterday' ? -1 : g.w === 'tomorrow' ? 1 : 0 };
      const weekday = lookupWeekday(g.wd ?? '');
      return weekday === undefined ? undefined : { kind: 'weekday', weekday };
    }),
  rule('anaphoricWeekday', `(?:the|The)${W}(?<dir>previous|preceding|following)${W}(?<wd>${WEEKDAY_FULL_SRC})`, false, (g) => {
    const weekday = lookupWeekday(g.wd ?? '');
    return weekday === undefined ? undefined : { kind: 'anaphoricWeekday', weekday, shift: g.dir === 'following' ? 1 : -1 };
  }),
  rule('dayWord', `(?:(?<before>the${W}day${W}before)${W}yesterday|(?<after>the${W}day${W}after)${W}tomorrow|` +
    `(?<w>${capitalizable('today')}|${capitalizable('yesterday')}|${capitalizable('tomorrow')}|${capitalizable('tonight')})` +
    `(?:${W}(?<pod>${PART_OF_DAY_SRC}))?)(?![A-Za-z])${AT_CLOCK_SRC}`, false, (g, text, start, end) => {
    if (g.before) return { kind: 'dayOffset', days: -2 };
    if (g.after) return { kind: 'dayOffset', days: 2 };
    // "the Today programme", "USA Today": capitalised inside a sentence after "the" or a word in capitals, or
    // before a programme noun, the word is a title, not a day (a title-case headline's "Meet Today" stays a day)
    if (g.w && /^[A-Z]/.test(g.w) && !/(?:^|[.!?:;"“”]\s{0,3}|\n\s{0,3})$/.test(text.slice(Math.max(0, start - 4), start)) &&
      (/(?:^|[^A-Za-z])(?:the|[A-Z]{2,})\s{1,3}$/.test(text.slice(Math.max(0, start - 12), start)) ||
        /^\s{1,3}(?:programme|program|show|newspaper)\b/.test(text.slice(end, end + 12)))) return undefined;
    const w = (g.w ?? '').toLowerCase();
    return { kind: 'dayOffset', days: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0 };
  }),
  rule('relativeUnit', `(?<shift>${SHIFT_SRC}|(?:${capitalizable('the')}${W})?current)${W}(?<unit>week|weekend|month|year|quarter|decade|century)(?![A-Za-z-])`,
    false, (g, text, start) => {
      const unit = UNIT_WORDS[g.unit ?? ''];
      const shift = shiftOf(g.shift);
      // "the next year" / "the last decade" are durations or anaphora, not the calendar unit around the reference.
      if (shift !== 0 && /\b[Tt]he\s+$/.test(text.slice(Math.max(0, start - 6), start))) return undefined;
      return unit && shift !== undefined ? { kind: 'relativeUnit', unit, shift } : undefined;
    }),
  rule('anaphoricUnit', `(?:${capitalizable('the')}${W}(?<dir>following|next|previous|prior)|(?<that>${capitalizable('that')}))${W}(?<unit>day|week|month|year)(?![A-Za-z-])`,
    false, (g, text, start, end) => {
      const unit = (g.unit ?? '') as Unit;
      if (/^\s{0,3}(?:of|to|or|and|,)\b/.test(text.slice(end, end + 6)) && g.dir) return undefined;
      if (g.that) return unit === 'year' ? { kind: 'textYear' } : { kind: 'anaphoricUnit', unit, shift: 0 };
      return { kind: 'anaphoricUnit', unit, shift: /^(?:following|next)$/i.test(g.dir ?? '') ? 1 : -1 };
    }),
  rule('offset', `(?<n>${NUMBER_WORD_SRC})[\\s-]{1,3}(?<unit>days?|weeks?|months?|years?|decades?)${W}(?<dir>ago|earlier|later)(?![A-Za-z])(?!${W}than)`,
    false, (g) => {
      const amount = lookupNumber(g.n ?? '');
      if (amount === undefined) return undefined;
      const unit = (g.unit ?? '').replace(/s$/, '') as 'day' | 'week' | 'month' | 'year' | 'decade';
      return { kind: 'offset', amount, unit, direction: (g.dir ?? 'ago') as 'ago' | 'earlier' | 'later' };
    }),
  rule('quarter', `(?:(?<rel>this${W}year's|last${W}year's|next${W}year's|(?:the${W})?(?:fiscal|year-earlier|year-ago|comparable|same)|fiscal-)${W0})?(?<ord>${ORDINAL_SRC})(?:-|${W})(?:fiscal${W})?quarters?(?![A-Za-z])` +
    // "the third quarter of 2026", and as report titles write it, "third quarter 2026"
    `(?:${W}of${W}(?:fiscal${W})?(?<y>${RELATIVE_YEAR_SRC})|${W}(?<y3>${YEAR_SRC}))?`, true, (g) => {
    const quarter = ORDINALS.get((g.ord ?? '').toLowerCase());
    if (quarter === undefined) return undefined;
    if (g.y3) return { kind: 'quarter', quarter, year: Number(g.y3) };
    const rel = (g.rel ?? '').toLowerCase();
    if (/year-(?:earlier|ago)/.test(rel)) return { kind: 'quarter', quarter, yearShift: -1 };
    const relYear = /^(this|last|next) year's/.exec(rel);
    if (relYear) return { kind: 'quarter', quarter, yearShift: shiftOf(relYear[1]) ?? 0 };
    return { kind: 'quarter', quarter, ...yearOrShift(g.y?.split(/\s+/)[0]) };
  }),
  rule('quarterCode', `(?:(?<y1>${YEAR_SRC})${W0})?Q(?<q>[1-4])(?![A-Za-z0-9])(?:${W0}(?<y2>${YEAR_SRC}))?`, false, (g) => {
    const y = g.y1 ?? g.y2;
    return { kind: 'quarter', quarter: Number(g.q), ...(y ? { year: Number(y) } : {}) };
  }),
  // "H1 2027", "2026 H2": a half-year as results write it
  rule('halfCode', `(?:(?<y1>${YEAR_SRC})${W0})?H(?<h>[12])(?![A-Za-z0-9])(?:${W0}(?<y2>${YEAR_SRC}))?`, false, (g, text, start, end) => {
    const y = g.y1 ?? g.y2;
    // without a year, only "in H1", "for H2" followed by no noun ("the H1 visa" names something else)
    if (!y && (!/\b(?:in|for|during|by|over|since|until)\s$/i.test(text.slice(Math.max(0, start - 8), start)) ||
      /^\s[A-Za-z]/.test(text.slice(end, end + 2)) && !/^\s(?:and|or|to|as|when|while|after|before|but)\b/.test(text.slice(end, end + 8)))) return undefined;
    return { kind: 'half', half: g.h === '1' ? 1 : 2, ...(y ? { year: Number(y) } : {}) };
  }),
  rule('currentQuarter', `(?:the|The)${W}(?:(?<adj>latest|current|fiscal|recent|most${W}recent|just-ended|past|previous|last)${W}quarter|quarter|latest${W}period)(?![A-Za-z-])(?!${W}(?:of|century))`,
    false, (g, text, _start, end) => {
      // "the quarter ended July 31": the three months up to that day, whatever the quarter the text named before
      const ended = QUARTER_ENDED.exec(text.slice(end, end + 24));
      const endsIn = ended ? lookupMonth(ended[1]) : undefined;
      return {
        kind: 'currentQuarter', previous: /^(?:past|previous|last)$/.test(g.adj ?? ''),
        ...(/^(?:latest|recent|most\s+recent|just-ended)$/.test(g.adj ?? '') ? { completed: true } : {}),
        ...(endsIn !== undefined ? { endsIn } : {}),
      };
    }),
  rule('yearEarlier', `(?:(?:the|The)${W}(?:comparable${W})?year-(?:earlier|ago)${W}(?<noun>quarter|period)|${capitalizable('year')}-(?:earlier|ago))(?![A-Za-z-])`, false,
    (g) => (g.noun ? { kind: 'yearEarlier', noun: g.noun as 'quarter' | 'period' } : { kind: 'yearEarlier' })),
  // "the quarter a year ago", "the corresponding period last year", "last year's quarter": the period under
  // discussion, a year back
  rule('periodYearBack', `(?:(?:the|The)${W}(?:(?:corresponding|comparable|same)${W})?(?<noun>quarter|period)${W}(?:a${W}year${W}(?:ago|earlier)|(?:of${W})?last${W}year)|${capitalizable('last')}${W}year's${W}(?<noun2>quarter|period))(?![A-Za-z-])`,
    false, (g) => ({ kind: 'yearEarlier', noun: (g.noun ?? g.noun2) as 'quarter' | 'period' })),
  rule('yearPeriod', `(?:the|The)${W}(?<y>${YEAR_SRC})${W}(?:(?<ord>${ORDINAL_SRC})${W})?(?<noun>quarter|period)(?![A-Za-z-])`, false, (g) => {
    const quarter = g.ord ? ORDINALS.get(g.ord.toLowerCase()) : undefined;
    if (quarter !== undefined) return { kind: 'quarter', quarter, year: Number(g.y) };
    return g.noun === 'quarter' ? { kind: 'yearQuarter', year: Number(g.y) } : { kind: 'yearPeriod', year: Number(g.y) };
  }),
  rule('eventPeriod', `(?:the|The)${W}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final)${W}(?<unit>year|month|week|day)(?=${W}of${W}|${W}in${W}office)`,
    false, (g, text, start) =>
      // "Today is the eighth day of the operation", "It's the second day of the strike": the day of the report
      (g.unit === 'day' && TODAY_IS_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ? { kind: 'dayOffset', days: 0 } : { kind: 'eventPeriod' })),
  rule('weekend', `(?:the|The)${W}weekend(?![A-Za-z-])`, false, () => ({ kind: 'bareWeekend' })),
  rule('theYear', `(?<=(?:[Ff]or|[Oo]f|[Dd]uring|[Ii]n|[Tt]hrough|[Tt]hroughout|[Bb]y)${W})(?:the|The)${W}(?:(?:full|current|fiscal|calendar)${W})?year(?![A-Za-z-])(?!${W}(?:of|before|after|earlier|later|ago|when|in${W}which|that|to${W}come|or|ended|ending|through|to))`,
    false, () => ({ kind: 'relativeUnit', unit: 'year', shift: 0 })),
  rule('spokenYear', `(?:(?<the>the${W}year${W})?${SPOKEN_CENTURY_YEAR_SRC}|(?:the${W}year${W})?two${W}thousand(?:${W}and)?(?:${W}(?<ones2>one|two|three|four|five|six|seven|eight|nine))?)(?![A-Za-z-])`,
    false, (g, text, start, end) => {
      if (insideSpelledNumber(text, start, end)) return undefined;
      if (g.cent) {
        const year = spokenYear(g);
        return year === undefined ? undefined : { kind: 'calendar', year };
      }
      return { kind: 'calendar', year: 2000 + (g.ones2 ? lookupNumber(g.ones2) ?? 0 : 0) };
    }),
  // a month or season of a spoken year, as broadcast transcripts write it: "January nineteen ninety-seven",
  // "the winter of nineteen ninety-four"
  // ("the" is part of the pattern: the hyphen of "ninety-four" would read as an adjective and leave it out)
  rule('periodSpokenYear', `(?:(?<m>${MONTH_SRC})(?:${W}of)?|(?:${capitalizable('the')}${W})?(?<s>${SEASON_SRC})${W}of)${W}${SPOKEN_CENTURY_YEAR_SRC}(?![A-Za-z-])`,
    false, (g, text, start, end) => {
      if (insideSpelledNumber(text, start, end)) return undefined;
      const year = spokenYear(g);
      if (year === undefined) return undefined;
      const month = g.m ? lookupMonth(g.m) : undefined;
      if (month !== undefined) return { kind: 'calendar', year, month };
      const season = SEASONS.get((g.s ?? '').toLowerCase());
      return season === undefined ? undefined : { kind: 'season', season, year };
    }),
  rule('half', `(?<ord>${capitalizable('first')}|${capitalizable('second')}|last)(?:-|${W})half(?![A-Za-z])(?:${W}of${W}(?<y>${RELATIVE_YEAR_SRC}))?`, true, (g, text, start, end) => {
    // "the first half" needs "the" or a year, else it is a fraction ("first half hour").
    if (!g.y && !/\b[Tt]he\s+$/.test(text.slice(Math.max(0, start - 5), start))) return undefined;
    // a half of something other than a year: "the last half of the '80s", "the first half of the season"
    if (!g.y && /^\s{1,3}of\b/.test(text.slice(end, end + 6))) return undefined;
    // a half of a match: "scored twice in the first half", "the second half began"
    if (!g.y && MATCH_WORDS.test(sentenceAround(text, start, end))) return undefined;
    return { kind: 'half', half: /first/i.test(g.ord ?? '') ? 1 : 2, ...yearOrShift(g.y?.split(/\s+/)[0]) };
  }),
  // "the first two quarters of 1990" is its first half
  rule('twoQuarters', `(?<ord>${capitalizable('first')}|${capitalizable('last')})${W}two${W}quarters${W}of${W}(?<y>${RELATIVE_YEAR_SRC})(?![A-Za-z])`, true,
    (g) => ({ kind: 'half', half: /first/i.test(g.ord ?? '') ? 1 : 2, ...yearOrShift(g.y?.split(/\s+/)[0]) })),
  rule('fiscalYear', `(?:${capitalizable('fiscal')}(?<yearWord>${W}year)?${W}(?<y>${YEAR_SRC})|${capitalizable('financial')}${W}year${W}(?<y1>${YEAR_SRC})|FY${W0}(?<y2>\\d{4}|\\d{2})(?![\\d]))(?:[/\u2013-](?<to>\\d{4}|\\d{2})(?![\\d/]))?`, false, (g) => {
    const raw = g.y ?? g.y1 ?? g.y2 ?? '';
    const year = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
    // "fiscal 1989" alone is valued as its year, as TimeBank writes it; "FY2026", "fiscal year 2026" as the
    // project's guidelines write a fiscal year
    const named = g.y === undefined || g.yearWord !== undefined;
    if (!g.to) return { kind: 'fiscalYear', year, ...(named ? { named } : {}) };
    // "FY2024/25", "fiscal 2023-24": the year it ends must follow the one it starts
    const to = g.to.length === 2 ? year - (year % 100) + Number(g.to) : Number(g.to);
    return to === year + 1 ? { kind: 'fiscalYear', year, to, named: true } : undefined;
  }),
  // "this fiscal year", "next financial year" ("the current fiscal year" is left to TimeBank's plain year)
  rule('relativeFiscalYear', `(?<shift>${capitalizable('this')}|${capitalizable('next')}|${capitalizable('last')})${W}(?:fiscal|financial)${W}year(?![A-Za-z'’-])`, false,
    // "the next fiscal year" is a duration or an anaphor, as "the next year" is
    (g, text, start) => (/\b[Tt]he\s+$/.test(text.slice(Math.max(0, start - 6), start)) ? undefined
      : { kind: 'relativeFiscalYear', shift: shiftOf(g.shift) ?? 0 })),
  // "the new year" (lower case; "New Year" is the holiday): the year after the reference
  rule('newYear', `${capitalizable('the')}${W}new${W}year(?![A-Za-z'’-])`, false, () => ({ kind: 'relativeUnit', unit: 'year', shift: 1 })),
  // "a week on Thursday", "a week from Friday": British for the coming such day and seven more
  rule('weekOnWeekday', `${capitalizable('a')}${W}week${W}(?:on|from)${W}(?<wd>${WEEKDAY_FULL_SRC})`, false, (g) => {
    const weekday = lookupWeekday(g.wd ?? '');
    return weekday === undefined ? undefined : { kind: 'weekday', weekday, weekOn: true };
  }),
  // "2h ago", "45 minutes ago", as live pages stamp their posts: earlier on the reference day
  rule('hoursAgo', `(?:\\d{1,2}|an?|${capitalizable('an')}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)${W0}(?:h|hrs?|hours?|m|mins?|minutes?)${W}ago(?![A-Za-z])`,
    false, () => ({ kind: 'dayOffset', days: 0 })),
  // "14:05 GMT" alone, as live pages stamp their posts: a time on a day (see findDates)
  rule('zonedClock', ZONED_CLOCK_SRC, false, (_g, text, start) =>
    // "2-14:05 GMT" or "1.14:05" is no clock of its own
    (/[\\d.:-]$/.test(text.slice(Math.max(0, start - 1), start)) ? undefined : { kind: 'clockTime' })),
  // "14:05" or "2.05pm" alone on its line, as live pages stamp their posts without a zone
  rule('stampLine', `(?<=(?:^|\\n)[ \\t]{0,8})(?:(?:[01]?\\d|2[0-3]):[0-5]\\d(?:\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm]))?|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\\d)?\\s?(?:[AaPp]\\.[Mm]\\.|[AaPp][Mm]))(?=[ \\t]*(?:\\r?\\n|$))`,
    false, () => ({ kind: 'clockTime' })),
  // "9/11": the attacks of 11 September 2001, named by their date
  rule('nineEleven', `(?<![\\d/.])9/11(?![\\d/]|\\.\\d)`, false, () => ({ kind: 'calendar', year: 2001, month: 9, day: 11 })),
  rule('decadeShort', `'(?<short>\\d)0s(?![A-Za-z])`, true, (g) => ({ kind: 'decade', decade: 190 + Number(g.short), centuryKnown: false })),
  rule('decade', `(?:(?<num>(?:1\\d|20)\\d0)s|(?<nineteen>nineteen${W})?(?<word>${DECADE_WORD_SRC}))(?![A-Za-z])`, true, (g, text, start) => {
    if (g.num) return { kind: 'decade', decade: Number(g.num) / 10, centuryKnown: true };
    const digit = DECADE_WORDS.get((g.word ?? '').toLowerCase());
    if (digit === undefined) return undefined;
    // Decade words ("the sixties") also name ages; ask for "the" or a modifier in front.
    if (g.word && !g.nineteen && !/\b(?:[Tt]he|early|mid|late)[\s-]+$/.test(text.slice(Math.max(0, start - 8), start))) return undefined;
    return { kind: 'decade', decade: 190 + digit, centuryKnown: false };
  }),
  rule('century', `(?<ord>${CENTURY_ORDINAL_SRC})[\\s-]{1,3}century(?![A-Za-z])`, true, (g) => {
    const ordinal = CENTURY_ORDINALS.get((g.ord ?? '').toLowerCase());
    return ordinal === undefined ? undefined : { kind: 'century', century: ordinal - 1 };
  }),
  rule('season', `(?:(?<shift>${SHIFT_SRC}|${capitalizable('past')})${W})?(?<s>${SEASON_SRC})(?:${W}(?:of${W})?(?<y>${YEAR_SRC}))?(?![A-Za-z])`,
    true, (g, text, start, end) => {
      const season = SEASONS.get((g.s ?? '').toLowerCase());
      if (season === undefined) return undefined;
      // "the Fall Economic Statement", "the Spring Budget", "Winter Olympics": a capitalised season before another
      // capitalised word begins a name
      if (!g.y && /^[A-Z]/.test(g.s ?? '') && NAME_WORD_AFTER.test(text.slice(end, end + 6)) && !DATE_WORD_AFTER.test(text.slice(end, end + 12))) return undefined;
      if (!g.shift && !g.y) {
        // "the spring and early summer of 2025": a season joined to one with a year shares that year
        const joined = SEASON_JOINED_TO_YEAR.exec(text.slice(end, end + 48));
        if (joined) return { kind: 'season', season, year: Number(joined[1]) };
        // "the summer" alone means the nearest one; "the fall of Rome" is not a season.
        const theBefore = /\b[Tt]he\s{1,3}(?:(?:early|late|mid)[\s-]{1,3})?$/.test(text.slice(Math.max(0, start - 12), start));
        if (!theBefore || /^\s{1,3}of\b/.test(text.slice(end, end + 5))) return undefined;
        return { kind: 'season', season, shift: 0 };
      }
      if (g.y) return { kind: 'season', season, year: Number(g.y) };
      return { kind: 'season', season, shift: shiftOf(g.shift) };
    }),
  rule('yearRange', `(?<a>${YEAR_SRC})(?:${W0}[-–—]${W0}|(?<slash>/))(?<b>${YEAR_SRC}|\\d\\d(?![\\d]))(?![\\d/])`, false, (g, text, start, end) => {
    const from = Number(g.a);
    let to = Number(g.b);
    if (to < 100) {
      if (to <= from % 100) return undefined;
      to += from - (from % 100);
    }
    // "2023/24" is a season or a fiscal year: two years in a row, else not a date
    if (g.slash && to !== from + 1) return undefined;
    // "spent £27.5m in 2025-26", "debt will peak at 42% of GDP in 2026-27": a split year in a sentence about public
    // money is a fiscal year; "the 2025-26 season" stays two years
    if (to === from + 1 && /^\d\d$/.test(g.b ?? '') && !SEASON_AFTER.test(text.slice(end, end + 24)) &&
      FISCAL_CONTEXT.test(sentenceAround(text, start, end))) return { kind: 'fiscalYear', year: from, to, named: true };
    return to > from ? { kind: 'yearRange', from, to } : undefined;
  }),
  rule('year', `(?:(?:the|The)${W}year${W})?(?<y>${YEAR_SRC})`, false, (g, text, start, end) => {
    const before = text.slice(Math.max(0, start - 2), start);
    if (/[$€£#]\s?$|\d[,.]?$/.test(before)) return undefined;
    if (/^(?:\s?%|\s?(?:percent|per cent)\b|[.,]\d|-[A-Za-z])/.test(text.slice(end, end + 9))) return undefined;
    if (COUNTED_NOUN.test(wordAfter(text, end))) return undefined;
    if (/^\s{1,3}(?:over|out\s+of)\s{1,3}\d/.test(text.slice(end, end + 14))) return undefined; // "2000 over 3" is a division
    if (/\bNo\.\s?$|\b(?:Article|Section|Resolution|Flight|Room|Route|Highway)\s$/.test(text.slice(Math.max(0, start - 12), start))) return undefined;
    // "Fall Economic Statement 2026", "Vision 2030", "Expo 2025": the year ends the name of a document or an event
    if (YEAR_NAMED_AFTER.test(text.slice(Math.max(0, start - 16), start))) return undefined;
    return { kind: 'calendar', year: Number(g.y) };
  }),
  // "warming of 2.6C by 2100": a year of the next century only after a word that sets a time ("by 2150")
  rule('farYear', `(?<=(?:[Bb]y|[Uu]ntil|[Bb]efore|[Bb]eyond|[Tt]ill|[Ii]n)${W})21\\d\\d(?![\\d,.]\\d)(?!\\d)`, false, (g, text, start, end) =>
    (COUNTED_NOUN.test(wordAfter(text, end)) || /^\s?(?:%|percent|per cent)/.test(text.slice(end, end + 9)) ? undefined
      : { kind: 'calendar', year: Number(text.slice(start, end)) })),
  rule('holiday', `(?<h>Christmas(?:${W}(?:Day|Eve))?|New${W}Year's(?:${W}(?:Day|Eve))|Thanksgiving(?:${W}Day)?|Independence${W}Day|Election${W}Day|Valentine's${W}Day|Halloween|Labor${W}Day|Memorial${W}Day)` +
    `(?:,?${W}(?<y>${YEAR_SRC}))?(?![A-Za-z])`, false, (g) => {
    const h = (g.h ?? '').replace(/\s+/g, ' ');
    const year = g.y ? Number(g.y) : undefined;
    const fixed: Record<string, [number, number]> = {
      'Christmas': [12, 25], 'Christmas Day': [12, 25], 'Christmas Eve': [12, 24], "New Year's Day": [1, 1],
      "New Year's Eve": [12, 31], 'Independence Day': [7, 4], "Valentine's Day": [2, 14], 'Halloween': [10, 31],
    };
    if (fixed[h]) return { kind: 'holiday', month: fixed[h][0], day: fixed[h][1], year };
    if (h.startsWith('Thanksgiving')) return { kind: 'holiday', month: 11, day: (y) => nthWeekdayOfMonth(y, 11, 4, 4).day, year };
    if (h === 'Election Day') return { kind: 'holiday', month: 11, day: (y) => nthWeekdayOfMonth(y, 11, 1, 1).day + 1, year };
    if (h === 'Labor Day') return { kind: 'holiday', month: 9, day: (y) => nthWeekdayOfMonth(y, 9, 1, 1).day, year };
    if (h === 'Memorial Day') return { kind: 'holiday', month: 5, day: (y) => nthWeekdayOfMonth(y, 5, 1, -1).day, year };
    return undefined;
  }),
];

