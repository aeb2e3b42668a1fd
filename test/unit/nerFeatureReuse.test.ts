import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURE_SLOTS, ONE_WORD_SLOTS, WORD_IN_PLACE_SLOTS, WordValues, extractFeatures } from '../../src/core/extract/ner/features';
import { decodeModel } from '../../src/core/extract/ner/modelFormat';
import { segment } from '../../src/core/extract/ner/segment';

const model = decodeModel(fs.readFileSync(path.resolve(__dirname, '../../models/ner.model')));
const lexicon = model.lexicon;
const samples = path.resolve(__dirname, '../../samples');
const articles = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
const PARTS = [ONE_WORD_SLOTS.own, ONE_WORD_SLOTS.before, ONE_WORD_SLOTS.after, ONE_WORD_SLOTS.twoBefore, ONE_WORD_SLOTS.twoAfter];

describe('name tagger features kept per word', () => {
  it('gives the features computed from each token, whatever its word\'s row held before, rows given to other words', () => {
    // rows given out as the tagger does: a word keeps its row, and when a document's words might not fit in
    // the rows left, all start afresh before it; rows are few here, so that they pass to other words
    const texts = [...articles, ...[...articles].reverse(), 'ÉLYSÉE Straße and Zoë met O’Brien; 1996-08-22, U.S.-led.'];
    const LIMIT = Math.max(...texts.map((t) => segment(t).tokens.length)) + 1;
    const flags = new Uint8Array(LIMIT);
    const words = new WordValues(lexicon, LIMIT, flags, 1 << 5);
    const rowOf = new Map<string, number>();
    let tokensSeen = 0;
    let fresh = 0;
    for (const text of texts) {
      const { tokens, sentences } = segment(text);
      if (rowOf.size + tokens.length > LIMIT) { rowOf.clear(); fresh++; }
      const rows = new Int32Array(tokens.length);
      tokens.forEach((t, i) => {
        let row = rowOf.get(t.text);
        if (row === undefined) {
          row = rowOf.size;
          rowOf.set(t.text, row);
          flags[row] = 0;
        }
        rows[i] = row;
      });
      const plain = extractFeatures(text, tokens, sentences, lexicon);
      const kept = extractFeatures(text, tokens, sentences, lexicon, undefined, { words, rows });
      assert.deepEqual(kept, plain);
      tokensSeen += tokens.length;
    }
    assert.ok(tokensSeen > 2000 && fresh >= 2, `${tokensSeen} tokens compared, rows given afresh ${fresh} times`);
  });

  it('leaves out exactly the one-word slots of the parts a token is told to skip', () => {
    const text = articles[1];
    const { tokens, sentences } = segment(text);
    const plain = extractFeatures(text, tokens, sentences, lexicon);
    const skip = new Uint8Array(tokens.length);
    for (let i = 0; i < skip.length; i++) skip[i] = (i * 7) % 32; // every combination of the five parts
    // a row per token, so no row holds another word's values
    const rows = Int32Array.from(tokens, (_, i) => i);
    const words = new WordValues(lexicon, tokens.length, new Uint8Array(tokens.length), 1);
    const partial = extractFeatures(text, tokens, sentences, lexicon, undefined, { words, rows, skip });
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

  it('reads nothing but the word and its place in the placed slots, and nothing but one word in the one-word parts', () => {
    const placed = new Map<string, string>();
    const byWord = PARTS.map(() => new Map<string, string>());
    let placedRepeats = 0;
    let wordRepeats = 0;
    for (const text of articles) {
      const { tokens, sentences } = segment(text);
      const rows = Int32Array.from(tokens, (_, i) => i);
      const place = new Uint8Array(tokens.length);
      const features = extractFeatures(text, tokens, sentences, lexicon, undefined, { words: new WordValues(lexicon, tokens.length, new Uint8Array(tokens.length), 1), rows, place });
      const slotsOf = (i: number, slots: readonly number[]): string => slots.map((f) => features[i * FEATURE_SLOTS + f]).join(',');
      for (const s of sentences) {
        for (let i = s.first; i < s.last; i++) {
          assert.ok(place[i] < 64, 'a place below 64');
          const key = `${tokens[i].text}\u0000${place[i]}`;
          const seen = placed.get(key);
          if (seen === undefined) placed.set(key, slotsOf(i, WORD_IN_PLACE_SLOTS));
          else { assert.equal(slotsOf(i, WORD_IN_PLACE_SLOTS), seen, `placed slots of ${tokens[i].text}`); placedRepeats++; }
          [0, -1, 1, -2, 2].forEach((offset, p) => {
            const j = i + offset;
            // past the sentence, the boundary stands in for the word
            const word = j >= s.first && j < s.last ? tokens[j].text : '';
            const before = byWord[p].get(word);
            if (before === undefined) byWord[p].set(word, slotsOf(i, PARTS[p]));
            else { assert.equal(slotsOf(i, PARTS[p]), before, `part ${p} of ${word}`); wordRepeats++; }
          });
        }
      }
    }
    assert.ok(placedRepeats > 2000 && wordRepeats > 10000, `${placedRepeats} placed and ${wordRepeats} one-word repeats compared`);
  });
});
