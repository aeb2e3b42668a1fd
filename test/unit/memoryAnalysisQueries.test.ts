import { strict as assert } from 'node:assert';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { MemoryAnalysisQueries } from '../../src/core/index/memoryAnalysisQueries';
import { describeAnalysisQueries, expectedAnswers, type AnalysisArticle } from './analysisQueriesContract';

const uriOf = (name: string): string => `file:///workspace/${name}`;

async function workspaceIndex(articles: readonly AnalysisArticle[]): Promise<CorpusIndex> {
  const nameDetector = await loadDefaultNameDetector();
  assert.ok(nameDetector, 'the shipped name model did not load');
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
  await index.indexAll(articles.map((a) => ({ uri: uriOf(a.name), text: a.text })));
  return index;
}

describeAnalysisQueries('the workspace analysis in memory', async (articles) => ({
  queries: new MemoryAnalysisQueries(await workspaceIndex(articles)),
  fileOf: uriOf,
}), expectedAnswers);

describe('MemoryAnalysisQueries', () => {
  it('answers from the index as it changes: a new article\'s dates and quotations count at once', async () => {
    const index = await workspaceIndex([{ name: 'a.txt', text: 'Talks\n\nMayor Helena Varga met Jonas Berg in Tallinn on 3 March 2025.' }]);
    const queries = new MemoryAnalysisQueries(index);
    assert.equal((await queries.timeline({ page: { limit: 10 } })).total, 1);
    assert.equal((await queries.quotesBy({ name: 'Helena Varga' }, { limit: 10 })).total, 0);
    index.update(uriOf('b.txt'), 'More talks\n\n"We agreed," Helena Varga said on 4 March 2025.');
    const dates = await queries.timeline({ entity: { name: 'Helena Varga' }, page: { limit: 10 } });
    assert.deepEqual(dates.items.map((d) => d.date), ['2025-03-03', '2025-03-04']);
    const quotes = await queries.quotesBy({ name: 'Helena Varga' }, { limit: 10 });
    assert.deepEqual(quotes.items.map((q) => [q.file, q.text]), [[uriOf('b.txt'), 'We agreed,']]);
    await queries.close();
  });
});
