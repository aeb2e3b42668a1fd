import { strict as assert } from 'node:assert';
import { findDates } from '../../src/core/extract/dates';
import type { Span } from '../../src/core/extract/types';

const REF = '2026-02-12'; // a Thursday, ISO week 7

const NO_REFERENCE = 'none';

function only(text: string, reference: string = REF): Span {
  const spans = findDates(text, reference === NO_REFERENCE ? undefined : reference);
  assert.equal(spans.length, 1, `expected one date in ${JSON.stringify(text)}, got ${JSON.stringify(spans.map((s) => s.text))}`);
  return spans[0];
}

function expectDate(text: string, surface: string, value: string | null, reference?: string): Span {
  const span = only(text, reference);
  assert.equal(span.text, surface);
  assert.equal(text.slice(span.start, span.end), surface);
  assert.equal(span.type, 'DATE');
  assert.equal(span.value, value, `value of ${surface}`);
  return span;
}

describe('findDates values', () => {
  it('resolves a bare weekday to the nearest one on or before the publication date, with a reason', () => {
    const span = expectDate('The minister said on Thursday that talks had failed.', 'Thursday', '2026-02-12');
    assert.match(span.reason ?? '', /2026-02-12/);
    expectDate('Officials met Monday in Brussels.', 'Monday', '2026-02-09');
  });

  it('points a weekday forward in a future-tense clause', () => {
    expectDate('The council will meet Friday to vote.', 'Friday', '2026-02-13');
  });

  it('resolves last/next month names and units relative to the reference', () => {
    expectDate('Prices rose last December.', 'last December', '2025-12');
    expectDate('The plan takes effect next month.', 'next month', '2026-03');
    expectDate('Ministers gathered this week.', 'this week', '2026-W07');
    expectDate('Spending fell last year.', 'last year', '2025');
    expectDate('A vote is expected later this month.', 'later this month', '2026-02');
    expectDate('The deal was signed yesterday.', 'yesterday', '2026-02-11');
  });

  it('puts a bare month in the latest such month not far ahead of the reference', () => {
    expectDate('The summit took place in December.', 'December', '2025-12');
    expectDate('Talks resume in March.', 'March', '2026-03');
  });

  it('reads "June that year" and "Eight years later" from the date the text gave before', () => {
    const text = 'The pact was signed in 2010. In June that year, troops left. Eight years later, they returned.';
    const spans = findDates(text, REF);
    assert.deepEqual(spans.map((s) => [s.text, s.value]), [
      ['2010', '2010'], ['June that year', '2010-06'], ['Eight years later', '2018'],
    ]);
    assert.match(spans[1].reason ?? '', /2010/);
  });

  it('includes a leading "the" and modifiers, with mod, but not prepositions', () => {
    const end = expectDate('Output should double by the end of 2019.', 'the end of 2019', '2019');
    assert.equal(end.mod, 'END');
    const mid = expectDate('Reserves may run out in the mid-2030s.', 'the mid-2030s', '203');
    assert.equal(mid.mod, 'MID');
    const early = expectDate('It began in early October 2001.', 'early October 2001', '2001-10');
    assert.equal(early.mod, 'START');
  });

  it('keeps a dateline time inside the span but the value at day precision', () => {
    expectDate('Thursday, 12 February 2026 08:03 AM EST', 'Thursday, 12 February 2026 08:03 AM EST', '2026-02-12');
    expectDate('Posted on Feb. 12.', 'Feb. 12', '2026-02-12');
    expectDate('Released on 2026-02-12 at noon.', '2026-02-12', '2026-02-12');
  });

  it('writes TIMEX3 values for decades, centuries, seasons, quarters, fiscal years and ranges', () => {
    expectDate('Growth was slow in the 1990s.', 'the 1990s', '199');
    expectDate('It shaped the 21st century.', 'the 21st century', '20');
    expectDate('Troops arrive in summer 2025.', 'summer 2025', '2025-SU');
    expectDate('Profit rose in the third quarter of 1998.', 'the third quarter of 1998', '1998-Q3');
    // "fiscal 1989" is valued as its year, as TempEval's TimeBank annotates it; a fiscal year written "FY" or
    // "fiscal year" as the project's guidelines write it, named by the year it ends, and so is a split year in a
    // sentence about public money; another split year is its two years
    expectDate('Sales in fiscal 1989 rose.', 'fiscal 1989', '1989');
    expectDate('The budget for FY2026 was cut.', 'FY2026', 'FY2026');
    expectDate('The budget for 2023/24 was cut.', '2023/24', 'FY2024');
    expectDate('They won the league in 2023/24.', '2023/24', '2023/2024');
    expectDate('The budget for FY2024/25 was cut.', 'FY2024/25', 'FY2025');
    expectDate('NATO invoked Article 5 after 9/11 for the first time.', '9/11', '2001-09-11');
    expectDate('He served from 1989-1991 in Bonn.', '1989-1991', '1989/1991');
    expectDate('Sales fell last summer.', 'last summer', '2025-SU');
  });

  it('leaves durations and vague adverbs unannotated', () => {
    for (const text of [
      'The war lasted five years.',
      'They have argued for decades.',
      'A two-day summit opened.',
      'Prices are high now.',
      'Tensions rose recently.',
      'Spending will grow over the next decade.',
    ]) {
      assert.deepEqual(findDates(text, REF).map((s) => s.text), [], text);
    }
  });

  it('gives relative dates a null value and a reason when no publication date is known', () => {
    const span = expectDate('The vote was held last year.', 'last year', null, NO_REFERENCE);
    assert.match(span.reason ?? '', /no publication date/);
    expectDate('The treaty dates from 1949.', '1949', '1949', NO_REFERENCE);
  });

  it('annotates a period counted from an event but leaves its value null with a reason', () => {
    const span = expectDate('It happened in the first year of his second term.', 'the first year', null);
    assert.match(span.reason ?? '', /event/);
  });

  it('compares "a year ago" with the quarter under discussion in results reporting', () => {
    const spans = findDates('Profit rose in the third quarter, against a loss a year ago.', '1989-10-27');
    assert.deepEqual(spans.map((s) => [s.text, s.value]), [['the third quarter', '1989-Q3'], ['a year ago', '1988-Q3']]);
  });

  it('resolves "the weekend" to the one before the reference', () => {
    expectDate('Protesters gathered over the weekend.', 'the weekend', '2026-W06-WE');
  });

  it('does not read counts, money or percentages as years', () => {
    assert.deepEqual(findDates('About 2000 troops and $1999 and 2020% growth.', REF), []);
  });
});

