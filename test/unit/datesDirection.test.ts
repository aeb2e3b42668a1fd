import { strict as assert } from 'node:assert';
import { findDates } from '../../src/core/extract/dates';

/** The value of the one date in `text`, resolved against `reference`. */
function valueOf(text: string, reference: string): string | null {
  const spans = findDates(text, reference);
  assert.equal(spans.length, 1, `one date in ${JSON.stringify(text)}, got ${JSON.stringify(spans.map((s) => s.text))}`);
  return spans[0].value as string | null;
}

describe('findDates: which way an unanchored day or month points', () => {
  const THURSDAY = '2026-02-12';
  const NOVEMBER = '2026-11-03';

  const cases: [string, string, string, string][] = [
    // schedule cues the future-tense test did not know
    ['the rule takes effect as soon as Tuesday', THURSDAY, '2026-02-17', 'as soon as'],
    ['a decision could come as early as Monday', THURSDAY, '2026-02-16', 'as early as'],
    ['the new pact, effective June 1, covers 3,000 workers', THURSDAY, '2026-06-01', 'effective'],
    ['the team planned to leave on Tuesday for Nairobi', THURSDAY, '2026-02-17', 'planned to'],
    ['traders squared positions ahead of the weekend', '2026-02-09', '2026-W07-WE', 'ahead of'],
    // a month just after the turn of the year lies ahead, unless the clause after it is in the past tense
    ['the dividend will be paid in January to holders of record', NOVEMBER, '2027-01', 'future tense'],
    ['the loans run through January, with a standby facility', NOVEMBER, '2027-01', 'no tense'],
    ['In January, the company brought in a new chief executive', NOVEMBER, '2026-01', 'past clause'],
    ['In the fiscal year ended Jan. 31, the company reported a loss', NOVEMBER, '2026-01-31', 'past clause, day'],
    ['In January, two hundred delegates meet in Davos', NOVEMBER, '2027-01', '"hundred" is no past tense'],
    ['By January, the agencies need a new budget', NOVEMBER, '2027-01', '"need" is no past tense'],
    // a bare weekday that is the next day is tomorrow, unless reported or in a past clause
    ['The envoy flies to Nairobi Friday to meet the president', THURSDAY, '2026-02-13', 'tomorrow'],
    ['The minister said Friday the talks would resume', THURSDAY, '2026-02-06', 'reported'],
    ['On Friday the minister resigned', THURSDAY, '2026-02-06', 'past clause'],
    // an initial or an abbreviation does not end the clause that carries the tense
    ['The board will name Jane Q. Public chair on March 5', NOVEMBER, '2027-03-05', 'initial'],
    ['Mr. Ortiz will join Acme Corp. in March', NOVEMBER, '2027-03', 'abbreviation'],
    ['The index fell 1.2% on Friday', THURSDAY, '2026-02-06', 'decimal point'],
    ['The offer stands until 9 a.m. Tuesday', THURSDAY, '2026-02-17', 'clock time'],
    // "by" right before a date is a deadline ahead, unless the clause is in the past tense
    ['The city has to repay the bridge loan by March', NOVEMBER, '2027-03', 'deadline'],
    ['The permits were all issued by March', NOVEMBER, '2026-03', 'deadline, past clause'],
    // a future-tense day a few days gone is a deadline just passed, not one a year away
    ['The family will have to leave the house by Nov. 1', NOVEMBER, '2026-11-01', 'deadline just passed'],
  ];
  for (const [text, reference, value, why] of cases) {
    it(`${text} (${why}) → ${value}`, () => assert.equal(valueOf(text, reference), value));
  }
});

