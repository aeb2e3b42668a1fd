/**
 * Hand-written sidecars stay as written: an unedited file is saved back byte for byte, and an edit
 * changes only the lines it must, whatever the layout (comments, blank lines, folded notes, flow lists
 * over several lines, unusual indents, line ends, no final newline, aliases).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { mergeOntoText } from '../../src/core/sidecar/mergeSidecars';

const ANNOTATION = `  - id: a1
    tags: [claim, verify]
    note: Check.
    created: 2026-02-12T10:00:00Z
    modified: 2026-02-12T10:00:00Z
    target:
      exact: "Pentagon officials said"
      prefix: "BRUSSELS, Feb 12 - "
      suffix: " on Thursday that the talks woul"
      start: 19
      end: 42
      textHash: ""
`;
const second = ANNOTATION.replace('id: a1', 'id: a2').replace('note: Check.', 'note: Second.');

const LAYOUTS: Record<string, string> = {
  'a comment after article:': `version: 1\narticle: # about the piece\n  source: Reuters\nannotations:\n${ANNOTATION}${second}`,
  'a trailing comment': `version: 1\narticle:\n  source: Reuters\nannotations:\n${ANNOTATION}${second}# end of file\n`,
  'a multi-line flow list': `version: 1\nannotations:\n${ANNOTATION.replace('tags: [claim, verify]', 'tags: [claim,\n      verify]')}${second}`,
  'a folded > note': `version: 1\nannotations:\n${second}${ANNOTATION.replace('note: Check.', 'note: >\n      A long folded\n      note here.')}`,
  'runs of blank lines': `version: 1\n\n\narticle:\n  source: Reuters\n\n\n\nannotations:\n${ANNOTATION}\n\n${second}`,
  'no final newline': `version: 1\nannotations:\n${ANNOTATION}${second}`.replace(/\n$/, ''),
  'a "-   " item indent': `version: 1\nannotations:\n${(ANNOTATION + second).replace(/ {2}- id/g, '  -   id').replace(/\n {4}/g, '\n      ').replace(/\n {8}(exact|prefix|suffix|start|end|textHash)/g, '\n          $1')}`,
  'CRLF line ends': `version: 1\r\nannotations:\r\n${(ANNOTATION + second).replace(/\n/g, '\r\n')}`,
  'one stray CRLF': `version: 1\r\nannotations:\n${ANNOTATION}${second}`,
  'an alias': `version: 1\ndefaults:\n  tags: &t [claim]\nannotations:\n${ANNOTATION}${second.replace('tags: [claim, verify]', 'tags: *t')}`,
  'a comment inside the tag list': `version: 1\nannotations:\n${ANNOTATION.replace('tags: [claim, verify]', 'tags:\n      - claim # first\n      # why:\n      - verify')}${second}`,
};

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** The lines of `after` that are not in `before`, and those of `before` not in `after` (as multisets). */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const count = new Map<string, number>();
  for (const line of lines(before)) count.set(line, (count.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of lines(after)) {
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else added.push(line);
  }
  const removed = [...count.entries()].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { added, removed };
}

