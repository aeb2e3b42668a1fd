import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Annotation } from '../../src/core/sidecar/model';
import { SidecarDocument, SidecarReadOnlyError } from '../../src/core/sidecar/sidecarDocument';
import { articlePathFor, isSidecarPath, sidecarPathFor } from '../../src/core/sidecar/sidecarPath';
import { articleTextHash, fnv1a64Hex } from '../../src/core/sidecar/textHash';

const HAND_WRITTEN = `# Annotations for the Reuters piece on the talks.
version: 1
article:
  published: 2026-02-12
  source: Reuters # wire copy
  reliability: B
  credibility: 2
  desk: europe # not in the schema; must survive
annotations:
  - id: a1
    tags: [claim, military]
    note: Check against the ministry statement.
    author: jd
    created: 2026-02-12T09:00:00Z
    modified: 2026-02-12T09:00:00Z
    target:
      exact: "Pentagon officials said"
      prefix: "In Washington, "
      suffix: " the talks would resume"
      start: 15
      end: 38
      textHash: fnv1a64:0123456789abcdef
    reviewed: true

  # The figure looks inflated.
  - id: a2
    tags: [figure]
    note: |-
      Two sources disagree.
      Follow up.
    created: 2026-02-12T09:05:00Z
    modified: 2026-02-12T09:05:00Z
    target:
      exact: "33 billion"
      prefix: "worth "
      suffix: " dollars"
      start: 70
      end: 80
      textHash: fnv1a64:0123456789abcdef
  - id: a3
    tags: []
    note: ""
    created: 2026-02-12T09:10:00Z
    modified: 2026-02-12T09:10:00Z
    target:
      exact: "Brussels"
      prefix: "in "
      suffix: "."
      start: 90
      end: 98
      textHash: fnv1a64:0123456789abcdef
`;

function annotation(id: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id, tags: ['claim'], note: 'a note', author: 'jd', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
    target: { exact: 'quote', prefix: 'before ', suffix: ' after', start: 7, end: 12, textHash: articleTextHash('before quote after') },
    ...overrides,
  };
}

