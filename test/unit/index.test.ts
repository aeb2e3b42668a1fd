import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { analyzeArticle, CACHE_VERSION, asAnalysed } from '../../src/core/index/analysis';
import { deserializeAnalysis, isReusable, serializeAnalysis } from '../../src/core/index/cacheEntry';
import { contentHash } from '../../src/core/index/hash';
import { entityKey, normalizeName } from '../../src/core/index/entityKey';
import { decodeClaim } from '../../src/core/index/measure';
import { CancellationTokenSource } from '../../src/core/util/cancellation';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

const LEXICON: LexiconEntry[] = [
  { text: 'Pete Hegseth', type: 'PERSON' },
  { text: 'Hegseth', type: 'PERSON' },
  { text: 'NATO', type: 'ORG' },
  { text: 'North Atlantic Treaty Organization', type: 'ORG' },
  { text: 'U.S.', type: 'PLACE' },
  { text: 'United States', type: 'PLACE' },
  { text: 'US', type: 'PLACE' },
  { text: 'Brussels', type: 'PLACE' },
  { text: 'Thursday', type: 'DATE', value: '2026-02-12', reason: 'relative to the publication date 2026-02-12' },
  { text: '12 February 2026', type: 'DATE', value: '2026-02-12' },
  { text: 'February 3', type: 'DATE', value: '2026-02-03' },
  { text: '29-nation', type: 'QUANTITY', value: 29, unit: 'nation' },
  { text: '32-nation', type: 'QUANTITY', value: 32, unit: 'nation' },
  { text: '5%', type: 'PERCENT', value: 5 },
  { text: '3.5%', type: 'PERCENT', value: 3.5 },
];

function makeIndex(): { index: CorpusIndex; extract: ReturnType<typeof lexiconExtractor> } {
  const extract = lexiconExtractor(LEXICON);
  return { index: new CorpusIndex({ extract }), extract };
}

const A = 'Defense talks\n\nPete Hegseth met NATO in Brussels on Thursday. Hegseth said the U.S. wants 5% of GDP.';
const B = 'Alliance spending\n\nThe North Atlantic Treaty Organization, a 29-nation alliance, met. Hegseth spoke. The United States agreed to 3.5% of GDP.';
const C = 'Another story\n\nThe 32-nation bloc met on 12 February 2026 while US officials waited. 5% of GDP remains the goal.';
const D = 'Early month\n\nOn February 3 nothing happened at NATO.';

describe('corpus index: linking across articles', () => {
  it('gives "U.S.", "US" and "United States" one entity key', () => {
    assert.equal(normalizeName('U.S.'), normalizeName('United States'));
    assert.equal(entityKey('PLACE', 'US'), entityKey('PLACE', 'the United States'));
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    index.update('c', C);
    const hit = index.spanAt('a', A.indexOf('U.S.') + 1)!;
    assert.equal(hit.key, 'PLACE:united states');
    assert.deepEqual(index.references(hit.key!).map((r) => r.uri), ['a', 'b', 'c']);
  });

  it('links a surname-only mention in another article to the full name, and collects aliases', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    const hit = index.spanAt('b', B.indexOf('Hegseth'))!;
    assert.equal(hit.key, 'PERSON:pete hegseth');
    assert.equal(hit.span.canonical, 'Pete Hegseth');
    const info = index.entityInfo(hit.key!)!;
    assert.equal(info.articleCount, 2);
    assert.equal(info.mentionCount, 3);
    assert.ok(info.aliases.includes('Hegseth'));
    const refs = index.references('PERSON:hegseth');
    assert.deepEqual(refs.map((r) => `${r.uri}:${r.start}`), [
      `a:${A.indexOf('Pete Hegseth')}`, `a:${A.lastIndexOf('Hegseth')}`, `b:${B.indexOf('Hegseth')}`,
    ]);
  });

  it('links an acronym to the spelled-out organization', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    const group = index.entityGroup('ORG:nato');
    assert.deepEqual(group, ['ORG:north atlantic treaty organization', 'ORG:nato']);
    assert.equal(index.articlesMentioning('ORG:nato').total, 2);
  });

  it('gives a name the registry curates the same group from its full name and from its short form', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    const before = index.entityGroup('PERSON:hegseth');
    assert.deepEqual(before, ['PERSON:pete hegseth', 'PERSON:hegseth']);
    assert.deepEqual(index.entityGroup('PERSON:pete hegseth'), before);
    // Curating the full name (a description, say) must not split the surname mentions off it in one
    // direction only: references, cards and views ask from either side.
    index.setRegistry({ entities: [{ canonical: 'Pete Hegseth', type: 'PERSON' }], ignore: [] });
    const fromShort = index.entityGroup('PERSON:hegseth');
    assert.deepEqual(index.entityGroup('PERSON:pete hegseth'), fromShort);
    assert.deepEqual(fromShort, ['PERSON:pete hegseth', 'PERSON:hegseth']);
    assert.equal(index.references('PERSON:pete hegseth').length, 3);
  });

  it('does not link a surname shared by two different people', () => {
    const extract = lexiconExtractor([
      { text: 'Anna Smith', type: 'PERSON' }, { text: 'John Smith', type: 'PERSON' }, { text: 'Smith', type: 'PERSON' },
    ]);
    const index = new CorpusIndex({ extract });
    index.update('x', 'Anna Smith spoke.');
    index.update('y', 'John Smith spoke.');
    index.update('z', 'Smith spoke.');
    assert.deepEqual(index.entityGroup('PERSON:smith'), ['PERSON:smith']);
    assert.equal(index.articlesMentioning('PERSON:anna smith').total, 1);
  });

  it('lists other articles with headline, date and a snippet around the mention', () => {
    const extract = lexiconExtractor(LEXICON, '2026-02-12');
    const index = new CorpusIndex({ extract });
    index.update('a', A);
    index.update('b', B);
    index.update('d', D);
    const ranked = index.articlesMentioning('ORG:nato', { excludeUri: 'a' });
    assert.equal(ranked.total, 2);
    const b = ranked.articles.find((m) => m.uri === 'b')!;
    assert.equal(b.headline, 'Alliance spending');
    assert.equal(b.published, '2026-02-12');
    assert.equal(b.snippet.match, 'North Atlantic Treaty Organization');
    assert.ok(b.snippet.after.startsWith(', a 29-nation'));
    assert.ok(!ranked.articles.some((m) => m.uri === 'a'));
  });

  it('limits the ranked list and keeps the total', () => {
    const { index } = makeIndex();
    for (let i = 0; i < 25; i++) index.update(`doc${i}`, `Story ${i}\n\n${'NATO '.repeat(1 + (i % 5))}met.`);
    const ranked = index.articlesMentioning('ORG:nato', { limit: 10 });
    assert.equal(ranked.total, 25);
    assert.equal(ranked.articles.length, 10);
    assert.deepEqual(ranked.articles.map((m) => m.mentionCount), [5, 5, 5, 5, 5, 4, 4, 4, 4, 4]);
  });
});

