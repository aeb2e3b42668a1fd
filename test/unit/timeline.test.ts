import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index';
import { extract } from '../../src/core/extract';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { buildTimeline, timelineLine } from '../../src/core/analysis/timeline/timeline';
import { periodOf } from '../../src/core/analysis/timeline/timex';

describe('timeline: periods of resolved dates', () => {
  it('reads each precision with its first and last day', () => {
    assert.deepEqual(periodOf('2026-02-12'), { precision: 'day', from: '2026-02-12', to: '2026-02-12' });
    assert.deepEqual(periodOf('2026-02-12T08:03'), { precision: 'day', from: '2026-02-12', to: '2026-02-12' });
    assert.deepEqual(periodOf('2026-W07'), { precision: 'week', from: '2026-02-09', to: '2026-02-15' });
    assert.deepEqual(periodOf('2021-W01'), { precision: 'week', from: '2021-01-04', to: '2021-01-10' });
    assert.deepEqual(periodOf('2024-02'), { precision: 'month', from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(periodOf('2026-Q4'), { precision: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual(periodOf('2025-H2'), { precision: 'half', from: '2025-07-01', to: '2025-12-31' });
    assert.deepEqual(periodOf('2025-WI'), { precision: 'season', from: '2025-12-01', to: '2026-02-28' });
    assert.deepEqual(periodOf('2025'), { precision: 'year', from: '2025-01-01', to: '2025-12-31' });
    assert.deepEqual(periodOf('FY2026'), { precision: 'year', from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(periodOf('202'), { precision: 'decade', from: '2020-01-01', to: '2029-12-31' });
    assert.deepEqual(periodOf('2002/2003'), { precision: 'year', from: '2002-01-01', to: '2003-12-31' });
  });

  it('places nothing it cannot read', () => {
    for (const v of [null, 'PRESENT_REF', '2026-13', '2026-02-30', '2026-W60', '', 'next week', 12]) assert.equal(periodOf(v), undefined, String(v));
  });
});

describe('timeline over the corpus index', function () {
  this.timeout(20000);
  let index: CorpusIndex;
  before(async () => {
    const nameDetector = await loadDefaultNameDetector();
    index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
    index.update('b.txt', 'Ministers Meet in Brussels\n\nBRUSSELS, March 3, 2026\n\nNATO ministers met on Tuesday. Mark Rutte said in January that spending must rise by 2027.\n');
    index.update('a.txt', 'Talks Resume\n\nGENEVA, Feb 2, 2026\n\nNegotiators led by Mark Rutte will meet again in March 2026, officials said on Monday.\n');
  });

  it('puts every resolved date on one axis in date order, with its sentence and entities', () => {
    const entries = buildTimeline(index, ['b.txt', 'a.txt']);
    assert.deepEqual(entries.map((e) => [e.date, e.precision, e.file, e.text]), [
      ['2026-01', 'month', 'b.txt', 'January'],
      ['2026-02-02', 'day', 'a.txt', 'Feb 2, 2026'],
      ['2026-02-02', 'day', 'a.txt', 'Monday'],
      // a period sorts by its first day: March 2026 before 3 March 2026
      ['2026-03', 'month', 'a.txt', 'March 2026'],
      ['2026-03-03', 'day', 'b.txt', 'March 3, 2026'],
      ['2026-03-03', 'day', 'b.txt', 'Tuesday'],
      ['2027', 'year', 'b.txt', '2027'],
    ]);
    const january = entries[0];
    assert.equal(january.sentence, 'Mark Rutte said in January that spending must rise by 2027.');
    assert.deepEqual(january.entities, ['Mark Rutte']);
    assert.deepEqual(Object.keys(timelineLine(january)), ['date', 'precision', 'file', 'start', 'end', 'text', 'sentence', 'entities']);
    assert.equal(index.textOf('b.txt')!.slice(january.start, january.end), 'January');
  });

  it('tells dates that restate the publication day from dates of other events', () => {
    const entries = buildTimeline(index, ['a.txt', 'b.txt']);
    const publication = entries.filter((e) => e.publication).map((e) => `${e.file}:${e.text}`);
    assert.deepEqual(publication.sort(), ['a.txt:Feb 2, 2026', 'a.txt:Monday', 'b.txt:March 3, 2026', 'b.txt:Tuesday']);
    assert.ok(entries.filter((e) => !e.publication).every((e) => e.precision !== 'day' || e.from !== e.published));
  });

  it('filters by entity, through canonical names and short forms, any case', () => {
    assert.deepEqual(buildTimeline(index, ['a.txt', 'b.txt'], { entity: 'RUTTE' }).map((e) => e.text), ['January', 'Monday', 'March 2026', '2027']);
    assert.deepEqual(buildTimeline(index, ['a.txt', 'b.txt'], { entity: 'nobody at all' }), []);
  });

  it('takes the outlet and publication date from sidecar metadata', () => {
    const entries = buildTimeline(index, ['a.txt'], { metadataFor: (uri) => (uri === 'a.txt' ? { source: 'Wire Service', published: '2026-02-02' } : undefined) });
    assert.ok(entries.length > 0);
    for (const e of entries) assert.equal(e.outlet, 'Wire Service');
  });
});
