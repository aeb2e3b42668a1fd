import { strict as assert } from 'node:assert';
import { NL_SLOTS, emptyKeys, nonLocalFeatures } from '../../src/core/extract/ner/nonLocal';
import { extractFeatures } from '../../src/core/extract/ner/features';
import { emptyLexicon } from '../../src/core/extract/ner/lexicon';
import { segment } from '../../src/core/extract/ner/segment';
import type { TokenSpan } from '../../src/core/extract/ner/spans';

/** Keys of a text as the tagger computes them, and the index of each token by its text. */
function keysOf(text: string) {
  const { tokens, sentences } = segment(text);
  const keys = emptyKeys();
  extractFeatures(text, tokens, sentences, emptyLexicon(), keys);
  const at = (word: string, nth = 0): number => tokens.map((t, i) => (t.text === word ? i : -1)).filter((i) => i >= 0)[nth];
  return { tokens, keys, at };
}

describe('non-local second-pass features', () => {
  const text = 'Nato met in Brussels.\nNATO LEADERS MEET\nOfficials said Nato would act.';
  const { tokens, keys, at } = keysOf(text);
  const PERSON = 0;
  const ORG = 1;
  const PLACE = 2;

  it('marks a word with the type the first pass gave its other capitalised occurrences, in any casing', () => {
    const types = new Int8Array(tokens.length).fill(-1);
    types[at('Nato', 0)] = ORG;
    types[at('Nato', 1)] = ORG;
    types[at('Brussels')] = PLACE;
    const spans: TokenSpan[] = [
      { first: at('Nato', 0), last: at('Nato', 0) + 1, typeIndex: ORG },
      { first: at('Nato', 1), last: at('Nato', 1) + 1, typeIndex: ORG },
      { first: at('Brussels'), last: at('Brussels') + 1, typeIndex: PLACE },
    ];
    const f = nonLocalFeatures(keys, types, spans);
    assert.equal(f.length, tokens.length * NL_SLOTS);
    const word = (i: number): number => f[i * NL_SLOTS];
    const name = (i: number): number => f[i * NL_SLOTS + 1];
    // the upper-case NATO, missed by the first pass, hears that its other mentions are organizations
    assert.notEqual(word(at('NATO')), 0);
    assert.notEqual(word(at('Nato', 0)), 0);
    // a word seen once has no evidence from elsewhere, and lower-case words get nothing
    assert.equal(word(at('Brussels')), 0);
    assert.equal(word(at('met')), 0);
    assert.equal(name(at('Brussels')), 0);
    // the two first-pass ORG mentions of "Nato" confirm each other at name level
    assert.notEqual(name(at('Nato', 0)), 0);
    assert.equal(name(at('Nato', 0)), name(at('Nato', 1)), 'same evidence, same feature (both in normal lines)');
    assert.equal(name(at('NATO')), 0, 'a token outside every first-pass name has no name-level feature');
    // a different majority type gives a different feature
    const personTypes = types.slice();
    personTypes[at('Nato', 0)] = PERSON;
    personTypes[at('Nato', 1)] = PERSON;
    const g = nonLocalFeatures(keys, personTypes, spans.map((s) => (s.typeIndex === ORG ? { ...s, typeIndex: PERSON } : s)));
    assert.notEqual(g[at('NATO') * NL_SLOTS], word(at('NATO')));
  });

  it('gives no features when the first pass found nothing', () => {
    const types = new Int8Array(tokens.length).fill(-1);
    const f = nonLocalFeatures(keys, types, []);
    assert.ok(f.every((x) => x === 0));
  });
});

describe('document context features', () => {
  /** The feature row of the nth token with the given text. */
  const row = (text: string, word: string, contextFeatures = true): string => {
    const { tokens, sentences } = segment(text);
    const features = extractFeatures(text, tokens, sentences, { ...emptyLexicon(), contextFeatures });
    const i = tokens.findIndex((t) => t.text === word);
    const slots = features.length / tokens.length;
    return Array.from(features.subarray(i * slots, (i + 1) * slots)).join(',');
  };

  it('lets a mention hear the neighbours of the same word elsewhere in the document', () => {
    // the headline's "Pirelli" is the same; only the words around its other mention differ
    const a = row('Pirelli looks to China\nThe tyre giant Pirelli said on Friday.', 'Pirelli');
    const b = row('Pirelli looks to China\nThe writer Pirelli shares a prize.', 'Pirelli');
    assert.notEqual(a, b);
    // a model trained without them (older models) sees the same features as before they existed
    assert.equal(row('Pirelli looks to China\nThe tyre giant Pirelli said on Friday.', 'Pirelli', false),
      row('Pirelli looks to China\nThe writer Pirelli shares a prize.', 'Pirelli', false));
  });

  it('gives a word seen once nothing from the rest of the document', () => {
    const a = row('Pirelli looks to China\nThe tyre giant Magna said on Friday.', 'Pirelli');
    const b = row('Pirelli looks to China\nThe writer Lear shares a prize.', 'Pirelli');
    assert.equal(a, b);
  });
});

