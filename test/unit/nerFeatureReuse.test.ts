import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURE_SLOTS, ONE_WORD_SLOTS, WordValues, extractFeatures } from '../../src/core/extract/ner/features';
import { decodeModel } from '../../src/core/extract/ner/modelFormat';
import { segment } from '../../src/core/extract/ner/segment';

const model = decodeModel(fs.readFileSync(path.resolve(__dirname, '../../models/ner.model')));
const lexicon = model.lexicon;
const samples = path.resolve(__dirname, '../../samples');
const articles = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
const PARTS = [ONE_WORD_SLOTS.own, ONE_WORD_SLOTS.before, ONE_WORD_SLOTS.after, ONE_WORD_SLOTS.twoBefore, ONE_WORD_SLOTS.twoAfter];

describe('name tagger features kept per word', () => {
  it('gives the features computed from each token, whatever the kept words saw before, across its limit', () => {
    // a small limit, so that the kept words start afresh within the articles
    const words = new WordValues(lexicon, 300);
    let tokensSeen = 0;
    for (const text of [...articles.slice(0, 4), articles[0], 'ÉLYSÉE Straße and Zoë met O’Brien; 1996-08-22, U.S.-led.']) {
      const { tokens, sentences } = segment(text);
      const plain = extractFeatures(text, tokens, sentences, lexicon);
      const kept = extractFeatures(text, tokens, sentences, lexicon, undefined, { words });
      assert.deepEqual(kept, plain);
      tokensSeen += tokens.length;
    }
    assert.ok(tokensSeen > 2000, `${tokensSeen} tokens compared`);
  });

  it('leaves out exactly the one-word slots of the parts a token is told to skip', () => {
    const text = articles[1];
    const { tokens, sentences } = segment(text);
    const plain = extractFeatures(text, tokens, sentences, lexicon);
    const skip = new Uint8Array(tokens.length);
    for (let i = 0; i < skip.length; i++) skip[i] = (i * 7) % 32; // every combination of the five parts
    const partial = extractFeatures(text, tokens, sentences, lexicon, undefined, { words: new WordValues(lexicon), skip });
    let left = 0;
    for (let i = 0; i < tokens.length; i++) {
      const skipped = new Set<number>();
      PARTS.forEach((slots, p) => { if (skip[i] & (1 << p)) for (const f of slots) skipped.add(f); });
      for (let f = 0; f < FEATURE_SLOTS; f++) {
        const k = i * FEATURE_SLOTS + f;
        if (skipped.has(f)) { assert.equal(partial[k], 0, `token ${i} slot ${f}`); if (plain[k] !== 0) left++; }
        else assert.equal(partial[k], plain[k], `token ${i} slot ${f}`);
      }
    }
    assert.ok(left > 1000, `${left} features left out`);
  });
});
