import { strict as assert } from 'node:assert';
import { sentences, tokenize } from '../../src/core/text/tokenize';

describe('tokenize', () => {
  it('keeps abbreviations, splits possessives, punctuation and hyphenated compounds', () => {
    const text = 'The U.S. and NATO-led forces met Trump’s aides (in Brussels).';
    const tokens = tokenize(text).map((t) => t.text);
    assert.deepEqual(tokens, ['The', 'U.S.', 'and', 'NATO', '-', 'led', 'forces', 'met', 'Trump', '’s', 'aides', '(', 'in', 'Brussels', ')', '.']);
    for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('keeps ISO dates and currency amounts whole', () => {
    assert.deepEqual(tokenize('ROME 1996-12-06 costs $5.').map((t) => t.text), ['ROME', '1996-12-06', 'costs', '$5', '.']);
  });

  it('breaks sentences at terminators and line breaks, not after abbreviations mid-sentence', () => {
    const text = 'Headline Here\nMr. Smith met Dr. Jones. They talked.\r\nNext line';
    const tokens = tokenize(text);
    const ss = sentences(text, tokens).map((s) => tokens.slice(s.first, s.last).map((t) => t.text).join(' '));
    assert.deepEqual(ss, ['Headline Here', 'Mr. Smith met Dr. Jones .', 'They talked .', 'Next line']);
  });
});