describe('findDates: a bare month with no tense next to it takes the tense of its sentence', () => {
  const MARCH = '2026-03-04';
  const AUGUST = '2026-08-14';
  const FEBRUARY = '2026-02-10';
  const OCTOBER = '2026-10-27';

  const cases: [string, string, string, string][] = [
    // the future cue is too far before the month for the clause test
    ['Lieutenant Colonel Ada Brandt will be appointed commander of the research vessel Meridian for its survey voyage in December',
      MARCH, '2026-12', '"will" far before; "appointed" after "be" is no past tense'],
    // a past verb that governs the month: the month has begun by the publication date
    ['The cooperative switched its accounts from a fiscal year to a calendar year in December', OCTOBER, '2025-12', 'past verb before'],
    // the past verb comes well after the month, past an abbreviation that does not end the sentence
    ['In January, three weeks after the ruling in the Hale vs. Morrow appeal, a fire in Mobile, Ala., destroyed the county archive',
      OCTOBER, '2026-01', 'past verb far after'],
    // what a reporting verb reports may lie ahead
    ['Trade officials said the refinery told its buyers of a cut in deliveries in September', AUGUST, '2026-09', 'reported'],
    // an infinitive puts the month under another verb
    ['The council decided to reopen the old bridge to traffic in March', FEBRUARY, '2026-03', 'infinitive'],
    // a bound the month closes is not placed by the verb
    ['A group of lenders has extended the company revolving credit through January', OCTOBER, '2027-01', 'bound'],
    // adjectives in "-ed" are no past tense
    ['The bonus would be paid on an unspecified date in January to staff on the payroll', OCTOBER, '2027-01', '"unspecified"'],
  ];
  for (const [text, reference, value, why] of cases) {
    it(`${text} (${why}) → ${value}`, () => assert.equal(valueOf(text, reference), value));
  }
});

describe('findDates: a period that has ended', () => {
  const values = (text: string, reference: string): (string | null)[] => findDates(text, reference).map((s) => s.value as string | null);

  it('"the quarter ended Nov. 30" a few days before that day is the quarter of a year before', () => {
    assert.deepEqual(values('The retailer said sales fell 4% in the quarter ended Nov. 30.', '2026-11-20'), ['2025-Q4', '2025-11-30']);
  });
  it('"the second quarter ended Oct. 31" lies in the year of the day it ended', () => {
    assert.deepEqual(values('In its second quarter ended Oct. 31, the chain lost $3 million.', '2026-10-20'), ['2025-Q2', '2025-10-31']);
  });
  it('a quarter ending ahead keeps the year of the publication date', () => {
    assert.deepEqual(values('For its fourth quarter ending Dec. 31, the company expects a small profit.', '2026-11-20'), ['2026-Q4', '2026-12-31']);
  });
  it('a quarter with its year written keeps it', () => {
    assert.deepEqual(values('In the 2026 second quarter ended Oct. 31, the chain lost $3 million.', '2026-10-20').slice(-1), ['2025-10-31']);
  });
});

describe('findDates: the nearest tense cue before a bare weekday', () => {
  const FRIDAY = '2026-02-13';
  it('a future cue beyond the clause test, after a past verb, looks ahead', () => {
    const text = 'Farmers staged a rally outside the ministry on Saturday and were planning to drive their tractors around the ring road on Monday.';
    assert.deepEqual(findDates(text, FRIDAY).map((s) => s.value), ['2026-02-07', '2026-02-16']);
  });
  it('"next to" is a place, not the future', () => {
    const text = 'Dozens of people were hurt in the explosion right next to the old market hall downtown on Friday.';
    assert.deepEqual(findDates(text, '2026-02-14').map((s) => s.value), ['2026-02-13']);
  });
});

describe('findDates: "this quarter" in a results report', () => {
  const REPORT = 'Harbor Tools reported a net loss for the third quarter ended Sept. 30. ';
  it('"This quarter\'s loss" is the quarter the text reports, which has ended', () => {
    assert.deepEqual(findDates(`${REPORT}This quarter's loss includes a charge for a plant closing.`, '2026-10-29').map((s) => s.value),
      ['2026-Q3', '2026-09-30', '2026-Q3']);
  });
  it('results still to come are of the quarter under way', () => {
    assert.deepEqual(findDates(`${REPORT}This quarter's sales will benefit from the holiday season.`, '2026-10-29').map((s) => s.value),
      ['2026-Q3', '2026-09-30', '2026-Q4']);
  });
});

describe('findDates: a date without a year after one that lies ahead, in the same sentence', () => {
  const values = (text: string, reference: string): (string | null)[] => findDates(text, reference).map((s) => s.value as string | null);
  const FEBRUARY = '2026-02-13';
  it('lies ahead too', () => {
    assert.deepEqual(values('Two ferries leave Bergen on Mondays from March 30, with a third sailing weekly from August 6.', FEBRUARY),
      ['2026-03-30', '2026-08-06']);
  });
  it('not when a past verb comes between them, nor in the next sentence', () => {
    assert.deepEqual(values('The talks, set for March 30, follow a meeting held in Oslo on August 6.', FEBRUARY), ['2026-03-30', '2025-08-06']);
    assert.deepEqual(values('The ferry leaves on March 30. A second one sailed from August 6.', FEBRUARY), ['2026-03-30', '2025-08-06']);
  });
});

