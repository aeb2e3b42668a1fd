import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadNameTagger, loadNameTaggerWithHeader } from '../../src/core/extract/ner/index';
import { EmissionTable } from '../../src/core/extract/ner/emissionTable';
import { decodeModel, encodeModel, makeCodebook, quantize } from '../../src/core/extract/ner/modelFormat';
import type { NameMention } from '../../src/core/extract/types';

const MODEL_FILE = path.resolve(__dirname, '../../models/ner.model');
const modelBytes = fs.readFileSync(MODEL_FILE);
const tagger = loadNameTagger(modelBytes);

function assertWellFormed(text: string, mentions: NameMention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end), 'integer offsets');
    assert.ok(m.start >= previousEnd, `mentions overlap or are unsorted at ${m.start}`);
    assert.ok(m.end > m.start && m.end <= text.length, `mention [${m.start}, ${m.end}) outside text of length ${text.length}`);
    const surface = text.slice(m.start, m.end);
    assert.equal(surface, surface.trim(), `mention ${JSON.stringify(surface)} has outer whitespace`);
    assert.ok(!/^[\uDC00-\uDFFF]/.test(surface) && !/[\uD800-\uDBFF]$/.test(surface), 'mention splits a surrogate pair');
    if (m.score !== undefined) assert.ok(m.score >= 0 && m.score <= 1, 'score in [0, 1]');
    previousEnd = m.end;
  }
}

const find = (text: string, mentions: NameMention[], surface: string): NameMention | undefined =>
  mentions.find((m) => text.slice(m.start, m.end) === surface);

describe('name tagger (trained model)', () => {
  it('finds obvious people, places and organizations', () => {
    const text = 'German Chancellor Helmut Kohl met President Bill Clinton in Washington on Tuesday, the White House said.\n' +
      'Shares of Microsoft Corp rose 3 percent in New York.';
    const mentions = tagger.detect(text);
    assert.equal(find(text, mentions, 'Helmut Kohl')?.type, 'PERSON');
    assert.equal(find(text, mentions, 'Bill Clinton')?.type, 'PERSON');
    assert.equal(find(text, mentions, 'Washington')?.type, 'PLACE');
    assert.equal(find(text, mentions, 'New York')?.type, 'PLACE');
    assert.equal(find(text, mentions, 'Microsoft Corp')?.type, 'ORG');
    assert.equal(find(text, mentions, 'German')?.type, 'MISC');
    assert.equal(find(text, mentions, 'Tuesday'), undefined, 'weekdays are not names');
  });

  it('scores clear names as confident and a doubtful one lower', () => {
    const text = 'German Chancellor Helmut Kohl met President Bill Clinton in Washington on Tuesday, the White House said.\n' +
      'Shares of Microsoft Corp rose 3 percent in New York.';
    const mentions = tagger.detect(text);
    for (const name of ['Helmut Kohl', 'Bill Clinton', 'Washington', 'New York']) {
      const score = find(text, mentions, name)?.score ?? 0;
      assert.ok(score > 0.8, `${name} scored ${score}`);
    }
    // a name in a title-cased headline, where capitals say little, is less certain than one in a clear sentence
    const headline = 'Trudeau Meets Xi Jinping in Beijing as Canada Seeks New Trade Deal';
    const doubtful = find(headline, tagger.detect(headline), 'Xi Jinping');
    assert.ok(doubtful?.score !== undefined, 'Xi Jinping is found in the headline');
    assert.ok(doubtful.score < (find(text, mentions, 'Helmut Kohl')?.score ?? 0), `headline name scored ${doubtful.score}`);
  });

  it('keeps an initial and a surname together', () => {
    const text = 'The decisive goal came from J. Russell in the second half.';
    const mentions = tagger.detect(text);
    assert.equal(find(text, mentions, 'J. Russell')?.type, 'PERSON');
  });

  it('loads deterministically: two loads tag identically', () => {
    const other = loadNameTagger(new Uint8Array(modelBytes));
    const text = 'Boris Yeltsin flew to Moscow after talks with NATO officials in Brussels.';
    assert.deepEqual(other.detect(text), tagger.detect(text));
  });

  it('tags an article the same whatever it tagged before: its per-word sums carry over articles and start afresh when full', () => {
    const samples = path.resolve(__dirname, '../../samples');
    const [first, second] = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
    const cold = loadNameTagger(modelBytes).detect(first);
    const warm = loadNameTagger(modelBytes);
    warm.detect(second);
    warm.detect(first);
    assert.deepEqual(warm.detect(first), cold, 'after other articles and itself');
    // more distinct words than the tagger keeps sums for (20,000), in three articles, then the article again
    const words = Array.from({ length: 25_000 }, (_, i) => `Qz${i.toString(36)}`);
    for (let part = 0; part < 3; part++) {
      const lines: string[] = [];
      for (let i = part * 8_400; i < Math.min(words.length, (part + 1) * 8_400); i += 10) lines.push(`${words.slice(i, i + 10).join(' and ')} met in Brussels.`);
      const article = lines.join('\n');
      assert.deepEqual(warm.detect(article), loadNameTagger(modelBytes).detect(article), `article ${part + 1} of many words`);
    }
    const again = warm.detect(first);
    assert.ok(cold.length > 20 && cold.some((m) => m.typeConfidence !== undefined), 'the article has names with scores to compare');
    assert.deepEqual(again, cold, 'after the per-word sums started afresh');
  });

  it('returns valid UTF-16 offsets on CRLF, BOM, emoji and accented text', () => {
    const texts = [
      '\uFEFFPrime Minister Tony Blair arrived in London.\r\nFrançois Mitterrand and José María Aznar 🎉 met in Zürich.\r\n',
      '😀😀 Angela Merkel 👍 visited Paris — and then Berlin.',
      'Ünal Öztürk joined Galatasaray; Søren Kierkegaard\u00a0wrote in København.',
      '\r\n\r\n',
      '',
    ];
    for (const text of texts) {
      const mentions = tagger.detect(text);
      assertWellFormed(text, mentions);
    }
    const crlf = texts[0];
    const blair = find(crlf, tagger.detect(crlf), 'Tony Blair');
    assert.equal(blair?.type, 'PERSON');
  });

  it('never returns malformed mentions on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        assertWellFormed(text, tagger.detect(text));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('adds weights up in any order only when the sums are exact: not with weights far apart in scale', () => {
    const keys = Int32Array.from([11, 22]);
    const codes = Uint8Array.from([1, 2]);
    const shipped = decodeModel(modelBytes);
    assert.ok(new EmissionTable(shipped.featureKeys, shipped.weights, shipped.tagCount, shipped.codebook).sumsExactUpTo(49), 'the shipped model');
    const book = new Float32Array(256);
    book[1] = 1;
    book[2] = 2 ** -30;
    // 49 terms of 1 in steps of 2^-53 need 59 bits
    assert.equal(new EmissionTable(keys, codes, 1, book).sumsExactUpTo(49), false);
    book[2] = 2 ** -20;
    assert.equal(new EmissionTable(keys, codes, 1, book).sumsExactUpTo(49), true);
    assert.equal(new EmissionTable(keys, codes, 1, book).sumsExactUpTo(2 ** 20), false);
  });

  it('records the dev F1 it was shipped with', () => {
    const { header } = loadNameTaggerWithHeader(modelBytes);
    assert.ok(header.devF1 >= 0.9, `shipped dev F1 ${header.devF1} is below the 0.90 target`);
  });
});

