import { strict as assert } from 'node:assert';
import { goldConventions, goldInconsistency, goldPhraseShapes, parseTimeML, valueErrorListing, type DateError, type TempEvalDoc } from '../../scripts/eval/tempeval';

const error = (text: string, gold: string, predicted: string, dct = '2000-02-10'): DateError =>
  ({ doc: 'd', kind: 'value', gold, predicted, context: '', text, dct });

describe('TempEval-3 value errors that are inconsistencies of the gold', () => {
  const docs: TempEvalDoc[] = [{
    id: 'other', part: 'TimeBank', dct: '1989-10-26', text: 'Sales rose last week and a year ago.',
    timexes: [{ start: 11, end: 20, type: 'DATE', value: '1989-W42' }, { start: 25, end: 35, type: 'DATE', value: '1988' }],
  }];
  const shapes = goldPhraseShapes(docs);

  it('tells a value spelled another way, a day that is not the weekday named, and a bare weekday far from the DCT', () => {
    assert.equal(goldInconsistency(error('this week', '2000-W6', '2000-W06'), shapes), 'spelling');
    assert.equal(goldInconsistency(error('1949', '1949-XX', '1949'), shapes), 'spelling');
    assert.equal(goldInconsistency(error('the 1980s', '198X', '198'), shapes), 'spelling');
    assert.equal(goldInconsistency(error('Wednesday', '1999-02-09', '1999-02-10', '1999-02-10'), shapes), 'weekday', '9 February 1999 was a Tuesday');
    assert.equal(goldInconsistency(error('Tuesday', '1990-08-07', '1990-08-14', '1990-08-15'), shapes), 'dct');
  });

  it('tells a phrase the gold gives our granularity elsewhere, and leaves real errors alone', () => {
    assert.equal(goldInconsistency(error('last week', '1989-WXX', '1989-W43'), shapes), 'granularity');
    assert.equal(goldInconsistency(error('a year ago', '1988-Q3', '1988'), shapes), 'granularity');
    assert.equal(goldInconsistency(error('December', '1998-12', '1997-12'), shapes), undefined, 'a wrong year is ours');
    assert.equal(goldInconsistency(error('Tuesday', '1990-08-14', '1990-08-07', '1990-08-15'), shapes), undefined, 'a weekday within the week');
    assert.equal(goldInconsistency(error('last week', '1989-W42', '1989-W41'), shapes), undefined, 'same granularity, other week');
  });

  it('lists every value error grouped by class, the most frequent phrase class first, with text, values and DCT', () => {
    const listing = valueErrorListing([
      error('last week', '1989-WXX', '1989-W43'),
      error('December', '1998-12', '1997-12', '1998-03-04'),
      error('Oct. 31', '1988-10-31', '1989-10-31', '1989-10-27'),
      error('Nov. 2', '1988-11-02', '1989-11-02', '1989-10-27'),
      error('Oct. 30', '1988-10-30', '1989-10-30', '1989-10-31'),
    ], shapes).split('\n');
    assert.equal(listing.length, 6);
    assert.deepEqual(listing.slice(1).map((l) => l.split('\t').slice(0, 2)), [
      ['rest', 'oct. dd (2)'], ['rest', 'oct. dd (2)'], ['rest', 'december (1)'], ['rest', 'nov. d (1)'], ['granularity', 'last week (1)'],
    ]);
    assert.deepEqual(listing[3].split('\t').slice(2), ['December', '1997-12', '1998-12', '1998-03-04', 'd']);
  });
});

describe('TempEval-3 gold conventions', () => {
  const tml = (id: string, dct: string, body: string): TempEvalDoc =>
    parseTimeML(`<DCT><TIMEX3 tid="t0" type="DATE" value="${dct}">${dct}</TIMEX3></DCT><TEXT>${body}</TEXT>`, id, 'AQUAINT');
  const docs = [
    tml('a', '2000-02-16', 'Crowds met <TIMEX3 type="DATE" value="2000-02-16TNI">Wednesday night</TIMEX3> and ' +
      '<TIMEX3 type="DATE" value="2000-02-15">Tuesday</TIMEX3> night, in the <TIMEX3 type="DATE" value="199X">1990s</TIMEX3> style, ' +
      'until <TIMEX3 type="DATE" value="2000-02-17T09:00">9 a.m. Thursday</TIMEX3>, <TIMEX3 type="DATE" value="2000-W7">this week</TIMEX3>.'),
    tml('wsj_1', '1989-10-27', 'Sales fell <TIMEX3 type="DATE" value="1989-WXX">last week</TIMEX3> from the <TIMEX3 type="DATE" value="198">1980s</TIMEX3>; ' +
      'the <TIMEX3 type="TIME" value="1989-10-26TNI">Thursday night</TIMEX3> session ran late.'),
  ];
  const table = goldConventions(docs);
  const row = (name: string): string => table.split('\n').find((l) => l.startsWith(`| ${name} |`)) ?? '';

  it('counts each spelling, part of day, clock time and phrase granularity with the documents it is in', () => {
    assert.equal(row('decade'), '| decade | `199` 1 (1 docs), `199X` 1 (1 docs) | `199` |');
    assert.equal(row('ISO week 1-9'), '| ISO week 1-9 | `W6` 1 (1 docs) | `W06` |');
    assert.equal(row('DATE on "<day> night" / "tonight"'), '| DATE on "<day> night" / "tonight" | `day` 1 (1 docs), `day + code` 1 (1 docs) | day |');
    assert.equal(row('part-of-day code of "night" (all types)'), '| part-of-day code of "night" (all types) | `TNI` 2 (2 docs) | (no code) |');
    assert.equal(row('DATE with a clock time'), '| DATE with a clock time | `day + time` 1 (1 docs) | day (the annotation guidelines: never finer than a day) |');
    assert.equal(row('"last week", WSJ 1989'), '| "last week", WSJ 1989 | `dddd-WXX` 1 (1 docs) | `dddd-Wdd` |');
    assert.equal(row('"this week", other'), '| "this week", other | `dddd-Wd` 1 (1 docs) | `dddd-Wdd` |');
    assert.equal(row('"last week", other'), '', 'a phrase class absent from a group gets no row');
  });
});
