import { strict as assert } from 'node:assert';
import { isTitleCaseLine } from '../../src/core/extract/names/documentConsistency';

describe('documentConsistency: which title-cased lines are headlines', () => {
  const notHeadlines = [
    // a sentence ends with a full stop
    'Brian Giles and Jim Thome Homered for Cleveland.',
    'Officials Said Pete Sampras Would Meet Todd Martin Again.',
    // lists of names, with commas or bracketed notes
    'Mike Hulbert, Brian Henninger, Tiger Woods, Steve Jurgenson',
    'Hendrik Dreekmann (Germany) Beat Thomas Johansson (Sweden)',
    'England: Mike Atherton (captain), Nick Knight, Alec Stewart, Graham Thorpe',
    // a byline lists its writers
    'By Jane Doe and Rahul Mehta, Reuters',
    'BY Maria Lopez And Tom Baker',
  ];
  for (const line of notHeadlines) {
    it(`not a headline: ${line}`, () => assert.equal(isTitleCaseLine(line), false));
  }

  const headlines = [
    'Allies Weigh New Sanctions After Border Clash',
    'Europe Braces for a Long Winter of Energy Rationing',
    'Analysis: Why the Central Bank Held Rates Steady',
    'U.S. Weighs New Sanctions Against Iran',
    'By the Numbers: What the Budget Deal Means',
  ];
  for (const line of headlines) {
    it(`a headline: ${line}`, () => assert.equal(isTitleCaseLine(line), true));
  }
});
