import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { ArticleAnnotations } from '../../src/core/export/articleAnnotations';
import { annotationsToCsv, csvCell } from '../../src/core/export/csv';
import { annotationsToMarkdown } from '../../src/core/export/markdownReport';
import { annotationsToWebAnnotationCollection, importWebAnnotations, toWebAnnotation } from '../../src/core/export/webAnnotation';
import { Annotation } from '../../src/core/sidecar/model';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';

const ARTICLE = 'BRUSSELS, Feb 12 - Pentagon officials said on Thursday that the talks would resume, "without conditions".';

function at(quote: string, fields: Partial<Annotation>): Annotation {
  const start = ARTICLE.indexOf(quote);
  return {
    id: 'x', tags: [], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T11:00:00Z',
    target: createTarget(ARTICLE, start, start + quote.length), ...fields,
  };
}

const items: ArticleAnnotations[] = [{
  article: 'news/talks.txt',
  uri: 'file:///ws/news/talks.txt',
  sidecar: {
    version: 1,
    article: { source: 'Reuters', published: '2026-02-12', reliability: 'B', credibility: 2, url: 'https://example.org/talks' },
    annotations: [
      at('Pentagon officials said', { id: 'a1', tags: ['claim', 'military'], note: '=HYPERLINK("http://evil")', author: 'jd' }),
      at('"without conditions"', { id: 'a2', tags: ['claim'], note: 'Line one,\nline "two"' }),
      at('BRUSSELS', { id: 'a3', note: '- 2 sources' }),
    ],
  },
}];

