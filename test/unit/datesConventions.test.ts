// TimeML conventions for phrase classes whose value depends on what the text is discussing (issue 15).
import { strict as assert } from 'node:assert';
import { findDates } from '../../src/core/extract/dates';

const valuesOf = (text: string, reference: string): [string, unknown][] => findDates(text, reference).map((s) => [s.text, s.value]);

describe('findDates conventions: "a year earlier" after a run of months', () => {
  it('is the year before when the text has turned to the first nine or six months', () => {
    const text = 'Acme earned $5 million in the third quarter, up from $4 million a year earlier. ' +
      'For the nine months, Acme earned $12 million, compared with $10 million a year earlier. ' +
      'In the first six months, sales rose to $80 million from $70 million, compared with year-earlier sales of $60 million.';
    assert.deepEqual(valuesOf(text, '2025-10-28'), [
      ['the third quarter', '2025-Q3'], ['a year earlier', '2024-Q3'], ['a year earlier', '2024'], ['year-earlier', '2024'],
    ]);
  });

  it('keeps comparing with the quarter when no run of months came since the last date', () => {
    const text = 'For the third quarter, Acme earned $5 million, up from $4 million a year ago.';
    assert.deepEqual(valuesOf(text, '2025-10-28'), [['the third quarter', '2025-Q3'], ['a year ago', '2024-Q3']]);
  });

  it('does not read a duration counted from an event ("six months after the merger") or "months ago" as a run of the year', () => {
    assert.deepEqual(valuesOf('Six months after the merger, Acme earned $5 million in the third quarter, up from $4 million a year earlier.', '2025-10-28'),
      [['the third quarter', '2025-Q3'], ['a year earlier', '2024-Q3']]);
    assert.deepEqual(valuesOf('Acme earned $5 million in the third quarter. Nine months ago it had lost money; a year ago it earned $4 million.', '2025-10-28'),
      [['the third quarter', '2025-Q3'], ['Nine months ago', '2025-01'], ['a year ago', '2024-Q3']]);
  });
});

describe('findDates conventions: "last <month>"', () => {
  it('is a year back when the month named is the one just ended or the current one', () => {
    assert.deepEqual(valuesOf('Two helicopters crashed last February.', '2026-03-01'), [['last February', '2025-02']]);
    assert.deepEqual(valuesOf('The plant closed last March.', '2026-03-20'), [['last March', '2025-03']]);
  });

  it('is this year\'s month when it came earlier in the year, and last year\'s when it is later in the year', () => {
    assert.deepEqual(valuesOf('The treaty was signed last June.', '2026-10-14'), [['last June', '2026-06']]);
    assert.deepEqual(valuesOf('Prices rose last December.', '2026-02-12'), [['last December', '2025-12']]);
    assert.deepEqual(valuesOf('The strike ended last December.', '2026-01-05'), [['last December', '2025-12']]);
  });
});

describe('findDates conventions: "the quarter ended <day>"', () => {
  it('is the calendar quarter holding most of the three months up to that day', () => {
    assert.deepEqual(valuesOf('In the quarter ended July 31, Acme had 5.6 million shares outstanding.', '2025-10-30'),
      [['the quarter', '2025-Q2'], ['July 31', '2025-07-31']]);
    assert.deepEqual(valuesOf('For the quarter ended Sept. 30, Acme posted net income of $133 million.', '2025-10-26'),
      [['the quarter', '2025-Q3'], ['Sept. 30', '2025-09-30']]);
    assert.deepEqual(valuesOf('For the quarter ended Nov. 30, Acme posted a loss.', '2026-01-10'),
      [['the quarter', '2025-Q4'], ['Nov. 30', '2025-11-30']]);
  });

  it('overrides the quarter the text named before', () => {
    assert.deepEqual(valuesOf('Acme reported third-quarter profit. In the quarter ended April 30, its unit lost money.', '2025-10-30'),
      [['third-quarter', '2025-Q3'], ['the quarter', '2025-Q1'], ['April 30', '2025-04-30']]);
  });
});

describe('findDates conventions: the day a reported period ended', () => {
  it('does not replace the quarter under discussion: "a year ago" still compares with the quarter', () => {
    assert.deepEqual(valuesOf('Acme earned $4 million in the second quarter ended June 30, against a loss a year ago. ' +
      'Sales were $90 million, up from $80 million a year earlier.', '2025-08-05'),
    [['the second quarter', '2025-Q2'], ['June 30', '2025-06-30'], ['a year ago', '2024-Q2'], ['a year earlier', '2024-Q2']]);
  });

  it('still moves the focus to a day that does not close the period ("by Sept. 30", a day after a year)', () => {
    assert.deepEqual(valuesOf('Acme earned $4 million in the second quarter. The plant closed Sept. 30; a year earlier it had 500 workers.', '2025-10-20'),
      [['the second quarter', '2025-Q2'], ['Sept. 30', '2025-09-30'], ['a year earlier', '2024']]);
    assert.deepEqual(valuesOf('Acme was founded in 1985. In the 12 weeks ended Aug. 12, sales fell from a year earlier.', '2025-10-20'),
      [['1985', '1985'], ['Aug. 12', '2025-08-12'], ['a year earlier', '2024']]);
  });
});

