import { strict as assert } from 'node:assert';
import { applyDocumentConsistency, isTitleCaseLine } from '../../src/core/extract/names/documentConsistency';
import type { Span } from '../../src/core/extract/types';

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

describe('documentConsistency: names in headlines', () => {
  const text = 'Ministers Meet Anna Berg as Costa Rica Weighs Trade Pact\nFaith Groups Gather on Harbor Hill During Long Protest\n\nThe talks went on.';
  const span = (surface: string, type: Span['type']): Span => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, type, text: surface, value: null };
  };

  it('keeps a multi-word headline name the detector is sure of, and drops a doubtful one the body never names', () => {
    const berg = span('Anna Berg', 'PERSON');
    const costaRica = span('Costa Rica', 'PLACE');
    const hill = span('Harbor Hill During', 'PLACE');
    const confidence = new Map<Span, number>([[berg, 0.97], [costaRica, 0.91], [hill, 0.42]]);
    const kept = applyDocumentConsistency(text, [berg, costaRica, hill], confidence).map((s) => s.text);
    assert.deepEqual(kept, ['Anna Berg', 'Costa Rica']);
  });

  it('without scores, keeps only the headline names that running text confirms', () => {
    const kept = applyDocumentConsistency(text, [span('Anna Berg', 'PERSON'), span('Costa Rica', 'PLACE')]).map((s) => s.text);
    assert.deepEqual(kept, []);
  });
});

