import { strict as assert } from 'node:assert';
import { importWebAnnotations, toWebAnnotation } from '../../src/core/export/webAnnotation';
import { createTarget } from '../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';

const ARTICLE = 'BRUSSELS, Feb 12 - Pentagon officials said on Thursday that the talks would resume, "without conditions".';
const SOURCE = 'file:///ws/talks.txt';

function entry(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'Annotation',
    target: { source: SOURCE, selector: { type: 'TextQuoteSelector', exact: 'Pentagon officials said', prefix: 'BRUSSELS, Feb 12 - ' } },
    ...fields,
  };
}

/** The imported annotations must make a sidecar that passes its own validator. */
function assertValidSidecar(annotations: ReturnType<typeof importWebAnnotations>['imported']): void {
  const document = SidecarDocument.create();
  for (const { annotation } of annotations) document.addAnnotation(annotation);
  const reread = SidecarDocument.parse(document.toString(), { textLength: ARTICLE.length });
  assert.deepEqual(reread.problems, []);
  assert.deepEqual(reread.sidecar.annotations, annotations.map((item) => item.annotation));
}

describe('W3C Web Annotation import: validation and normalization', () => {
  const options = { textOf: (source: string) => (source === SOURCE ? ARTICLE : undefined), now: new Date('2026-03-01T12:00:00Z') };

  it('normalizes numeric ids, epoch and date-only timestamps and JSON-LD value objects, and imports the rest', () => {
    const { imported, skipped, normalized } = importWebAnnotations([
      entry({ id: 17, created: 1700000000, modified: 1700000000123, creator: { '@value': 'jd' } }),
      entry({ id: 'urn:source-annotator:annotation:bad%zzid%41', created: '2026-02-12', creator: [{ type: 'Person', name: { '@value': 'Ana' } }] }),
      entry({ id: 'note:1', created: '1700000000', body: [{ type: 'TextualBody', value: { '@value': 'check' }, purpose: 'commenting' }, { value: 7, purpose: 'tagging' }] }),
      entry({ id: 'kept', created: 'Thu, 12 Feb 2026 10:00:00 GMT' }),
    ], options);
    assert.deepEqual(skipped, []);
    assert.deepEqual(imported.map((item) => item.annotation.id), ['17', 'bad%zzid%41', 'note:1', 'kept']);
    const [numeric, escaped, bare, rfc] = imported.map((item) => item.annotation);
    assert.equal(numeric.created, '2023-11-14T22:13:20Z');
    assert.equal(numeric.modified, '2023-11-14T22:13:20.123Z');
    assert.equal(numeric.author, 'jd');
    assert.equal(escaped.created, '2026-02-12T00:00:00Z');
    assert.equal(escaped.modified, '2026-02-12T00:00:00Z');
    assert.equal(escaped.author, 'Ana');
    assert.equal(bare.created, '2023-11-14T22:13:20Z');
    assert.equal(bare.note, 'check');
    assert.deepEqual(bare.tags, ['7']);
    assert.equal(rfc.created, '2026-02-12T10:00:00Z');
    assert.ok(normalized.some((line) => /item 1: numeric id 17 read as "17"/.test(line)), normalized.join('\n'));
    assert.ok(normalized.some((line) => /item 1: created 1700000000 read as 2023-11-14T22:13:20Z/.test(line)), normalized.join('\n'));
    assertValidSidecar(imported);
  });

  it('skips and reports what it cannot read, and one bad entry never stops the others', () => {
    const { imported, skipped } = importWebAnnotations([
      entry({ id: 'a', created: 'yesterday' }),
      entry({ id: 'b', modified: { nested: true } }),
      null,
      entry({ id: 'c', target: { source: SOURCE, selector: 'not a selector' } }),
      entry({ id: 'd', body: 'http://example.org/comment' }),
      entry({ id: 'e', target: { source: SOURCE, selector: { type: 'TextPositionSelector', start: 'x', end: 3 } } }),
    ], options);
    assert.deepEqual(imported.map((item) => item.annotation.id), ['d']);
    assert.equal(skipped.length, 5);
    assert.match(skipped[0], /^item 1: "created" is "yesterday", which is not a date or time$/);
    assert.match(skipped[1], /^item 2: "modified" is \{"nested":true\}/);
    assert.match(skipped[2], /^item 3: not an object$/);
    assert.match(skipped[3], /^item 4: no TextQuoteSelector or TextPositionSelector$/);
    assert.match(skipped[4], /^item 6: no TextQuoteSelector or TextPositionSelector$/);
    assertValidSidecar(imported);
  });

  it('round-trips any id through export and import, including ones with IRI and Markdown delimiters', () => {
    const ids = ['note:1', 'x)www.evil.example(', "it's*!", 'a b/c?d#e%20f', '%zz', '42', 'ünï çødé', 'urn:source-annotator:annotation:x'];
    const start = ARTICLE.indexOf('the talks');
    const target = createTarget(ARTICLE, start, start + 'the talks'.length);
    const exported = ids.map((id) => toWebAnnotation({ id, tags: [], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z', target }, SOURCE));
    for (const web of exported) assert.match(web.id!, /^urn:source-annotator:annotation:[A-Za-z0-9%._~-]+$/);
    const { imported, skipped } = importWebAnnotations(JSON.parse(JSON.stringify(exported)), options);
    assert.deepEqual(skipped, []);
    assert.deepEqual(imported.map((item) => item.annotation.id), ids);
    assertValidSidecar(imported);
  });
  it('places a repeated quote where its position selector and verbatim context agree, and skips it when nothing says which', () => {
    const repeated = 'Allies want "no surprises" now. Later the minister said: "no surprises" again.';
    const at = repeated.lastIndexOf('no surprises');
    const source = 'file:///ws/repeated.txt';
    const selector = (withPosition: boolean) => [
      { type: 'TextQuoteSelector', exact: 'no surprises', prefix: '' },
      ...(withPosition ? [{ type: 'TextPositionSelector', start: at, end: at + 'no surprises'.length }] : []),
    ];
    const read = (withPosition: boolean) => importWebAnnotations([
      { type: 'Annotation', id: 'r1', created: '2026-02-12T00:00:00Z', target: { source, selector: selector(withPosition) } },
    ], { textOf: () => repeated });
    const placed = read(true);
    assert.deepEqual(placed.skipped, []);
    assert.equal(placed.imported[0].annotation.target.start, at);
    const unplaced = read(false);
    assert.equal(unplaced.imported.length, 0);
    assert.match(unplaced.skipped[0], /more than once/);
  });
});
