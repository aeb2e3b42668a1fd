import { strict as assert } from 'node:assert';
import { findFigures } from '../../src/core/extract/figures';
import { describeClaim } from '../../src/core/extract/figures/claim';
import type { Span } from '../../src/core/extract/types';

/** Shapes of real pages that yielded wrong figures: each case is a sentence written for this test. */

function shown(spans: Span[]): string[] {
  return spans.map((s) => `${s.type} ${s.text} = ${s.value}${s.unit ? ` (${s.unit})` : ''}`);
}

function check(text: string, expected: string[]): void {
  const spans = findFigures(text);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  assert.deepEqual(shown(spans), expected, text);
}

describe('figures on real-page shapes', () => {
  it('a rate written with hyphens is one figure; a number hyphen-joined to a function word counts nothing', () => {
    check('Markets priced in a one-in-three chance of a cut, and 1-in-20 odds.', ['QUANTITY one-in-three = 0.333333333333 (fraction)', 'QUANTITY 1-in-20 = 0.05 (fraction)']);
    check('It was a one-in-a-million shot under a one-in, one-out rule.', []);
  });

  it('"mm" and "m" after a bare number are lengths; after a currency, millions', () => {
    check('120mm of rain fell on 400m of road.', ['QUANTITY 120mm = 120 (mm)', 'QUANTITY 400m = 400 (m)']);
    check('The fund raised $120mm.', ['MONEY $120mm = USD 120000000']);
  });

  it('"first-half profit" and "the first half" are periods, not fractions; "half a million" is one figure', () => {
    check('First-half profit fell 55% and in the second half sales rose.', ['PERCENT 55% = 55']);
    check('Half a million people marched; he paid half a million dollars.', ['QUANTITY Half a million = 500000 (person)', 'MONEY half a million dollars = USD 500000']);
    check('Half the staff left.', ['QUANTITY Half = 0.5 (fraction)']);
  });

  it('a capitalised plural with no noun after it is what is counted ("70,000 Palestinians"); before a noun, the noun is', () => {
    check('More than 70,000 Palestinians have been killed.', ['QUANTITY 70,000 = 70000 (Palestinian)']);
    check('Four Apache helicopters and 23 NATO nations.', ['QUANTITY Four = 4 (helicopter)', 'QUANTITY 23 = 23 (nation)']);
  });

  it('a time after a number is no counted noun ("voted 68-31 late Friday")', () => {
    check('The Senate voted 68-31 late Friday.', ['QUANTITY 68 = 68', 'QUANTITY 31 = 31']);
  });

  it('codes ("5G", "3D") and slashed pairs ("24/7", "50/50") are no figures; "2.4pc" is a percentage; "1.2m people" are millions', () => {
    check('The 5G network, 3D printing, open 24/7, 50/50 odds.', []);
    check('Inflation of 2.4pc; 5M users; 40C heat.', ['PERCENT 2.4pc = 2.4', 'QUANTITY 5M = 5000000 (user)', 'QUANTITY 40C = 40 (c)']);
    check('1.2m people crossed 400m of road.', ['QUANTITY 1.2m = 1200000 (person)', 'QUANTITY 400m = 400 (m)']);
  });

  it('a station\'s number is part of its name', () => {
    check('She told BBC Radio 4 that 12 ministers agreed.', ['QUANTITY 12 = 12 (minister)']);
  });

  it('a counted noun never comes from the next sentence', () => {
    check('The index closed at 8,204.\n\nShell fell 2 per cent.', ['QUANTITY 8,204 = 8204', 'PERCENT 2 per cent = 2']);
    check('They finished in the top six. Leeds drew at home.', ['QUANTITY six = 6']);
    check('The plant cut output by 12,500. Workers protested.', ['QUANTITY 12,500 = 12500']);
    // an abbreviation's full stop does not end the search
    check('About 40 U.S. warships sailed.', ['QUANTITY 40 = 40 (warship)']);
  });

  it('basis points are the unit, however they are written', () => {
    check('Yields rose 14 basis points.', ['QUANTITY 14 = 14 (basis point)']);
    check('Yields rose 9bps on Monday.', ['QUANTITY 9bps = 9 (basis point)']);
    check('Yields rose 9 bps on Monday.', ['QUANTITY 9 = 9 (basis point)']);
  });

  it('a decimal amount with its scale ends there: the number words after it are another figure', () => {
    check('It handled 4.6 million forty-foot boxes.', ['QUANTITY 4.6 million = 4600000 (forty)', 'QUANTITY forty-foot = 40 (foot)']);
    // whole amounts still read on ("2 million three hundred thousand" is one number)
    assert.equal(findFigures('a total of two million three hundred thousand voters')[0].value, 2300000);
  });

  it('telephone numbers yield no figures', () => {
    check('Call the desk on +44 20 7946 0312 or 020 7946 0312.', []);
    check('Media line: (415) 555-0199, or 212-555-0143 after hours.', []);
    check('Tel. +1 303.555.0110', []);
    // a number written in groups of three is still a figure
    check('It counted 1 204 311 ballots.', ['QUANTITY 1 204 311 = 1204311 (ballot)']);
  });

  it('item numbers of a list at the start of a line are no figures', () => {
    check('Most read\n1. Rail fares to rise\n2) Storm warning for Wales\nThey sold 3. Then they left.', ['QUANTITY 3 = 3']);
  });

  it("a team's formation is no figure", () => {
    check('Leeds (4-2-3-1): Perri; Bogle.', []);
    check('They switched to a 3-5-2 after the break.', []);
    check('It ended 2-1.', ['QUANTITY 2 = 2', 'QUANTITY 1 = 1']);
  });

  it('the first figure of a range takes the unit written after the second', () => {
    check('growth in a 2-4% range', ['PERCENT 2 = 2', 'PERCENT 4% = 4']);
    check('up from 3 to 5 per cent', ['PERCENT 3 = 3', 'PERCENT 5 per cent = 5']);
    check('a cost of 40 million to 55 million euros', ['MONEY 40 million = EUR 40000000', 'MONEY 55 million euros = EUR 55000000']);
    // the scale of the first is unsaid: left as written
    check('between 40 and 55 million euros', ['QUANTITY 40 = 40', 'MONEY 55 million euros = EUR 55000000']);
    // a year before "and" is no part of a range (years are left to the dates)
    check('It grew 3% in 2024 and 5% in 2025.', ['PERCENT 3% = 3', 'PERCENT 5% = 5']);
    check('a fall from 30 to 25 per cent', ['PERCENT 30 = 30', 'PERCENT 25 per cent = 25']);
    // a figure with a unit of its own is no part of a range: "to" says where the other went
    check('Yields rose 6bps to 4.52 per cent.', ['QUANTITY 6bps = 6 (basis point)', 'PERCENT 4.52 per cent = 4.52']);
  });

  it('a figure after a verb of change measures what changed; a time or a comparison after it measures nothing', () => {
    const measure = (text: string, surface: string): string | undefined => {
      const span = findFigures(text).find((f) => f.text === surface);
      assert.ok(span, surface);
      return describeClaim(text, span).measure;
    };
    assert.equal(measure('The broad index rose 1.4 per cent on Friday.', '1.4 per cent'), 'broad index');
    assert.equal(measure('In May, container traffic at Redcar fell 6 per cent.', '6 per cent'), 'container traffic');
    assert.equal(measure('Its bond yields climbed by 0.12 per cent.', '0.12 per cent'), 'bond yields');
    assert.equal(measure('In May, loan approvals fell to 48,200.', '48,200'), 'loan approvals');
    // "last year", "higher", "a day for" after the figure are no measure
    assert.equal(measure('The bills came in 9 per cent higher than before.', '9 per cent'), undefined);
    assert.equal(measure('It costs about £2m a day for the city.', '£2m'), undefined);
    // a measure named before the figure still wins
    assert.equal(measure('In 2025, defence spending rose 3 per cent.', '3 per cent'), 'defence spending');
  });
});
