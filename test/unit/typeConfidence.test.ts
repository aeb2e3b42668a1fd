import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/core/extract';
import { applyDocumentConsistency } from '../../src/core/extract/names/documentConsistency';
import { loadNameTagger } from '../../src/core/extract/ner';
import type { EntityRegistry, NameType, Span } from '../../src/core/extract/types';
import { analyzeArticle, CACHE_VERSION, packAnalysis, quantizeConfidence, spanCount, typeConfidenceAt, unpackSpan } from '../../src/core/index/analysis';
import { deserializeAnalysis, serializeAnalysis } from '../../src/core/index/cacheEntry';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { HEADLINE_WEIGHT, mentionWeight, PLAIN_WEIGHT } from '../../src/core/index/indexTables';
import { viterbi } from '../../src/core/extract/ner/decode';
import { tokenSpans } from '../../src/core/extract/ner/spans';
import { typeMargin } from '../../src/core/extract/ner/tagger';
import { makeTagSet, type Scheme } from '../../src/core/extract/ner/tagScheme';

const ROOT = join(__dirname, '..', '..');
const detector = loadNameTagger(readFileSync(join(ROOT, 'models', 'ner.model')));
const NAMES = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

/**
 * One article as an extractor would give it: `names` are [surface, type, the tagger's confidence in the
 * type (undefined: none)], tagged at every occurrence in `text`.
 */
function article(index: CorpusIndex, uri: string, text: string, names: [string, NameType, number | undefined][]): void {
  const spans: Span[] = [];
  const typeConfidence = new Map<Span, number>();
  for (const [surface, type, confidence] of names) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
      const span: Span = { start: at, end: at + surface.length, type, text: surface, value: null };
      spans.push(span);
      if (confidence !== undefined) typeConfidence.set(span, confidence);
    }
  }
  index.addAnalysis(packAnalysis(uri, text, { spans, typeConfidence }), text);
}

function typeOf(index: CorpusIndex, name: string): string[] {
  return index.workspaceSymbols(name, 100).filter((s) => s.name === name).map((s) => s.type);
}