describe('name tagger artifact format', () => {
  it('re-encodes the shipped model byte for byte', () => {
    const decoded = decodeModel(modelBytes);
    assert.deepEqual(encodeModel(decoded), new Uint8Array(modelBytes));
  });

  it('round-trips a small model through encode and decode', () => {
    const model = {
      header: { scheme: 'BIO' as const, devF1: 0.5, training: { note: 'unit test' } },
      tagCount: 9,
      transitions: Float32Array.from({ length: 90 }, (_, k) => k / 10),
      codebook: makeCodebook(2),
      featureKeys: Int32Array.from([5, -7, 123456789]),
      weights: Uint8Array.from({ length: 27 }, (_, k) => k * 9),
      lexicon: { capRatio: new Map([[11, 1], [-12, 6]]), gazetteer: new Map([[99, 3]]), gazetteerMaxTokens: 2 },
    };
    const back = decodeModel(encodeModel(model));
    // the loaded lexicon is a typed-array table, not a Map: compare its entries and lookups
    const { lexicon: backLexicon, ...backRest } = back;
    const { lexicon, ...rest } = model;
    assert.deepEqual(backRest, rest);
    for (const field of ['capRatio', 'gazetteer'] as const) {
      assert.deepEqual([...backLexicon[field].keys()], [...lexicon[field].keys()], field);
      assert.deepEqual([...backLexicon[field].values()], [...lexicon[field].values()], field);
      for (const [key, value] of lexicon[field]) assert.equal(backLexicon[field].get(key), value, `${field} ${key}`);
      assert.equal(backLexicon[field].get(424242), undefined, `${field}: an absent key`);
    }
    assert.equal(backLexicon.gazetteerMaxTokens, 2);
    assert.equal(backLexicon.clusters, undefined, 'a model without clusters loads without them');
  });

  it('round-trips word clusters and looks up every key of a large table', () => {
    const clusters = new Map<number, number>();
    for (let k = 0; k < 5000; k++) clusters.set(Math.imul(k + 1, 0x9e3779b1) | 0, 1 + (k % 200));
    const model = {
      header: { scheme: 'BIO' as const, devF1: 0.5, nonLocal: true, training: { note: 'unit test' } },
      tagCount: 9, transitions: new Float32Array(90), codebook: makeCodebook(1), featureKeys: Int32Array.from([1]), weights: new Uint8Array(9),
      lexicon: { capRatio: new Map<number, number>(), gazetteer: new Map<number, number>(), gazetteerMaxTokens: 0, clusters, coarseClusters: Uint8Array.from({ length: 201 }, (_, k) => k % 16) },
    };
    const back = decodeModel(encodeModel(model));
    assert.equal(back.header.nonLocal, true);
    assert.equal(back.lexicon.clusters?.size, 5000);
    for (const [key, value] of clusters) assert.equal(back.lexicon.clusters!.get(key), value);
    assert.equal(back.lexicon.clusters!.get(12345), clusters.get(12345));
    assert.deepEqual(back.lexicon.coarseClusters, model.lexicon.coarseClusters);
  });

  it('rejects bytes that are not a model', () => {
    assert.throws(() => loadNameTagger(new TextEncoder().encode('not a model at all')), /bad magic/);
  });

  it('quantizes zero exactly and keeps the sign and order of weights', () => {
    const book = makeCodebook(4);
    assert.equal(book[quantize(0, 4)], 0);
    assert.ok(book[quantize(-1, 4)] < 0 && book[quantize(1, 4)] > 0);
    assert.ok(book[quantize(0.5, 4)] < book[quantize(2, 4)]);
    assert.ok(Math.abs(book[quantize(0.1, 4)] - 0.1) < 0.01, 'small weights keep fine resolution');
  });
});
