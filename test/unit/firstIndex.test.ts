import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { firstIndex } from '../../src/core/util/firstIndex';

describe('firstIndex (binary search for the first index a monotone test reaches)', () => {
  it('answers 0 for an empty list and the length when the test is never reached', () => {
    assert.equal(firstIndex(0, () => true), 0);
    assert.equal(firstIndex(5, () => false), 5);
    assert.equal(firstIndex(5, () => true), 0);
  });

  it('finds what a scan from the start finds, on sorted lists with repeats (property-based, fixed seed)', () => {
    const outcomes = { start: 0, middle: 0, end: 0 };
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), fc.integer({ min: -5, max: 45 }), (values, point) => {
      const sorted = [...values].sort((a, b) => a - b);
      const scanned = sorted.findIndex((v) => v > point);
      const expected = scanned < 0 ? sorted.length : scanned;
      const found = firstIndex(sorted.length, (i) => sorted[i] > point);
      outcomes[found === 0 ? 'start' : found === sorted.length ? 'end' : 'middle']++;
      assert.equal(found, expected);
    }), { numRuns: 2000 });
    console.log('      firstIndex outcomes over 2,000 cases:', outcomes);
    assert.ok(outcomes.start > 0 && outcomes.middle > 0 && outcomes.end > 0, 'every kind of answer was drawn');
  });
});