describe('hand-written sidecars stay as written', () => {
  for (const [layout, text] of Object.entries(LAYOUTS)) {
    it(`${layout}: saved unedited byte for byte, and an edit of the other annotation changes only its line`, () => {
      const document = SidecarDocument.parse(text);
      assert.deepEqual(document.problems.filter((p) => p.severity === 'error'), []);
      assert.equal(document.toString(), text);
      const edited = SidecarDocument.parse(text);
      assert.ok(edited.updateAnnotation('a2', { note: 'Second, checked.' }));
      const output = edited.toString();
      const { added, removed } = changedLines(text, output);
      assert.deepEqual(removed.map((l) => l.trim()), ['note: Second.'], output);
      assert.deepEqual(added.map((l) => l.trim()), ['note: Second, checked.'], output);
      assert.equal(SidecarDocument.parse(output).getAnnotation('a2')?.note, 'Second, checked.');
      assert.deepEqual(SidecarDocument.parse(output).getAnnotation('a1'), document.getAnnotation('a1'));
    });
  }

  it('keeps a CRLF file CRLF, and one stray CRLF does not convert an LF file', () => {
    const crlf = SidecarDocument.parse(LAYOUTS['CRLF line ends']);
    crlf.addAnnotation({ ...crlf.getAnnotation('a1')!, id: 'a3', note: 'New.' });
    const crlfText = crlf.toString();
    assert.doesNotMatch(crlfText, /[^\r]\n/);
    assert.equal(SidecarDocument.parse(crlfText).sidecar.annotations.length, 3);

    const stray = SidecarDocument.parse(LAYOUTS['one stray CRLF']);
    stray.addAnnotation({ ...stray.getAnnotation('a1')!, id: 'a3', note: 'New.' });
    const strayText = stray.toString();
    assert.equal(strayText.match(/\r\n/g)?.length, 1);
    assert.ok(strayText.startsWith('version: 1\r\nannotations:\n'));
  });

  it('keeps the comments inside a tag list when tags are edited', () => {
    const document = SidecarDocument.parse(LAYOUTS['a comment inside the tag list']);
    document.updateAnnotation('a1', { tags: ['claim', 'verify', 'sourcing'] });
    const output = document.toString();
    assert.match(output, / {6}- claim # first\n {6}# why:\n {6}- verify\n {6}- sourcing\n/);
    assert.deepEqual(SidecarDocument.parse(output).getAnnotation('a1')?.tags, ['claim', 'verify', 'sourcing']);
  });

  it('reads valid YAML aliases', () => {
    const document = SidecarDocument.parse(LAYOUTS['an alias']);
    assert.deepEqual(document.problems, []);
    assert.deepEqual(document.getAnnotation('a2')?.tags, ['claim']);
  });

  it('a merge onto a hand-written file keeps its layout and our side\'s unknown keys', () => {
    const ours = SidecarDocument.parse(LAYOUTS['runs of blank lines'].replace('    note: Second.\n', '    note: Second.\n    checked-by: desk\n'));
    const base = ours.sidecar;
    ours.updateAnnotation('a2', { note: 'Ours.' });
    const theirs = LAYOUTS['runs of blank lines'].replace(/ {2}- id: a2[\s\S]*$/, '');
    const merged = mergeOntoText(base, ours, theirs);
    assert.deepEqual(merged.conflicts.map((c) => c.kind), ['modified-deleted']);
    assert.match(merged.text, /^version: 1\n\n\narticle:\n {2}source: Reuters\n\n\n\nannotations:\n/);
    assert.match(merged.text, / {4}note: Ours\.\n {4}checked-by: desk\n/);
  });

  it('random layouts: unedited byte for byte, edited changing only the edited note (property, fixed seed)', () => {
    const outcomes = { runs: 0, crlf: 0, noFinalNewline: 0, comments: 0, identicalUnedited: 0, onlyNoteChanged: 0 };
    const layout = fc.record({
      eol: fc.constantFrom('\n', '\r\n'),
      indent: fc.constantFrom(2, 3, 4),
      itemGap: fc.constantFrom('', ' ', '   '),
      blanks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
      comment: fc.boolean(),
      finalNewline: fc.boolean(),
      count: fc.integer({ min: 1, max: 4 }),
      edit: fc.nat(),
      note: fc.string({ unit: fc.constantFrom(...'abc XYZ,.;!?-'), minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && /^[a-zA-Z]/.test(s)),
    });
    fc.assert(fc.property(layout, (l) => {
      outcomes.runs++;
      const pad = ' '.repeat(l.indent);
      const blank = (n: number): string => l.eol.repeat(n);
      let text = `version: 1${l.comment ? '  # by hand' : ''}${l.eol}${blank(l.blanks[0])}annotations:${l.eol}`;
      for (let i = 0; i < l.count; i++) {
        const inner = pad + ' '.repeat(2 + l.itemGap.length);
        text += `${pad}-${l.itemGap} id: n${i}${l.eol}${inner}tags: [t${i}]${l.eol}${inner}note: Note ${i}.${l.eol}`
          + `${inner}created: 2026-02-12T10:00:00Z${l.eol}${inner}target:${l.eol}`
          + `${inner}${pad}exact: "Pentagon"${l.eol}${inner}${pad}start: 19${l.eol}${inner}${pad}end: 27${l.eol}${blank(l.blanks[1 + (i % 3)])}`;
      }
      if (l.comment) text += `# the end${l.eol}`;
      if (!l.finalNewline) text = text.replace(/(\r?\n)+$/, '');
      if (l.eol === '\r\n') outcomes.crlf++;
      if (!l.finalNewline) outcomes.noFinalNewline++;
      if (l.comment) outcomes.comments++;
      const document = SidecarDocument.parse(text);
      assert.deepEqual(document.problems.filter((p) => p.severity === 'error'), [], text);
      assert.equal(document.toString(), text);
      outcomes.identicalUnedited++;
      const id = `n${l.edit % l.count}`;
      document.updateAnnotation(id, { note: l.note });
      const output = document.toString();
      const { added, removed } = changedLines(text, output);
      assert.deepEqual(removed.map((s) => s.trim()), [`note: Note ${l.edit % l.count}.`], JSON.stringify(output));
      assert.equal(added.length, 1, JSON.stringify(output));
      assert.equal(SidecarDocument.parse(output).getAnnotation(id)?.note, l.note);
      outcomes.onlyNoteChanged++;
    }), { numRuns: 400 });
    console.log(`      random layouts: ${JSON.stringify(outcomes)}`);
    assert.equal(outcomes.onlyNoteChanged, outcomes.runs);
  });
});