describe('findDates: "year-ago" and "year-earlier" in results reporting', () => {
  const NOVEMBER = '2026-11-04';
  /** Every date in `text` with its value, in order. */
  const values = (text: string, reference = NOVEMBER): [string, unknown][] =>
    findDates(text, reference).map((s) => [s.text, s.value]);

  it('a period the text already places a year back is the year-ago period itself', () => {
    assert.deepEqual(values('Net fell to $12 million from $30 million in the 2025 period. The year-ago results included a charge.'),
      [['the 2025 period', '2025'], ['year-ago', '2025']]);
  });
  it('a recent period is moved a year back', () => {
    assert.deepEqual(values('Profit rose in the third quarter. The year-earlier results included a charge.'),
      [['the third quarter', '2026-Q3'], ['year-earlier', '2025-Q3']]);
  });
  it('a year-ago quarter with no period before it is the last full quarter a year back', () => {
    assert.deepEqual(values('Acme earned $4 million, up from $3 million in the year-ago quarter.'), [['the year-ago quarter', '2025-Q3']]);
  });
  it('a forecast period is not the one a year-ago period compares with', () => {
    assert.deepEqual(values('Analysts expect losses through the second quarter of 2027. In the year-ago period, Acme earned $5 million.'),
      [['the second quarter of 2027', '2027-Q2'], ['the year-ago period', '2025-Q3']]);
  });
});

describe('findDates: the quarter under discussion', () => {
  const NOVEMBER = '2026-11-04';
  const values = (text: string, reference = NOVEMBER): [string, unknown][] =>
    findDates(text, reference).map((s) => [s.text, s.value]);

  it('"the latest quarter" is one already reported, not a forecast quarter mentioned before it', () => {
    assert.deepEqual(values('Acme expects a fourth-quarter loss. Sales fell 9% in the latest quarter.'),
      [['fourth-quarter', '2026-Q4'], ['the latest quarter', '2026-Q3']]);
  });
  it('"the quarter" still follows the quarter the text mentioned last', () => {
    assert.deepEqual(values('Acme expects a fourth-quarter loss. Sales will fall in the quarter.'),
      [['fourth-quarter', '2026-Q4'], ['the quarter', '2026-Q4']]);
  });
  it('"the <year> quarter" with no quarter before it is the quarter last reported, in that year', () => {
    assert.deepEqual(values('Acme lost $2 million, against a profit of $1 million in the 2025 quarter.'), [['the 2025 quarter', '2025-Q3']]);
  });
});