/** A small RFC 4180 reader, to check the output parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes one RFC 4180 row per annotation that parses back to the same fields', () => {
    const csv = annotationsToCsv(items);
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(csv.startsWith('\ufeffarticle,'), 'a UTF-8 byte-order mark first, so Excel reads curly quotes right');
    assert.ok(annotationsToCsv(items, { byteOrderMark: false }).startsWith('article,'));
    const rows = parseCsv(csv.slice(1));
    assert.deepEqual(rows[0], ['article', 'quote', 'tags', 'note', 'author', 'created', 'modified', 'start', 'end', 'kind', 'speaker']);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[1].slice(0, 3), ['news/talks.txt', 'Pentagon officials said', 'claim; military']);
    assert.equal(rows[2][1], '"without conditions"');
    assert.equal(rows[2][3], 'Line one,\nline "two"');
    assert.deepEqual(rows[1].slice(7), [String(ARTICLE.indexOf('Pentagon')), String(ARTICLE.indexOf('Pentagon') + 23), 'annotation', '']);
  });

  it('adds the articles\' quotations as rows of their own, after the annotations', () => {
    const start = ARTICLE.indexOf('without conditions');
    const quoted: ArticleAnnotations[] = [{ ...items[0], text: ARTICLE, quotes: [
      { start, end: start + 18, text: 'without conditions', speaker: null, speakerType: null, cueStart: ARTICLE.indexOf('Pentagon officials'), cueEnd: ARTICLE.indexOf(' said') },
      { start: 0, end: 8, text: '=BRUSSELS', speaker: 'Mark Rutte', speakerType: 'PERSON', cueStart: null, cueEnd: null },
    ] }];
    const rows = parseCsv(annotationsToCsv(quoted).slice(1));
    assert.equal(rows.length, 6);
    assert.deepEqual(rows[4], ['news/talks.txt', 'without conditions', '', '', '', '', '', String(start), String(start + 18), 'quotation', 'unnamed speaker (“Pentagon officials”)']);
    assert.deepEqual(rows[5].slice(1), ['\'=BRUSSELS', '', '', '', '', '', '0', '8', 'quotation', 'Mark Rutte'], 'formula-guarded like every cell');
    const report = annotationsToMarkdown(quoted);
    assert.match(report, /## Quotations \(2\)\n\n### news\/talks\.txt\n\n> without conditions\n\n— unnamed speaker \\\(“Pentagon officials”\\\), line 1, column \d+\n/);
    assert.match(report, /— \*\*Mark Rutte\*\*, line 1, column 1\n/);
    assert.ok(report.indexOf('## Quotations') > report.lastIndexOf('## Tag'), 'after the annotations');
    assert.doesNotMatch(annotationsToMarkdown(items), /Quotations/, 'no section without quotations');
  });

  it('defuses cells a spreadsheet would evaluate as formulas', () => {
    const rows = parseCsv(annotationsToCsv(items));
    assert.equal(rows[1][3], `'=HYPERLINK("http://evil")`);
    assert.equal(rows[3][3], `'- 2 sources`);
    for (const trigger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) assert.ok(csvCell(trigger).replace(/^"/, '').startsWith(`'`), trigger);
    assert.equal(csvCell(42), '42');
    assert.equal(csvCell('plain'), 'plain');
  });
});

describe('W3C Web Annotation export and import', () => {
  it('exports a JSON-LD collection with commenting and tagging bodies and both selectors', () => {
    const collection = annotationsToWebAnnotationCollection(items) as {
      '@context': string; type: string; total: number; first: { items: ReturnType<typeof toWebAnnotation>[] };
    };
    assert.equal((collection['@context'] as unknown as unknown[])[0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 3);
    const first = collection.first.items[0];
    assert.equal(first.id, 'urn:source-annotator:annotation:a1');
    assert.deepEqual(first.body, [
      { type: 'TextualBody', value: '=HYPERLINK("http://evil")', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'claim', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'military', purpose: 'tagging', format: 'text/plain' },
    ]);
    assert.deepEqual(first.target, {
      source: 'file:///ws/news/talks.txt',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Pentagon officials said', prefix: 'BRUSSELS, Feb 12 - ', suffix: ' on Thursday that the talks woul' },
        { type: 'TextPositionSelector', start: 19, end: 42 },
      ],
      articleUrl: 'https://example.org/talks', articlePublished: '2026-02-12', articleOutlet: 'Reuters', reliability: 'B', credibility: 2,
    });
    assert.deepEqual(first.creator, { type: 'Person', name: 'jd' });
  });

  it('imports its own export back into equal sidecar annotations', () => {
    const json = JSON.parse(JSON.stringify(annotationsToWebAnnotationCollection(items)));
    const { imported, skipped } = importWebAnnotations(json, { textOf: (source) => (source === 'file:///ws/news/talks.txt' ? ARTICLE : undefined) });
    assert.deepEqual(skipped, []);
    assert.deepEqual(imported.map((i) => i.annotation), items[0].sidecar.annotations);
    // The result is valid sidecar content.
    const document = SidecarDocument.create();
    for (const { annotation } of imported) document.addAnnotation(annotation);
    assert.deepEqual(SidecarDocument.parse(document.toString(), { textLength: ARTICLE.length }).problems, []);
  });

  it('re-anchors imported quotes in the current text, gives clashing ids new ones, and skips what it cannot place', () => {
    const edited = 'UPDATED. ' + ARTICLE;
    const foreign = [
      { type: 'Annotation', id: 'https://hypothes.is/a/1', creator: 'someone', body: { value: 'check', purpose: 'commenting' },
        target: { source: 'news/talks.txt', selector: { type: 'TextQuoteSelector', exact: 'the talks would resume', prefix: 'Thursday that ' } } },
      { type: 'Annotation', id: 'urn:source-annotator:annotation:a1',
        target: { source: 'news/talks.txt', selector: { type: 'TextPositionSelector', start: 0, end: 8 } } },
      { type: 'Annotation', target: { source: 'news/talks.txt', selector: { type: 'TextQuoteSelector', exact: 'not in the article' } } },
      { type: 'Annotation', target: 'news/talks.txt' },
      { type: 'Note' },
    ];
    const { imported, skipped } = importWebAnnotations(foreign, { textOf: () => edited, takenIds: new Set(['a1']) });
    assert.equal(imported.length, 2);
    const [quoted, positioned] = imported.map((i) => i.annotation);
    assert.equal(edited.slice(quoted.target.start, quoted.target.end), 'the talks would resume');
    assert.equal(quoted.note, 'check');
    assert.equal(quoted.author, 'someone');
    assert.equal(positioned.target.exact, 'UPDATED.');
    assert.notEqual(positioned.id, 'a1');
    assert.equal(skipped.length, 3);
    assert.match(skipped[0], /item 3: quote "not in the article" not found/);
    assert.match(skipped[1], /item 4: no target with a source/);
    assert.match(skipped[2], /item 5: type is not "Annotation"/);
  });
});

describe('Markdown report', () => {
  const report = annotationsToMarkdown(items);

  it('lists the article metadata and groups annotations by tag, untagged last', () => {
    assert.match(report, /^# Annotation report\n\n3 annotations in 1 article\.\n/);
    assert.match(report, /- \*\*news\/talks\.txt\*\*: Reuters · published 2026-02-12 · Admiralty B2 · <https:\/\/example\.org\/talks> \(3\)/);
    const headings = report.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Articles', '## Tag: claim (2)', '## Tag: military (1)', '## Untagged (1)']);
  });

  it('quotes the annotated text and escapes Markdown in user content', () => {
    const claim = report.slice(report.indexOf('## Tag: claim'), report.indexOf('## Tag: military'));
    assert.ok(claim.includes('> Pentagon officials said\n'));
    assert.ok(claim.includes('> "without conditions"\n'));
    assert.ok(claim.includes('Line one,  \nline "two"'));
    assert.ok(claim.includes('characters '), 'without the article text, offsets');
  });

  it('keeps notes as Markdown, defused of HTML and headings, and gives line and column with the text', () => {
    const note = '**Follow-up:** ask _both_ sources\n# not a heading\n<script>alert(1)</script>\n- 2 sources';
    const text = `Headline\n\n${ARTICLE}`;
    const annotation = { ...items[0].sidecar.annotations[0], note, tags: [], target: { ...items[0].sidecar.annotations[0].target, start: text.indexOf('Pentagon'), end: text.indexOf('Pentagon') + 23 } };
    const md = annotationsToMarkdown([{ article: 'a.txt', text, sidecar: { ...items[0].sidecar, annotations: [annotation] } }]);
    assert.ok(md.includes('**Follow-up:** ask _both_ sources'), md);
    assert.ok(md.includes('\\# not a heading'));
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('- 2 sources'));
    assert.ok(md.includes(`line 3, column ${ARTICLE.indexOf('Pentagon') + 1}–${ARTICLE.indexOf('Pentagon') + 23}`), md);
    assert.ok(!md.includes('characters '));
  });
});
