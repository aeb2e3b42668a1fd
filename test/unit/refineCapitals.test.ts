import { strict as assert } from 'node:assert';
import { refineMention } from '../../src/core/extract/names/refine';

function refine(text: string, surface: string, type: 'PERSON' | 'ORG'): string | undefined {
  const start = text.indexOf(surface);
  const m = refineMention(text, { start, end: start + surface.length, type });
  return m && `${m.type}:${text.slice(m.start, m.end)}`;
}

describe('refineMention: titles in capitals', () => {
  it('strips a title and its linking words from a transcript speaker label in capitals', () => {
    const text = 'SECRETARY OF DEFENSE PETE HEGSETH: Thank you.';
    assert.equal(refine(text, 'SECRETARY OF DEFENSE PETE HEGSETH', 'PERSON'), 'PERSON:PETE HEGSETH');
    assert.equal(refine('MR. JOHN SMITH: Yes.', 'MR. JOHN SMITH', 'PERSON'), 'PERSON:JOHN SMITH');
  });

  it('turns a role in capitals before a name typed as an organization into a person', () => {
    const text = 'PRESIDENT DONALD TRUMP: We will.';
    assert.equal(refine(text, 'PRESIDENT DONALD TRUMP', 'ORG'), 'PERSON:DONALD TRUMP');
  });

  it('leaves names in capitals that hold no title alone', () => {
    assert.equal(refine('STATE DEPARTMENT SAYS', 'STATE DEPARTMENT', 'ORG'), 'ORG:STATE DEPARTMENT');
    assert.equal(refine('KING SAID', 'KING', 'PERSON'), 'PERSON:KING', 'the last word is never stripped');
  });
});