describe("the tagger's confidence in a name's type", () => {
  const text = 'Secretary of State Marco Rubio met officials in Amman on Monday. Rubio said NATO allies must spend more.\n' +
    'Officials in Washington said the deal was close. Washington scored twice against Dallas.\n';

  it('comes with each name the tagger typed itself, in [0, 1), and never with a name the registry typed', () => {
    const mentions = detector.detect(text);
    assert.ok(mentions.length >= 6, `${mentions.length} mentions`);
    for (const m of mentions) {
      assert.ok(m.typeConfidence === undefined || (m.typeConfidence >= 0 && m.typeConfidence < 1), `${text.slice(m.start, m.end)}: ${m.typeConfidence}`);
    }
    const rubio = mentions.find((m) => text.slice(m.start, m.end) === 'Marco Rubio')!;
    assert.equal(rubio.type, 'PERSON');
    assert.ok(rubio.typeConfidence! > 0.9, `a full name after "Secretary of State" is a person beyond doubt: ${rubio.typeConfidence}`);

    const registry: EntityRegistry = { entities: [{ canonical: 'Marco Rubio', type: 'PERSON' }] };
    const result = extract(text, { nameDetector: detector, registry });
    const confidence = result.typeConfidence!;
    assert.ok(confidence.size >= 4, `${confidence.size} spans with a confidence`);
    for (const [span, c] of confidence) {
      assert.ok(result.spans.includes(span), 'keyed by the spans of the result');
      assert.ok(NAMES.has(span.type) && c >= 0 && c < 1, `${span.text} ${span.type} ${c}`);
    }
    const curated = result.spans.find((s) => s.text === 'Marco Rubio')!;
    assert.equal(curated.canonical, 'Marco Rubio');
    assert.equal(confidence.get(curated), undefined, 'the registry, not the tagger, typed it');
    assert.ok(!JSON.stringify(result.spans).includes('onfidence'), 'the spans of the extract contract are unchanged');
  });

  it('is least for a name its article outvoted: the type is then its other mentions\', which vote themselves', () => {
    const spansOf = (t: string, typed: [string, NameType][]): Span[] => typed.map(([surface, type], k) => {
      let at = -1;
      for (let n = 0; n <= typed.slice(0, k).filter(([x]) => x === surface).length; n++) at = t.indexOf(surface, at + 1);
      return { start: at, end: at + surface.length, type, text: surface, value: null };
    });
    const t = 'Talks in Jordan went on. Jordan said no. Jordan left.';
    const spans = spansOf(t, [['Jordan', 'PLACE'], ['Jordan', 'PLACE'], ['Jordan', 'PERSON']]);
    const outvoted = new Set<Span>();
    applyDocumentConsistency(t, spans, undefined, outvoted);
    assert.deepEqual(spans.map((s) => s.type), ['PLACE', 'PLACE', 'PLACE']);
    assert.deepEqual([...outvoted], [spans[2]]);

    // the shipped tagger calls the team "Washington" a person; its article says place twice
    const sports = 'Officials in Washington said the deal with Washington was close. Washington scored twice against Dallas.\n';
    const result = extract(sports, { nameDetector: detector });
    const team = sports.indexOf('Washington scored');
    assert.equal(detector.detect(sports).find((m) => m.start === team)?.type, 'PERSON');
    const span = result.spans.find((s) => s.start === team)!;
    assert.equal(span.type, 'PLACE');
    assert.equal(result.typeConfidence!.get(span), 0);
  });

  it('is what the best tagging loses when a span takes the best other type, never negative (property, both schemes)', () => {
    const outcomes = { spans: 0, sentences: 0, zero: 0 };
    const sentence = fc.record({
      scheme: fc.constantFrom<Scheme>('BIO', 'BILOU'),
      n: fc.integer({ min: 1, max: 9 }),
      values: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 9 * 17 + 18 * 17, maxLength: 9 * 17 + 18 * 17 }),
    });
    fc.assert(fc.property(sentence, ({ scheme, n, values }) => {
      const tagSet = makeTagSet(scheme);
      const size = tagSet.size;
      const emissions = Float64Array.from(values.slice(0, n * size));
      const transitions = Float64Array.from(values.slice(9 * 17, 9 * 17 + (size + 1) * size));
      const tags = new Int32Array(n);
      viterbi(emissions, n, transitions, tagSet, tags);
      // the score of a whole tagging, as Viterbi counts it
      const pathScore = (path: ArrayLike<number>): number => {
        let score = 0;
        for (let i = 0; i < n; i++) score += emissions[i * size + path[i]] + transitions[(i === 0 ? size : path[i - 1]) * size + path[i]];
        return score;
      };
      const legal = (path: ArrayLike<number>): boolean => Array.from(path).every((t, i) => tagSet.allowed[(i === 0 ? size : path[i - 1]) * size + t] === 1);
      outcomes.sentences++;
      for (const span of tokenSpans(tags, [{ first: 0, last: n }], tagSet)) {
        let best = Infinity;
        for (let other = 0; other < 4; other++) {
          if (other === span.typeIndex) continue;
          const relabelled = Int32Array.from(tags);
          for (let i = span.first; i < span.last; i++) relabelled[i] = tagSet.tagFor(other, i - span.first, span.last - span.first);
          assert.ok(legal(relabelled), 'a relabelled span is a legal tagging');
          best = Math.min(best, pathScore(tags) - pathScore(relabelled));
        }
        const margin = typeMargin(span, 0, n, tags, emissions, { tagSet, transitions });
        assert.ok(margin >= 0 && Math.abs(margin - best) < 1e-9, `margin ${margin}, brute force ${best}`);
        outcomes.spans++;
        if (margin === 0) outcomes.zero++;
      }
    }), { numRuns: 300 });
    console.log(`      ${outcomes.sentences} sentences, ${outcomes.spans} spans checked (${outcomes.zero} with a zero margin)`);
    assert.ok(outcomes.spans > 100);
  });

  it('survives packing, the cache and the index byte for byte', () => {
    const analysis = analyzeArticle('file:///a.txt', text, { extract: (t, o) => extract(t, { ...o, nameDetector: detector }) });
    const result = extract(text, { nameDetector: detector });
    const expected = result.spans.map((s) => quantizeConfidence(result.typeConfidence?.get(s)));
    const packed = Array.from({ length: spanCount(analysis) }, (_, i) => typeConfidenceAt(analysis, i) ?? -1);
    assert.deepEqual(packed, expected);
    assert.ok(packed.filter((c) => c >= 0).length >= 4, `${packed.join(',')}`);
    assert.ok(packed.every((c) => c >= -1 && c <= 255 && Number.isInteger(c)));

    const reread = deserializeAnalysis(serializeAnalysis(analysis))!;
    assert.ok(reread, 'the cache entry reads back');
    assert.deepEqual(Array.from({ length: spanCount(reread) }, (_, i) => typeConfidenceAt(reread, i) ?? -1), packed);
    assert.deepEqual(Array.from({ length: spanCount(reread) }, (_, i) => unpackSpan(reread, i, text)), result.spans);
    const index = new CorpusIndex();
    index.addAnalysis(reread, text);
    assert.deepEqual(index.analysedConfidencesOf('file:///a.txt'), packed);
    // an entry of the previous packing (no confidence field) is analysed again, never misread
    assert.equal(deserializeAnalysis(serializeAnalysis({ ...analysis, cacheVersion: CACHE_VERSION - 1 })), undefined);
  });

  it('quantizes to a byte and weighs a vote from one eighth (barely preferred) to one (sure); none counts in full', () => {
    assert.equal(quantizeConfidence(undefined), -1);
    assert.equal(quantizeConfidence(Number.NaN), -1);
    assert.equal(quantizeConfidence(0), 0);
    assert.equal(quantizeConfidence(0.5), 128);
    assert.equal(quantizeConfidence(0.9999), 255);
    assert.equal(mentionWeight(false, -1), PLAIN_WEIGHT);
    assert.equal(mentionWeight(false, 255), PLAIN_WEIGHT);
    assert.equal(mentionWeight(false, 0), PLAIN_WEIGHT / 8);
    assert.equal(mentionWeight(true, 0), HEADLINE_WEIGHT / 8);
    let previous = 0;
    for (let byte = 0; byte <= 255; byte++) {
      const w = mentionWeight(false, byte);
      assert.ok(Number.isInteger(w) && w >= previous, `weight ${w} at ${byte}`);
      previous = w;
    }
  });
});