describe('findDates: a period phrase a year back', () => {
  const NOVEMBER = '2026-11-04';
  const values = (text: string, reference = NOVEMBER): [string, unknown][] =>
    findDates(text, reference).map((s) => [s.text, s.value]);

  it('"the quarter a year ago" and "the same period last year" are the quarter under discussion, a year back', () => {
    assert.deepEqual(values('Acme lost $3 million in the third quarter, against a profit in the quarter a year ago.'),
      [['the third quarter', '2026-Q3'], ['the quarter a year ago', '2025-Q3']]);
    assert.deepEqual(values('Acme lost $3 million in the second quarter, after a profit in the same period last year.'),
      [['the second quarter', '2026-Q2'], ['the same period last year', '2025-Q2']]);
  });
  it('"last year\'s quarter" after a year goes back from the last reported quarter', () => {
    assert.deepEqual(values('Sales for the current year fell. Sales for last year\'s quarter were about $3 million.'),
      [['the current year', '2026'], ["last year's quarter", '2025-Q3']]);
  });
  it('a year-ago quarter after a month is a quarter', () => {
    assert.deepEqual(values('The board met in August. Sales were flat against the year-ago quarter.'),
      [['August', '2026-08'], ['the year-ago quarter', '2025-Q3']]);
  });
});

describe('findDates: a month or season of a spoken year', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('joins a month to the spoken year after it', () => {
    assert.deepEqual(values('The plant opened in March nineteen eighty-two, she said.'), [['March nineteen eighty-two', '1982-03']]);
  });
  it('joins "the <season> of" to the spoken year after it, "the" included', () => {
    assert.deepEqual(values('Prices last fell this far in the summer of nineteen eighty-six.'), [['the summer of nineteen eighty-six', '1986-SU']]);
  });
  it('leaves a spoken year alone when no month or season comes before it', () => {
    assert.deepEqual(values('Back in nineteen seventy, the river froze.'), [['nineteen seventy', '1970']]);
  });
});

describe('findDates: "today is the Nth day of" an event', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('is the day of the report', () => {
    assert.deepEqual(values("It's the third day of the dock strike."), [['the third day', REF]]);
    assert.deepEqual(values('At the port, today is the fifth day of the blockade.'), [['today', REF], ['the fifth day', REF]]);
  });
  it('stays unresolved without "today is" or "it is" before it', () => {
    assert.deepEqual(values('The third day of the strike was calm.'), [['The third day', null]]);
  });
});

describe('findDates: "the previous/following <weekday>"', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('counts from the day the text mentioned last', () => {
    assert.deepEqual(values('The index closed at 2,080 on Feb. 6, down 4% from the previous Friday.'),
      [['Feb. 6', '2026-02-06'], ['the previous Friday', '2026-01-30']]);
    assert.deepEqual(values('The talks opened on March 3 and broke up the following Monday.'),
      [['March 3', '2026-03-03'], ['the following Monday', '2026-03-09']]);
  });
  it('counts from the publication date when the text names no day before it', () => {
    assert.deepEqual(values('Shares fell from the previous Friday.'), [['the previous Friday', '2026-02-06']]);
  });
});

describe('findDates: "the day before/after <date>"', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('moves a day one day back or on, the phrase included in the span', () => {
    assert.deepEqual(values("The day before last Tuesday's hearing, the lawyers met."), [['The day before last Tuesday', '2026-02-09']]);
    assert.deepEqual(values('Talks resume the day after March 3.'), [['the day after March 3', '2026-03-04']]);
  });
  it('leaves a coarser date alone', () => {
    assert.deepEqual(values('the day after March'), [['March', '2026-03']]);
  });
});

describe('findDates: "the week of <day>"', () => {
  it('is the ISO week that day falls in, the phrase included in the span', () => {
    assert.deepEqual(findDates('The hearing is set for the week of March 6, the clerk said.', REF).map((s) => [s.text, s.value]),
      [['the week of March 6', '2026-W10']]);
  });
});

describe('findDates: "the first/last half of" something other than a year', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('is no half of the publication year', () => {
    assert.deepEqual(values('Attendance rose in the first half of the season.'), []);
    assert.deepEqual(values("Prices climbed through the last half of the '80s."), [["the '80s", '198']]);
  });
  it('still reads "the first half" alone and "the second half of 2025" as halves of a year', () => {
    assert.deepEqual(values('Sales fell in the first half, and rose in the second half of 2025.'),
      [['the first half', '2026-H1'], ['the second half of 2025', '2025-H2']]);
  });
});

describe('findDates: "the first/last two quarters of <year>"', () => {
  it('is the first or second half of that year', () => {
    assert.deepEqual(findDates('Losses will run through the first two quarters of 2027, and ease in the last two quarters of next year.', REF)
      .map((s) => [s.text, s.value]), [['the first two quarters of 2027', '2027-H1'], ['the last two quarters of next year', '2027-H2']]);
  });
});

describe('findDates: a season joined to one with a year', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('shares that year', () => {
    assert.deepEqual(values('Envoys met in the spring and early summer of 2024.'),
      [['the spring', '2024-SP'], ['early summer of 2024', '2024-SU']]);
    assert.deepEqual(values('The works ran from the spring to autumn 2019.'), [['the spring', '2019-SP'], ['autumn 2019', '2019-FA']]);
  });
  it('leaves a season joined to one without a year to the publication date', () => {
    assert.deepEqual(values('Talks resume in the spring and the summer.'), [['the spring', '2026-SP'], ['the summer', '2026-SU']]);
  });
});