describe('findDates: a period named in apposition', () => {
  const values = (text: string, reference: string): (string | null)[] => findDates(text, reference).map((s) => s.value as string | null);
  it('"the year-ago quarter, the second quarter ended Oct. 31," is that quarter', () => {
    const text = 'Marlow Foods will report third-quarter results next month. In the comparable year-ago quarter, the second quarter ended Oct. 31, it lost $2 million.';
    assert.deepEqual(values(text, '2026-10-20'), ['2026-Q3', '2026-11', '2025-Q2', '2025-Q2', '2025-10-31']);
  });
  it('a list of periods is no apposition', () => {
    const text = 'Marlow Foods reported third-quarter results. Sales fell in the year-ago quarter, the first quarter and the second quarter.';
    assert.deepEqual(values(text, '2026-10-20').slice(1), ['2025-Q3', '2026-Q1', '2026-Q2']);
  });
});

describe('findDates: real-page shapes', () => {
  const dates = (text: string, reference: string): [string, string | null][] =>
    findDates(text, reference).map((s) => [s.text, s.value as string | null]);

  it('a date is not read across a blank line: a live blog\'s date line keeps its day, the time stamp below is apart', () => {
    assert.deepEqual(dates('Sunday 18 January 2026\n\n22:47 The first results are in.', '2026-01-18'), [['Sunday 18 January 2026', '2026-01-18']]);
    assert.deepEqual(dates('The summit ended on 12\n\nMay the talks resume?', '2026-06-01').map(([t]) => t).includes('12\n\nMay'), false);
    // a single line break, as in hard-wrapped text, still joins the parts
    assert.deepEqual(dates('The vote is on 12\nMay 2026.', '2026-04-01'), [['12\nMay 2026', '2026-05-12']]);
  });
  it('a noun before the date is no scheduled present: "lost a confidence vote on December 9" looks back', () => {
    assert.deepEqual(dates('The government lost a confidence vote on December 9, and the prime minister resigned.', '2026-01-20'),
      [['December 9', '2025-12-09']]);
    assert.deepEqual(dates('The assembly votes on December 9 on the budget.', '2026-11-20'), [['December 9', '2026-12-09']]);
  });
  it('a scheduled present with the place between verb and day: "United travel to Bournemouth on Wednesday"', () => {
    assert.deepEqual(dates('United travel to Bournemouth on Wednesday.', '2025-11-30'), [['Wednesday', '2025-12-03']]);
  });
  it('a quarter in the past tense has begun by the publication date: "grew 0.1 per cent in Q4" in February', () => {
    assert.deepEqual(dates('The economy grew 0.1 per cent in Q4, figures showed.', '2026-02-12'), [['Q4', '2025-Q4']]);
    assert.deepEqual(dates('The economy will grow 0.3 per cent in Q4, the bank forecast.', '2026-02-12'), [['Q4', '2026-Q4']]);
  });
  it('"the Today programme" and "USA Today" are titles; "Today" opening a sentence or in a title-case headline is the day', () => {
    assert.deepEqual(dates('He told the Today programme on BBC Radio 4.', '2025-12-03'), []);
    assert.deepEqual(dates('She wrote in USA Today that it failed.', '2025-12-03'), []);
    assert.deepEqual(dates('Today, the talks resume.', '2025-12-03'), [['Today', '2025-12-03']]);
    assert.deepEqual(dates('Nato Leaders Meet Today In Brussels', '2025-12-03'), [['Today', '2025-12-03']]);
  });
  it('a two-letter time zone ("ET") is part of a date line\'s time stamp', () => {
    assert.deepEqual(dates('By Jane Doe | Dec. 2, 2025, 6:15 PM ET', '2025-12-02'), [['Dec. 2, 2025, 6:15 PM ET', '2025-12-02']]);
  });
  it('a half of a match is no half-year; a half of the year stays one', () => {
    assert.deepEqual(dates('Villa scored twice in the first half and once more after the break.', '2025-11-30'), []);
    assert.deepEqual(dates('The referee sent him off early in the second half.', '2025-11-30'), []);
    assert.deepEqual(dates('Profits rose in the first half, the company said.', '2025-11-30'), [['the first half', '2025-H1']]);
  });
});