describe('corpus index: dates and figures', () => {
  it('finds other articles on the same day and, separately, the same month', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('c', C);
    index.update('d', D);
    const thursday = index.spanAt('a', A.indexOf('Thursday'))!;
    const related = index.relatedDates(thursday);
    assert.deepEqual(related.sameDay.articles.map((m) => m.uri), ['c']);
    assert.deepEqual(related.sameMonth.articles.map((m) => m.uri), ['d']);
  });

  it('flags a differing share of the same claim as a conflict, and not counts whose periods differ', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    index.update('c', C);
    // B's undated 29-nation alliance and C's 32-nation bloc of 12 February 2026 differ in period: no conflict
    const alliance = index.relatedFigures(index.spanAt('b', B.indexOf('29-nation'))!);
    assert.deepEqual(alliance.conflicts.map((c) => [c.uri, c.text]), []);
    const share = index.relatedFigures(index.spanAt('a', A.indexOf('5%'))!);
    // the figure as a claim: a share of GDP the U.S. wants (a target); B's United States agreeing to 3.5% is the same claim
    assert.deepEqual(decodeClaim(share.measure), { base: 'GDP', subject: 'U.S.', kind: 'target' });
    assert.deepEqual(share.same.articles.map((m) => m.uri), ['c']);
    assert.deepEqual(share.conflicts.map((c) => [c.uri, c.value]), [['b', 3.5]]);
  });
});

