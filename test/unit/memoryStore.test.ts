import { strict as assert } from 'node:assert';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { InMemoryStore } from '../../src/core/index/memoryStore';
import { describeCorpusStore } from './corpusStoreContract';

async function workspaceIndex(articles: readonly { name: string; text: string }[]): Promise<CorpusIndex> {
  const nameDetector = await loadDefaultNameDetector();
  assert.ok(nameDetector, 'the shipped name model did not load');
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
  await index.indexAll(articles.map((a) => ({ uri: `file:///workspace/${a.name}`, text: a.text })));
  return index;
}

describeCorpusStore('the workspace index in memory', async (articles) => ({
  store: new InMemoryStore(await workspaceIndex(articles)),
  fileOf: (name) => `file:///workspace/${name}`,
}));

describe('InMemoryStore', () => {
  it('answers from the index as it changes: a new article counts at once', async () => {
    const index = await workspaceIndex([{ name: 'a.txt', text: 'Talks\n\nMayor Helena Varga met Jonas Berg in Tallinn.' }]);
    const store = new InMemoryStore(index);
    assert.equal((await store.references({ name: 'Helena Varga' }, { limit: 10 })).total, 1);
    const b = 'More talks\n\nHelena Varga and Jonas Berg met again. Helena Varga left early.';
    index.update('file:///workspace/b.txt', b);
    const page = await store.references({ name: 'Helena Varga' }, { limit: 10 });
    assert.deepEqual(page.items.map((m) => [m.file, m.start]), [
      ['file:///workspace/a.txt', 'Talks\n\nMayor '.length],
      ['file:///workspace/b.txt', b.indexOf('Helena Varga')], ['file:///workspace/b.txt', b.lastIndexOf('Helena Varga')],
    ]);
    assert.equal((await store.stats()).articles, 2);
    await store.close();
  });

  it('caps a page at 1,000 rows however many are asked for', async () => {
    const text = `Roll call\n\n${Array.from({ length: 1200 }, () => 'Helena Varga answered.').join(' ')}`;
    const store = new InMemoryStore(await workspaceIndex([{ name: 'long.txt', text }]));
    const page = await store.references({ name: 'Helena Varga' }, { limit: 5000 });
    console.log(`      long article: ${page.total} mentions, first page ${page.items.length}`);
    assert.ok(page.total >= 1000, `only ${page.total} mentions found`);
    assert.equal(page.items.length, 1000);
    assert.equal(page.nextOffset, 1000);
    await store.close();
  });
});
