import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';

describe('dates: a spoken year inside a larger spelled-out number is no year', () => {
  const detector = new RuleNameDetector();
  const spansOf = (text: string) => extract(text, { nameDetector: detector }).spans.map((s) => [s.type, s.text, s.value]);
  const numbers: [string, number][] = [
    ['two hundred and two thousand', 202000],
    ['two thousand and two hundred', 2200],
    ['one million two thousand two hundred', 1002200],
    ['two thousand two hundred', 2200],
  ];
  for (const [text, value] of numbers) {
    it(`${text} → ${value}`, () => assert.deepEqual(spansOf(text), [['QUANTITY', text, value]]));
  }

  it('still reads a spoken year on its own', () => {
    assert.deepEqual(spansOf('It opened in two thousand and two.').filter((s) => s[0] === 'DATE'), [['DATE', 'two thousand and two', '2002']]);
    assert.deepEqual(spansOf('It closed in nineteen ninety-nine.').filter((s) => s[0] === 'DATE'), [['DATE', 'nineteen ninety-nine', '1999']]);
  });
});