describe("the workspace's type decision weighs each mention by the tagger's confidence", () => {
  it('lets one confident mention outweigh two doubtful ones, where counting votes picks the wrong type', () => {
    const texts: [string, string, [string, NameType, number | undefined][]][] = [
      ['a', 'Markets\n\nShares of Halvorsen rose. Halvorsen said it would hire.', [['Halvorsen', 'PERSON', 0.05]]],
      ['b', 'Results\n\nThe shipbuilder Halvorsen reported a profit.', [['Halvorsen', 'ORG', 0.95]]],
    ];
    const counted = new CorpusIndex();
    for (const [uri, text, names] of texts) article(counted, uri, text, names.map(([s, t]) => [s, t, undefined]));
    assert.deepEqual(typeOf(counted, 'Halvorsen'), ['PERSON'], 'two votes against one');

    const weighed = new CorpusIndex();
    for (const [uri, text, names] of texts) article(weighed, uri, text, names);
    assert.deepEqual(typeOf(weighed, 'Halvorsen'), ['ORG']);
    assert.equal(weighed.spanAt('a', 'Markets\n\nShares of '.length)!.span.type, 'ORG', 'the doubtful mentions follow the workspace');
    assert.equal(weighed.nameTypeOf('PERSON', 'Halvorsen', undefined), 'ORG', 'and are painted so');

    // the order articles arrive in does not matter
    const reversed = new CorpusIndex();
    for (const [uri, text, names] of [...texts].reverse()) article(reversed, uri, text, names);
    assert.deepEqual(typeOf(reversed, 'Halvorsen'), ['ORG']);
    weighed.remove('b');
    assert.deepEqual(typeOf(weighed, 'Halvorsen'), ['PERSON'], 'with the confident article gone, the evidence left decides');
  });

  it('never overrides a personal title', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Visit\n\nPresident Ostrava arrived.', [['Ostrava', 'PERSON', 0.05]]);
    article(index, 'b', 'Talks\n\nOstrava signed. Ostrava left early.', [['Ostrava', 'ORG', 0.99]]);
    assert.deepEqual(typeOf(index, 'Ostrava'), ['PERSON']);
    // the title is what decides: without it the confident mentions do
    const untitled = new CorpusIndex();
    article(untitled, 'a', 'Visit\n\nThe envoy Ostrava arrived.', [['Ostrava', 'PERSON', 0.05]]);
    article(untitled, 'b', 'Talks\n\nOstrava signed. Ostrava left early.', [['Ostrava', 'ORG', 0.99]]);
    assert.deepEqual(typeOf(untitled, 'Ostrava'), ['ORG']);
  });

  it('never overrides the registry', () => {
    const index = new CorpusIndex({ registry: { entities: [{ canonical: 'Halvorsen', type: 'PERSON' }] } });
    article(index, 'a', 'Markets\n\nHalvorsen rose.', [['Halvorsen', 'PERSON', 0.02]]);
    article(index, 'b', 'Results\n\nHalvorsen reported. Halvorsen hired. Halvorsen grew.', [['Halvorsen', 'ORG', 0.99]]);
    assert.deepEqual(typeOf(index, 'Halvorsen'), ['PERSON']);
    assert.equal(index.spanAt('b', 'Results\n\n'.length)!.span.type, 'PERSON');
  });
});
