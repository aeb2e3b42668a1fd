/**
 * The W3C Web Annotation export checked against the W3C's own test schemas (draft-04 JSON Schemas in
 * ../shared/w3c-web-annotation-tests): every MUST assertion listed by the suite's `*Musts.test` files,
 * on the export of the sample articles' annotations (fixture sidecars in test/fixtures/sample-sidecars).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ArticleAnnotations } from '../../src/core/export/articleAnnotations';
import { annotationsToWebAnnotationCollection, importWebAnnotations, toWebAnnotation } from '../../src/core/export/webAnnotation';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extract } from '../../src/core/extract';
import { quoteLine, quotesOfArticle } from '../../src/core/analysis/quotes/quoteLedger';

const ROOT = path.resolve(__dirname, '../..');
const W3C = path.resolve(ROOT, '../shared/w3c-web-annotation-tests');
const SAMPLES = path.join(ROOT, 'samples');
const FIXTURES = path.join(ROOT, 'test/fixtures/sample-sidecars');

interface Assertion { file: string; type: string; expected: 'valid' | 'invalid'; validate: (data: unknown) => boolean }

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

/** Every assertion a `*Musts.test` file lists, compiled with the suite's definitions. */
function loadMusts(testFile: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const file of jsonFiles(path.join(W3C, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
  const list = JSON.parse(readFileSync(path.join(W3C, testFile), 'utf8')) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = JSON.parse(readFileSync(path.join(W3C, file), 'utf8')) as { assertionType?: string; expectedResult?: string };
    return {
      file, type: schema.assertionType ?? 'must', expected: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
      validate: ajv.compile(schema) as (data: unknown) => boolean,
    };
  });
}

function failures(assertions: readonly Assertion[], data: unknown): string[] {
  return assertions.filter((a) => a.type === 'must' && (a.validate(data) ? 'valid' : 'invalid') !== a.expected).map((a) => a.file);
}

function sampleItems(): ArticleAnnotations[] {
  return readdirSync(FIXTURES).filter((name) => name.endsWith('.annotations.yaml')).sort().map((name) => {
    const article = path.join(SAMPLES, name.replace(/\.annotations\.yaml$/, ''));
    const document = SidecarDocument.parse(readFileSync(path.join(FIXTURES, name), 'utf8'), { textLength: readFileSync(article, 'utf8').length });
    assert.deepEqual(document.problems, [], name);
    return { article: path.relative(ROOT, article), uri: pathToFileURL(article).href, sidecar: document.sidecar };
  });
}