describe('findDates: "the start/end of" before a possessive', () => {
  const values = (text: string): [string, unknown][] => findDates(text, REF).map((s) => [s.text, s.value]);

  it('belongs to the noun after the date, not to the date', () => {
    assert.deepEqual(values("At the start of Thursday's meeting the minister spoke."), [['Thursday', '2026-02-12']]);
    assert.deepEqual(values('At the end of last week\u2019s session they voted.'), [['last week', '2026-W06']]);
  });
  it('still belongs to a date that is not a possessive', () => {
    assert.deepEqual(findDates('Talks ran to the end of Thursday.', REF).map((s) => [s.text, s.value, s.mod]), [['the end of Thursday', '2026-02-12', 'END']]);
  });
});

describe('findDates: the quarter a results report is about', () => {
  it('is the first recent quarter it names: a passing mention of another does not move "a year ago"', () => {
    const text = 'Acme posted a 20% gain in third-quarter net income, from $90 million a year ago. After a flat second quarter, ' +
      'Acme credited higher prices. Charges taken in the year-earlier period included $11 million. In the 1989 period, taxes were lower than a year ago.';
    assert.deepEqual(findDates(text, '1989-11-01').map((s) => [s.text, s.value]), [
      ['third-quarter', '1989-Q3'], ['a year ago', '1988-Q3'], ['second quarter', '1989-Q2'], ['the year-earlier period', '1988-Q3'],
      ['the 1989 period', '1989-Q3'], ['a year ago', '1988-Q3'],
    ]);
  });
  it('is not a historic quarter named first', () => {
    const text = 'Acme stopped paying a dividend in the third quarter of 1984. Acme reported third-quarter net of $68 million, up from $66 million a year ago. ' +
      'After a weak second quarter, year-earlier results included a gain.';
    assert.deepEqual(findDates(text, '1989-10-27').map((s) => [s.text, s.value]), [
      ['the third quarter of 1984', '1984-Q3'], ['third-quarter', '1989-Q3'], ['a year ago', '1988-Q3'], ['second quarter', '1989-Q2'], ['year-earlier', '1988-Q3'],
    ]);
  });
});

describe('findDates: "until <day>" in the past tense', () => {
  it('looks back when the clause after it is past, ahead otherwise', () => {
    assert.deepEqual(findDates('Until Thursday, they had not called him a suspect.', '2026-02-13').map((s) => [s.text, s.value]), [['Thursday', '2026-02-12']]);
    assert.deepEqual(findDates('The talks run until Thursday.', '2026-02-13').map((s) => [s.text, s.value]), [['Thursday', '2026-02-19']]);
  });
});

describe('findDates: a day joined to a month-day', () => {
  const spans = (text: string, reference: string): [string, string | null][] =>
    findDates(text, reference).map((s) => [s.text, s.value as string | null]);

  it('"April 24 and 25": the second day is its own date, in the month and year of the first', () => {
    assert.deepEqual(spans('The ministers meet in Lisbon on April 24 and 25, the agency said.', '2026-02-10'),
      [['April 24', '2026-04-24'], ['25', '2026-04-25']]);
    assert.deepEqual(spans('Polls close Nov. 30 or Dec. 1 in most states; the count ran Dec. 1 and 2.', '2026-12-03').map((s) => s[1]),
      ['2026-11-30', '2026-12-01', '2026-12-01', '2026-12-02']);
  });

  it('a number that counts something after "and" is no day', () => {
    assert.deepEqual(spans('Prices rose between May 3 and 25 percent.', '2026-02-10'), [['May 3', '2026-05-03']]);
    assert.deepEqual(spans('On June 2 or 3 people were hurt.', '2026-06-10'), [['June 2', '2026-06-02']]);
  });
});

describe('findDates: a recurrence is no date', () => {
  it('"each Thursday" and "every July" are left out; "last Thursday" and "July 4" stay', () => {
    const texts = findDates('The ferry sails each Thursday, the fair opens every July, and the pier shut last Thursday and on July 4.', '2026-02-12')
      .map((s) => s.text);
    assert.deepEqual(texts, ['last Thursday', 'July 4']);
  });
});

describe('findDates: "the March <noun>"', () => {
  it('dates the noun; "the March on Rome" and "the March of Dimes" are marches', () => {
    const spans = findDates('The March accession lets them join. Historians recall the March on Rome and the March of Dimes.', '2026-02-10');
    assert.deepEqual(spans.map((s) => [s.text, s.value]), [['March', '2026-03']]);
  });
});