describe('corpus index: updates, cache and cancellation', () => {
  it('skips unchanged text and re-links after an edit', () => {
    const { index, extract } = makeIndex();
    assert.equal(index.update('a', A), true);
    assert.equal(index.update('a', A), false);
    assert.equal(extract.calls, 1);
    index.update('a', 'Edited\n\nNothing about the alliance now.');
    assert.equal(index.articlesMentioning('ORG:nato').total, 0);
    assert.equal(index.entityInfo('PERSON:pete hegseth'), undefined);
  });

  it('removes and renames articles without extracting again', () => {
    const { index, extract } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    assert.equal(index.rename('a', 'moved'), true);
    assert.equal(extract.calls, 2);
    assert.deepEqual(index.references('PERSON:pete hegseth').map((r) => r.uri).sort(), ['b', 'moved', 'moved']);
    index.remove('b');
    assert.equal(index.has('b'), false);
    assert.equal(index.spanAt('b', B.indexOf('Hegseth')), undefined);
    assert.equal(index.articlesMentioning('ORG:nato').total, 1);
  });

  it('fires one change event for a batch', () => {
    const { index } = makeIndex();
    const events: string[][] = [];
    index.onDidChange((e) => events.push([...e.changed, ...e.removed]));
    index.batch(() => {
      index.update('a', A);
      index.update('b', B);
      index.remove('a');
    });
    assert.deepEqual(events, [['a', 'b', 'a']]);
  });

  it('round-trips an analysis through a cache entry and reuses it on a warm start', async () => {
    const extract = lexiconExtractor(LEXICON);
    const analysis = analyzeArticle('a', A, { extract });
    const restored = deserializeAnalysis(serializeAnalysis(analysis))!;
    // the spans come back packed in an Int32Array, the views as text parsed when first read
    assert.ok(restored.spans instanceof Int32Array);
    assert.equal(restored.views, undefined);
    assert.equal(typeof restored.viewsJson, 'string');
    assert.deepEqual(asAnalysed(restored), analysis);
    assert.equal(isReusable(restored, contentHash(A)), true);
    assert.equal(isReusable(restored, contentHash(A + ' ')), false);
    assert.equal(deserializeAnalysis(serializeAnalysis({ ...analysis, cacheVersion: CACHE_VERSION + 1 })), undefined);
    assert.equal(deserializeAnalysis('{not json'), undefined);

    const warmExtract = lexiconExtractor(LEXICON);
    const warm = new CorpusIndex({ extract: warmExtract });
    const result = await warm.indexAll([{ uri: 'a', text: A }, { uri: 'b', text: B }], {
      cached: (uri, hash) => (uri === 'a' && hash === restored.hash ? restored : undefined),
    });
    assert.deepEqual(result, { analysed: 1, reused: 1, unchanged: 0, cancelled: false });
    assert.equal(warmExtract.calls, 1);
    assert.equal(warm.spanAt('a', A.indexOf('Brussels'))!.span.text, 'Brussels');
  });

  it('yields in chunks, reports progress and stops when cancelled', async () => {
    const { index } = makeIndex();
    const source = new CancellationTokenSource();
    const progress: number[] = [];
    const files = Array.from({ length: 50 }, (_, i) => ({ uri: `f${i}`, text: `Story ${i}\n\nNATO met.` }));
    const result = await index.indexAll(files, {
      token: source.token,
      yieldEvery: 10,
      onProgress: (done) => {
        progress.push(done);
        if (done === 20) source.cancel();
      },
    });
    assert.equal(result.cancelled, true);
    assert.deepEqual(progress, [10, 20]);
    assert.equal(index.size, 20);
  });
});

describe('corpus index: navigation and symbols', () => {
  it('groups document symbols by type and moves between mentions', () => {
    const { index } = makeIndex();
    index.update('a', A);
    const groups = index.documentSymbols('a');
    assert.deepEqual(groups.map((g) => g.type), ['PERSON', 'ORG', 'PLACE', 'DATE', 'PERCENT']);
    const person = groups[0].symbols;
    assert.equal(person.length, 1);
    assert.equal(person[0].name, 'Pete Hegseth');
    assert.equal(person[0].mentionCount, 2);
    const first = A.indexOf('Pete Hegseth');
    const second = A.lastIndexOf('Hegseth');
    assert.deepEqual([person[0].first, person[0].last], [{ start: first, end: first + 'Pete Hegseth'.length }, { start: second, end: second + 'Hegseth'.length }]);
    assert.equal(index.adjacentMention('a', first, 'next')!.start, second);
    assert.equal(index.adjacentMention('a', second, 'next')!.start, first);
    assert.equal(index.adjacentMention('a', second, 'previous')!.start, first);
  });

  it('reads the same outline in slices, pausing between them, and stops when told', async () => {
    const { index } = makeIndex();
    index.update('a', A);
    const whole = index.documentSymbols('a');
    const mentions = whole.reduce((n, g) => n + g.symbols.reduce((m, s) => m + s.mentionCount, 0), 0);
    let pauses = 0;
    const sliced = await index.documentSymbolsInSlices('a', async () => { pauses++; return true; }, 2);
    assert.deepEqual(sliced, whole);
    assert.ok(pauses >= Math.floor(mentions / 2) - 1 && pauses > 1, `${pauses} pauses for ${mentions} mentions`);
    assert.equal(await index.documentSymbolsInSlices('a', async () => false, 2), undefined);
    assert.deepEqual(await index.documentSymbolsInSlices('missing', async () => true), []);
  });

  it('finds entities by name or alias across the workspace', () => {
    const { index } = makeIndex();
    index.update('a', A);
    index.update('b', B);
    const hits = index.workspaceSymbols('hegs');
    assert.deepEqual(hits.map((h) => [h.name, h.articleCount]), [['Pete Hegseth', 2]]);
    assert.deepEqual(index.workspaceSymbols('u.s').map((h) => h.key), ['PLACE:united states']);
  });
});
