import { strict as assert } from 'node:assert';
import { extract, type EntityRegistry } from '../../src/core/extract';
import type { NameDetector } from '../../src/core/extract/types';
import { analyzeArticle } from '../../src/core/index/analysis';
import { EntityLinker } from '../../src/core/index/linker';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { articleRows } from '../../src/node/archive/rows';

const TEXT = 'Berlin Talks Go On\n\nThe talks went on in Berlin on Monday.\n\n' +
  '"We will decide this together," said Olaf Scholz, the German chancellor.\n';

describe('archive: quotation rows (no server needed)', function () {
  this.timeout(60000);
  let nameDetector: NameDetector | undefined;
  before(async () => {
    nameDetector = await loadDefaultNameDetector();
  });

  function rowsWith(registry?: EntityRegistry, withoutViews = false) {
    const analysis = analyzeArticle('a.txt', TEXT, { extract: (t, o) => extract(t, { ...o, nameDetector }), registry });
    if (withoutViews) delete analysis.views;
    return articleRows(analysis, TEXT, new EntityLinker(registry), { path: '/x/a.txt', ingestHash: 'h', size: TEXT.length });
  }

  it('links the speaker as its mentions are, with the cue on the name', () => {
    const rows = rowsWith();
    assert.equal(rows.quotes.length, 1);
    const [q] = rows.quotes;
    assert.equal(q.text, 'We will decide this together,');
    assert.equal(TEXT.slice(q.start, q.end), q.text);
    assert.deepEqual([q.speakerKey, q.speaker, q.speakerType], ['~:olaf scholz', 'Olaf Scholz', 'PERSON']);
    assert.equal(TEXT.slice(q.cueStart!, q.cueEnd!), 'Olaf Scholz');
    assert.ok(rows.entities.some((e) => e.key === q.speakerKey), 'the speaker is one of the article\'s entities');
    // an analysis made without the views (an older cache entry) gives the same rows
    assert.deepEqual(rowsWith(undefined, true).quotes, rows.quotes);
  });

  it('takes the registry\'s entity for a merged name, and no speaker for an ignored one', () => {
    const merged = rowsWith({ entities: [{ canonical: 'Chancellor Scholz', type: 'PERSON', aliases: ['Olaf Scholz'] }] });
    assert.deepEqual([merged.quotes[0].speakerKey, merged.quotes[0].speaker, merged.quotes[0].speakerType],
      ['PERSON:chancellor scholz', 'Chancellor Scholz', 'PERSON']);
    const ignored = rowsWith({ entities: [], ignore: ['Olaf Scholz'] });
    assert.equal(ignored.quotes.length, 1, 'the quotation stays');
    assert.deepEqual([ignored.quotes[0].speakerKey, ignored.quotes[0].speaker, ignored.quotes[0].speakerType], [null, null, null]);
  });
});
