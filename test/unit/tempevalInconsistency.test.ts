import { strict as assert } from 'node:assert';
import { goldInconsistency, goldPhraseShapes, valueErrorListing, type DateError, type TempEvalDoc } from '../../scripts/eval/tempeval';

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