/** Indices of lines that differ between two texts with the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, `line count changed:\n${after}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('sidecar document', () => {
  it('reads a hand-written sidecar without problems and reproduces it byte for byte', () => {
    const document = SidecarDocument.parse(HAND_WRITTEN);
    assert.deepEqual(document.problems, []);
    assert.equal(document.toString(), HAND_WRITTEN);
    const { article, annotations } = document.sidecar;
    assert.deepEqual(article, { published: '2026-02-12', source: 'Reuters', reliability: 'B', credibility: 2 });
    assert.deepEqual(annotations.map((a) => a.id), ['a1', 'a2', 'a3']);
    assert.equal(annotations[1].note, 'Two sources disagree.\nFollow up.');
    assert.equal(annotations[0].target.exact, 'Pentagon officials said');
  });

  it('round-trips arbitrary notes, tags and quotes through write and read', () => {
    // Any characters, and text built from the characters YAML treats specially: blank-looking lines,
    // tabs, quotes, escapes and comment and key markers.
    const yamlSyntax = fc.constantFrom(' ', '\n', '\t', 'a', '"', '\\', '#', ':', '-', "'", '\r');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: yamlSyntax, maxLength: 80 }));
    fc.assert(fc.property(fc.array(fc.tuple(text, fc.array(text.filter((t) => t.trim() !== ''), { maxLength: 3 }), text.filter((t) => t !== '')), { maxLength: 4 }),
      (items) => {
        const document = SidecarDocument.create({ source: 'Outlet: "quoted"', url: 'https://example.org/a?b=c#d' });
        items.forEach(([note, tags, exact], i) => document.addAnnotation(annotation(`id-${i}`, {
          note, tags, target: { exact, prefix: ` ${note}`, suffix: `${exact} `, start: 0, end: exact.length, textHash: articleTextHash(exact) },
        })));
        const reread = SidecarDocument.parse(document.toString(), { textLength: 1000 });
        assert.deepEqual(reread.problems, []);
        assert.deepEqual(reread.sidecar, document.sidecar);
      }), { numRuns: 150 });
  });

  it('updating one annotation changes only the lines of the fields that changed', () => {
    const document = SidecarDocument.parse(HAND_WRITTEN);
    assert.ok(document.updateAnnotation('a2', { note: 'Confirmed by the ministry.', modified: '2026-02-13T08:00:00Z' }));
    const after = document.toString();
    // A block note of two lines becomes a one-line note: compare without those lines.
    assert.equal(after.split('\n').length, HAND_WRITTEN.split('\n').length - 2);
    assert.match(after, /# The figure looks inflated\./);
    const reread = SidecarDocument.parse(after);
    assert.equal(reread.getAnnotation('a2')?.note, 'Confirmed by the ministry.');
    assert.deepEqual(reread.getAnnotation('a1'), SidecarDocument.parse(HAND_WRITTEN).getAnnotation('a1'));

    const again = SidecarDocument.parse(HAND_WRITTEN);
    again.updateAnnotation('a1', { tags: ['claim', 'verified'], target: { ...again.getAnnotation('a1')!.target, start: 16, end: 39 } });
    assert.deepEqual(changedLines(HAND_WRITTEN, again.toString()),
      [lineOf(HAND_WRITTEN, 'tags: [claim, military]'), lineOf(HAND_WRITTEN, 'start: 15'), lineOf(HAND_WRITTEN, 'end: 38')]);
  });

  it('adding appends only the new annotation; removing drops only its lines', () => {
    const document = SidecarDocument.parse(HAND_WRITTEN);
    document.addAnnotation(annotation('a4'));
    const added = document.toString();
    assert.ok(added.startsWith(HAND_WRITTEN), 'existing lines must be untouched');
    assert.match(added.slice(HAND_WRITTEN.length), /^ {2}- id: a4\n {4}tags: \[claim\]\n/);

    const removing = SidecarDocument.parse(HAND_WRITTEN);
    assert.ok(removing.removeAnnotation('a3'));
    assert.equal(removing.removeAnnotation('missing'), false);
    const removed = removing.toString();
    assert.equal(removed, HAND_WRITTEN.slice(0, HAND_WRITTEN.indexOf('  - id: a3')));
  });

  it('keeps comments and unknown keys through metadata edits and tag renames', () => {
    const document = SidecarDocument.parse(HAND_WRITTEN);
    document.setMetadata({ reliability: 'C', url: 'https://example.org/story', credibility: undefined });
    assert.equal(document.renameTag('claim', 'assertion'), 1);
    const after = document.toString();
    for (const kept of ['# Annotations for the Reuters piece', 'source: Reuters # wire copy', 'desk: europe # not in the schema', 'reviewed: true', '# The figure looks inflated.']) {
      assert.ok(after.includes(kept), `lost "${kept}"`);
    }
    const reread = SidecarDocument.parse(after).sidecar;
    assert.deepEqual(reread.article, { published: '2026-02-12', source: 'Reuters', url: 'https://example.org/story', reliability: 'C' });
    assert.deepEqual(reread.annotations[0].tags, ['assertion', 'military']);
    // New metadata goes where the schema order puts it, after "source".
    assert.ok(after.indexOf('url:') > after.indexOf('source:') && after.indexOf('url:') < after.indexOf('reliability:'));
  });

  it('creates a new sidecar whose first annotation is a block list item', () => {
    const document = SidecarDocument.create({ published: '2026-02-12', reliability: 'A' });
    document.addAnnotation(annotation('first'));
    const text = document.toString();
    assert.match(text, /^version: 1\narticle:\n {2}published: 2026-02-12\n {2}reliability: A\nannotations:\n {2}- id: first\n/);
    assert.deepEqual(SidecarDocument.parse(text).sidecar.annotations[0], annotation('first'));
  });

  it('keeps the list style of files written without indented sequences', () => {
    const flat = HAND_WRITTEN.replace(/^ {2}- /gm, '- ').replace(/^ {4}/gm, '  ').replace(/^ {6}/gm, '    ')
      .replace('  # The figure', '# The figure');
    const document = SidecarDocument.parse(flat);
    assert.deepEqual(document.problems, []);
    document.updateAnnotation('a3', { note: 'capital' });
    assert.deepEqual(changedLines(flat, document.toString()), [lineOf(flat, 'note: ""')]);
  });

  it('keeps Windows line ends', () => {
    const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
    const document = SidecarDocument.parse(crlf);
    assert.equal(document.toString(), crlf);
    document.updateAnnotation('a1', { author: 'mk' });
    assert.deepEqual(changedLines(crlf.replace(/\r/g, ''), document.toString().replace(/\r/g, '')), [lineOf(HAND_WRITTEN, 'author: jd')]);
    assert.equal(document.toString().split('\r\n').length, crlf.split('\r\n').length);
  });

  it('refuses duplicate ids on add and reports unknown ids on update', () => {
    const document = SidecarDocument.parse(HAND_WRITTEN);
    assert.throws(() => document.addAnnotation(annotation('a1')), /already used/);
    assert.equal(document.updateAnnotation('nope', { note: 'x' }), false);
  });
});

describe('malformed sidecars', () => {
  function problemsOf(text: string, textLength?: number) {
    const document = SidecarDocument.parse(text, { textLength });
    return { document, problems: document.problems };
  }

  it('reports truncated YAML with line and column and refuses to write or edit', () => {
    const truncated = HAND_WRITTEN.slice(0, HAND_WRITTEN.indexOf('"33 billion"') + 5);
    const { document, problems } = problemsOf(truncated);
    assert.ok(problems.length > 0 && problems[0].severity === 'error');
    assert.ok(problems[0].line >= lineOf(HAND_WRITTEN, '"33 billion"'), JSON.stringify(problems[0]));
    assert.ok(problems[0].column >= 1);
    // One sentence: the parser's trailing ":" (before an excerpt we do not show) and its repeated position go.
    assert.doesNotMatch(problems[0].message, /:$|at line \d+, column \d+/);
    assert.throws(() => document.toString(), SidecarReadOnlyError);
    assert.throws(() => document.addAnnotation(annotation('x')), SidecarReadOnlyError);
    assert.throws(() => document.sidecar, /will not be rewritten/);
  });

  it('reports wrong types at the offending node', () => {
    const text = HAND_WRITTEN.replace('start: 70', 'start: seventy').replace('credibility: 2', 'credibility: 9')
      .replace('tags: [figure]', 'tags: figure');
    const { document, problems } = problemsOf(text);
    const at = (path: string) => problems.find((problem) => problem.path === path);
    assert.deepEqual([at('annotations.1.target.start')?.line, at('annotations.1.target.start')?.column], [lineOf(text, 'start: seventy'), 14]);
    assert.match(at('annotations.1.target.start')!.message, /"start" must be an integer ≥ 0, not the string "seventy"/);
    assert.deepEqual([at('article.credibility')?.line, at('article.credibility')?.column], [lineOf(text, 'credibility: 9'), 16]);
    assert.equal(at('annotations.1.tags')?.line, lineOf(text, 'tags: figure'));
    assert.ok(document.hasErrors);
  });

  it('reports duplicate ids, naming the first use', () => {
    const text = HAND_WRITTEN.replace('id: a3', 'id: a1');
    const { problems } = problemsOf(text);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].line, problems[0].column], [lineOf(text, '- id: a1\n    tags: []'), 9]);
    assert.match(problems[0].message, new RegExp(`Duplicate annotation id "a1" \\(first used on line ${lineOf(text, 'id: a1')}\\)`));
  });

  it('warns about anchors beyond the end of the article without blocking writes', () => {
    const { document, problems } = problemsOf(HAND_WRITTEN, 85);
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.path]), [['warning', lineOf(HAND_WRITTEN, 'end: 98'), 'annotations.2.target.end']]);
    assert.match(problems[0].message, /beyond the end of the article \(85 characters\)/);
    assert.equal(document.toString(), HAND_WRITTEN);
  });

  it('rejects other versions, non-mapping roots and missing targets', () => {
    assert.match(problemsOf('version: 2\nannotations: []\n').problems[0].message, /Unsupported sidecar version/);
    assert.match(problemsOf('- just\n- a list\n').problems[0].message, /must be a mapping/);
    const missing = problemsOf('version: 1\nannotations:\n  - id: x\n    note: hi\n').problems;
    assert.deepEqual(missing.map((p) => [p.line, p.message]), [[3, 'Missing "target" (exact, prefix, suffix, start, end, textHash)']]);
    assert.match(problemsOf('version: 1\nversion: 1\n').problems[0].message, /unique/i);
  });

  it('reads what another tool or a hand writes loosely: no version, a numeric id, a quote without offsets or context', () => {
    const loose = 'annotations:\n  - id: 7\n    tags: [claim]\n    target:\n      exact: "the army"\n';
    const { document, problems } = problemsOf(loose);
    assert.deepEqual(problems.map((p) => [p.severity, p.path]), [['warning', 'version'], ['warning', 'annotations.0.target.start']]);
    assert.equal(document.hasErrors, false);
    const [read] = document.sidecar.annotations;
    assert.equal(read.id, '7');
    assert.equal(read.target.contextUnknown, true);
    assert.equal(read.target.offsetsUnknown, true);
    // The numeric id is found for edits, and the flags are never written.
    assert.equal(document.updateAnnotation('7', { note: 'checked', target: { ...read.target, start: 3, end: 11, prefix: 'at ', suffix: '.' } }), true);
    const written = document.toString();
    assert.match(written, /note: checked/);
    assert.doesNotMatch(written, /Unknown/);
    // A stated context, even an empty one, is known: the quote sat at an edge of the article.
    const stated = problemsOf('version: 1\nannotations:\n  - id: a\n    target:\n      exact: "x"\n      prefix: ""\n      start: 0\n      end: 1\n');
    assert.equal(stated.document.sidecar.annotations[0].target.contextUnknown, undefined);
    assert.equal(stated.document.sidecar.annotations[0].target.offsetsUnknown, undefined);
  });

  it('refuses a 10 MB sidecar with one clear error instead of parsing it', function () {
    // Parsing 10 MB of YAML takes far longer than this: the timeout catches a guard that parses first.
    this.timeout(5000);
    const huge = 'version: 1\nannotations:\n' + '  - id: x\n'.repeat(1_100_000);
    const { document, problems } = problemsOf(huge);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Sidecar is too large \(10\.5 MB, limit 4\.0 MB\)/);
    assert.throws(() => document.toString(), SidecarReadOnlyError);
  });
});

describe('sidecar naming and text hash', () => {
  it('maps articles to sidecars and back under the default and a custom pattern', () => {
    assert.equal(sidecarPathFor('news/a.txt'), 'news/a.txt.annotations.yaml');
    assert.equal(articlePathFor('news/a.txt.annotations.yaml'), 'news/a.txt');
    assert.equal(sidecarPathFor('C:\\news\\a.md', '.{file}.notes.yml'), 'C:\\news\\.a.md.notes.yml');
    assert.equal(articlePathFor('C:\\news\\.a.md.notes.yml', '.{file}.notes.yml'), 'C:\\news\\a.md');
    assert.equal(isSidecarPath('news/a.txt'), false);
    assert.throws(() => sidecarPathFor('a.txt', 'notes/{file}.yaml'), /path separator/);
  });

  it('computes FNV-1a 64 over UTF-8 bytes', () => {
    assert.equal(fnv1a64Hex(''), 'cbf29ce484222325');
    assert.equal(fnv1a64Hex('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64Hex('foobar'), '85944171f73967e8');
    // "é" is two UTF-8 bytes, so it must not hash like the single byte 0xe9.
    assert.notEqual(fnv1a64Hex('é'), fnv1a64Hex('\u00e9'.normalize('NFD')));
    assert.match(articleTextHash('text'), /^fnv1a64:[0-9a-f]{16}$/);
  });
});
