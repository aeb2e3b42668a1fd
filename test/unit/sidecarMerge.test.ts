import { strict as assert } from 'node:assert';
import { mergeOntoText, mergeSidecars } from '../../src/core/sidecar/mergeSidecars';
import { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { SidecarDocument, SidecarReadOnlyError } from '../../src/core/sidecar/sidecarDocument';

function annotation(id: string, note: string, tags: string[] = []): Annotation {
  return {
    id, tags, note, created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
    target: { exact: 'quote', prefix: '', suffix: '', start: 0, end: 5, textHash: 'fnv1a64:0000000000000000' },
  };
}

function sidecar(annotations: Annotation[], article: Sidecar['article'] = {}): Sidecar {
  return { version: 1, article, annotations };
}

const now = new Date('2026-02-13T12:00:00Z');
const fixedRandom = () => 0.5;

describe('sidecar three-way merge', () => {
  const base = sidecar([annotation('a', 'one'), annotation('b', 'two'), annotation('c', 'three')], { source: 'Reuters', reliability: 'B' });

  it('takes each side’s independent changes, additions and deletions', () => {
    const ours = sidecar([annotation('a', 'one, edited here'), annotation('b', 'two'), annotation('ours-new', 'mine')], base.article);
    const theirs = sidecar([annotation('a', 'one'), annotation('b', 'two, edited on disk'), annotation('c', 'three'), annotation('their-new', 'theirs')],
      { source: 'Reuters', reliability: 'C' });
    const { merged, conflicts } = mergeSidecars(base, ours, theirs, { now });
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged.annotations.map((a) => [a.id, a.note]),
      [['a', 'one, edited here'], ['b', 'two, edited on disk'], ['their-new', 'theirs'], ['ours-new', 'mine']]);
    assert.deepEqual(merged.article, { source: 'Reuters', reliability: 'C' });
  });

  it('keeps both versions of a true conflict: theirs keeps the id, ours gets a new id and a marker', () => {
    const ours = sidecar([annotation('a', 'ours'), annotation('b', 'two'), annotation('c', 'three')], base.article);
    const theirs = sidecar([annotation('a', 'theirs'), annotation('b', 'two'), annotation('c', 'three')], base.article);
    const { merged, conflicts } = mergeSidecars(base, ours, theirs, { now, random: fixedRandom });
    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0].kind, 'both-modified');
    const oursCopy = merged.annotations.find((a) => a.id === conflicts[0].oursId);
    assert.equal(merged.annotations.find((a) => a.id === 'a')?.note, 'theirs');
    assert.equal(oursCopy?.note, 'ours');
    assert.deepEqual(oursCopy?.conflict, { with: 'a', detected: '2026-02-13T12:00:00.000Z' });
    assert.ok(!['a', 'b', 'c'].includes(oursCopy!.id));
  });

  it('treats identical changes on both sides as no conflict', () => {
    const same = sidecar([annotation('a', 'same edit'), annotation('b', 'two')], base.article);
    const { merged, conflicts } = mergeSidecars(base, same, structuredClone(same), { now });
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged.annotations, same.annotations);
  });

  it('keeps a changed annotation the other side deleted, and reports it', () => {
    const ours = sidecar([annotation('a', 'changed here'), annotation('b', 'two')], base.article);
    const theirs = sidecar([annotation('b', 'two, changed there'), annotation('c', 'three, changed there')], base.article);
    const { merged, conflicts } = mergeSidecars(base, ours, theirs, { now });
    assert.deepEqual(conflicts.map((c) => [c.kind, c.id]).sort(), [['deleted-modified', 'c'], ['modified-deleted', 'a']].sort());
    assert.deepEqual(merged.annotations.map((a) => [a.id, a.note]).sort(),
      [['a', 'changed here'], ['b', 'two, changed there'], ['c', 'three, changed there']]);
  });

  it('reports metadata changed differently on both sides and keeps theirs', () => {
    const { merged, conflicts } = mergeSidecars(base, sidecar(base.annotations, { source: 'AP', reliability: 'B' }),
      sidecar(base.annotations, { source: 'AFP', reliability: 'B' }), { now });
    assert.deepEqual(conflicts.map((c) => [c.kind, c.id]), [['metadata', 'source']]);
    assert.equal(merged.article.source, 'AFP');
  });

  it('merges onto the text on disk, keeping its comments and touching only merged annotations', () => {
    const theirsText = SidecarDocument.create({ source: 'Reuters' }).toString().replace('version: 1', '# edited by a colleague\nversion: 1');
    const disk = SidecarDocument.parse(theirsText);
    for (const a of base.annotations) disk.addAnnotation(a);
    disk.updateAnnotation('b', { note: 'two, on disk' });
    const diskText = disk.toString();
    const ours = sidecar([annotation('a', 'one, here'), annotation('b', 'two'), annotation('c', 'three')], base.article);
    const { text, conflicts } = mergeOntoText(base, ours, diskText, { now });
    assert.deepEqual(conflicts, []);
    assert.ok(text.startsWith('# edited by a colleague\n'));
    const diff = text.split('\n').filter((line, i) => line !== diskText.split('\n')[i]);
    assert.deepEqual(diff, ['    note: one, here']);
    assert.throws(() => mergeOntoText(base, ours, 'version: 1\nannotations: [\n'), SidecarReadOnlyError);
  });
});