describe('W3C Web Annotation export against the W3C test schemas', () => {
  const annotationMusts = loadMusts('annotations/annotationMusts.test');
  const collectionMusts = loadMusts('collections/collectionMusts.test');
  const pageMusts = loadMusts('collections/pages/pageMusts.test');
  const items = sampleItems();
  const exported = JSON.parse(JSON.stringify(annotationsToWebAnnotationCollection(items))) as {
    first: { items: Record<string, unknown>[] } & Record<string, unknown>;
  } & Record<string, unknown>;

  it('the schemas tell good from bad: the suite\'s own incorrect samples fail some MUST', () => {
    const incorrect = path.join(W3C, 'tools/samples/incorrect');
    const parsed = readdirSync(incorrect).filter((name) => name.endsWith('.json')).flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(path.join(incorrect, name), 'utf8')) as unknown];
      } catch {
        return []; // a sample that is not even JSON
      }
    });
    const caught = parsed.filter((sample) => failures(annotationMusts, sample).length > 0);
    const correct = path.join(W3C, 'tools/samples/correct');
    const good = readdirSync(correct).filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(correct, name), 'utf8')) as { type?: unknown })
      .filter((sample) => sample.type === 'Annotation');
    const passed = good.filter((sample) => failures(annotationMusts, sample).length === 0);
    console.log(`      W3C samples: ${caught.length} of ${parsed.length} incorrect ones fail an annotation MUST; ${passed.length} of ${good.length} correct annotations pass all`);
    assert.ok(annotationMusts.length >= 50, `${annotationMusts.length} assertions`);
    assert.ok(caught.length >= parsed.length / 2, `${caught.length} of ${parsed.length}`);
    // Three correct samples (anno11–13) use Composite targets from an older draft of the model.
    assert.ok(passed.length >= good.length - 3, `${passed.length} of ${good.length}`);
  });

  it('passes every annotation MUST on each exported annotation of the samples', () => {
    const annotations = exported.first.items;
    assert.equal(annotations.length, items.reduce((sum, item) => sum + item.sidecar.annotations.length, 0));
    assert.ok(annotations.length >= 8);
    const failed = annotations.flatMap((annotation) => failures(annotationMusts, annotation).map((file) => `${String(annotation.id)}: ${file}`));
    console.log(`      ${annotations.length} annotations × ${annotationMusts.length} MUST assertions: ${failed.length} failed`);
    assert.deepEqual(failed, []);
  });

  it('passes every collection MUST on the collection and every page MUST on its page', () => {
    const failedCollection = failures(collectionMusts, exported);
    const failedPage = failures(pageMusts, { '@context': exported['@context'], ...exported.first });
    console.log(`      collection: ${collectionMusts.length} MUST assertions, ${failedCollection.length} failed; page: ${pageMusts.length}, ${failedPage.length} failed`);
    assert.deepEqual(failedCollection, []);
    assert.deepEqual(failedPage, []);
  });

  it('has absolute IRIs, full date-times, no empty body, SHOULDs, and the article URL and grades', () => {
    for (const annotation of exported.first.items as unknown as ReturnType<typeof toWebAnnotation>[]) {
      const target = annotation.target as { source: string };
      assert.match(target.source, /^file:\/\/\//);
      assert.match(annotation.created!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      assert.match(annotation.modified!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      assert.ok(annotation.body === undefined || (Array.isArray(annotation.body) && annotation.body.length > 0));
      assert.ok(['commenting', 'tagging', 'highlighting'].includes(annotation.motivation!));
    }
    const byId = new Map((exported.first.items as unknown as ReturnType<typeof toWebAnnotation>[]).map((a) => [a.id, a]));
    const bare = byId.get('urn:source-annotator:annotation:note%3A1')!;
    assert.equal(bare.body, undefined);
    assert.equal(bare.motivation, 'highlighting');
    assert.equal(bare.created, '2026-02-12T00:00:00Z');
    const graded = byId.get('urn:source-annotator:annotation:a-m1x2k3p4-7fq2a1')!;
    assert.deepEqual(graded.creator, { type: 'Person', name: 'jd' });
    assert.deepEqual(graded.body, [
      { type: 'TextualBody', value: 'Colby\'s framing; compare with the ministers\' communiqué.', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'framework-claim', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'nato', purpose: 'tagging', format: 'text/plain' },
    ]);
    const target = graded.target as unknown as Record<string, unknown>;
    assert.equal(target.articleUrl, 'https://example.org/news/colby-nato');
    assert.equal(target.reliability, 'B');
    assert.equal(target.credibility, 2);
    assert.equal(target.articlePublished, '2026-02-12');
    // A URL that is not an IRI is left out rather than exported as one.
    const unlinked = [...byId.values()].find((a) => (a.target as { source: string }).source.includes('Hegseth%20Warns%20NATO'))!;
    assert.equal((unlinked.target as unknown as Record<string, unknown>).articleUrl, undefined);
    assert.equal((unlinked.target as unknown as Record<string, unknown>).articleOutlet, 'Washington Examiner');
    assert.match(String(exported.id), /^urn:source-annotator:collection:[0-9a-f]{16}$/);
    assert.equal(exported.first.id, `${String(exported.id)}:page:1`);
  });

  it('imports its export back into identical annotations, ids included', () => {
    const texts = new Map(items.map((item) => [item.uri!, readFileSync(new URL(item.uri!), 'utf8')]));
    const { imported, skipped } = importWebAnnotations(exported, { textOf: (source) => texts.get(source) });
    assert.deepEqual(skipped, []);
    const expected = items.flatMap((item) => item.sidecar.annotations.map((annotation) => ({
      source: item.uri,
      // Date-only timestamps come back as the full date-times they were exported as.
      annotation: { ...annotation, created: annotation.created.length === 10 ? `${annotation.created}T00:00:00Z` : annotation.created,
        modified: annotation.modified.length === 10 ? `${annotation.modified}T00:00:00Z` : annotation.modified },
    })));
    assert.deepEqual(imported, expected);
    assert.ok(imported.some(({ annotation }) => annotation.id === 'note:1'));
    assert.ok(imported.some(({ annotation }) => annotation.id === 'x)www.evil.example('));
  });
});

describe('W3C Web Annotation export of the articles\' quotations', () => {
  const annotationMusts = loadMusts('annotations/annotationMusts.test');
  const pageMusts = loadMusts('collections/pages/pageMusts.test');
  const index = new CorpusIndex({ extract });
  const items = sampleItems().map((item) => {
    const text = readFileSync(new URL(item.uri!), 'utf8');
    index.update(item.uri!, text);
    const quotes = quotesOfArticle(index, item.uri!).map((q) => quoteLine(q)).map(({ file: _file, ...q }) => q);
    return { ...item, text, quotes };
  });
  const exported = JSON.parse(JSON.stringify(annotationsToWebAnnotationCollection(items))) as { first: { items: Record<string, unknown>[] } & Record<string, unknown> } & Record<string, unknown>;
  const quotations = exported.first.items.filter((a) => a.motivation === 'quoting');

  it('exports every quotation after the annotations, each passing every annotation MUST', () => {
    const count = items.reduce((n, item) => n + item.quotes.length, 0);
    assert.ok(count >= 5, `${count} quotations in the annotated samples`);
    assert.equal(quotations.length, count);
    assert.equal(exported.first.items.length, count + items.reduce((n, item) => n + item.sidecar.annotations.length, 0));
    const failed = quotations.flatMap((q) => failures(annotationMusts, q).map((file) => `${String(q.id)}: ${file}`));
    const failedPage = failures(pageMusts, { '@context': exported['@context'], ...exported.first });
    console.log(`      ${quotations.length} quotations × ${annotationMusts.length} MUST assertions: ${failed.length} failed; page: ${failedPage.length} failed`);
    assert.deepEqual(failed, []);
    assert.deepEqual(failedPage, []);
  });

  it('says who speaks, points at the quoted words, and keeps ids stable', () => {
    const first = items.find((item) => item.quotes.some((q) => q.speaker))!;
    const quote = first.quotes.find((q) => q.speaker)!;
    const web = quotations.find((a) => ((a.target as { selector: { start?: number }[] }).selector[1].start === quote.start) && (a.target as { source: string }).source === first.uri)!;
    assert.deepEqual(web.body, [{ type: 'TextualBody', value: `Said by ${quote.speaker}.`, purpose: 'describing', format: 'text/plain', language: 'en' }]);
    const [textQuote, position] = (web.target as { selector: Record<string, unknown>[] }).selector;
    assert.equal(textQuote.exact, first.text.slice(quote.start, quote.end));
    assert.deepEqual(position, { type: 'TextPositionSelector', start: quote.start, end: quote.end });
    assert.deepEqual(web.creator, { type: 'Software', name: 'Source Annotator' });
    assert.equal(new Set(quotations.map((q) => q.id)).size, quotations.length, 'one id per quotation');
    assert.deepEqual(JSON.parse(JSON.stringify(annotationsToWebAnnotationCollection(items))), exported, 'the same export twice');
  });

  it('imports only the analyst\'s annotations back, not the quotations', () => {
    const texts = new Map(items.map((item) => [item.uri!, item.text]));
    const { imported, skipped } = importWebAnnotations(exported, { textOf: (source) => texts.get(source) });
    assert.deepEqual(skipped, []);
    assert.equal(imported.length, items.reduce((n, item) => n + item.sidecar.annotations.length, 0));
  });
});
