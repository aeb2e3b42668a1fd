import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import type { NameDetector } from '../../src/core/extract';

describe('corpus index: references cache', () => {
  const places: NameDetector = {
    id: 'brussels',
    detect: (text) => [...text.matchAll(/Brussels/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 8, type: 'PLACE' as const })),
  };
  const index = new CorpusIndex({ extract: (t, o) => extract(t, { ...o, nameDetector: places }) });

  it('answers a repeated query from the cache and forgets it when an article changes', () => {
    index.update('file:///a.txt', 'Officials met in Brussels on Monday. Brussels was calm.');
    const hit = index.spanAt('file:///a.txt', 'Officials met in '.length);
    assert.ok(hit?.key);
    const first = index.references(hit.key);
    assert.equal(first.length, 2);
    assert.equal(index.references(hit.key), first, 'the same answer object while nothing changed');
    index.update('file:///b.txt', 'Talks in Brussels went on.');
    const after = index.references(hit.key);
    assert.notEqual(after, first);
    assert.equal(after.length, 3, 'the new article is counted');
  });
});