describe('findDates conventions: a plan points ahead', () => {
  it('reads "planned a …" and "planning for …" before a day or month as future', () => {
    // 2026-02-13 is a Friday
    assert.deepEqual(valuesOf('Protesters planned a large march in the capital on Saturday.', '2026-02-13'), [['Saturday', '2026-02-14']]);
    assert.deepEqual(valuesOf('Officials are planning for the summit in April.', '2026-12-05'), [['April', '2027-04']]);
  });

  it('does not read a past participle ("a service planned for Saturday was canceled") as a plan ahead', () => {
    assert.deepEqual(valuesOf('A memorial service planned at the hall for Saturday was canceled.', '2026-02-15'), [['Saturday', '2026-02-14']]);
  });
});

describe('findDates conventions: a scheduled event in the present tense', () => {
  it('points the day ahead ("the leaders meet separately Monday", "talks resume on Tuesday")', () => {
    // 2026-02-13 is a Friday
    assert.deepEqual(valuesOf('The two leaders meet separately Monday with the envoy.', '2026-02-13'), [['Monday', '2026-02-16']]);
    assert.deepEqual(valuesOf('Talks resume on Tuesday in Geneva.', '2026-02-13'), [['Tuesday', '2026-02-17']]);
  });

  it('leaves a past-tense verb looking back', () => {
    assert.deepEqual(valuesOf('The two leaders met separately Monday with the envoy.', '2026-02-13'), [['Monday', '2026-02-09']]);
    assert.deepEqual(valuesOf('Talks resumed on Tuesday in Geneva.', '2026-02-13'), [['Tuesday', '2026-02-10']]);
  });
});

describe('findDates: a bare weekday after a past-tense verb', () => {
  // 2026-12-01 is a Tuesday
  it('is the weekday just past, not the day after publication', () => {
    assert.deepEqual(valuesOf('The ministers met on Wednesday to discuss the budget.', '2026-12-01'), [['Wednesday', '2026-11-25']]);
    assert.deepEqual(valuesOf('Officials announced the plan Wednesday.', '2026-12-01'), [['Wednesday', '2026-11-25']]);
  });

  it('is still the day after publication in the present or future tense', () => {
    assert.deepEqual(valuesOf('The ministers meet on Wednesday to discuss the budget.', '2026-12-01'), [['Wednesday', '2026-12-02']]);
    assert.deepEqual(valuesOf('The ministers will meet on Wednesday.', '2026-12-01'), [['Wednesday', '2026-12-02']]);
  });
});

describe('findDates conventions: a clock time before a day', () => {
  // 2026-02-12 is a Thursday
  it('is part of the phrase, and the value is the day it falls on (never finer than a day, as the annotation guidelines say)', () => {
    assert.deepEqual(valuesOf('The agency gave the family until 9 a.m. Friday to reply.', '2026-02-12'), [['9 a.m. Friday', '2026-02-13']]);
    assert.deepEqual(valuesOf('The convoy leaves at 4 a.m. EDT Saturday, the officer said.', '2026-02-12'), [['4 a.m. EDT Saturday', '2026-02-14']]);
    assert.deepEqual(valuesOf('The polls closed at 8:30 p.m. Tuesday.', '2026-02-12'), [['8:30 p.m. Tuesday', '2026-02-10']]);
    assert.deepEqual(valuesOf('The strike starts at noon tomorrow.', '2026-02-12'), [['noon tomorrow', '2026-02-13']]);
    assert.deepEqual(valuesOf('The curfew will end at midnight on Sunday.', '2026-02-12'), [['midnight on Sunday', '2026-02-15']]);
    assert.deepEqual(valuesOf('Lunch is served at 12 p.m. Monday; the bar shuts at 12 a.m. Monday.', '2026-02-12'),
      [['12 p.m. Monday', '2026-02-09'], ['12 a.m. Monday', '2026-02-09']]);
  });

  it('reads an impossible clock and a date line\'s time stamp as part of the phrase too', () => {
    assert.deepEqual(valuesOf('Doors open 13 p.m. Friday.', '2026-02-12'), [['13 p.m. Friday', '2026-02-13']]);
    assert.deepEqual(valuesOf('Thursday, 12 February 2026 08:03 AM EST', '2026-02-12'), [['Thursday, 12 February 2026 08:03 AM EST', '2026-02-12']]);
  });

  it('keeps night and morning out of the value ("Wednesday night" is the day, as most TempEval-3 DATE timexes give it)', () => {
    assert.deepEqual(valuesOf('Crowds gathered Wednesday night in the square.', '2026-02-12'), [['Wednesday night', '2026-02-11']]);
    assert.deepEqual(valuesOf('The ferry sailed Tuesday morning.', '2026-02-12'), [['Tuesday morning', '2026-02-10']]);
  });

  it('keeps afternoon and evening in the span and out of the value too, as the project\'s guidelines do', () => {
    assert.deepEqual(valuesOf('The jury returned Tuesday afternoon.', '2026-02-12'), [['Tuesday afternoon', '2026-02-10']]);
    assert.deepEqual(valuesOf('Talks broke up yesterday evening.', '2026-02-12'), [['yesterday evening', '2026-02-11']]);
  });
});
