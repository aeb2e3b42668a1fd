import { strict as assert } from 'node:assert';
import { findFigures } from '../../src/core/extract/figures';

function quantities(text: string): [string, number][] {
  return findFigures(text).filter((s) => s.type === 'QUANTITY').map((s) => [s.text, Number((s.value as number).toFixed(6))]);
}

describe('figures: spelled-out numbers with "and" and fractions', () => {
  const cases: [string, [string, number][]][] = [
    // a whole number, "and", then a fraction whose numerator is a tens word
    ['two and fifty-four hundredths', [['two and fifty-four hundredths', 2.54]]],
    ['seven and twenty-five hundredths of a mile', [['seven and twenty-five hundredths', 7.25]]],
    // the part after "and" below the denominator is the fraction (a mixed number)
    ['two hundred and fifty-four hundredths', [['two hundred and fifty-four hundredths', 200.54]]],
    ['one hundred and thirty-one thousandths', [['one hundred and thirty-one thousandths', 100.031]]],
    // a decimal numeral scales by "hundred" as it does by "million"
    ['2.12 hundred units', [['2.12 hundred', 212]]],
    ['4.5 hundred', [['4.5 hundred', 450]]],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${JSON.stringify(expected)}`, () => assert.deepEqual(quantities(text), expected));
  }

  it('keeps the mixed numbers that already read single-digit numerators', () => {
    assert.deepEqual(quantities('one hundred and three quarters'), [['one hundred and three quarters', 100.75]]);
    assert.deepEqual(quantities('three and a half'), [['three and a half', 3.5]]);
  });

  it('does not join two counts across "and"', () => {
    assert.deepEqual(quantities('two and fifty soldiers'), [['two', 2], ['fifty', 50]]);
  });
});

describe('numbers: signs on a line of their own, compound ordinal denominators, "out of" with a plural multiplier', () => {
  const read = (text: string): [string, unknown][] => findFigures(text).map((s) => [s.text, s.value]);
  it('reads "- 10 k" alone on its line as negative, and leaves a list item positive', () => {
    assert.deepEqual(read('- 10  k'), [['- 10  k', -10000]]);
    assert.deepEqual(read('Results:\n- 1 4/5\n'), [['- 1 4/5', -1.8]]);
    assert.deepEqual(read('- 10 people were hurt'), [['10', 10]]);
  });
  it('reads a round cardinal then an ordinal as one denominator', () => {
    assert.deepEqual(read('one one hundred fifth'), [['one one hundred fifth', 1 / 105]].map(([t, v]) => [t, Number((v as number).toPrecision(12))]));
    assert.deepEqual(read('one one hundred and fifth').map(([t]) => t), ['one one hundred and fifth']);
  });
  it('multiplies an "out of" divisor by a plural hundreds', () => {
    assert.deepEqual(read('two out of five hundreds tvs'), [['two out of five hundreds', 0.004]]);
  });
});
