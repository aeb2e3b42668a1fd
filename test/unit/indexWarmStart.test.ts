/**
 * A warm start (every article from its cache entry, no extraction) must leave the index answering exactly
 * as a cold build (every article extracted) does: spans, hover cards, references, entity information and
 * groups, workspace symbols, merge suggestions and the analysis views. Checked over seeded subsets of a
 * synthetic corpus grown from the sample articles, with the real extraction pipeline.
 */
import './propertySeed';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { extract } from '../../src/core/extract';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import type { NameType } from '../../src/core/extract/types';
import { latestQuotesBlock, oftenWithLine } from '../../src/core/hover/analysisEntries';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { analyzeArticle, type ArticleAnalysis } from '../../src/core/index/analysis';
import { deserializeAnalysis, isReusable, serializeAnalysis } from '../../src/core/index/cacheEntry';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { isNameType } from '../../src/core/index/entityKey';
import { contentHash } from '../../src/core/index/hash';
import { sampleArticles, synthesizeArticle } from '../../scripts/bench/synthCorpus';

const POOL = 24;

interface Article {
  uri: string;
  text: string;
  analysis: ArticleAnalysis;
  entry: string;
}

/** A hover card without its analysis entries, which depend on a time budget (compared apart, unbounded). */
function withoutBudgetedEntries(markdown: string | undefined): string | undefined {
  return markdown?.split('\n\n').filter((block) => !/^\*\*(?:Often with|Latest quotes|Quote)\*\*/u.test(block)).join('\n\n');
}

/** Everything a reader of the index (and of its analysis store) can ask about the articles, in one comparable value. */
async function answers(index: CorpusIndex, uris: readonly string[]): Promise<unknown> {
  const store = AnalysisStore.of(index);
  await store.idle();
  const keys = new Map<string, NameType | undefined>();
  const perArticle = uris.map((uri) => {
    const spans = index.spansOf(uri);
    const hovers = spans.map((span) => {
      const hit = index.spanAt(uri, span.start);
      if (hit?.key) keys.set(hit.key, isNameType(hit.span.type) ? hit.span.type : undefined);
      return [hit, withoutBudgetedEntries(hoverCardAt(index, uri, span.start)?.markdown)];
    });
    return {
      uri, info: index.articleInfo(uri), spans, hovers, symbols: index.documentSymbols(uri), views: index.viewsOf(uri),
      timeline: store.timeline(uri), quotes: store.quotes(uri),
    };
  });
  const entities = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, type]) => ({
    key, info: index.entityInfo(key), group: index.entityGroup(key), references: index.references(key),
    mentioning: index.articlesMentioning(key), forms: index.entityForms(key), name: index.displayName(key),
    often: type && oftenWithLine(index, store, key, undefined, Infinity),
    latestQuotes: type && latestQuotesBlock(index, store, key, type, undefined, Infinity),
  }));
  store.dispose();
  return { perArticle, entities, symbols: index.workspaceSymbols('', 10_000), merges: index.mergeSuggestions(100) };
}

describe('Corpus index warm start', function () {
  this.timeout(120_000);
  let pool: Article[];

  before(() => {
    const samples = sampleArticles();
    pool = Array.from({ length: POOL }, (_, n) => {
      const uri = `file:///corpus/${String(n).padStart(3, '0')}.txt`;
      const text = synthesizeArticle(samples, n);
      const analysis = analyzeArticle(uri, text, { extract });
      return { uri, text, analysis, entry: serializeAnalysis(analysis) };
    });
  });

  it('answers as a cold build does, for any set of articles and any re-analysed article', async () => {
    let runs = 0;
    let spansCompared = 0;
    let entitiesCompared = 0;
    let reAdded = 0;
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(fc.integer({ min: 0, max: POOL - 1 }), { minLength: 3, maxLength: 12 }),
      fc.array(fc.nat(), { maxLength: 3 }),
      async (chosen, readds) => {
        const articles = chosen.map((n) => pool[n]);
        // a cold build: each article analysed when it is indexed (as the analysis workers hand them over)
        const cold = new CorpusIndex({ extract });
        await cold.indexAll(articles.map(({ uri, text, analysis }) => ({ uri, text, analysis })));

        const entries = new Map(articles.map((a) => [a.uri, a.entry]));
        const warm = new CorpusIndex();
        const result = await warm.indexAll(articles.map(({ uri, text }) => ({ uri, text })), {
          yieldEvery: 5,
          cached: (uri, hash) => {
            const line = entries.get(uri);
            const analysis = line === undefined ? undefined : deserializeAnalysis(line);
            return analysis && isReusable(analysis, hash) ? analysis : undefined;
          },
        });
        assert.equal(result.analysed, 0, 'a warm start extracts nothing');
        assert.equal(result.reused, articles.length);

        // an article taken out and linked again (an edit, a branch switch) leaves the same index behind
        for (const r of readds) {
          const again = articles[r % articles.length];
          for (const index of [cold, warm]) {
            const record = deserializeAnalysis(again.entry)!;
            index.addAnalysis(record, again.text);
          }
          reAdded++;
        }
        const uris = articles.map((a) => a.uri);
        const coldAnswers = await answers(cold, uris);
        assert.deepEqual(await answers(warm, uris), coldAnswers);
        runs++;
        spansCompared += uris.reduce((sum, uri) => sum + cold.spansOf(uri).length, 0);
        entitiesCompared += (coldAnswers as { entities: unknown[] }).entities.length;
      },
    ), { numRuns: 25 });
    console.log(`      ${runs} corpora: ${spansCompared} spans and ${entitiesCompared} entities answered alike; ${reAdded} articles re-linked`);
  });

  it('parses an article\'s views only when they are first read, and reads them as they were made', () => {
    const [article] = pool;
    const restored = deserializeAnalysis(article.entry)!;
    assert.equal(restored.views, undefined);
    assert.ok(restored.viewsJson && restored.viewsJson.length > 0);
    assert.ok(isReusable(restored, contentHash(article.text)));
    const index = new CorpusIndex();
    index.addAnalysis(restored, article.text);
    assert.deepEqual(index.viewsOf(article.uri), article.analysis.views);
    // kept parsed: the same object answers again
    assert.equal(index.viewsOf(article.uri), index.viewsOf(article.uri));
  });

  it('reads damaged views as none (the analysis store then computes them from the spans), and rejects entries of the old layout or with damaged spans', () => {
    const [article] = pool;
    assert.ok(article.entry.includes('\t{'), 'the views follow a tab');
    const damaged = deserializeAnalysis(article.entry.replace('\t{', '\t{oops'))!;
    assert.ok(damaged, 'the rest of the entry still reads');
    const index = new CorpusIndex();
    index.addAnalysis(damaged, article.text);
    assert.equal(index.viewsOf(article.uri), undefined);
    assert.equal(index.spansOf(article.uri).length > 0, true);
    // an entry whose views are nested arrays (cache version 6 and before) is analysed again, never misread
    assert.equal(deserializeAnalysis(JSON.stringify(article.analysis)), undefined);
    // so is one whose packed spans were cut or altered
    const packed = /"spans":"([^"]*)"/u.exec(article.entry)![1];
    assert.equal(deserializeAnalysis(article.entry.replace(packed, packed.slice(0, -3))), undefined);
    assert.equal(deserializeAnalysis(article.entry.replace(packed, `${packed}A`)), undefined);
    assert.equal(deserializeAnalysis(article.entry.replace(packed, packed.replace(/[A-Za-z]/u, '!'))), undefined);
  });
});
