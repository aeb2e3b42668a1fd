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
