import { strict as assert } from 'node:assert';
import { refineMention } from '../../src/core/extract/names/refine';

function refined(text: string, surface: string): string | undefined {
  const start = text.indexOf(surface);
  const m = refineMention(text, { start, end: start + surface.length, type: 'ORG' });
  return m ? text.slice(m.start, m.end) : undefined;
}

describe('refineMention: brackets', () => {
  const cases: [string, string, string][] = [
    // a closing bracket that pairs with one inside the name is part of it
    ['Hajduk 2 Proleter (Z) 0', 'Proleter (Z)', 'Proleter (Z)'],
    ['Sloboda 4 Mladost ( BJ ) 0', 'Mladost ( BJ )', 'Mladost ( BJ )'],
    ['the Workers Party [PT] said', 'Workers Party [PT]', 'Workers Party [PT]'],
    // an unpaired one is still trimmed
    ['(Reuters) the Acme Corp) deal', 'Acme Corp)', 'Acme Corp'],
    ['talks in (Geneva)', '(Geneva)', 'Geneva'],
  ];
  for (const [text, surface, expected] of cases) {
    it(`${surface} → ${expected}`, () => assert.equal(refined(text, surface), expected));
  }
});

describe('refineMention: a rank after a possessive', () => {
  const cases: [string, string, string][] = [
    ["Colby, who holds the Pentagon's No. 3 post", "Pentagon's No", 'Pentagon'],
    ['the Treasury’s No. 2 official', 'Treasury’s No', 'Treasury'],
    ['the agency’s No 2', 'agency’s No', 'agency'],
    ["the Pentagon's No. 3 post", "Pentagon's No.", 'Pentagon'],
    // without a number after it, "No" may be part of a name and stays
    ["Dr. No's No Regrets Tour", "No's No", "No's No"],
  ];
  for (const [text, surface, expected] of cases) {
    it(`${surface} → ${expected}`, () => assert.equal(refined(text, surface), expected));
  }
});
